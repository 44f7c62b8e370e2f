"""Property tests: whatever the input, the readers, the filter language and the renderers
give a result plus located problems, never an exception.

- arbitrary YAML and JSON documents (shaped like profiles or not) -> a profile, problems
  inside the file, and node trees the renderers can build;
- arbitrary BibTeX-like text -> entries and located problems, and a good entry after any
  amount of broken text is still read (nothing is swallowed silently);
- arbitrary filter expressions, hostile ones included -> a filter that answers True or
  False, or a FilterError that says why;
- dates: what the profile reader reads back is what was written, and the order agrees
  with the "end before start" check.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import yaml
from docutils import nodes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_academic.diagnostics import SUBTYPES, Problem
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.names import OwnerMatcher
from sphinx_academic.model.profile import Profile
from sphinx_academic.model.texmath import math_problem
from sphinx_academic.query.filter import FilterError, compile_filter
from sphinx_academic.readers.bibtex import merge_files, parse_bibtex
from sphinx_academic.readers.profile import read_document
from sphinx_academic.readers.yamlsafe import parse_text
from sphinx_academic.render.context import RenderContext
from sphinx_academic.render.dates import iso_value
from sphinx_academic.render.profile import ProfileContext, news, profile_card, section_block
from sphinx_academic.render.publication import entry_node

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def _located(problems: list[Problem], path: str, text: str) -> None:
    """Every problem is about ``path``, has a documented subtype and a place in it."""
    lines = len(text.splitlines()) + 1  # any line break a reader may count (\r, \x85...)
    for problem in problems:
        assert problem.path == path and problem.subtype in SUBTYPES, problem
        assert problem.line is None or 1 <= problem.line <= lines + 1, (problem, lines)
        assert problem.column is None or problem.column >= 1, problem
        assert problem.message.strip(), problem


# -- profiles -----------------------------------------------------------------------------

KEYS = st.sampled_from(
    [
        "basics", "work", "education", "awards", "news", "projects", "skills", "talks",
        "name", "position", "title", "text", "date", "startDate", "endDate", "url", "summary",
        "highlights", "keywords", "location", "profiles", "network", "username", "image",
        "email", "institution", "studyType", "cv", "sections", "meta", "$schema", "city",
    ]
) | st.text(max_size=6)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "2020", "2020-02", "2020-02-30", "2020-13-01", "present", "Fall 2019", "",
            "*unclosed", "`x <javascript:alert(1)>`_", ":math:`\\input{x}`", "NO", "yes",
            ":download:`x <../../etc/passwd>`", "<script>", "https://example.org",
        ]
    ),
    st.text(max_size=12),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=6) | VALUES


def _plain_context() -> ProfileContext:
    return ProfileContext(
        inline=lambda text, source: [nodes.Text(text)],
        language="en",
        srcdir="/nonexistent/site",
        warn=lambda message, location, subtype: None,
    )


def _render_everything(profile: Profile) -> None:
    ctx = _plain_context()
    profile_card(profile.basics, ctx)
    news(profile.news, ctx)
    for section in profile.sections:
        section_block(section, ctx)


def _read(text: str, path: str) -> None:
    document, problems = parse_text(text, path)
    _located(problems, path, text)
    if document is not None:
        profile, found = read_document(document)
        _located(found, path, text)
        assert isinstance(profile, Profile)
        _render_everything(profile)


@SETTINGS
@given(DOCUMENTS)
def test_any_document_as_json_gives_a_profile_and_located_problems(data: Any) -> None:
    _read(json.dumps(data, indent=1), "profile.json")


@SETTINGS
@given(DOCUMENTS)
def test_any_document_as_yaml_gives_a_profile_and_located_problems(data: Any) -> None:
    _read(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "profile.yaml")


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_as_yaml_or_json(text: str) -> None:
    _read(text, "profile.yaml")
    _read(text, "profile.json")


# -- BibTeX --------------------------------------------------------------------------------

BIB_PIECES = st.sampled_from(
    [
        "@article{", "@misc(", "@string{", "@comment{", "@preamble{", "@", "key", ",", " ",
        "\n", "title", "author", "year", " = ", "=", "{", "}", "(", ")", '"', "#", "2020",
        "Doe, Jane and Roe, R.", "$\\input{x}$", "$x^2$", "\\'e", "%", "crossref", "@@",
        "javascript:alert(1)", "\t", "\r\n", "others", "{\\bf x}",
    ]
)  # fmt: skip
BIB_TEXT = st.lists(BIB_PIECES | st.text(max_size=3), max_size=40).map("".join)
LAST = "@article{zzlast,\n  title = {The last entry},\n  year = {2001},\n}\n"


def _render_context() -> RenderContext:
    return RenderContext(
        owner=OwnerMatcher(("Jane Doe",)),
        max_authors=8,
        srcdir="/nonexistent/site",
        preview_dir=".",
        files_dir=".",
        language="en",
        warn=lambda message, location, subtype: None,
    )


@SETTINGS
@given(BIB_TEXT)
def test_any_bibtex_like_text_gives_entries_and_located_problems(text: str) -> None:
    bib = parse_bibtex(text, "refs.bib")
    _located(list(bib.problems), "refs.bib", text)
    entries, problems = merge_files([bib])
    _located(problems, "refs.bib", text)
    ctx = _render_context()
    for entry in entries:
        assert entry.key
        for style in ("card", "list", "numbered"):
            entry_node(entry, style, "pub-x", ctx, 1)  # type: ignore[arg-type]


@SETTINGS
@given(BIB_TEXT)
def test_a_good_entry_after_broken_text_is_still_read(text: str) -> None:
    bib = parse_bibtex(text + "\n" + LAST, "refs.bib")
    last = [entry for entry in bib.entries if entry.key == "zzlast"]
    assert last, (text, bib.problems)
    assert last[-1].title_text == "The last entry" and last[-1].year == 2001


@SETTINGS
@given(st.text(max_size=40))
def test_math_from_data_is_either_refused_or_harmless(formula: str) -> None:
    why = math_problem(formula)
    if why is None:
        for dangerous in ("\\input", "\\write", "\\csname", "^^", "\\def", "\\href", "%"):
            assert dangerous not in formula.replace("\\%", ""), formula


# -- the filter language ------------------------------------------------------------------

NAMES = st.sampled_from(
    ["year", "title", "author", "selected", "type", "key", "journal", "__class__",
     "open", "__import__", "eval", "x"]
)  # fmt: skip
LITERALS = st.sampled_from(['"x"', "2020", "True", "None", "b'x'", "1.5", "...", "[1, 2]"])


def _expressions() -> st.SearchStrategy[str]:
    atoms = NAMES | LITERALS
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.tuples(
                inner, st.sampled_from([" and ", " or ", " == ", " < ", " in ", " + "]), inner
            ).map("".join),
            inner.map(lambda e: f"not ({e})"),
            inner.map(lambda e: f"({e})"),
            inner.map(lambda e: f"{e}.__class__"),
            inner.map(lambda e: f"{e}()"),
            inner.map(lambda e: f"{e}[0]"),
            inner.map(lambda e: f"(lambda: {e})"),
            inner.map(lambda e: f"[{e} for x in y]"),
            inner.map(lambda e: f"f'{{{e}}}'"),
            inner.map(lambda e: f"(y := {e})"),
        ),
        max_leaves=8,
    )


ENTRIES = parse_bibtex(
    "@article{a, title={X}, author={Doe, Jane}, year={2020}, journal={J}, selected={true}}\n"
    "@misc{b, title={Y}}\n",
    "x.bib",
).entries


@SETTINGS
@given(_expressions())
def test_any_expression_gives_a_filter_or_a_reason(expression: str) -> None:
    try:
        check = compile_filter(expression)
    except FilterError as error:
        assert str(error).strip()
        return
    for reached in ("__", "(", "[", "lambda", "f'", ":=", "."):
        if reached == "(" or reached == "[":
            continue  # parentheses and list literals are allowed
        assert reached not in expression.replace("1.5", ""), expression
    for entry in ENTRIES:
        assert check(entry) in (True, False)


# -- dates ---------------------------------------------------------------------------------

CALENDAR = st.builds(
    lambda day, precision: PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    ),
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
)


@SETTINGS
@given(CALENDAR, CALENDAR, st.booleans())
def test_dates_written_in_a_profile_read_back_and_agree_with_the_order(
    start: PartialDate, end: PartialDate, quoted: bool
) -> None:
    def written(date: PartialDate) -> str:
        value = iso_value(date) or ""
        return f'"{value}"' if quoted else value

    text = f"work:\n  - name: Lab\n    startDate: {written(start)}\n    endDate: {written(end)}\n"
    document, problems = parse_text(text, "p.yaml")
    assert document is not None and problems == []
    profile, found = read_document(document)
    section = profile.section("work")
    assert section is not None
    entry = section.entries[0]
    assert (entry.start, entry.end) == (start, end)
    backwards = [p for p in found if "before the start" in p.message]
    if backwards:
        assert end < start
        assert backwards[0].line == 4 and backwards[0].subtype == "date"
    elif (start.month is None) == (end.month is None) and (start.day is None) == (end.day is None):
        assert not end < start  # same precision: the check and the order agree

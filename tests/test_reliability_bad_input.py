"""Bad input, one case at a time: each mistake gives exactly one warning with its
documented subtype at ``file:line`` (and column where the reader knows it), the build
succeeds, and everything valid beside the mistake still renders.

Data cases change one thing in the small site of ``roots/test-rel-site`` (a bib file, a
YAML profile, a JSON profile, one page using every directive) and build it on its own.
Directive cases only add a page each, so they share one build; each is checked against
the warnings located in its own page.
"""

from __future__ import annotations

import re
import shutil
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from conftest import ROOTS, parse_html

SITE = ROOTS / "test-rel-site"

#: What the base site shows; a case lists only what it changes.
SHOWN: dict[str, list[str]] = {
    "name": ["Jane Doe"],
    "pubs": ["good1", "good2"],
    "work": ["Scientist", "Engineer"],
    "awards": ["Best Paper", "Fellowship"],
    "news": ["First news", "Second news"],
}
NO_PROFILE_YAML = {"name": [], "work": [], "news": []}

Change = Callable[[Path], None]


# -- changes --------------------------------------------------------------------------------


def replace(name: str, old: str, new: str | bytes) -> Change:
    def change(srcdir: Path) -> None:
        text = (srcdir / name).read_text(encoding="utf-8")
        assert old in text, (name, old)
        if isinstance(new, bytes):
            before, after = text.split(old, 1)
            (srcdir / name).write_bytes(before.encode() + new + after.encode())
        else:
            (srcdir / name).write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write(name: str, content: str | bytes) -> Change:
    def change(srcdir: Path) -> None:
        path = srcdir / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return change


def append(name: str, text: str) -> Change:
    def change(srcdir: Path) -> None:
        with (srcdir / name).open("a", encoding="utf-8") as stream:
            stream.write(text)

    return change


def bib_entry(text: str) -> Change:
    """An entry between the two good ones (so one that runs on would swallow good2)."""
    return replace("refs.bib", "@inproceedings{good2,", text.strip() + "\n\n@inproceedings{good2,")


def conf(line: str) -> Change:
    return append("conf.py", line + "\n")


def more_bibfiles(*names: str) -> Change:
    return conf(f"academic_bibfiles = ['refs.bib', {', '.join(map(repr, names))}]")


def more_profiles(*names: str) -> Change:
    listing = ", ".join(map(repr, ("profile.yaml", "extra.json", *names)))
    return conf(f"academic_profile = [{listing}]")


def directory(name: str) -> Change:
    return lambda srcdir: (srcdir / name).mkdir()


def symlink_loop(name: str) -> Change:
    # A file nobody can read, also when the tests run as root (who may read mode 000).
    return lambda srcdir: (srcdir / name).symlink_to(name)


# -- cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class At:
    """Where the warning must point: the line of ``needle`` in ``file`` (after the
    change), and the column where it starts when ``column`` is true."""

    file: str
    needle: str
    column: bool = True

    def location(self, srcdir: Path) -> str:
        text = (srcdir / self.file).read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
        index = text.index(self.needle)
        line = text.count("\n", 0, index) + 1
        if not self.column:
            return f"{srcdir / self.file}:{line}"
        column = index - text.rfind("\n", 0, index)
        return f"{srcdir / self.file}:{line}:{column}"


@dataclass(frozen=True)
class Whole:
    """A warning about a whole file: line 1, no column."""

    file: str

    def location(self, srcdir: Path) -> str:
        return f"{srcdir / self.file}:1"


@dataclass(frozen=True)
class Case:
    id: str
    changes: tuple[Change, ...]
    #: The subtype of the one expected warning; ``None``: the input is fine, no warning.
    subtype: str | None
    message: str = ""
    at: At | Whole | None = None
    #: What differs from :data:`SHOWN`.
    shows: dict[str, list[str]] = field(default_factory=dict)
    #: Text the page must contain.
    page_has: tuple[str, ...] = ()


YAML_CASES = [
    Case(
        "yaml-syntax-error",
        (replace("profile.yaml", "position: Engineer", "position: Engineer: senior"),),
        "yaml",
        "mapping values are not allowed",
        At("profile.yaml", ": senior"),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-tab-indentation",
        (replace("profile.yaml", "    position: Engineer", "\tposition: Engineer"),),
        "yaml",
        "a tab character here; YAML indentation must use spaces",
        At("profile.yaml", "\tposition"),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-unclosed-quote",
        (replace("profile.yaml", "text: Second news", 'text: "Second news'),),
        "yaml",
        "found unexpected end of stream",
        At("profile.yaml", '"Second'),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-wrong-type",
        (replace("profile.yaml", "position: Scientist", "position: {level: 3}"),),
        "profile",
        "position: Input should be a valid string; ignored",
        At("profile.yaml", "{level"),
        {"work": ["Good Lab", "Engineer"]},
    ),
    Case(
        "yaml-list-for-mapping",
        (
            replace(
                "profile.yaml",
                "  name: Jane Doe\n  label: Researcher\n  email: jane@example.org\n",
                "  - Jane Doe\n  - Researcher\n",
            ),
        ),
        "profile",
        "expected key: value pairs, found a list; ignored",
        At("profile.yaml", "- Jane"),
        {"name": []},
    ),
    Case(
        "yaml-unknown-key",
        (replace("profile.yaml", "  email:", "  emial:"),),
        "profile",
        "unknown key 'emial'; ignored (did you mean 'email'?)",
        At("profile.yaml", "emial"),
    ),
    Case(
        "yaml-duplicate-key",
        (
            replace(
                "profile.yaml", "position: Scientist\n", "position: Scientist\n    position: Boss\n"
            ),
        ),
        "yaml",
        "duplicate key 'position' (first at line 7); the last one is used",
        At("profile.yaml", "position: Boss"),
        {"work": ["Boss", "Engineer"]},
    ),
    Case(
        "yaml-empty-file",
        (write("profile.yaml", ""),),
        "profile",
        "the file is empty",
        Whole("profile.yaml"),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-non-utf8",
        (replace("profile.yaml", "Second news", "Second n\xe9ws".encode("latin-1")),),
        "yaml",
        "the file is not valid UTF-8 (byte 0xe9)",
        At("profile.yaml", "\ufffd"),
        {"news": ["First news", "Second n\ufffdws"]},
    ),
    Case(
        "yaml-utf8-bom",
        (
            lambda srcdir: write(
                "profile.yaml", b"\xef\xbb\xbf" + (SITE / "profile.yaml").read_bytes()
            )(srcdir),
        ),
        None,
    ),
    Case(
        "yaml-utf16-bom",
        (
            lambda srcdir: write(
                "profile.yaml", (SITE / "profile.yaml").read_text().encode("utf-16")
            )(srcdir),
        ),
        None,
    ),
    Case(
        "yaml-python-tag",
        (
            replace(
                "profile.yaml",
                "position: Scientist",
                "position: !!python/object/apply:os.system ['touch pwned']",
            ),
        ),
        "yaml",
        "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        At("profile.yaml", "!!python"),
        {"work": ["Good Lab", "Engineer"]},
    ),
    Case(
        "yaml-alias-bomb",
        (
            append(
                "profile.yaml",
                "bomb:\n"
                + "".join(
                    f"  - &l{n} [{', '.join([f'*l{n - 1}' if n else 'lol'] * 9)}]\n"
                    for n in range(12)
                ),
            ),
        ),
        "yaml",
        "aliases expand this to more than 100000 extra nodes",
        At("profile.yaml", "&l5"),  # the first node past the limit
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-recursive-alias",
        (append("profile.yaml", "loop: &a [*a]\n"),),
        "yaml",
        "an alias refers to the node that contains it",
        At("profile.yaml", "&a"),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-month-13",
        (replace("profile.yaml", "startDate: 2020-01", "startDate: 2020-13-01"),),
        "date",
        "startDate: '2020-13-01' is not a possible date",
        At("profile.yaml", "2020-13-01"),
        {"work": ["Engineer", "Scientist"]},  # without a date it goes last
    ),
    Case(
        "yaml-february-30",
        (replace("profile.yaml", "2023-06-01", "2023-02-30"),),
        "date",
        "date: '2023-02-30' is not a possible date: day is out of range for month; the news "
        "item is left out",
        At("profile.yaml", "2023-02-30"),
        {"news": ["First news"]},
    ),
    Case(
        "yaml-end-before-start",
        (replace("profile.yaml", "endDate: 2019-12", "endDate: 2017-12"),),
        "date",
        "the end (2017-12) is before the start (2018-01)",
        At("profile.yaml", "2017-12"),
    ),
    Case(
        "yaml-news-without-date",
        (replace("profile.yaml", "  - date: 2023-06-01\n    text:", "  - text:"),),
        "news",
        "news item without a date; it is left out",
        At("profile.yaml", "text: Second"),
        {"news": ["First news"]},
    ),
    Case(
        "yaml-news-without-text",
        (replace("profile.yaml", "text: Second news", "title: Only a title"),),
        "news",
        "news item without text; it is left out",
        At("profile.yaml", "date: 2023-06-01"),
        {"news": ["First news"]},
    ),
    Case(
        "yaml-control-character",
        (replace("profile.yaml", "Second news", "Second\x07news"),),
        "yaml",
        "control character 0x0007 is not allowed; replaced",
        At("profile.yaml", "\x07"),
        {"news": ["First news", "Second\ufffdnews"]},
    ),
    Case(
        "yaml-top-level-list",
        (write("profile.yaml", "- just\n- a list\n"),),
        "profile",
        "expected a mapping of profile sections, found list",
        At("profile.yaml", "- just"),
        NO_PROFILE_YAML,
    ),
    Case(
        "yaml-section-not-a-list",
        (append("profile.yaml", "projects: {name: Thing}\n"),),
        "profile",
        "'projects' should be a list, not dict; ignored",
        At("profile.yaml", "{name: Thing}"),
    ),
    Case(
        "yaml-unknown-top-level-key",
        (append("profile.yaml", "wrok: 5\n"),),
        "profile",
        "unknown top-level key 'wrok' (a custom section must be a list); ignored (did you "
        "mean 'work'?)",
        At("profile.yaml", "wrok"),
    ),
    Case(
        "yaml-empty-entry",
        (replace("profile.yaml", "work:\n", "work:\n  - {}\n"),),
        "profile",
        "entry without any content; it is left out",
        At("profile.yaml", "{}"),
    ),
    Case(
        "yaml-misspelt-section",
        (append("profile.yaml", "educaton:\n  - title: BSc\n"),),
        "profile",
        "'educaton' is read as a custom section; did you mean 'education'?",
        At("profile.yaml", "educaton"),
    ),
    Case(
        "yaml-no-and-yes-stay-text",
        (
            replace(
                "profile.yaml",
                "  email: jane@example.org\n",
                "  email: jane@example.org\n  location:\n    city: Oslo\n    countryCode: NO\n",
            ),
        ),
        None,
        page_has=("Oslo, NO",),
    ),
]

JSON_CASES = [
    Case(
        "json-syntax-error",
        (replace("extra.json", '"date": "2019"}', '"date": "2019"},'),),
        "json",
        "invalid JSON: Expecting value",
        At("extra.json", "]"),
        {"awards": []},
    ),
    Case(
        "json-resume-extra-sections",
        (
            replace(
                "extra.json",
                '  "awards"',
                '  "hobbies": [{"name": "Chess club", "position": "Member"}],\n'
                '  "meta": {"version": "v1.0.0"},\n  "awards"',
            ),
            append("index.rst", "\n.. timeline:: hobbies\n"),
        ),
        None,
        page_has=("Member", "Chess club"),
    ),
    Case(
        "json-unknown-top-level-key",
        (replace("extra.json", '  "awards"', '  "x-colour": {"a": 1},\n  "awards"'),),
        "profile",
        "unknown top-level key 'x-colour' (a custom section must be a list); ignored",
        At("extra.json", '"x-colour"'),
    ),
    Case(
        "json-duplicate-key",
        (
            replace(
                "extra.json", '{"title": "Best Paper",', '{"title": "Best", "title": "Best Paper",'
            ),
        ),
        "json",
        "duplicate key 'title' (first at line 3); the last one is used",
        At("extra.json", '"title": "Best Paper"'),
    ),
    Case(
        "json-deeply-nested",
        (
            replace(
                "extra.json",
                '"awards": [',
                '"deep": ' + "[" * 100_000 + "]" * 100_000 + ',\n  "awards": [',
            ),
        ),
        "json",
        "invalid JSON: nested too deeply",
        Whole("extra.json"),
        {"awards": []},
    ),
    Case(
        "json-empty-file",
        (write("extra.json", "\n"),),
        "profile",
        "the file is empty",
        Whole("extra.json"),
        {"awards": []},
    ),
    Case(
        "json-section-not-a-list",
        (write("extra.json", '{\n  "awards": {"title": "Best Paper"}\n}\n'),),
        "profile",
        "'awards' should be a list, not dict; ignored",
        At("extra.json", '{"title"'),
        {"awards": []},
    ),
]

BIBTEX_CASES = [
    Case(
        "bib-unbalanced-brace",
        (bib_entry("@article{broken,\n  title = {Unbalanced {brace},\n  year = {2020},\n}"),),
        "bibtex",
        "this entry is not closed before the next one at line 13 (a missing '}' or an "
        "unbalanced '{'?)",
        At("refs.bib", "@article{broken"),
        {"pubs": ["good1", "good2", "broken"]},
    ),
    Case(
        "bib-missing-comma",
        (
            bib_entry(
                "@article{nocomma,\n  title = {Missing comma}\n  author = {Comma, Nora},\n"
                "  year = {2020},\n}"
            ),
        ),
        "bibtex",
        "syntax error: '}' expected (a missing comma or brace before it?)",
        At("refs.bib", "author = {Comma"),
        {"pubs": ["good1", "good2", "nocomma"]},
        ("Missing comma",),
    ),
    Case(
        "bib-missing-closing-brace-at-end",
        (append("refs.bib", "\n@article{last,\n  title = {Last one},\n  year = {2018},\n"),),
        "bibtex",
        "this entry is not closed before the end of the file (a missing '}'?)",
        At("refs.bib", "@article{last"),
        {"pubs": ["good1", "good2", "last"]},
    ),
    Case(
        "bib-missing-closing-brace-before-next",
        (bib_entry("@article{open,\n  title = {Open entry},\n  year = {2020},\n"),),
        "bibtex",
        "this entry is not closed before the next one",
        At("refs.bib", "@article{open"),
        {"pubs": ["good1", "open", "good2"]},
    ),
    Case(
        "bib-undefined-string",
        (
            bib_entry(
                "@article{macro,\n  title = {Macro},\n  journal = NOSUCHMACRO,\n  year = 2020\n}"
            ),
        ),
        "bibtex",
        "undefined string: NOSUCHMACRO",
        At("refs.bib", ",\n  year = 2020"),
        {"pubs": ["good1", "macro", "good2"]},
    ),
    Case(
        "bib-duplicate-key-in-file",
        (bib_entry("@article{good1,\n  title = {A copy},\n  year = {2000},\n}"),),
        "duplicate",
        "duplicate key 'good1' (first defined at",
        At("refs.bib", "@article{good1,\n  title = {A copy}", column=False),
    ),
    Case(
        "bib-duplicate-key-across-files",
        (
            write(
                "second.bib",
                "@article{good2,\n  title = {Other copy},\n}\n\n@misc{good3, title={Third}}\n",
            ),
            more_bibfiles("second.bib"),
        ),
        "duplicate",
        "duplicate key 'good2' (first defined at",
        At("second.bib", "@article{good2", column=False),
        {"pubs": ["good1", "good2", "good3"]},
    ),
    Case(
        "bib-unknown-entry-type",
        (bib_entry("@artcle{typo,\n  title = {Typo type},\n  year = {2020},\n}"),),
        "entry",
        "unknown entry type @artcle in 'typo'; shown as @misc",
        At("refs.bib", "@artcle", column=False),
        {"pubs": ["good1", "typo", "good2"]},
    ),
    Case(
        "bib-no-title",
        (bib_entry("@article{notitle,\n  author = {Nobody, Ned},\n  year = {2020},\n}"),),
        "entry",
        "entry 'notitle' has no title",
        At("refs.bib", "@article{notitle", column=False),
        {"pubs": ["good1", "notitle", "good2"]},
    ),
    Case(
        "bib-no-author",
        (bib_entry("@misc{noauthor,\n  title = {Nobody wrote this},\n  year = {2020},\n}"),),
        None,
        shows={"pubs": ["good1", "noauthor", "good2"]},
    ),
    Case(
        "bib-no-year",
        (bib_entry("@misc{noyear,\n  title = {Undated},\n  author = {Doe, Jane},\n}"),),
        None,
        shows={"pubs": ["good1", "good2", "noyear"]},
    ),
    Case(
        "bib-crossref",
        (
            bib_entry(
                "@inproceedings{child,\n  title = {Child},\n  crossref = {parent},\n}\n\n"
                "@proceedings{parent,\n  title = {Proceedings of Parents},\n  year = {2020},\n}"
            ),
        ),
        None,
        shows={"pubs": ["good1", "child", "parent", "good2"]},
        page_has=("Proceedings of Parents",),
    ),
    Case(
        "bib-crossref-missing",
        (bib_entry("@inproceedings{orphan,\n  title = {Orphan},\n  crossref = {nowhere},\n}"),),
        "entry",
        "crossref 'nowhere' of 'orphan' names no entry",
        At("refs.bib", "@inproceedings{orphan", column=False),
        {"pubs": ["good1", "good2", "orphan"]},
    ),
    Case("bib-empty-file", (write("empty.bib", ""), more_bibfiles("empty.bib")), None),
    Case(
        "bib-huge-field",
        (
            bib_entry(
                "@misc{huge,\n  title = {Huge},\n  abstract = {" + "word " * 210_000 + "},\n}"
            ),
        ),
        None,
        shows={"pubs": ["good1", "good2", "huge"]},
    ),
    Case(
        "bib-not-utf8",
        (
            bib_entry("@misc{latin,\n  title = {Caf\xe9},\n  year = {2020},\n}"),
            lambda d: _to_latin1(d / "refs.bib"),
        ),
        "bibtex",
        "file is not UTF-8; read as Latin-1",
        At("refs.bib", "Caf", column=False),
        {"pubs": ["good1", "latin", "good2"]},
        ("Café",),
    ),
    Case(
        "bib-names-that-cannot-be-read",
        (bib_entry("@misc{names,\n  title = {Names},\n  author = {Doe, Jane, Jr, Extra},\n}"),),
        "bibtex",
        "cannot read names 'Doe, Jane, Jr, Extra'",
        At("refs.bib", "@misc{names", column=False),
        {"pubs": ["good1", "good2", "names"]},
    ),
    Case(
        "bib-entry-without-key",
        (bib_entry("@article{,\n  title = {No key},\n  year = {2020},\n}"),),
        "bibtex",
        "this entry has no key, so it is left out",
        At("refs.bib", ",\n  title = {No key}"),
    ),
    Case(
        "bib-file-missing",
        (more_bibfiles("missing.bib"),),
        "file",
        "BibTeX file not found",
        Whole("missing.bib"),
    ),
    Case(
        "bib-file-is-a-directory",
        (directory("folder.bib"), more_bibfiles("folder.bib")),
        "file",
        "is a directory, not a BibTeX file",
        Whole("folder.bib"),
    ),
    Case(
        "bib-file-unreadable",
        (symlink_loop("loop.bib"), more_bibfiles("loop.bib")),
        "file",
        "cannot read BibTeX file",
        Whole("loop.bib"),
    ),
]

FILE_CASES = [
    Case(
        "profile-file-missing",
        (more_profiles("missing.yaml"),),
        "file",
        "file not found (named by academic_profile in conf.py)",
        Whole("missing.yaml"),
    ),
    Case(
        "profile-file-is-a-directory",
        (directory("folder.yaml"), more_profiles("folder.yaml")),
        "file",
        "expected a file, found a directory",
        Whole("folder.yaml"),
    ),
    Case(
        "profile-file-unreadable",
        (symlink_loop("loop.yaml"), more_profiles("loop.yaml")),
        "file",
        "cannot read the file",
        Whole("loop.yaml"),
    ),
]

DATA_CASES = YAML_CASES + JSON_CASES + BIBTEX_CASES + FILE_CASES


def _to_latin1(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


# -- building and looking -------------------------------------------------------------------


def _build(srcdir: Path) -> tuple[SphinxTestApp, list[str]]:
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    output = strip_escape_sequences(app.warning.getvalue())
    assert "Traceback" not in output and "Exception" not in output, output
    problems = [
        line for line in output.splitlines() if re.search(r"(WARNING|ERROR|CRITICAL):", line)
    ]
    return app, problems


def shown(page: BeautifulSoup) -> dict[str, list[str]]:
    """What the home page shows: the profile name, entry keys, timeline titles, news."""

    def texts(selector: str) -> list[str]:
        return [node.get_text() for node in page.select(selector)]

    return {
        "name": texts(".rel-profile .academic-profile-name"),
        "pubs": [
            node["id"].removeprefix("pub-") for node in page.select(".rel-pubs .academic-pub")
        ],
        "work": texts(".rel-work .academic-timeline-title"),
        "awards": texts(".rel-awards .academic-timeline-title"),
        "news": texts(".rel-news .academic-news-text"),
    }


def _expect_one(problems: list[str], location: str, case_subtype: str, message: str) -> None:
    assert len(problems) == 1, "\n".join(problems)
    prefix = f"{location}: WARNING: "
    assert problems[0].startswith(prefix), (problems[0], prefix)
    assert problems[0].endswith(f" [academic.{case_subtype}]"), problems[0]
    assert message in problems[0], (message, problems[0])


@pytest.mark.parametrize("case", DATA_CASES, ids=lambda case: case.id)
def test_data_case(case: Case, tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(SITE, srcdir)
    for change in case.changes:
        change(srcdir)
    app, problems = _build(srcdir)
    if case.subtype is None:
        assert problems == [], "\n".join(problems)
    else:
        assert case.at is not None
        _expect_one(problems, case.at.location(srcdir), case.subtype, case.message)
    page = parse_html(app.outdir / "index.html")
    assert shown(page) == SHOWN | case.shows
    text = page.get_text()
    for expected in case.page_has:
        assert expected in text, expected
    assert not (srcdir / "pwned").exists()


def test_counts() -> None:
    """The issue asks for at least 50 one-case builds of bad input across these kinds."""
    kinds = {"yaml": YAML_CASES, "json": JSON_CASES, "bib": BIBTEX_CASES, "file": FILE_CASES}
    counts = {kind: len(cases) for kind, cases in kinds.items()}
    counts["directive"] = len(DIRECTIVE_CASES)
    assert sum(counts.values()) >= 50, counts
    ids = [case.id for case in DATA_CASES] + [case.id for case in DIRECTIVE_CASES]
    assert len(ids) == len(set(ids))


# -- directive cases: one page each, one shared build ------------------------------------------


@dataclass(frozen=True)
class DirectiveCase:
    id: str
    #: The page's body after its title: it starts on line 4, where the warning must be.
    body: str
    subtype: str
    message: str
    #: Entry keys (``pubs``) or timeline titles / news texts (``items``) the page shows.
    pubs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def _directive(name: str, *options: str) -> str:
    return "\n".join([f".. {name}", *(f"   {option}" for option in options)]) + "\n"


BOTH = ["good1", "good2"]
WORK = ["Scientist", "Engineer"]
NEWS = ["First news", "Second news"]
UNKNOWN = "unknown option"

DIRECTIVE_CASES = [
    # Unknown options: reported with a suggestion; the directive runs without them.
    DirectiveCase(
        "unknown-option-publications",
        _directive("publications::", ":fitler: year > 2020"),
        "option",
        f"{UNKNOWN} :fitler: (did you mean :filter:?); ignored",
        pubs=BOTH,
    ),
    DirectiveCase(
        "unknown-option-publication",
        _directive("publication:: good1", ":styel: list"),
        "option",
        f"{UNKNOWN} :styel: (did you mean :style:?); ignored",
        pubs=["good1"],
    ),
    DirectiveCase(
        "unknown-option-timeline",
        _directive("timeline:: work", ":ordr: oldest"),
        "option",
        f"{UNKNOWN} :ordr: (did you mean :order:?); ignored",
        items=WORK,
    ),
    DirectiveCase(
        "unknown-option-news",
        _directive("news::", ":limt: 1"),
        "option",
        f"{UNKNOWN} :limt: (did you mean :limit:?); ignored",
        items=NEWS,
    ),
    DirectiveCase(
        "unknown-option-profile",
        _directive("profile::", ":photo: no"),
        "option",
        f"{UNKNOWN} :photo:; ignored (options: :class:, :metrics:)",
    ),
    DirectiveCase(
        "unknown-option-cv",
        _directive("cv::", ":section: work"),
        "option",
        f"{UNKNOWN} :section: (did you mean :sections:?); ignored",
        pubs=BOTH,
        items=[*WORK, "Best Paper", "Fellowship"],
    ),
    # Values an option does not take: reported; the directive uses its default.
    DirectiveCase(
        "bad-style",
        _directive("publications::", ":style: fancy"),
        "option",
        ":style: 'fancy' is not one of card, compact, list, numbered; using 'card'",
        pubs=BOTH,
    ),
    DirectiveCase(
        "empty-abstract",
        _directive("publications::", ":abstract:"),
        "option",
        ":abstract: needs a value: folded, open, hidden; ignored",
        pubs=BOTH,
    ),
    DirectiveCase(
        "empty-style",
        _directive("publications::", ":style:"),
        "option",
        ":style: needs a value: card, compact, list, numbered; using 'card'",
        pubs=BOTH,
    ),
    DirectiveCase(
        "bad-group-by",
        _directive("publications::", ":group-by: colour"),
        "option",
        ":group-by: 'colour' is not one of",
        pubs=BOTH,
    ),
    DirectiveCase(
        "bad-sort",
        _directive("publications::", ":sort: -year, shoesize"),
        "option",
        ":sort: '-year, shoesize': unknown sort key 'shoesize'",
        pubs=BOTH,
    ),
    DirectiveCase(
        "bad-limit",
        _directive("publications::", ":limit: many"),
        "option",
        ":limit: 'many' is not a whole number >= 0; showing all",
        pubs=BOTH,
    ),
    DirectiveCase(
        "flag-with-a-value",
        _directive("publications::", ":style: numbered", ":reversed: sideways"),
        "option",
        ":reversed: is on when present and takes no value; 'sideways' ignored",
        pubs=BOTH,
    ),
    DirectiveCase(
        "bad-order",
        _directive("timeline:: work", ":order: sideways"),
        "option",
        ":order: 'sideways' is not one of newest, oldest, source; using 'newest'",
        items=WORK,
    ),
    DirectiveCase(
        "bad-timeline-limit",
        _directive("timeline:: work", ":limit: -1"),
        "option",
        ":limit: '-1' is not a whole number >= 0; ignored",
        items=WORK,
    ),
    DirectiveCase(
        "bad-since",
        _directive("news::", ":since: yesterday"),
        "option",
        ":since: 'yesterday' is not a date",
        items=NEWS,
    ),
    DirectiveCase(
        "empty-filter",
        _directive("publications::", ":filter:"),
        "option",
        ":filter: argument required but none supplied; ignored",
        pubs=BOTH,
    ),
    # The filter language: errors and attempts to reach Python; the list shows nothing.
    DirectiveCase(
        "filter-syntax-error",
        _directive("publications::", ":filter: year >>= 2020"),
        "filter",
        ":filter: 'year >>= 2020': syntax error",
    ),
    DirectiveCase(
        "filter-dunder-name",
        _directive("publications::", ":filter: __class__"),
        "filter",
        "name '__class__' is not allowed in a filter",
    ),
    DirectiveCase(
        "filter-calls-open",
        _directive("publications::", ':filter: open("/etc/passwd")'),
        "filter",
        "calling a function is not allowed in a filter",
    ),
    DirectiveCase(
        "filter-attribute",
        _directive("publications::", ":filter: year.__class__ == 1"),
        "filter",
        "attribute access is not allowed in a filter",
    ),
    DirectiveCase(
        "filter-subscript",
        _directive("publications::", ':filter: title[0] == "F"'),
        "filter",
        "indexing is not allowed in a filter",
    ),
    DirectiveCase(
        "filter-lambda",
        _directive("publications::", ":filter: (lambda: True)"),
        "filter",
        "lambda is not allowed in a filter",
    ),
    DirectiveCase(
        "filter-field-typo",
        _directive("publications::", ":filter: selectd"),
        "filter",
        "no entry has a field 'selectd' (a typo?)",
    ),
    # Keys and sections that do not exist.
    DirectiveCase(
        "unknown-key-publication",
        _directive("publication:: nosuchkey"),
        "key",
        "unknown publication key 'nosuchkey'",
    ),
    DirectiveCase(
        "unknown-key-pub-role",
        "See :pub:`nosuchkey` and :pub:`the first <good1>`.\n",
        "key",
        ":pub: unknown publication key 'nosuchkey'",
    ),
    DirectiveCase(
        "timeline-of-missing-section",
        _directive("timeline:: wrok"),
        "section",
        "no profile section 'wrok'; did you mean 'work'?",
    ),
    DirectiveCase(
        "cv-missing-section",
        _directive("cv::", ":sections: work, awrds"),
        "section",
        "no profile section 'awrds'; did you mean 'awards'?",
        items=WORK,
    ),
]


@pytest.fixture(scope="module")
def directive_site(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, SphinxTestApp, list[str]]:
    srcdir = tmp_path_factory.mktemp("directives") / "site"
    shutil.copytree(SITE, srcdir)
    pages = []
    for case in DIRECTIVE_CASES:
        title = case.id
        (srcdir / f"{case.id}.rst").write_text(f"{title}\n{'=' * len(title)}\n\n{case.body}")
        pages.append(case.id)
    with (srcdir / "index.rst").open("a") as stream:
        stream.write("\n.. toctree::\n\n" + "".join(f"   {page}\n" for page in pages))
    app, problems = _build(srcdir)
    return srcdir, app, problems


@pytest.mark.parametrize("case", DIRECTIVE_CASES, ids=lambda case: case.id)
def test_directive_case(
    case: DirectiveCase, directive_site: tuple[Path, SphinxTestApp, list[str]]
) -> None:
    srcdir, app, problems = directive_site
    mine = [line for line in problems if line.startswith(f"{srcdir / case.id}.rst:")]
    _expect_one(mine, f"{srcdir / case.id}.rst:4", case.subtype, case.message)
    page = parse_html(app.outdir / f"{case.id}.html")
    body = page.select_one("[role=main]") or page
    assert [n["id"].removeprefix("pub-") for n in body.select(".academic-pub")] == case.pubs
    items = body.select(".academic-timeline-title, .academic-news-text")
    assert [node.get_text() for node in items] == case.items


def test_directive_cases_leave_the_rest_alone(
    directive_site: tuple[Path, SphinxTestApp, list[str]],
) -> None:
    srcdir, app, problems = directive_site
    # Every warning belongs to a case page; the home page is untouched.
    assert all(re.match(rf"{re.escape(str(srcdir))}/[\w-]+\.rst:\d+: ", p) for p in problems), (
        problems
    )
    assert len(problems) == len(DIRECTIVE_CASES)
    assert shown(parse_html(app.outdir / "index.html")) == SHOWN


def test_alias_bomb_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    from sphinx_academic.readers.profile import read_profile

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(
        "bomb:\n"
        + "".join(
            f"  - &l{n} [{', '.join([f'*l{n - 1}' if n else 'lol'] * 9)}]\n" for n in range(30)
        )
    )
    tracemalloc.start()
    started = time.perf_counter()
    try:
        _, problems = read_profile(str(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 20 * 1024 * 1024, peak  # 9**30 nodes if expanded
    assert [problem.subtype for problem in problems] == ["yaml"]


def test_unknown_option_on_a_myst_page(tmp_path: Path) -> None:
    """MyST reads directive options itself; the same warning comes out, at the page."""
    pytest.importorskip("myst_parser")
    srcdir = tmp_path / "site"
    shutil.copytree(SITE, srcdir)
    conf("extensions = ['myst_parser', 'sphinx_academic']")(srcdir)
    page = "---\norphan: true\n---\n# MyST\n\n```{publications}\n:fitler: year > 2020\n```\n"
    (srcdir / "myst.md").write_text(page, encoding="utf-8")
    app, problems = _build(srcdir)
    _expect_one(problems, f"{srcdir / 'myst.md'}:6", "option", f"{UNKNOWN} :fitler:")
    cards = parse_html(app.outdir / "myst.html").select(".academic-pub")
    assert [card["id"] for card in cards] == ["pub-good1", "pub-good2"]  # the list still runs

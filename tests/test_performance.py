"""The speed-ups give the same results as the slow paths they short-cut, and the work
they skip is really skipped (see ``docs/performance.rst``)."""

from __future__ import annotations

import ast
import codecs
import contextlib
import datetime
import gc
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from io import StringIO
from pathlib import Path

import latexcodec  # noqa: F401  (registers the "ulatex" codec for the reference)
import pytest
from docutils import nodes
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pybtex.database.input.bibtex import month_names
from pybtex.utils import CaseInsensitiveDict
from sphinx.testing.util import SphinxTestApp
from sphinx.util.i18n import format_date

from sphinx_academic.directives import profile as profile_directives
from sphinx_academic.model import richtext
from sphinx_academic.readers import bibtex
from sphinx_academic.readers.bibscan import scan
from sphinx_academic.render import links, localdates

from conftest import CORPUS, ROOTS, build_app, make_inline

FIXTURES = Path(__file__).parent / "fixtures"

# -- LaTeX decoding: word by word == latexcodec on the whole value --------------------------

_LATEX_CHARS = re.compile(r"[\\{}~$]|--|``|''")
_SPACES = re.compile(r"[ \t\r\n]+")
_STRAIGHT_QUOTE = re.compile(r'(?<!\\)"')


def _reference_decode(text: str) -> str:
    """``decode`` as it was: latexcodec over the whole value."""
    if not _LATEX_CHARS.search(text):
        return _SPACES.sub(" ", text)
    text = text.replace("\\{", "\x00").replace("\\}", "\x01")
    text = _STRAIGHT_QUOTE.sub("\x02", text)
    text = richtext._TRANSPARENT_COMMAND.sub("{", text)
    with contextlib.suppress(ValueError, IndexError):
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]
    text = text.replace("{", "").replace("}", "").replace("\\$", "$")
    text = text.replace("\x00", "{").replace("\x01", "}").replace("\x02", '"')
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text))


_LATEX_TOKENS = [
    *"ab é1.-`',~!?{}%$#^_\"",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u00a0",
    "--",
    "---",
    "``",
    "''",
    ",,",
    "?`",
    "!`",
    "\\",
    "\\\\",
    "\\'",
    '\\"',
    "\\`",
    "\\~",
    "\\^",
    "\\=",
    "\\.",
    "\\ ",
    "\\o",
    "\\c",
    "\\i",
    "\\aa",
    "\\ss",
    "\\v",
    "\\H",
    "\\LaTeX",
    "\\foo",
    "\\&",
    "\\%",
    "\\$",
    "\\{",
    "\\}",
    "\\par",
    "\\parx",
    "\\emph{",
    "\\textsc{",
]


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_LATEX_TOKENS), max_size=14).map("".join))
@example(r"\o rsted, M{\"u}ller, 50\% off, 1--10, {BERT}")
@example(r"Erd\H{o}s \c c ,,x'' ?` \LaTeX{} is")
@example("  leading \\'e")
def test_decode_equals_latexcodec_on_the_whole_value(text: str) -> None:
    richtext.decode.cache_clear()
    assert richtext.decode(text) == _reference_decode(text)


def test_decode_equals_latexcodec_on_real_files() -> None:
    from pybtex.database import parse_file

    values = []
    for path in sorted(CORPUS.glob("bib/*.bib")) + sorted(ROOTS.glob("*/*.bib")):
        with contextlib.suppress(Exception):  # some fixtures are broken on purpose
            for entry in parse_file(str(path)).entries.values():
                values += [" ".join(str(value).split()) for value in entry.fields.values()]
    assert values
    for value in values:
        assert richtext.decode(value) == _reference_decode(value), value


# -- the fast BibTeX reader == pybtex's -----------------------------------------------------


def _pybtex_entries(text: str) -> tuple[list[bibtex.RawEntry], list[object]]:
    problems: list[object] = []
    original = bibtex.scan
    bibtex.scan = lambda text, macros: None  # type: ignore[assignment]
    try:
        return list(bibtex._raw_entries(text, "x.bib", problems)), problems  # type: ignore[arg-type]
    finally:
        bibtex.scan = original


def _fast_entries(text: str) -> list[bibtex.RawEntry] | None:
    scanned = scan(text, CaseInsensitiveDict(month_names))
    if scanned is None:
        return None
    return [bibtex.RawEntry(kind.lower(), key, fields, line) for kind, key, fields, line in scanned]


_BIBTEX_PIECES = [
    "@article{k1, title = {A {B} c}, year = 2020}\n",
    "@string{foo = {Foo}}\n",
    "@STRING{Bar = 12}\n",
    "@misc{k2, note = foo # { bar}}",
    '@book{k3, title = "Q {"} x", month = jan,}',
    "@inproceedings{k4,\n  author = bar # foo,\n  year=1999\n}\n",
    '@article{k5, x = {a} # {b}, y = "a" # foo, z = 12 # {a}, w = {}, v = ""}',
    "@article{ k6 ,title={x},}",
    "@article{k7}",
    "@x{k8, a = {{{}}}}",
    "@comment{x}",
    "@preamble{x}",
    "@article(k9, title={x})",
    "@article{k10, t = undefinedmacro}",
    "@article{k11, t = {a}b}",
    "@article{k12, n = 5a}",
    "text @ here",
    "% a comment line\n",
    "---\n---\n",
    "{",
    "}",
    '"',
    "#",
    ",",
    "=",
    " ",
    "\n",
    "@",
    "x",
]


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(_BIBTEX_PIECES), max_size=10).map("".join))
def test_fast_reader_reads_as_pybtex_or_leaves_it_to_pybtex(text: str) -> None:
    fast = _fast_entries(text)
    if fast is not None:
        entries, problems = _pybtex_entries(text)
        assert problems == []
        assert fast == entries


def test_fast_reader_reads_real_files_as_pybtex() -> None:
    read = 0
    for path in sorted(CORPUS.glob("bib/*.bib")) + sorted(ROOTS.glob("*/*.bib")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        fast = _fast_entries(text)
        if fast is not None:
            read += 1
            assert (fast, []) == _pybtex_entries(text), path
    assert read >= 5  # the real al-folio files are all well-formed


# -- links: the shortcut for plain web links agrees with the full check ---------------------


@settings(max_examples=800, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab:/?#&;[]%. \t\u200bx1")), max_size=12).map(
        lambda tail: "https://" + tail
    )
)
def test_safe_url_shortcut_agrees(url: str) -> None:
    original = links._PLAIN_WEB_URL
    try:
        links._PLAIN_WEB_URL = re.compile(r"(?!)")  # never: always the full check
        expected = links.safe_url(url)
    finally:
        links._PLAIN_WEB_URL = original
    assert links.safe_url(url) == expected


# -- profile text: plain text skips the inliner, which would give it back unchanged -------


_PLAIN_PIECES = [*"aZ é1.,;!?'\"()[]{}<>#%&+=~^$/-–", "http", "www.", "x.org", "PEP 8", "\n", "  "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN_PIECES), min_size=1, max_size=14).map("".join))
@example("Example University, Paris (France) [2019] -- www.example.org/x")
def test_text_without_markup_characters_parses_to_itself(text: str) -> None:
    assert profile_directives._MAY_HOLD_MARKUP.search(text) is None
    parsed = make_inline()(text, None)
    assert [type(node) for node in parsed] == [nodes.Text]
    assert parsed[0] == text


@pytest.mark.parametrize("text", ["a *b*", "see https://x.org", "a@b.org", "x_", "`y`", "a\\b"])
def test_markup_characters_are_noticed(text: str) -> None:
    assert profile_directives._MAY_HOLD_MARKUP.search(text) is not None


# -- dates: Babel's patterns, looked up once == Sphinx's format_date ------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
    st.sampled_from(["en", "fr", "de", "ja", "pt_BR", "zh_CN", "ru", "ar", "en_GB", "xx", ""]),
)
def test_dates_formatted_as_sphinx_formats_them(day: datetime.date, language: str) -> None:
    expected = format_date("%x", date=day, language=language)  # type: ignore[arg-type]
    assert localdates.medium_date(day, language) == expected
    expected = format_date("%b %Y", date=day, language=language)  # type: ignore[arg-type]
    assert localdates.month_and_year(day, language) == expected


# -- HTML start tags written directly == docutils' starttag ---------------------------------

_CLASS_NAMES = ["academic-news-item", "x", "language-en", "ins", "del", "docutils", "a b", ""]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CLASS_NAMES), max_size=4),
    st.lists(st.sampled_from(["news-1", "x&y", 'q"']), max_size=3),
    st.sampled_from(["", "docutils container"]),
)
def test_start_tags_written_directly_equal_docutils_start_tags(
    classes: list[str], ids: list[str], extra: str
) -> None:
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from docutils.writers.html5_polyglot import HTMLTranslator, Writer

    from sphinx_academic.nodes import academic_block, academic_paragraph, start_tag

    translator = HTMLTranslator(new_document("x", get_default_settings(Writer)))
    for kind in (academic_block, academic_paragraph):
        # Two nodes: starttag adds to the list of ids it is given.
        expected = translator.starttag(kind(classes=classes, ids=[*ids]), "p", "", CLASS=extra)
        found = start_tag(translator, kind(classes=classes, ids=[*ids]), "p", "", extra)
        assert found == expected


def test_blocks_with_ins_or_del_classes_are_written_as_docutils_writes_them() -> None:
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from docutils.writers.html5_polyglot import HTMLTranslator, Writer

    from sphinx_academic.nodes import academic_block, depart_block_html, visit_block_html

    translator = HTMLTranslator(new_document("x", get_default_settings(Writer)))
    cases = [
        (["a", "ins"], '<ins class="a docutils container">\n', "</ins>\n"),
        (["a"], '<div class="a docutils container">\n', "</div>\n"),
    ]
    for classes, start, end in cases:
        node = academic_block(classes=classes)
        visit_block_html(translator, node)  # type: ignore[arg-type]
        depart_block_html(translator, node)  # type: ignore[arg-type]
        assert translator.body[-2:] == [start, end]


# -- work that is skipped -------------------------------------------------------------------


def _build(srcdir: Path) -> SphinxTestApp:
    return build_app(srcdir)


def test_noop_rebuild_leaves_the_exports_alone(tmp_path: Path) -> None:
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = _build(srcdir)
    exported = [app.outdir / "publications.bib", app.outdir / "publications.json"]
    stamps = [path.stat().st_mtime_ns for path in exported]
    _build(srcdir)
    assert [path.stat().st_mtime_ns for path in exported] == stamps
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("{2023}", "{2022}"), "utf-8")
    os.utime(bib, ns=(bib.stat().st_atime_ns, bib.stat().st_mtime_ns + 10**10))
    _build(srcdir)
    rewritten = [path.stat().st_mtime_ns for path in exported]
    assert all(new > old for new, old in zip(rewritten, stamps, strict=True))
    assert '"issued": {"date-parts": [[2022' in exported[1].read_text(encoding="utf-8")


def test_loading_the_extension_imports_no_reader() -> None:
    """pydantic-core, PyYAML, pybtex and latexcodec are imported when a data file is read
    or decoded, not by ``setup()``: a no-op rebuild reads none."""
    code = (
        "import sys, sphinx_academic\n"
        "class App:\n"
        "    def __getattr__(self, name):\n"
        "        return lambda *args, **kwargs: None\n"
        "sphinx_academic.setup(App())\n"
        "readers = {'pydantic', 'pydantic_core', 'yaml', 'pybtex', 'latexcodec'}\n"
        "print(sorted(readers & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


_RENDERING_MODULES = {
    "sphinx_academic.directives.publications",
    "sphinx_academic.directives.profile",
    "sphinx_academic.render.publication",
    "sphinx_academic.model.publication",
    "sphinx_academic.model.profile_records",
    "sphinx_academic.readers.bibtex",
    "sphinx_academic.roles",
}


@pytest.mark.parametrize("root", ["test-basic", "test-profile"])
def test_noop_rebuild_imports_no_rendering_code(tmp_path: Path, root: str) -> None:
    """The directives, the role and the records are imported when a page or an output
    needs them; a no-op rebuild imports only the light modules registered in setup."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / root, srcdir)
    first = _modules_after_build(srcdir, tmp_path)
    assert _RENDERING_MODULES & first  # the full build uses some
    noop = _modules_after_build(srcdir, tmp_path)
    assert "sphinx_academic.directives.lazy" in noop
    assert _RENDERING_MODULES.isdisjoint(noop)


def test_profiles_are_validated_without_the_pydantic_package(tmp_path: Path) -> None:
    """pydantic-core validates; the pydantic package (with building its models, a tenth
    of a second of every build) is imported only to write the JSON Schema."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    shutil.copy(FIXTURES / "profiles" / "rendercv.yaml", srcdir / "rendercv.yaml")
    shutil.copy(FIXTURES / "profiles" / "alfolio_cv.yml", srcdir / "cv.yml")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + "\nacademic_profile = [academic_profile, 'rendercv.yaml', 'cv.yml']\n",
        encoding="utf-8",
    )
    modules = _modules_after_build(srcdir, tmp_path, prefix="pydantic")
    assert "pydantic_core" in modules
    assert "pydantic" not in modules


def _modules_after_build(srcdir: Path, tmp_path: Path, prefix: str = "sphinx_academic") -> set[str]:
    """The modules whose names start with ``prefix`` that a build of ``srcdir`` imports,
    in a fresh process."""
    arguments = ["-q", "-b", "html", "-d", str(tmp_path / "doctrees"), str(srcdir)]
    arguments.append(str(tmp_path / "html"))
    code = (
        "import sys\n"
        "from sphinx.cmd.build import build_main\n"
        f"assert build_main({arguments!r}) == 0\n"
        f"print(sorted(name for name in sys.modules if name.startswith({prefix!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(ast.literal_eval(done.stdout))


def test_noop_rebuild_leaves_the_feed_alone(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    app = _build(srcdir)
    feed = app.outdir / "atom.xml"
    stamp = feed.stat().st_mtime_ns
    _build(srcdir)
    assert feed.stat().st_mtime_ns == stamp
    profile = srcdir / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n", "utf-8")
    os.utime(profile, ns=(profile.stat().st_atime_ns, profile.stat().st_mtime_ns + 10**10))
    _build(srcdir)
    assert feed.stat().st_mtime_ns > stamp


# -- the garbage collector ------------------------------------------------------------------


def test_gc_paused_restores_the_collector() -> None:
    from sphinx_academic.gcpause import gc_paused

    assert gc.isenabled()
    with contextlib.suppress(ValueError), gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the outer block turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_gc_left_alone_when_the_user_turned_it_off() -> None:
    from sphinx_academic.gcpause import gc_paused

    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loaded_data_frozen_during_the_build_only(tmp_path: Path) -> None:
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    frozen_while_reading: list[int] = []
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())  # type: ignore[arg-type]
    app.connect(
        "doctree-read", lambda app, doctree: frozen_while_reading.append(gc.get_freeze_count())
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert frozen_while_reading and min(frozen_while_reading) > 0
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


# -- short cuts in names --------------------------------------------------------------------


_NAME_LIST = st.lists(
    st.text(alphabet=st.sampled_from(list("aAnNdD ,.*~{}\\^$†-xy")), min_size=1, max_size=12),
    min_size=1,
    max_size=4,
).map(lambda names: " and ".join(names))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_NAME_LIST)
@example("A. Smith and B. Jones")
@example("Smith, A* and Jones, B\\textsuperscript{\\dag}")
def test_name_splitting_shortcut_agrees_with_pybtex(value: str) -> None:
    from pybtex.bibtex.utils import split_name_list

    expected = [name for name in split_name_list(value) if name.strip()]
    assert bibtex._split_names(value) == expected


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_NAME_LIST.filter(lambda value: not re.search(r"[*&^†‡§¶‖\\]", value)))
@example("Smith, A. and {van der Berg}, B.")
def test_names_without_markers_are_copied_as_written(value: str) -> None:
    from sphinx_academic.model.names import without_markers

    assert without_markers(value) == value


def test_names_with_markers_lose_them() -> None:
    from sphinx_academic.model.names import without_markers

    assert without_markers("Yuan*, Zhihang and Lindqvist, Sofia\\textsuperscript{\\dag}") == (
        "Yuan, Zhihang and Lindqvist, Sofia"
    )


def test_news_and_timeline_pages_import_no_publication_code(tmp_path: Path) -> None:
    """Only ``.. cv::`` and the publication directives render entries of the bib files:
    a site of profile pages loads none of that code (nor the name matching)."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    for name in ("cv.rst", "publications.rst", "papers.bib"):
        (srcdir / name).unlink()
    conf = srcdir / "conf.py"
    settings = conf.read_text(encoding="utf-8").replace('academic_bibfiles = ["papers.bib"]', "")
    conf.write_text(settings, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   news\n   timelines\n", encoding="utf-8"
    )
    loaded = _modules_after_build(srcdir, tmp_path)
    assert "sphinx_academic.directives.profile" in loaded  # the pages were rendered
    publication_code = {
        "sphinx_academic.directives.publications",
        "sphinx_academic.directives.cv",
        "sphinx_academic.model.publication",
        "sphinx_academic.model.names",
        "sphinx_academic.model.richtext",
        "sphinx_academic.render.publication",
        "sphinx_academic.query.filter",
    }
    assert publication_code.isdisjoint(loaded)

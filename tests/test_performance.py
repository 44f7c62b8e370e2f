"""The speed-ups give the same results as the slow paths they short-cut, and the work
they skip is really skipped (see ``docs/performance.rst``)."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import latexcodec  # noqa: F401  (registers the "ulatex" codec for the reference)
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pybtex.database.input.bibtex import month_names
from pybtex.utils import CaseInsensitiveDict
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.model import richtext
from sphinx_academic.readers import bibtex
from sphinx_academic.readers.bibscan import scan

from conftest import CORPUS, ROOTS, build_app

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


_PLAIN_PIECES = [*"aZ é1.,;!?'\"()[]{}<>#%&+=~^$/-–", "http", "www.", "x.org", "PEP 8", "\n", "  "]


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

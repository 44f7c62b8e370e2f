"""Every builder builds; non-HTML output is a clean citation list with escaped text."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import academic_warnings, bib_site, build_app, build_root

BUILDERS = (
    "html",
    "dirhtml",
    "singlehtml",
    "latex",
    "text",
    "epub",
    "man",
    "texinfo",
    "gettext",
    "xml",
    "pseudoxml",
)


@pytest.mark.parametrize("buildername", BUILDERS)
def test_smoke_every_builder(buildername: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    app = build_root("basic", tmp_path_factory.mktemp(buildername), buildername)
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    # The basic root has exactly one known data problem (an unsafe link).
    assert len(academic_warnings(warnings)) == 1, warnings
    assert any(app.outdir.iterdir())


@pytest.fixture(scope="module")
def text_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_root("basic", tmp_path_factory.mktemp("text"), "text")


def test_text_is_citation_list(text_build: SphinxTestApp) -> None:
    text = (text_build.outdir / "publications.txt").read_text()
    assert "Copy" not in text and "BibTeX" not in text and "Abstract" not in text
    assert (
        "**Hrayr Harutyunyan**, Kyle Reing, **Greg Ver Steeg**, and Aram Galstyan. Improving "
        "Generalization by "
        "Controlling Label-Noise Information in Neural Network Weights."
    ) in " ".join(text.split())


def test_text_numbered_reversed(text_build: SphinxTestApp) -> None:
    text = (text_build.outdir / "cv.txt").read_text()
    numbers = [line.split("]")[0] + "]" for line in text.splitlines() if line.startswith("[")]
    assert numbers[:5] == ["[5]", "[4]", "[3]", "[2]", "[1]"]


@pytest.fixture(scope="module")
def hostile_latex(tmp_path_factory: pytest.TempPathFactory) -> str:
    app = build_root("bad", tmp_path_factory.mktemp("latex"), "latex")
    return (app.outdir / "badinput.tex").read_text()


def test_latex_escapes_hostile_fields(hostile_latex: str) -> None:
    assert "\\input{/etc/passwd}" not in hostile_latex
    assert "\\write18" not in hostile_latex
    assert "\\textless{}script\\textgreater{}" in hostile_latex


def test_latex_has_no_buttons(hostile_latex: str) -> None:
    assert "Copy" not in hostile_latex and "BibTeX" not in hostile_latex


def test_latex_labels_for_pub_links(tmp_path_factory: pytest.TempPathFactory) -> None:
    app = build_root("basic", tmp_path_factory.mktemp("latexlabels"), "latex")
    tex = (app.outdir / "basic.tex").read_text()
    assert "\\label{\\detokenize{publications:pub-harutyunyan2020improving}}" in tex
    assert "\\hyperref[\\detokenize{publications:pub-harutyunyan2020improving}]" in tex
    # The documented hook for restyling the owner's name in the PDF.
    assert "\\DUrole{academic-self}{\\sphinxstylestrong{Hrayr Harutyunyan}}" in tex


@pytest.mark.parametrize("buildername", ["latex", "texinfo"])
def test_printed_cards_have_the_quotes_of_the_page(
    buildername: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A card printed as its citation line gets the typographic apostrophe the page's own
    text and the numbered list get (Sphinx's smart quotes)."""
    bib = "@article{o1,\n  author = {O'Neil, Mary},\n  title = {T},\n  year = {2020},\n}\n"
    page = "Home\n====\n\nO'Neil.\n\n.. publications::\n\n.. publications::\n   :style: numbered\n"
    app = build_app(bib_site(tmp_path_factory.mktemp(buildername), bib, page), buildername)
    output = next(path for path in app.outdir.iterdir() if path.suffix in (".tex", ".texi"))
    text = output.read_text()
    assert text.count("O\u2019Neil") == 3
    assert "O'Neil" not in text and "O\\textquotesingle{}Neil" not in text


def test_man_page_paragraphs_do_not_run_together(tmp_path_factory: pytest.TempPathFactory) -> None:
    """In a man page each entry is a paragraph of its own: the first one does not run on
    from the page's text before the list."""
    bib = "".join(
        f"@article{{k{n},\n  author = {{Doe, Jane}},\n  title = {{Title {n}}},\n"
        f"  year = {{202{n}}},\n}}\n"
        for n in (1, 2)
    )
    page = "Home\n====\n\nSome text.\n\n.. publications::\n"
    app = build_app(bib_site(tmp_path_factory.mktemp("man"), bib, page), "man")
    lines = next(app.outdir.glob("*.1")).read_text().splitlines()
    entries = [index for index, line in enumerate(lines) if line.startswith("Jane Doe")]
    assert len(entries) == 2
    assert all(lines[index - 1] == ".sp" for index in entries), lines

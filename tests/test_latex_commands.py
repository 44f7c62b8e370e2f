"""Text-mode LaTeX in BibTeX values: spacing as LaTeX has it, the commands and font
switches real bib files hold, and unknown commands dropped to their argument."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_academic.model.richtext import Span, latex_notes, plain, rich
from sphinx_academic.readers.bibtex import parse_bibtex

from conftest import academic_warnings, bib_site, build_app, parse_html


def test_spaces_around_math_and_dashes() -> None:
    assert rich(r"an $O(n)$ bound -- tight") == (
        Span("text", "an "),
        Span("math", "O(n)"),
        Span("text", " bound – tight"),
    )


def test_spaces_after_a_command_argument() -> None:
    assert rich(r"\emph{BERT} on ``hard'' cases") == (
        Span("em", "BERT"),
        Span("text", " on “hard” cases"),
    )
    assert rich(r"x \emph{e} M{\"u}ller") == (
        Span("text", "x "),
        Span("em", "e"),
        Span("text", " Müller"),
    )


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\LaTeX{} is", "LaTeX is"),
        (r"\LaTeX is", "LaTeXis"),  # a control word eats the spaces after it, as in LaTeX
        (r"\TeX\ and \BibTeX{} too", "TeX and BibTeX too"),
        (r"a\,b", "a\u2009b"),
        (r"line\\break", "line break"),
        (r"see \cite{smith2020} now", "see [smith2020] now"),
        (r"see \citep[p.~3]{a,b} now", "see [a, b] now"),
        (r"\textsc{Bert} \texttt{x} \textrm{y}", "Bert x y"),
        (r"\ldots{} and \dots", "… and …"),
        (r"\textendash\ \S 3 \copyright", "– §3 ©"),
        (r"hy\-phen", "hyphen"),
        (r"\o{}ster \ss{} \c{c}a \v{S}koda", "øster ß ça Škoda"),
        (r"{\v{S}}koda", "Škoda"),
        (r"{A}{B} {\relax C}", "AB C"),
    ],
)
def test_text_commands(latex: str, text: str) -> None:
    assert plain(latex) == text


@pytest.mark.parametrize(
    ("latex", "spans"),
    [
        (r"{\em x} y", (Span("em", "x"), Span("text", " y"))),
        (r"{\bf x} y", (Span("strong", "x"), Span("text", " y"))),
        (r"a {\it b \bf c} d", (Span("text", "a "), Span("em", "b "), Span("strong", "c"))),
        (r"{\bfseries Bold} and {\itshape it}", (Span("strong", "Bold"),)),
        (r"2\textsuperscript{nd}", (Span("text", "2"), Span("sup", "nd"))),
        (r"H\textsubscript{2}O", (Span("text", "H"), Span("sub", "2"), Span("text", "O"))),
    ],
)
def test_font_switches_and_scripts(latex: str, spans: tuple[Span, ...]) -> None:
    assert rich(latex)[: len(spans)] == spans


def test_href_and_url_are_links_only_when_safe() -> None:
    assert rich(r"\href{https://x.org/a}{the code} here") == (
        Span("link", "the code", "https://x.org/a"),
        Span("text", " here"),
    )
    assert rich(r"\url{mailto:a@b.org}") == (Span("link", "mailto:a@b.org", "mailto:a@b.org"),)
    assert rich(r"\href{javascript:alert(1)}{click}") == (Span("text", "click"),)
    assert plain(r"\url{https://x.org/~me}") == "https://x.org/~me"


def test_unknown_commands_drop_to_their_argument() -> None:
    assert plain(r"\foo{bar} baz \qux end") == "bar baz end"
    assert latex_notes(r"\foo{bar} baz \qux end \foo{x}").unknown == ("\\foo", "\\qux")
    assert latex_notes(r"\emph{x} \LaTeX{} \'e").unknown == ()


BIB = r"""@article{one,
  title = {Learning \foo{fast} with \LaTeX{} and {\em style}},
  author = {M{\"u}ller, Clara},
  journal = {J \bar{x}},
  year = {2020},
  note = {see \href{https://example.org}{the site} and \href{javascript:x}{bad}},
}
"""


def test_one_warning_per_entry_at_its_line() -> None:
    parsed = parse_bibtex("\n\n" + BIB, "refs.bib")
    latex = [p for p in parsed.problems if p.subtype == "latex"]
    assert [(p.line, p.message) for p in latex] == [
        (3, r"one: unknown LaTeX commands \foo, \bar; shown as their argument")
    ]


def test_built_page(tmp_path: Path) -> None:
    app = build_app(bib_site(tmp_path, BIB))
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 2, warnings
    assert warnings[0].endswith(
        r"one: unknown LaTeX commands \foo, \bar; shown as their "
        "argument [academic.latex]"
    )
    assert "p.bib:1: WARNING: one: unknown LaTeX commands" in warnings[0]
    assert "p.bib:1: WARNING: one: field 'note': link 'javascript:x' dropped" in warnings[1]
    assert warnings[1].endswith("[academic.link]")
    card = parse_html(app.outdir / "index.html").select_one(".academic-pub-card")
    assert card is not None
    title = card.select_one(".academic-pub-title")
    assert title is not None
    assert title.get_text() == "Learning fast with LaTeX and style"
    assert title.select_one("em").get_text() == "style"
    venue = card.select_one(".academic-pub-venue")
    assert venue is not None
    link = venue.select_one('a[href="https://example.org"]')
    assert link is not None and link.get_text() == "the site"
    assert "bad" in venue.get_text() and "javascript" not in str(venue)


_PIECES = [
    "a ",
    "x",
    "{",
    "}",
    "$",
    "\\emph{",
    "\\bf ",
    "\\foo",
    "\\href{",
    "https://e.org}",
    "{y}",
    "\\url{",
    "javascript:x}",
    "\\cite{k}",
    "\\cite",
    "\\alpha",
    "\\'e",
    '\\"u',
    "\\LaTeX",
    "\\textsuperscript{2}",
    "\\,",
    "\\\\",
    "--",
    "~",
    "\\textbf{",
    "\\unknownword",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_notes_without_reading_agree_with_reading(text: str) -> None:
    """The quick look at command names gives what reading the whole value gives."""
    from sphinx_academic.model.richtext import _read_latex

    assert latex_notes(text) == _read_latex(text.strip())[1]

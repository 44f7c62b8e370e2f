"""What researchers' own files showed: LaTeX in names and titles as BibTeX writes it,
each checked on the built page as a visitor reads it."""

from __future__ import annotations

from pathlib import Path

from conftest import academic_warnings, bib_site, build_app, parse_html, profile_site

NAMES_AND_ACCENTS = r"""@article{garcia2021,
  title = {Na\"{\i}ve Bayes for Mart\'\i nez's {\'\i}ndices},
  author = {Garc\'{\i}a, Mar{\'\i}a and \textbf{Doe}, Jane and {\relax Ch}ristopher Smith
            and \emph{Ann} Roe},
  journal = {Revista de Matem\'\i tica},
  year = {2021},
}
"""


def _only_citation_line(folder: Path, bib: str) -> str:
    """The text of the one citation line a list of ``bib`` shows; no warning on the way."""
    page = "Home\n====\n\n.. publications::\n   :style: list\n"
    app = build_app(bib_site(folder, bib, page))
    assert academic_warnings(app.warning.getvalue()) == []
    line = parse_html(app.outdir / "index.html").select_one(".academic-pub-line")
    assert line is not None
    return str(line.get_text())


def test_dotless_i_accents_and_formatting_in_names_are_decoded(tmp_path: Path) -> None:
    text = _only_citation_line(tmp_path, NAMES_AND_ACCENTS)
    assert text.startswith("María García, Jane Doe, Christopher Smith, and Ann Roe.")
    assert "Naïve Bayes for Martínez’s índices." in text
    assert "Revista de Matemítica" in text
    assert "\\" not in text and "{" not in text and "}" not in text


def test_markup_problems_in_profile_text_are_reported_once_at_the_data(tmp_path: Path) -> None:
    profile = "basics:\n  name: Ada\n  summary: 'I like :raw-html:`<b>x</b>` and *unclosed'\n"
    app = build_app(profile_site(tmp_path, "profile.yaml", profile, "Home\n====\n\n.. profile::\n"))
    warnings = app.warning.getvalue()
    assert "[docutils]" not in warnings and "index.rst" not in warnings, warnings
    found = academic_warnings(warnings)
    assert len(found) == 2, found
    assert all("profile.yaml:2: WARNING: markup in profile text:" in w for w in found), found
    assert all(w.endswith("[academic.markup]") for w in found), found
    summary = parse_html(app.outdir / "index.html").select_one(".academic-profile-summary")
    assert summary is not None
    assert summary.get_text() == "I like :raw-html:`<b>x</b>` and *unclosed"
    # The text that did not parse is not a link to a message the page does not have.
    assert summary.select("a") == []


def test_rendercv_links_may_hold_parentheses(tmp_path: Path) -> None:
    cv = (
        "cv:\n  name: Ada\n  sections:\n    projects:\n"
        "      - name: '[Ada](https://en.wikipedia.org/wiki/Ada_(programming_language))'\n"
        "        summary: See [the manual](https://example.org/rm_(2012)) (2012).\n"
    )
    app = build_app(profile_site(tmp_path, "cv.yaml", cv, "Home\n====\n\n.. cv::\n"))
    assert academic_warnings(app.warning.getvalue()) == []
    entry = parse_html(app.outdir / "index.html").select_one(".academic-timeline-entry")
    assert entry is not None
    links = {a.get_text(): a["href"] for a in entry.select("a")}
    assert links == {
        "Ada": "https://en.wikipedia.org/wiki/Ada_(programming_language)",
        "the manual": "https://example.org/rm_(2012)",
    }
    assert "See the manual (2012)." in entry.get_text()
    assert "](" not in entry.get_text()


ACCENTS_ON_NOTHING = r"""@misc{caret,
  title = {Bounds in n\^{}2 time, a backquote \`{} and an acute \'{}},
  author = {Doe, Jane},
  howpublished = {Notes at http://example.edu/\~{}jane/notes},
  year = {2019},
}
"""


def test_caret_and_tilde_written_as_accents_on_nothing(tmp_path: Path) -> None:
    """``\\^{}`` and ``\\~{}`` are how LaTeX writes ``^`` and ``~`` (a home page address):
    the characters themselves, which every builder can print, not modifier letters; a
    backquote on nothing is no leftover backslash."""
    text = _only_citation_line(tmp_path, ACCENTS_ON_NOTHING)
    assert "^2 time, a backquote ` and an acute ´" in text
    assert "http://example.edu/~jane/notes" in text
    assert "\\" not in text and "\u02c6" not in text and "\u02dc" not in text


BACKSLASHES = r"""@misc{paths,
  title = {Paths like C:\textbackslash{}temp and the \textbackslash-flag,
           \emph{a \textbackslash. b}},
  author = {Doe, Jane},
  note = {Escape with \textbackslash{}"},
  year = {2019},
}
"""


def test_a_backslash_from_data_stays_in_every_builder(tmp_path: Path) -> None:
    """Sphinx's smart quotes read ``\\-``, ``\\.`` and ``\\"`` in a page's text as escapes
    and drop the backslash; one that the data holds is text and is kept."""
    text = _only_citation_line(tmp_path, BACKSLASHES)
    assert "Paths like C:\\temp and the \\-flag, a \\. b." in text
    assert 'Escape with \\"' in text or "Escape with \\\u201d" in text
    srcdir = tmp_path / "site"
    latex = build_app(srcdir, "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"the \textbackslash{}\sphinxhyphen{}flag" in tex
    assert r"a \textbackslash{}. b" in tex

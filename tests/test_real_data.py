"""What researchers' own files showed: LaTeX in names and titles as BibTeX writes it,
each checked on the built page as a visitor reads it."""

from __future__ import annotations

from pathlib import Path

from conftest import academic_warnings, bib_site, build_app, parse_html

NAMES_AND_ACCENTS = r"""@article{garcia2021,
  title = {Na\"{\i}ve Bayes for Mart\'\i nez's {\'\i}ndices},
  author = {Garc\'{\i}a, Mar{\'\i}a and \textbf{Doe}, Jane and {\relax Ch}ristopher Smith
            and \emph{Ann} Roe},
  journal = {Revista de Matem\'\i tica},
  year = {2021},
}
"""


def test_dotless_i_accents_and_formatting_in_names_are_decoded(tmp_path: Path) -> None:
    page = "Home\n====\n\n.. publications::\n   :style: list\n"
    app = build_app(bib_site(tmp_path, NAMES_AND_ACCENTS, page))
    assert academic_warnings(app.warning.getvalue()) == []
    line = parse_html(app.outdir / "index.html").select_one(".academic-pub-line")
    assert line is not None
    text = line.get_text()
    assert text.startswith("María García, Jane Doe, Christopher Smith, and Ann Roe.")
    assert "Naïve Bayes for Martínez’s índices." in text
    assert "Revista de Matemítica" in text
    assert "\\" not in text and "{" not in text and "}" not in text

"""Article numbers (Elsevier's ``pages = {102451}``, biblatex's ``eid``, ACM's ``articleno``,
Web of Science's ``article-number``) read "Article 102451", not "p. 102451", in every
builder and in the project's language; single pages and page ranges keep "p." and "pp."."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import academic_warnings, bib_site, build_app, parse_html

BIB = r"""@article{elsevier, title = {Elsevier}, journal = {J}, year = {2024}, pages = {102451}}
@article{plos, title = {Plos}, journal = {PLOS ONE}, year = {2024}, pages = {e0123456}}
@article{eid, title = {Eid}, journal = {Frontiers}, year = {2024}, eid = {1234}}
@inproceedings{acm, title = {Acm}, booktitle = {CHI}, year = {2024}, articleno = {42},
  pages = {1--12}}
@article{wos, title = {Wos}, journal = {J}, year = {2024}, Article-Number = {5678},
  pages = {5678}}
@article{page, title = {Page}, journal = {J}, year = {2024}, pages = {5}}
@article{fourdigits, title = {Fourdigits}, journal = {J}, year = {2024}, pages = {1234}}
@article{range, title = {Range}, journal = {J}, year = {2024}, pages = {100--110}}
"""

#: Title -> the part of its venue line that says where in the volume it is.
EXPECTED = {
    "Elsevier": "J, Article 102451, 2024",
    "Plos": "PLOS ONE, Article e0123456, 2024",
    "Eid": "Frontiers, Article 1234, 2024",
    "Acm": "CHI, Article 42, pp. 1–12, 2024",
    "Wos": "J, Article 5678, 2024",
    "Page": "J, p. 5, 2024",
    "Fourdigits": "J, p. 1234, 2024",
    "Range": "J, pp. 100–110, 2024",
}


@pytest.fixture(scope="module")
def srcdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bib_site(tmp_path_factory.mktemp("article-numbers"), BIB)


def _venues(srcdir: Path, **kwargs: object) -> dict[str, str]:
    app = build_app(srcdir, freshenv=True, **kwargs)
    assert academic_warnings(app.warning.getvalue()) == []
    page = parse_html(app.outdir / "index.html")
    return {
        card.select_one(".academic-pub-title").get_text(strip=True): card.select_one(
            ".academic-pub-venue"
        ).get_text()
        for card in page.select(".academic-pub-card")
    }


def test_html_shows_article_numbers_as_articles(srcdir: Path) -> None:
    assert _venues(srcdir) == EXPECTED


def test_article_label_is_translated(srcdir: Path) -> None:
    venues = _venues(srcdir, confoverrides={"language": "pt"})
    assert venues["Elsevier"].startswith("J, Artigo 102451, ")
    assert venues["Page"].startswith("J, p. 5, ")


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_text_and_latex_show_article_numbers(srcdir: Path, builder: str) -> None:
    app = build_app(srcdir, builder, freshenv=True)
    suffix = ".txt" if builder == "text" else ".tex"
    output = " ".join(
        path.read_text(encoding="utf-8") for path in Path(app.outdir).glob(f"*{suffix}")
    )
    output = " ".join(output.split())
    for title in ("Elsevier", "Acm", "Page"):
        place = EXPECTED[title].split(", ", 1)[1]  # after the (emphasised) venue
        assert place.replace("–", r"\textendash{}" if builder == "latex" else "–") in output, (
            builder,
            title,
        )
    assert "p. 102451" not in output


def test_csl_json_export_gives_article_numbers_as_numbers(srcdir: Path) -> None:
    """``publications.json``: CSL's ``number`` (which CSL styles print as "Article N"),
    not a ``page``, for an article number; pages stay ``page``."""
    app = build_app(srcdir, freshenv=True)
    items = {
        item["id"]: item
        for item in json.loads((Path(app.outdir) / "publications.json").read_text("utf-8"))
    }
    assert items["elsevier"]["number"] == "102451" and "page" not in items["elsevier"]
    assert items["eid"]["number"] == "1234" and "page" not in items["eid"]
    assert (items["acm"]["number"], items["acm"]["page"]) == ("42", "1–12")
    assert items["page"]["page"] == "5" and "number" not in items["page"]
    assert items["range"]["page"] == "100–110"

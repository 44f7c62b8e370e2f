"""Smaller data-level details: identifiers kept in exports, page ranges, list
punctuation of editors, and no "+1 more" hiding a single author."""

from __future__ import annotations

import pytest

from sphinx_academic.readers.bibtex import parse_bibtex

from conftest import build_app, parse_html

BIB = r"""@misc{pre,
  title = {A Preprint},
  author = {Doe, Jane and Roe, Richard and Poe, Edgar and Moe, Mo},
  year = {2021},
  arxiv = {arXiv:2101.00001},
}

@incollection{chap,
  title = {A Chapter},
  author = {Doe, Jane},
  editor = {One, Ann and Two, Ben and Three, Cy},
  booktitle = {The Book},
  pages = {1-5},
  year = {2020},
}

@article{many,
  title = {Five Authors},
  author = {A, Aa and B, Bb and C, Cc and D, Dd and E, Ee},
  journal = {J},
  pages = {12--19},
  year = {2019},
}
"""


def test_cleaned_bibtex_keeps_the_arxiv_identifier() -> None:
    pre = parse_bibtex(BIB, "p.bib").entries[0]
    cleaned = pre.cleaned_bibtex()
    assert "  eprint = {2101.00001}," in cleaned
    assert "  archiveprefix = {arXiv}," in cleaned
    again = parse_bibtex(cleaned, "again.bib").entries[0]
    assert again.arxiv_id == "2101.00001"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> object:
    srcdir = tmp_path_factory.mktemp("details") / "site"
    srcdir.mkdir()
    (srcdir / "p.bib").write_text(BIB, encoding="utf-8")
    (srcdir / "index.rst").write_text("Home\n====\n\n.. publications::\n", encoding="utf-8")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_bibfiles = ["p.bib"]\n'
        "academic_max_authors = 3\n",
        encoding="utf-8",
    )
    return parse_html(build_app(srcdir).outdir / "index.html")


def _card(page: object, title: str) -> object:
    return next(
        card
        for card in page.select(".academic-pub-card")  # type: ignore[attr-defined]
        if title in card.get_text()
    )


def test_page_range_with_one_hyphen_gets_an_en_dash(page: object) -> None:
    assert "pp. 1–5" in _card(page, "A Chapter").get_text()  # type: ignore[attr-defined]
    assert "pp. 12–19" in _card(page, "Five Authors").get_text()  # type: ignore[attr-defined]


def test_editors_and_authors_share_list_punctuation(page: object) -> None:
    venue = _card(page, "A Chapter").select_one(".academic-pub-venue").get_text()  # type: ignore[attr-defined]
    assert "edited by Ann One, Ben Two, and Cy Three" in venue


def test_one_more_author_is_shown_not_hidden(page: object) -> None:
    four = _card(page, "A Preprint")
    assert four.select(".academic-pub-author-hidden") == []  # type: ignore[attr-defined]
    assert "+1 more" not in four.get_text()  # type: ignore[attr-defined]
    assert "Mo Moe" in four.get_text()  # type: ignore[attr-defined]
    five = _card(page, "Five Authors")
    assert "+2 more" in five.get_text()  # type: ignore[attr-defined]

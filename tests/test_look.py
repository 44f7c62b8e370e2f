"""Compact entries and the :abstract: option, in HTML and in a printed format."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import academic_warnings, build_root, parse_html


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BeautifulSoup, list[str]]:
    app: SphinxTestApp = build_root("look", tmp_path_factory.mktemp("look"))
    return parse_html(app.outdir / "index.html"), academic_warnings(app.warning.getvalue())


def test_compact_entry_reads_like_academicpages(built: tuple[BeautifulSoup, list[str]]) -> None:
    entry = built[0].select_one(".compact-default #pub-lovelace2024engines")
    assert "academic-pub-compact" in entry["class"]
    assert entry.select_one(".academic-pub-aside img") is not None
    body = entry.select_one(".academic-pub-body")
    parts = [p["class"][0] for p in body.find_all("p", recursive=False)]
    assert parts == [
        "academic-pub-authors",
        "academic-pub-title",
        "academic-pub-venue",
        "academic-pub-summary",
    ]
    assert body.select_one(".academic-self").get_text() == "Ada Lovelace"
    venue = body.select_one(".academic-pub-venue")
    assert venue.get_text() == "CoE, 2024 [arXiv, Code, BibTeX]"
    inline = venue.select_one(".academic-pub-inline-links")
    assert inline.select_one("button")["data-academic-panel"] == "academic-pub-bibtex"
    assert body.select_one(".academic-pub-summary").get_text() == (
        "Engines, explained in one sentence."
    )
    assert body.select_one("details.academic-pub-bibtex") is not None
    assert body.select_one("details.academic-pub-abstract") is None


def test_compact_entry_without_abbr_or_summary(built: tuple[BeautifulSoup, list[str]]) -> None:
    entry = built[0].select_one(".compact-default #pub-lovelace2023notes")
    assert "academic-pub-no-preview" in entry["class"]
    venue = entry.select_one(".academic-pub-venue").get_text()
    assert venue == "Journal of Notes, 2023 [BibTeX]"
    assert entry.select_one(".academic-pub-summary").get_text() == "The notes’ abstract."


def test_compact_folded_puts_the_abstract_behind_a_button(
    built: tuple[BeautifulSoup, list[str]],
) -> None:
    entry = built[0].select_one(".compact-folded .academic-pub")
    assert entry.select_one(".academic-pub-summary") is None
    panels = [b["data-academic-panel"] for b in entry.select("button.academic-pub-toggle")]
    assert panels == ["academic-pub-abstract", "academic-pub-bibtex"]


def test_cards_with_open_and_hidden_abstracts(built: tuple[BeautifulSoup, list[str]]) -> None:
    page = built[0]
    open_card = page.select_one(".card-open .academic-pub-card")
    assert open_card.select_one("details.academic-pub-abstract") is None
    assert open_card.select_one("p.academic-pub-abstract-text").get_text() == (
        "A long abstract about engines."
    )
    hidden = page.select_one(".card-hidden .academic-pub-card")
    assert "abstract" not in hidden.get_text().lower().replace("bibtex", "")
    assert [b.get_text() for b in hidden.select("button.academic-pub-toggle")] == ["BibTeX"]


def test_unknown_abstract_mode_warns_and_folds(built: tuple[BeautifulSoup, list[str]]) -> None:
    warnings = [w for w in built[1] if ":abstract: 'sometimes'" in w]
    assert len(warnings) == 1 and warnings[0].endswith("[academic.option]"), built[1]
    assert "index.rst:" in warnings[0]
    last = built[0].select(".academic-publications")[-1]
    assert last.select_one("details.academic-pub-abstract") is not None


@pytest.mark.sphinx("text", testroot="look")
def test_compact_entries_print_as_citation_lines(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "**Ada Lovelace** and Charles Babbage. Analytical Engines for Everyone." in text
    assert "[arXiv" not in text and "explained in one sentence" not in text

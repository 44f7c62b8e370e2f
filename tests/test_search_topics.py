"""Topics (BibTeX ``keywords``) on cards, pages and in ``:filter:``, and the search box of
``:search:`` as each builder writes it (the browser suite tests what it does)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphinx_academic.readers.bibtex import parse_bibtex

from conftest import ROOTS, build_app, parse_html


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("find") / "find"
    shutil.copytree(ROOTS / "test-coauthors", srcdir)
    return srcdir


@pytest.fixture(scope="module")
def html(site: Path) -> Path:
    return build_app(site).outdir


def test_keywords_are_topics_in_file_order_each_once() -> None:
    entry = parse_bibtex(
        '@misc{a, title={A}, keywords={Privacy; {\\"O}konomie , privacy,, graph  theory}}',
        "a.bib",
    ).entries[0]
    assert entry.keywords == ("Privacy", "Ökonomie", "graph theory")


def test_topic_chips_on_cards_and_publication_pages(html: Path) -> None:
    index = parse_html(html / "index.html")
    chips = index.select(".cards #pub-many2021 ul.academic-pub-topics > li.academic-topic")
    assert [chip.get_text() for chip in chips] == ["privacy", "Learning theory"]
    assert index.select(".cards #pub-twosmiths2020 .academic-pub-topics") == []
    page = parse_html(html / "publications" / "many2021.html")
    chips = page.select(".academic-pub-page .academic-pub-topics .academic-topic")
    assert [chip.get_text() for chip in chips] == ["privacy", "Learning theory"]


def test_keywords_in_filter(html: Path) -> None:
    index = parse_html(html / "index.html")
    assert [line["id"] for line in index.select(".privacy .academic-pub")] == ["pub-many2021-4"]


def test_the_search_box_is_written_hidden_with_its_data(html: Path) -> None:
    index = parse_html(html / "index.html")
    box = index.select_one(".cards .academic-search")
    assert box is not None and box.has_attr("hidden") and box["role"] == "search"
    assert box.find_parent(class_="academic-searchable") is not None
    field = box.select_one("input[type=search]")
    assert field is not None
    label = box.select_one("label")
    assert label is not None and label["for"] == field["id"]
    facets = {
        group["aria-label"]: [chip.get_text() for chip in group.select("button.academic-chip")]
        for group in box.select("[role=group]")
    }
    assert facets == {
        "Year": ["2021", "2020", "2019", "2018"],
        "Type": ["Journal articles", "Conference papers", "Other publications"],
        "Topic": ["a<b", "Learning theory", "privacy"],
        "Show only": ["Selected papers"],
    }
    status = box.select_one(".academic-search-status")
    assert status is not None and status["aria-live"] == "polite"
    data = box.select_one("script[type='application/json']")
    assert data is not None
    entries = json.loads(data.string)
    assert [entry["id"] for entry in entries] == [
        "pub-many2021",
        "pub-twosmiths2020",
        "pub-particle2019",
        "pub-escape2018",
    ]
    assert all(index.find(id=entry["id"]) is not None for entry in entries)
    first = entries[0]
    assert (first["year"], first["type"], first["topics"]) == (
        "2021",
        "inproceedings",
        ["privacy", "learning theory"],
    )
    assert "We study hands." in first["text"] and "Hrayr Harutyunyan" in first["text"]
    assert entries[3]["selected"] is True


def test_the_data_cannot_end_its_script_element(html: Path) -> None:
    text = (html / "index.html").read_text()
    block = text[text.index('class="academic-search-data"') :]
    block = block[: block.index("</script>")]
    assert "<" not in block.split(">", 1)[1]
    assert "Closing \\u003c/script\\u003e tags" in block


def test_the_script_is_only_on_pages_with_a_search_box(html: Path) -> None:
    assert "academic-search.js" in (html / "index.html").read_text()
    assert "academic-search.js" not in (html / "cv.html").read_text()
    assert (html / "_static" / "academic-search.js").exists()


def test_lists_without_search_have_no_box(html: Path) -> None:
    index = parse_html(html / "index.html")
    assert len(index.select(".academic-search")) == 1
    assert index.select(".list .academic-search, .numbered .academic-search") == []


@pytest.mark.parametrize("builder", ["text", "latex", "man", "texinfo", "epub", "singlehtml"])
def test_every_builder(site: Path, builder: str) -> None:
    app = build_app(site, builder)
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in app.outdir.rglob("*")
        if path.is_file() and path.suffix in {".txt", ".tex", ".1", ".texi", ".html", ".xhtml"}
    )
    assert "Many Hands" in written
    if builder in {"epub", "singlehtml"}:
        assert "academic-search-data" in written
    else:  # printed formats: no controls, no data
        assert "Search publications" not in written and "academic-search-data" not in written

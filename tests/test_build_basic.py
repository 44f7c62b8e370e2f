"""The basic site: cards, lists, numbered CV bibliography, :pub: links, in HTML."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, academic_warnings, build_app, parse_html


@pytest.fixture
def built(app: SphinxTestApp) -> SphinxTestApp:
    app.build()
    return app


@pytest.mark.sphinx("html", testroot="basic")
def test_card_parts(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "publications.html")
    card = page.select_one("#pub-harutyunyan2020improving")
    assert card is not None
    assert "academic-pub-card" in card["class"]
    title = card.select_one(".academic-pub-title")
    assert title.get_text() == (
        "Improving Generalization by Controlling Label-Noise Information in Neural Network Weights"
    )
    authors = card.select_one(".academic-pub-authors")
    # max_authors is 3, but a button would take the place of the one name left: all shown.
    assert authors.get_text() == (
        "Hrayr Harutyunyan, Kyle Reing, Greg Ver Steeg, and Aram Galstyan"
    )
    assert authors.select_one(".academic-pub-author-hidden") is None
    assert [a.get_text() for a in card.select(".academic-self")] == [
        "Hrayr Harutyunyan",
        "Greg Ver Steeg",
    ]
    venue = card.select_one(".academic-pub-venue").get_text()
    assert venue == ("Advances in Neural Information Processing Systems, pp. 4071–4081, Jul 2020")
    assert card.select_one(".academic-pub-abbr").get_text() == "NeurIPS"
    assert card.select_one(".academic-pub-award").get_text() == "Oral"


@pytest.mark.sphinx("html", testroot="basic")
def test_card_links_and_files(built: SphinxTestApp) -> None:
    card = parse_html(built.outdir / "publications.html").select_one(
        "#pub-harutyunyan2020improving"
    )
    links = {a.get_text(): a["href"] for a in card.select(".academic-pub-links a")}
    assert links["arXiv"] == "https://arxiv.org/abs/2002.07933"
    assert links["Code"] == "https://github.com/example/code"
    assert links["PDF"].startswith("_downloads/") and links["PDF"].endswith("/paper.pdf")
    assert (built.outdir / links["PDF"]).is_file()
    image = card.select_one(".academic-pub-preview img")
    assert image["alt"].startswith("Improving Generalization")
    assert (built.outdir / image["src"]).is_file()


@pytest.mark.sphinx("html", testroot="basic")
def test_abstract_is_closed_disclosure_with_math(built: SphinxTestApp) -> None:
    card = parse_html(built.outdir / "publications.html").select_one(
        "#pub-harutyunyan2020improving"
    )
    abstract = card.select_one("details.academic-pub-abstract")
    assert abstract is not None and not abstract.has_attr("open")
    assert abstract.summary.get_text() == "Abstract"
    assert abstract.select_one(".math") is not None
    assert "Naïve methods fail." in abstract.get_text()


@pytest.mark.sphinx("html", testroot="basic")
def test_card_has_a_left_column_and_one_row_of_buttons(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "publications.html")
    card = page.select_one("#pub-harutyunyan2020improving")
    aside, body = card.find_all("div", recursive=False)
    assert "academic-pub-aside" in aside["class"] and "academic-pub-body" in body["class"]
    # Badges above the thumbnail, in the left column.
    assert [p["class"][0] for p in aside.find_all(recursive=False)] == [
        "academic-pub-badges",
        "academic-pub-preview",
    ]
    row = body.select_one(".academic-pub-links")
    toggles = row.select("button.academic-pub-toggle")
    assert [(b.get_text(), b["data-academic-panel"]) for b in toggles] == [
        ("Abstract", "academic-pub-abstract"),
        ("BibTeX", "academic-pub-bibtex"),
    ]
    # Shown by academic.js, which hides the panels' own summaries.
    assert all(b.has_attr("hidden") and b["aria-expanded"] == "false" for b in toggles)
    assert [a.get_text() for a in row.select("a")][:2] == ["arXiv", "PDF"]
    panels = body.find_all("details", recursive=False)
    assert [d["class"][:2] for d in panels] == [
        ["academic-pub-abstract", "academic-pub-panel"],
        ["academic-pub-bibtex", "academic-pub-panel"],
    ]
    # Without a thumbnail the column stays, so the title starts at the same place.
    bare = next(c for c in page.select(".academic-pub-card") if not c.select("img"))
    assert "academic-pub-no-preview" in bare["class"]
    assert "academic-pub-aside" in bare.find("div")["class"]


@pytest.mark.sphinx("html", testroot="basic")
def test_bibtex_block_is_cleaned_by_field(built: SphinxTestApp) -> None:
    card = parse_html(built.outdir / "publications.html").select_one(
        "#pub-harutyunyan2020improving"
    )
    block = card.select_one("details.academic-pub-bibtex")
    text = block.select_one("pre").get_text()
    assert text.startswith("@inproceedings{harutyunyan2020improving,")
    assert "booktitle = {Advances in Neural Information Processing Systems}" in text
    for field in (
        "abbr",
        "selected",
        "preview",
        "pdf",
        "arxiv",
        "code",
        "abstract",
        "award_name",
        "bibtex_show",
    ):
        assert f"  {field} =" not in text
    # The abstract mentions words like "code" and "pdf" nowhere, but field names are
    # removed by field, so a title containing "preview" would survive.
    assert "pages = {4071--4081}" in text
    button = block.select_one("button.academic-copy")
    assert button["type"] == "button" and button["data-academic-action"] == "copy"


@pytest.mark.sphinx("html", testroot="basic")
def test_long_author_list_is_shortened_but_keeps_owner(built: SphinxTestApp) -> None:
    card = parse_html(built.outdir / "publications.html").select_one(
        "#pub-harutyunyan2021estimating"
    )
    hidden = card.select(".academic-pub-author-hidden")
    assert [a.get_text() for a in hidden] == [
        ", Orchid Majumder, Avinash Ravichandran, Rahul Bhotika, and Stefano Soatto"
    ]
    assert card.select_one(".academic-pub-author-ellipsis").get_text() == ", …"
    toggle = card.select_one("button.academic-pub-authors-toggle")
    assert toggle.get_text() == "+4 more" and toggle["aria-expanded"] == "false"
    owner = card.select_one(".academic-self")
    assert owner.get_text() == "Hrayr Harutyunyan"
    assert owner.name == "strong"  # the class on the strong itself, no wrapper (memory)
    assert "academic-self" not in owner.parent.get("class", [])
    assert owner.find_next_sibling().name == "sup"
    assert owner.find_next_sibling().get_text() == "*"
    assert "* equal contribution" in card.select_one(".academic-pub-annotation").get_text()


@pytest.mark.sphinx("html", testroot="basic")
def test_group_by_year_headings_newest_first(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "publications.html")
    headings = [h.get_text() for h in page.select(".academic-group-heading")]
    assert headings == ["2023", "2021", "2020", "2019", "2018"]
    assert page.select_one("h2.academic-group-heading") is not None
    assert len(page.select(".academic-pub")) == 5


@pytest.mark.sphinx("html", testroot="basic")
def test_filter_selected(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "index.html")
    keys = [card["id"] for card in page.select(".academic-pub")]
    assert keys == ["pub-harutyunyan2021estimating", "pub-harutyunyan2020improving"]


@pytest.mark.sphinx("html", testroot="basic")
def test_numbered_reversed_grouped_by_type(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "cv.html")
    numbered = page.select_one(".academic-style-numbered")
    headings = [h.get_text() for h in numbered.select(".academic-group-heading")]
    assert headings == [
        "Journal articles",
        "Conference papers",
        "Theses",
        "Technical reports",
        "Preprints",
    ]
    numbers = [n.get_text() for n in numbered.select(".academic-pub-number")]
    assert numbers == ["[5] ", "[4] ", "[3] ", "[2] ", "[1] "]


@pytest.mark.sphinx("html", testroot="basic")
def test_list_style_sort_and_limit(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "cv.html")
    lines = page.select("#latest .academic-pub-line")
    # Both entries are also in the numbered list above: the anchors stay unique.
    assert [line["id"] for line in lines] == [
        "pub-harutyunyan2023thesis-2",
        "pub-harutyunyan2021estimating-2",
    ]
    assert lines[0].get_text() == (
        "Hrayr Harutyunyan. Information-theoretic methods in deep learning. "
        "PhD thesis, University of Southern California, 2023."
    )
    # Shortened list style: first max_authors names, then "et al."
    assert (
        lines[1]
        .get_text()
        .startswith("Hrayr Harutyunyan*, Alessandro Achille*, Giovanni Paolini, et al. Estimating")
    )
    # A citation line is a handful of nodes, as a line written by hand: text runs, the
    # owner (one strong, no wrapper), markers, the venue; the title is text in the line
    # unless it links (to the entry's page or URL).
    assert [child.name for child in lines[1].children if child.name] == [
        "strong",
        "sup",
        "sup",
        "em",
    ]


@pytest.mark.sphinx("html", testroot="basic")
def test_single_publication_and_latex_decoding(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "cv.html")
    line = page.select_one("#one .academic-pub-line")
    assert "Journal of Müller Studies, 20(3), 2019" in line.get_text()
    report = page.select_one("#pub-other2018report")
    assert "A report & an étude with 50% more" in report.get_text()
    assert report.select_one("a")["href"] == "https://example.org/report"


@pytest.mark.sphinx("html", testroot="basic")
def test_pub_role_links_to_full_list(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "index.html")
    refs = page.select("p a.reference.internal")
    by_text = {a.get_text(): a["href"] for a in refs}
    title = (
        "Improving Generalization by Controlling Label-Noise Information in Neural Network Weights"
    )
    assert by_text[title] == "publications.html#pub-harutyunyan2020improving"
    assert by_text["the report"] == "publications.html#pub-other2018report"


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_unsafe_link_dropped_with_warning(built: SphinxTestApp) -> None:
    card = parse_html(built.outdir / "publications.html").select_one("#pub-ver2019fast")
    assert "javascript" not in str(card)
    assert card.select_one(".academic-link-doi")["href"] == "https://doi.org/10.1000/jms.2019.3"
    warnings = academic_warnings(built.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert (
        "refs.bib:24: WARNING: ver2019fast: field 'website': link 'javascript:alert(1)'"
        in (warnings[0])
    )
    assert warnings[0].endswith("[academic.link]")


@pytest.mark.sphinx("html", testroot="basic")
def test_static_files_shipped(built: SphinxTestApp) -> None:
    page = parse_html(built.outdir / "index.html")
    assert page.select_one('link[href^="_static/academic.css"]') is not None
    assert page.select_one('script[src^="_static/academic.js"]') is not None
    assert (built.outdir / "_static" / "academic.css").is_file()


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={"academic_preview_dir": "https://cdn.example.org/previews/"},
)
def test_preview_dir_may_be_a_url(app: SphinxTestApp) -> None:
    app.build()
    card = parse_html(app.outdir / "publications.html").select_one("#pub-harutyunyan2020improving")
    assert card.select_one(".academic-pub-preview img")["src"] == (
        "https://cdn.example.org/previews/thumb.svg"
    )


@pytest.mark.sphinx(
    "epub",
    testroot="basic",
    freshenv=True,
    confoverrides={"academic_preview_dir": "https://cdn.example.org/p"},
)
def test_epub_drops_remote_thumbnails_instead_of_downloading(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "publications.xhtml").read_text()
    assert "cdn.example.org" not in page
    assert "academic-pub-card" in page


def _inventory(app: SphinxTestApp) -> Any:
    from sphinx.util.inventory import InventoryFile

    with open(app.outdir / "objects.inv", "rb") as stream:
        return InventoryFile.load(stream, "https://example.org", lambda base, uri: uri)


@pytest.mark.sphinx("html", testroot="basic")
@pytest.mark.sphinx("html", testroot="basic", confoverrides={"academic_inventory": False})
def test_publications_left_out_of_inventory_on_request(built: SphinxTestApp) -> None:
    assert "academic:publication" not in _inventory(built)


@pytest.mark.sphinx("html", testroot="basic")
def test_publications_in_inventory_not_in_search_objects(built: SphinxTestApp) -> None:
    entry = _inventory(built)["academic:publication"]["harutyunyan2020improving"]
    uri = getattr(entry, "uri", None) or entry[2]  # Sphinx 8.2 has tuples
    assert uri.endswith("publications.html#pub-harutyunyan2020improving")
    # The search index keeps the page text, not thousands of citation keys as objects.
    index = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert "harutyunyan2020improving" not in index.split('"objects":', 1)[1].split('"objnames"')[0]


def test_a_data_problem_is_reported_once_per_build(tmp_path: Path) -> None:
    """The entry with a refused link is shown on three pages (two lists and the CV): one
    warning, at the entry's line."""
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text(encoding="utf-8") + "\n.. publication:: ver2019fast\n",
        encoding="utf-8",
    )
    app = build_app(srcdir)
    refused = [w for w in academic_warnings(app.warning.getvalue()) if "javascript:" in w]
    assert len(refused) == 1
    assert "refs.bib:" in refused[0]

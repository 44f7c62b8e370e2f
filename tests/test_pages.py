"""academic_publication_pages: a page per entry with Scholar tags, JSON-LD, OpenGraph;
exports as BibTeX and CSL-JSON."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.export.pages import MARKER

from conftest import ROOTS, academic_warnings, build_app, parse_html


def _build(srcdir: Path, **overrides: object) -> SphinxTestApp:
    return build_app(srcdir, confoverrides=overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("pages") / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    return _build(srcdir)


def meta(page: BeautifulSoup, name: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[name="{name}"]')]


def page(site: SphinxTestApp, key: str) -> BeautifulSoup:
    return parse_html(site.outdir / "publications" / f"{key}.html")


def test_no_warnings_and_one_page_per_entry(site: SphinxTestApp) -> None:
    assert academic_warnings(site.warning.getvalue()) == []
    assert "isn't included in any toctree" not in site.warning.getvalue()
    pages = sorted(p.name for p in (site.outdir / "publications").glob("*.html"))
    assert pages == [
        "doe2020thesis.html",
        "doe2022conf.html",
        "doe2023journal.html",
        "doe2024preprint.html",
    ]


def test_article_tags(site: SphinxTestApp) -> None:
    html = page(site, "doe2023journal")
    assert meta(html, "citation_title") == ["Robust Estimation of Things"]
    assert meta(html, "citation_author") == ["Doe, Jane", "Smith, John"]
    assert meta(html, "citation_publication_date") == ["2023/05"]
    assert meta(html, "citation_journal_title") == ["Journal of Things"]
    assert meta(html, "citation_volume") == ["12"] and meta(html, "citation_issue") == ["3"]
    assert meta(html, "citation_firstpage") == ["101"]
    assert meta(html, "citation_lastpage") == ["120"]
    assert meta(html, "citation_doi") == ["10.1000/jot.2023.12"]
    assert meta(html, "citation_pdf_url") == ["https://jane.example.org/publications/doe2023.pdf"]
    assert (site.outdir / "publications" / "doe2023.pdf").is_file()
    assert meta(html, "citation_abstract_html_url") == [
        "https://jane.example.org/publications/doe2023journal.html"
    ]


def test_conference_thesis_preprint_tags(site: SphinxTestApp) -> None:
    conference = page(site, "doe2022conf")
    assert meta(conference, "citation_conference_title") == [
        "Proceedings of the Conference on Things"
    ]
    assert meta(conference, "citation_publication_date") == ["2022/07/18"]
    assert meta(conference, "citation_author") == ["Doe, Jane", "Lee, Kim"]
    assert meta(conference, "citation_pdf_url") == []
    thesis = page(site, "doe2020thesis")
    assert meta(thesis, "citation_dissertation_institution") == ["University of Examples"]
    assert meta(thesis, "citation_publication_date") == ["2020"]
    preprint = page(site, "doe2024preprint")
    assert meta(preprint, "citation_technical_report_institution") == ["arXiv"]
    assert meta(preprint, "citation_arxiv_id") == ["2401.01234"]


def test_json_ld_and_open_graph(site: SphinxTestApp) -> None:
    html = page(site, "doe2023journal")
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "ScholarlyArticle"
    assert [a["familyName"] for a in data["author"]] == ["Doe", "Smith"]
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Journal of Things"}
    assert data["datePublished"] == "2023-05"
    og = {t["property"]: t["content"] for t in html.select('meta[property^="og:"]')}
    assert og["og:title"] == "Robust Estimation of Things"
    assert og["og:image"] == "https://jane.example.org/_images/things.png"
    assert og["og:url"] == "https://jane.example.org/publications/doe2023journal.html"


def test_page_content(site: SphinxTestApp) -> None:
    html = page(site, "doe2023journal")
    assert html.select_one("h1").get_text().startswith("Robust Estimation of Things")
    assert html.select_one(".academic-self").get_text() == "Jane Doe"
    assert "We estimate things robustly." in html.select_one(".academic-pub-abstract").get_text()
    assert html.select_one(".academic-pub-cite").get_text().startswith("Jane Doe and John Smith.")
    assert html.select_one("pre.academic-source").get_text().startswith("@article{doe2023journal,")
    download = html.select_one("a.academic-pub-bib-download")
    assert download["href"] == "doe2023journal.bib"
    bib = (site.outdir / "publications" / "doe2023journal.bib").read_text()
    assert bib.startswith("@article{doe2023journal,") and "pdf =" not in bib
    links = {a.get_text(): a["href"] for a in html.select(".academic-pub-links a")}
    assert links["Link"] == "https://publisher.example.org/jot/12/3"


def test_titles_and_pub_link_to_pages(site: SphinxTestApp) -> None:
    index = parse_html(site.outdir / "index.html")
    assert index.select_one("p a.reference.internal")["href"] == (
        "publications/doe2023journal.html#pub-doe2023journal"
    )
    card = parse_html(site.outdir / "publications.html").select_one("#pub-doe2023journal")
    assert card.select_one(".academic-pub-title a")["href"] == (
        "publications/doe2023journal.html#pub-doe2023journal"
    )


def test_exports(site: SphinxTestApp) -> None:
    listing = parse_html(site.outdir / "publications.html")
    exports = {a.get_text(): a["href"] for a in listing.select(".academic-exports a")}
    assert exports == {"BibTeX": "publications.bib", "CSL-JSON": "publications.json"}
    bib = (site.outdir / "publications.bib").read_text()
    assert bib.count("@") == 4 and "abstract" not in bib
    items = json.loads((site.outdir / "publications.json").read_text())
    by_id = {item["id"]: item for item in items}
    article = by_id["doe2023journal"]
    assert article["type"] == "article-journal"
    assert article["issued"] == {"date-parts": [[2023, 5]]}
    assert article["author"] == [
        {"family": "Doe", "given": "Jane"},
        {"family": "Smith", "given": "John"},
    ]
    assert article["container-title"] == "Journal of Things" and article["page"] == "101–120"
    assert article["DOI"] == "10.1000/jot.2023.12"
    assert by_id["doe2022conf"]["type"] == "paper-conference"
    assert by_id["doe2020thesis"]["type"] == "thesis"
    assert by_id["doe2024preprint"]["type"] == "article"


def test_csl_json_matches_the_csl_schema_shape(site: SphinxTestApp) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["id", "type", "title"],
            "properties": {
                "id": {"type": "string"},
                "type": {
                    "enum": [
                        "article",
                        "article-journal",
                        "paper-conference",
                        "chapter",
                        "book",
                        "thesis",
                        "report",
                        "manuscript",
                        "webpage",
                        "dataset",
                        "software",
                        "patent",
                        "pamphlet",
                        "document",
                    ]
                },
                "author": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["family"],
                        "properties": {"family": {"type": "string"}, "given": {"type": "string"}},
                    },
                },
                "issued": {
                    "type": "object",
                    "required": ["date-parts"],
                    "properties": {
                        "date-parts": {
                            "type": "array",
                            "items": {
                                "type": "array",
                                "items": {"type": "integer"},
                                "minItems": 1,
                                "maxItems": 3,
                            },
                        },
                    },
                },
            },
        },
    }
    jsonschema.validate(json.loads((site.outdir / "publications.json").read_text()), schema)


def test_stubs_regenerated_only_when_their_entry_changes(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    _build(srcdir)
    stubs = {p.name: p.stat().st_mtime_ns for p in (srcdir / "publications").glob("*.rst")}
    assert all(p.read_text().startswith(MARKER) for p in (srcdir / "publications").glob("*.rst"))
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().replace("On Things", "On Many Things"))
    stat = bib.stat()
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    app = _build(srcdir)
    after = {p.name: p.stat().st_mtime_ns for p in (srcdir / "publications").glob("*.rst")}
    changed = sorted(name for name in stubs if stubs[name] != after[name])
    assert changed == ["doe2020thesis.rst"]
    assert "On Many Things" in (app.outdir / "publications" / "doe2020thesis.html").read_text()


def test_removed_entry_removes_its_stub_but_never_a_user_file(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    (srcdir / "publications").mkdir()
    mine = srcdir / "publications" / "doe2020thesis.rst"
    mine.write_text(":orphan:\n\nMy own page\n===========\n")
    app = _build(srcdir)
    assert mine.read_text().startswith(":orphan:")
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and warnings[0].endswith("[academic.pages]")
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().split("@phdthesis")[0])
    _build(srcdir, academic_publication_pages=False)
    assert not (srcdir / "publications" / "doe2023journal.rst").exists()
    assert mine.exists()


def test_pages_off_by_default(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    app = _build(srcdir, academic_publication_pages=False)
    assert not (srcdir / "publications").exists()
    assert (app.outdir / "publications.bib").is_file()


def test_exports_read_back_cleanly(site: SphinxTestApp) -> None:
    from sphinx_academic.readers.bibtex import read_bibtex

    again = read_bibtex(str(site.outdir / "publications.bib"))
    assert again.problems == ()
    assert [e.key for e in again.entries] == [
        "doe2023journal",
        "doe2022conf",
        "doe2020thesis",
        "doe2024preprint",
    ]
    assert again.entries[0].doi == "10.1000/jot.2023.12"


@pytest.mark.filterwarnings("ignore:.*deprecated:PendingDeprecationWarning")
@pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")
def test_sitemap_lists_publication_pages(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_sitemap")
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text().replace(
            'extensions = ["sphinx_academic"]', 'extensions = ["sphinx_academic", "sphinx_sitemap"]'
        )
        + 'sitemap_url_scheme = "{link}"\n'
    )
    app = _build(srcdir)
    sitemap = (app.outdir / "sitemap.xml").read_text()
    assert "https://jane.example.org/publications/doe2023journal.html" in sitemap


def _site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    for name, text in pages.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    index = srcdir / "index.rst"
    toctree = "".join(f"   {name.removesuffix('.rst')}\n" for name in pages if "/" not in name)
    index.write_text(index.read_text(encoding="utf-8").replace("   cv\n", "   cv\n" + toctree))
    return srcdir


def test_hand_written_publication_page_is_the_target_of_titles_and_pub(tmp_path: Path) -> None:
    key = "harutyunyan2020improving"
    srcdir = _site_with(
        tmp_path,
        {
            "paper.rst": f".. publication-page:: {key}\n\nMore about it.\n",
            "cites.rst": f"Cites\n=====\n\nSee :pub:`{key}`.\n",
            "line.rst": f"Line\n====\n\n.. publication:: {key}\n   :style: list\n",
        },
    )
    app = build_app(srcdir)
    assert academic_warnings(app.warning.getvalue()) == [
        w for w in academic_warnings(app.warning.getvalue()) if "javascript:" in w
    ]
    card_title = parse_html(app.outdir / "publications.html").select_one(
        f"#pub-{key} a.academic-pub-title-link"
    )
    assert card_title is not None and card_title["href"] == f"paper.html#pub-{key}"
    cite = parse_html(app.outdir / "cites.html").select_one("a.reference.internal")
    assert cite is not None and cite["href"] == f"paper.html#pub-{key}"
    # A citation line's title links there too (pages are all read when entries render).
    line_title = parse_html(app.outdir / "line.html").select_one(
        ".academic-pub-line a.academic-pub-title-link"
    )
    assert line_title is not None and line_title["href"] == f"paper.html#pub-{key}"


def test_two_pages_for_one_publication_warn(tmp_path: Path) -> None:
    key = "harutyunyan2020improving"
    srcdir = _site_with(
        tmp_path,
        {
            "a.rst": f".. publication-page:: {key}\n",
            "b.rst": f".. publication-page:: {key}\n",
        },
    )
    app = build_app(srcdir)
    second = [w for w in academic_warnings(app.warning.getvalue()) if "second page" in w]
    assert len(second) == 1
    assert "b.rst" in second[0] and "[academic.pages]" in second[0]


def test_pub_links_to_a_list_the_builder_shows(tmp_path: Path) -> None:
    """A full list only in LaTeX output is no target for HTML (``only`` is resolved per
    builder); the selected list the HTML shows is."""
    key = "harutyunyan2020improving"
    srcdir = _site_with(
        tmp_path,
        {
            "publications.rst": "Publications\n============\n\n"
            ".. only:: latex\n\n   .. publications::\n\n"
            f".. publication:: {key}\n",
            "cites.rst": f"Cites\n=====\n\nSee :pub:`{key}`.\n",
        },
    )
    (srcdir / "cv.rst").write_text("CV\n==\n\nNothing here.\n", encoding="utf-8")
    app = build_app(srcdir)
    cite = parse_html(app.outdir / "cites.html").select_one("a.reference.internal")
    assert cite is not None
    page, anchor = cite["href"].split("#")
    assert parse_html(app.outdir / page).select_one(f"#{anchor}") is not None


def _pages_site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "pages"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    return srcdir


def test_keys_that_make_the_same_page_warn(tmp_path: Path) -> None:
    srcdir = _pages_site(tmp_path)
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{doe:2024,\n  title = {One},\n  year = {2024},\n}\n"
        + "\n@misc{doe-2024,\n  title = {Two},\n  year = {2024},\n}\n",
        encoding="utf-8",
    )
    app = build_app(srcdir)
    clashes = [w for w in academic_warnings(app.warning.getvalue()) if "would be" in w]
    assert len(clashes) == 1
    assert "refs.bib:" in clashes[0] and "doe-2024" in clashes[0]
    assert clashes[0].endswith("[academic.pages]")
    assert (app.outdir / "publications" / "doe-2024.html").is_file()  # the first one's


def test_a_source_folder_that_cannot_be_written_warns_and_builds(tmp_path: Path) -> None:
    """Stubs cannot be written (here: a file stands where their folder would be)."""
    srcdir = _pages_site(tmp_path)
    (srcdir / "publications").write_text("not a folder", encoding="utf-8")
    app = build_app(srcdir)
    refused = [w for w in academic_warnings(app.warning.getvalue()) if "cannot write" in w]
    assert refused and all(w.endswith("[academic.pages]") for w in refused)
    assert "publications" in refused[0] and "academic_publication_pages = False" in refused[0]
    assert (app.outdir / "index.html").is_file()


def test_outputs_of_removed_data_are_removed(tmp_path: Path) -> None:
    """A removed entry takes its page, its .bib and its PDF copy along; turning pages or
    exports off removes what they wrote; files the user put there stay."""
    srcdir = _pages_site(tmp_path)
    app = build_app(srcdir)
    out = Path(app.outdir)
    keys = [path.stem for path in (out / "publications").glob("*.html")]
    assert keys and (out / "publications.bib").is_file()
    (out / "mine.txt").write_text("the user's", encoding="utf-8")
    gone = keys[0]
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("{" + gone + ",")
    start = text.rindex("@", 0, start)
    end = text.find("\n@", start + 1)
    bib.write_text(text[:start] + (text[end:] if end != -1 else ""), encoding="utf-8")
    app = build_app(srcdir)
    assert not (out / "publications" / f"{gone}.html").exists()
    assert not (out / "publications" / f"{gone}.bib").exists()
    assert (out / "publications" / f"{keys[1]}.html").is_file()
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + "academic_publication_pages = False\n")
    app = build_app(srcdir)
    assert not list((out / "publications").glob("*.html"))
    assert not list((out / "publications").glob("*.bib"))
    conf.write_text(conf.read_text() + "academic_exports = False\n")
    build_app(srcdir)
    assert not (out / "publications.bib").exists() and not (out / "publications.json").exists()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "the user's"


def test_a_removed_profile_takes_its_feed_along(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    app = build_app(srcdir)
    feed = Path(app.outdir) / "atom.xml"
    assert feed.is_file()
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + "academic_profile = []\nsuppress_warnings = ['academic']\n")
    build_app(srcdir)
    assert not feed.exists()


def test_page_reads_authors_venue_buttons_then_image_and_abstract(site: SphinxTestApp) -> None:
    html = page(site, "doe2023journal")
    box = html.select_one(".academic-pub-page")
    parts = [child["class"][0] for child in box.find_all(recursive=False)]
    assert parts == [
        "academic-pub-authors",
        "academic-pub-venue",
        "academic-pub-links",
        "academic-pub-preview",
    ]
    venue = box.select_one(".academic-pub-venue")
    assert venue.select_one(".academic-pub-badges .academic-badge") is not None
    assert "Journal of Things" in venue.select_one(".academic-pub-venue-text").get_text()
    headings = [h.get_text() for h in html.select(".academic-pub-page-heading")]
    assert headings[0] == "Abstract"
    assert box.find_next(class_="academic-pub-page-heading").get_text() == "Abstract"


def test_page_links_back_to_the_entry_in_the_full_list(site: SphinxTestApp) -> None:
    back = page(site, "doe2023journal").select_one("p.academic-pub-back a")
    assert back["href"] == "../publications.html#pub-doe2023journal"
    assert back.get_text() == "All publications"


def test_page_of_an_entry_no_list_shows_has_no_back_link(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-pages", srcdir)
    (srcdir / "publications.rst").write_text(
        "Publications\n============\n\n.. publications::\n   :filter: year < 2023\n"
    )
    app = _build(srcdir, nitpicky=True)
    assert page(app, "doe2023journal").select_one(".academic-pub-back") is None
    assert page(app, "doe2020thesis").select_one(".academic-pub-back a") is not None
    assert academic_warnings(app.warning.getvalue()) == []

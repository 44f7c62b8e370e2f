"""``quickstart --from-rendercv`` / ``--from-jsonresume`` without ``--bib``: no example
papers, and pages that fit the imported data."""

from __future__ import annotations

from pathlib import Path

from sphinx_academic.cli import main

from conftest import build_app, parse_html

PROFILES = Path(__file__).parent / "fixtures" / "profiles"


def _quickstart(site: Path, *options: str) -> None:
    assert main(["quickstart", str(site), "--no-input", *options]) == 0


def test_rendercv_without_bib_writes_no_example_papers(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _quickstart(site, "--from-rendercv", str(PROFILES / "rendercv.yaml"))
    assert not (site / "papers.bib").exists()
    assert "academic_bibfiles = []" in (site / "conf.py").read_text()
    # No papers and no news in the file: no publications or news page, no empty headings.
    assert not (site / "publications.rst").exists()
    assert not (site / "news.rst").exists()
    index = (site / "index.rst").read_text()
    assert "Latest news" not in index and "publications" not in index
    app = build_app(site, confoverrides={"nitpicky": False})
    # The fixture names a photo that is not copied along; nothing else is reported.
    warnings = [w for w in app.warning.getvalue().splitlines() if "basics.image" not in w]
    assert warnings == []
    page = parse_html(app.outdir / "index.html")
    assert not page.select(".academic-pub-card")
    cv = parse_html(app.outdir / "cv.html").get_text()
    # The CV shows the imported publications, not an example paper.
    assert "An Example Paper" not in cv and "An Earlier Journal Article" not in cv
    assert "Publications" in cv and "Learning to Parse" in cv


def test_jsonresume_with_news_keeps_the_news(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _quickstart(site, "--from-jsonresume", str(PROFILES / "native.json"), "--markdown")
    assert not (site / "papers.bib").exists()
    assert (site / "news.md").exists() and not (site / "publications.md").exists()
    index = (site / "index.md").read_text()
    assert "Latest news" in index and "Selected publications" not in index


def test_import_with_bib_keeps_the_publication_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    bib = Path(__file__).parent / "fixtures" / "bib" / "alfolio_shapes.bib"
    _quickstart(site, "--from-rendercv", str(PROFILES / "rendercv.yaml"), "--bib", str(bib))
    assert (site / "papers.bib").read_bytes() == bib.read_bytes()
    assert (site / "publications.rst").exists()
    assert "Selected publications" in (site / "index.rst").read_text()
    assert "Latest news" not in (site / "index.rst").read_text()

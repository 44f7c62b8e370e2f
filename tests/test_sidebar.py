"""academic_sidebar_profile: the profile in the theme's sidebar on every page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOTS, academic_warnings, build_app, build_root, parse_html

PAGES = ("index.html", "sub/page.html", "genindex.html", "search.html")


@pytest.fixture(scope="module")
def furo(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_root("sidebar", tmp_path_factory.mktemp("sidebar"))


def _copy(tmp_path: Path) -> Path:
    srcdir = tmp_path / "sidebar"
    shutil.copytree(ROOTS / "test-sidebar", srcdir)
    return srcdir


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_block_in_furos_sidebar_under_the_brand(
    furo: SphinxTestApp, path: str
) -> None:
    soup = parse_html(furo.outdir / path)
    blocks = soup.select(".academic-sidebar-profile")
    assert len(blocks) == 1
    sticky = soup.select_one(".sidebar-drawer .sidebar-sticky")
    assert blocks[0].parent is sticky
    children = [child for child in sticky.children if getattr(child, "name", None)]
    assert "sidebar-brand" in children[0]["class"] and children[1] is blocks[0]


def test_block_shows_photo_name_position_affiliation_and_place(furo: SphinxTestApp) -> None:
    block = parse_html(furo.outdir / "sub/page.html").select_one(".academic-sidebar-profile")
    photo = block.select_one("img.academic-sidebar-photo")
    assert photo["src"] == "../_static/academic-profile/jane.svg" and photo["alt"] == "Jane Doe"
    assert (furo.outdir / "_static/academic-profile/jane.svg").is_file()
    lines = [(p["class"][0], p.get_text()) for p in block.find_all("p")]
    assert lines == [
        ("academic-sidebar-name", "Jane Doe"),
        ("academic-sidebar-label", "Professor of <b>Robust</b> Learning & Things"),
        ("academic-sidebar-affiliation", "University of Examples"),
        ("academic-sidebar-location", "Zürich, Switzerland"),
    ]
    assert block.find("b") is None  # the label's "<b>" is text, not markup


def test_icon_links_are_safe_and_have_accessible_names(furo: SphinxTestApp) -> None:
    block = parse_html(furo.outdir / "index.html").select_one(".academic-sidebar-profile")
    links = [
        (a["aria-label"], a["href"], a["class"][1]) for a in block.select("a.academic-sidebar-link")
    ]
    assert links == [
        ("E-mail", "mailto:jane@example.org", "academic-link-email"),
        ("Website", "https://jane.example.org", "academic-link-web"),
        ("GitHub", "https://github.com/janedoe", "academic-link-github"),
        ("ORCID", "https://orcid.org/0000-0002-1825-0097", "academic-link-orcid"),
        ("Kaggle", "https://kaggle.com/janed", "academic-link-web"),
        ("Bluesky", "https://bsky.app/profile/jane.example.org", "academic-link-bluesky"),
    ]
    for link in block.select("a.academic-sidebar-link"):
        svg = link.find("svg")
        assert svg["aria-hidden"] == "true" and svg.find("path")["d"]
        assert link.get_text(strip=True) == ""  # the name is the aria-label


def test_unsafe_link_is_dropped_with_one_warning(furo: SphinxTestApp) -> None:
    warnings = academic_warnings(furo.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert "javascript:alert(1)" in warnings[0] and "[academic.link]" in warnings[0]
    assert "profile.yaml:" in warnings[0]


def test_patterns_choose_the_pages(tmp_path: Path) -> None:
    app = build_app(_copy(tmp_path), confoverrides={"academic_sidebar_profile": ["sub/*"]})
    assert parse_html(app.outdir / "sub/page.html").select_one(".academic-sidebar-profile")
    assert parse_html(app.outdir / "index.html").select_one(".academic-sidebar-profile") is None


def test_off_by_default(tmp_path: Path) -> None:
    app = build_app(_copy(tmp_path), confoverrides={"academic_sidebar_profile": False})
    assert parse_html(app.outdir / "index.html").select_one(".academic-sidebar-profile") is None
    assert not (app.outdir / "_static/academic-profile").exists()


@pytest.mark.parametrize(
    ("theme", "container", "after"),
    [
        ("alabaster", ".sphinxsidebarwrapper", None),
        ("pydata_sphinx_theme", ".bd-sidebar-primary .sidebar-primary-item", None),
        ("sphinx_book_theme", ".bd-sidebar-primary .sidebar-primary-item", "navbar-brand"),
    ],
)
def test_other_themes_show_it_in_their_sidebar(
    tmp_path: Path, theme: str, container: str, after: str | None
) -> None:
    pytest.importorskip(theme)
    app = build_app(_copy(tmp_path), confoverrides={"html_theme": theme})
    for path in ("index.html", "sub/page.html"):
        soup = parse_html(app.outdir / path)
        block = soup.select_one(".academic-sidebar-profile")
        assert block is not None and block.find_parent(class_=container.split()[-1][1:]), path
        if after:
            item = block.find_parent(class_="sidebar-primary-item")
            previous = item.find_previous_sibling(class_="sidebar-primary-item")
            assert previous.select_one(f".{after}") is not None


def test_own_html_sidebars_are_kept_and_can_name_the_template(tmp_path: Path) -> None:
    srcdir = _copy(tmp_path)
    app = build_app(srcdir, confoverrides={"html_sidebars": {"**": ["sidebar/search.html"]}})
    assert parse_html(app.outdir / "index.html").select_one(".academic-sidebar-profile") is None
    chosen = {"**": ["sidebar/brand.html", "academic/sidebar-profile.html"]}
    app = build_app(srcdir, confoverrides={"html_sidebars": chosen}, freshenv=True)
    soup = parse_html(app.outdir / "index.html")
    assert len(soup.select(".academic-sidebar-profile")) == 1
    assert soup.select_one(".sidebar-search") is None


def test_without_a_profile_file_it_says_so(tmp_path: Path) -> None:
    app = build_app(_copy(tmp_path), confoverrides={"academic_profile": []})
    warnings = academic_warnings(app.warning.getvalue())
    assert any("no profile file is configured" in w and "[academic.profile]" in w for w in warnings)
    assert parse_html(app.outdir / "index.html").select_one(".academic-sidebar-profile") is None


def test_refused_value_warns_and_falls_back(tmp_path: Path) -> None:
    app = build_app(_copy(tmp_path), confoverrides={"academic_sidebar_profile": 3})
    warnings = academic_warnings(app.warning.getvalue())
    assert any("academic_sidebar_profile = 3" in w and "[academic.config]" in w for w in warnings)
    soup: BeautifulSoup = parse_html(app.outdir / "index.html")
    assert soup.select_one(".academic-sidebar-profile") is None

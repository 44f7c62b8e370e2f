"""Profile, news, timeline and CV directives; the Atom feed and the page head."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from conftest import (
    CORPUS,
    ROOTS,
    academic_warnings,
    build_app,
    build_root,
    parse_html,
    profile_site,
)

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_root("profile", tmp_path_factory.mktemp("profile"))


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return parse_html(app.outdir / f"{name}.html")


def test_builds_without_warnings(site: SphinxTestApp) -> None:
    assert academic_warnings(site.warning.getvalue()) == []


def test_profile_card(site: SphinxTestApp) -> None:
    card = page(site, "index").select_one(".academic-profile")
    assert card.select_one(".academic-profile-name").get_text() == "Jane Q. Doe"
    assert card.select_one(".academic-profile-label").get_text() == (
        "Assistant Professor of Computer Science"
    )
    image = card.select_one("img")
    assert image["alt"] == "Jane Q. Doe" and (site.outdir / image["src"]).is_file()
    email = card.select_one("a.academic-profile-email")
    # docutils cloaks addresses in the markup; the link still mails the right person.
    assert unquote(email["href"]) == "mailto:jane@example.org"
    links = {a.get_text(): a["href"] for a in card.select(".academic-profile-links a")}
    assert links == {
        "GitHub": "https://github.com/janedoe",
        "Google Scholar": "https://scholar.google.com/citations?user=abc123",
        "ORCID": "https://orcid.org/0000-0002-1825-0097",
    }
    summary = card.select_one(".academic-profile-summary")
    assert summary.select_one("em").get_text() == "robust"
    assert summary.select_one("a")["href"] == "publications.html#pub-doe2024robust"


def test_news_limit_newest_first_with_time(site: SphinxTestApp) -> None:
    items = page(site, "index").select(".academic-news-item")
    assert [item["id"] for item in items] == ["news-2024-06-01", "news-2024-03-15"]
    times = [item.select_one("time") for item in items]
    assert [(t["datetime"], t.get_text()) for t in times] == [
        ("2024-06-01", "Jun 1, 2024"),
        ("2024-03-15", "Mar 15, 2024"),
    ]
    assert items[1].select_one(".academic-news-title").get_text() == "Invited talk"


def test_full_news_and_same_date_anchors(site: SphinxTestApp) -> None:
    items = page(site, "news").select(".academic-news-item")
    assert [item["id"] for item in items] == [
        "news-2024-06-01",
        "news-2024-03-15",
        "news-2023-09",
        "news-2023-09-2",
        "news-2022",
    ]
    more = items[2].select_one("a.academic-news-more")
    assert more["href"] == "https://uni.example.org/news/jane"


def test_timeline_order_limit_and_since(site: SphinxTestApp) -> None:
    timelines = page(site, "timelines")
    experience = timelines.select("#experience .academic-timeline-entry")
    titles = [e.select_one(".academic-timeline-title").get_text() for e in experience]
    assert titles == ["Assistant Professor", "Research Scientist", "PhD", "BSc"]
    assert "academic-timeline-ongoing" in experience[0]["class"]
    assert experience[0].select_one(".academic-timeline-date").get_text() == "Sep 2022 – present"
    oldest = timelines.select("#oldest-first .academic-timeline-entry")
    assert [e.select_one(".academic-timeline-title").get_text() for e in oldest] == [
        "Research Scientist"
    ]
    since = timelines.select("#since-2023 .academic-news-item")
    assert len(since) == 4


def test_cv_sections_in_conventional_order(site: SphinxTestApp) -> None:
    cv = page(site, "cv").select_one(".academic-cv")
    headings = [h.get_text() for h in cv.select(".academic-cv-heading")]
    assert headings == [
        "Education",
        "Work Experience",
        "Awards",
        "Publications",
        "Teaching",
        "Talks",
        "Skills",
        "Languages",
        "Interests",
    ]
    numbered = cv.select(".academic-style-numbered .academic-pub-line")
    assert [n.select_one(".academic-pub-number").get_text() for n in numbered] == ["[2] ", "[1] "]
    # The owner comes from basics.name: both spellings are highlighted.
    assert [s.get_text() for s in cv.select(".academic-self")] == ["Jane Doe", "J. Q. Doe"]
    skills = cv.select_one(".academic-section-skills").get_text()
    assert "Machine learning (Expert): PyTorch, JAX" in skills


def test_atom_feed(site: SphinxTestApp) -> None:
    feed = ET.parse(site.outdir / "atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids == [
        "https://jane.example.org/news.html#news-2024-06-01",
        "https://jane.example.org/news.html#news-2024-03-15",
        "https://jane.example.org/news.html#news-2023-09",
        "https://jane.example.org/news.html#news-2023-09-2",
        "https://jane.example.org/news.html#news-2022",
    ]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == updated[0] == "2024-06-01T00:00:00+00:00"
    assert entries[0].findtext(f"{ATOM}content") == "Our paper Robust Things at Scale was accepted."
    assert entries[2].find(f"{ATOM}link").get("href") == "https://uni.example.org/news/jane"


@pytest.mark.parametrize(("limit", "expected"), [(2, 2), (0, 5), (-1, 5), (9, 5)])
def test_feed_keeps_the_newest_items(tmp_path: Path, limit: int, expected: int) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", academic_feed_limit=limit)
    entries = ET.parse(app.outdir / "atom.xml").getroot().findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id").rsplit("#", 1)[1] for e in entries]
    everything = ["news-2024-06-01", "news-2024-03-15", "news-2023-09", "news-2023-09-2"]
    assert ids == [*everything, "news-2022"][:expected]
    # The page still shows every item.
    assert len(page(app, "news").select(".academic-news-item")) == 5
    # The environment keeps the place and words of the feed's items only.
    kept = app.env.domaindata["academic"]["news"]
    assert {key for table in kept.values() for key in table} == set(ids)


def test_feed_linked_from_every_page(site: SphinxTestApp) -> None:
    for name in ("index", "news", "cv", "about"):
        link = page(site, name).select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert link["href"] == "https://jane.example.org/atom.xml"


def test_person_json_ld_on_profile_page(site: SphinxTestApp) -> None:
    script = page(site, "index").select_one('script[type="application/ld+json"]')
    profile_page = json.loads(script.string)
    assert profile_page["@type"] == "ProfilePage"
    person = profile_page["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Jane Q. Doe"
    assert person["affiliation"]["name"] == "University of Examples"
    assert "https://orcid.org/0000-0002-1825-0097" in person["sameAs"]
    assert page(site, "about").select_one('script[type="application/ld+json"]') is None


def _build(srcdir: Path, buildername: str = "html", **overrides: object) -> SphinxTestApp:
    return build_app(srcdir, buildername, confoverrides=overrides)


def test_news_without_baseurl_warns_once_and_writes_no_feed(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", html_baseurl="")
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and warnings[0].endswith("[academic.feed]")
    assert "WARNING: conf.py: the profile has news but html_baseurl is not set" in warnings[0]
    assert not (app.outdir / "atom.xml").exists()


@pytest.mark.parametrize("baseurl", ["example.org/~clara/", "//example.org/", "/site/"])
def test_baseurl_without_scheme_warns_and_writes_no_feed(tmp_path: Path, baseurl: str) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", html_baseurl=baseurl)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and warnings[0].endswith("[academic.feed]"), warnings
    assert f"html_baseurl {baseurl!r} is not an absolute http(s) address" in warnings[0]
    assert not (app.outdir / "atom.xml").exists()
    head = page(app, "index").select('link[type="application/atom+xml"]')
    assert head == []


def test_editing_the_profile_rereads_only_pages_that_use_it(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    _build(srcdir)
    profile = srcdir / "profile.yaml"
    profile.write_text(profile.read_text().replace("Moved to Zürich.", "Moved to Basel."))
    stat = profile.stat()
    import os

    os.utime(profile, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    app = _build(srcdir)
    assert "0 added, 5 changed, 0 removed" in app.status.getvalue()  # all but about.rst
    assert "Moved to Basel." in (app.outdir / "news.html").read_text()


@pytest.mark.parametrize("buildername", ["latex", "text", "man", "epub", "singlehtml"])
def test_other_builders(buildername: str, tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", buildername)
    assert academic_warnings(app.warning.getvalue()) == []
    assert "Traceback" not in app.warning.getvalue()


def test_text_cv_is_clean(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", "text")
    text = (app.outdir / "cv.txt").read_text()
    assert "[2] **Jane Doe** and John Smith." in text
    # One line per timeline entry, as in a printed CV.
    flowing = " ".join(text.split())
    assert "2014 – 2018 — **PhD**, Computer Science — Example Institute of Technology" in flowing


def test_latex_leaves_out_a_photo_it_cannot_use(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", "latex")
    tex = (app.outdir / "profile.tex").read_text()
    assert "jane.svg" not in tex and "Jane Q. Doe" in tex


PROFILES = sorted((CORPUS / "profiles").glob("*")) if CORPUS.is_dir() else []
PROFILES += sorted((Path(__file__).parent / "fixtures" / "profiles").glob("[!b]*"))


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_cv_from_real_profile_renders_every_section(profile: Path, tmp_path: Path) -> None:
    from sphinx_academic.readers.profile import read_profile

    shutil.copy(profile, tmp_path / profile.name)
    (tmp_path / "conf.py").write_text(
        f'extensions = ["sphinx_academic"]\nacademic_profile = "{profile.name}"\n'
        "show_warning_types = True\nacademic_feed = ''\n"
    )
    (tmp_path / "index.rst").write_text("CV\n==\n\n.. cv::\n\n.. news::\n")
    app = _build(tmp_path)
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    model, _ = read_profile(str(tmp_path / profile.name))
    cv = parse_html(app.outdir / "index.html").select_one(".academic-cv")
    for section in model.sections:
        if section.key != "news" and section.entries:
            css_class = f".academic-section-{nodes.make_id(section.key)}"
            assert cv.select_one(css_class) is not None, section.key
    news = parse_html(app.outdir / "index.html").select(".academic-news-item")
    assert len(news) == len(model.news)


EMPTY_SECTIONS = """\
- title: General Information
  type: map
  contents:
    - name: Full Name
      value: Ada Lovelace
- title: Talks
  type: list
  contents: []
- title: Awards
  type: time_table
  contents:
    - year: 2020
      title: 42
"""


def test_cv_leaves_out_a_section_with_nothing_in_it(tmp_path: Path) -> None:
    """An empty list, or one whose entries were all left out after warnings, would be a
    heading alone in the CV."""
    srcdir = profile_site(tmp_path, "cv.yml", EMPTY_SECTIONS, "Home\n====\n\n.. cv::\n")
    app = build_app(srcdir)
    headings = [
        h.get_text() for h in parse_html(app.outdir / "index.html").select(".academic-cv-heading")
    ]
    assert sorted(headings) == ["Awards", "General Information"]


def test_epub_gets_no_feed(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / "test-profile", tmp_path / "site")
    app = _build(tmp_path / "site", "epub")
    assert not (app.outdir / "atom.xml").exists()
    assert "application/atom+xml" not in (app.outdir / "index.xhtml").read_text()


@pytest.mark.parametrize("language", ["de", "ja", "fr"])
def test_roles_in_profile_text_need_no_english_fallback_warning(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A standard role in profile text behaves as in a page of the same language: the
    English fallback for its name is no problem, also when the profile is the first text
    of the process to use the role (docutils caches role lookups)."""
    from docutils.parsers.rst import roles

    monkeypatch.setattr(roles, "_roles", {})
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinx_academic"]\nlanguage = "{language}"\n'
        'academic_profile = "profile.yaml"\nshow_warning_types = True\n',
        encoding="utf-8",
    )
    (srcdir / "profile.yaml").write_text(
        "basics:\n  name: Ada\n"
        "  summary: 'Bounds of :math:`O(n)` and :emphasis:`more`, :strong:`done`.'\n",
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. profile::\n\nIn a page: :math:`x` and :emphasis:`y`.\n",
        encoding="utf-8",
    )
    app = build_app(srcdir)
    assert academic_warnings(app.warning.getvalue()) == []
    html = parse_html(app.outdir / "index.html")
    summary = html.select_one(".academic-profile-summary")
    assert summary is not None
    assert summary.select_one("em").get_text() == "more"
    assert summary.select_one(".math") is not None


@pytest.mark.parametrize(
    "directive", [".. profile::", ".. news::", ".. timeline:: work", ".. cv::"]
)
def test_profile_directives_without_academic_profile_say_so(directive: str, tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nshow_warning_types = True\n', encoding="utf-8"
    )
    (srcdir / "index.rst").write_text(f"Home\n====\n\n{directive}\n", encoding="utf-8")
    app = build_app(srcdir)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert "index.rst:4" in warnings[0]
    assert "no profile file is configured" in warnings[0]
    assert "[academic.profile]" in warnings[0]

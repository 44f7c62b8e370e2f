"""What a user sees of the odder data: al-folio's Markdown ``additional_info``, names in
CJK script, repeated CV sections, feed links of singlehtml, an empty :pub: target."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOTS, academic_warnings, bib_site, build_app, parse_html, profile_site

BIB = r"""@inproceedings{wang2024,
  title = {A Study},
  author = {王, 小明 and Lee, Alice and 김, 민수},
  booktitle = {Proc. X},
  year = {2024},
  additional_info = {. *Oral*, see [the slides](https://example.org/slides) and **M{\"u}ller**},
}
"""


def test_additional_info_is_markdown_and_cjk_names_keep_their_order(tmp_path: Path) -> None:
    app = build_app(bib_site(tmp_path, BIB, "Home\n====\n\n.. publications::\n   :style: list\n"))
    assert academic_warnings(app.warning.getvalue()) == []
    line = parse_html(app.outdir / "index.html").select_one(".academic-pub-line")
    assert line is not None
    text = line.get_text()
    assert text.startswith("王小明, Alice Lee, and 김민수.")
    assert "Proc. X, 2024. Oral, see the slides and Müller." in text
    assert "Oral" in [em.get_text() for em in line.select("em")]
    link = line.select_one("a[href='https://example.org/slides']")
    assert link is not None and link.get_text() == "the slides"
    assert "**" not in text and "[" not in text


def test_a_cv_section_named_twice_is_shown_once(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    (srcdir / "cv.rst").write_text(
        "CV\n==\n\n.. cv::\n   :sections: profile, work, profile\n", encoding="utf-8"
    )
    app = build_app(srcdir)
    html = parse_html(app.outdir / "cv.html")
    assert len(html.select(".academic-cv .academic-profile")) == 1
    warnings = [w for w in academic_warnings(app.warning.getvalue()) if "twice" in w]
    assert len(warnings) == 1 and "cv.rst:4" in warnings[0]


def test_singlehtml_feed_links_have_one_hash(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    app = build_app(srcdir, "singlehtml")
    feed = (app.outdir / "atom.xml").read_text(encoding="utf-8")
    links = [part.split('"', 1)[0] for part in feed.split('href="')[1:]]
    entry_links = [link for link in links if "#" in link]
    assert entry_links
    assert all(link.count("#") == 1 for link in entry_links), entry_links


def test_pub_with_an_empty_target_warns(tmp_path: Path) -> None:
    app = build_app(
        bib_site(tmp_path, BIB, "Home\n====\n\nSee :pub:`this <>`.\n\n.. publications::\n")
    )
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and "names no key" in warnings[0]
    assert "index.rst:4" in warnings[0] and warnings[0].endswith("[academic.key]")


def test_a_feed_without_a_name_or_project_is_titled_news(tmp_path: Path) -> None:
    profile = "news:\n  - {date: 2024-01-01, text: Hello}\n"
    srcdir = profile_site(tmp_path, "profile.yaml", profile, "Home\n====\n\n.. news::\n")
    app = build_app(
        srcdir, confoverrides={"project": "", "html_baseurl": "https://ada.example.org/"}
    )
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    feed = (app.outdir / "atom.xml").read_text(encoding="utf-8")
    assert "<title>News</title>" in feed and "<subtitle>" not in feed
    page = parse_html(app.outdir / "index.html")
    link = page.select_one('link[type="application/atom+xml"]')
    assert link is not None and link["title"] == "News"

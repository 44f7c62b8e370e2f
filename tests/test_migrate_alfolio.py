"""``sphinx-academic migrate alfolio``: the profile, news, projects and courses of an
al-folio site, its files kept as they are, and a site built from what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_academic.cli import main

from conftest import build_migrated, migrate_site, migrated_profile

SITE = Path(__file__).parent / "fixtures" / "migrate" / "alfolio"


@pytest.fixture
def migrated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    return migrate_site("alfolio", SITE, tmp_path / "out", capsys)


def test_config_and_about_page_become_basics(migrated: tuple[Path, str]) -> None:
    basics = migrated_profile(migrated[0])["basics"]
    assert basics["name"] == "Adaeze N. Okonkwo"  # first, middle and last name
    assert basics["label"] == "Institute of Hydrology. Lecturer in river science."
    assert basics["image"] == "assets/img/prof_pic.jpg"
    assert basics["email"] == "adaeze@example.org"
    assert basics["url"] == "https://aokonkwo.github.io/site"  # url and baseurl
    assert basics["location"] == "Room 2.14, Water Building, 1 River Road, Lagos 100001"
    # The page's text, without its markup, its figure include or its Liquid links.
    assert basics["summary"] == (
        "I study how rivers flood, and how to forecast floods where nobody measures the "
        "water. My group builds open models and the data sets they learn from. Before "
        "Lagos I was a postdoc at the Delta Lab."
    )


def test_socials_become_profiles(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    profiles = migrated_profile(out)["basics"]["profiles"]
    assert profiles == [
        {"network": "GitHub", "username": "aokonkwo"},
        {"network": "Mastodon", "url": "https://hydro.example/@adaeze"},
        {"network": "ORCID", "username": "0000-0002-1694-233X"},
        {"network": "Google Scholar", "username": "qc6CJjYAAAAJ"},
        {
            "network": "Scopus",
            "url": "https://www.scopus.com/authid/detail.uri?authorId=57200000000",
        },
        {"network": "River Atlas", "url": "https://riveratlas.example.org/people/okonkwo"},
    ]
    assert "_data/socials.yml:1: not made online profiles: wechat_qr" in err


def test_news_inline_and_full_announcements(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    news = {item["date"]: item for item in migrated_profile(out)["news"]}
    # A date with a time and a zone keeps its date; Markdown links become RST links.
    assert news["2023-10-22"] == {
        "date": "2023-10-22",
        "text": "Our paper on `flash floods <https://doi.org/10.1234/flash>`__ is out in a "
        "*made-up journal*. :sparkles:",
    }
    # A full announcement: title, first paragraph, and where it was.
    assert news["2024-01-15"] == {
        "date": "2024-01-15",
        "title": "Moving to Lagos",
        "text": "I am starting as a lecturer at the `Institute of Hydrology "
        "<https://hydro.example.edu/>`__ in January. The group is hiring.",
        "url": "https://aokonkwo.github.io/site/news/announcement_2/",
    }
    # Liquid's relative_url and links to paths of the site point at the old site.
    assert news["2024-03-01"]["text"] == (
        "The `floodcast project <https://aokonkwo.github.io/site/projects/1_floodcast/>`__ "
        "has a new `data page <https://aokonkwo.github.io/site/assets/pdf/data.pdf>`__."
    )
    assert "announcement_4.md:1: an announcement with no date; not made a news item" in err


def test_projects_by_importance(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    projects = migrated_profile(out)["projects"]
    assert [project["name"] for project in projects] == [
        "River Atlas",
        "floodcast",
        "river sketches",
    ]
    atlas, floodcast, sketches = projects
    # A redirect is the address; the GitHub link then is a highlight.
    assert atlas["url"] == "https://riveratlas.example.org"
    assert atlas["highlights"] == [
        "Code: `https://github.com/aokonkwo/atlas <https://github.com/aokonkwo/atlas>`__"
    ]
    assert floodcast == {
        "name": "floodcast",
        "description": "flood forecasts for rivers without gauges",
        "url": "https://github.com/aokonkwo/floodcast",
        "image": "assets/img/floodcast.jpg",
        "type": "work",
    }
    assert "url" not in sketches and sketches["type"] == "fun"
    assert "image" not in sketches
    # The picture keeps its path from the site's root, where it is copied to.
    image = "assets/img/floodcast.jpg"
    assert (out / image).read_bytes() == (SITE / image).read_bytes()
    assert "_projects:1: on a page, '.. timeline:: projects' with ':style: cards'" in err
    assert "1_floodcast.md:1: the project's page is not migrated" in err
    assert "2_atlas.md:1: the project's page" not in err  # it has no text of its own


def test_teachings_become_teaching(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    assert migrated_profile(out)["teaching"] == [
        {
            "title": "Introduction to Hydrology (Spring 2024)",
            "date": "2024",
            "location": "Water Building, Room 1.01",
            "summary": "The water cycle, rivers and floods, with field work.",
        }
    ]
    assert "hydrology-101.md:1: the course's schedule is not migrated" in err


def test_bibliography_and_cv_are_copied_as_they_are(migrated: tuple[Path, str]) -> None:
    out, _ = migrated
    for old, new in (("_bibliography/papers.bib", "papers.bib"), ("_data/cv.yml", "cv.yml")):
        assert (out / new).read_text(encoding="utf-8") == (SITE / old).read_text(encoding="utf-8")


def test_files_the_entries_name_are_copied_to_al_folios_folders(
    migrated: tuple[Path, str],
) -> None:
    out, err = migrated
    for path in (
        "assets/img/publication_preview/rivers.jpg",
        "assets/pdf/rivers.pdf",
        "assets/pdf/rivers data.pdf",  # named as it is, with its space
    ):
        assert (out / path).read_bytes() == (SITE / path).read_bytes()
    assert not (out / "assets" / "pdf" / "flash.pdf").exists()  # a web address
    assert "referenced but not in the site" not in err


def test_a_missing_or_nested_bib_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = (
        "@misc{a,\n  title = {A},\n  year = {2020},\n  slides = {talk.pdf},\n"
        "  poster = {2020/poster.pdf},\n  preview = {https://example.org/a.png},\n}\n"
    )
    site = _site(
        tmp_path,
        {
            "_config.yml": "first_name: Kofi\n",
            "_bibliography/papers.bib": bib,
            "assets/pdf/2020/poster.pdf": "%PDF",
        },
    )
    out = tmp_path / "out"
    assert main(["migrate", "alfolio", str(site), "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert "papers.bib:1: assets/pdf/talk.pdf is referenced but not in the site" in err
    # al-folio looks in assets/pdf/ for any value; the build, for bare names only: the
    # file goes where the build reads it.
    assert (out / "2020" / "poster.pdf").read_text() == "%PDF"
    assert 'academic_files_dir = "assets/pdf"' in printed
    assert "academic_preview_dir" not in printed  # the preview is a web address


def test_summary_says_how_to_use_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", "alfolio", str(SITE), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"Copied {SITE / '_data' / 'cv.yml'} to {tmp_path / 'cv.yml'}" in out
    assert f"Copied {SITE / 'assets' / 'img' / 'prof_pic.jpg'} to " in out
    assert 'academic_profile = ["profile.yaml", "cv.yml"]' in out
    assert "academic_author_aliases = ['Adaeze Okonkwo', 'A. Okonkwo']" in out
    assert "html_baseurl = 'https://aokonkwo.github.io/site/'" in out
    assert 'academic_preview_dir = "assets/img/publication_preview"' in out
    assert 'academic_files_dir = "assets/pdf"' in out


def test_what_is_not_converted_is_reported(migrated: tuple[Path, str]) -> None:
    err = migrated[1]
    assert "copy" not in err  # the photo and pictures are copied
    assert "_posts:1: blog posts are pages, not data: 1 not converted" in err
    assert "_pages:1: pages stay pages: 1 not converted" in err  # publications.md
    assert "_data/repositories.yml:1: GitHub users and repositories are not migrated" in err


_PAGE = (
    "Home\n====\n\n.. profile::\n\n.. publications::\n\n.. news::\n\n"
    "Projects\n--------\n\n.. timeline:: projects\n   :style: cards\n\n"
    "Teaching\n--------\n\n.. timeline:: teaching\n\nCV\n--\n\n.. cv::\n"
)


def test_written_files_build_without_warnings(migrated: tuple[Path, str]) -> None:
    out = migrated[0]
    conf = (
        'academic_profile = ["profile.yaml", "cv.yml"]\nhtml_baseurl = "https://example.org/"\n'
        'academic_preview_dir = "assets/img/publication_preview"\n'
        'academic_files_dir = "assets/pdf"\n'
    )
    page = build_migrated(out, conf, _PAGE)
    text = page.get_text()
    assert "Adaeze N. Okonkwo" in text and "Moving to Lagos" in text
    assert "Flash floods in ungauged basins" in text
    assert "Honors and Awards" in text  # from the copied cv.yml
    link = page.select_one('a[href="https://aokonkwo.github.io/site/news/announcement_2/"]')
    assert link is not None
    assert page.select_one('a[href="https://doi.org/10.1234/flash"]') is not None
    # The projects as cards, with the pictures copied from the old site.
    pictures = {img["alt"]: img["src"] for img in page.select(".academic-card img")}
    assert pictures == {"River Atlas": "_images/atlas.jpg", "floodcast": "_images/floodcast.jpg"}
    assert len(page.select(".academic-card")) == 3
    # The publication's thumbnail and files, from the folders al-folio keeps them in.
    thumbnail = page.select_one("img.academic-pub-thumbnail")
    assert thumbnail is not None and thumbnail["src"] == "_images/rivers.jpg"
    downloads = {link.get_text(): link["href"] for link in page.select("a.download")}
    assert downloads["PDF"].endswith("/rivers.pdf")
    assert downloads["Supp."].endswith("/rivers%20data.pdf")


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    site = tmp_path / "old"
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_older_sites_keep_socials_in_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(
        tmp_path,
        {
            "_config.yml": "first_name: Kofi\nlast_name: Mensah\nemail: kofi@example.org\n"
            "github_username: kmensah\ntwitter_username: kofi_m\nscholar_userid:\n"
            "research_gate_profile: Kofi-Mensah\nwechat_qr: qr.png\nwhatsapp_number: 233000000\n"
            "scholar:\n  last_name: Mensah\n  first_name: [Kofi]\n",
            # Older about pages put the line under the name in "description".
            "_pages/about.md": "---\nlayout: about\ndescription: PhD student\n---\nHello.\n",
            "_news/2019/moved.md": "---\ndate: 2019-05-01\ntitle: I moved\n---\nTo Accra.\n",
        },
    )
    out, err = migrate_site("alfolio", site, tmp_path / "out", capsys)
    profile = migrated_profile(out)
    basics = profile["basics"]
    assert (basics["name"], basics["label"], basics["email"]) == (
        "Kofi Mensah",
        "PhD student",
        "kofi@example.org",
    )
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "kmensah"},
        {"network": "X", "username": "kofi_m"},
        {"network": "ResearchGate", "username": "Kofi-Mensah"},
        {"network": "WhatsApp", "url": "https://wa.me/233000000"},
    ]
    assert "_config.yml:1: not made online profiles: wechat_qr" in err
    # No site address: the full announcement has no link to where it was.
    assert profile["news"] == [{"date": "2019-05-01", "title": "I moved", "text": "To Accra."}]
    assert "_bibliography:1: no papers.bib: no publications" in err
    assert not (out / "papers.bib").exists()


@pytest.mark.parametrize(
    ("cv_format", "copied", "note"),
    [
        ("jsonresume", "resume.json", False),
        ("rendercv", "cv.yml", False),
        (None, "resume.json", True),
    ],
)
def test_the_cv_the_site_shows_is_copied(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cv_format: str | None,
    copied: str,
    note: bool,
) -> None:
    resume = {"basics": {"name": "Kofi Mensah"}, "work": [{"name": "Accra Lab"}]}
    cv_page = f"---\nlayout: cv\ncv_format: {cv_format}\n---\n" if cv_format else "---\n---\n"
    site = _site(
        tmp_path,
        {
            "_config.yml": "first_name: Kofi\n",
            "_pages/cv.md": cv_page,
            "_data/cv.yml": "cv:\n  name: Kofi Mensah\n",
            "assets/json/resume.json": json.dumps(resume),
        },
    )
    out, err = migrate_site("alfolio", site, tmp_path / "out", capsys)
    assert [path.name for path in out.iterdir() if path.name != "profile.yaml"] == [copied]
    assert ("there too: copy that one instead" in err) is note
    assert "referenced but not in the site" not in err


def test_a_folder_without_config_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", "alfolio", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no _config.yml here; is this an al-folio site?" in err
    assert len(err.strip().splitlines()) == 1

"""``sphinx-academic migrate hugoblox``: author page, experience, publications (with and
without ``cite.bib``), events, posts and projects, and a site built from what it wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pybtex.database import parse_file

from sphinx_academic.cli import main

from conftest import MIGRATED_PAGE, build_migrated, migrate_site, migrated_profile

SITE = Path(__file__).parent / "fixtures" / "migrate" / "hugoblox"


@pytest.fixture
def migrated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    return migrate_site("hugoblox", SITE, tmp_path / "out", capsys)


def test_author_page_becomes_basics(migrated: tuple[Path, str]) -> None:
    profile = migrated_profile(migrated[0])
    basics = profile["basics"]
    assert basics["name"] == "Mateo Núñez"
    assert basics["label"] == "Associate Professor of Hydrology"
    assert basics["email"] == "mateo@example.org"  # from the mailto: social link
    assert basics["summary"] == "I study *rivers* and the water they carry."
    assert [p["network"] for p in basics["profiles"]] == ["GitHub", "Google Scholar"]
    assert profile["interests"] == [
        {"name": "Research interests", "keywords": ["Floods", "Sediment transport"]}
    ]
    assert profile["education"] == [
        {"studyType": "PhD in Hydrology", "institution": "Universidad Ficticia", "endDate": "2014"}
    ]


def test_experience_becomes_work(migrated: tuple[Path, str]) -> None:
    work = migrated_profile(migrated[0])["work"]
    # The author page's work items first: the older spelling (position, company_name,
    # date_start) met again in the experience widget, which adds what it lacked ...
    assert work[0] == {
        "position": "Associate Professor",
        "name": "University of Imaginary Rivers",
        "url": "https://rivers.example.edu/",
        "startDate": "2019-01-01",  # no end: ongoing
        "location": "Lisbon",
        "summary": "Teaching and research on *floods*.",
    }
    # ... and the newer one (role, org, start, end).
    assert work[1] == {
        "position": "Visiting Researcher",
        "name": "Delta Institute",
        "startDate": "2017-02-01",
        "endDate": "2017-07-31",
        "summary": "Sediment budgets.",
    }
    # An experience block of a landing page (sections, content.items).
    assert work[2]["position"] == "Field hydrologist" and work[2]["endDate"] == "2009-09-30"
    # The older widget's second item (the time of a date left out).
    assert work[3]["name"] == "Flood Lab" and work[3]["endDate"] == "2018-12-31"
    assert len(work) == 4  # the organisation is not repeated


def test_experience_as_text_is_named_once_per_page(migrated: tuple[Path, str]) -> None:
    err = migrated[1]
    widget = "about/experience.md:1: experience written as text (a markdown widget) is not migrated"
    block = "content/experience.md:1: experience written as text (a markdown block) is not migrated"
    assert err.count(widget) == 1 and err.count(block) == 1
    assert "River Agency" not in (migrated[0] / "profile.yaml").read_text(encoding="utf-8")


def test_a_page_of_experience_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "old" / "content"
    (content / "authors" / "me").mkdir(parents=True)
    (content / "authors" / "me" / "_index.md").write_text("---\ntitle: Ana\n---\n")
    (content / "experience.md").write_text("---\ntitle: Experience\n---\n- 2020: Lab\n")
    (content / "contact.md").write_text("---\ntitle: Contact\n---\nWrite to me.\n")
    (content / "README.md").write_text("No front matter: not a page of the site.\n")
    _, err = migrate_site("hugoblox", tmp_path / "old", tmp_path / "out", capsys)
    assert err.strip() == (
        f"{content / 'experience.md'}:1: experience written as text (the text of the page) "
        "is not migrated: add it to 'work' by hand"
    )


def test_events_and_posts(migrated: tuple[Path, str]) -> None:
    profile = migrated_profile(migrated[0])
    assert profile["talks"][:1] == [
        {
            "title": "Sediment in motion",
            "name": "Hydrology Seminar",
            "location": "Lisbon",
            "date": "2024-03-05",
            "url": "https://example.org/seminar",
            "summary": "A talk on *sediment*.",
        }
    ]
    assert profile["news"] == [
        {
            "date": "2024-05-02",
            "title": "Paper accepted",
            "text": "Our paper on floods is accepted.",
        }
    ]


def test_publications(migrated: tuple[Path, str]) -> None:
    out, _ = migrated
    text = (out / "papers.bib").read_text(encoding="utf-8")
    entries = parse_file(str(out / "papers.bib")).entries
    # A cite.bib is used as it is, its key kept, the front matter's links added.
    assert "author = {N{\\'u}{\\~n}ez, Mateo and Lima, Ana}," in text
    assert entries["nunez2018flood"].fields["slides"] == "https://example.org/slides.pdf"
    paper = entries["nunez2020rivers"]
    assert paper.type == "article"
    assert paper.fields["journal"] == "Journal of Imaginary Hydrology"
    assert paper.fields["doi"] == "10.5555/jih.2020.1"
    assert paper.fields["title"] == r"Rivers \& sediment: 50\% of the story"
    assert [str(p) for p in paper.persons["author"]] == [
        "Núñez, Mateo",
        "Lima, Ana",
        "Weiß, Jürgen",
    ]  # user names replaced by the authors' names
    assert (paper.fields["pdf"], paper.fields["code"], paper.fields["video"]) == (
        "https://example.org/shelf.pdf",
        "https://github.com/mnunez/shelf",
        "https://example.org/video",
    )
    assert paper.fields["selected"] == "true" and "website" not in paper.fields
    preprint = entries["nunez2023preprint"]
    assert preprint.type == "misc" and preprint.fields["pdf"] == "https://example.org/preprint.pdf"


def test_theses_and_markdown_abstracts(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    entries = parse_file(str(out / "papers.bib")).entries
    # publication_types "7" (older) with a venue that names no degree: a PhD thesis,
    # with a note; the abstract's Markdown as plain text.
    phd = entries["nunez2014floods"]
    assert phd.type == "phdthesis" and phd.fields["school"] == "Universidad Ficticia"
    assert phd.fields["abstract"] == (
        "We model floods of the Tagus with open data. A second paragraph."
    )
    assert "thesis/index.md:1: a thesis that names no degree is written as @phdthesis" in err
    # "thesis" (newer) with "MSc thesis, ..." as the venue.
    masters = entries["nunez2010sediment"]
    assert masters.type == "mastersthesis"
    assert masters.fields["school"] == "Universidade Imaginária"
    assert "masters/index.md" not in err


def test_newer_layout_arxiv_ids_and_placeholder_links(migrated: tuple[Path, str]) -> None:
    # hugoblox.ids.arxiv and a links entry of type preprint give the arxiv field; a "#"
    # left in place of an address is no link.
    out, err = migrated
    paper = parse_file(str(out / "papers.bib")).entries["nunez2024newerlayout"]
    assert paper.fields["arxiv"] == "2406.00001v2"
    assert paper.fields["code"] == "https://example.org/code"
    assert "poster" not in paper.fields
    assert "newer-paper" not in err and not (out / "#").exists()


def test_local_pdf_and_featured_picture_are_copied(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    thesis = parse_file(str(out / "papers.bib")).entries["nunez2014floods"]
    # A file of static/ keeps its address; the bundle's picture is a preview, named
    # after the bundle.
    assert (thesis.fields["pdf"], thesis.fields["preview"]) == (
        "uploads/tagus.pdf",
        "thesis-featured.png",
    )
    assert (out / "uploads" / "tagus.pdf").read_bytes() == (
        SITE / "static" / "uploads" / "tagus.pdf"
    ).read_bytes()
    bundle = SITE / "content" / "publication" / "thesis"
    assert (out / "thesis-featured.png").read_bytes() == (bundle / "featured.png").read_bytes()
    assert "copy" not in err


def test_project_bundles_become_projects(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    floodnet, gauges = migrated_profile(out)["projects"]  # newest first
    # Older versions: content/project/, TOML, summary, external_link, featured picture.
    assert gauges == {
        "name": "River Gauges",
        "description": "Cheap gauges for *small* rivers, built with "
        "`open hardware <https://example.org/hw>`__.",
        "url": "https://gauges.example.org",
        "startDate": "2016-04-27",
        "keywords": ["Hydrology", "Hardware"],
        "image": "projects/river-gauges-featured.png",
    }
    bundle = SITE / "content" / "project" / "river-gauges"
    copied = out / "projects" / "river-gauges-featured.png"
    assert copied.read_bytes() == (bundle / "featured.png").read_bytes()
    # Newer versions: content/projects/, links, the first paragraph as description.
    assert floodnet == {
        "name": "FloodNet",
        "description": "FloodNet forecasts floods from satellite images of rivers without gauges.",
        "url": "https://github.com/example/floodnet",
        "startDate": "2023-10-26",
        "keywords": ["Deep Learning", "Floods"],
    }
    assert "projects/notes/index.md:1: a draft; skipped" in err
    assert "floodnet/index.md:1: the project's page is not migrated" in err
    assert "river-gauges/index.md:1: the project's page" not in err  # an external project
    assert "'.. timeline:: projects' with ':style: cards'" in err


def test_underscore_emphasis_in_texts(migrated: tuple[Path, str]) -> None:
    talks = migrated_profile(migrated[0])["talks"]
    workshop = next(talk for talk in talks if talk.get("name") == "River Workshop")
    assert workshop["title"] == "Rivers in _flux\\_"  # titles stay plain text, escaped
    assert workshop["summary"] == (
        "A **hands-on** session on *braided* channels and snake_case names."
    )


def test_what_is_not_converted_is_reported(migrated: tuple[Path, str]) -> None:
    err = migrated[1]
    assert "authors/admin/_index.md:1: the link '/#contact' is not converted" in err
    assert "preprint-x/index.md:1: the link 'Follow' is not converted" in err
    assert "event/draft-talk/index.md:1: a draft; skipped" in err
    assert "post/nodate/index.md:1: a post with no date" in err


def test_written_files_build_without_warnings(migrated: tuple[Path, str]) -> None:
    out, _ = migrated
    # The news feed needs the site's address.
    projects = "\nProjects\n--------\n\n.. timeline:: projects\n   :style: cards\n"
    page = build_migrated(out, 'html_baseurl = "https://example.org/"\n', MIGRATED_PAGE + projects)
    text = page.get_text()
    assert "Paper accepted" in text and "Sediment in motion" in text
    assert "Flood frequency in Tagus" in text and "Rivers & sediment" in text
    # The copied files: the thesis's preview and its PDF.
    thesis = page.select_one("#pub-nunez2014floods")
    assert thesis is not None and thesis.select_one('img[src$="thesis-featured.png"]') is not None
    assert thesis.select_one('a[href$="tagus.pdf"]') is not None

    # The projects as cards, the picture copied from the bundle.
    pictures = {img["alt"]: img["src"] for img in page.select(".academic-card img")}
    assert pictures == {"River Gauges": "_images/river-gauges-featured.png"}
    assert len(page.select(".academic-card")) == 2


def test_toml_front_matter_and_duplicate_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "old" / "content"
    (content / "authors" / "admin").mkdir(parents=True)
    (content / "authors" / "admin" / "_index.md").write_text(
        '+++\ntitle = "Zoë Ødegård"\nrole = "Researcher"\n+++\n', encoding="utf-8"
    )
    for name in ("a", "b"):
        folder = content / "publication" / name
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
        (folder / "cite.bib").write_text("@misc{same, title = {T}}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["migrate", "hugoblox", str(tmp_path / "old"), "--out", str(out)]) == 0
    assert migrated_profile(out)["basics"] == {"name": "Zoë Ødegård", "label": "Researcher"}
    assert (out / "papers.bib").read_text(encoding="utf-8").count("@misc{same") == 1
    assert "b/cite.bib:1: key 'same' used before; entry left out" in capsys.readouterr().err


def test_not_a_hugo_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "hugoblox", str(tmp_path)]) == 2
    assert "no content folder here" in capsys.readouterr().err


# -- the newest layout: data/authors/<slug>.yaml (schema hugoblox/author/v1) ---------------

AUTHOR_V1 = Path(__file__).parent / "fixtures" / "migrate" / "hugoblox-author-v1"


@pytest.fixture
def migrated_v1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    site = tmp_path / "site"
    shutil.copytree(AUTHOR_V1, site)
    return migrate_site("hugoblox", site, tmp_path / "out", capsys)


def test_author_data_file_becomes_basics(migrated_v1: tuple[Path, str]) -> None:
    out, err = migrated_v1
    basics = migrated_profile(out)["basics"]
    assert basics["name"] == "Dr. Ingrid Solheim"  # name.display
    assert basics["label"] == "Glacial Geologist"
    assert basics["summary"] == (
        "Ingrid Solheim dates **moraines** to learn how fast glaciers retreated. "
        "See `her lab <https://lab.example.org/>`__."
    )
    assert basics["email"] == "ingrid@example.org"  # the mailto: link
    assert basics["profiles"] == [
        {"network": "GitHub", "url": "https://github.com/isolheim"},
        {"network": "ORCID", "url": "https://orcid.org/0000-0002-1825-0097"},
        {"network": "Field sites", "url": "https://maps.example.org/moraines"},
    ]
    # The photo Hugo Blox takes from assets/media/authors/<slug>.*
    assert basics["image"] == "avatar.png"
    photo = AUTHOR_V1 / "assets" / "media" / "authors" / "me.png"
    assert (out / "avatar.png").read_bytes() == photo.read_bytes()
    assert "copy" not in err


def test_author_data_file_becomes_cv_sections(migrated_v1: tuple[Path, str]) -> None:
    profile = migrated_profile(migrated_v1[0])
    assert profile["work"] == [
        {
            "position": "Glacial Geologist",
            "name": "Fjord University",
            "startDate": "2019-01-01",
            "summary": "Leading the moraine dating group.",
        },
        {
            "position": "Postdoctoral Researcher",
            "name": "Ice Sheet Institute",
            "startDate": "2016-08-01",
            "endDate": "2018-12-31",
        },
    ]
    assert profile["education"][0] == {
        "studyType": "PhD Quaternary Geology",
        "institution": "Fjord University",
        "startDate": "2012-09-01",
        "endDate": "2016-06-30",
        "summary": "Thesis on *moraine ages* in western Norway.",
    }
    assert profile["skills"] == [{"name": "Field work", "keywords": ["Mapping", "Sampling"]}]
    assert profile["languages"] == [
        {"language": "Norwegian", "fluency": "Native"},
        {"language": "English"},
    ]
    assert profile["awards"][0]["awarder"] == "Society of Imaginary Geology"
    assert profile["interests"][0]["keywords"] == ["Cosmogenic nuclide dating", "Glacier retreat"]


def test_author_slugs_in_publications_become_names(migrated_v1: tuple[Path, str]) -> None:
    entry = parse_file(str(migrated_v1[0] / "papers.bib")).entries["solheim2020dating"]
    # given and family name, not the displayed "Dr. Ingrid Solheim"
    assert [str(person) for person in entry.persons["author"]] == [
        "Solheim, Ingrid",
        "Varga, Tomás",
        "Nord, Kari",
    ]


def test_author_data_site_builds_without_warnings(migrated_v1: tuple[Path, str]) -> None:
    out = migrated_v1[0]
    text = build_migrated(out).get_text()
    assert "Dr. Ingrid Solheim" in text and "Dating moraines in western Norway" in text
    assert "Moraines from the air" in text


def test_owner_and_affiliation_as_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "data" / "authors").mkdir(parents=True)
    # The owner is the author with is_owner, not the first file.
    (site / "data" / "authors" / "aaron.yml").write_text(
        "schema: hugoblox/author/v1\nname:\n  display: Aaron\n", encoding="utf-8"
    )
    (site / "data" / "authors" / "lind.yaml").write_text(
        "schema: hugoblox/author/v1\nis_owner: true\nname:\n  given: Ana\n  family: Lind\n"
        "affiliations:\n  - name: Lake Lab\n    url: https://lake.example.org/\n"
        "  - name: Second Lab\n",
        encoding="utf-8",
    )
    out, _ = migrate_site("hugoblox", site, tmp_path / "out", capsys)
    profile = migrated_profile(out)
    assert profile["basics"] == {"name": "Ana Lind"}  # name.given and name.family
    # Without experience, the first affiliation is the work.
    assert profile["work"] == [{"name": "Lake Lab", "url": "https://lake.example.org/"}]


def test_author_data_file_that_is_not_a_mapping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "data" / "authors").mkdir(parents=True)
    (site / "data" / "authors" / "me.yaml").write_text("- a list\n", encoding="utf-8")
    assert main(["migrate", "hugoblox", str(site), "--out", str(tmp_path / "out")]) == 2
    assert "me.yaml:1: expected a mapping of settings" in capsys.readouterr().err

"""``sphinx-academic migrate academicpages``: the mapping of each kind of item, odd
inputs, and a site built from what it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import parse_file

from sphinx_academic.cli import main

from conftest import build_migrated, migrate_site, migrated_profile

SITE = Path(__file__).parent / "fixtures" / "migrate" / "academicpages"


@pytest.fixture
def migrated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    return migrate_site("academicpages", SITE, tmp_path / "out", capsys)


def test_author_block_becomes_basics(migrated: tuple[Path, str]) -> None:
    basics = migrated_profile(migrated[0])["basics"]
    assert basics["name"] == "Jovana Kovačević"
    assert basics["label"] == "Lecturer in Glaciology"
    assert basics["image"] == "images/jovana.png"
    assert basics["email"] == "jovana@example.org"
    assert basics["location"] == "Tromsø, Norway"
    assert basics["phone"] == "+47 000 00 000"  # from _data/cv.json
    assert {"network": "GitHub", "username": "jkovacevic"} in basics["profiles"]
    assert {"network": "ORCID", "url": "https://orcid.org/0000-0002-1825-0097"} in basics[
        "profiles"
    ]
    assert not any(p["network"] == "X" for p in basics["profiles"])  # empty: left out


def test_cv_json_names_are_renamed(migrated: tuple[Path, str]) -> None:
    profile = migrated_profile(migrated[0])
    assert profile["work"][0] == {"name": "Arctic University of Somewhere"}  # employer
    assert profile["work"][1]["name"] == "Polar Institute"
    assert profile["work"][1]["url"] == "https://polar.example.org"
    assert profile["education"][0]["score"] == "10/10"
    # Made from the collections, not taken twice from cv.json.
    assert "publications" not in profile and "presentations" not in profile


def test_talks_teaching_portfolio(migrated: tuple[Path, str]) -> None:
    profile = migrated_profile(migrated[0])
    talk = next(item for item in profile["talks"] if item["date"] == "2022-05-10")
    assert talk["title"] == r"Why \*glaciers\* calve"  # the stars are the title's text
    assert talk["name"] == "Polar Seminar, University of Nowhere"
    assert talk["date"] == "2022-05-10" and talk["location"] == "Bergen, Norway"
    assert (
        talk["summary"]
        == "An invited talk on calving, with a `recording <https://example.org/rec>`__."
    )
    # A date that is not ISO 8601 is kept as written: the timeline shows it as its label.
    workshop = next(item for item in profile["talks"] if item["name"] == "Summer School on Ice")
    assert workshop["date"] == "7th - 10th Sep. 2020"
    course = profile["teaching"][0]
    assert course["title"] == "Introduction to Glaciology (Undergraduate course)"
    assert course["name"].startswith("Arctic University")
    # HTML in the excerpt: the text is the summary, the image the entry's picture.
    icemap, tracker = profile["portfolio"]
    assert icemap["summary"] == "An interactive map of ice thickness"
    assert icemap["image"] == "images/500x300.png"
    # A teaser is a file of /images/, as the template's archive pages read it.
    assert tracker["image"] == "images/floe-tracker.png"


def test_portfolio_pictures_show_on_cards(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    for name in ("500x300.png", "floe-tracker.png"):  # copied from the old site
        assert (out / "images" / name).read_bytes() == (SITE / "images" / name).read_bytes()
    assert "copy" not in err
    page = build_migrated(out, page="Work\n====\n\n.. timeline:: portfolio\n   :style: cards\n")
    pictures = page.select(".academic-card img")
    assert [picture["alt"] for picture in pictures] == ["Floe tracker", "IceMap"]


def test_publications_become_entries(migrated: tuple[Path, str]) -> None:
    out, _ = migrated
    entries = parse_file(str(out / "papers.bib")).entries
    ice = entries["kovacevic2021ice"]
    assert ice.type == "article"
    assert ice.fields["journal"] == "Journal of Made-up Glaciology"
    assert (ice.fields["year"], ice.fields["month"]) == ("2021", "March")
    assert ice.fields["pdf"] == "https://example.org/papers/ice.pdf"
    assert ice.fields["slides"] == "https://example.org/slides/ice.pdf"
    assert ice.fields["abstract"] == "We measure basal melt under three shelves."
    # LaTeX specials escaped; the structured authors field, not the citation, is used.
    assert ice.fields["title"].startswith(r"Ice shelves \& their 100\% melt")
    assert [str(p) for p in ice.persons["author"]] == ["Kovačević, Jovana", "Hansen, Øystein"]
    # A date with a time; a conference; authors from the citation; a path of the old site.
    crevasses = entries["kovacevic2019counting"]
    assert crevasses.type == "inproceedings" and crevasses.fields["month"] == "July"
    assert len(crevasses.persons["author"]) == 3
    assert crevasses.fields["pdf"] == "files/crevasses.pdf"


def test_page_text_becomes_a_plain_abstract(migrated: tuple[Path, str]) -> None:
    # The template's shape: the abstract, "[Download paper here](...)" and "Recommended
    # citation: ..." under the front matter, which has no excerpt.
    entries = parse_file(str(migrated[0] / "papers.bib")).entries
    assert entries["kovacevic2010firn"].fields["abstract"] == (
        r"We derive firn density from radar echoes, using the ice core archive \& firnpy."
    )
    # Headings, HTML blocks, images, link lines, comments, code, the Google Scholar line
    # and a BibTeX citation are left out; the sentences and list items stay.
    assert entries["kovacevic2022sea"].fields["abstract"] == (
        "Sea ice models need large computers. We show a small one is enough: "
        "the grid is coarser, the physics is the same."
    )
    # A body that is only a link gives no abstract.
    assert "abstract" not in entries["okafor2021meltwater"].fields


def test_theses_are_thesis_entries(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    entries = parse_file(str(out / "papers.bib")).entries
    # category: thesis, and a venue naming the degree before the university.
    phd = entries["kovacevic2018glaciers"]
    assert phd.type == "phdthesis" and phd.fields["school"] == "University of Belgrade"
    # No category, but a venue saying what it is.
    masters = entries["kovacevic2013snow"]
    assert masters.type == "mastersthesis" and masters.fields["school"] == "University of Novi Sad"
    assert "names no degree" not in err
    page = build_migrated(out)
    venue = page.select_one("#pub-kovacevic2018glaciers .academic-pub-venue")
    assert venue is not None and venue.get_text() == "PhD thesis, University of Belgrade, Jun 2018"
    venue = page.select_one("#pub-kovacevic2013snow .academic-pub-venue")
    assert venue is not None and venue.get_text().replace("’", "'") == (
        "Master's thesis, University of Novi Sad, Sep 2013"
    )


@pytest.mark.parametrize("category", ["dissertations", "Theses"])
def test_thesis_without_a_degree_is_a_phd_thesis_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], category: str
) -> None:
    site = tmp_path / "old"
    (site / "_publications").mkdir(parents=True)
    (site / "_config.yml").write_text("author:\n  name: Ana Perić\n", encoding="utf-8")
    (site / "_publications" / "thesis.md").write_text(
        f"---\ntitle: Ice\ncategory: {category}\ndate: 2015-01-01\n"
        "venue: 'Thesis, University of Zagreb'\nauthors: ['Ana Perić']\n---\n",
        encoding="utf-8",
    )
    out, err = migrate_site("academicpages", site, tmp_path / "out", capsys)
    entry = parse_file(str(out / "papers.bib")).entries["peric2015ice"]
    assert entry.type == "phdthesis" and entry.fields["school"] == "University of Zagreb"
    assert "thesis.md:1: a thesis that names no degree is written as @phdthesis" in err


def test_citation_names_in_last_first_order(migrated: tuple[Path, str]) -> None:
    # The shape of real academicpages citations: "Last, First." pairs mixed with
    # "First Last", and no date field; the year is the citation's.
    out, err = migrated
    paper = parse_file(str(out / "papers.bib")).entries["okafor2021meltwater"]
    assert [str(p) for p in paper.persons["author"]] == ["Okafor, Chidi", "Haddad, Rana", "Lin, M."]
    assert paper.fields["year"] == "2021"
    assert "apa-citation.md:1: 'Meltwater pathways under a made-up glacier' has no date; " in err
    assert "the year is the citation's" in err


def test_what_is_not_converted_is_reported(migrated: tuple[Path, str]) -> None:
    err = migrated[1]
    assert "_publications/broken.md:1: no front matter" in err
    assert "2019-07-15-crevasses.md:1: authors read from the formatted citation" in err
    assert "'A note without a date' has no date" in err
    assert "blog posts are pages, not data: 1 not converted" in err


def test_files_referred_to_are_copied(migrated: tuple[Path, str]) -> None:
    out, err = migrated
    for name in ("images/jovana.png", "files/crevasses.pdf"):
        assert (out / name).read_bytes() == (SITE / name).read_bytes()
    assert "copy" not in err


def test_written_files_build_without_warnings(migrated: tuple[Path, str]) -> None:
    page = build_migrated(migrated[0])
    text = page.get_text()
    assert "Why *glaciers* calve" in text and "Introduction to Glaciology" in text
    assert "Ice shelves & their 100% melt" in text
    assert page.select_one('a[href="https://example.org/slides/ice.pdf"]') is not None


def test_existing_files_are_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "papers.bib").write_text("% mine\n", encoding="utf-8")
    assert main(["migrate", "academicpages", str(SITE), "--out", str(tmp_path)]) == 2
    assert "papers.bib: exists already; use --force" in capsys.readouterr().err
    assert (tmp_path / "papers.bib").read_text(encoding="utf-8") == "% mine\n"
    assert not (tmp_path / "profile.yaml").exists()  # nothing half-written
    assert main(["migrate", "academicpages", str(SITE), "--out", str(tmp_path), "--force"]) == 0
    assert "@article{kovacevic2021ice," in (tmp_path / "papers.bib").read_text(encoding="utf-8")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "academicpages", str(SITE), "--out", str(tmp_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"--- would write {tmp_path / 'profile.yaml'}" in out and "name: Jovana" in out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda site: None, "no _config.yml here"),
        (
            lambda site: (site / "_config.yml").write_text("author: [unclosed\n"),
            "_config.yml:2:1:",
        ),
        (
            lambda site: (
                (site / "_config.yml").write_text("author:\n  name: X\n"),
                (site / "_talks").mkdir(),
                (site / "_talks" / "t.md").write_text("---\ntitle: ok\ndate: [2020\n---\n"),
            ),
            "_talks/t.md:4:1:",
        ),
    ],
)
def test_unreadable_sites_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    site = tmp_path / "old"
    site.mkdir()
    make(site)  # type: ignore[operator]
    out = tmp_path / "out"
    assert main(["migrate", "academicpages", str(site), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()


def test_missing_site_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "hugoblox", str(tmp_path / "nope")]) == 2
    assert "nope: not a folder" in capsys.readouterr().err

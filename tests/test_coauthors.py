"""Co-author links (``academic_coauthors``): names in every style and on every page link to
the person's url, matched as the owner's name is; printed formats show names only; a bad
file or an ambiguous name is a located ``academic.coauthors`` warning."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from sphinx_academic.cli import main
from sphinx_academic.model.coauthors import Coauthor, CoauthorMatcher
from sphinx_academic.model.names import author_from_parts
from sphinx_academic.readers.coauthors import read_coauthors

from conftest import ROOTS, academic_warnings, build_app, parse_html

LINKS = {
    "Greg Ver Steeg": "https://gregversteeg.example/",
    "Jürgen Müller": "https://muller.example/",
    "J. Mueller": "https://muller.example/",
    "Jean de la Fontaine": "mailto:jean@fontaine.example",
    "Hrayr Harutyunyan": "https://hrayr.example/",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "coauthors"
    shutil.copytree(ROOTS / "test-coauthors", srcdir)
    return srcdir


def _links(html: object, selector: str) -> dict[str, str]:
    return {
        link.get_text(): link["href"].replace("%40", "@")
        for link in html.select(f"{selector} a.academic-coauthor")  # type: ignore[attr-defined]
    }


def test_names_link_in_every_style_page_and_the_cv(site: Path) -> None:
    app = build_app(site)
    index = parse_html(app.outdir / "index.html")
    # Cards keep the names hidden behind "+N more" (Hrayr Harutyunyan is the sixth of six).
    assert _links(index, ".cards") == LINKS
    hidden = index.select_one(".cards #pub-many2021 .academic-pub-author-hidden")
    assert hidden is not None and "Hrayr Harutyunyan" in _links(hidden, "")
    # Citation lines stop at "et al.": the names they show link.
    shortened = {name: url for name, url in LINKS.items() if name != "Hrayr Harutyunyan"}
    assert _links(index, ".list") == shortened
    assert _links(index, ".numbered") == shortened
    assert _links(parse_html(app.outdir / "cv.html"), ".academic-cv") == shortened
    page = parse_html(app.outdir / "publications" / "many2021.html")
    assert "Hrayr Harutyunyan" in _links(page, ".academic-pub-page")


def test_the_owner_is_never_linked(site: Path) -> None:
    app = build_app(site)
    index = parse_html(app.outdir / "index.html")
    owners = index.select(".academic-self")
    assert owners and all(owner.find_parent("a") is None for owner in owners)
    assert "clara.example" not in (app.outdir / "index.html").read_text()


def test_a_name_matching_two_people_is_located_and_not_linked(site: Path) -> None:
    app = build_app(site)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert f"{site / 'papers.bib'}:17: WARNING: twosmiths2020: 'J. Smith' matches" in warnings[0]
    assert "coauthors.yaml:13" in warnings[0] and "coauthors.yaml:15" in warnings[0]
    assert warnings[0].endswith("[academic.coauthors]")
    index = parse_html(app.outdir / "index.html")
    assert index.select("#pub-twosmiths2020 a.academic-coauthor") == []


@pytest.mark.parametrize("builder", ["text", "latex", "man", "texinfo"])
def test_printed_formats_show_names_without_links(site: Path, builder: str) -> None:
    app = build_app(site, builder)
    suffixes = {"text": ".txt", "latex": ".tex", "man": ".1", "texinfo": ".texi"}
    output = "".join(p.read_text() for p in app.outdir.glob(f"*{suffixes[builder]}"))
    assert "Greg Ver Steeg" in output and "Jürgen Müller" in output
    for url in ("gregversteeg.example", "muller.example", "fontaine.example"):
        assert url not in output, (builder, url)


def test_other_html_builders_link_names(site: Path) -> None:
    for builder in ("dirhtml", "singlehtml", "epub"):
        app = build_app(site, builder)
        texts = "".join(p.read_text() for p in app.outdir.rglob("*.*html"))
        assert 'class="academic-coauthor reference external"' in texts or (
            'class="reference external academic-coauthor"' in texts
        ), builder


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("- name: A B\n  url: [1\n", "while parsing a flow sequence", 3),
        ("name: A B\nurl: https://x.example\n", "expected a list of co-authors", 1),
        ("- name: A B\n", "'url' is required", 1),
        ("- name: A B\n  url: javascript:alert(1)\n", "not an http(s) or mailto address", 2),
        ("- name: A B\n  url: https://x.example\n  colour: red\n", "unknown key 'colour'", 3),
    ],
)
def test_a_malformed_file_warns_at_its_line_and_the_site_builds(
    site: Path, text: str, message: str, line: int
) -> None:
    (site / "coauthors.yaml").write_text(text)
    app = build_app(site)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{site / 'coauthors.yaml'}:{line}")
    assert message in warnings[0] and warnings[0].endswith("[academic.coauthors]")
    assert (app.outdir / "index.html").exists()


def test_a_missing_file_warns(site: Path) -> None:
    (site / "coauthors.yaml").unlink()
    app = build_app(site)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and "[academic.coauthors]" in warnings[0]
    assert parse_html(app.outdir / "index.html").select("a.academic-coauthor") == []


def test_json_files_are_read_too(site: Path) -> None:
    people = yaml.safe_load((site / "coauthors.yaml").read_text())
    (site / "coauthors.json").write_text(json.dumps(people[:1]))
    app = build_app(site, confoverrides={"academic_coauthors": "coauthors.json"})
    assert _links(parse_html(app.outdir / "index.html"), ".list") == {
        "Greg Ver Steeg": "https://gregversteeg.example/"
    }


def test_editing_the_file_rereads_the_pages_that_show_authors(site: Path) -> None:
    (site / "other.rst").write_text("Other\n=====\n\nNo papers here.\n")
    build_app(site)
    text = (site / "coauthors.yaml").read_text().replace("gregversteeg", "greg")
    (site / "coauthors.yaml").write_text(text)
    later = (int(time.time()) + 10) * 10**9
    os.utime(site / "coauthors.yaml", ns=(later, later))
    app = build_app(site)
    index = parse_html(app.outdir / "index.html")
    assert _links(index, ".list")["Greg Ver Steeg"] == "https://greg.example/"
    read = [line for line in app.status.getvalue().splitlines() if "reading sources" in line]
    assert not any("other" in line for line in read)


def test_matching_follows_the_owner_rules() -> None:
    greg = Coauthor("G. Ver Steeg", "https://g.example/", ())
    jurgen = Coauthor("Jurgen Muller", "https://j.example/", ("J. Mueller",))
    people = CoauthorMatcher([greg, jurgen])
    assert people.people(author_from_parts(["Greg"], ["{Ver Steeg}"])) == (greg,)
    assert people.people(author_from_parts(["G.", "Ver"], ["Steeg"])) == (greg,)
    assert people.people(author_from_parts(['J{\\"u}rgen'], ['M{\\"u}ller'])) == (jurgen,)
    assert people.people(author_from_parts(["Jens"], ["Mueller"])) == (jurgen,)
    assert people.people(author_from_parts(["Karl"], ["Muller"])) == ()
    assert not CoauthorMatcher([])


def test_reader_keeps_the_good_people(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text("- name: A B\n  url: https://a.example\n- name: C D\n  url: ftp://x\n")
    people, problems = read_coauthors(str(path))
    assert [person.name for person in people] == ["A B"]
    assert people[0].location == f"{path}:1"
    assert [(p.line, p.subtype) for p in problems] == [(4, "coauthors")]


def test_schema_of_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--coauthors"]) == 0
    schema = json.loads(capsys.readouterr().out)
    people = yaml.safe_load((ROOTS / "test-coauthors" / "coauthors.yaml").read_text())
    jsonschema.validate(people, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"name": "A"}], schema)


def test_check_reads_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_coauthors = "people.yaml"\n'
    )
    (tmp_path / "index.rst").write_text("Home\n====\n")
    (tmp_path / "people.yaml").write_text("- name: A B\n  url: ftp://a.example\n")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{tmp_path}/people.yaml:2:")
    assert out.rstrip().endswith("[academic.coauthors]")

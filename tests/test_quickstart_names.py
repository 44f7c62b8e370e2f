"""``sphinx-academic quickstart`` with names that are special to LaTeX, BibTeX or YAML, and
answers a site cannot build with: the site shows the name as typed on every builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_academic.cli import main
from sphinx_academic.quickstart import bibtex_name
from sphinx_academic.readers.bibtex import parse_bibtex

from conftest import build_app, parse_html

NAMES = [
    "Müller & Søn",
    "Jo 100% Smith",
    "Bob #1 Jones",
    "Ann_B Lee",
    "Zoë Ñúñez",
    "Jo $x^2$ Lee~",
    "A\\B Lee",
    "Smith, Jo",
    "Martin Luther King, Jr.",
    "Jo and Jo",
    "Lee*",
]


@pytest.mark.parametrize("name", NAMES)
def test_bibtex_name_reads_back_as_typed(name: str) -> None:
    text = f"@misc{{k, title = {{T}}, author = {{{bibtex_name(name)} and Co-Author, Alice}}}}"
    bibfile = parse_bibtex(text, "p.bib")
    assert not bibfile.problems
    authors = bibfile.entries[0].authors
    assert [author.display for author in authors] == [name, "Alice Co-Author"]


def test_bibtex_name_drops_braces() -> None:
    # BibTeX counts braces even after a backslash, so they cannot be kept.
    assert bibtex_name("Ann {Brace} Doe") == "Ann Brace Doe"
    assert bibtex_name("Ann}{ Lee") == "Ann Lee"


def _site(tmp_path: Path, name: str) -> Path:
    site = tmp_path / "site"
    assert main(["quickstart", str(site), "--no-input", "--name", name]) == 0
    return site


@pytest.mark.parametrize("name", ["Müller & Søn", "Jo 100% Smith", "Bob #1 Jones", "Jo and Jo"])
def test_papers_name_the_owner_as_typed(tmp_path: Path, name: str) -> None:
    app = build_app(_site(tmp_path, name))
    assert app.warning.getvalue() == ""
    papers = parse_html(app.outdir / "publications.html")
    assert [s.get_text() for s in papers.select(".academic-self")] == [name] * 2


@pytest.mark.parametrize("builder", ["latex", "text", "epub"])
def test_special_name_builds_without_warnings(tmp_path: Path, builder: str) -> None:
    app = build_app(_site(tmp_path, "Müller & Søn_2 100%"), builder)
    assert app.warning.getvalue() == ""
    if builder == "text":
        assert "Müller & Søn_2 100%" in (app.outdir / "publications.txt").read_text()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--name", "", "the name is empty"),
        ("--name", "   ", "the name is empty"),
        ("--url", "example.org", "'example.org' is not an absolute http(s) address"),
        ("--url", "", "'' is not an absolute http(s) address"),
        ("--url", "javascript:alert(1)", "is not an absolute http(s) address"),
    ],
)
def test_answers_the_site_cannot_build_with_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    site = tmp_path / "site"
    assert main(["quickstart", str(site), "--no-input", option, value]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and message in err[0], err
    assert not site.exists()

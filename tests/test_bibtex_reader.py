"""The BibTeX reader on its own: real-file shapes, located problems, cleaned BibTeX."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sphinx_academic.readers.bibtex import (
    merge_files,
    parse_bibtex,
    read_bibtex,
    resolve_crossrefs,
)

from conftest import CORPUS

FIXTURES = Path(__file__).parent / "fixtures" / "bib"


def test_alfolio_shapes() -> None:
    bib = read_bibtex(str(FIXTURES / "alfolio_shapes.bib"))
    assert bib.problems == ()
    assert [e.key for e in bib.entries] == [
        "doe2025preprint",
        "zhang2024fast",
        "lima2023journal",
        "brown2022chapter",
        "doe2021eprint",
    ]
    preprint, fast, journal, chapter, eprint = bib.entries
    assert preprint.line == 10 and preprint.year == 2025 and preprint.selected
    assert preprint.is_preprint and preprint.arxiv_id == "2505.01234"
    assert fast.venue_name == "IEEE/CVF Conference on Computer Vision and Pattern Recognition"
    assert fast.month == 6 and fast.text("pages") == "100–110"
    assert [s.kind for s in fast.title] == ["text", "math", "text"]
    assert journal.venue_name == "Transactions on Machine Learning Research"
    assert [(a.display, a.markers) for a in journal.authors] == [
        ("Ana Lima", "*"),
        ("Jane Doe", "*"),
        ("Tom Brown", "^"),
    ]
    assert journal.get("codecoming") == "true"  # unknown custom fields are kept
    assert chapter.editors[0].display == "Eve Editor"
    assert eprint.arxiv_id == "2101.00001" and eprint.is_preprint
    assert eprint.authors[-1].family == "others"


def test_cleaned_bibtex_drops_presentation_fields_by_field() -> None:
    fast = read_bibtex(str(FIXTURES / "alfolio_shapes.bib")).entries[1]
    cleaned = fast.cleaned_bibtex()
    assert cleaned.splitlines()[0] == "@inproceedings{zhang2024fast,"
    names = re.findall(r"^  (\w+) = ", cleaned, re.M)
    assert names == ["title", "author", "booktitle", "month", "year", "pages"]
    assert "  month = jun," in cleaned
    assert "booktitle = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}" in cleaned
    assert "title = {Fast {GPU} Kernels for $k$-Means}" in cleaned
    # The result is valid BibTeX that reads back to the same fields.
    again = parse_bibtex(cleaned, "again.bib")
    assert again.problems == ()
    assert dict(again.entries[0].fields) == {k: v for k, v in fast.fields.items() if k in names}


def test_presentation_field_names_in_values_survive() -> None:
    bib = parse_bibtex("@article{k, title={On pdf and code and preview}, pdf={a.pdf}}", "x.bib")
    assert bib.entries[0].cleaned_bibtex() == (
        "@article{k,\n  title = {On pdf and code and preview},\n}"
    )


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("@article{a,\n title={X}\n author={Y}}\n", "'}' expected", 3),
        ("@article{a, title={X}", "not closed before the end of the file", 1),
        ("@article{a, title={X}}}\n@article{b, title={{Y}}\n", "not closed before the end", 2),
        ("@article{a, journal=UNDEFINED, title={X}}", "undefined string", 1),
        ("@article{a, year={2020}}", "entry 'a' has no title", 1),
        ("@artcle{a, title={X}}", "unknown entry type @artcle", 1),
        ("@article{a, title={X}, author={A and and B}}", None, None),
    ],
)
def test_problems_are_located(text: str, message: str | None, line: int | None) -> None:
    bib = parse_bibtex(text, "x.bib")
    if message is None:
        assert bib.problems == ()
        return
    assert [p.line for p in bib.problems if message in p.message] == [line], bib.problems
    assert bib.entries  # what could be read is kept


def test_duplicates_within_and_across_files() -> None:
    first = parse_bibtex("\n\n@article{a, title={X}}\n@article{A, title={Y}}", "one.bib")
    second = parse_bibtex("@article{b, title={Z}}\n@article{a, title={W}}", "two.bib")
    entries, problems = merge_files([first, second])
    assert [(e.key, e.index) for e in entries] == [("a", 0), ("b", 1)]
    assert [p.location for p in problems] == ["one.bib:4", "two.bib:2"]
    assert problems[1].message == (
        "duplicate key 'a' (first defined at one.bib:3); this entry is skipped"
    )


def test_empty_file_and_text_only() -> None:
    assert parse_bibtex("", "x.bib").entries == ()
    assert parse_bibtex("---\ntitle: front matter\n---\n", "x.bib").problems == ()


@pytest.mark.parametrize("broken", ["", "@article{c, title = {C}, year = {2020}"])
def test_entries_of_a_file_share_repeated_values(broken: str) -> None:
    """One string per repeated value and entry type, whichever reader read the file
    (a broken entry makes pybtex read it)."""
    text = (
        "@Article{a, title = {A}, year = {2020}, journal = {Nature}}\n"
        '@article{b, title = {B}, year = 2020, journal = "Nature"}\n' + broken
    )
    first, second, *_ = parse_bibtex(text, "x.bib").entries
    assert first.fields == {"title": "A", "year": "2020", "journal": "Nature"}
    assert first.get("year") is second.get("year")
    assert first.get("journal") is second.get("journal")
    assert first.type is second.type == "article"


def test_huge_field() -> None:
    abstract = "word " * 200_000
    bib = parse_bibtex("@article{a, title={X}, abstract={" + abstract + "}}", "x.bib")
    assert bib.problems == () and len(bib.entries[0].get("abstract")) > 900_000


def test_file_problems(tmp_path: Path) -> None:
    assert read_bibtex(str(tmp_path / "none.bib")).problems[0].subtype == "file"
    assert "directory" in read_bibtex(str(tmp_path)).problems[0].message
    latin = tmp_path / "latin.bib"
    latin.write_bytes("@article{a, title={Caf\xe9}}".encode("latin-1"))
    bib = read_bibtex(str(latin))
    assert bib.entries[0].title_text == "Café"
    assert bib.problems[0].subtype == "bibtex" and "not UTF-8" in bib.problems[0].message
    bom = tmp_path / "bom.bib"
    bom.write_bytes("\ufeff@article{a, title={X}}".encode())
    assert read_bibtex(str(bom)).entries[0].key == "a"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.bib"
    path.write_text("@article{a, title={X}}")
    path.chmod(0)
    assert "cannot read" in read_bibtex(str(path)).problems[0].message


def test_crossref() -> None:
    bib = parse_bibtex(
        "@inproceedings{paper, title={Paper}, crossref={conf}}\n"
        "@proceedings{conf, title={Proc. of Things}, year={2020}, publisher={P}}\n"
        "@inproceedings{lost, title={Lost}, crossref={nowhere}}\n",
        "x.bib",
    )
    resolved, problems = resolve_crossrefs(bib.entries)
    assert resolved[0].venue_name == "Proc. of Things" and resolved[0].year == 2020
    assert [p.message for p in problems] == ["crossref 'nowhere' of 'lost' names no entry"]


CORPUS_BIBS = sorted((CORPUS / "bib").glob("*.bib")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_BIBS, reason="../shared/corpus not present")
@pytest.mark.parametrize("path", CORPUS_BIBS, ids=lambda p: p.name)
def test_corpus_file_reads_every_entry(path: Path) -> None:
    bib = read_bibtex(str(path))
    text = path.read_text(encoding="utf-8")
    expected = re.findall(
        r"^\s*@(?!string\b|comment\b|preamble\b)\w+\s*[{(]\s*([^,\s]+)\s*,", text, re.M | re.I
    )
    assert [e.key for e in bib.entries] == expected
    assert bib.problems == ()
    assert all(entry.title for entry in bib.entries)

"""``sphinx-academic import`` from ORCID, DBLP, OpenAlex and DOIs against a local server
(fixtures in tests/fixtures/scholarly/, each naming where its shape is documented)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sphinx_academic.cli import main
from sphinx_academic.readers.bibtex import read_bibtex

FIXTURES = Path(__file__).parent / "fixtures" / "scholarly"
ORCID = "0000-0002-1825-0097"

EXISTING = """\
% Kept exactly: my comment, my layout.
@string{cacm = "Commun. ACM"}

@article{lovelace2023notes,
    title   = "Notes on the Analytical Engine and its Programs",
    author  = "Lovelace, Ada",
    journal = cacm,
    year    = 2023
}
"""


def fixture(name: str) -> Any:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def orcid_work(put_code: int, title: str, doi: str = "", **changes: Any) -> dict[str, Any]:
    work = copy.deepcopy(fixture("orcid-work.json"))
    work["put-code"] = put_code
    work["path"] = f"/{ORCID}/work/{put_code}"
    work["title"]["title"]["value"] = title
    if doi:
        work["external-ids"]["external-id"] = [
            {
                "external-id-type": "doi",
                "external-id-value": doi,
                "external-id-url": {"value": f"https://doi.org/{doi}"},
                "external-id-relationship": "self",
            }
        ]
    work.update(changes)
    return work


class FakeOrcid:
    """``/v3.0/{id}/works`` (summaries) and ``/v3.0/{id}/works/{codes}`` (bulk)."""

    def __init__(self, works: list[dict[str, Any]]) -> None:
        self.works = {work["put-code"]: work for work in works}
        self.bulk_sizes: list[int] = []

    def summary(self, request: Request) -> Response:
        data = fixture("orcid-works.json")
        data["group"] = [
            {
                "last-modified-date": {"value": 1},
                "external-ids": work["external-ids"],
                "work-summary": [{"put-code": code, "title": work["title"], "type": work["type"]}],
            }
            for code, work in self.works.items()
        ]
        return Response(json.dumps(data), content_type="application/json")

    def bulk(self, request: Request) -> Response:
        codes = [int(code) for code in request.path.rsplit("/", 1)[-1].split(",")]
        self.bulk_sizes.append(len(codes))
        data = {"bulk": [{"work": self.works[code]} for code in codes]}
        return Response(json.dumps(data), content_type="application/json")


@pytest.fixture
def orcid(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakeOrcid:
    fake = FakeOrcid(
        [
            orcid_work(
                1,
                "Notes on the <i>Analytical Engine</i> and its Programs",
                "10.1145/3580001",
                **{"short-description": "How the engine &amp; its cards compute."},
            ),
            orcid_work(
                2,
                "Sketch of the Engine: 100% Mechanical",
                "10.1000/sketch_2",
                **{"journal-title": {"value": "Taylor's Scientific Memoirs"}},
            ),
            orcid_work(3, "Sketch of the engine: 100% mechanical"),  # the same work again
        ]
    )
    httpserver.expect_request(f"/v3.0/{ORCID}/works").respond_with_handler(fake.summary)
    httpserver.expect_request(f"/v3.0/{ORCID}/works/1,2,3").respond_with_handler(fake.bulk)
    monkeypatch.setenv("SPHINX_ACADEMIC_ORCID_URL", httpserver.url_for("/"))
    return fake


def test_orcid_adds_new_works_once_and_keeps_the_file(
    tmp_path: Path, orcid: FakeOrcid, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "papers.bib"
    bib.write_text(EXISTING, encoding="utf-8")
    assert main(["import", "orcid", f"https://orcid.org/{ORCID}", "--bib", str(bib)]) == 0
    text = bib.read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # appended, nothing rewritten
    added = read_bibtex(str(bib))
    assert added.problems == ()
    entries = {entry.key: entry for entry in added.entries}
    assert list(entries) == ["lovelace2023notes", "carberry2019sketch"]
    sketch = entries["carberry2019sketch"]
    assert sketch.type == "article"
    assert sketch.text("title") == "Sketch of the Engine: 100% Mechanical"
    assert sketch.text("journal") == "Taylor's Scientific Memoirs"
    assert (sketch.doi, sketch.year, sketch.month) == ("10.1000/sketch_2", 2019, 5)
    assert [author.display for author in sketch.authors] == ["Josiah Carberry"]
    out = capsys.readouterr().out
    assert "added carberry2019sketch: Sketch of the Engine: 100% Mechanical" in out
    assert "1 new, 0 updated, 2 already in" in out
    # A second run adds nothing.
    assert main(["import", "orcid", ORCID, "--bib", str(bib)]) == 0
    assert bib.read_text(encoding="utf-8") == text
    assert "0 new, 0 updated, 3 already in" in capsys.readouterr().out


def test_update_adds_only_missing_fields_inside_the_entry(tmp_path: Path, orcid: FakeOrcid) -> None:
    bib = tmp_path / "papers.bib"
    bib.write_text(EXISTING + "\n% trailing comment\n", encoding="utf-8")
    assert main(["import", "orcid", ORCID, "--bib", str(bib), "--update"]) == 0
    text = bib.read_text(encoding="utf-8")
    assert text.startswith(
        "% Kept exactly: my comment, my layout.\n"
        '@string{cacm = "Commun. ACM"}\n\n'
        "@article{lovelace2023notes,\n"
        '    title   = "Notes on the Analytical Engine and its Programs",\n'
        '    author  = "Lovelace, Ada",\n'
        "    journal = cacm,\n"
        "    year    = 2023,\n"
        "  month = may,\n"
        "  doi = {10.1145/3580001},\n"
        "  abstract = {How the engine \\& its cards compute.},\n"
        "}\n\n% trailing comment\n"
    )
    entry = read_bibtex(str(bib)).entries[0]
    assert entry.text("journal") == "Commun. ACM"  # the user's values are untouched
    assert entry.text("abstract") == "How the engine & its cards compute."


def test_dry_run_changes_nothing(
    tmp_path: Path, orcid: FakeOrcid, capsys: pytest.CaptureFixture[str]
) -> None:
    bib = tmp_path / "papers.bib"
    bib.write_text(EXISTING, encoding="utf-8")
    assert main(["import", "orcid", ORCID, "--bib", str(bib), "--update", "--dry-run"]) == 0
    assert bib.read_text(encoding="utf-8") == EXISTING
    out = capsys.readouterr().out
    assert "would add carberry2019sketch" in out
    assert "would update lovelace2023notes: +month, +doi, +abstract" in out


def test_orcid_bulk_reads_at_most_100_works_per_request(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeOrcid([orcid_work(n, f"Work number {n}", f"10.1000/{n}") for n in range(1, 251)])
    httpserver.expect_request(f"/v3.0/{ORCID}/works").respond_with_handler(fake.summary)
    httpserver.expect_request(f"/v3.0/{ORCID}/works/").respond_with_handler(fake.bulk)
    for start in range(1, 251, 100):
        codes = ",".join(str(n) for n in range(start, min(start + 100, 251)))
        httpserver.expect_request(f"/v3.0/{ORCID}/works/{codes}").respond_with_handler(fake.bulk)
    monkeypatch.setenv("SPHINX_ACADEMIC_ORCID_URL", httpserver.url_for("/"))
    bib = tmp_path / "new.bib"
    assert main(["import", "orcid", ORCID, "--bib", str(bib)]) == 0
    assert fake.bulk_sizes == [100, 100, 50]
    assert len(read_bibtex(str(bib)).entries) == 250


def test_dblp(tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    xml = (FIXTURES / "dblp-person.xml").read_text(encoding="utf-8")
    httpserver.expect_request("/pid/12/3456.xml").respond_with_data(xml, content_type="text/xml")
    monkeypatch.setenv("SPHINX_ACADEMIC_DBLP_URL", httpserver.url_for("/"))
    bib = tmp_path / "papers.bib"
    bib.write_text(EXISTING, encoding="utf-8")
    assert main(["import", "dblp", "https://dblp.org/pid/12/3456.html", "--bib", str(bib)]) == 0
    entries = {entry.key: entry for entry in read_bibtex(str(bib)).entries}
    assert list(entries) == ["lovelace2023notes", "lovelace2022programs", "lovelace2023bernoulli"]
    paper = entries["lovelace2022programs"]
    assert (paper.type, paper.text("booktitle"), paper.doi) == (
        "inproceedings",
        "ICSE",
        "10.1109/icse.2022.00010",
    )
    assert [a.display for a in paper.authors] == ["Ada Lovelace"]  # no homonym number
    preprint = entries["lovelace2023bernoulli"]
    assert (preprint.type, preprint.arxiv_id, preprint.doi) == ("misc", "2301.00001", "")
    text = bib.read_text(encoding="utf-8")
    assert main(["import", "dblp", "12/3456", "--bib", str(bib)]) == 0
    assert bib.read_text(encoding="utf-8") == text  # a second run adds none


def test_openalex_author_follows_cursors(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = {"*": ("c2", "First work"), "c2": ("c3", "Second work"), "c3": (None, "")}

    def answer(request: Request) -> Response:
        assert request.args["filter"] == "author.id:A5023888391"
        next_cursor, title = pages[request.args["cursor"]]
        page = fixture("openalex-list.json")
        page["meta"]["next_cursor"] = next_cursor
        if title:
            work = fixture("openalex-work.json")
            work.update(title=title, doi=f"https://doi.org/10.1000/{title[:5].lower()}")
            page["results"] = [work]
        return Response(json.dumps(page), content_type="application/json")

    httpserver.expect_request("/works").respond_with_handler(answer)
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    bib = tmp_path / "papers.bib"
    assert main(["import", "openalex", "https://openalex.org/A5023888391", "--bib", str(bib)]) == 0
    entries = read_bibtex(str(bib)).entries
    assert [entry.key for entry in entries] == ["piwowar2018first", "piwowar2018second"]
    assert entries[0].text("journal") == "PeerJ"
    assert entries[0].text("abstract") == "Despite growing interest in Open Access"
    assert len(httpserver.log) == 3


def test_dois(tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(request: Request) -> Response:
        assert request.args["filter"] == "doi:10.7717/peerj.4375"
        page = fixture("openalex-list.json")
        page["results"] = [fixture("openalex-work.json")]
        return Response(json.dumps(page), content_type="application/json")

    httpserver.expect_request("/works").respond_with_handler(answer)
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    bib = tmp_path / "papers.bib"
    assert main(["import", "doi", "https://doi.org/10.7717/peerj.4375", "--bib", str(bib)]) == 0
    (entry,) = read_bibtex(str(bib)).entries
    assert entry.key == "piwowar2018state"
    assert entry.get("title").startswith("The state of OA")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["orcid", "0000-0002"], "is not an ORCID iD"),
        (["dblp", "not a pid"], "is not a DBLP person id"),
        (["openalex", "W123"], "is not an OpenAlex author id"),
        (["doi", "nonsense"], "not a DOI: 'nonsense'"),
    ],
)
def test_bad_ids_are_one_line_errors(
    tmp_path: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", *argv, "--bib", str(tmp_path / "x.bib")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_service_failure_leaves_the_file(
    tmp_path: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    httpserver.expect_request(f"/v3.0/{ORCID}/works").respond_with_data("nope", status=404)
    monkeypatch.setenv("SPHINX_ACADEMIC_ORCID_URL", httpserver.url_for("/"))
    bib = tmp_path / "papers.bib"
    bib.write_text(EXISTING, encoding="utf-8")
    assert main(["import", "orcid", ORCID, "--bib", str(bib)]) == 2
    assert bib.read_text(encoding="utf-8") == EXISTING
    assert "HTTP 404" in capsys.readouterr().err


def test_bibtex_values_are_escaped_and_balanced(tmp_path: Path) -> None:
    from sphinx_academic.scholarly.bibwriter import Plan, apply
    from sphinx_academic.scholarly.works import NewWork

    work = NewWork("article", "Costs {of} 50% & $5_x #1 \\o", ("Zoë Ærø",), 2021, None, "J")
    text = apply("", [], Plan(added=[("k", work)]))
    bib = tmp_path / "x.bib"
    bib.write_text(text, encoding="utf-8")
    (entry,) = read_bibtex(str(bib)).entries
    assert entry.text("title") == "Costs of 50% & $5_x #1 \\o"


def test_keys_follow_al_folio_and_stay_unique() -> None:
    from sphinx_academic.scholarly.bibwriter import key_for
    from sphinx_academic.scholarly.works import NewWork

    taken = {"smith2020deep"}
    work = NewWork("article", "The Deep Sea", ("Jane Smith",), 2020)
    assert key_for(work, taken) == "smith2020deepb"
    assert key_for(work, taken) == "smith2020deepc"
    assert key_for(NewWork("misc", "Ölmüller's Übung", ("Ölmüller, K.",)), taken) == (
        "olmullerolmullers"
    )


def test_update_finds_the_entry_among_parenthesised_and_crlf_files(tmp_path: Path) -> None:
    from sphinx_academic.scholarly.bibwriter import Plan, apply

    text = "@misc(a2020x,\r\n  title = {A {nested} title}\r\n)\r\n@misc{b, title={B}}\r\n"
    bib = tmp_path / "x.bib"
    bib.write_text(text, encoding="utf-8", newline="")
    existing = list(read_bibtex(str(bib)).entries)
    changes = Plan(updated=[(existing[0], [("doi", "10.1/x")])])
    result = apply(text, existing, changes)
    assert result == (
        "@misc(a2020x,\r\n  title = {A {nested} title},\r\n  doi = {10.1/x},\r\n)\r\n"
        "@misc{b, title={B}}\r\n"
    )

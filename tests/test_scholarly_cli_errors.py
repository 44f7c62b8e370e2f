"""``sphinx-academic import`` and ``metrics`` against servers that answer badly, and with
files they cannot write: one line naming what went wrong, files complete or untouched."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_scholarly_metrics import FakeOpenAlex, make_site
from werkzeug import Request, Response

from sphinx_academic.cli import main
from sphinx_academic.readers.bibtex import read_bibtex
from sphinx_academic.readers.metrics import read_metrics
from sphinx_academic.scholarly.http import Politeness, ServiceError
from sphinx_academic.scholarly.importcommand import ImportRequest, fetch
from sphinx_academic.scholarly.openalex import MAX_PAGES

from conftest import academic_warnings, bib_site, build_app, parse_html

OLD = "@misc{old2020, title = {Kept}, year = {2020}}\n"
WORK = {
    "id": "https://openalex.org/W1",
    "doi": "https://doi.org/10.1000/found",
    "title": "A Found Work",
    "display_name": "A Found Work",
    "publication_year": 2020,
    "type": "article",
    "authorships": [{"author": {"display_name": "Ann Lee"}}],
}

#: No wait between requests to the local server.
FAST = Politeness(timeout=5, attempts=1, rate=1000)


def _errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return captured.err.splitlines()


@pytest.fixture
def server(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    for service in ("OPENALEX", "DBLP"):
        monkeypatch.setenv(f"SPHINX_ACADEMIC_{service}_URL", httpserver.url_for("/"))
    return httpserver


def _answer(works: list[dict[str, object]]) -> str:
    return json.dumps({"meta": {"count": len(works), "next_cursor": None}, "results": works})


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            Response("", status=302, headers={"Location": "/works"}),
            "Exceeded maximum allowed redirects",
        ),
        (
            Response(b"not gzip", headers={"Content-Encoding": "gzip"}),
            "while decompressing data",
        ),
    ],
    ids=["redirect-loop", "broken-gzip"],
)
def test_unreadable_answers_are_one_line(
    tmp_path: Path,
    server: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    response: Response,
    message: str,
) -> None:
    server.expect_request("/works").respond_with_response(response)
    bib = tmp_path / "papers.bib"
    bib.write_text(OLD, encoding="utf-8")
    assert main(["import", "doi", "10.1000/found", "--bib", str(bib)]) == 2
    err = _errors(capsys)
    assert len(err) == 1 and err[0].startswith("sphinx-academic import: openalex: ")
    assert message in err[0]
    assert bib.read_text(encoding="utf-8") == OLD


def test_gzip_answers_are_read(tmp_path: Path, server: HTTPServer) -> None:
    body = gzip.compress(_answer([WORK]).encode())
    headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    server.expect_request("/works").respond_with_response(Response(body, headers=headers))
    bib = tmp_path / "papers.bib"
    assert main(["import", "doi", "10.1000/found", "--bib", str(bib)]) == 0
    assert [entry.text("title") for entry in read_bibtex(str(bib)).entries] == ["A Found Work"]


DBLP = "<dblpperson><r><article><author>Zoë Lee</author><title>Café</title><year>2020</year>"
DBLP += "<journal>J</journal></article></r></dblpperson>"


def test_dblp_xml_in_the_encoding_it_declares(tmp_path: Path, server: HTTPServer) -> None:
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?>' + DBLP
    server.expect_request("/pid/12/3456.xml").respond_with_data(
        xml.encode("latin-1"), content_type="text/xml"
    )
    bib = tmp_path / "papers.bib"
    assert main(["import", "dblp", "12/3456", "--bib", str(bib)]) == 0
    (entry,) = read_bibtex(str(bib)).entries
    assert entry.text("title") == "Café" and entry.authors[0].display == "Zoë Lee"


def test_dblp_bytes_not_in_its_encoding_are_refused(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # Latin-1 bytes without a declaration: the XML is UTF-8, so they are not well-formed.
    server.expect_request("/pid/12/3456.xml").respond_with_data(
        DBLP.encode("latin-1"), content_type="text/xml"
    )
    bib = tmp_path / "papers.bib"
    bib.write_text(OLD, encoding="utf-8")
    assert main(["import", "dblp", "12/3456", "--bib", str(bib)]) == 2
    err = _errors(capsys)
    assert len(err) == 1 and "dblp: the answer is not valid XML" in err[0]
    assert bib.read_text(encoding="utf-8") == OLD


def test_unknown_dois_are_named(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/works").respond_with_data(_answer([WORK]))
    bib = tmp_path / "papers.bib"
    args = ["import", "doi", "10.1000/FOUND", "10.1000/unknown", "--bib", str(bib)]
    assert main(args) == 1
    assert _errors(capsys) == [
        "sphinx-academic import: openalex has no work with the DOI 10.1000/unknown"
    ]
    assert [entry.doi for entry in read_bibtex(str(bib)).entries] == ["10.1000/found"]


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/papers.bib", "cannot write: the folder {tmp}/missing does not exist"),
        ("file/papers.bib", "cannot write: the folder {tmp}/file is not a folder"),
        ("folder", "is a folder, not a file"),
    ],
)
def test_import_into_a_path_it_cannot_write_asks_nothing(
    tmp_path: Path,
    server: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    where: str,
    message: str,
) -> None:
    (tmp_path / "file").write_text("a file", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    target = tmp_path / where
    assert main(["import", "doi", "10.1000/found", "--bib", str(target)]) == 2
    err = _errors(capsys)
    assert err == [f"sphinx-academic import: {target}: {message.format(tmp=tmp_path)}"]
    assert server.log == []  # refused before any request


def test_import_with_an_empty_bib_name(
    server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "doi", "10.1000/found", "--bib", ""]) == 2
    assert _errors(capsys) == ["sphinx-academic import: the bib file name (--bib) is empty"]
    assert server.log == []


def test_import_through_a_symbolic_link_keeps_the_link(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/works").respond_with_data(_answer([WORK]))
    shared = tmp_path / "shared" / "papers.bib"
    shared.parent.mkdir()
    shared.write_text(OLD, encoding="utf-8")
    link = tmp_path / "papers.bib"
    link.symlink_to(shared)
    assert main(["import", "doi", "10.1000/found", "--bib", str(link)]) == 0
    assert link.is_symlink()
    assert [entry.key for entry in read_bibtex(str(shared)).entries] == ["old2020", "lee2020found"]


def test_metrics_into_a_missing_folder_asks_nothing(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path)
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("academic_metrics = 'data/metrics.json'\n")
    assert main(["metrics", str(site)]) == 2
    expected = f"{site}/data/metrics.json: cannot write: the folder {site}/data does not exist"
    assert _errors(capsys) == [f"sphinx-academic metrics: {expected}"]
    assert server.log == []


def test_metrics_through_a_symbolic_link_keeps_the_link(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/works").respond_with_handler(
        FakeOpenAlex([("W1", "10.1000/abc.1", "Counting citations carefully", 2020, 12)])
    )
    (tmp_path / "site").mkdir()
    site = make_site(tmp_path / "site")
    data = tmp_path / "data" / "metrics.json"
    data.parent.mkdir()
    (site / "metrics.json").symlink_to(data)
    assert main(["metrics", str(site)]) == 0
    assert (site / "metrics.json").is_symlink()
    metrics, problems = read_metrics(str(data))
    assert problems == [] and metrics.entries["doi2020"].citations["openalex"].cited_by == 12


def test_python_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_academic", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0 and done.stdout.startswith("sphinx-academic ")


def test_imported_entries_build_without_warnings(tmp_path: Path, server: HTTPServer) -> None:
    odd = {
        **WORK,
        "title": "Cost $x^2$ of 50% & {braces} ~ #1",
        "authorships": [
            {"author": {"display_name": "Ann Lee"}},
            {"author": {"display_name": "Bill and Melinda Gates Foundation"}},
        ],
        "primary_location": {"landing_page_url": "https://example.org/a b?q={1}"},
    }
    server.expect_request("/works").respond_with_data(_answer([odd]))
    site = bib_site(tmp_path, "")
    assert main(["import", "doi", "10.1000/found", "--bib", str(site / "p.bib")]) == 0
    app = build_app(site)
    assert academic_warnings(app.warning.getvalue()) == []
    card = parse_html(app.outdir / "index.html").select_one(".academic-pub-card")
    assert card.select_one(".academic-pub-title").get_text(strip=True) == (
        "Cost $x^2$ of 50% & braces ~ #1"
    )
    authors = card.select_one(".academic-pub-authors").get_text(" ", strip=True)
    assert "Bill and Melinda Gates Foundation" in authors
    (entry,) = read_bibtex(str(site / "p.bib")).entries
    assert entry.get("url") == "https://example.org/a%20b?q=%7B1%7D"


def _paging_forever(next_cursor: Callable[[str], str]) -> Callable[[Request], Response]:
    """A ``/works`` handler whose every page holds a work and names a next cursor."""

    def answer(request: Request) -> Response:
        work = {**WORK, "cited_by_count": 1}
        page = {"meta": {"next_cursor": next_cursor(request.args["cursor"])}, "results": [work]}
        return Response(json.dumps(page), content_type="application/json")

    return answer


def test_a_cursor_sent_again_ends_the_import_in_one_line(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.expect_request("/works").respond_with_handler(_paging_forever(lambda cursor: "c2"))
    bib = tmp_path / "papers.bib"
    bib.write_text(OLD, encoding="utf-8")
    assert main(["import", "openalex", "A5023888391", "--bib", str(bib)]) == 2
    assert _errors(capsys) == [
        "sphinx-academic import: openalex: the server sent the cursor 'c2' again after 2 pages "
        "(a cursor loop); stopped"
    ]
    assert [request.args["cursor"] for request, _ in server.log] == ["*", "c2"]
    assert bib.read_text(encoding="utf-8") == OLD


def test_a_cursor_loop_in_metrics_is_reported_and_the_file_left_alone(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = {"*": "a", "a": "b", "b": "a"}
    server.expect_request("/works").respond_with_handler(_paging_forever(loop.__getitem__))
    site = make_site(tmp_path, "@article{lee2020, title = {A}, doi = {10.1000/found}}\n")
    assert main(["metrics", str(site)]) == 2
    err = _errors(capsys)
    assert (
        "  openalex: the server sent the cursor 'a' again after 3 pages (a cursor loop); stopped"
        in err
    )
    assert len(server.log) == 3
    assert not (site / "metrics.json").exists()


def test_paging_stops_at_the_cap(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/works").respond_with_handler(
        _paging_forever(lambda cursor: "c1" if cursor == "*" else f"c{int(cursor[1:]) + 1}")
    )
    request = ImportRequest(
        "openalex", ["A5023888391"], str(tmp_path / "papers.bib"), politeness=FAST
    )
    with pytest.raises(ServiceError) as error:
        fetch(request)
    assert str(error.value) == f"openalex: more than {MAX_PAGES} pages of results; stopped"
    assert len(server.log) == MAX_PAGES

"""``sphinx-academic metrics`` against a local server answering as the services document
(fixtures in tests/fixtures/scholarly/, each naming where its shape is documented)."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sphinx_academic.cli import main
from sphinx_academic.readers.metrics import read_metrics
from sphinx_academic.scholarly.http import Politeness
from sphinx_academic.scholarly.metricscommand import (
    FAILURE,
    PARTIAL,
    SUCCESS,
    CommandError,
    Outcome,
    Settings,
    run,
)

FIXTURES = Path(__file__).parent / "fixtures" / "scholarly"


def fixture(name: str) -> Any:
    """A fixture's JSON without its ``_documented_at`` note."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


class FakeOpenAlex:
    """Answers ``/works`` as OpenAlex does, from works given as
    ``(openalex id, doi, title, year, cited_by_count)``."""

    def __init__(self, works: Iterable[tuple[str, str, str, int, int]]) -> None:
        self.works = [self._work(*work) for work in works]
        self.params: list[dict[str, str]] = []

    @staticmethod
    def _work(openalex: str, doi: str, title: str, year: int, count: int) -> dict[str, Any]:
        work = copy.deepcopy(fixture("openalex-work.json"))
        work.update(
            id=f"https://openalex.org/{openalex}",
            doi=f"https://doi.org/{doi}" if doi else None,
            title=title,
            display_name=title,
            publication_year=year,
            cited_by_count=count,
        )
        return work

    def __call__(self, request: Request) -> Response:
        params = dict(request.args)
        self.params.append(params)
        name, _, values = params["filter"].partition(":")
        if name == "doi":
            asked = {value.lower() for value in values.split("|")}
            found = [w for w in self.works if w["doi"] and w["doi"][16:].lower() in asked]
        elif name == "ids.openalex":
            asked = set(values.split("|"))
            found = [w for w in self.works if w["id"].rsplit("/", 1)[-1] in asked]
        else:  # title.search:<words>,publication_year:<from>-<to>
            words = values.split(",publication_year:")[0].lower().split()
            found = [w for w in self.works if all(x in w["title"].lower() for x in words)]
        page = fixture("openalex-list.json")
        page["meta"]["count"] = len(found)
        page["results"] = found
        return Response(json.dumps(page), content_type="application/json")


BIB = """\
% My papers: this comment and layout must survive everything.
@article{doi2020,
  title = {Counting Citations Carefully},
  author = {Lovelace, Ada},
  journal = {J. Tests},
  year = {2020},
  doi = {10.1000/ABC.1},
}
@misc{arxiv2021,
  title = {A Preprint},
  author = {Lovelace, Ada},
  year = {2021},
  eprint = {2101.00001v2},
  archivePrefix = {arXiv},
}
@inproceedings{titled2019,
  title = {Matching {By} Title Alone},
  author = {Lovelace, Ada},
  booktitle = {Conf},
  year = {2019},
}
@misc{nothing,
  title = {Untraceable Notes},
  author = {Lovelace, Ada},
}
@misc{ambiguous2018,
  title = {Results},
  author = {Lovelace, Ada},
  year = {2018},
}
"""
WORKS = [
    ("W1", "10.1000/abc.1", "Counting citations carefully", 2020, 12),
    ("W2", "10.48550/arxiv.2101.00001", "A preprint", 2021, 3),
    ("W3", "10.1000/other", "Matching by title alone", 2020, 5),
    ("W4", "", "Results", 2018, 1),
    ("W5", "", "Results", 2019, 2),
]


def make_site(root: Path, bib: str = BIB) -> Path:
    (root / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_bibfiles = ["papers.bib"]\n'
        'academic_profile = "profile.yaml"\n',
        encoding="utf-8",
    )
    (root / "papers.bib").write_text(bib, encoding="utf-8")
    (root / "profile.yaml").write_text(
        "basics:\n  name: Ada Lovelace\n  email: ada@example.org\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def openalex(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAlex:
    fake = FakeOpenAlex(WORKS)
    httpserver.expect_request("/works").respond_with_handler(fake)
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    return fake


def settings(site: Path, *sources: str, waits: list[float] | None = None) -> Settings:
    """Settings as the command makes them, with waits recorded instead of slept."""
    recorded = waits if waits is not None else []
    return Settings(
        [str(site / "papers.bib")],
        str(site / "metrics.json"),
        list(sources or ["openalex"]),
        mailto="ada@example.org",
        politeness=Politeness(timeout=5, attempts=3, backoff=0.5, rate=1000),
        sleep=recorded.append,
    )


def test_fills_the_file_for_every_matchable_entry(
    tmp_path: Path,
    openalex: FakeOpenAlex,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = make_site(tmp_path)
    assert main(["metrics", str(site)]) == SUCCESS
    metrics, problems = read_metrics(str(site / "metrics.json"))
    assert problems == []
    counts = {key: metrics.count(key, "openalex") for key in metrics.entries}
    assert {key: (c.cited_by, c.matched_by) for key, c in counts.items() if c} == {
        "doi2020": (12, "doi"),
        "arxiv2021": (3, "arxiv"),
        "titled2019": (5, "title"),
    }
    assert metrics.entry("doi2020").ids == {"doi": "10.1000/abc.1", "openalex": "W1"}  # type: ignore[union-attr]
    assert set(metrics.unmatched["openalex"]) == {"nothing", "ambiguous2018"}
    totals = metrics.totals["openalex"]
    assert (totals.citations, totals.h_index, totals.entries) == (20, 3, 3)
    # One batch by DOI, one by arXiv DOI, one title search each for the two titled entries
    # with a year; the entry with neither identifier nor year is asked for nowhere.
    assert len(httpserver.log) == 4
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("sphinx-academic/")
    assert "mailto:ada@example.org" in request.headers["User-Agent"]
    assert request.args["mailto"] == "ada@example.org"  # the profile's email: polite pool
    assert openalex.params[0]["filter"] == "doi:10.1000/abc.1"
    assert openalex.params[1]["filter"] == "doi:10.48550/arxiv.2101.00001"
    err = capsys.readouterr().err
    assert "openalex: 3 of 5 entries counted, 2 unmatched: nothing, ambiguous2018" in err
    assert "looking up" not in err  # no progress line when stderr is not a terminal


def test_source_ids_from_the_file_are_used(tmp_path: Path, openalex: FakeOpenAlex) -> None:
    site = make_site(tmp_path)
    assert run(settings(site)).status == SUCCESS
    openalex.works[2]["title"] = "Renamed at the source"  # the title no longer matches
    openalex.works[2]["cited_by_count"] = 6
    openalex.params.clear()
    assert run(settings(site)).status == SUCCESS
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("titled2019", "openalex") == (
        6,
        metrics.count("titled2019", "openalex").fetched,
        "openalex",
    )  # type: ignore[union-attr]
    assert any(p["filter"] == "ids.openalex:W3" for p in openalex.params)


def _failing(status: int, **headers: str) -> Callable[[Request], Response]:
    return lambda request: Response("trouble", status=status, headers=headers)


def _rerun_failing(
    tmp_path: Path, httpserver: HTTPServer, answer: Callable[[Request], Response]
) -> tuple[Outcome, list[float]]:
    """A second run, with every request answered by ``answer``: it fails and leaves the
    file the first run wrote as it was. The outcome and the waits between requests."""
    site = make_site(tmp_path)
    assert run(settings(site)).status == SUCCESS
    before = (site / "metrics.json").read_bytes()
    httpserver.clear_all_handlers()
    httpserver.expect_request("/works").respond_with_handler(answer)
    waits: list[float] = []
    outcome = run(settings(site, waits=waits))
    assert outcome.status == FAILURE
    assert (site / "metrics.json").read_bytes() == before
    return outcome, waits


def test_rerun_with_the_server_failing_keeps_every_value(
    tmp_path: Path, openalex: FakeOpenAlex, httpserver: HTTPServer
) -> None:
    outcome, waits = _rerun_failing(tmp_path, httpserver, _failing(500))
    assert waits[:2] == [0.5, 1.0]  # backoff doubles between attempts
    assert "HTTP 500" in outcome.runs["openalex"].errors[0]


def test_retry_after_is_honoured(
    tmp_path: Path, openalex: FakeOpenAlex, httpserver: HTTPServer
) -> None:
    site = make_site(tmp_path)
    httpserver.clear_all_handlers()
    httpserver.expect_ordered_request("/works").respond_with_handler(
        _failing(429, **{"Retry-After": "7"})
    )
    httpserver.expect_request("/works").respond_with_handler(openalex)
    waits: list[float] = []
    assert run(settings(site, waits=waits)).status == SUCCESS
    assert 7.0 in waits
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("doi2020", "openalex").cited_by == 12  # type: ignore[union-attr]


def test_a_retry_after_of_hours_ends_the_request_at_once(
    tmp_path: Path, openalex: FakeOpenAlex, httpserver: HTTPServer
) -> None:
    hours = _failing(429, **{"Retry-After": "86400"})
    outcome, waits = _rerun_failing(tmp_path, httpserver, hours)
    assert all(wait < 86400 for wait in waits)
    refused = [request.url for request, response in httpserver.log if response.status_code == 429]
    assert refused and len(refused) == len(set(refused))  # each asked once, not four times
    error = outcome.runs["openalex"].errors[0]
    assert "HTTP 429" in error and "asks to wait 86400 s, so try again later" in error


def test_timeout_keeps_the_file(
    tmp_path: Path, openalex: FakeOpenAlex, httpserver: HTTPServer
) -> None:
    site = make_site(tmp_path)
    assert run(settings(site)).status == SUCCESS
    before = (site / "metrics.json").read_bytes()
    httpserver.clear_all_handlers()

    def slow(request: Request) -> Response:
        time.sleep(0.3)
        return openalex(request)

    httpserver.expect_request("/works").respond_with_handler(slow)
    patient = settings(site)
    patient.politeness = Politeness(timeout=0.05, attempts=2, backoff=0, rate=1000)
    outcome = run(patient)
    assert outcome.status == FAILURE
    assert "no answer within 0.05 s" in outcome.runs["openalex"].errors[0]
    assert (site / "metrics.json").read_bytes() == before


def test_malformed_json_fails_with_status_2(
    tmp_path: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = make_site(tmp_path)
    httpserver.expect_request("/works").respond_with_data(
        "{not json", content_type="application/json"
    )
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    assert main(["metrics", str(site)]) == FAILURE
    assert not (site / "metrics.json").exists()
    assert "not valid JSON" in capsys.readouterr().err


def test_shape_not_as_documented_is_a_failure(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path)
    httpserver.expect_request("/works").respond_with_json({"results": [{"id": 3}]})
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    outcome = run(settings(site))
    assert outcome.status == FAILURE
    assert "unexpected answer" in outcome.runs["openalex"].errors[0]


def test_empty_result_lists_every_entry_as_unmatched(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path)
    httpserver.expect_request("/works").respond_with_json(fixture("openalex-list.json"))
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    outcome = run(settings(site))
    assert outcome.status == SUCCESS
    assert len(outcome.runs["openalex"].unmatched) == 5
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert len(metrics.unmatched["openalex"]) == 5  # the file lists them
    assert metrics.entries == {}


def _many(count: int) -> str:
    return "".join(
        f"@article{{e{n},\n  title = {{Paper {n}}},\n  year = {{2020}},\n"
        f"  doi = {{10.5555/{n}}},\n}}\n"
        for n in range(count)
    )


def test_two_thousand_entries_in_batches_of_fifty(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path, _many(2000))
    fake = FakeOpenAlex((f"W{n}", f"10.5555/{n}", f"Paper {n}", 2020, n % 7) for n in range(2000))
    httpserver.expect_request("/works").respond_with_handler(fake)
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    outcome = run(settings(site))
    assert outcome.status == SUCCESS
    assert len(httpserver.log) == outcome.requests == 40
    assert max(len(p["filter"].split("|")) for p in fake.params) == 50
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert len(metrics.entries) == 2000
    assert metrics.count("e1999", "openalex").cited_by == 1999 % 7  # type: ignore[union-attr]


def test_partial_failure_keeps_previous_values_of_what_failed(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path, _many(60))
    fake = FakeOpenAlex((f"W{n}", f"10.5555/{n}", f"Paper {n}", 2020, 1) for n in range(60))
    httpserver.expect_request("/works").respond_with_handler(fake)
    monkeypatch.setenv("SPHINX_ACADEMIC_OPENALEX_URL", httpserver.url_for("/"))
    assert run(settings(site)).status == SUCCESS
    for work in fake.works:
        work["cited_by_count"] = 2
    httpserver.clear_all_handlers()

    def second_batch_fails(request: Request) -> Response:
        if "10.5555/55" in request.args["filter"]:
            return Response("down", status=503)
        return fake(request)

    httpserver.expect_request("/works").respond_with_handler(second_batch_fails)
    outcome = run(settings(site))
    assert outcome.status == PARTIAL
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("e0", "openalex").cited_by == 2  # type: ignore[union-attr]
    assert metrics.count("e55", "openalex").cited_by == 1  # type: ignore[union-attr]
    assert len(outcome.runs["openalex"].failed) == 10


def test_a_malformed_metrics_file_is_never_overwritten(
    tmp_path: Path, openalex: FakeOpenAlex
) -> None:
    site = make_site(tmp_path)
    (site / "metrics.json").write_text('{"format": "sphinx-academic-metrics", "version": 1,,}')
    with pytest.raises(CommandError, match=r"metrics.json:1:\d+: metrics file is not valid JSON"):
        run(settings(site))


def _json_handler(answer: Callable[[Request], Any]) -> Callable[[Request], Response]:
    return lambda request: Response(json.dumps(answer(request)), content_type="application/json")


def test_crossref(tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(request: Request) -> Any:
        data = fixture("crossref-works.json")
        assert request.args["filter"] == "doi:10.1000/abc.1"
        data["message"]["items"] = [{"DOI": "10.1000/ABC.1", "is-referenced-by-count": 9}]
        return data

    httpserver.expect_request("/works").respond_with_handler(_json_handler(answer))
    monkeypatch.setenv("SPHINX_ACADEMIC_CROSSREF_URL", httpserver.url_for("/"))
    site = make_site(tmp_path)
    outcome = run(settings(site, "crossref"))
    assert outcome.status == SUCCESS
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("doi2020", "crossref").cited_by == 9  # type: ignore[union-attr]
    assert len(outcome.runs["crossref"].unmatched) == 4  # Crossref knows DOIs only
    assert len(httpserver.log) == 1


def test_semantic_scholar(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(request: Request) -> Any:
        paper = fixture("semanticscholar-paper.json")
        ids = request.get_json()["ids"]
        return [paper if i in ("DOI:10.1000/abc.1", "ARXIV:2101.00001") else None for i in ids]

    httpserver.expect_request("/graph/v1/paper/batch", method="POST").respond_with_handler(
        _json_handler(answer)
    )
    monkeypatch.setenv("SPHINX_ACADEMIC_SEMANTICSCHOLAR_URL", httpserver.url_for("/"))
    site = make_site(tmp_path)
    assert run(settings(site, "semanticscholar")).status == SUCCESS
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("doi2020", "semanticscholar").cited_by == 900  # type: ignore[union-attr]
    assert metrics.count("arxiv2021", "semanticscholar").matched_by == "arxiv"  # type: ignore[union-attr]


def test_inspire(tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(request: Request) -> Any:
        data = fixture("inspire-literature.json")
        query = request.args["q"]
        if query == 'doi:"10.1000/abc.1"':
            metadata = {
                "control_number": 42,
                "citation_count": 77,
                "dois": [{"value": "10.1000/ABC.1"}],
            }
            data["hits"] = {"hits": [{"id": "42", "metadata": metadata}], "total": 1}
        elif query == "arxiv:2101.00001":
            metadata = {
                "control_number": 43,
                "citation_count": 4,
                "arxiv_eprints": [{"value": "2101.00001"}],
            }
            data["hits"] = {"hits": [{"id": "43", "metadata": metadata}], "total": 1}
        return data

    httpserver.expect_request("/api/literature").respond_with_handler(_json_handler(answer))
    monkeypatch.setenv("SPHINX_ACADEMIC_INSPIRE_URL", httpserver.url_for("/"))
    site = make_site(tmp_path)
    assert run(settings(site, "inspire")).status == SUCCESS
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("doi2020", "inspire").cited_by == 77  # type: ignore[union-attr]
    assert metrics.count("arxiv2021", "inspire").cited_by == 4  # type: ignore[union-attr]
    assert metrics.entry("doi2020").ids["inspire"] == "42"  # type: ignore[union-attr]


def test_sources_are_merged_into_one_file(
    tmp_path: Path, openalex: FakeOpenAlex, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path)
    assert run(settings(site)).status == SUCCESS
    httpserver.expect_request("/api/literature").respond_with_json(
        fixture("inspire-literature.json")
    )
    monkeypatch.setenv("SPHINX_ACADEMIC_INSPIRE_URL", httpserver.url_for("/"))
    assert run(settings(site, "inspire")).status == SUCCESS
    metrics, _ = read_metrics(str(site / "metrics.json"))
    assert metrics.count("doi2020", "openalex").cited_by == 12  # type: ignore[union-attr]
    assert "openalex" in metrics.totals and "inspire" in metrics.unmatched

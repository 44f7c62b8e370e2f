"""The metrics file's format as users meet it: what a build accepts, what it refuses (at
the line of the entry, keeping the rest), the JSON Schema ``sphinx-academic schema
--metrics`` prints, and files written by ``sphinx-academic metrics`` read back whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sphinx_academic.cli import main
from sphinx_academic.readers.metrics import parse_metrics, read_metrics
from sphinx_academic.scholarly.metricsfile import write

from conftest import ROOTS

GOOD = json.loads((ROOTS / "test-metrics" / "metrics.json").read_text(encoding="utf-8"))


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True)


def _with_count(value: object) -> dict[str, Any]:
    data = json.loads(json.dumps(GOOD))
    data["entries"]["few2020"]["citations"]["openalex"]["count"] = value
    return data


def test_a_bad_count_is_reported_at_its_entry_and_left_out() -> None:
    text = _text(_with_count(-3))
    metrics, problems = parse_metrics("metrics.json", text)
    (problem,) = problems
    assert problem.line == text.splitlines().index('    "few2020": {') + 1
    assert problem.message.startswith("few2020.citations.openalex.count: ")
    assert problem.message.endswith("; left out")
    assert problem.subtype == "metrics"
    assert metrics.entry("few2020") is None
    assert metrics.count("many2019", "openalex").cited_by == 1234  # type: ignore[union-attr]
    assert metrics.totals["openalex"].citations == 1237
    assert metrics.unmatched == {"openalex": ("none2021",)}


@pytest.mark.parametrize("count", ["12", True, 12.0, None])
def test_a_count_must_be_written_as_a_whole_number(count: object) -> None:
    metrics, problems = parse_metrics("metrics.json", _text(_with_count(count)))
    assert [p.message.split(":")[0] for p in problems] == ["few2020.citations.openalex.count"]
    assert metrics.entry("few2020") is None


def test_a_bad_total_is_left_out_and_the_entries_kept() -> None:
    data = json.loads(json.dumps(GOOD))
    data["totals"]["crossref"] = {"citations": 40, "entries": 1, "fetched": "yesterday"}
    text = _text(data)
    metrics, problems = parse_metrics("metrics.json", text)
    messages = [p.message for p in problems]
    assert messages[0].startswith("crossref.")  # the first of its problems, once
    assert len(messages) == 1
    # At the totals' "crossref", not at the first one (many2019's count from crossref).
    assert problems[0].line == text.splitlines().index('    "crossref": {') + 1
    assert set(metrics.totals) == {"openalex"}
    assert set(metrics.entries) == {"few2020", "many2019"}


def test_several_bad_items_each_give_a_problem() -> None:
    data = _with_count("3")
    data["entries"]["many2019"]["citations"]["crossref"]["fetched"] = 20261129
    data["totals"]["openalex"]["h_index"] = -1
    metrics, problems = parse_metrics("metrics.json", _text(data))
    assert sorted(p.message.split(":")[0] for p in problems) == [
        "few2020.citations.openalex.count",
        "many2019.citations.crossref.fetched",
        "openalex.h_index",
    ]
    assert (metrics.entries, metrics.totals) == ({}, {})
    assert metrics.unmatched == {"openalex": ("none2021",)}


def test_what_matched_an_entry_may_be_left_out() -> None:
    data = json.loads(json.dumps(GOOD))
    del data["entries"]["few2020"]["citations"]["openalex"]["matched_by"]
    metrics, problems = parse_metrics("metrics.json", _text(data))
    assert problems == []
    assert metrics.count("few2020", "openalex") == (3, "2026-11-30", "")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ({"version": "1"}, "(version: Input should be a valid integer)"),
        ({"version": True}, "(version: Input should be a valid integer)"),
        ({"version": 0}, "(version: Input should be greater than or equal to 1)"),
        ({"format": "sphinx-academic-metric"}, "(format: Input should be"),
        ({"unmatched": {"openalex": "none2021"}}, "(unmatched.openalex: Input should be"),
        ({"entries": ["few2020"]}, "(entries: Input should be a valid dictionary)"),
    ],
)
def test_a_file_not_in_this_format_gives_one_problem_and_no_counts(
    header: dict[str, Any], message: str
) -> None:
    metrics, problems = parse_metrics("metrics.json", _text({**GOOD, **header}))
    assert [p.line for p in problems] == [1]
    assert problems[0].message.startswith("not a sphinx-academic metrics file")
    assert message in problems[0].message
    assert (metrics.entries, metrics.totals) == ({}, {})


def test_a_newer_version_is_refused_whatever_its_entries_look_like() -> None:
    newer = {**GOOD, "version": 2, "entries": {"few2020": {"citations": [3]}}, "unmatched": 0}
    metrics, problems = parse_metrics("metrics.json", _text(newer))
    assert [p.message for p in problems] == [
        "metrics file of version 2 is newer than this sphinx-academic reads (1); "
        "upgrade sphinx-academic"
    ]
    assert metrics.entries == {}


def test_what_the_command_writes_is_read_back_whole(tmp_path: Path) -> None:
    metrics, problems = read_metrics(str(ROOTS / "test-metrics" / "metrics.json"))
    assert problems == []
    written = tmp_path / "metrics.json"
    write(str(written), metrics)
    assert json.loads(written.read_text(encoding="utf-8")) == GOOD
    assert read_metrics(str(written)) == (metrics, [])


def test_schema_of_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--metrics"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(GOOD, schema)
    for count in ("12", True, -1):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(_with_count(count), schema)
    assert set(schema["properties"]) == {"format", "version", "entries", "totals", "unmatched"}
    count = schema["$defs"]["CountModel"]["properties"]
    assert set(count) == {"count", "fetched", "matched_by"}
    totals = schema["$defs"]["TotalsModel"]["properties"]
    assert set(totals) == {"citations", "h_index", "entries", "fetched"}
    described = [*schema["properties"].values(), *count.values(), *totals.values()]
    assert all(field["description"] for field in described)


def test_one_schema_at_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["schema", "--metrics", "--coauthors"])
    assert stop.value.code == 2
    assert "not allowed with" in capsys.readouterr().err

"""The build reads the metrics file offline: badges, :filter: and :sort: on citations,
the profile's totals, warnings for malformed files, and dependencies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sphinx_academic.readers.metrics import parse_metrics, read_metrics

from conftest import ROOTS, academic_warnings, build_app, parse_html


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "metrics"
    shutil.copytree(ROOTS / "test-metrics", srcdir)
    return srcdir


def test_cards_profile_sort_and_filter_use_the_counts(site: Path) -> None:
    app = build_app(site)
    assert academic_warnings(app.warning.getvalue()) == []
    html = parse_html(app.outdir / "index.html")
    sorted_keys = [card["id"] for card in html.select(".by-citations .academic-pub")]
    assert sorted_keys == ["pub-many2019", "pub-few2020", "pub-none2021"]  # no count: last
    assert [c["id"] for c in html.select(".cited .academic-pub")] == ["pub-many2019-2"]
    badge = html.select_one(".by-citations #pub-many2019 .academic-pub-citations abbr")
    assert badge is not None
    assert badge.get_text() == "Cited by 1234"
    assert badge["title"] == "OpenAlex, Nov 30, 2026"
    assert html.select_one("#pub-none2021 .academic-pub-citations") is None
    totals = html.select_one(".academic-profile .academic-profile-metrics")
    assert totals is not None
    assert " ".join(totals.get_text().split()) == (
        "Citations 1,237 · h-index 2 (OpenAlex, Nov 30, 2026)"
    )
    page = parse_html(app.outdir / "publications" / "many2019.html")
    assert page.select_one(".academic-pub-page .academic-pub-citations").get_text() == (
        "Cited by 1234"
    )


def test_the_source_is_chosen_in_config(site: Path) -> None:
    app = build_app(site, confoverrides={"academic_citation_source": "crossref"})
    html = parse_html(app.outdir / "index.html")
    badge = html.select_one(".by-citations #pub-many2019 .academic-pub-citations abbr")
    assert badge is not None and badge["title"] == "Crossref, Nov 29, 2026"
    assert html.select(".by-citations #pub-few2020 .academic-pub-citations") == []
    assert html.select_one(".academic-profile-metrics") is None  # no crossref totals


def test_badges_are_off_by_default(site: Path) -> None:
    app = build_app(site, confoverrides={"academic_show_citations": False})
    html = parse_html(app.outdir / "index.html")
    assert html.select(".academic-pub-citations") == []
    # Sorting and filtering still use the counts.
    assert [c["id"] for c in html.select(".cited .academic-pub")] == ["pub-many2019-2"]


def test_a_missing_file_means_no_counts_and_no_warning(site: Path) -> None:
    (site / "metrics.json").unlink()
    app = build_app(site)
    assert academic_warnings(app.warning.getvalue()) == []
    html = parse_html(app.outdir / "index.html")
    assert html.select(".academic-pub-citations, .academic-profile-metrics") == []
    assert [c["id"] for c in html.select(".by-citations .academic-pub")] == [
        "pub-few2020",  # no counts: file order
        "pub-many2019",
        "pub-none2021",
    ]


def test_a_malformed_file_warns_at_its_line_and_the_site_builds(site: Path) -> None:
    (site / "metrics.json").write_text('{"format": "sphinx-academic-metrics",\n "version": 1,,}')
    app = build_app(site)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1
    assert "metrics.json:2:" in warnings[0] and "not valid JSON" in warnings[0]
    assert "[academic.metrics]" in warnings[0]
    assert (app.outdir / "index.html").exists()


def test_a_bad_entry_is_left_out_with_a_located_warning(site: Path) -> None:
    data = json.loads((site / "metrics.json").read_text())
    data["entries"]["few2020"]["citations"]["openalex"]["count"] = "three"
    (site / "metrics.json").write_text(json.dumps(data, indent=2))
    app = build_app(site)
    (warning,) = academic_warnings(app.warning.getvalue())
    assert "metrics.json:3: WARNING: few2020.citations.openalex.count:" in warning
    html = parse_html(app.outdir / "index.html")
    assert html.select_one(".by-citations #pub-few2020 .academic-pub-citations") is None
    assert html.select_one(".by-citations #pub-many2019 .academic-pub-citations") is not None


def test_an_unknown_source_warns(site: Path) -> None:
    app = build_app(site, confoverrides={"academic_citation_source": "scholar"})
    (warning,) = academic_warnings(app.warning.getvalue())
    assert "academic_citation_source 'scholar' is not one of" in warning


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "not a sphinx-academic metrics file"),
        ('{"format": "other", "version": 1}', "not a sphinx-academic metrics file (format"),
        ('{"format": "sphinx-academic-metrics", "version": 9}', "version 9 is newer"),
    ],
)
def test_files_of_another_format_give_one_problem(text: str, message: str) -> None:
    metrics, problems = parse_metrics("m.json", text)
    assert metrics.entries == {}
    assert [p.subtype for p in problems] == ["metrics"]
    assert message in problems[0].message


def test_the_file_is_a_dependency_of_the_pages_that_use_it(site: Path) -> None:
    (site / "other.rst").write_text("Other\n=====\n\nNo counts here.\n")
    build_app(site)
    data = json.loads((site / "metrics.json").read_text())
    data["entries"]["few2020"]["citations"]["openalex"]["count"] = 99
    (site / "metrics.json").write_text(json.dumps(data))
    later = (int(time.time()) + 10) * 10**9  # newer than the pages' reading, on any clock
    os.utime(site / "metrics.json", ns=(later, later))
    app = build_app(site)
    status = app.status.getvalue()
    html = parse_html(app.outdir / "index.html")
    assert [c["id"] for c in html.select(".cited .academic-pub")] == [
        "pub-few2020-2",
        "pub-many2019-2",
    ]
    read = [line for line in status.splitlines() if line.startswith("reading sources")]
    assert "4 changed" in status  # the list and the three pages with a badge
    assert not any("other" in line for line in read)


def test_a_build_never_imports_the_network_client(site: Path) -> None:
    checkout = Path(__file__).resolve().parents[1]
    code = (
        "import sys\n"
        "import sphinx_academic\n"
        "from sphinx.cmd.build import build_main\n"
        f"assert build_main(['-q', '-b', 'html', {str(site)!r}, {str(site / '_build')!r}]) == 0\n"
        "network = ('httpx', 'sphinx_academic.scholarly')\n"
        "print(sphinx_academic.__file__)\n"
        "print(sorted(name for name in sys.modules if name.startswith(network)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=checkout, capture_output=True, text=True, check=True
    )
    module_file, imported = done.stdout.splitlines()
    assert module_file.startswith(str(checkout))  # this checkout's code was built with
    assert imported == "[]"
    assert (site / "_build" / "index.html").exists()


def test_read_metrics_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    metrics, problems = read_metrics(str(tmp_path / "none.json"))
    assert (metrics.entries, problems) == ({}, [])


def test_a_metrics_file_added_later_rereads_the_pages_that_show_counts(site: Path) -> None:
    """The first ``sphinx-academic metrics`` run writes the file: the next build shows the
    counts, also when the file arrives with an old modification time (``git checkout``)."""
    data = (site / "metrics.json").read_bytes()
    (site / "metrics.json").unlink()
    (site / "other.rst").write_text("Other\n=====\n\nNo counts here.\n")
    build_app(site)
    (site / "metrics.json").write_bytes(data)
    os.utime(site / "metrics.json", ns=(0, 0))
    app = build_app(site)
    html = parse_html(app.outdir / "index.html")
    badge = html.select_one(".by-citations #pub-many2019 .academic-pub-citations abbr")
    assert badge is not None and badge.get_text() == "Cited by 1234"
    read = [line for line in app.status.getvalue().splitlines() if "other" in line]
    assert not any(line.startswith("reading sources") for line in read)


def test_counts_and_their_date_in_the_projects_language(tmp_path: Path) -> None:
    srcdir = tmp_path / "metrics"
    shutil.copytree(ROOTS / "test-metrics", srcdir)
    app = build_app(srcdir, confoverrides={"language": "de"})
    html = parse_html(app.outdir / "index.html")
    badge = html.select_one(".by-citations #pub-many2019 .academic-pub-citations abbr")
    assert badge is not None
    assert badge.get_text() == "1234-mal zitiert"
    assert badge["title"] == "OpenAlex, 30.11.2026"
    totals = html.select_one(".academic-profile .academic-profile-metrics")
    assert totals is not None
    assert " ".join(totals.get_text().split()) == (
        "Zitationen 1.237 · h-Index 2 (OpenAlex, 30.11.2026)"
    )

"""The benchmark (``python -m benchmarks``) at a tiny size, so that it never rots.

No timing is asserted here: only that every project builds without warnings, that the
report has every row, ratio and target, that the JSON parses, and that each plain-reST
floor shows the same text as the page it stands in for (else the ratios compare
different pages). sphinxcontrib-bibtex is in the ``test`` extra, so its comparison
project is built here too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
PUBLICATIONS = ("floor", "bibtex", "list", "card")
PROFILE = ("news-floor", "news", "timeline-floor", "timeline")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("bench")
    command = [
        sys.executable,
        "-m",
        "benchmarks",
        "--sizes",
        "100",
        "--repeat",
        "1",
        "--fast-rounds",
        "1",
    ]
    command += ["--news", "40", "--timeline", "20", "--work", str(folder / "work")]
    command += ["--out", str(folder / "out")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return folder, done.stdout


def test_json_has_every_build(run: tuple[Path, str]) -> None:
    folder, _ = run
    data = json.loads((folder / "out" / "results.json").read_text(encoding="utf-8"))
    builds = {(row["project"], row["size"]): row for row in data["builds"]}
    expected = {(name, 100) for name in PUBLICATIONS} | {
        ("news-floor", 40),
        ("news", 40),
        ("timeline-floor", 20),
        ("timeline", 20),
    }
    assert set(builds) == expected
    for row in builds.values():
        assert row["warnings"] == 0, row
        assert all(row[kind] > 0 for kind in ("full", "noop", "edit")), row
        assert row["peak_mib"] > 0
        assert row["noop_reread"] == [], row  # a no-op rebuild reads nothing
    assert builds["list", 100]["edit_reread"] == ["publications"]
    assert builds["news", 40]["edit_reread"] == ["news"]  # not index or about
    assert builds["timeline", 20]["edit_reread"] == ["timeline"]
    assert data["meta"]["theme"] == "alabaster"


def test_report_has_every_ratio_and_target(run: tuple[Path, str]) -> None:
    folder, stdout = run
    markdown = (folder / "out" / "results.md").read_text(encoding="utf-8")
    assert markdown == stdout
    for comparison in ("list / floor", "card / bibtex", "news / news-floor", "timeline / "):
        assert f"| {comparison}" in markdown
    data = json.loads((folder / "out" / "results.json").read_text(encoding="utf-8"))
    names = [target["name"] for target in data["targets"]]
    for fragment in (
        "`:style: list`, 2,000 entries",
        "`:style: card`, 2,000 entries",
        "`news` page",
        "`timeline` page",
        "10,000 / 1,000",
        "no-op rebuild",
        "pages re-read after an edit",
        "peak memory",
    ):
        assert any(fragment in name for name in names), fragment
    # Sizes not built in this run are reported as such, not as failures.
    measured = {target["name"]: target["met"] for target in data["targets"]}
    assert measured["`:style: list`, 2,000 entries: full build / floor"] is None


def _texts(path: Path, selector: str) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one('[role="main"]') or soup
    return [" ".join(node.get_text().split()) for node in body.select(selector)]


@pytest.mark.parametrize(
    ("floor", "page", "document", "selector"),
    [
        ("floor-100", "list-100", "publications", "p.academic-pub-line"),
        ("news-floor", "news", "news", ".academic-news-item p"),
        ("timeline-floor", "timeline", "timeline", ".academic-timeline-entry :is(p, li)"),
    ],
)
def test_floor_shows_the_same_text(
    run: tuple[Path, str], floor: str, page: str, document: str, selector: str
) -> None:
    work = run[0] / "work"
    shown = _texts(work / page / "build" / "html" / f"{document}.html", selector)
    # The floor's paragraphs and list items, without the page's introduction.
    written = _texts(work / floor / "build" / "html" / f"{document}.html", "section p, li")
    assert shown
    assert written == shown

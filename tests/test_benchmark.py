"""The benchmark (``python -m benchmarks``) at a tiny size, so that it never rots.

No timing is asserted here: only that every project builds without warnings, that the
report has every row, ratio and target, that the JSON parses, and that each plain-reST
floor shows the same text as the page it stands in for (else the ratios compare
different pages). sphinxcontrib-bibtex is in the ``test`` extra, so its comparison
project is built here too.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


@pytest.fixture
def measuring(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """``benchmarks.measure``, from the checkout (the benchmark is not installed)."""
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("benchmarks.measure")


@pytest.mark.parametrize(
    ("median", "repeat", "extra", "expected"),
    [
        (4.0, 3, 15, 3),  # not a fast build: --repeat only
        (12.0, 3, 15, 3),
        (3.9, 3, 15, 16),  # a minute of builds
        (2.0, 3, 15, 30),
        (1.3, 3, 15, 45),  # at most --fast-rounds times --repeat
        (0.2, 3, 15, 45),
        (3.9, 3, 5, 15),  # at most 5 times 3
        (1.0, 3, 5, 15),
        (3.9, 1, 15, 15),
        (1.0, 1, 1, 1),  # --fast-rounds 1: no more than --repeat
        (1.0, 2, 3, 6),  # the fewest is never more than the most
        (0.0, 3, 15, 45),
    ],
)
def test_rounds_for(
    measuring: ModuleType, median: float, repeat: int, extra: int, expected: int
) -> None:
    assert measuring.rounds_for(median, repeat, extra) == expected


def test_compared_projects_get_as_many_rounds(
    measuring: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The group's slowest fast build sets the rounds of every fast project in it; a slow
    project keeps --repeat; the projects still take turns."""
    from benchmarks.projects import Project

    seconds = {"quick": 0.5, "slower": 2.5, "slow": 9.0}
    order: list[str] = []

    def build(project: Project) -> Any:
        order.append(project.variant)
        return measuring.Build(seconds[project.variant], seconds[project.variant], 1.0, ())

    class NoEdit:
        def apply(self, number: int) -> None:
            pass

    monkeypatch.setattr(measuring, "build", build)
    monkeypatch.setattr("benchmarks.measure.time.sleep", lambda _: None)
    projects = [Project(name, 1, Path("/nonexistent"), NoEdit()) for name in seconds]  # type: ignore[arg-type]
    series = measuring.measure(projects, 3, lambda _: None, 15)
    counts = {
        one.project.variant: [len(getattr(one, k)) for k in ("full", "noop", "edit")]
        for one in series
    }
    wanted = measuring.rounds_for(2.5, 3, 15)
    assert wanted == 24
    assert counts == {"quick": [wanted] * 3, "slower": [wanted] * 3, "slow": [3, 3, 3]}
    # After the first three rounds (all three projects), the two fast ones alternate.
    extra_full = order[9 : 9 + 2 * (wanted - 3)]
    assert extra_full[:4] in (
        ["slower", "quick", "quick", "slower"],
        ["quick", "slower", "slower", "quick"],
    )

"""Builds in separate processes: time, peak memory, and which pages were re-read.

Each build is ``python -m sphinx -q -b html`` in a fresh process, as a user runs it, so
interpreter start-up, imports, the pickled environment and the written pages are all
counted. The CPU time of the process (user + system) comes from ``os.wait4``, its peak
resident memory from the process itself (see ``_SPHINX``). CPU time is what the ratios
use: a build is one process on one core, so on an idle machine it equals the wall-clock
time, and unlike the wall-clock time (also recorded) it does not grow when other programs
share the machine. A page counts as re-read when its pickled doctree was written again.

Builds run as an installed package runs: from compiled bytecode. :func:`compile_package`
compiles the extension first (an editable install has none, and ``PYTHONDONTWRITEBYTECODE``
would keep every build compiling it again), and the builds may write bytecode.
"""

from __future__ import annotations

import compileall
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.projects import Project


@dataclass(frozen=True)
class Build:
    """One build: CPU and wall-clock seconds, peak RSS in MiB, pages re-read, warnings."""

    cpu: float
    wall: float
    peak_mib: float
    reread: tuple[str, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class Series:
    """Every build of one project: full builds, no-op rebuilds, rebuilds after an edit."""

    project: Project
    full: list[Build] = field(default_factory=list)
    noop: list[Build] = field(default_factory=list)
    edit: list[Build] = field(default_factory=list)

    @staticmethod
    def median(builds: list[Build]) -> float | None:
        return statistics.median(b.cpu for b in builds) if builds else None

    @property
    def peak_mib(self) -> float | None:
        return statistics.median(b.peak_mib for b in self.full) if self.full else None

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for b in self.full + self.noop + self.edit for w in b.warnings)


def _doctree_stamps(doctrees: Path) -> dict[str, int]:
    if not doctrees.is_dir():
        return {}
    return {
        path.relative_to(doctrees).with_suffix("").as_posix(): path.stat().st_mtime_ns
        for path in doctrees.rglob("*.doctree")
    }


#: ``python -m sphinx ARGS`` that also writes the process's peak resident memory (Linux's
#: VmHWM) to the file named first. ``os.wait4`` alone is not enough: Linux counts the
#: memory of the process that started the build (this runner, holding the generated
#: data) into the child's maximum, since the child is a copy of it until ``exec``.
_SPHINX = """\
import runpy, sys
report, sys.argv = sys.argv[1], ["sphinx", *sys.argv[2:]]
try:
    runpy.run_module("sphinx", run_name="__main__", alter_sys=True)
finally:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = ""
    with open(report, "w", encoding="ascii") as stream:
        stream.write(peak)
"""


def compile_package(path: str) -> None:
    """Compile the package at ``path`` (its ``__init__.py``) to bytecode, as pip does
    when it installs one."""
    if path.endswith("__init__.py"):
        compileall.compile_dir(os.path.dirname(path), quiet=1)


def _environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def build(project: Project) -> Build:
    """Build ``project`` once (incrementally if its output folders exist)."""
    before = _doctree_stamps(project.doctrees)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "peak"
        command = [sys.executable, "-c", _SPHINX, str(report), "-q", "-b", "html"]
        command += ["-d", str(project.doctrees), str(project.src), str(project.outdir)]
        with (Path(folder) / "output").open("w+b") as output:
            start = time.perf_counter()
            # cwd: the project, so the extension is the installed one, never a checkout's.
            process = subprocess.Popen(
                command, cwd=project.src, env=_environment(), stdout=output, stderr=output
            )
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
        peak_kib = report.read_text(encoding="ascii") if report.exists() else ""
    if process.returncode != 0:
        raise RuntimeError(f"building {project.src} failed:\n{text}")
    after = _doctree_stamps(project.doctrees)
    reread = tuple(sorted(doc for doc, stamp in after.items() if before.get(doc) != stamp))
    warnings = tuple(line for line in text.splitlines() if "WARNING" in line)
    cpu = usage.ru_utime + usage.ru_stime
    # Without /proc (not Linux), the rusage maximum, which may include the runner's.
    peak = int(peak_kib) / 1024 if peak_kib.isdigit() else usage.ru_maxrss / 1024
    return Build(cpu, wall, peak, reread, warnings)


#: Builds whose median is under this many seconds get more rounds: a one-second build
#: varies by a fifth from one run to the next on a shared machine, and the ratio of two
#: medians of fifteen such builds still moved by a tenth from one run of the benchmark to
#: the next (resampling one run's builds: a spread of 0.05 to 0.11, against 0.01 to 0.03
#: with 37 to 45 builds).
FAST_BUILD = 4.0
#: The most rounds of a fast build, as a multiple of ``repeat`` (``--fast-rounds``).
EXTRA_ROUNDS = 15
#: The fewest rounds of a fast build, as a multiple of ``repeat`` (at most the most).
LEAST_EXTRA_ROUNDS = 5
#: Between those, fast builds run as many rounds as take about this many seconds: the
#: shorter the build, the more rounds its median needs and the less they cost.
MEASURED_SECONDS = 60.0


def rounds_for(median: float, repeat: int, extra_rounds: int = EXTRA_ROUNDS) -> int:
    """How many builds of one kind each project of a group gets, when the slowest of the
    group's builds of that kind has taken ``median`` seconds so far."""
    if median >= FAST_BUILD:
        return repeat
    most = repeat * extra_rounds
    least = min(repeat * LEAST_EXTRA_ROUNDS, most)
    wanted = math.ceil(MEASURED_SECONDS / median) if median > 0 else most
    return max(least, min(most, wanted))


def measure(
    projects: list[Project],
    repeat: int,
    log: Callable[[str], None],
    extra_rounds: int = EXTRA_ROUNDS,
) -> list[Series]:
    """For each project: ``repeat`` full builds (fresh output folders), then ``repeat``
    no-op rebuilds, then ``repeat`` rebuilds each after editing one entry of the data;
    fast builds get more rounds (see ``FAST_BUILD`` and :func:`rounds_for`).

    The projects take turns (floor, bibtex, list, card, floor, ...), so that a busy
    moment on the machine slows every project compared, not just one of them; each round
    starts one project later than the one before (bibtex, list, card, floor, ...), so
    that no project always runs just after the same one (after sphinxcontrib-bibtex's
    long builds the machine may run slower for a moment).
    """
    series = [Series(project) for project in projects]

    def full(one: Series, index: int) -> None:
        shutil.rmtree(one.project.root / "build", ignore_errors=True)
        one.full.append(_logged(one.project, log, f"full build {index + 1}"))

    def noop(one: Series, index: int) -> None:
        one.noop.append(_logged(one.project, log, f"no-op rebuild {index + 1}"))

    def edit(one: Series, index: int) -> None:
        time.sleep(0.02)  # an edit visibly later than the build before, on any file system
        one.project.edit.apply(index + 1)
        one.edit.append(_logged(one.project, log, f"edit one entry {index + 1}"))

    for kind, run in (("full", full), ("noop", noop), ("edit", edit)):
        for index in range(repeat):
            for one in _rotated(series, index):
                run(one, index)
        # Decided once, so that every project's rounds stay consecutive (edits build on
        # the one before), and for the whole group, so that the projects compared have as
        # many builds each.
        medians = {id(one): Series.median(getattr(one, kind)) or 0.0 for one in series}
        fast = [one for one in series if medians[id(one)] < FAST_BUILD]
        total = (
            rounds_for(max(medians[id(one)] for one in fast), repeat, extra_rounds) if fast else 0
        )
        for index in range(repeat, total):
            for one in _rotated(fast, index):
                run(one, index)
    return series


def _rotated(series: list[Series], index: int) -> list[Series]:
    """The projects in turn, starting with number ``index`` (round robin)."""
    if not series:
        return series
    start = index % len(series)
    return series[start:] + series[:start]


def _logged(project: Project, log: Callable[[str], None], what: str) -> Build:
    result = build(project)
    log(
        f"{project.variant} N={project.size}: {what}: {result.cpu:.2f} s CPU "
        f"({result.wall:.2f} s wall), {result.peak_mib:.0f} MiB, re-read {len(result.reread)}"
    )
    return result

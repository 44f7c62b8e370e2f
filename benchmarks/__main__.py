"""``python -m benchmarks``: generate the inputs, build every project, print the report.

Run it from the repository's root, in an environment with the package installed and the
``bench`` extra (``pip install -e '.[bench]'``, or ``tox -e bench``).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import data
from benchmarks.measure import (
    EXTRA_ROUNDS,
    FAST_BUILD,
    LEAST_EXTRA_ROUNDS,
    MEASURED_SECONDS,
    Series,
    compile_package,
    measure,
)
from benchmarks.projects import (
    PROFILE_VARIANTS,
    PUBLICATION_VARIANTS,
    THEME,
    VARIANTS,
    write_profile,
    write_publications,
)
from benchmarks.report import Report

WORK = Path(__file__).parent / "_work"


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be whole numbers >= 1")
    return sizes


def _variants(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(chosen) - set(VARIANTS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {unknown}; choose from {', '.join(VARIANTS)}")
    return chosen


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[100, 1000, 2000, 10000],
        help="numbers of bib entries (default: 100,1000,2000,10000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="builds of each kind per project; the median is reported (3)",
    )
    parser.add_argument(
        "--fast-rounds",
        type=int,
        default=EXTRA_ROUNDS,
        help=(
            f"builds under {FAST_BUILD:g} s run as many rounds as take about "
            f"{MEASURED_SECONDS:g} s, {LEAST_EXTRA_ROUNDS} to this many times --repeat "
            f"({EXTRA_ROUNDS})"
        ),
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=WORK / "results",
        help="folder for results.md and results.json (benchmarks/_work/results)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=WORK,
        help="folder for the generated projects (benchmarks/_work)",
    )
    parser.add_argument(
        "--variants",
        type=_variants,
        default=list(VARIANTS),
        help=f"projects to build (default: all: {','.join(VARIANTS)})",
    )
    parser.add_argument("--news", type=int, default=1000, help="news items in the profile (1000)")
    parser.add_argument(
        "--timeline", type=int, default=500, help="timeline entries in the profile (500)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated data")
    parser.add_argument("--theme", default=THEME, help=f"the HTML theme of every project ({THEME})")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a measured target is not met"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.fast_rounds < 1:
        parser.error("--repeat and --fast-rounds must be at least 1")
    return args


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _extension_path(work: Path) -> str:
    """Where the builds import the extension from (a checkout on PYTHONPATH, or the
    installed package)."""
    work.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-c", "import sphinx_academic; print(sphinx_academic.__file__)"]
    found = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    return found.stdout.strip() or found.stderr.strip()


def meta(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sphinx": _version("sphinx"),
        "docutils": _version("docutils"),
        "sphinx-academic": _version("sphinx-academic"),
        "sphinx-academic path": _extension_path(args.work),
        "sphinxcontrib-bibtex": _version("sphinxcontrib-bibtex"),
        "theme": args.theme,
        "repeat": args.repeat,
        "fast rounds": args.fast_rounds,
        "sizes": args.sizes,
        "news": args.news,
        "timeline": args.timeline,
        "seed": args.seed,
    }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> Report:
    compile_package(_extension_path(args.work))
    variants = list(args.variants)
    if "bibtex" in variants and importlib.util.find_spec("sphinxcontrib.bibtex") is None:
        log(
            "sphinxcontrib-bibtex is not installed: its comparison is left out "
            "(pip install -e '.[bench]')"
        )
        variants.remove("bibtex")
    series: list[Series] = []
    for size in args.sizes:
        papers = data.papers(size, args.seed)
        projects = [
            write_publications(variant, papers, args.work / f"{variant}-{size}", args.theme)
            for variant in PUBLICATION_VARIANTS
            if variant in variants
        ]
        series += measure(projects, args.repeat, log, args.fast_rounds)
    if any(v in variants for v in PROFILE_VARIANTS):
        profile = data.profile(args.seed, args.news, args.timeline)
        projects = [
            write_profile(variant, profile, args.work / variant, args.theme)
            for variant in PROFILE_VARIANTS
            if variant in variants
        ]
        series += measure(projects, args.repeat, log, args.fast_rounds)
    return Report(series, meta(args))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    markdown, data_file = report.write(args.out)
    print(report.markdown(), end="")
    log(f"written: {markdown} and {data_file}")
    return 1 if args.check and not report.all_met else 0


if __name__ == "__main__":
    sys.exit(main())

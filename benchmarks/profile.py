"""``python -m benchmarks.profile PROJECT``: where one build of a generated project spends
its CPU time.

PROJECT is a folder the benchmark wrote (``benchmarks/_work/card-2000``). The build runs
in this process under :mod:`cProfile`, timed with the process's CPU clock so that other
programs on the machine do not distort the picture, and the functions with the most
cumulative time are printed. ``--noop`` profiles a rebuild with nothing changed (a full
build is made first when there is none); ``--save FILE`` keeps the statistics for
``python -m pstats FILE`` or a viewer such as snakeviz.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import time
from pathlib import Path


def _build(project: Path) -> None:
    from sphinx.cmd.build import build_main

    source, build = project / "src", project / "build"
    status = build_main(
        ["-q", "-b", "html", "-d", str(build / "doctrees"), str(source), str(build / "html")]
    )
    if status:
        raise SystemExit(f"the build of {project} failed ({status})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("project", type=Path, help="a project folder under benchmarks/_work")
    parser.add_argument("--noop", action="store_true", help="profile a no-op rebuild")
    parser.add_argument("--top", type=int, default=40, help="lines to print (40)")
    parser.add_argument("--save", type=Path, help="write the pstats file here")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if not (project / "src" / "conf.py").is_file():
        parser.error(f"{project} is not a generated project (no src/conf.py)")
    if args.noop and not (project / "build" / "doctrees").is_dir():
        _build(project)
    if not args.noop:
        shutil.rmtree(project / "build", ignore_errors=True)
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(_build, project)
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(args.save)
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``sphinx-academic`` command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from sphinx_academic import __version__
from sphinx_academic.problems import Problem
from sphinx_academic.readers.bibtex import merge_files, read_bibtex


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    result: int = args.run(args)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-academic", description="Tools for sphinx-academic sites."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands")
    check = commands.add_parser(
        "check",
        help="report every problem in the configured data files, without building",
        description="Load the BibTeX files configured in conf.py and print each problem as "
        "file:line:col: message [subtype]. Exits with 1 when there is any problem.",
    )
    check.add_argument("confdir", nargs="?", default=".", help="folder with conf.py")
    check.set_defaults(run=_check)
    return parser


def _check(args: argparse.Namespace) -> int:
    confdir = os.path.abspath(args.confdir)
    try:
        bibfiles = _configured_bibfiles(confdir)
    except Exception as error:  # conf.py is user code; report, don't trace back
        print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
        return 2
    problems = check_bibfiles(bibfiles)
    for problem in problems:
        print(f"{problem.location}: {problem.message} [{problem.subtype}]")
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} in {len(bibfiles)} file(s)", file=sys.stderr)
    return 1 if problems else 0


def _configured_bibfiles(confdir: str) -> list[str]:
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    config = Config.read(confdir, overrides={}, tags=Tags())
    names = config._raw_config.get("academic_bibfiles", [])
    return [os.path.normpath(os.path.join(confdir, name)) for name in names]


def check_bibfiles(paths: Sequence[str]) -> list[Problem]:
    """Every problem a build would report about these files."""
    files = [read_bibtex(path) for path in paths]
    problems = [problem for bibfile in files for problem in bibfile.problems]
    return problems + merge_files(files)[1]


if __name__ == "__main__":
    raise SystemExit(main())

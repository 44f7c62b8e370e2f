"""The ``sphinx-academic`` command."""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Sequence
from typing import Any

from sphinx_academic import __version__
from sphinx_academic.diagnostics import WARNING_TYPE
from sphinx_academic.problems import Problem
from sphinx_academic.readers.bibtex import merge_files, read_bibtex
from sphinx_academic.readers.profile import read_profiles


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
    except BrokenPipeError:  # `sphinx-academic schema | head`: the reader had enough
        sys.stderr.close()
        return 0
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
        description="Check the academic_* values of conf.py and load the BibTeX and profile "
        "files it configures; print each problem as "
        "file:line:col: message [subtype]. Exits with 1 when there is any problem.",
    )
    check.add_argument("confdir", nargs="?", default=".", help="folder with conf.py")
    check.set_defaults(run=_check)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the profile format (for editor completion)",
        description="Print the JSON Schema of the native profile format (JSON Resume with "
        "news and custom sections). Point your editor at it with a first line such as "
        "'# yaml-language-server: $schema=profile.schema.json'.",
    )
    schema.set_defaults(run=_schema)
    _add_quickstart(commands)
    return parser


def _add_quickstart(commands: Any) -> None:
    quickstart = commands.add_parser(
        "quickstart",
        help="write a complete personal site (profile, news, publications, CV) into DIR",
        description="Write a site that builds with 'sphinx-build -W' at once: conf.py on "
        "furo, pages, an example profile.yaml and papers.bib, a .gitignore and a GitHub "
        "Actions workflow that builds with -W and publishes to GitHub Pages.",
    )
    quickstart.add_argument("directory", help="folder to write the site into")
    quickstart.add_argument("--no-input", action="store_true", help="ask nothing; use defaults")
    quickstart.add_argument("--force", action="store_true", help="overwrite existing files")
    quickstart.add_argument("--name")
    quickstart.add_argument("--label", help="your position")
    quickstart.add_argument("--email")
    quickstart.add_argument("--url", help="the address the site will have")
    quickstart.add_argument("--theme", help="furo (default), alabaster, pydata_sphinx_theme, ...")
    quickstart.add_argument(
        "--markdown",
        action="store_true",
        default=None,
        help="pages in Markdown (MyST) instead of reStructuredText",
    )
    quickstart.add_argument(
        "--from-jsonresume",
        metavar="FILE",
        help="use an existing JSON Resume (resume.json) as the profile",
    )
    quickstart.add_argument(
        "--from-rendercv",
        metavar="FILE",
        help="use an existing RenderCV file (cv.yaml) as the profile",
    )
    quickstart.add_argument("--bib", metavar="FILE", help="use an existing BibTeX file")
    quickstart.set_defaults(run=_quickstart)


def _quickstart(args: argparse.Namespace) -> int:
    from sphinx_academic.quickstart import QuickstartError, answers_from, ask, write_site

    answers = answers_from(vars(args))
    try:
        if not args.no_input:
            ask(answers)
        written = write_site(args.directory, answers, force=args.force)
    except (QuickstartError, EOFError, KeyboardInterrupt) as error:
        print(f"sphinx-academic quickstart: {error or 'cancelled'}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files into {args.directory}. Build the site with:")
    output = os.path.join(args.directory, "_build", "html")
    print(f"    sphinx-build -W {shlex.quote(args.directory)} {shlex.quote(output)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from sphinx_academic.model.profile import json_schema

    print(json.dumps(json_schema(), indent=2, sort_keys=True))
    return 0


def _check(args: argparse.Namespace) -> int:
    confdir = os.path.abspath(args.confdir)
    try:
        bibfiles, profiles, suppressed, config_problems = _configured_files(confdir)
    except Exception as error:  # conf.py is user code; report, don't trace back
        print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
        return 2
    problems = config_problems + check_bibfiles(bibfiles)
    problems += read_profiles(profiles)[1] if profiles else []
    problems = [p for p in problems if not _suppressed(p, suppressed)]
    for problem in problems:
        print(f"{problem.location}: {problem.message} [{WARNING_TYPE}.{problem.subtype}]")
    count, files = len(problems), len(bibfiles) + len(profiles)
    print(f"{count} problem{'s' if count != 1 else ''} in {files} file(s)", file=sys.stderr)
    return 1 if problems else 0


def _suppressed(problem: Problem, suppressed: set[str]) -> bool:
    """Whether ``suppress_warnings`` in conf.py silences this problem, as in a build."""
    return WARNING_TYPE in suppressed or f"{WARNING_TYPE}.{problem.subtype}" in suppressed


def _configured_files(confdir: str) -> tuple[list[str], list[str], set[str], list[Problem]]:
    """The bib and profile files conf.py configures (absolute paths), the warnings it
    suppresses, and its ``academic_*`` values of the wrong type (as the build reports them)."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    from sphinx_academic.config import check_values

    raw = Config.read(confdir, overrides={}, tags=Tags())._raw_config
    conf_path = os.path.join(confdir, "conf.py")
    with open(conf_path, encoding="utf-8") as file:
        values, problems = check_values(raw, conf_path, file.read())

    def absolute(name: str) -> list[str]:
        names = values.get(name, [])
        assert isinstance(names, list)
        return [os.path.normpath(os.path.join(confdir, name)) for name in names]

    suppressed = set(raw.get("suppress_warnings", []))
    bibfiles, profiles = absolute("academic_bibfiles"), absolute("academic_profile")
    return bibfiles, profiles, suppressed, problems


def check_bibfiles(paths: Sequence[str]) -> list[Problem]:
    """Every problem a build would report about these files."""
    files = [read_bibtex(path) for path in paths]
    problems = [problem for bibfile in files for problem in bibfile.problems]
    return problems + merge_files(files)[1]


if __name__ == "__main__":
    raise SystemExit(main())

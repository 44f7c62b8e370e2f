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
from sphinx_academic.diagnostics import WARNING_TYPE, Problem
from sphinx_academic.readers.bibtex import merge_files, read_bibtex
from sphinx_academic.readers.coauthors import read_coauthors
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
        description="Check the academic_* values of conf.py and load the BibTeX, profile and "
        "co-authors "
        "files it configures; print each problem as "
        "file:line:col: message [subtype]. Exits with 1 when there is any problem.",
    )
    check.add_argument("confdir", nargs="?", default=".", help="folder with conf.py")
    check.set_defaults(run=_check)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the profile format (for editor completion)",
        description="Print the JSON Schema of the native profile format (JSON Resume with "
        "news and custom sections), or with --coauthors of the co-authors file. Point "
        "your editor at it with a first line such as "
        "'# yaml-language-server: $schema=profile.schema.json'.",
    )
    schema.add_argument(
        "--coauthors",
        action="store_true",
        help="the schema of the co-authors file (academic_coauthors) instead",
    )
    schema.set_defaults(run=_schema)
    _add_quickstart(commands)
    _add_metrics(commands)
    _add_import(commands)
    return parser


_SCHOLARLY_MISSING = (
    "sphinx-academic {command}: needs the HTTP client httpx; install it with "
    "pip install 'sphinx-academic[scholarly]'"
)


def _add_metrics(commands: Any) -> None:
    metrics = commands.add_parser(
        "metrics",
        help="fetch citation counts for the configured bib files into the metrics file",
        description="Look every entry of the bib files conf.py configures up at open "
        "scholarly services (by DOI, arXiv id, the service's own id, or an unambiguous "
        "title and year) and write the counts, totals and h-index into the metrics file "
        "(academic_metrics, default metrics.json beside conf.py). Values that cannot be "
        "refreshed are kept. Exits with 0 on success, 1 when some requests failed, 2 when "
        "nothing could be fetched.",
    )
    metrics.add_argument("confdir", nargs="?", default=".", help="folder with conf.py")
    metrics.add_argument(
        "--source",
        action="append",
        choices=("openalex", "crossref", "semanticscholar", "inspire"),
        help="service to ask (repeat for several; default: openalex)",
    )
    metrics.add_argument(
        "--mailto",
        help="contact address sent to the services (default: the profile's email)",
    )
    metrics.set_defaults(run=_metrics)


def _add_import(commands: Any) -> None:
    importer = commands.add_parser(
        "import",
        help="add a person's works from ORCID, DBLP, OpenAlex or DOIs to a bib file",
        description="Append BibTeX entries (al-folio style, keys like smith2020deep) for "
        "the works of an ORCID iD, a DBLP person id, an OpenAlex author id, or a list of "
        "DOIs. Works already in the file (same DOI, arXiv id or title) are skipped; the "
        "file's existing text is never rewritten.",
    )
    importer.add_argument("source", choices=("orcid", "dblp", "openalex", "doi"))
    importer.add_argument("ids", nargs="+", metavar="ID", help="the person's id, or DOIs")
    importer.add_argument("--bib", required=True, metavar="FILE", help="bib file to add to")
    importer.add_argument(
        "--update", action="store_true", help="add missing fields to entries already there"
    )
    importer.add_argument("--dry-run", action="store_true", help="print what would change")
    importer.add_argument("--mailto", default="", help="contact address sent to the services")
    importer.set_defaults(run=_import)


def _metrics(args: argparse.Namespace) -> int:
    try:
        from sphinx_academic.scholarly import metricscommand
    except ImportError:
        print(_SCHOLARLY_MISSING.format(command="metrics"), file=sys.stderr)
        return 2
    confdir = os.path.abspath(args.confdir)
    try:
        raw = _raw_config(confdir)
    except Exception as error:  # conf.py is user code; report, don't trace back
        print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
        return 2
    settings = metricscommand.Settings(
        bib_paths=_absolute(confdir, list(raw.get("academic_bibfiles", []))),
        metrics_path=os.path.join(confdir, str(raw.get("academic_metrics") or "metrics.json")),
        sources=list(dict.fromkeys(args.source or ["openalex"])),
        mailto=args.mailto or _profile_email(confdir, raw),
    )
    try:
        outcome = metricscommand.run(settings)
    except metricscommand.CommandError as error:
        print(f"sphinx-academic metrics: {error}", file=sys.stderr)
        return 2
    for line in metricscommand.summary(outcome, settings):
        print(line, file=sys.stderr)
    return outcome.status


def _import(args: argparse.Namespace) -> int:
    try:
        from sphinx_academic.scholarly import importcommand
        from sphinx_academic.scholarly.http import ServiceError
        from sphinx_academic.scholarly.metricscommand import CommandError
    except ImportError:
        print(_SCHOLARLY_MISSING.format(command="import"), file=sys.stderr)
        return 2
    request = importcommand.ImportRequest(
        args.source, args.ids, args.bib, args.update, args.dry_run, args.mailto
    )
    try:
        changes = importcommand.import_works(request, importcommand.fetch(request))
    except (CommandError, ServiceError) as error:
        print(f"sphinx-academic import: {error}", file=sys.stderr)
        return 2
    for line in importcommand.report(changes, request):
        print(line)
    return 0


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
    from sphinx_academic.model.coauthor_schema import coauthors_json_schema
    from sphinx_academic.model.profile import json_schema

    schema = coauthors_json_schema() if args.coauthors else json_schema()
    print(json.dumps(schema, indent=2, sort_keys=True))
    return 0


def _check(args: argparse.Namespace) -> int:
    confdir = os.path.abspath(args.confdir)
    try:
        bibfiles, profiles, coauthors, suppressed, config_problems = _configured_files(confdir)
    except Exception as error:  # conf.py is user code; report, don't trace back
        print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
        return 2
    problems = config_problems + check_bibfiles(bibfiles)
    problems += read_profiles(profiles)[1] if profiles else []
    problems += [problem for path in coauthors for problem in read_coauthors(path)[1]]
    problems = [p for p in problems if not _suppressed(p, suppressed)]
    for problem in problems:
        print(f"{problem.location}: {problem.message} [{WARNING_TYPE}.{problem.subtype}]")
    count, files = len(problems), len(bibfiles) + len(profiles) + len(coauthors)
    print(f"{count} problem{'s' if count != 1 else ''} in {files} file(s)", file=sys.stderr)
    return 1 if problems else 0


def _suppressed(problem: Problem, suppressed: set[str]) -> bool:
    """Whether ``suppress_warnings`` in conf.py silences this problem, as in a build."""
    return WARNING_TYPE in suppressed or f"{WARNING_TYPE}.{problem.subtype}" in suppressed


def _configured_files(
    confdir: str,
) -> tuple[list[str], list[str], list[str], set[str], list[Problem]]:
    """The bib, profile and co-authors files conf.py configures (absolute paths), the
    warnings it suppresses, and its ``academic_*`` values of the wrong type (as the build
    reports them)."""
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
    coauthors = values.get("academic_coauthors", "")
    assert isinstance(coauthors, str)
    coauthor_files = [os.path.normpath(os.path.join(confdir, coauthors))] if coauthors else []
    return bibfiles, profiles, coauthor_files, suppressed, problems


def _raw_config(confdir: str) -> dict[str, Any]:
    """The values conf.py sets (it runs, as in a build)."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    return dict(Config.read(confdir, overrides={}, tags=Tags())._raw_config)


def _profile_names(raw: dict[str, Any]) -> list[str]:
    profile = raw.get("academic_profile") or []
    return [profile] if isinstance(profile, str) else list(profile)


def _absolute(confdir: str, names: list[str]) -> list[str]:
    return [os.path.normpath(os.path.join(confdir, name)) for name in names]


def _profile_email(confdir: str, raw: dict[str, Any]) -> str:
    """The profile's email address (for the services' polite pools), or ``""``."""
    paths = _absolute(confdir, _profile_names(raw))
    if not paths:
        return ""
    email = read_profiles(paths)[0].basics.email
    return email.removeprefix("mailto:") if isinstance(email, str) else ""


def check_bibfiles(paths: Sequence[str]) -> list[Problem]:
    """Every problem a build would report about these files."""
    files = [read_bibtex(path) for path in paths]
    problems = [problem for bibfile in files for problem in bibfile.problems]
    return problems + merge_files(files)[1]


if __name__ == "__main__":
    raise SystemExit(main())

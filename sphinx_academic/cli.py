"""The ``sphinx-academic`` command."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sphinx_academic import __version__
from sphinx_academic.diagnostics import WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx


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
        help="report every problem a build would report about the data, writing nothing",
        description="Read the site as 'sphinx-build' does, with Sphinx's dummy builder "
        "(every page read and its references resolved, no output written), and print each "
        "problem the build reports about the academic_* settings and the data as "
        "'file:line[:col]: message [academic.subtype]': settings of the wrong type, BibTeX "
        "and profile syntax, unknown or misspelt fields and sections, dates, duplicate "
        "keys, LaTeX that cannot be shown, refused links and identifiers, missing preview "
        "and PDF files or files outside the source folder, directive options, unknown "
        ":pub: keys, the co-authors and metrics files. suppress_warnings in conf.py applies. Exits "
        "with 1 when there is any problem, 2 when the project cannot be read.",
    )
    check.add_argument("confdir", nargs="?", default=".", help="folder with conf.py")
    check.add_argument("--srcdir", help="the source folder, when it is not the folder with conf.py")
    check.set_defaults(run=_check)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the profile format (for editor completion)",
        description="Print the JSON Schema of the native profile format (JSON Resume with "
        "news and custom sections), with --coauthors of the co-authors file, or with "
        "--metrics of the metrics file. Point your editor at it with a first line such as "
        "'# yaml-language-server: $schema=profile.schema.json'.",
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--coauthors",
        action="store_true",
        help="the schema of the co-authors file (academic_coauthors) instead",
    )
    which.add_argument(
        "--metrics",
        action="store_true",
        help="the schema of the metrics file (academic_metrics) instead",
    )
    schema.set_defaults(run=_schema)
    _add_quickstart(commands)
    _add_metrics(commands)
    _add_import(commands)
    _add_migrate(commands)
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
    from sphinx_academic.domain import get_domain
    from sphinx_academic.store import bib_paths, metrics_path

    with tempfile.TemporaryDirectory(prefix="sphinx-academic-metrics-") as build:
        try:
            app = open_project(confdir, None, build, io.StringIO())
        except Exception as error:  # conf.py is user code; report, don't trace back
            print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
            return 2
    email = get_domain(app.env).profile.profile.basics.email or ""
    settings = metricscommand.Settings(
        bib_paths=bib_paths(app),
        metrics_path=metrics_path(app) or os.path.join(confdir, "metrics.json"),
        sources=list(dict.fromkeys(args.source or ["openalex"])),
        mailto=args.mailto or email.removeprefix("mailto:"),
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
        works = importcommand.fetch(request)
        changes = importcommand.import_works(request, works)
    except (CommandError, ServiceError) as error:
        print(f"sphinx-academic import: {error}", file=sys.stderr)
        return 2
    for line in importcommand.report(changes, request):
        print(line)
    missing = importcommand.missing_dois(request, works)
    for doi in missing:
        print(f"sphinx-academic import: openalex has no work with the DOI {doi}", file=sys.stderr)
    return 1 if missing else 0


def _add_migrate(commands: Any) -> None:
    migrate = commands.add_parser(
        "migrate",
        help="convert an academicpages, al-folio or Hugo Blox site's data into profile.yaml "
        "and papers.bib",
        description="Read the data of an academicpages or al-folio (Jekyll) or Hugo Blox "
        "(Wowchemy, Hugo Academic) site and write it as a native profile.yaml (basics, work, "
        "education, talks, teaching, news, projects, ...) and a papers.bib, and copy the files "
        "they refer to (the photo, pictures, PDFs and slides, an al-folio CV file, which the "
        "build reads as it is) into DIR. Items "
        "that cannot be converted are listed on stderr as 'file:line: message'; the rest is "
        "written. Existing files are never replaced without --force. Exits with 0 when the "
        "files were written (or, with --dry-run, shown), 2 when the site cannot be read or "
        "the files not written.",
    )
    migrate.add_argument(
        "kind", choices=("academicpages", "alfolio", "hugoblox"), help="the old site's kind"
    )
    migrate.add_argument("site", metavar="SITE_DIR", help="the old site's folder")
    migrate.add_argument(
        "--out", default=".", metavar="DIR", help="folder to write into (default: this one)"
    )
    migrate.add_argument("--force", action="store_true", help="replace existing files")
    migrate.add_argument(
        "--dry-run", action="store_true", help="print the files instead of writing them"
    )
    migrate.set_defaults(run=_migrate)


def _migrate(args: argparse.Namespace) -> int:
    from sphinx_academic.migrate import academicpages, alfolio, hugoblox
    from sphinx_academic.migrate.frontmatter import MigrateError
    from sphinx_academic.migrate.outputs import planned_outputs, write_outputs

    convert = {
        "academicpages": academicpages.migrate,
        "alfolio": alfolio.migrate,
        "hugoblox": hugoblox.migrate,
    }[args.kind]
    try:
        if not os.path.isdir(args.site):
            raise MigrateError(f"{args.site}: not a folder")
        migration = convert(args.site)
        outputs = planned_outputs(migration, args.out, args.kind)
        for problem in migration.problems:
            print(f"{problem.location}: {problem.message}", file=sys.stderr)
        if not args.dry_run:
            write_outputs(outputs, args.force)
    except (MigrateError, OSError) as error:
        print(f"sphinx-academic migrate: {error}", file=sys.stderr)
        return 2
    for path, text in outputs.texts:
        print(f"--- would write {path}\n{text}" if args.dry_run else f"Wrote {path}")
    for source, target in outputs.copies:
        print(f"{'Would copy' if args.dry_run else 'Copied'} {source} to {target}")
    if not outputs.targets():
        print("sphinx-academic migrate: nothing to convert was found", file=sys.stderr)
    elif migration.advice:
        print("Then, in conf.py:")
        for line in migration.advice:
            print(f"    {line}")
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
    profile = quickstart.add_mutually_exclusive_group()
    profile.add_argument(
        "--from-jsonresume",
        metavar="FILE",
        help="use an existing JSON Resume (resume.json) as the profile",
    )
    profile.add_argument(
        "--from-rendercv",
        metavar="FILE",
        help="use an existing RenderCV file (cv.yaml) as the profile",
    )
    quickstart.add_argument("--bib", metavar="FILE", help="use an existing BibTeX file")
    quickstart.set_defaults(run=_quickstart)


#: Why quickstart stops when its input ends before every question is answered (a script,
#: CI, ``< /dev/null``), and what to do instead.
NO_MORE_ANSWERS = (
    "the input ended before every question was answered; nothing was written "
    "(give --no-input to write the site from the options and defaults without asking)"
)


def _quickstart(args: argparse.Namespace) -> int:
    from sphinx_academic.quickstart import QuickstartError, answers_from, ask, write_site

    answers = answers_from(vars(args))
    try:
        if not args.no_input:
            ask(answers)
        written = write_site(args.directory, answers, force=args.force)
    except EOFError:
        print(f"sphinx-academic quickstart: {NO_MORE_ANSWERS}", file=sys.stderr)
        return 1
    except (QuickstartError, KeyboardInterrupt) as error:
        print(f"sphinx-academic quickstart: {error or 'cancelled'}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files into {args.directory}. Build the site with:")
    # "./-site", so that sphinx-build does not take a folder named "-site" for an option.
    source = os.path.join(".", args.directory) if args.directory.startswith("-") else args.directory
    output = os.path.join(source, "_build", "html")
    print(f"    sphinx-build -W {shlex.quote(source)} {shlex.quote(output)}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(_json_schema(args), indent=2, sort_keys=True))
    return 0


def _json_schema(args: argparse.Namespace) -> dict[str, Any]:
    """The JSON Schema ``sphinx-academic schema`` was asked for."""
    if args.coauthors:
        from sphinx_academic.model.coauthor_schema import coauthors_json_schema

        return coauthors_json_schema()
    if args.metrics:
        from sphinx_academic.model.metrics_schema import metrics_json_schema

        return metrics_json_schema()
    from sphinx_academic.model.profile import json_schema

    return json_schema()


def _check(args: argparse.Namespace) -> int:
    if not args.confdir.strip():
        # os.path.abspath("") is the current folder: not what an empty name meant.
        print("sphinx-academic check: the folder name is empty", file=sys.stderr)
        return 2
    confdir = os.path.abspath(args.confdir)
    stream = io.StringIO()
    with tempfile.TemporaryDirectory(prefix="sphinx-academic-check-") as build:
        try:
            app = open_project(confdir, args.srcdir, build, stream)
            if "sphinx_academic" not in app.extensions:
                print(
                    f"{os.path.join(confdir, 'conf.py')}: 'sphinx_academic' is not in "
                    "extensions, so no page uses it",
                    file=sys.stderr,
                )
                return 2
            app.build()
        except Exception as error:  # conf.py and the pages are user code: no traceback
            print(f"{os.path.join(confdir, 'conf.py')}: cannot load: {error}", file=sys.stderr)
            return 2
    problems = academic_warnings(stream.getvalue())
    for line in problems:
        print(line)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if problems else 0


def open_project(confdir: str, srcdir: str | None, build: str, warnings: io.StringIO) -> Sphinx:
    """The Sphinx project of ``confdir`` with the dummy builder (which writes nothing):
    its configuration checked and its data files loaded, as a build has them."""
    from sphinx.application import Sphinx

    return Sphinx(
        srcdir=os.path.abspath(srcdir or confdir),
        confdir=confdir,
        outdir=os.path.join(build, "out"),
        doctreedir=os.path.join(build, "doctrees"),
        buildername="dummy",
        status=None,
        warning=warnings,
        freshenv=True,
        confoverrides={"show_warning_types": True},
    )


#: Terminal colour codes, in case Sphinx colours its warnings.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-9;]*m")


def academic_warnings(log: str) -> list[str]:
    """The extension's warnings in Sphinx's warning output, as ``file:line: message
    [academic.subtype]``."""
    lines = _ESCAPE_SEQUENCE.sub("", log).splitlines()
    return [line.replace(" WARNING: ", " ", 1) for line in lines if f"[{WARNING_TYPE}." in line]


if __name__ == "__main__":
    raise SystemExit(main())

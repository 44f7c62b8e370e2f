"""``sphinx-academic import SOURCE ID --bib FILE``: add a person's works to a bib file.

SOURCE is ``orcid`` (an ORCID iD), ``dblp`` (a DBLP person id), ``openalex`` (an
OpenAlex author id) or ``doi`` (one or more DOIs). See :mod:`.bibwriter` for what is
written and what is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sphinx_academic.scholarly import dblp, openalex, orcid
from sphinx_academic.scholarly.bibwriter import Plan, apply, plan, write_bib
from sphinx_academic.scholarly.http import Client, Politeness, base_url
from sphinx_academic.scholarly.matching import arxiv_doi, normal_doi
from sphinx_academic.scholarly.metricscommand import CommandError, check_target, write_error
from sphinx_academic.scholarly.works import NewWork

SOURCES = ("orcid", "dblp", "openalex", "doi")


@dataclass
class ImportRequest:
    source: str
    ids: list[str]
    bib_path: str
    update: bool = False
    dry_run: bool = False
    mailto: str = ""
    politeness: Politeness | None = None
    sleep: Callable[[float], None] | None = None


def fetch(request: ImportRequest) -> list[NewWork]:
    """The works the source lists for the given ids (raises ``ServiceError``; raises
    :class:`CommandError`, before any request, for ids or a bib path that cannot work)."""
    fetchers: dict[str, tuple[str, str, Callable[[Client], list[NewWork]]]] = {
        "orcid": (
            orcid.NAME,
            orcid.DEFAULT_URL,
            lambda client: orcid.fetch_works(client, _one(request, orcid.normal_orcid)),
        ),
        "dblp": (
            dblp.NAME,
            dblp.DEFAULT_URL,
            lambda client: dblp.fetch_works(client, _one(request, dblp.normal_pid)),
        ),
        "openalex": (
            openalex.NAME,
            openalex.DEFAULT_URL,
            lambda client: openalex.author_works(client, _one(request, openalex.normal_author)),
        ),
        "doi": (
            openalex.NAME,
            openalex.DEFAULT_URL,
            lambda client: openalex.doi_works(client, _dois(request.ids)),
        ),
    }
    if not request.bib_path.strip():
        raise CommandError("the bib file name (--bib) is empty")
    check_target(request.bib_path)
    service, default, get = fetchers[request.source]
    client = Client(
        service,
        base_url(service, default),
        mailto=request.mailto,
        politeness=request.politeness or Politeness(),
    )
    if request.sleep is not None:
        client.sleep = request.sleep
    with client:
        return get(client)


def _one(request: ImportRequest, normal: Callable[[str], str]) -> str:
    if len(request.ids) != 1:
        raise CommandError(f"import {request.source} takes one id, not {len(request.ids)}")
    try:
        return normal(request.ids[0])
    except ValueError as error:
        raise CommandError(str(error)) from None


def _dois(values: Sequence[str]) -> list[str]:
    dois = [normal_doi(value) for value in values]
    wrong = [value for value, doi in zip(values, dois, strict=True) if not doi]
    if wrong:
        raise CommandError(f"not a DOI: {', '.join(map(repr, wrong))}")
    return list(dict.fromkeys(dois))


def missing_dois(request: ImportRequest, works: list[NewWork]) -> list[str]:
    """The DOIs an ``import doi`` asked for that the service knows no work by."""
    if request.source != "doi":
        return []
    found = {normal_doi(work.doi) for work in works} | {arxiv_doi(w.arxiv) for w in works}
    return [doi for doi in _dois(request.ids) if doi not in found]


def import_works(request: ImportRequest, works: list[NewWork]) -> Plan:
    """Plan the changes to the bib file and (unless a dry run) write them."""
    from sphinx_academic.readers.bibtex import read_bibtex

    try:
        with open(request.bib_path, encoding="utf-8", newline="") as stream:
            text = stream.read()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{request.bib_path}: cannot read: {error}") from None
    bibfile = read_bibtex(request.bib_path) if text else None
    existing = list(bibfile.entries) if bibfile else []
    if bibfile and any(problem.subtype == "bibtex" for problem in bibfile.problems):
        first = next(p for p in bibfile.problems if p.subtype == "bibtex")
        raise CommandError(f"{first.location}: {first.message}; fix the file first")
    changes = plan(existing, works, request.update)
    if not request.dry_run and (changes.added or changes.updated):
        try:
            write_bib(request.bib_path, apply(text, existing, changes))
        except ValueError as error:
            raise CommandError(f"{request.bib_path}: {error}") from None
        except OSError as error:
            raise write_error(request.bib_path, error) from None
    return changes


def report(changes: Plan, request: ImportRequest) -> list[str]:
    """What was (or, in a dry run, would be) changed, one line each, and a total."""
    verb = "would add" if request.dry_run else "added"
    lines = [f"{verb} {key}: {work.title}" for key, work in changes.added]
    lines += [
        f"{'would update' if request.dry_run else 'updated'} {pub.key}: "
        + ", ".join(f"+{name}" for name, _ in fields)
        for pub, fields in changes.updated
    ]
    lines.append(
        f"{len(changes.added)} new, {len(changes.updated)} updated, "
        f"{changes.skipped} already in {request.bib_path}"
    )
    return lines

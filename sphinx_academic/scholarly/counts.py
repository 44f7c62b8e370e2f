"""Fetching one source's citation counts for a list of entries, in batched passes.

Each service module says which identifiers it can look works up by (:attr:`Service.kinds`)
and how (:attr:`Service.lookup`, one request per batch of identifiers). Entries are looked
up by their DOI first; those not found, by their arXiv id; then by the service's own id
from the previous metrics file; then, where the service can search titles, by title and
year. A batch that fails leaves its entries *failed* (the previous values are kept);
entries no pass found are *unmatched*.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from sphinx_academic.scholarly.http import Client, ServiceError
from sphinx_academic.scholarly.matching import (
    Candidate,
    Wanted,
    arxiv_doi,
    batches,
    unambiguous_title_match,
)


class Hit(NamedTuple):
    """A work a service returned: its citation count and the service's id for it."""

    cited_by: int
    source_id: str


class Found(NamedTuple):
    """An entry's count, with what it was matched by."""

    cited_by: int
    matched_by: str
    source_id: str


#: ``lookup(client, kind, values)`` -> hits by the value asked for (as given).
Lookup = Callable[[Client, str, list[str]], dict[str, Hit]]
#: ``search(client, wanted)`` -> the works a title search returned.
TitleSearch = Callable[[Client, Wanted], list[tuple[Candidate, Hit]]]


@dataclass(frozen=True)
class Service:
    """What the counting needs from a service module."""

    name: str
    default_url: str
    #: Identifier kinds it looks up: ``doi``, ``arxiv`` and/or its own name.
    kinds: tuple[str, ...]
    batch_size: int
    lookup: Lookup
    title_search: TitleSearch | None = None


@dataclass
class Fetched:
    """One source's run: what was found, what failed, what no pass matched."""

    found: dict[str, Found] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def identifier(wanted: Wanted, kind: str) -> str:
    """The value the entry is looked up by in a pass of ``kind`` (``""``: none)."""
    if kind == "doi":
        return wanted.doi
    if kind == "arxiv":
        return arxiv_doi(wanted.arxiv) if wanted.arxiv else ""
    return wanted.source_ids.get(kind, "")


def fetch_counts(
    service: Service,
    client: Client,
    entries: list[Wanted],
    progress: Callable[[int], None] = lambda done: None,
) -> Fetched:
    """Counts for ``entries`` from ``service``; ``progress`` is told of entries done."""
    result = Fetched()
    remaining = list(entries)
    for kind in service.kinds:
        remaining = _pass(service, client, kind, remaining, result, progress)
    if service.title_search is not None:
        remaining = _title_pass(service.title_search, client, remaining, result, progress)
    result.unmatched = [wanted.key for wanted in remaining if wanted.key not in result.failed]
    progress(len(result.unmatched))
    return result


def _pass(
    service: Service,
    client: Client,
    kind: str,
    entries: list[Wanted],
    result: Fetched,
    progress: Callable[[int], None],
) -> list[Wanted]:
    """Look up the entries that have an identifier of ``kind``; return those not found."""
    askable = [w for w in entries if identifier(w, kind) and w.key not in result.failed]
    for batch in batches(askable, service.batch_size):
        values = [identifier(wanted, kind) for wanted in batch]
        try:
            hits = service.lookup(client, kind, values)
        except ServiceError as error:
            result.errors.append(str(error))
            result.failed.update(wanted.key for wanted in batch)
            continue
        for wanted, value in zip(batch, values, strict=True):
            hit = hits.get(value)
            if hit is not None:
                result.found[wanted.key] = Found(hit.cited_by, kind, hit.source_id)
        progress(sum(1 for wanted in batch if wanted.key in result.found))
    return [w for w in entries if w.key not in result.found]


def _title_pass(
    search: TitleSearch,
    client: Client,
    entries: list[Wanted],
    result: Fetched,
    progress: Callable[[int], None],
) -> list[Wanted]:
    askable = [w for w in entries if w.title and w.year and w.key not in result.failed]
    for wanted in askable:
        try:
            candidates = search(client, wanted)
        except ServiceError as error:
            result.errors.append(str(error))
            result.failed.add(wanted.key)
            continue
        index = unambiguous_title_match(wanted, (candidate for candidate, _ in candidates))
        if index is not None:
            hit = candidates[index][1]
            result.found[wanted.key] = Found(hit.cited_by, "title", hit.source_id)
            progress(1)
    return [w for w in entries if w.key not in result.found]


def shape_error(service: str, error: Exception) -> ServiceError:
    """A :class:`ServiceError` for an answer that is JSON but not of the documented shape."""
    return ServiceError(f"{service}: unexpected answer ({type(error).__name__}: {error})")

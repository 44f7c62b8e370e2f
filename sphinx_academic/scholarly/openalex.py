"""OpenAlex (https://docs.openalex.org): citation counts (``cited_by_count``) and works
for import. No key is needed; a ``mailto`` parameter puts requests in the polite pool.

Works are asked for in batches with an OR filter (``filter=doi:a|b|...``, up to 50
values) and paged with cursors (``cursor=*``, then ``meta.next_cursor``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sphinx_academic.scholarly.counts import Hit, Service, shape_error
from sphinx_academic.scholarly.http import Client, ServiceError
from sphinx_academic.scholarly.matching import (
    ARXIV_DOI_PREFIX,
    Candidate,
    Wanted,
    normal_arxiv,
    normal_doi,
)
from sphinx_academic.scholarly.works import NewWork, month_of, plain_text

NAME = "openalex"
DEFAULT_URL = "https://api.openalex.org"
BATCH = 50
#: Pages of one query followed at most: 100 pages of 100 works are far more than anyone
#: has written, so a query that goes on is a server that pages without end.
MAX_PAGES = 100
_SELECT = "id,doi,cited_by_count,title,publication_year"
#: Characters with a meaning in OpenAlex's filter syntax, kept out of searched titles.
_FILTER_SYNTAX = re.compile(r"[,|:!<>\"]")


def works(client: Client, params: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every work a ``/works`` query returns, following ``meta.next_cursor`` for at most
    :data:`MAX_PAGES` pages; a cursor sent a second time (the server would answer the same
    pages again, for ever) ends the query with a :class:`ServiceError`."""
    cursor: str | None = "*"
    seen: set[str] = set()
    while cursor:
        _check_cursor(cursor, seen)
        query = {**params, "cursor": cursor}
        if client.mailto:
            query["mailto"] = client.mailto
        page = client.get_json("/works", query)
        try:
            results = page["results"]
            cursor = page["meta"].get("next_cursor") if results else None
        except (KeyError, TypeError, AttributeError) as error:
            raise shape_error(NAME, error) from None
        if not isinstance(results, list):
            raise ServiceError(f"{NAME}: unexpected answer (results is not a list)")
        yield from results


def _check_cursor(cursor: str, seen: set[str]) -> None:
    """Note ``cursor`` as asked for; refuse one asked for before, or a page past the cap."""
    if cursor in seen:
        raise ServiceError(
            f"{NAME}: the server sent the cursor {cursor!r} again after {len(seen)} pages "
            "(a cursor loop); stopped"
        )
    if len(seen) >= MAX_PAGES:
        raise ServiceError(f"{NAME}: more than {MAX_PAGES} pages of results; stopped")
    seen.add(cursor)


def short_id(url: str) -> str:
    """``https://openalex.org/W123`` -> ``W123``."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def lookup(client: Client, kind: str, values: list[str]) -> dict[str, Hit]:
    """Works by DOI (``doi`` and ``arxiv`` kinds: arXiv DOIs) or OpenAlex id."""
    name = "ids.openalex" if kind == NAME else "doi"
    params = {"filter": f"{name}:{'|'.join(values)}", "per-page": str(BATCH), "select": _SELECT}
    asked = set(values)
    hits: dict[str, Hit] = {}
    for work in works(client, params):
        try:
            hit = Hit(int(work["cited_by_count"]), short_id(work["id"]))
            key = hit.source_id if kind == NAME else normal_doi(work.get("doi") or "")
        except (KeyError, TypeError, ValueError) as error:
            raise shape_error(NAME, error) from None
        if key in asked:
            hits.setdefault(key, hit)
    return hits


def title_search(client: Client, wanted: Wanted) -> list[tuple[Candidate, Hit]]:
    """Works whose title matches the entry's words, published within a year of it."""
    assert wanted.year is not None
    words = _FILTER_SYNTAX.sub(" ", wanted.title)
    years = f"{wanted.year - 1}-{wanted.year + 1}"
    params = {
        "filter": f"title.search:{words},publication_year:{years}",
        "per-page": "10",
        "select": _SELECT,
    }
    found = []
    for work in _first_page(client, params):
        try:
            candidate = Candidate(work.get("title") or "", work.get("publication_year"))
            found.append((candidate, Hit(int(work["cited_by_count"]), short_id(work["id"]))))
        except (KeyError, TypeError, ValueError) as error:
            raise shape_error(NAME, error) from None
    return found


def _first_page(client: Client, params: dict[str, str]) -> list[dict[str, Any]]:
    query = dict(params)
    if client.mailto:
        query["mailto"] = client.mailto
    page = client.get_json("/works", query)
    try:
        results = page["results"]
    except (KeyError, TypeError) as error:
        raise shape_error(NAME, error) from None
    return results if isinstance(results, list) else []


AUTHOR_ID = re.compile(r"^A\d+$")
_TYPES = {
    "article": "article",
    "book-chapter": "incollection",
    "book": "book",
    "dissertation": "phdthesis",
    "report": "techreport",
    "preprint": "misc",
}


def normal_author(value: str) -> str:
    """``https://openalex.org/A5023888391`` -> ``A5023888391``; raise :class:`ValueError`
    for anything that is not an OpenAlex author id."""
    author = short_id(value.strip()).upper()
    if not AUTHOR_ID.match(author):
        raise ValueError(f"{value!r} is not an OpenAlex author id (such as A5023888391)")
    return author


def author_works(client: Client, author: str) -> list[NewWork]:
    """Every work OpenAlex attributes to ``author`` (all pages)."""
    params = {"filter": f"author.id:{author}", "per-page": "100"}
    return [work for data in works(client, params) if (work := _work(data))]


def doi_works(client: Client, dois: list[str]) -> list[NewWork]:
    """The works with these DOIs, asked for in batches."""
    found = []
    for start in range(0, len(dois), BATCH):
        params = {"filter": f"doi:{'|'.join(dois[start : start + BATCH])}", "per-page": "100"}
        found += [work for data in works(client, params) if (work := _work(data))]
    return found


def _work(data: dict[str, Any]) -> NewWork | None:
    try:
        return _convert(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise shape_error(NAME, error) from None


def _convert(data: dict[str, Any]) -> NewWork | None:
    title = plain_text(data.get("title") or data.get("display_name") or "")
    if not title:
        return None
    source = (data.get("primary_location") or {}).get("source") or {}
    doi = normal_doi(data.get("doi") or "")
    arxiv = (
        normal_arxiv(doi.removeprefix(ARXIV_DOI_PREFIX)) if doi.startswith(ARXIV_DOI_PREFIX) else ""
    )
    kind = _TYPES.get(data.get("type") or "", "misc")
    if kind == "article" and source.get("type") == "conference":
        kind = "inproceedings"
    return NewWork(
        type=kind,
        title=title,
        authors=tuple(
            a["author"]["display_name"] for a in data.get("authorships") or [] if a.get("author")
        ),
        year=data.get("publication_year"),
        month=month_of(data.get("publication_date")),
        venue=plain_text(source.get("display_name") or ""),
        doi="" if arxiv else doi,
        arxiv=arxiv,
        url=(data.get("primary_location") or {}).get("landing_page_url") or "",
        abstract=_abstract(data.get("abstract_inverted_index")),
    )


def _abstract(inverted: dict[str, list[int]] | None) -> str:
    """The abstract from OpenAlex's inverted index (word -> positions)."""
    if not inverted:
        return ""
    placed = sorted(
        (position, word) for word, positions in inverted.items() for position in positions
    )
    return " ".join(word for _, word in placed)


SERVICE = Service(NAME, DEFAULT_URL, ("doi", "arxiv", NAME), BATCH, lookup, title_search)

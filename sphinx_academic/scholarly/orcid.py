"""ORCID's public API v3.0 (https://info.orcid.org/documentation/api-tutorials/): a
person's works for import.

``GET /v3.0/{orcid}/works`` lists the works as groups of summaries (``group[]``,
``work-summary[]``, one group per work with the versions different sources gave); the
full records, with contributors and descriptions, are read in bulk,
``GET /v3.0/{orcid}/works/{put-code,put-code,...}`` (at most 100 per request), answered as
``bulk[].work`` (or ``bulk[].error``).
"""

from __future__ import annotations

import re
from typing import Any

from sphinx_academic.scholarly.counts import shape_error
from sphinx_academic.scholarly.http import Client, ServiceError
from sphinx_academic.scholarly.matching import normal_arxiv, normal_doi
from sphinx_academic.scholarly.works import NewWork, month_of, plain_text, year_of

NAME = "orcid"
DEFAULT_URL = "https://pub.orcid.org"
BULK = 100
ORCID_ID = re.compile(r"^(\d{4}-){3}\d{3}[\dX]$")
_TYPES = {
    "journal-article": "article",
    "conference-paper": "inproceedings",
    "book-chapter": "incollection",
    "book": "book",
    "dissertation-thesis": "phdthesis",
    "dissertation": "phdthesis",
    "report": "techreport",
    "preprint": "misc",
}


def normal_orcid(value: str) -> str:
    """``https://orcid.org/0000-0002-1825-0097`` -> ``0000-0002-1825-0097``; raise
    :class:`ValueError` for anything that is not an ORCID iD."""
    orcid = value.strip().rstrip("/").rsplit("/", 1)[-1].upper()
    if not ORCID_ID.match(orcid):
        raise ValueError(f"{value!r} is not an ORCID iD (0000-0000-0000-0000)")
    return orcid


def fetch_works(client: Client, orcid: str) -> list[NewWork]:
    """Every public work of ``orcid``, one per group (the preferred version)."""
    summary = client.get_json(f"/v3.0/{orcid}/works")
    try:
        codes = [str(group["work-summary"][0]["put-code"]) for group in summary["group"]]
    except (KeyError, IndexError, TypeError) as error:
        raise shape_error(NAME, error) from None
    works = []
    for start in range(0, len(codes), BULK):
        bulk = client.get_json(f"/v3.0/{orcid}/works/{','.join(codes[start : start + BULK])}")
        try:
            records = [item["work"] for item in bulk["bulk"] if "work" in item]
        except (KeyError, TypeError) as error:
            raise shape_error(NAME, error) from None
        works += [work for work in map(_work, records) if work is not None]
    return works


def _value(data: Any, *path: str) -> str:
    """The text at ``path`` in nested ``{"value": ...}`` objects, ``""`` when absent."""
    for name in path:
        data = data.get(name) if isinstance(data, dict) else None
    return str(data) if data is not None else ""


def _work(record: dict[str, Any]) -> NewWork | None:
    title = plain_text(_value(record, "title", "title", "value"))
    if not title:
        return None
    ids = {
        item.get("external-id-type", ""): item.get("external-id-value") or ""
        for item in _value_list(record, "external-ids", "external-id")
        if item.get("external-id-relationship", "self") == "self"
    }
    date = record.get("publication-date") or {}
    authors = tuple(
        name
        for person in _value_list(record, "contributors", "contributor")
        if (name := _value(person, "credit-name", "value"))
        and _value(person, "contributor-attributes", "contributor-role") in ("", "author")
    )
    if not isinstance(record.get("type"), str):
        raise ServiceError(f"{NAME}: unexpected answer (work without a type)")
    return NewWork(
        type=_TYPES.get(record["type"], "misc"),
        title=title,
        authors=authors,
        year=year_of(_value(date, "year", "value") or None),
        month=month_of(_value(date, "month", "value") or None),
        venue=plain_text(_value(record, "journal-title", "value")),
        doi=normal_doi(ids.get("doi", "")),
        arxiv=normal_arxiv(ids.get("arxiv", "")),
        url=_value(record, "url", "value"),
        abstract=plain_text(_value(record, "short-description")),
    )


def _value_list(record: dict[str, Any], *path: str) -> list[dict[str, Any]]:
    data: Any = record
    for name in path:
        data = data.get(name) if isinstance(data, dict) else None
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []

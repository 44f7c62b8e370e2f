"""A work fetched for import, as plain values, before it becomes a BibTeX entry."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import NamedTuple

#: BibTeX entry type -> the field naming its venue.
VENUE_FIELDS = {
    "article": "journal",
    "inproceedings": "booktitle",
    "incollection": "booktitle",
    "book": "publisher",
    "phdthesis": "school",
    "mastersthesis": "school",
    "techreport": "institution",
    "misc": "howpublished",
}


class NewWork(NamedTuple):
    """What a service said about one work."""

    #: BibTeX entry type (a key of :data:`VENUE_FIELDS`).
    type: str
    title: str
    #: Names as the service wrote them ("Ada Lovelace" or "Lovelace, Ada").
    authors: tuple[str, ...]
    year: int | None = None
    month: int | None = None
    venue: str = ""
    doi: str = ""
    arxiv: str = ""
    url: str = ""
    abstract: str = ""


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(value: str) -> str:
    """Text without markup (JATS and HTML tags some services put in titles and abstracts)
    and with whitespace collapsed."""
    if "<" in value:
        parser = _TextOnly()
        parser.feed(value)
        parser.close()
        value = "".join(parser.parts)
    else:
        value = html.unescape(value)
    return " ".join(value.split())


def year_of(value: object) -> int | None:
    """A year from ``2020``, ``"2020"`` or ``"2020-05-01"``; ``None`` otherwise."""
    found = re.match(r"\s*(\d{4})", str(value)) if value is not None else None
    return int(found.group(1)) if found else None


def month_of(value: object) -> int | None:
    """A month 1-12 from ``5``, ``"05"`` or the middle of ``"2020-05-01"``."""
    if value is None:
        return None
    text = str(value)
    found = re.match(r"\d{4}-(\d{1,2})", text) or re.fullmatch(r"\s*(\d{1,2})\s*", text)
    month = int(found.group(1)) if found else 0
    return month if 1 <= month <= 12 else None

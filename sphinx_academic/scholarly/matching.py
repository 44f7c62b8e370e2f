"""Telling which work a service returned belongs to which bib entry.

Entries are matched by DOI, then by arXiv id (as its DataCite DOI
``10.48550/arXiv.<id>``), then by the service's own id already in the metrics file, and
only then by title and year, when exactly one candidate has the same normalised title and
a year at most one apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sphinx_academic.model.publication import Publication

ARXIV_DOI_PREFIX = "10.48550/arxiv."
_DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/\S+")
_ARXIV_VERSION = re.compile(r"v\d+$")
_NOT_WORD = re.compile(r"[\W_]+")


def normal_doi(value: str) -> str:
    """The bare, lower-case DOI in ``value`` (a DOI, ``doi:...`` or a doi.org URL)."""
    found = _DOI_IN_TEXT.search(value.strip())
    return found.group(0).rstrip(".").lower() if found else ""


def normal_arxiv(value: str) -> str:
    """The arXiv id without prefix or version: ``arXiv:2106.01234v2`` -> ``2106.01234``."""
    value = value.strip()
    value = re.sub(r"^(?:https?://arxiv\.org/(?:abs|pdf)/|arxiv:)", "", value, flags=re.I)
    return _ARXIV_VERSION.sub("", value.removesuffix(".pdf")).lower()


def arxiv_doi(arxiv_id: str) -> str:
    """The DOI arXiv registered for a paper: ``10.48550/arxiv.<id>``."""
    return ARXIV_DOI_PREFIX + normal_arxiv(arxiv_id) if arxiv_id else ""


def normal_title(title: str) -> str:
    """A title for comparing: accents, case, punctuation and LaTeX braces ignored, ``&``
    read as "and"."""
    decomposed = unicodedata.normalize("NFKD", title.replace("\\&", " and ").replace("&", " and "))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", letters.casefold()).split())


class Wanted(NamedTuple):
    """An entry to look up: its key and everything it can be matched by."""

    key: str
    doi: str
    arxiv: str
    #: Source -> that source's id for the entry, from the previous metrics file.
    source_ids: Mapping[str, str]
    title: str
    year: int | None

    @classmethod
    def of(cls, pub: Publication, source_ids: Mapping[str, str]) -> Wanted:
        return cls(
            pub.key,
            normal_doi(pub.doi),
            normal_arxiv(pub.arxiv_id),
            dict(source_ids),
            normal_title(pub.title_text) if pub.title else "",
            pub.year,
        )

    @property
    def any_doi(self) -> str:
        """The DOI, or the arXiv DOI for a preprint without one."""
        return self.doi or arxiv_doi(self.arxiv)

    def ids(self) -> dict[str, str]:
        """The identifiers the file records for the entry."""
        found = {"doi": self.doi, "arxiv": self.arxiv}
        return {name: value for name, value in found.items() if value}


class Candidate(NamedTuple):
    """A work a title search returned."""

    title: str
    year: int | None


def unambiguous_title_match(wanted: Wanted, candidates: Iterable[Candidate]) -> int | None:
    """The index of the only candidate with the same normalised title and a year at most
    one apart; ``None`` when there is none or more than one."""
    if not wanted.title or wanted.year is None:
        return None
    found = [
        index
        for index, candidate in enumerate(candidates)
        if normal_title(candidate.title) == wanted.title
        and candidate.year is not None
        and abs(candidate.year - wanted.year) <= 1
    ]
    return found[0] if len(found) == 1 else None


def batches(items: list[Wanted], size: int) -> Iterable[list[Wanted]]:
    """``items`` in lists of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]

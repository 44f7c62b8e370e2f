"""Citation counts and profile totals, as the metrics file holds them (no Sphinx).

The file is written by ``sphinx-academic metrics`` (see docs/reference/metrics.rst) and
read by :func:`sphinx_academic.readers.metrics.read_metrics`; its format is declared in
:mod:`sphinx_academic.model.metrics_schema`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, NamedTuple

#: What the file's ``format`` field says.
FORMAT: Final = "sphinx-academic-metrics"
#: The version of the format this package writes and reads.
VERSION = 1
#: The services counts come from, in the order the docs list them.
SOURCES = ("openalex", "crossref", "semanticscholar", "inspire")


class Count(NamedTuple):
    """One source's citation count for one entry."""

    #: How many works cite the entry, by that source's reckoning.
    cited_by: int
    #: When the count was fetched (ISO date, ``YYYY-MM-DD``).
    fetched: str
    #: What the entry was matched by: ``doi``, ``arxiv``, the source's own id, or ``title``.
    matched_by: str


class EntryMetrics(NamedTuple):
    """What the file knows about one bib entry."""

    #: Identifiers the entry was matched by and the sources' own ids (``openalex``: ``W…``).
    ids: Mapping[str, str]
    #: Source -> count.
    citations: Mapping[str, Count]


class Totals(NamedTuple):
    """One source's totals over the entries of the bib files."""

    citations: int
    h_index: int
    #: Entries with a count from this source.
    entries: int
    fetched: str


@dataclass(frozen=True)
class Metrics:
    """The whole file: counts by bib key, totals by source, unmatched keys by source."""

    entries: Mapping[str, EntryMetrics] = field(default_factory=dict)
    totals: Mapping[str, Totals] = field(default_factory=dict)
    unmatched: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _by_lower_key: Mapping[str, EntryMetrics] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        lowered = {key.lower(): value for key, value in self.entries.items()}
        object.__setattr__(self, "_by_lower_key", lowered)

    def entry(self, key: str) -> EntryMetrics | None:
        """The entry's metrics; keys match case-insensitively, as BibTeX keys do."""
        return self.entries.get(key) or self._by_lower_key.get(key.lower())

    def count(self, key: str, source: str) -> Count | None:
        entry = self.entry(key)
        return entry.citations.get(source) if entry else None


def h_index(counts: Iterable[int]) -> int:
    """The largest h such that h entries have at least h citations each."""
    ordered = sorted(counts, reverse=True)
    return sum(1 for rank, count in enumerate(ordered, start=1) if count >= rank)


def totals_of(metrics: Mapping[str, EntryMetrics], source: str, fetched: str) -> Totals:
    """Total citations and h-index of the entries that have a count from ``source``."""
    counts = [e.citations[source].cited_by for e in metrics.values() if source in e.citations]
    return Totals(sum(counts), h_index(counts), len(counts), fetched)

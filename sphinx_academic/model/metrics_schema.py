"""The metrics file's format as pydantic models: what ``sphinx-academic metrics`` writes,
what the build validates, and the JSON Schema ``sphinx-academic schema --metrics`` prints.

The rest of the code works with the records of :mod:`sphinx_academic.model.metrics`;
:meth:`MetricsFileModel.of` and :meth:`MetricsFileModel.to_metrics` convert between the two.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from sphinx_academic.model.metrics import (
    FORMAT,
    VERSION,
    Count,
    EntryMetrics,
    Metrics,
    Totals,
)
from sphinx_academic.model.validation import json_schema_of

__all__ = [
    "CountModel",
    "EntryModel",
    "MetricsFileModel",
    "MetricsHeader",
    "TotalsModel",
    "metrics_json_schema",
]

#: A number of citations, entries or the like: a whole number written as one (not ``"12"``).
WholeNumber = Annotated[int, Field(ge=0, strict=True)]
#: The day something was fetched.
Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}", examples=["2026-12-07"])]


class CountModel(BaseModel):
    """One source's citation count for one entry."""

    count: WholeNumber = Field(
        description="How many works cite the entry, by that source's reckoning."
    )
    fetched: Day = Field(description="When the count was fetched (YYYY-MM-DD).")
    matched_by: str = Field(
        default="",
        description="What matched the entry: 'doi', 'arxiv', the source's own id "
        "('openalex', ...) or 'title'.",
    )


class EntryModel(BaseModel):
    """What the file knows about one BibTeX entry."""

    ids: dict[str, str] = Field(
        default={},
        description="The identifiers the entry was matched by ('doi', 'arxiv') and each "
        "source's own id for it ('openalex': 'W…').",
    )
    citations: dict[str, CountModel] = Field(
        default={},
        description="The count from each source ('openalex', 'crossref', 'semanticscholar', "
        "'inspire').",
    )


class TotalsModel(BaseModel):
    """One source's totals over the entries of the bib files."""

    citations: WholeNumber = Field(description="The sum of the entries' counts.")
    h_index: WholeNumber = Field(
        description="The largest h such that h entries have at least h citations each."
    )
    entries: WholeNumber = Field(description="How many entries have a count from this source.")
    fetched: Day = Field(description="When the totals were computed (YYYY-MM-DD).")


class MetricsHeader(BaseModel):
    """What every version of the file has: its format and version (checked first, so a
    newer file is told apart from a broken one)."""

    #: :data:`~sphinx_academic.model.metrics.FORMAT` (a ``Literal`` cannot name a constant).
    format: Literal["sphinx-academic-metrics"] = Field(
        description="Always 'sphinx-academic-metrics'."
    )
    version: int = Field(
        ge=1,
        strict=True,
        description=f"The version of this format ({VERSION}); a build refuses a newer one.",
    )


class MetricsFileModel(MetricsHeader):
    """The metrics file (``academic_metrics``), written by ``sphinx-academic metrics``."""

    entries: dict[str, EntryModel] = Field(
        default={},
        description="One object per BibTeX key (keys match case-insensitively, as in BibTeX).",
    )
    totals: dict[str, TotalsModel] = Field(
        default={}, description="The totals over the entries, by source."
    )
    unmatched: dict[str, list[str]] = Field(
        default={},
        description="The keys the last run at each source could not match, by source.",
    )

    @classmethod
    def of(cls, metrics: Metrics) -> MetricsFileModel:
        """The file holding ``metrics``."""
        return cls(
            format=FORMAT,
            version=VERSION,
            entries={key: _entry_model(entry) for key, entry in metrics.entries.items()},
            totals={
                source: TotalsModel(**totals._asdict()) for source, totals in metrics.totals.items()
            },
            unmatched={source: list(keys) for source, keys in metrics.unmatched.items()},
        )

    def to_metrics(self) -> Metrics:
        """The records the rest of the code works with."""
        return Metrics(
            entries={key: _entry_metrics(entry) for key, entry in self.entries.items()},
            totals={
                source: Totals(**totals.model_dump()) for source, totals in self.totals.items()
            },
            unmatched={source: tuple(keys) for source, keys in self.unmatched.items()},
        )


def _entry_model(entry: EntryMetrics) -> EntryModel:
    citations = {
        source: CountModel(count=count.cited_by, fetched=count.fetched, matched_by=count.matched_by)
        for source, count in entry.citations.items()
    }
    return EntryModel(ids=dict(entry.ids), citations=citations)


def _entry_metrics(entry: EntryModel) -> EntryMetrics:
    citations = {
        source: Count(count.count, count.fetched, count.matched_by)
        for source, count in entry.citations.items()
    }
    return EntryMetrics(dict(entry.ids), citations)


def metrics_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the metrics file, for editors and other tools."""
    return json_schema_of(MetricsFileModel)

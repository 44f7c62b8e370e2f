"""Partial dates as researchers write them: ``2018``, ``2018-08``, ``2018-08-15``, ``present``.

A :class:`PartialDate` keeps the precision it was written with, so ``2018-08`` is shown as a
month and never as "1 August 2018". Free text such as ``Fall 2019`` is kept as a label: it is
shown as written and still sorts (by the first four-digit year in it, when there is one).

Nothing here knows Sphinx; the Sphinx layer formats :attr:`PartialDate.date` with
``sphinx.util.i18n.format_date`` using :attr:`PartialDate.precision`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from sphinx_academic.diagnostics import Problem

__all__ = ["PRESENT_WORDS", "DateError", "PartialDate", "Precision", "parse_date"]

Precision = Literal["year", "month", "day"]

#: Words (compared case-insensitively) that mean "still going on".
PRESENT_WORDS = frozenset({"present", "now", "current", "ongoing"})

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
#: A time of day after a full date, as al-folio's news carry ("2015-10-22 15:59:00-0400");
#: the day is what a CV or a news list shows, so the time is dropped.
_TIME_OF_DAY = re.compile(
    r"(?<=\d)(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$"
)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_PRECISION_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}

# Rank of each kind of date in the sort key: undated labels, then dates, then "present".
_RANK_LABEL, _RANK_DATE, _RANK_PRESENT = 0, 1, 2

SortKey = tuple[int, int, int, int, int, str, str]


class DateError(ValueError):
    """A value that looks like a date but is not a possible one (``2020-02-30``)."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, month or day; or "present"; or a free-text label.

    Exactly one of these holds: ``year`` is set (a date), ``present`` is true, or ``label``
    is set. ``month`` needs ``year`` and ``day`` needs ``month``.
    """

    #: Year (1-9999) of a date; ``None`` for labels and "present".
    year: int | None = None
    #: Month (1-12) when known.
    month: int | None = None
    #: Day of the month when known.
    day: int | None = None
    #: Free text kept as written (``Fall 2019``); ``None`` for dates and "present".
    label: str | None = None
    #: True for "present"/"now": the thing is still going on.
    present: bool = False

    def __post_init__(self) -> None:
        kinds = (self.year is not None) + bool(self.label) + self.present
        if kinds != 1:
            raise ValueError("a PartialDate is exactly one of: a date, present, a label")
        if self.year is not None:
            _check_parts(self.year, self.month, self.day)
        elif self.month is not None or self.day is not None:
            raise ValueError("month and day need a year")

    # -- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, value: object) -> PartialDate | None:
        """Read a str, int, :class:`datetime.date` or ``None`` (-> ``None``).

        :raises DateError: for impossible dates (``2020-13-01``) and values of other types.
        """
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise DateError(f"expected a date such as 2018-08, got {value!r}")
        if isinstance(value, int):
            return cls._from_year(value)
        return cls._from_text(value)

    @classmethod
    def _from_year(cls, year: int) -> PartialDate:
        if not 1 <= year <= 9999:
            raise DateError(f"year {year} is out of range")
        return cls(year)

    @classmethod
    def _from_text(cls, text: str) -> PartialDate | None:
        # A plain ISO date needs none of the normalising steps below.
        match = _ISO.fullmatch(text)
        if match is None:
            text = " ".join(text.split())
            if not text:
                return None
            if text.casefold() in PRESENT_WORDS:
                return cls(present=True)
            match = _ISO.fullmatch(_TIME_OF_DAY.sub("", text))
        if match is None:
            return cls(label=text)
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # the pattern always captures a year
        try:
            return cls(year, month, day)
        except ValueError as error:
            raise DateError(f"{text!r} is not a possible date: {error}") from None

    # -- accessors ----------------------------------------------------------------------

    @property
    def precision(self) -> Precision | None:
        """How much of the date is known; ``None`` for labels and "present"."""
        if self.year is None:
            return None
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def date(self) -> datetime.date | None:
        """The first day the value covers (``2018-08`` -> 1 August 2018), for formatting."""
        if self.year is None:
            return None
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def is_date(self) -> bool:
        """True when this has a calendar value (not a label, not "present")."""
        return self.year is not None

    def isoformat(self) -> str | None:
        """ISO 8601 at the known precision (``2018``, ``2018-08``, ``2018-08-15``).

        Suits ``<time datetime="...">``; ``None`` for labels and "present".
        """
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        if self.present:
            return "present"
        return self.label or self.isoformat() or ""

    # -- ordering -----------------------------------------------------------------------

    @property
    def sort_key(self) -> SortKey:
        """A key giving a total order: labels < dates < present.

        Dates order chronologically, a coarser date before a finer one starting at the same
        time (``2018`` < ``2018-01`` < ``2018-01-01``). A label containing a year sorts with
        the dates of that year (after the bare year), other labels come first.
        """
        if self.present:
            return (_RANK_PRESENT, 0, 0, 0, 0, "", "")
        if self.year is not None:
            rank = _PRECISION_RANK[self.precision or "year"]
            return (_RANK_DATE, self.year, self.month or 0, self.day or 0, rank, "", "")
        label = self.label or ""
        found = _YEAR_IN_TEXT.search(label)
        if found is None:
            return (_RANK_LABEL, 0, 0, 0, 0, label.casefold(), label)
        return (_RANK_DATE, int(found.group(1)), 0, 0, 0, label.casefold(), label)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key >= other.sort_key


def _check_parts(year: int, month: int | None, day: int | None) -> None:
    """Raise :class:`ValueError` unless year/month/day name a real calendar day."""
    if day is not None and month is None:
        raise ValueError("a day needs a month")
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month} is out of range")
    if month is not None and day is not None:
        datetime.date(year, month, day)  # raises ValueError for 2020-02-30


def parse_date(
    value: object, path: str = "", line: int | None = None, column: int | None = None
) -> tuple[PartialDate | None, Problem | None]:
    """Like :meth:`PartialDate.parse`, but an impossible date becomes a ``date`` problem."""
    try:
        return PartialDate.parse(value), None
    except DateError as error:
        return None, Problem(path, str(error), "date", line, column)

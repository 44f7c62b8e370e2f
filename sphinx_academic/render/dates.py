"""Partial dates and periods as text (``Aug 2018 – present``) and as ``<time>`` nodes.

A date is shown at the precision it was written with: ``2018``, ``Aug 2018`` or the
locale's medium date (``May 2, 2023``, ``2 mai 2023``); labels such as ``Fall 2019`` are
kept as written. Month and day names are those of :func:`sphinx.util.i18n.format_date` in
the project's language.
"""

from __future__ import annotations

import functools
from datetime import date as calendar_date

from docutils import nodes
from sphinx.util.i18n import format_date as sphinx_format_date

from sphinx_academic.model.dates import PartialDate
from sphinx_academic.nodes import academic_time
from sphinx_academic.render.text import month_year

#: Between the start and the end of a period (an en dash with spaces).
PERIOD_SEPARATOR = " – "
#: How "still going on" is shown unless the caller passes a translation.
PRESENT = "present"


def format_date(date: PartialDate, language: str, present: str = PRESENT) -> str:
    """One date at its own precision; a label as written; "present" as ``present``."""
    if date.present:
        return present
    if date.year is None:
        return date.label or ""
    if date.day is not None and date.month is not None:
        return _day(date.year, date.month, date.day, language)
    return month_year(date.year, date.month, language)


@functools.lru_cache(maxsize=4096)
def _day(year: int, month: int, day: int, language: str) -> str:
    # %x is the locale's medium date: "May 2, 2023", "2 mai 2023", "02.05.2023".
    return sphinx_format_date("%x", date=calendar_date(year, month, day), language=language)  # type: ignore[arg-type]


def iso_value(date: PartialDate) -> str | None:
    """The ``datetime`` attribute of ``<time>``: ISO 8601 at the known precision."""
    return date.isoformat()


def period_parts(
    start: PartialDate | None, end: PartialDate | None, date: PartialDate | None
) -> list[PartialDate]:
    """The one or two dates shown for an entry: its period when it has a start, else its
    single date, else whichever end it has. A period whose ends are equal is one date."""
    if start is not None:
        return [start] if end is None or end == start else [start, end]
    if date is not None:
        return [date]
    return [end] if end is not None else []


def format_period(
    start: PartialDate | None,
    end: PartialDate | None,
    date: PartialDate | None,
    language: str,
    present: str = PRESENT,
) -> str:
    """``Aug 2018 – present``, ``2016 – 2020``, ``Jun 2021``, ``Fall 2019``; ``""`` when
    there is no date at all. A start without an end is shown alone (readers turn an
    open-ended period into one ending "present" where the format means that)."""
    parts = period_parts(start, end, date)
    return PERIOD_SEPARATOR.join(format_date(part, language, present) for part in parts)


def time_node(date: PartialDate, language: str, present: str = PRESENT) -> nodes.Node:
    """A date as ``<time datetime="2018-08">Aug 2018</time>`` in HTML; labels and
    "present" have no machine-readable value, so they stay plain text."""
    text = format_date(date, language, present)
    iso = iso_value(date)
    if iso is None:
        return nodes.Text(text)
    node = academic_time(text, text)
    node["datetime"] = iso
    return node


def date_paragraph(date: PartialDate, language: str, present: str, css: str) -> nodes.paragraph:
    """A paragraph of one date (see :func:`period_paragraph`)."""
    return _dates_paragraph([date], language, present, css)


def period_paragraph(
    parts: list[PartialDate], language: str, present: str, css: str
) -> nodes.paragraph | None:
    """A paragraph of the dates of :func:`period_parts` (``<time>`` for each that has a
    machine-readable value); ``None`` when there are none."""
    return _dates_paragraph(parts, language, present, css) if parts else None


def _dates_paragraph(
    parts: list[PartialDate], language: str, present: str, css: str
) -> nodes.paragraph:
    children: list[nodes.Node] = []
    for index, part in enumerate(parts):
        if index:
            children.append(nodes.Text(PERIOD_SEPARATOR))
        children.append(time_node(part, language, present))
    return nodes.paragraph("", "", *_merge_text(children), classes=[css])


def period_nodes(
    start: PartialDate | None,
    end: PartialDate | None,
    date: PartialDate | None,
    language: str,
    present: str = PRESENT,
) -> list[nodes.Node]:
    """:func:`format_period` as nodes: one ``<time>`` per end of the period (HTML has no
    element for a range), the separator as text."""
    result: list[nodes.Node] = []
    for index, part in enumerate(period_parts(start, end, date)):
        if index:
            result.append(nodes.Text(PERIOD_SEPARATOR))
        result.append(time_node(part, language, present))
    return _merge_text(result)


def _merge_text(items: list[nodes.Node]) -> list[nodes.Node]:
    """Neighbouring Text nodes as one ("Fall 2019 – present" is a single node)."""
    merged: list[nodes.Node] = []
    for item in items:
        if merged and isinstance(item, nodes.Text) and isinstance(merged[-1], nodes.Text):
            merged[-1] = nodes.Text(merged[-1] + item)
        else:
            merged.append(item)
    return merged

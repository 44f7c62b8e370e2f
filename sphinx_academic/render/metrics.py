"""Citation counts -> docutils nodes: the "Cited by N" badge of an entry and the profile's
totals line. The date and source of the data are the badge's tooltip (an ``<abbr
title>`` in HTML), so readers can tell how fresh a count is."""

from __future__ import annotations

from babel.core import UnknownLocaleError
from babel.numbers import format_decimal
from docutils import nodes

from sphinx_academic.locale import _
from sphinx_academic.model.dates import DateError, PartialDate
from sphinx_academic.model.metrics import Count, Totals
from sphinx_academic.model.publication import Publication
from sphinx_academic.render.context import RenderContext
from sphinx_academic.render.dates import format_date

#: How each source is named on the page.
SOURCE_NAMES = {
    "openalex": "OpenAlex",
    "crossref": "Crossref",
    "semanticscholar": "Semantic Scholar",
    "inspire": "INSPIRE-HEP",
}


def source_name(source: str) -> str:
    return SOURCE_NAMES.get(source, source)


def fetched_on(fetched: str, language: str) -> str:
    """The day counts were fetched (ISO 8601 in the metrics file) as the language writes
    a date; as written when it is not a date."""
    try:
        day = PartialDate.parse(fetched)
    except DateError:
        return fetched
    return format_date(day, language) if day is not None and day.is_date else fetched


def number(value: int, language: str) -> str:
    """``1,234`` with the language's grouping (``1.234``, ``1 234``)."""
    try:
        return str(format_decimal(value, locale=language or "en"))
    except (ValueError, UnknownLocaleError):
        return f"{value:,}"


def cited_by_badge(count: Count, source: str, language: str) -> nodes.inline:
    """``Cited by N`` as a badge (the number as Google Scholar writes it), explained by
    source and date."""
    text = _("Cited by {count}").format(count=count.cited_by)
    explanation = _("{source}, {date}").format(
        source=source_name(source), date=fetched_on(count.fetched, language)
    )
    abbr = nodes.abbreviation(text, text, explanation=explanation)
    return nodes.inline("", "", abbr, classes=["academic-badge", "academic-pub-citations"])


def with_cited_by(
    badges: list[nodes.Node], pub: Publication, ctx: RenderContext
) -> list[nodes.Node]:
    """``badges`` followed by the entry's citation badge, when the site shows counts and
    the metrics file has one."""
    count = ctx.citations(pub) if ctx.citations is not None else None
    if count is None:
        return badges
    spacer: list[nodes.Node] = [nodes.Text(" ")] if badges else []
    return [*badges, *spacer, cited_by_badge(count, ctx.citation_source, ctx.language)]


def totals_paragraph(totals: Totals, source: str, language: str) -> nodes.paragraph:
    """``Citations 1,234 · h-index 12`` for the profile card, with source and date."""
    parts = (
        (_("Citations"), number(totals.citations, language), "academic-profile-citations"),
        (_("h-index"), str(totals.h_index), "academic-profile-h-index"),
    )
    children: list[nodes.Node] = []
    for label, value, css in parts:
        if children:
            children.append(nodes.Text(" · "))
        children.append(
            nodes.inline("", "", nodes.Text(f"{label} "), nodes.strong(value, value), classes=[css])
        )
    date = _("{source}, {date}").format(
        source=source_name(source), date=fetched_on(totals.fetched, language)
    )
    children += [
        nodes.Text(" "),
        nodes.inline(date, f"({date})", classes=["academic-metrics-date"]),
    ]
    return nodes.paragraph("", "", *children, classes=["academic-profile-metrics"])

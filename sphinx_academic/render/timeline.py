"""Dated entries (jobs, degrees, awards, talks...) -> a timeline of containers.

::

    container.academic-timeline
      container.academic-timeline-entry [.academic-timeline-ongoing | -undated]
        paragraph.academic-timeline-date      <time>Aug 2018</time> – present
        paragraph.academic-timeline-heading   strong.academic-timeline-title, subtitle
        paragraph.academic-timeline-place     organisation (linked), location
        paragraph.academic-timeline-authors
        paragraph.academic-timeline-summary
        bullet_list.academic-timeline-highlights (nested for sub-items)
        paragraph.academic-timeline-detail    *Score:* 1.0 (one per detail, keywords)

Everything but the date is the entry's own children: the CSS grid puts them in the
column right of the dates.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from sphinx_academic.locale import N_, _
from sphinx_academic.model.identifiers import identifier_url
from sphinx_academic.model.profile_records import Entry
from sphinx_academic.render.dates import period_paragraph, period_parts
from sphinx_academic.render.profilecontext import (
    ProfileContext,
    checked_url,
    joined,
    label_line,
    linked,
    location,
    paragraphs,
    rich,
)

#: Readable labels for the detail names readers produce; others are capitalised.
DETAIL_LABELS: dict[str, str] = {
    "score": N_("Score"),
    "courses": N_("Courses"),
    "roles": N_("Roles"),
    "type": N_("Type"),
    "doi": "DOI",
    "keywords": N_("Keywords"),
}


def timeline(entries: Iterable[Entry], ctx: ProfileContext) -> nodes.container:
    """Entries in the order given (see :func:`~sphinx_academic.query.profile.order_entries`)."""
    box = nodes.container(classes=["academic-timeline"])
    box.extend(timeline_entry(entry, ctx) for entry in entries)
    return box


def timeline_entry(entry: Entry, ctx: ProfileContext) -> nodes.container:
    node = nodes.container(classes=["academic-timeline-entry"])
    when = date_paragraph(entry, ctx)
    if when is not None:
        node += when
    else:
        node["classes"].append("academic-timeline-undated")
    if entry.ongoing:
        node["classes"].append("academic-timeline-ongoing")
    node.extend(entry_body(entry, ctx))
    return node


def date_paragraph(entry: Entry, ctx: ProfileContext) -> nodes.paragraph | None:
    parts = period_parts(entry.start, entry.end, entry.date)
    return period_paragraph(parts, ctx.language, ctx.present, "academic-timeline-date")


def entry_body(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """Everything but the date, each part only when the entry has it."""
    url = checked_url(ctx, entry.url, "url", entry.source)
    # The organisation carries the link; without one the title does.
    title_url = None if entry.organisation else url
    body: list[nodes.Node | None] = [
        heading(entry, ctx, title_url),
        place(entry, ctx, url),
        authors(entry, ctx),
        *paragraphs(ctx, entry.summary, entry.source, "academic-timeline-summary"),
        highlights(entry, ctx, "academic-timeline-highlights"),
        *details(entry, ctx, "academic-timeline-detail"),
    ]
    return [part for part in body if part is not None]


def heading(entry: Entry, ctx: ProfileContext, url: str | None) -> nodes.paragraph | None:
    """``Title, subtitle``: position, degree and field, award, project..."""
    title = rich(ctx, entry.title, entry.source)
    subtitle = rich(ctx, entry.subtitle, entry.source)
    parts: list[nodes.Node] = []
    if title:
        inner: list[nodes.Node] = [linked(title, url, "academic-timeline-link")] if url else title
        parts.append(nodes.strong("", "", *inner, classes=["academic-timeline-title"]))
    if subtitle:
        if parts:
            parts.append(nodes.Text(", "))
        parts.append(nodes.inline("", "", *subtitle, classes=["academic-timeline-subtitle"]))
    if not parts:
        return None
    return nodes.paragraph("", "", *parts, classes=["academic-timeline-heading"])


def place(entry: Entry, ctx: ProfileContext, url: str | None) -> nodes.paragraph | None:
    """``Organisation, Location``; the organisation linked to the entry's URL."""
    organisation = rich(ctx, entry.organisation, entry.source)
    where = rich(ctx, entry.location, entry.source)
    parts: list[list[nodes.Node]] = []
    if organisation:
        parts.append([linked(organisation, url, "academic-timeline-organisation")])
    if where:
        parts.append([nodes.inline("", "", *where, classes=["academic-timeline-location"])])
    if not parts:
        return None
    return nodes.paragraph("", "", *joined(parts, ", "), classes=["academic-timeline-place"])


def authors(entry: Entry, ctx: ProfileContext) -> nodes.paragraph | None:
    names = [rich(ctx, name, entry.source) for name in entry.authors]
    found = joined(names, ", ")
    if not found:
        return None
    return nodes.paragraph("", "", *found, classes=["academic-timeline-authors"])


def highlights(entry: Entry, ctx: ProfileContext, css: str) -> nodes.bullet_list | None:
    """Highlights as a bullet list; sub-items as a nested list under their highlight."""
    items = [_item(entry, ctx, text, subitems) for text, subitems in entry.highlight_items()]
    found = [item for item in items if item is not None]
    return nodes.bullet_list("", *found, bullet="-", classes=[css]) if found else None


def _item(
    entry: Entry, ctx: ProfileContext, text: str, subitems: tuple[str, ...]
) -> nodes.list_item | None:
    content = rich(ctx, text, entry.source)
    item = nodes.list_item()
    if content:
        item += nodes.paragraph("", "", *content)
    nested = [_item(entry, ctx, sub, ()) for sub in subitems]
    found = [sub for sub in nested if sub is not None]
    if found:
        item += nodes.bullet_list("", *found, bullet="-")
    return item if item.children else None


def details(entry: Entry, ctx: ProfileContext, css: str) -> list[nodes.paragraph]:
    """``Label: value`` lines: the entry's details, then its keywords."""
    lines = [_detail(entry, ctx, name, value, css) for name, value in entry.details]
    keywords = joined([rich(ctx, word, entry.source) for word in entry.keywords], ", ")
    if keywords:
        lines.append(label_line(_(DETAIL_LABELS["keywords"]), keywords, css))
    return [line for line in lines if line is not None]


def _detail(
    entry: Entry, ctx: ProfileContext, name: str, value: str, css: str
) -> nodes.paragraph | None:
    label = _(DETAIL_LABELS[name]) if name in DETAIL_LABELS else name.replace("_", " ").capitalize()
    if name == "doi":
        # An identifier, not prose: shown as text and linked to its resolver.
        doi = value.strip()
        url = identifier_url("doi", doi)
        if url is None:
            message = f"profile: doi: {doi!r} is not a DOI or a web address; no link"
            ctx.warn(message, location(entry.source), "link")
        url = checked_url(ctx, url, "doi", entry.source)
        return label_line(label, [linked([nodes.Text(doi)], url, "academic-doi")], css)
    found = rich(ctx, value, entry.source)
    return label_line(label, found, css) if found else None

"""Entries (projects, a portfolio, talks) -> a grid of cards, and the same cards in the
timeline's form for printed output.

::

    container.academic-cards
      container.academic-card [.academic-card-no-image]
        container.academic-card-image         image.academic-card-img (alt = title)
        container.academic-card-body
          paragraph.academic-card-title       strong: reference.academic-card-link (url)
          paragraph.academic-card-date        <time>2021</time> – present
          paragraph.academic-card-place       organisation, location
          paragraph.academic-card-description
          paragraph.academic-card-summary     (one per paragraph of the summary)
          bullet_list.academic-card-highlights
          paragraph.academic-card-detail      *Roles:* ... (one per detail)
          paragraph.academic-card-tags        emphasis.academic-label (Keywords:),
                                              inline.academic-card-tag ...

The keywords' label is for screen readers and printed output; on screen the tags speak
for themselves. :func:`printed_timeline` turns a grid into the timeline of the same
entries (no images), which is how builders other than HTML show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from docutils import nodes

from sphinx_academic.locale import _
from sphinx_academic.model.profile_records import Entry
from sphinx_academic.render.dates import period_paragraph, period_parts
from sphinx_academic.render.profilecontext import (
    ProfileContext,
    checked_url,
    image_uri,
    joined,
    linked,
    paragraphs,
    rich,
)
from sphinx_academic.render.timeline import DETAIL_LABELS, details, highlights

#: The timeline's class for each part of a card, for printed output.
PRINTED_PARTS: dict[str, str] = {
    "academic-card-date": "academic-timeline-date",
    "academic-card-title": "academic-timeline-heading",
    "academic-card-place": "academic-timeline-place",
    "academic-card-description": "academic-timeline-summary",
    "academic-card-summary": "academic-timeline-summary",
    "academic-card-highlights": "academic-timeline-highlights",
    "academic-card-detail": "academic-timeline-detail",
    "academic-card-tags": "academic-timeline-detail",
}


def cards(entries: Iterable[Entry], ctx: ProfileContext) -> nodes.container:
    """Entries in the order given, one card each."""
    grid = nodes.container(classes=["academic-cards"])
    grid.extend(card(entry, ctx) for entry in entries)
    return grid


def card(entry: Entry, ctx: ProfileContext) -> nodes.container:
    """The picture on top (when the entry has one), then the text."""
    node = nodes.container(classes=["academic-card"])
    title = rich(ctx, entry.title, entry.source)
    picture = card_image(entry, ctx, "".join(part.astext() for part in title))
    if picture is not None:
        node += nodes.container("", picture, classes=["academic-card-image"])
    else:
        node["classes"].append("academic-card-no-image")
    node += nodes.container("", *card_body(entry, ctx, title), classes=["academic-card-body"])
    return node


def card_image(entry: Entry, ctx: ProfileContext, alt: str) -> nodes.image | None:
    """The entry's picture, with its title as alternative text (an entry without a
    title has nothing to name it by: its picture is then decoration, ``alt=""``)."""
    uri = image_uri(ctx, entry.image, f"{entry.section}.image", entry.source)
    if uri is None:
        return None
    return nodes.image(uri=uri, alt=alt, loading="lazy", classes=["academic-card-img"])


def card_body(entry: Entry, ctx: ProfileContext, title: list[nodes.Node]) -> list[nodes.Node]:
    """Title, date, place, description, summary, highlights, details and keywords, each
    only when the entry has it."""
    url = checked_url(ctx, entry.url, "url", entry.source)
    period = period_parts(entry.start, entry.end, entry.date)
    body: list[nodes.Node | None] = [
        _title(title, url),
        period_paragraph(period, ctx.language, ctx.present, "academic-card-date"),
        _place(entry, ctx),
        *paragraphs(ctx, entry.subtitle, entry.source, "academic-card-description"),
        *paragraphs(ctx, entry.summary, entry.source, "academic-card-summary"),
        highlights(entry, ctx, "academic-card-highlights"),
        *details(replace(entry, keywords=()), ctx, "academic-card-detail"),
        _tags(entry, ctx),
    ]
    return [part for part in body if part is not None]


def _title(title: list[nodes.Node], url: str | None) -> nodes.paragraph | None:
    if not title:
        return None
    inner: list[nodes.Node] = [linked(title, url, "academic-card-link")] if url else title
    return nodes.paragraph("", "", nodes.strong("", "", *inner), classes=["academic-card-title"])


def _place(entry: Entry, ctx: ProfileContext) -> nodes.paragraph | None:
    """``Organisation, Location`` (the title holds the link)."""
    parts = [rich(ctx, entry.organisation, entry.source), rich(ctx, entry.location, entry.source)]
    found = joined(parts, ", ")
    return nodes.paragraph("", "", *found, classes=["academic-card-place"]) if found else None


def _tags(entry: Entry, ctx: ProfileContext) -> nodes.paragraph | None:
    """The keywords as small tags, after a label for those who cannot see them."""
    words = [rich(ctx, word, entry.source) for word in entry.keywords]
    tags = [[nodes.inline("", "", *word, classes=["academic-card-tag"])] for word in words if word]
    if not tags:
        return None
    label = f"{_(DETAIL_LABELS['keywords'])}:"
    term = nodes.emphasis(label, label, classes=["academic-label"])
    return nodes.paragraph(
        "", "", term, nodes.Text(" "), *joined(tags, " "), classes=["academic-card-tags"]
    )


# -- printed output --------------------------------------------------------------------------


def printed_timeline(grid: nodes.container) -> nodes.container:
    """The grid's entries as the timeline shows them (a printed page has no grid): the
    date first, the description after the title, the keywords as a ``Keywords:`` line;
    no pictures. The grid's ids and other classes are kept."""
    timeline = nodes.container(ids=list(grid["ids"]), classes=["academic-timeline"])
    timeline["classes"] += [name for name in grid["classes"] if name != "academic-cards"]
    for child in grid.children:
        if isinstance(child, nodes.container):
            timeline += _printed_entry(child)
    return timeline


def _printed_entry(card_node: nodes.container) -> nodes.container:
    entry = nodes.container(ids=list(card_node["ids"]), classes=["academic-timeline-entry"])
    parts = [
        child
        for body in card_node.children
        if isinstance(body, nodes.container) and "academic-card-body" in body["classes"]
        for child in body.children
        if isinstance(child, nodes.Element)
    ]
    titles = [part for part in parts if "academic-card-title" in part["classes"]]
    description = [part for part in parts if "academic-card-description" in part["classes"]]
    if titles and description:
        # After the title, as the timeline's heading has it: "Title, description".
        titles[0] += _subtitle(description)
        parts = [part for part in parts if part not in description]
    parts.sort(key=lambda part: "academic-card-date" not in part["classes"])
    for part in parts:
        part["classes"] = [PRINTED_PARTS.get(name, name) for name in part["classes"]]
        entry += part
    for tag in list(entry.findall(nodes.inline)):
        if "academic-card-tag" in tag["classes"]:
            _comma_after(tag)
    return entry


def _subtitle(description: list[nodes.Element]) -> list[nodes.Node]:
    words = [child for paragraph in description for child in paragraph.children]
    return [nodes.Text(", "), nodes.inline("", "", *words, classes=["academic-timeline-subtitle"])]


def _comma_after(tag: nodes.inline) -> None:
    """The space between two tags becomes ``, ``: a list of words on paper."""
    parent = tag.parent
    # By identity: Text nodes are strings, and every " " equals every other.
    index = next(i for i, child in enumerate(parent.children) if child is tag) + 1
    if index < len(parent.children) and str(parent.children[index]) == " ":
        parent[index] = nodes.Text(", ")

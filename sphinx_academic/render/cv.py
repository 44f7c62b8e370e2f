"""One CV section -> a block without its heading (the directive adds the heading).

By the section's kind (see :data:`~sphinx_academic.model.profile.SectionKind`)::

    timeline   container.academic-timeline.academic-cv-section ... (see render.timeline)
    keywords   container.academic-cv-section.academic-cv-keywords
                 paragraph.academic-cv-line   **Programming** (Expert): Python, Rust
    pairs      ... paragraph.academic-cv-line **Label**: details
    text       ... paragraph.academic-cv-line **Title** — text (+ highlights as bullets)
    numbered   ... paragraph.academic-cv-line.academic-cv-numbered  span.academic-cv-number
    reversed   the same, counting down from the number of entries

Every block also has ``academic-cv-<kind>`` and ``academic-section-<key>`` classes.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from sphinx_academic.model.profile_records import Entry, Section
from sphinx_academic.query.profile import order_entries
from sphinx_academic.render.dates import period_nodes
from sphinx_academic.render.profilecontext import (
    ProfileContext,
    checked_url,
    joined,
    linked,
    merged,
    rich,
)
from sphinx_academic.render.timeline import highlights, timeline

LINE = "academic-cv-line"


def section_block(
    section: Section, ctx: ProfileContext, limit: int | None = None, order: str = "source"
) -> list[nodes.Node]:
    """The entries of ``section`` in ``order`` (``source`` by default: a CV shows what its
    author wrote, as written), at most ``limit`` of them."""
    entries = order_entries(section.entries, order)
    shown = entries if limit is None else entries[: max(limit, 0)]
    classes = ["academic-cv-section", f"academic-cv-{section.kind}"]
    classes.append(f"academic-section-{nodes.make_id(section.key) or 'section'}")
    if section.kind == "timeline":
        block = timeline(shown, ctx)
        block["classes"].extend(classes)
        return [block]
    box = nodes.container(classes=classes)
    if section.kind in ("numbered", "reversed"):
        box.extend(_numbered(shown, ctx, len(entries), section.kind == "reversed"))
    else:
        render = _RENDERERS.get(section.kind, _text_line)
        for entry in shown:
            box.extend(render(entry, ctx))
    return [box]


def _keywords_line(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """``Programming (Expert): Python, Rust`` and ``Portuguese (Native)``."""
    head = _title(entry, ctx)
    level = rich(ctx, entry.subtitle, entry.source)
    if level:
        head = merged([*head, nodes.Text(" ("), *level, nodes.Text(")")])
    words = joined([rich(ctx, word, entry.source) for word in entry.keywords], ", ")
    value = words or rich(ctx, entry.summary, entry.source)
    return [_line(joined([head, value], ": "), "academic-cv-keywords-line")]


def _pair_line(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """``Label: details``."""
    value = rich(ctx, entry.summary, entry.source)
    return [_line(joined([_title(entry, ctx), value], ": "), "academic-cv-pair-line")]


def _text_line(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """``Title — text (dates)`` then the highlights; a plain line of text alone."""
    content = _content(entry, ctx)
    bullets = highlights(entry, ctx, "academic-cv-highlights")
    parts = [_line(content, "academic-cv-text-line") if content else None, bullets]
    return [part for part in parts if part is not None]


def _numbered(
    entries: list[Entry], ctx: ProfileContext, total: int, reverse: bool
) -> list[nodes.Node]:
    """``1.``, ``2.``, ... or, reversed, ``N.``, ``N-1.``, ... as labels in the text, so
    every builder shows the same numbers (docutils lists cannot count down)."""
    result: list[nodes.Node] = []
    for index, entry in enumerate(entries):
        label = f"{total - index if reverse else index + 1}."
        number = nodes.inline(label, label, classes=["academic-cv-number"])
        line = _line([number, nodes.Text(" "), *_content(entry, ctx)], "academic-cv-numbered-line")
        bullets = highlights(entry, ctx, "academic-cv-highlights")
        result += [line, bullets] if bullets is not None else [line]
    return result


def _content(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """``Title — summary (period)``: whichever of these the entry has."""
    text = joined([_title(entry, ctx), rich(ctx, entry.summary, entry.source)], " — ")
    when = period_nodes(entry.start, entry.end, entry.date, ctx.language, ctx.present)
    if when:
        text = merged([*text, nodes.Text(" ("), *when, nodes.Text(")")] if text else when)
    return text


def _title(entry: Entry, ctx: ProfileContext) -> list[nodes.Node]:
    """The entry's title in bold, linked to its URL when there is a safe one."""
    title = rich(ctx, entry.title, entry.source)
    if not title:
        return []
    url = checked_url(ctx, entry.url, "url", entry.source)
    inner: list[nodes.Node] = [linked(title, url, "academic-cv-link")] if url else title
    return [nodes.strong("", "", *inner, classes=["academic-cv-label"])]


def _line(children: list[nodes.Node], css: str) -> nodes.paragraph:
    return nodes.paragraph("", "", *children, classes=[LINE, css])


_RENDERERS: dict[str, Callable[[Entry, ProfileContext], list[nodes.Node]]] = {
    "keywords": _keywords_line,
    "pairs": _pair_line,
    "text": _text_line,
}

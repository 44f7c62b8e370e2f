"""News items -> a dated list.

::

    container.academic-news
      container.academic-news-item            (one per item, nothing else in between)
        paragraph.academic-news-date          academic_time (<time datetime="2024-05">)
        paragraph.academic-news-title         strong > reference (when a URL is given)
        paragraph.academic-news-text          text [reference.academic-news-more]

Title and text are the item's own children: the CSS grid puts them beside the date.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from sphinx_academic.model.profile_records import NewsItem
from sphinx_academic.render.dates import date_paragraph
from sphinx_academic.render.profilecontext import (
    ProfileContext,
    checked_url,
    linked,
    merged,
    rich,
)


def news(items: Iterable[NewsItem], ctx: ProfileContext) -> nodes.container:
    """Items in the order given (see :func:`~sphinx_academic.query.profile.news_items`)."""
    box = nodes.container(classes=["academic-news"])
    box.extend(news_item(item, ctx) for item in items)
    return box


def news_item(item: NewsItem, ctx: ProfileContext) -> nodes.container:
    node = nodes.container(classes=["academic-news-item"])
    node += date_paragraph(item.date, ctx.language, ctx.present, "academic-news-date")
    node.extend(_body(item, ctx))
    return node


def _body(item: NewsItem, ctx: ProfileContext) -> list[nodes.Node]:
    url = checked_url(ctx, item.url, "news url", item.source)
    title = rich(ctx, item.title, item.source)
    body: list[nodes.Node] = []
    if title:
        inner: list[nodes.Node] = [linked(title, url, "academic-news-link")] if url else title
        heading = nodes.strong("", "", *inner)
        body.append(nodes.paragraph("", "", heading, classes=["academic-news-title"]))
    text = rich(ctx, item.text, item.source)
    if url and not title:
        # Without a title to carry the link, a "more" link follows the text.
        more = nodes.reference(ctx.more, ctx.more, refuri=url, classes=["academic-news-more"])
        text = merged([*text, nodes.Text(" "), more]) if text else [more]
    if text:
        body.append(nodes.paragraph("", "", *text, classes=["academic-news-text"]))
    return body

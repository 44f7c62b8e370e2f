"""Decoded rich text and dates -> docutils nodes."""

from __future__ import annotations

import functools
from datetime import date

from docutils import nodes
from sphinx.util.i18n import format_date

from sphinx_academic.model.richtext import RichText


def rich_nodes(spans: RichText) -> list[nodes.Node]:
    """Text nodes for decoded spans; data always ends up as text, never as markup."""
    result: list[nodes.Node] = []
    for span in spans:
        if span.kind == "text":
            result.append(nodes.Text(span.text))
        elif span.kind == "em":
            result.append(nodes.emphasis(span.text, span.text))
        elif span.kind == "strong":
            result.append(nodes.strong(span.text, span.text))
        else:
            result.append(nodes.math(span.text, span.text))
    return result


@functools.lru_cache(maxsize=4096)
def month_year(year: int, month: int | None, language: str) -> str:
    """``Aug 2018`` (or ``2018``) in the project's language, via Sphinx's date formatting."""
    if month is None:
        return str(year)
    try:
        return format_date("%b %Y", date=date(year, month, 1), language=language)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return str(year)

"""Decoded rich text and dates -> docutils nodes."""

from __future__ import annotations

import functools
from datetime import date
from typing import TYPE_CHECKING

from babel.core import UnknownLocaleError
from babel.dates import format_skeleton
from docutils import nodes
from sphinx.util.i18n import format_date

if TYPE_CHECKING:
    from sphinx_academic.model.richtext import RichText, Span


class Runs:
    """Builds inline content where neighbouring plain text becomes one Text node.

    Every node costs time in each of Sphinx's transforms, so long lists are built from
    as few nodes as the markup needs.
    """

    def __init__(self) -> None:
        self.nodes: list[nodes.Node] = []
        self.text: list[str] = []

    def add_text(self, text: str) -> None:
        self.text.append(text)

    def add_node(self, node: nodes.Node) -> None:
        self._flush()
        self.nodes.append(node)

    def add_rich(self, spans: RichText, links: bool = True) -> None:
        """Decoded spans; data always ends up as text, never as markup. Without
        ``links`` (inside a link already) a link span is its text."""
        for span in spans:
            if span.kind == "text":
                self.add_text(span.text)
            elif span.kind == "em":
                self.add_node(nodes.emphasis(span.text, "", data_text(span.text)))
            elif span.kind == "strong":
                self.add_node(nodes.strong(span.text, "", data_text(span.text)))
            elif span.kind == "sup":
                self.add_node(nodes.superscript(span.text, "", data_text(span.text)))
            elif span.kind == "sub":
                self.add_node(nodes.subscript(span.text, "", data_text(span.text)))
            elif span.kind == "link":
                self.add_node(_link(span, links))
            else:
                self.add_node(nodes.math(span.text, span.text))

    def ends_sentence(self) -> bool:
        """Whether the content so far ends with ``.``, ``?`` or ``!`` ("et al.")."""
        last = "".join(self.text) if self.text else (self.nodes[-1].astext() if self.nodes else "")
        return last.rstrip().endswith((".", "?", "!"))

    def end_sentence(self, last: bool = False) -> None:
        """A full stop unless one is there; a space after it unless ``last``."""
        if last and self.text:
            self.text = ["".join(self.text).rstrip()]
        stop = "" if self.ends_sentence() else "."
        self.add_text(stop if last else stop + " ")

    def result(self) -> list[nodes.Node]:
        self._flush()
        return self.nodes

    def _flush(self) -> None:
        if self.text:
            self.nodes.append(data_text("".join(self.text)))
            self.text = []


def data_text(text: str) -> nodes.Text:
    r"""Text from data as docutils keeps a page's text: a backslash is an escaped one
    (``\x00\``, shown as ``\``), so SmartQuotes, which reads ``\-`` or ``\.`` as an
    escape, leaves it in the text."""
    return nodes.Text(text.replace("\\", "\x00\\") if "\\" in text else text)


def rich_nodes(spans: RichText, links: bool = True) -> list[nodes.Node]:
    runs = Runs()
    runs.add_rich(spans, links)
    return runs.result()


def _link(span: Span, links: bool) -> nodes.Element:
    if not links:
        return nodes.inline(span.text, span.text)
    return nodes.reference(span.text, span.text, refuri=span.url)


@functools.lru_cache(maxsize=4096)
def month_year(year: int, month: int | None, language: str) -> str:
    """``Aug 2018`` (or ``2018``) as the project's language writes a month of a year
    (CLDR's ``yMMM``: ``Aug. 2018``, ``août 2018``, ``2018年8月``)."""
    if month is None:
        return str(year)
    try:
        day = date(year, month, 1)
    except (ValueError, OverflowError):
        return str(year)
    try:
        return format_skeleton("yMMM", day, locale=language or "en")
    except (ValueError, UnknownLocaleError):
        # Sphinx warns about a language Babel does not know and writes English.
        return format_date("%b %Y", date=day, language=language)  # type: ignore[arg-type]

"""A date that HTML writes as ``<time datetime="2024-05">May 2024</time>``.

:class:`academic_time` is an ``inline`` with a ``datetime`` attribute, so any builder
without a visitor for it falls back to inline handling (Sphinx looks visitors up along the
class's MRO); :func:`register` still names the usual builders so the fallback is not left
to chance. :class:`academic_date_paragraph` is a paragraph that holds nothing but a date
or a period (a news item's, a timeline entry's): one node with one text where a paragraph
around time nodes took up to five.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from sphinx_academic.nodes import start_tag


class academic_time(nodes.inline):  # lower case: docutils node naming
    """A date or the end of a period; ``datetime`` is its ISO 8601 value."""


class academic_date_paragraph(nodes.paragraph):  # lower case: docutils node naming
    """A paragraph of one date or one period, written in HTML as
    ``<p><time datetime="2018-08">Aug 2018</time> – present</p>``.

    Its text is the whole line, for every other builder; ``dates`` holds the
    ``(label, iso)`` of each part, joined by ``separator``, for HTML (``iso`` is ``""``
    for a part with no machine-readable value, such as "present" or "Fall 2019").

    Speed: every pass Sphinx makes over a page visits each node, and a thousand news items
    had a thousand time nodes more than the same page written by hand.
    """


def visit_date_paragraph_html(translator: HTML5Translator, node: academic_date_paragraph) -> None:
    out = [start_tag(translator, node, "p", "")]
    for index, (label, iso) in enumerate(node["dates"]):
        if index:
            out.append(translator.encode(node["separator"]))
        if iso:
            # What starttag writes for a bare node (speed: no node and no attribute
            # sorting per date; a news page has a thousand).
            datetime = translator.attval(iso)
            out.append(f'<time datetime="{datetime}">{translator.encode(label)}</time>')
        else:
            out.append(translator.encode(label))
    out.append("</p>\n")
    translator.body.extend(out)
    raise nodes.SkipNode  # the text was written from ``dates``


def visit_as_paragraph(translator: Any, node: academic_date_paragraph) -> None:
    translator.visit_paragraph(node)


def depart_as_paragraph(translator: Any, node: academic_date_paragraph) -> None:
    translator.depart_paragraph(node)


def visit_time_html(translator: HTML5Translator, node: academic_time) -> None:
    # starttag escapes the attribute value and adds the node's ids and classes.
    translator.body.append(translator.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(translator: HTML5Translator, node: academic_time) -> None:
    translator.body.append("</time>")


def visit_as_inline(translator: Any, node: academic_time) -> None:
    translator.visit_inline(node)


def depart_as_inline(translator: Any, node: academic_time) -> None:
    translator.depart_inline(node)


def register(app: Sphinx) -> None:
    """Add the two node classes with their visitors (call from the extension's setup)."""
    as_inline: dict[str, Any] = {
        name: (visit_as_inline, depart_as_inline) for name in ("latex", "text", "man", "texinfo")
    }
    app.add_node(academic_time, html=(visit_time_html, depart_time_html), **as_inline)
    as_paragraph: dict[str, Any] = {
        name: (visit_as_paragraph, depart_as_paragraph)
        for name in ("latex", "text", "man", "texinfo")
    }
    app.add_node(academic_date_paragraph, html=(visit_date_paragraph_html, None), **as_paragraph)

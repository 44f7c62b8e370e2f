"""A date that HTML writes as ``<time datetime="2024-05">May 2024</time>``.

The node is an ``inline`` with a ``datetime`` attribute, so any builder without a visitor
for it falls back to inline handling (Sphinx looks visitors up along the class's MRO);
:func:`register` still names the usual builders so the fallback is not left to chance.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class academic_time(nodes.inline):  # lower case: docutils node naming
    """A date or the end of a period; ``datetime`` is its ISO 8601 value."""


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
    """Add :class:`academic_time` with its visitors (call from the extension's setup)."""
    as_inline: dict[str, Any] = {
        name: (visit_as_inline, depart_as_inline) for name in ("latex", "text", "man", "texinfo")
    }
    app.add_node(academic_time, html=(visit_time_html, depart_time_html), **as_inline)

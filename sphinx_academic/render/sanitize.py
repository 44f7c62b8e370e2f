"""Inline markup parsed from data files, without what data may not put into a page.

Profile text is reStructuredText inline markup, parsed by docutils like the page around
it, so a co-author's file or a converted export could hold a ```link <javascript:...>`_``,
a ``:download:`` of a file outside the project, a ``:math:`` formula that makes LaTeX
read a file, or raw output through a role the page defined. :func:`sanitize` replaces
each such node with its plain text and says why; everything else is kept as parsed.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes

from sphinx_academic.model.links import safe_url

#: ``(message, subtype)`` -> a warning at the data's location.
Report = Callable[[str, str], None]


def sanitize(
    parsed: list[nodes.Node], outside_source: Callable[[str], bool], report: Report
) -> list[nodes.Node]:
    """``parsed`` with unsafe links, downloads, formulas and raw nodes made text.

    ``outside_source(target)`` tells whether a ``:download:`` target leaves the source
    directory.
    """
    holder = nodes.inline("", "", *parsed)
    for unparsed in list(holder.findall(nodes.problematic)):
        # Markup that did not parse (already reported) links to a message that is not
        # in the page: shown as its text.
        unparsed.replace_self(nodes.inline(unparsed.astext(), unparsed.astext()))
    for node in list(holder.findall(nodes.Element, include_self=False)):
        problem = _problem(node, outside_source)
        if problem is None or not _inside(node, holder):
            continue
        report(*problem)
        text = node.astext()
        # An inline, not bare text: it takes over the node's ids and classes.
        node.replace_self(nodes.inline(text, text))
    children = list(holder.children)
    holder.clear()
    return children


def _problem(node: nodes.Element, outside_source: Callable[[str], bool]) -> tuple[str, str] | None:
    if isinstance(node, nodes.reference) and node.get("refuri"):
        if safe_url(node["refuri"]) is None:
            return (
                f"profile text: link {node['refuri']!r} dropped (only http, https, mailto "
                "and relative links are allowed)",
                "link",
            )
    elif isinstance(node, addnodes.download_reference):
        target = node.get("reftarget", "")
        if outside_source(target):
            return f"profile text: :download: {target!r} is outside the source directory", "asset"
    elif isinstance(node, nodes.math):
        from sphinx_academic.model.texmath import math_problem

        why = math_problem(node.astext())
        if why:
            return f"profile text: math {node.astext()!r}: {why}; shown as text", "math"
    elif isinstance(node, nodes.raw):
        return "profile text: raw output is not allowed in data; shown as text", "markup"
    return None


def _inside(node: nodes.Node, holder: nodes.Element) -> bool:
    """Whether ``node`` is still in ``holder`` (not inside a node already replaced)."""
    while node.parent is not None:
        node = node.parent
    return node is holder

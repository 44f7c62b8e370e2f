"""Inline markup parsed from data files, without what data may not put into a page.

Profile text is reStructuredText inline markup, parsed by docutils like the page around
it, so a co-author's file or a converted export could hold a ```link <javascript:...>`_``,
a ``:download:`` of a file outside the project, a ``:math:`` formula that makes LaTeX
read a file, or raw output through a role the page defined. The same text is shown on
every page that shows the data, so it cannot use what belongs to one page either: a
footnote, a named hyperlink reference or an internal target, a substitution the page does
not define. :func:`sanitize` replaces each such node with its plain text and says why;
everything else is kept as parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from sphinx_academic.model.links import safe_url

#: ``(message, subtype)`` -> a warning at the data's location.
Report = Callable[[str, str], None]

#: The substitutions Sphinx defines for every page.
SPHINX_SUBSTITUTIONS = frozenset({"version", "release", "today", "translation progress"})


@dataclass(frozen=True)
class Checks:
    """What :func:`sanitize` asks of the page the data is shown on."""

    #: Whether a ``:download:`` target (as Sphinx resolves it) leaves the source directory.
    outside_source: Callable[[str], bool]
    #: Whether a substitution of this name is defined for the page.
    has_substitution: Callable[[str], bool]


def sanitize(parsed: list[nodes.Node], checks: Checks, report: Report) -> list[nodes.Node]:
    """``parsed`` with unsafe links, downloads, formulas and raw nodes, and what belongs
    to one page, made text."""
    holder = nodes.inline("", "", *parsed)
    for unparsed in list(holder.findall(nodes.problematic)):
        # Markup that did not parse (already reported) links to a message that is not
        # in the page: shown as its text.
        unparsed["ids"] = []
        unparsed.replace_self(nodes.inline(unparsed.astext(), unparsed.astext()))
    for node in list(holder.findall(nodes.Element, include_self=False)):
        if isinstance(node, nodes.target) and ("refuri" in node or "refname" in node):
            # `text <url>`_ also names its address (`text <name_>`_ its alias); the
            # reference beside it is what is shown.
            node.parent.remove(node)
            continue
        problem = _problem(node, checks) or _page_bound(node, checks)
        if problem is None or not _inside(node, holder):
            continue
        report(*problem)
        text = node.astext()
        # An inline, not bare text, keeps the node's classes; names and ids went with it.
        node["ids"], node["names"] = [], []
        if text:
            node.replace_self(nodes.inline(text, text))
        else:
            node.parent.remove(node)
    children = list(holder.children)
    holder.clear()
    return children


def _problem(node: nodes.Element, checks: Checks) -> tuple[str, str] | None:
    """Why data may not put ``node`` into a page (``(message, subtype)``), if it may not."""
    if isinstance(node, nodes.reference) and node.get("refuri"):
        if safe_url(node["refuri"]) is None:
            return (
                f"profile text: link {node['refuri']!r} dropped (only http, https, mailto "
                "and relative links are allowed)",
                "link",
            )
    elif isinstance(node, addnodes.download_reference):
        target = node.get("reftarget", "")
        if checks.outside_source(target):
            return f"profile text: :download: {target!r} is outside the source directory", "asset"
    elif isinstance(node, nodes.math):
        from sphinx_academic.model.texmath import math_problem

        why = math_problem(node.astext())
        if why:
            return f"profile text: math {node.astext()!r}: {why}; shown as text", "math"
    elif isinstance(node, nodes.raw):
        return "profile text: raw output is not allowed in data; shown as text", "markup"
    return None


def _page_bound(node: nodes.Element, checks: Checks) -> tuple[str, str] | None:
    """Why ``node`` cannot be shown outside the page it was written in, if so."""
    shown = node.astext()
    if isinstance(node, nodes.footnote_reference):
        why = f"the footnote reference {node.rawsource!r} needs a footnote in the page"
    elif isinstance(node, nodes.reference) and _named(node):
        why = (
            f"the reference {node.rawsource or shown!r} needs a target in the page "
            "(link with `text <https://...>`_ or a role such as :ref: or :doc:)"
        )
    elif isinstance(node, nodes.target) and node["names"]:
        why = f"the target {node.rawsource or shown!r} would belong to one page"
    elif isinstance(node, nodes.substitution_reference):
        if checks.has_substitution(node["refname"]):
            return None
        why = f"the substitution |{shown}| is not defined (define it in rst_prolog)"
    else:
        return None
    return f"profile text: {why}; {'shown as text' if shown else 'left out'}", "markup"


def _named(reference: nodes.reference) -> bool:
    """Whether a reference finds its address through a name (```text`_``, ```text`__``)
    rather than having it (a role's reference, ```text <https://...>`__``)."""
    if reference.get("refuri") or reference.get("refid"):
        return False
    return "refname" in reference or bool(reference.get("anonymous"))


def _inside(node: nodes.Node, holder: nodes.Element) -> bool:
    """Whether ``node`` is still in ``holder`` (not inside a node already replaced)."""
    while node.parent is not None:
        node = node.parent
    return node is holder

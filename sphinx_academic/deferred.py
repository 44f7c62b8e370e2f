"""What a directive renders is kept out of the page's tree until the page is written.

Speed: after a directive has run, Sphinx passes over the page's whole tree a few dozen
times (its transforms, SmartQuotes, the collectors, the ``doctree-read`` handlers, the
checks before writing). A page written by hand pays that for its own nodes; a page showing
a thousand news items paid it for the eight thousand nodes the extension made, which is
most of what such a page cost beyond its hand-written equivalent. So the rendered nodes
wait in :class:`academic_deferred`, a node without children of its own, and go back into
the tree by :class:`RestoreDeferredOutput` before anything resolves references.

What the read-time passes must see stays in the tree: images and file downloads (Sphinx
copies them), formulas (the page then loads MathJax), each as a child of the placeholder
that goes back where it was. SmartQuotes, which a page's own text gets when it is read, is
applied here to the rendered text. Output holding what docutils or Sphinx resolve while a
page is read (sections, footnotes, substitutions, named references, index entries,
toctrees) is not deferred at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxSmartQuotes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_academic.nodes import skip

#: Nodes Sphinx's read-time passes must see: they stay in the tree, in the placeholder.
KEPT_IN_TREE = (nodes.image, addnodes.download_reference, nodes.math, nodes.math_block)
#: Nodes resolved or collected while a page is read: their output is not deferred.
NEEDED_WHILE_READING = (
    nodes.section,
    nodes.title,
    nodes.footnote,
    nodes.footnote_reference,
    nodes.citation,
    nodes.citation_reference,
    nodes.substitution_reference,
    nodes.pending,
    nodes.figure,
    nodes.table,
    nodes.system_message,
    addnodes.toctree,
    addnodes.index,
    addnodes.only,
)
#: What SmartQuotes may change: quotes, backticks, escapes, dashes and ellipses. Text
#: without any is left as it is, so it is not handed to SmartQuotes (speed).
_SMARTQUOTABLE = re.compile(r"[\"'`\\]|--|\.\s?\.")


class academic_deferred(nodes.General, nodes.Element):  # lower case: docutils naming
    """Where a directive's output goes back into the page when the page is written.

    ``deferred`` (an instance attribute, so no pass over the tree visits it) holds the
    output; the children are the nodes taken out of it that reading must see, and
    ``academic_slot`` nodes in the output mark where each goes back.
    """

    deferred: list[nodes.Node]

    def copy(self) -> academic_deferred:
        # docutils copies an element from its attributes (``deepcopy`` calls this too);
        # the output is copied whole, so two trees never share its nodes.
        duplicate: academic_deferred = super().copy()  # type: ignore[assignment]
        duplicate.deferred = [node.deepcopy() for node in self.deferred]
        return duplicate


class academic_slot(nodes.General, nodes.Element):  # lower case: docutils naming
    """Marks where the placeholder's child number ``index`` goes back."""


def defer(document: nodes.document, output: list[nodes.Node]) -> list[nodes.Node]:
    """``output`` as one placeholder, or unchanged when reading must see all of it."""
    elements = [node for node in output if isinstance(node, nodes.Element)]
    if not elements or len(elements) != len(output):
        return output
    kept: list[nodes.Element] = []
    blocks: list[nodes.TextElement] = []  # for SmartQuotes, found in the same walk
    stack: list[nodes.Node] = list(elements)
    while stack:  # speed: a plain stack, not findall's nested generators
        node = stack.pop()
        if isinstance(node, NEEDED_WHILE_READING) or _resolved_by_name(node):
            return output
        if isinstance(node, KEPT_IN_TREE):
            if node.parent is None:  # nowhere to mark its place
                return output
            kept.append(node)  # type: ignore[arg-type]
        if isinstance(node, nodes.TextElement) and not isinstance(node.parent, nodes.TextElement):
            blocks.append(node)
        if isinstance(node, nodes.Element):
            stack += node.children
    # Blocks are never nested, so the walk met them in reverse order of the page.
    educate_quotes(document, blocks[::-1])
    placeholder = academic_deferred()
    placeholder.source, placeholder.line = elements[0].source, elements[0].line
    for index, node in enumerate(kept):
        node.replace_self(academic_slot(index=index))
        placeholder += node
    # The page's ids still lead into the output (docutils renames duplicate names
    # through them); it is pickled with the page, so they cost nothing more.
    placeholder.deferred = list(output)
    return [placeholder]


def _resolved_by_name(node: nodes.Node) -> bool:
    """A reference or target that docutils resolves by name while the page is read."""
    if isinstance(node, nodes.reference):
        return "refname" in node
    if isinstance(node, nodes.target):
        return "refname" in node or "refid" in node
    return False


class _RenderedText:
    """The document as SmartQuotes sees it: only the rendered blocks of text (paragraphs,
    titles: text elements outside any other) with something to educate. SmartQuotes
    walks ``document.findall(nodes.TextElement)`` and skips the nested ones."""

    def __init__(self, document: nodes.document, blocks: list[nodes.TextElement]) -> None:
        self.settings = document.settings
        self.reporter = document.reporter
        self.blocks = blocks

    def findall(self, condition: type[nodes.TextElement]) -> Iterator[nodes.Element]:
        for node in self.blocks:
            if isinstance(node, condition) and _SMARTQUOTABLE.search(node.astext()):
                yield node


def educate_quotes(document: nodes.document, blocks: list[nodes.TextElement]) -> None:
    """SmartQuotes on the rendered blocks of text, in the page's order, as Sphinx applies
    it to the page's own text (``smartquotes``, ``smartquotes_action``,
    ``smartquotes_excludes``, the language)."""
    if not getattr(document.settings, "smart_quotes", False):  # docutils' default: off
        return
    transform = SphinxSmartQuotes(_RenderedText(document, blocks), None)  # type: ignore[arg-type]
    transform.apply()


class RestoreDeferredOutput(SphinxPostTransform):
    """Puts each directive's output back in place of its placeholder."""

    # Before references in the output are resolved (Sphinx's resolver runs at 10).
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for placeholder in list(self.document.findall(academic_deferred)):
            restore(placeholder)


def restore(placeholder: academic_deferred) -> None:
    kept = list(placeholder.children)
    placeholder.clear()
    output = placeholder.deferred
    if kept:
        for slot in _slots(output):
            index = slot["index"]
            if index < len(kept):
                slot.replace_self(kept[index])
            else:  # a read-time pass removed it
                slot.parent.remove(slot)
    placeholder.replace_self(output)


def _slots(output: list[nodes.Node]) -> list[academic_slot]:
    found: list[academic_slot] = []
    stack = list(output)
    while stack:
        node = stack.pop()
        if isinstance(node, academic_slot):
            found.append(node)
        elif isinstance(node, nodes.Element):
            stack += node.children
    return found


def register(app: Sphinx) -> None:
    # Placeholders are replaced before writing; a writer that meets one anyway (a
    # builder that skips post-transforms) writes nothing for it rather than failing.
    skipped: dict[str, Any] = {
        name: (skip, None) for name in ("html", "latex", "text", "man", "texinfo")
    }
    app.add_node(academic_deferred, **skipped)
    app.add_node(academic_slot, **skipped)
    app.add_post_transform(RestoreDeferredOutput)

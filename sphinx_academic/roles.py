"""``:pub:`KEY``` and ``:pub:`text <KEY>```: a link to the entry's card, anywhere (also
``:academic:pub:``, and ``:external+NAME:academic:pub:`` from another project)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from sphinx_academic import diagnostics

if TYPE_CHECKING:
    from sphinx_academic.domain import AcademicDomain


class PubRole(SphinxRole):
    """Shows the entry's title (or the given text); the domain resolves the target.

    A key this project does not have is still a cross-reference: intersphinx may resolve
    it from another project's inventory, and what stays unresolved is warned about by
    :func:`sphinx_academic.domain.warn_unresolved`.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        from sphinx_academic.domain import publications_for_page
        from sphinx_academic.render.text import rich_nodes

        has_text, text, key = split_explicit_title(self.text)
        key = key.strip()
        if not key:
            diagnostics.warn(f":pub: {self.text!r} names no key", self.get_location(), "key")
            return [nodes.inline(self.rawtext, text, classes=["problematic"])], []
        pub = publications_for_page(self.env).get(key)
        label: list[nodes.Node] = [nodes.Text(text)]
        if pub is not None:
            domain: AcademicDomain = self.env.get_domain("academic")  # type: ignore[assignment]
            domain.note_cited(self.env.docname, pub.key)
            if not has_text:
                label = rich_nodes(pub.title) if pub.title else [nodes.Text(pub.key)]
        content = nodes.inline("", "", *label, classes=["academic-pub-ref"])
        ref = pending_xref(
            self.rawtext,
            content,
            refdomain="academic",
            reftype="pub",
            reftarget=key.lower(),
            refexplicit=has_text or pub is not None,
            refwarn=True,
            refdoc=self.env.docname,
        )
        self.set_source_info(ref)
        return [ref], []

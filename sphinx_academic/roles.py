"""``:pub:`KEY``` and ``:pub:`text <KEY>```: a link to the entry's card, anywhere."""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from sphinx_academic import diagnostics
from sphinx_academic.directives.common import publication_store
from sphinx_academic.domain import get_domain
from sphinx_academic.render.text import rich_nodes


class PubRole(SphinxRole):
    """Shows the entry's title (or the given text); the domain resolves the target."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        has_text, text, key = split_explicit_title(self.text)
        key = key.strip()
        pub = publication_store(self.env).get(key)
        if pub is None:
            diagnostics.warn(f":pub: unknown publication key {key!r}", self.get_location(), "key")
            return [
                nodes.inline(self.rawtext, text, classes=["academic-pub-ref", "problematic"])
            ], []
        get_domain(self.env).note_cited(self.env.docname, pub.key)
        label = [nodes.Text(text)] if has_text else rich_nodes(pub.title)
        content = nodes.inline("", "", *label, classes=["academic-pub-ref"])
        ref = pending_xref(
            self.rawtext,
            content,
            refdomain="academic",
            reftype="pub",
            reftarget=pub.key.lower(),
            refexplicit=True,
            refwarn=False,
            refdoc=self.env.docname,
        )
        self.set_source_info(ref)
        return [ref], []

"""``.. publication-page:: KEY``: the whole page of one entry, as the generated stubs of
``academic_publication_pages`` hold (see :mod:`sphinx_academic.export.pages`)."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_academic.directives.base import register_anchor, unique_anchor
from sphinx_academic.directives.publications import PublicationDirectiveBase
from sphinx_academic.domain import PAGE, get_domain, publications_for_page
from sphinx_academic.render.context import render_context
from sphinx_academic.render.publication import page_body
from sphinx_academic.render.text import rich_nodes


class PublicationPageDirective(PublicationDirectiveBase):
    """The whole page of one entry."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        pub = publications_for_page(self.env).get(key)
        if pub is None:
            self.warn(f"unknown publication key {key!r}", "key")
            return []
        anchor = unique_anchor(self.state.document, pub.key)
        section = nodes.section(ids=[anchor], classes=["academic-pub-page-section"])
        section += nodes.title("", "", *rich_nodes(pub.title or ()))
        domain = get_domain(self.env)
        ctx = render_context(self.env, warn=domain.note_problem)
        section += page_body(pub, ctx, self.env.docname + ".bib")
        section["classes"].extend(self.options.get("class", []))
        register_anchor(self.state.document, section, anchor)
        domain.note_shown(self.env.docname, pub.key, anchor, PAGE)
        domain.note_page(self.env.docname, pub.key)
        self.set_source_info(section)
        return [section]

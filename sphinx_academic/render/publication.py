"""Publications -> docutils node trees: cards and citation lines (list and numbered).

Cards are containers with the documented CSS hooks (``academic-pub``,
``academic-pub-title``, ...). Citation lines are single paragraphs of few nodes, which
every builder can write; non-HTML builders get citation lines for cards too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from docutils import nodes
from sphinx.addnodes import pending_xref

from sphinx_academic.locale import _
from sphinx_academic.model.identifiers import web_address
from sphinx_academic.model.names import Author
from sphinx_academic.model.publication import Publication
from sphinx_academic.nodes import (
    academic_button,
    academic_details,
    academic_output_link,
    academic_source,
)
from sphinx_academic.render.authors import add_authors, authors_inline, shown_authors
from sphinx_academic.render.context import RenderContext
from sphinx_academic.render.metrics import with_cited_by
from sphinx_academic.render.resources import checked_url, link_nodes, preview_node
from sphinx_academic.render.text import Runs, rich_nodes
from sphinx_academic.render.topics import topic_list
from sphinx_academic.render.venue import add_venue, venue_nodes

Style = Literal["card", "list", "numbered"]
STYLES: tuple[Style, ...] = ("card", "list", "numbered")


def entry_node(
    pub: Publication, style: Style, anchor: str, ctx: RenderContext, number: int | None = None
) -> nodes.Element:
    """One entry in ``style``; ``number`` labels numbered entries."""
    node = card(pub, ctx) if style == "card" else citation_line(pub, ctx, number)
    node["ids"].append(anchor)
    return node


# -- citation lines ------------------------------------------------------------------------


def citation_line(
    pub: Publication, ctx: RenderContext, number: int | None = None
) -> nodes.paragraph:
    """``[N] Authors. Title. Venue, Month Year.`` as one paragraph."""
    runs = Runs()
    if number is not None:
        label = f"[{number}] "
        runs.add_node(nodes.inline(label, label, classes=["academic-pub-number"]))
    people, role = credited(pub)
    if people:
        add_authors(runs, people, shown_authors(people, ctx), ctx, expandable=False)
        runs.add_text(role)
        runs.end_sentence()
    runs.add_node(title_inline(pub, ctx))
    runs.end_sentence()
    add_venue(runs, pub, ctx)
    runs.end_sentence(last=True)
    para = nodes.paragraph("", "", *runs.result(), classes=["academic-pub", "academic-pub-line"])
    para["academic_key"] = pub.key
    return para


# -- cards ---------------------------------------------------------------------------------


def card(pub: Publication, ctx: RenderContext) -> nodes.container:
    box = nodes.container(classes=["academic-pub", "academic-pub-card"])
    box["academic_key"] = pub.key
    preview = preview_node(pub, ctx)
    if preview is not None:
        box += nodes.container("", preview, classes=["academic-pub-preview"])
    else:
        box["classes"].append("academic-pub-no-preview")
    box += card_body(pub, ctx)
    return box


def card_body(pub: Publication, ctx: RenderContext) -> nodes.container:
    body = nodes.container(classes=["academic-pub-body"])
    badges = with_cited_by(badge_nodes(pub), pub, ctx)
    if badges:
        body += nodes.paragraph("", "", *badges, classes=["academic-pub-badges"])
    body += nodes.paragraph("", "", title_inline(pub, ctx), classes=["academic-pub-title"])
    if pub.authors or pub.editors:
        body += _authors_paragraph(pub, ctx)
    venue = venue_nodes(pub, ctx)
    if venue:
        body += nodes.paragraph("", "", *venue, classes=["academic-pub-venue"])
    topics = topic_list(pub)
    if topics is not None:
        body += topics
    if pub.get("award"):
        award = rich_nodes(pub.rich("award"))
        body += nodes.paragraph("", "", *award, classes=["academic-pub-award-text"])
    links = link_nodes(pub, ctx)
    if links:
        body += nodes.paragraph("", "", *links, classes=["academic-pub-links"])
    if pub.get("abstract"):
        abstract = nodes.paragraph("", "", *rich_nodes(pub.rich("abstract")))
        body += disclosure(_("Abstract"), "academic-pub-abstract", abstract)
    body += bibtex_disclosure(pub)
    return body


def credited(pub: Publication) -> tuple[tuple[Author, ...], str]:
    """The authors, or for an edited volume without authors its editors and "(eds.)"."""
    if pub.authors or not pub.editors:
        return pub.authors, ""
    return pub.editors, " " + (_("(ed.)") if len(pub.editors) == 1 else _("(eds.)"))


def _authors_paragraph(pub: Publication, ctx: RenderContext) -> nodes.paragraph:
    people, role = credited(pub)
    para = nodes.paragraph(
        "", "", authors_inline(people, ctx, expandable=True), classes=["academic-pub-authors"]
    )
    if role:
        para += nodes.Text(role)
    if pub.get("annotation"):
        note = rich_nodes(pub.rich("annotation"))
        para += nodes.inline("", "", *note, classes=["academic-pub-annotation"])
    return para


def disclosure(summary: str, css_class: str, *children: nodes.Node) -> academic_details:
    """A closed ``<details>`` block in HTML."""
    node = academic_details("", *children, classes=[css_class])
    node["summary"] = summary
    return node


def bibtex_disclosure(pub: Publication) -> academic_details:
    source = pub.cleaned_bibtex()
    block = academic_source(source, source)
    button = academic_button("", classes=["academic-copy"])
    button.update_all_atts(
        {"label": _("Copy"), "done": _("Copied"), "action": "copy", "tooltip": _("Copy BibTeX")}
    )
    return disclosure(_("BibTeX"), "academic-pub-bibtex", block, button)


def badge_nodes(pub: Publication) -> list[nodes.Node]:
    """``abbr`` as a venue badge and ``award_name`` (or "Award") as an award badge."""
    badges: list[nodes.Node] = []
    if pub.get("abbr"):
        abbr = rich_nodes(pub.rich("abbr"))
        badges.append(nodes.inline("", "", *abbr, classes=["academic-badge", "academic-pub-abbr"]))
    if pub.get("award") or pub.get("award_name"):
        label = rich_nodes(pub.rich("award_name")) or [nodes.Text(_("Award"))]
        badges.append(
            nodes.inline("", "", *label, classes=["academic-badge", "academic-pub-award"])
        )
    if len(badges) == 2:
        badges.insert(1, nodes.Text(" "))
    return badges


def title_inline(pub: Publication, ctx: RenderContext) -> nodes.Element:
    """The title, as a cross-reference the domain resolves to the entry's own page when
    it has one (generated or written by hand), else to ``url`` or ``html`` when one is
    safe; plain text otherwise."""
    return pending_xref(
        "",
        nodes.inline("", "", *_title_nodes(pub), classes=["academic-pub-title-text"]),
        refdomain="academic",
        reftype="title",
        reftarget=pub.key.lower(),
        refexplicit=True,
        refwarn=False,
        academic_url=_title_url(pub, ctx),
    )


def _title_url(pub: Publication, ctx: RenderContext) -> str:
    for name in ("url", "html"):
        value = web_address(pub.get(name).strip())
        if value and checked_url(pub, name, value, ctx):
            return value
    return ""


def _title_nodes(pub: Publication) -> list[nodes.Node]:
    # The title is a link itself (to its page or its url): no links inside it.
    return rich_nodes(pub.title, links=False) if pub.title else [nodes.Text(pub.key)]


# -- a publication's own page ---------------------------------------------------------------


def page_body(pub: Publication, ctx: RenderContext, bib_file: str) -> list[nodes.Node]:
    """Everything about one entry, unfolded: for its own page. ``bib_file`` is where the
    build writes the entry's BibTeX (a path in the output folder)."""
    unshortened = replace(ctx, max_authors=0)
    box = nodes.container(classes=["academic-pub-page"])
    preview = preview_node(pub, ctx)
    if preview is not None:
        box += nodes.container("", preview, classes=["academic-pub-preview"])
    box += _authors_paragraph(pub, unshortened)
    parts = (
        ("academic-pub-badges", with_cited_by(badge_nodes(pub), pub, ctx)),
        ("academic-pub-venue", venue_nodes(pub, ctx)),
        ("academic-pub-links", link_nodes(pub, ctx)),
    )
    for css_class, children in parts:
        if children:
            box += nodes.paragraph("", "", *children, classes=[css_class])
    topics = topic_list(pub)
    if topics is not None:
        box += topics
    return [box, *_page_sections(pub, unshortened, bib_file)]


def _page_sections(pub: Publication, ctx: RenderContext, bib_file: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    if pub.get("abstract"):
        result += [
            _page_heading(_("Abstract")),
            nodes.paragraph(
                "", "", *rich_nodes(pub.rich("abstract")), classes=["academic-pub-abstract"]
            ),
        ]
    cite = citation_line(pub, ctx)
    cite["classes"].append("academic-pub-cite")
    result += [_page_heading(_("Cite as")), cite, _page_heading(_("BibTeX"))]
    source = pub.cleaned_bibtex()
    copy = academic_button("", classes=["academic-copy"])
    copy.update_all_atts(
        {"label": _("Copy"), "done": _("Copied"), "action": "copy", "tooltip": _("Copy BibTeX")}
    )
    download = academic_output_link("", classes=["academic-pub-bib-download"])
    download.update_all_atts({"label": _("Download .bib"), "target": bib_file})
    bibtex = nodes.container(
        "",
        academic_source(source, source),
        nodes.paragraph("", "", copy, nodes.Text(" "), download),
        classes=["academic-pub-bibtex"],
    )
    return [*result, bibtex]


def _page_heading(text: str) -> nodes.rubric:
    rubric = nodes.rubric(text, text, classes=["academic-pub-page-heading"])
    rubric["heading-level"] = 2
    return rubric

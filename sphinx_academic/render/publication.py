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
from sphinx_academic.render.venue import add_venue, short_venue_nodes, venue_nodes

Style = Literal["card", "compact", "list", "numbered"]
STYLES: tuple[Style, ...] = ("card", "compact", "list", "numbered")
#: Styles whose entries are boxes with a thumbnail column (the others are citation lines).
BOXED_STYLES = frozenset({"card", "compact"})


def entry_node(
    pub: Publication, style: Style, anchor: str, ctx: RenderContext, number: int | None = None
) -> nodes.Element:
    """One entry in ``style``; ``number`` labels numbered entries."""
    if style == "card":
        node: nodes.Element = card(pub, ctx)
    elif style == "compact":
        node = compact_entry(pub, ctx)
    else:
        node = citation_line(pub, ctx, number)
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
    title = linked_title(pub, ctx)
    if title is not None:
        runs.add_node(title)
    elif pub.title:
        runs.add_rich(pub.title, links=False)  # plain text in the line, as written by hand
    else:
        runs.add_text(pub.key)
    runs.end_sentence()
    add_venue(runs, pub, ctx)
    runs.end_sentence(last=True)
    para = nodes.paragraph("", "", *runs.result(), classes=["academic-pub", "academic-pub-line"])
    para["academic_key"] = pub.key
    return para


# -- cards ---------------------------------------------------------------------------------


def card(pub: Publication, ctx: RenderContext) -> nodes.container:
    """A card: a fixed left column (badges above the thumbnail), then title, authors,
    venue, one row of buttons and the panels they open."""
    box = nodes.container(classes=["academic-pub", "academic-pub-card"])
    box["academic_key"] = pub.key
    preview = preview_node(pub, ctx)
    if preview is None:
        box["classes"].append("academic-pub-no-preview")
    box += aside(with_cited_by(badge_nodes(pub), pub, ctx), preview)
    box += card_body(pub, ctx)
    return box


def aside(badges: list[nodes.Node], preview: nodes.image | None) -> nodes.container:
    """The left column, kept (empty if need be) so every title starts at the same x."""
    column = nodes.container(classes=["academic-pub-aside"])
    if badges:
        column += nodes.paragraph("", "", *badges, classes=["academic-pub-badges"])
    if preview is not None:
        column += nodes.container("", preview, classes=["academic-pub-preview"])
    return column


def card_body(pub: Publication, ctx: RenderContext) -> nodes.container:
    body = nodes.container(classes=["academic-pub-body"])
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
    mode = ctx.abstract or "folded"
    if mode == "open" and pub.get("abstract"):
        body += abstract_text(pub)
    panels = [bibtex_disclosure(pub)]
    if mode == "folded" and pub.get("abstract"):
        panels.insert(0, disclosure(_("Abstract"), "academic-pub-abstract", abstract_text(pub)))
    toggles = [panel_toggle(panel) for panel in panels]
    body += nodes.paragraph(
        "", "", *spaced([*toggles, *link_nodes(pub, ctx)]), classes=["academic-pub-links"]
    )
    body.extend(panels)
    return body


def abstract_text(pub: Publication) -> nodes.paragraph:
    """The abstract as one paragraph."""
    text = rich_nodes(pub.rich("abstract"))
    return nodes.paragraph("", "", *text, classes=["academic-pub-abstract-text"])


def spaced(items: list[nodes.Node]) -> list[nodes.Node]:
    """``items`` with a space between neighbours (link buttons and toggles)."""
    result: list[nodes.Node] = []
    for item in items:
        if isinstance(item, nodes.Text):
            continue
        if result:
            result.append(nodes.Text(" "))
        result.append(item)
    return result


def panel_toggle(panel: academic_details) -> academic_button:
    """A button that opens and closes ``panel``; ``academic.js`` shows it and hides the
    panel's own summary, so without JavaScript the panel's summary still opens it."""
    button = academic_button("", classes=["academic-pub-toggle"])
    button.update_all_atts(
        {
            "label": panel["summary"],
            "action": "toggle-panel",
            "panel": panel["classes"][0],
            "expanded": False,
            "hidden": True,
        }
    )
    return button


# -- compact entries ------------------------------------------------------------------------


def compact_entry(pub: Publication, ctx: RenderContext) -> nodes.container:
    """As on an academicpages home page: thumbnail left; authors, the title in bold, a
    short venue and ``[arXiv, Code, BibTeX]``; then the summary, shown open."""
    box = nodes.container(classes=["academic-pub", "academic-pub-compact"])
    box["academic_key"] = pub.key
    preview = preview_node(pub, ctx)
    if preview is None:
        box["classes"].append("academic-pub-no-preview")
    box += aside([], preview)
    body = nodes.container(classes=["academic-pub-body"])
    if pub.authors or pub.editors:
        body += _authors_paragraph(pub, ctx)
    body += nodes.paragraph("", "", title_inline(pub, ctx), classes=["academic-pub-title"])
    venue = short_venue_nodes(pub)
    mode = ctx.abstract or "open"
    panels = [bibtex_disclosure(pub)]
    if mode == "folded" and pub.get("abstract"):
        panels.insert(0, disclosure(_("Abstract"), "academic-pub-abstract", abstract_text(pub)))
    inline = bracketed([*link_nodes(pub, ctx), *(panel_toggle(panel) for panel in panels)])
    body += nodes.paragraph("", "", *venue, *inline, classes=["academic-pub-venue"])
    summary = summary_paragraph(pub) if mode == "open" else None
    if summary is not None:
        body += summary
    body.extend(panels)
    box += body
    return box


def bracketed(items: list[nodes.Node]) -> list[nodes.Node]:
    """`` [a, b, c]``: links and toggles as an inline list. A toggle and the comma before
    it are one inline, hidden with the toggle when the script does not run."""
    shown = [item for item in items if not isinstance(item, nodes.Text)]
    result: list[nodes.Node] = [nodes.Text(" [")]
    for index, item in enumerate(shown):
        comma = [nodes.Text(", ")] if index else []
        if isinstance(item, academic_button):
            result.append(
                nodes.inline("", "", *comma, item, classes=["academic-pub-inline-toggle"])
            )
        else:
            result += [*comma, item]
    links = nodes.inline("", "", *result, nodes.Text("]"), classes=["academic-pub-inline-links"])
    return [links] if shown else []


def summary_paragraph(pub: Publication) -> nodes.paragraph | None:
    """The entry's ``summary`` field, else its abstract."""
    for name in ("summary", "abstract"):
        if pub.get(name):
            text = rich_nodes(pub.rich(name))
            return nodes.paragraph("", "", *text, classes=["academic-pub-summary"])
    return None


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
    """A closed ``<details>`` block in HTML: a panel that a toggle button opens."""
    node = academic_details("", *children, classes=[css_class, "academic-pub-panel"])
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


def linked_title(pub: Publication, ctx: RenderContext) -> nodes.Element | None:
    """The title as a link: a cross-reference the domain resolves to the entry's own
    page (generated with ``ctx.link_pages``, or written by hand and in
    ``ctx.own_pages``), else a reference to its ``url`` or ``html`` when one is safe;
    ``None`` when it links nowhere."""
    url = _title_url(pub, ctx)
    if ctx.link_pages or pub.key.lower() in ctx.own_pages:
        return title_reference(pub.key, url, _title_nodes(pub))
    if url:
        return nodes.reference(
            "", "", *_title_nodes(pub), refuri=url, classes=["academic-pub-title-link"]
        )
    return None


def title_inline(pub: Publication, ctx: RenderContext) -> nodes.Element:
    """The title on a card: a link (see :func:`linked_title`) or a span."""
    linked = linked_title(pub, ctx)
    if linked is not None:
        return linked
    return nodes.inline("", "", *_title_nodes(pub), classes=["academic-pub-title-text"])


def title_reference(key: str, url: str, title: list[nodes.Node]) -> pending_xref:
    """A title the domain links to the entry's own page, else to ``url`` (if any)."""
    return pending_xref(
        "",
        nodes.inline("", "", *title, classes=["academic-pub-title-text"]),
        refdomain="academic",
        reftype="title",
        reftarget=key.lower(),
        refexplicit=True,
        refwarn=False,
        academic_url=url,
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
    box += _authors_paragraph(pub, unshortened)
    badges = with_cited_by(badge_nodes(pub), pub, ctx)
    venue = venue_nodes(pub, ctx)
    if badges or venue:
        badge_group = [nodes.inline("", "", *badges, classes=["academic-pub-badges"])]
        venue_text = [nodes.inline("", "", *venue, classes=["academic-pub-venue-text"])]
        line = (badge_group if badges else []) + ([nodes.Text(" ")] if badges and venue else [])
        box += nodes.paragraph(
            "", "", *line, *(venue_text if venue else []), classes=["academic-pub-venue"]
        )
    links = link_nodes(pub, ctx)
    if links:
        box += nodes.paragraph("", "", *links, classes=["academic-pub-links"])
    topics = topic_list(pub)
    if topics is not None:
        box += topics
    preview = preview_node(pub, ctx)
    if preview is not None:
        box += nodes.container("", preview, classes=["academic-pub-preview"])
    return [box, *_page_sections(pub, unshortened, bib_file), back_link(pub)]


def back_link(pub: Publication) -> nodes.paragraph:
    """A link to the entry in the full list; the domain resolves it (a page whose entry
    no list shows loses the paragraph, see :class:`~sphinx_academic.transforms.BackLinks`)."""
    text = _("All publications")
    xref = pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="academic",
        reftype="list",
        reftarget=pub.key.lower(),
        refexplicit=True,
        refwarn=False,
    )
    return nodes.paragraph("", "", xref, classes=["academic-pub-back"])


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
    rubric = nodes.rubric(text, text, classes=["academic-pub-page-heading"], translatable=False)
    rubric["heading-level"] = 2
    return rubric

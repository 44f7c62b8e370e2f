"""Publications -> docutils node trees: cards, citation lines and numbered entries.

Cards are containers with the documented CSS hooks (``academic-pub``,
``academic-pub-title``, ...). Citation lines are single paragraphs, what every builder can
write; non-HTML builders get citation lines for cards too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from docutils import nodes
from sphinx import addnodes

from sphinx_academic.model.names import Author, OwnerMatcher
from sphinx_academic.model.publication import Publication
from sphinx_academic.nodes import academic_button, academic_details
from sphinx_academic.render.links import OutsideSource, is_url, project_file, safe_url
from sphinx_academic.render.text import month_year, rich_nodes

Style = Literal["card", "list", "numbered"]
STYLES: tuple[Style, ...] = ("card", "list", "numbered")

#: (field, label, URL template) for link buttons, in the order they are shown.
LINK_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("doi", "DOI", "https://doi.org/{}"),
    ("arxiv", "arXiv", "https://arxiv.org/abs/{}"),
    ("pdf", "PDF", "{}"),
    ("html", "HTML", "{}"),
    ("code", "Code", "{}"),
    ("website", "Website", "{}"),
    ("slides", "Slides", "{}"),
    ("poster", "Poster", "{}"),
    ("video", "Video", "{}"),
    ("blog", "Blog", "{}"),
    ("supp", "Supp.", "{}"),
    ("hal", "HAL", "https://hal.science/{}"),
)
#: Fields whose bare value is a file in the project, copied to the output.
FILE_FIELDS = frozenset({"pdf", "slides", "poster", "supp"})
_THESIS_LABELS = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

#: ``(message, location, subtype)`` -> a warning; the renderer never logs by itself.
Warn = Callable[[str, str, str], None]


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs from the project, gathered once per directive."""

    owner: OwnerMatcher
    max_authors: int
    srcdir: str
    preview_dir: str
    files_dir: str
    language: str
    warn: Warn


def entry_node(
    pub: Publication, style: Style, anchor: str, ctx: RenderContext, number: int | None = None
) -> nodes.Element:
    """One entry in ``style``; ``number`` labels numbered entries."""
    if style == "card":
        return card(pub, anchor, ctx)
    line = citation_line(pub, ctx, number)
    line["ids"].append(anchor)
    return line


# -- citation lines ------------------------------------------------------------------------


def citation_line(
    pub: Publication, ctx: RenderContext, number: int | None = None
) -> nodes.paragraph:
    """``[N] Authors. Title. Venue, Month Year.`` as one paragraph."""
    para = nodes.paragraph(classes=["academic-pub", "academic-pub-line"])
    para["academic_key"] = pub.key
    if number is not None:
        para += nodes.inline(f"[{number}] ", f"[{number}] ", classes=["academic-pub-number"])
    sentences: list[nodes.Element] = []
    if pub.authors:
        sentences.append(authors_inline(pub.authors, ctx, expandable=False))
    sentences.append(title_inline(pub, ctx))
    venue = venue_nodes(pub, ctx)
    if venue:
        sentences.append(nodes.inline("", "", *venue, classes=["academic-pub-venue"]))
    for index, sentence in enumerate(sentences):
        para += [sentence, nodes.Text(_sentence_end(sentence, last=index == len(sentences) - 1))]
    return para


# -- cards ---------------------------------------------------------------------------------


def _sentence_end(node: nodes.Element, last: bool) -> str:
    """A full stop unless the text already ends a sentence ("et al.", "Why?")."""
    stop = "" if node.astext().rstrip().endswith((".", "?", "!")) else "."
    return stop if last else stop + " "


def card(pub: Publication, anchor: str, ctx: RenderContext) -> nodes.container:
    box = nodes.container(classes=["academic-pub", "academic-pub-card"], ids=[anchor])
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
    badges = badge_nodes(pub)
    if badges:
        body += nodes.paragraph("", "", *badges, classes=["academic-pub-badges"])
    body += nodes.paragraph("", "", title_inline(pub, ctx), classes=["academic-pub-title"])
    if pub.authors:
        authors = nodes.paragraph(
            "",
            "",
            authors_inline(pub.authors, ctx, expandable=True),
            classes=["academic-pub-authors"],
        )
        if pub.get("annotation"):
            authors += nodes.inline(
                "", "", *rich_nodes(pub.rich("annotation")), classes=["academic-pub-annotation"]
            )
        body += authors
    venue = venue_nodes(pub, ctx)
    if venue:
        body += nodes.paragraph("", "", *venue, classes=["academic-pub-venue"])
    if pub.get("award"):
        body += nodes.paragraph(
            "", "", *rich_nodes(pub.rich("award")), classes=["academic-pub-award-text"]
        )
    links = link_nodes(pub, ctx)
    if links:
        body += nodes.paragraph("", "", *links, classes=["academic-pub-links"])
    if pub.get("abstract"):
        body += disclosure(
            "Abstract",
            "academic-pub-abstract",
            nodes.paragraph("", "", *rich_nodes(pub.rich("abstract"))),
        )
    body += bibtex_disclosure(pub)
    return body


def disclosure(summary: str, css_class: str, *children: nodes.Node) -> academic_details:
    node = academic_details("", *children, classes=[css_class])
    node["summary"] = summary
    return node


def bibtex_disclosure(pub: Publication) -> academic_details:
    source = pub.cleaned_bibtex()
    block = nodes.literal_block(source, source, language="bibtex")
    button = academic_button("", classes=["academic-copy"])
    button.update_all_atts({"label": "Copy", "action": "copy", "tooltip": "Copy BibTeX"})
    return disclosure("BibTeX", "academic-pub-bibtex", block, button)


def badge_nodes(pub: Publication) -> list[nodes.Node]:
    badges: list[nodes.Node] = []
    if pub.get("abbr"):
        badges.append(
            nodes.inline(
                "",
                "",
                *rich_nodes(pub.rich("abbr")),
                classes=["academic-badge", "academic-pub-abbr"],
            )
        )
    if pub.get("award") or pub.get("award_name"):
        label = pub.rich("award_name")
        children = rich_nodes(label) if label else [nodes.Text("Award")]
        badges.append(
            nodes.inline("", "", *children, classes=["academic-badge", "academic-pub-award"])
        )
    return _joined(badges, " ")


# -- parts ---------------------------------------------------------------------------------


def title_inline(pub: Publication, ctx: RenderContext) -> nodes.Element:
    """The title, linked to ``url`` or ``html`` when one is safe."""
    spans = rich_nodes(pub.title) if pub.title else [nodes.Text(pub.key)]
    for name in ("url", "html"):
        value = pub.get(name)
        if value and not _unsafe(pub, name, value, ctx):
            return nodes.reference(
                "", "", *spans, refuri=value.strip(), classes=["academic-pub-title-link"]
            )
    return nodes.inline("", "", *spans, classes=["academic-pub-title-text"])


def authors_inline(authors: Sequence[Author], ctx: RenderContext, expandable: bool) -> nodes.inline:
    """Authors in "Given Family" order, the owner marked ``academic-self``.

    Long lists are shortened after ``max_authors`` (the owner is always shown); an
    expandable list keeps the rest hidden behind a button, a plain one ends in "et al.".
    """
    shown = _shown_authors(authors, ctx)
    wrapper = nodes.inline(classes=["academic-pub-author-list"])
    hidden_count = len(authors) - len(shown)
    if hidden_count and not expandable:
        return _cut_authors(wrapper, authors, shown, ctx)
    for index, author in enumerate(authors):
        if index not in shown and index - 1 in shown:
            # Stands in for a run of hidden names until the list is expanded.
            wrapper += nodes.inline(", …", ", …", classes=["academic-pub-author-ellipsis"])
        node = _author_with_separator(author, index, len(authors), ctx)
        if index not in shown:
            node["classes"].append("academic-pub-author-hidden")
        wrapper += node
    if hidden_count:
        button = academic_button("", classes=["academic-pub-authors-toggle"])
        button.update_all_atts(
            {
                "label": f"+{hidden_count} more",
                "action": "expand-authors",
                "expanded": False,
                "tooltip": "Show all authors",
            }
        )
        wrapper += [nodes.Text(" "), button]
    return wrapper


def _shown_authors(authors: Sequence[Author], ctx: RenderContext) -> set[int]:
    limit = ctx.max_authors
    if limit <= 0 or len(authors) <= limit:
        return set(range(len(authors)))
    shown = set(range(limit))
    shown.update(i for i, author in enumerate(authors) if ctx.owner.is_owner(author))
    return shown


def _cut_authors(
    wrapper: nodes.inline, authors: Sequence[Author], shown: set[int], ctx: RenderContext
) -> nodes.inline:
    previous = -1
    for index in sorted(shown):
        if previous >= 0:
            wrapper += nodes.Text(", " if index == previous + 1 else ", …, ")
        wrapper += _author_node(authors[index], ctx)
        previous = index
    wrapper += nodes.Text(", et al.")
    return wrapper


def _author_with_separator(
    author: Author, index: int, count: int, ctx: RenderContext
) -> nodes.inline:
    node = nodes.inline(classes=["academic-pub-author-item"])
    if index > 0:
        node += nodes.Text(_separator(index, count))
    node += _author_node(author, ctx)
    return node


def _separator(index: int, count: int) -> str:
    if index < count - 1:
        return ", "
    return " and " if count == 2 else ", and "


def _author_node(author: Author, ctx: RenderContext) -> nodes.inline:
    classes = ["academic-pub-author"]
    if author.family == "others" and not author.given:
        return nodes.inline("others", "others", classes=classes)
    if ctx.owner.is_owner(author):
        # Strong as well as the class, so the owner stands out without CSS (PDF, text).
        classes.append("academic-self")
        node = nodes.inline("", "", nodes.strong(author.display, author.display), classes=classes)
    else:
        node = nodes.inline(author.display, author.display, classes=classes)
    if author.markers:
        node += nodes.superscript(author.markers, author.markers, classes=["academic-pub-marker"])
    return node


def venue_nodes(pub: Publication, ctx: RenderContext) -> list[nodes.Node]:
    """``Venue, 34(5), pp. 1–10, Jan 2020, additional info, note``."""
    parts: list[list[nodes.Node]] = []
    parts.extend([nodes.Text(label)] for label in _kind_labels(pub))
    venue = _venue_rich(pub)
    if venue:
        parts.append([nodes.emphasis("", "", *venue)])
    elif pub.arxiv_id and pub.is_preprint:
        parts.append([nodes.emphasis(f"arXiv:{pub.arxiv_id}", f"arXiv:{pub.arxiv_id}")])
    volume = _volume_text(pub)
    if volume:
        parts.append([nodes.Text(volume)])
    if pub.get("pages"):
        pages = pub.text("pages")
        prefix = "pp. " if "–" in pages or "-" in pages else "p. "
        parts.append([nodes.Text(prefix + pages)])
    if pub.year:
        parts.append([nodes.Text(month_year(pub.year, pub.month, ctx.language))])
    for name in ("additional_info", "note"):
        if pub.get(name):
            parts.append(rich_nodes(pub.rich(name)))
    return _joined_parts(parts)


def _kind_labels(pub: Publication) -> Iterator[str]:
    if pub.type in _THESIS_LABELS:
        yield _THESIS_LABELS[pub.type]
    elif pub.type in {"techreport", "report"}:
        number = pub.text("number")
        yield f"Technical report {number}".strip()


def _venue_rich(pub: Publication) -> list[nodes.Node]:
    name = pub.venue_name
    if not name:
        return []
    for field in (
        "journal",
        "journaltitle",
        "booktitle",
        "school",
        "institution",
        "publisher",
        "howpublished",
        "organization",
        "eventtitle",
    ):
        if pub.get(field) and pub.text(field) == name:
            return rich_nodes(pub.rich(field))
    return [nodes.Text(name)]


def _volume_text(pub: Publication) -> str:
    volume, number = pub.text("volume"), pub.text("number")
    if pub.type in {"techreport", "report"}:
        number = ""
    if volume and number:
        return f"{volume}({number})"
    return volume or (f"no. {number}" if number else "")


def link_nodes(pub: Publication, ctx: RenderContext) -> list[nodes.Node]:
    links: list[nodes.Node] = []
    for name, label, template in LINK_FIELDS:
        value = pub.arxiv_id if name == "arxiv" else pub.get(name).strip()
        if not value:
            continue
        node = _link(pub, name, label, template, value, ctx)
        if node is not None:
            links.append(node)
    return _joined(links, " ")


def _link(
    pub: Publication, name: str, label: str, template: str, value: str, ctx: RenderContext
) -> nodes.Element | None:
    classes = ["academic-pub-link", f"academic-link-{name}"]
    if name in FILE_FIELDS and not is_url(value):
        return _file_link(pub, name, label, value, classes, ctx)
    if name == "doi":
        value = value.removeprefix("https://doi.org/").removeprefix("http://dx.doi.org/")
    url = template.format(value) if not is_url(value) or template == "{}" else value
    if _unsafe(pub, name, url, ctx):
        return None
    return nodes.reference(label, label, refuri=url, classes=classes)


def _file_link(
    pub: Publication, name: str, label: str, value: str, classes: list[str], ctx: RenderContext
) -> nodes.Element | None:
    found = _project_file(pub, name, value, ctx.files_dir, ctx)
    if found is None:
        return None
    node = addnodes.download_reference(
        "",
        "",
        nodes.literal(label, label, classes=["xref", "download"]),
        reftarget="/" + found,
        refexplicit=True,
        refdomain="",
        reftype="download",
        classes=classes,
    )
    return node


def preview_node(pub: Publication, ctx: RenderContext) -> nodes.image | None:
    value = pub.get("preview").strip()
    if not value:
        return None
    alt = pub.title_text
    if is_url(value):
        if _unsafe(pub, "preview", value, ctx):
            return None
        return nodes.image(uri=value, alt=alt, classes=["academic-pub-thumbnail"])
    found = _project_file(pub, "preview", value, ctx.preview_dir, ctx)
    if found is None:
        return None
    return nodes.image(uri="/" + found, alt=alt, classes=["academic-pub-thumbnail"])


def _project_file(
    pub: Publication, name: str, value: str, bare_dir: str, ctx: RenderContext
) -> str | None:
    """The file's path from the source directory, or ``None`` after a warning."""
    try:
        found = project_file(value, ctx.srcdir, bare_dir)
    except OutsideSource:
        ctx.warn(
            f"{pub.key}: field {name!r}: {value!r} is outside the source directory; not used",
            pub.location,
            "asset",
        )
        return None
    if not os.path.isfile(found.absolute):
        ctx.warn(
            f"{pub.key}: field {name!r}: file {found.relative!r} not found in the source directory",
            pub.location,
            "asset",
        )
        return None
    return found.relative


def _unsafe(pub: Publication, name: str, url: str, ctx: RenderContext) -> bool:
    if safe_url(url) is not None:
        return False
    ctx.warn(
        f"{pub.key}: field {name!r}: link {url!r} dropped (only http, https, mailto and "
        "relative links are allowed)",
        pub.location,
        "link",
    )
    return True


def _joined(items: list[nodes.Node], separator: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def _joined_parts(parts: list[list[nodes.Node]]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, part in enumerate(parts):
        if index:
            result.append(nodes.Text(", "))
        result.extend(part)
    return result

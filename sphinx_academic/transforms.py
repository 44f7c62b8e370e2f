"""Post-transforms: publication entries rendered when the page is written, and the
extension's output adapted to the builder, so the pickled doctrees stay builder-neutral.
Each declares the builders or formats it is for, as Sphinx's own post-transforms do.

- Every builder: the entries of ``.. publications::`` and ``.. publication::`` are
  rendered in place of their pending node, before any other post-transform (linkcheck's
  collector and the reference resolver included) looks at the page. Every page has been
  read by then, so the titles of entries with a page written by hand link to it.

- HTML: MathJax is told to leave text from data alone (only the formulas the extension
  checked are typeset).
- Builders that would download remote images (epub, LaTeX, Texinfo) lose remote images
  from data instead: a build never touches the network.
- Printed formats (LaTeX, text, man, Texinfo): each card becomes its citation line (with
  a target keeping its anchor for ``:pub:`` links); a grid of entry cards becomes the
  timeline of its entries; timeline entries become one line each (date, title, place)
  followed by their details, as in a printed CV; links to files only
  HTML builds write are dropped; co-authors' names are text, not links; images LaTeX
  cannot include (SVG, GIF) are left out rather than breaking the build; man pages get
  the containers' contents without the containers, so each paragraph keeps its space.
- LaTeX: a link whose text is its own address without the scheme (an e-mail, a home
  page) is set as a URL, which breaks at its slashes and dots (Sphinx does so for a link
  whose text is the whole address).
- LaTeX: the extension's headings (CV sections, publication groups) are set one level
  below the section that holds them in the whole document, where a page's title may be a
  chapter or a subsection depending on how deep the toctree includes it.
- LaTeX: a dash or middle dot between spaces (the separators of dates, titles, places and
  links) is written as its LaTeX command, the Western glyph in every engine; Chinese and
  Japanese setups (xeCJK, upLaTeX) would set the character as CJK punctuation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxSmartQuotes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import new_document
from sphinx.util.images import guess_mimetype

from sphinx_academic.domain import get_domain
from sphinx_academic.model.links import is_url
from sphinx_academic.nodes import academic_address, academic_publications
from sphinx_academic.render.cards import printed_timeline
from sphinx_academic.render.context import render_context
from sphinx_academic.render.publication import citation_line, entry_node, spaced
from sphinx_academic.render.resources import collected_files, identifier_links

#: MathJax's class names (version 3 and 4, and 2) for "skip this" and "but do this".
MATHJAX_IGNORE = ["mathjax_ignore", "tex2jax_ignore"]
MATHJAX_PROCESS = ["mathjax_process", "tex2jax_process"]
#: The image types LaTeX includes.
LATEX_IMAGE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


def academic_roots(document: nodes.document) -> list[nodes.Element]:
    """The outermost elements the extension rendered (``academic-*`` classes), found
    without looking inside them."""
    roots: list[nodes.Element] = []
    stack: list[nodes.Element] = [document]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, nodes.Element):
                academic = any(name.startswith("academic-") for name in child["classes"])
                (roots if academic else stack).append(child)
    return roots


def _with_class(document: nodes.document, kind: type[nodes.Element], name: str) -> list[Any]:
    return [node for node in document.findall(kind) if name in node["classes"]]


def _quiet(message: str, location: str, subtype: str) -> None:
    """Problems of the data were reported when the page was read."""


class RenderPublications(SphinxPostTransform):
    """Each pending list of entries becomes the entries, in its style."""

    # Before every other post-transform: PrintedOutput (5) turns cards into lines,
    # ReferencesResolver (10) resolves the titles' cross-references.
    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        pending_lists = list(self.document.findall(academic_publications))
        if not pending_lists:
            return
        domain = get_domain(self.env)
        store = domain.publications
        base = replace(render_context(self.env), own_pages=domain.own_page_keys())
        for pending in pending_lists:
            ctx = replace(base, abstract=pending["abstract"], collected=collected_files(pending))
            rendered: list[nodes.Node] = []
            for key, anchor, number in pending["entries"]:
                pub = store.get(key)
                if pub is not None:
                    rendered.append(entry_node(pub, pending["style"], anchor, ctx, number))
            pending.parent.replace(pending, with_smart_quotes(self.document, rendered))


def with_smart_quotes(document: nodes.document, rendered: list[nodes.Node]) -> list[nodes.Node]:
    """Entries rendered after reading, with the typographic quotes and dashes Sphinx gives
    the page's own text when it is read (its ``SmartQuotes`` transform, applied to them)."""
    holder = new_document(document.get("source", ""), document.settings)
    holder.extend(rendered)
    SphinxSmartQuotes(holder, holder).apply()
    return list(holder.children)


class HTMLOutput(SphinxPostTransform):
    """MathJax typesets any ``\\(...\\)`` in a page's text, so text from data could become
    math (``\\(\\href{javascript:...}{x}\\)`` a link): what the extension renders is ignored
    by MathJax, except the formulas it made (already checked)."""

    formats = ("html",)
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in list(academic_roots(self.document)):
            root["classes"] += MATHJAX_IGNORE
            for formula in root.findall(nodes.math):
                formula["classes"] += MATHJAX_PROCESS


class NoRemoteImages(SphinxPostTransform):
    """Remote images from data are left out where Sphinx would download them."""

    builders = ("epub", "latex", "texinfo")
    # Before Sphinx's image downloader (priority 100).
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in list(academic_roots(self.document)):
            for image in list(root.findall(nodes.image)):
                if is_url(image["uri"]):
                    _remove_with_wrapper(image)


def _remove_with_wrapper(image: nodes.image) -> None:
    """Remove the image, and the container that holds nothing else (a thumbnail's)."""
    parent = image.parent
    parent.remove(image)
    if isinstance(parent, nodes.container) and not parent.children and parent.parent:
        parent.parent.remove(parent)


class PrintedOutput(SphinxPostTransform):
    """Cards, timelines and HTML-only links made fit for a printed CV."""

    formats = ("latex", "text", "man", "texinfo")
    # Before references are resolved (priority 10): citation lines may hold title links.
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        self.cards_to_citation_lines()
        self.identifiers_after_lines()
        self.anchors_to_targets()
        self.entry_cards_to_timelines()
        self.compact_timeline_entries()
        for para in _with_class(self.document, nodes.paragraph, "academic-exports"):
            para.parent.remove(para)
        self.owner_names_in_roles()
        self.coauthor_names_as_text()

    def cards_to_citation_lines(self) -> None:
        cards = [
            *_with_class(self.document, nodes.container, "academic-pub-card"),
            *_with_class(self.document, nodes.container, "academic-pub-compact"),
        ]
        if not cards:
            return
        domain = get_domain(self.env)
        store = domain.publications
        ctx = replace(render_context(self.env, warn=_quiet), own_pages=domain.own_page_keys())
        for card in cards:
            pub = store.get(card["academic_key"])
            if pub is None:
                card.parent.remove(card)
                continue
            line = citation_line(pub, ctx)
            line["ids"] = list(card["ids"])
            card.parent.replace(card, with_smart_quotes(self.document, [line]))

    def identifiers_after_lines(self) -> None:
        """A printed citation line ends with the entry's DOI, arXiv and PubMed
        identifiers (on a screen they are link buttons); one the line shows already (a
        preprint's arXiv identifier as its venue) becomes a link where it is. The line
        under *Cite as* on an entry's own page is left as it is: the page lists its
        links above it."""
        store = get_domain(self.env).publications
        for line in _with_class(self.document, nodes.paragraph, "academic-pub-line"):
            pub = store.get(line.get("academic_key", ""))
            if pub is None or "academic-pub-cite" in line["classes"]:
                continue
            links: list[nodes.Node] = [
                link for link in identifier_links(pub) if not _linked_in_place(line, link)
            ]
            if links:
                line += nodes.Text(" ")
                line += nodes.inline("", "", *spaced(links), classes=["academic-pub-identifiers"])

    def anchors_to_targets(self) -> None:
        """LaTeX labels come from targets, so anchors move onto one before each line."""
        for line in _with_class(self.document, nodes.paragraph, "academic-pub-line"):
            if line["ids"]:
                target = nodes.target("", "", ids=line["ids"])
                line["ids"] = []
                line.parent.insert(line.parent.index(line), target)

    def entry_cards_to_timelines(self) -> None:
        """A grid of entry cards (``.. timeline:: projects`` with ``:style: cards``) is
        printed as the timeline of its entries, without pictures."""
        for grid in _with_class(self.document, nodes.container, "academic-cards"):
            grid.replace_self(printed_timeline(grid))

    def compact_timeline_entries(self) -> None:
        """Date — heading — place as one line, the details below."""
        parts = {"academic-timeline-date", "academic-timeline-heading", "academic-timeline-place"}
        for entry in _with_class(self.document, nodes.container, "academic-timeline-entry"):
            lines = [
                node for node in entry.findall(nodes.paragraph) if parts & set(node["classes"])
            ]
            if len(lines) < 2:
                continue
            merged = nodes.paragraph(classes=["academic-timeline-line"])
            for index, line in enumerate(lines):
                if index:
                    merged += nodes.Text(" — ")
                merged += line.children
                line.parent.remove(line)
            entry.insert(0, merged)

    def owner_names_in_roles(self) -> None:
        """The LaTeX writer shows classes only on inline nodes (``\\DUrole``): the owner's
        name goes into one, the documented hook for restyling it in the PDF."""
        for strong in _with_class(self.document, nodes.strong, "academic-self"):
            strong["classes"].remove("academic-self")
            wrapper = nodes.inline(classes=["academic-self"])
            strong.replace_self(wrapper)
            wrapper += strong

    def coauthor_names_as_text(self) -> None:
        """A printed CV names co-authors; their web pages are for the site. The class stays
        on an inline (``\\DUrole`` in LaTeX), a hook for restyling the names."""
        for link in _with_class(self.document, nodes.reference, "academic-coauthor"):
            name = link.astext()
            link.replace_self(nodes.inline(name, name, classes=["academic-coauthor"]))


def _linked_in_place(line: nodes.paragraph, link: nodes.reference) -> bool:
    """Whether ``line`` shows the text of ``link`` as a part of its own (emphasised, as
    a venue is); that part then holds the link."""
    for part in line.findall(nodes.emphasis):
        if part.astext() == link.astext():
            part[:] = [link]
            return True
    return False


class ManPageParagraphs(SphinxPostTransform):
    """The man page writer puts space before a paragraph only when it is not the first in
    its parent, so the first paragraph of each container would run on from the previous
    one (a news date onto the text before it). Containers mean nothing in a man page: the
    extension's are replaced by what they hold."""

    formats = ("man",)
    # After PrintedOutput (5) has made its lines.
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in academic_roots(self.document):
            for container in reversed(list(root.findall(nodes.container))):
                # A man page has no anchors or styles: the ids and classes go too.
                container.parent.replace(container, container.children)


class LaTeXImages(SphinxPostTransform):
    """Images from data in a type LaTeX cannot include (an SVG photo) are left out."""

    formats = ("latex",)
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in list(academic_roots(self.document)):
            for image in list(root.findall(nodes.image)):
                candidates: dict[str, str] = image.get("candidates", {})
                kinds = {guess_mimetype(path) for path in candidates.values()} | set(candidates)
                if not kinds & LATEX_IMAGE_TYPES and "?" not in candidates:
                    _remove_with_wrapper(image)


class LaTeXAddresses(SphinxPostTransform):
    """An e-mail or a web address shown as a link's text runs into the margin of a PDF
    when it is longer than the space left on the line: such links become
    :class:`~sphinx_academic.nodes.academic_address`, which LaTeX sets as a URL."""

    formats = ("latex",)
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in academic_roots(self.document):
            for link in list(root.findall(nodes.reference)):
                if type(link) is nodes.reference and shows_its_address(link):
                    address = academic_address(link.rawsource, "", *link.children)
                    address.update_all_atts(link)
                    link.replace_self(address)


#: A scheme that a link's text may leave out of its address.
_SCHEME = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def shows_its_address(link: nodes.reference) -> bool:
    """Whether the text of ``link`` is its address without the scheme (``https://``,
    ``mailto:``) and a final ``/``, in printable ASCII (a link whose text is the whole
    address Sphinx's LaTeX writer already sets as a URL)."""
    text, uri = link.astext(), link.get("refuri", "")
    if not uri or text == uri or not text.isascii() or not text.isprintable() or " " in text:
        return False
    shortened = _SCHEME.sub("", uri)
    return text in (shortened, shortened.rstrip("/"))


#: The deepest rubric level Sphinx's LaTeX writer takes in every document class and
#: top-level sectioning (``\\paragraph*`` in a ``manual``).
LATEX_DEEPEST_HEADING = 5


class LaTeXHeadingLevels(SphinxPostTransform):
    """A heading the extension adds is a rubric with the ``heading-level`` of its page
    (``<h2>`` under the page's ``<h1>``), which Sphinx's LaTeX writer reads as a level in
    the whole document. The LaTeX builder runs post-transforms on the assembled document,
    so the level is counted there: one below the section that holds the heading, at least
    that of a chapter's first sections (where the page's level already puts it)."""

    formats = ("latex",)
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for rubric, depth in _rubrics_with_section_depth(self.document):
            academic = any(name.startswith("academic-") for name in rubric["classes"])
            if academic and "heading-level" in rubric:
                rubric["heading-level"] = min(max(depth, 2), LATEX_DEEPEST_HEADING)


def _rubrics_with_section_depth(document: nodes.document) -> list[tuple[nodes.rubric, int]]:
    """Each rubric with the number of sections around it, counted from the top: in the
    LaTeX builder's assembled document the included pages' nodes keep the ``parent`` of
    their own page, so walking up would stop at the page."""
    found: list[tuple[nodes.rubric, int]] = []
    stack: list[tuple[nodes.Element, int]] = [(document, 0)]
    while stack:
        element, depth = stack.pop()
        for child in element.children:
            if isinstance(child, nodes.rubric):
                found.append((child, depth))
            elif isinstance(child, nodes.Element):
                stack.append((child, depth + isinstance(child, nodes.section)))
    return found


#: The LaTeX command of each punctuation mark the extension sets between spaces.
LATEX_SPACED_PUNCTUATION = {
    "\N{EN DASH}": r"\textendash{}",
    "\N{EM DASH}": r"\textemdash{}",
    "\N{MIDDLE DOT}": r"\textperiodcentered{}",
}
_SPACED_PUNCTUATION = re.compile(f"(?<= )([{''.join(LATEX_SPACED_PUNCTUATION)}])(?= )")
#: Elements whose text LaTeX takes as it is (code, math, a URL's characters).
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.math, academic_address)


class LaTeXSpacedPunctuation(SphinxPostTransform):
    """A dash or middle dot between spaces is Western punctuation: the separators in
    ``2017 – 2021 — PhD — ETH Zürich`` or ``e-mail · web page`` (Chinese and Japanese set
    theirs without spaces). xeCJK and upLaTeX take the characters for CJK punctuation, full
    width in the CJK font, and drop the spaces around them; their LaTeX commands
    (``\\textemdash``) are the Western glyph in every engine, the one pdflatex's input
    encoding maps the characters to."""

    formats = ("latex",)
    # After PrintedOutput (5) has joined the timeline lines with dashes.
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for root in academic_roots(self.document):
            for text in list(root.findall(nodes.Text)):
                if not isinstance(text.parent, _VERBATIM) and _SPACED_PUNCTUATION.search(text):
                    text.parent.replace(text, _with_latex_punctuation(text))


def _with_latex_punctuation(text: nodes.Text) -> list[nodes.Node]:
    """``text`` as Text nodes with a raw LaTeX command for each spaced punctuation mark."""
    pieces = _SPACED_PUNCTUATION.split(text)
    return [
        nodes.raw("", LATEX_SPACED_PUNCTUATION[piece], format="latex")
        if index % 2
        else nodes.Text(piece)
        for index, piece in enumerate(pieces)
        if piece
    ]


class BackLinks(SphinxPostTransform):
    """A publication page's "All publications" line is dropped when no list shows the
    entry (after Sphinx resolved the references: the line then holds no link)."""

    # After Sphinx's ReferencesResolver (priority 10).
    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        for line in _with_class(self.document, nodes.paragraph, "academic-pub-back"):
            if not any(line.findall(nodes.reference)):
                line.parent.remove(line)

"""The venue line: ``Venue, 34(5), pp. 1–10, Jan 2020, additional info, note`` (or
``Article 102451`` in place of the pages)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes

from sphinx_academic.locale import _
from sphinx_academic.model.publication import Publication
from sphinx_academic.model.richtext import RichText
from sphinx_academic.render.authors import list_separator
from sphinx_academic.render.context import RenderContext
from sphinx_academic.render.text import Runs, month_year

#: Entry types that are part of an edited volume, whose editors the venue line names.
_CONTAINED_TYPES = frozenset({"incollection", "inbook", "inproceedings", "conference"})


def venue_nodes(pub: Publication, ctx: RenderContext) -> list[nodes.Node]:
    runs = Runs()
    add_venue(runs, pub, ctx)
    return runs.result()


def short_venue_nodes(pub: Publication) -> list[nodes.Node]:
    """A short venue for compact entries: ``abbr`` and year when there is an ``abbr``,
    else the venue's name (or the arXiv identifier of a preprint) and year."""
    if pub.get("abbr"):
        name = _rich(pub.rich("abbr"))
    elif pub.venue_field:
        name = [nodes.emphasis("", "", *_rich(pub.rich(pub.venue_field)))]
    elif pub.arxiv_id and pub.is_preprint:
        name = [nodes.emphasis(f"arXiv:{pub.arxiv_id}", f"arXiv:{pub.arxiv_id}")]
    else:
        name = []
    year = [nodes.Text(str(pub.year))] if pub.year else []
    return [*name, nodes.Text(", "), *year] if name and year else [*name, *year]


def add_venue(runs: Runs, pub: Publication, ctx: RenderContext) -> bool:
    """Add the venue line's parts, comma-separated; return whether there were any."""
    parts = _Parts(runs)
    for label in _kind_labels(pub):
        parts.text(label)
    venue = pub.venue_field
    if venue:
        parts.node(nodes.emphasis("", "", *_rich(pub.rich(venue))))
    elif pub.arxiv_id and pub.is_preprint:
        parts.node(nodes.emphasis(f"arXiv:{pub.arxiv_id}", f"arXiv:{pub.arxiv_id}"))
    if pub.authors and pub.editors and pub.type in _CONTAINED_TYPES:
        parts.text(_("edited by {names}").format(names=_names(pub)))
    parts.text(_volume_text(pub))
    if pub.article_number:
        parts.text(_("Article {number}").format(number=pub.article_number))
    if pub.page_text:
        pages = page_range(pub.page_text)
        several = "–" in pages or "-" in pages
        parts.text((_("pp. {pages}") if several else _("p. {pages}")).format(pages=pages))
    if pub.year_label:
        parts.text(pub.year_label)
    elif pub.year:
        parts.text(month_year(pub.year, pub.month, ctx.language))
    for name in ("additional_info", "note"):
        parts.rich(pub.rich(name))
    return parts.count > 0


class _Parts:
    """Comma-separated parts; a part starting with punctuation (al-folio's
    ``additional_info = {. Also at ...}``) attaches directly."""

    def __init__(self, runs: Runs) -> None:
        self.runs = runs
        self.count = 0

    def _separate(self, first_char: str) -> None:
        if self.count and first_char not in ".,;:":
            self.runs.add_text(", ")
        self.count += 1

    def text(self, text: str) -> None:
        if text:
            self._separate(text[0])
            self.runs.add_text(text)

    def node(self, node: nodes.Node) -> None:
        self._separate(node.astext()[:1])
        self.runs.add_node(node)

    def rich(self, spans: RichText) -> None:
        if spans:
            self._separate(spans[0].text[:1])
            self.runs.add_rich(spans)


def _rich(spans: RichText) -> list[nodes.Node]:
    runs = Runs()
    runs.add_rich(spans)
    return runs.result()


def _names(pub: Publication) -> str:
    """The editors, punctuated as author lists are."""
    count = len(pub.editors)
    return "".join(
        (list_separator(index, count) if index else "") + editor.display
        for index, editor in enumerate(pub.editors)
    )


def page_range(pages: str) -> str:
    """``1-5`` as ``1–5``: one hyphen between page numbers is a range (``--`` is decoded
    to the dash already)."""
    return _PAGE_HYPHEN.sub("–", pages)


_PAGE_HYPHEN = re.compile(r"(?<=\w)\s*-\s*(?=\w)")


def _kind_labels(pub: Publication) -> Iterator[str]:
    if pub.type == "phdthesis":
        yield _("PhD thesis")
    elif pub.type == "mastersthesis":
        yield _("Master's thesis")
    elif pub.type in {"techreport", "report"}:
        yield f"{_('Technical report')} {pub.text('number')}".strip()


def _volume_text(pub: Publication) -> str:
    volume, number = pub.text("volume"), pub.text("number")
    if pub.type in {"techreport", "report"}:
        number = ""  # a report's number is part of its label
    if volume and number:
        return f"{volume}({number})"
    return volume or (f"no. {number}" if number else "")

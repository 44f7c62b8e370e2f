"""``.. publications::`` and ``.. publication:: KEY``."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_academic.citations import citation_numbers
from sphinx_academic.directives.base import (
    AcademicDirective,
    register_anchor,
    unique_anchor,
)
from sphinx_academic.domain import (
    CITATION_LINE,
    FULL_LIST,
    PARTIAL_LIST,
    SINGLE,
    get_domain,
    publications_for_page,
)
from sphinx_academic.locale import _
from sphinx_academic.model.publication import Publication
from sphinx_academic.nodes import academic_output_link, academic_publications
from sphinx_academic.query.filter import SPECIAL_NAMES, Filter, FilterError, compile_filter
from sphinx_academic.query.order import (
    DEFAULT_SORT,
    GROUPINGS,
    OrderError,
    SortKey,
    group_publications,
    parse_sort,
    sort_publications,
)
from sphinx_academic.render.context import ABSTRACT_MODES, AbstractMode, render_context
from sphinx_academic.render.publication import BOXED_STYLES, STYLES, Style
from sphinx_academic.render.resources import file_nodes
from sphinx_academic.render.search import Shown, search_node

cached_filter = functools.lru_cache(maxsize=256)(compile_filter)


class PublicationDirectiveBase(AcademicDirective):
    """Option checking and the entries' pending node, shared by both directives."""

    def style(self) -> Style:
        return self.choice("style", STYLES, "card")  # type: ignore[return-value]

    def abstract_mode(self) -> AbstractMode | None:
        return self.choice("abstract", ABSTRACT_MODES, "") or None  # type: ignore[return-value]

    def pending_entries(
        self,
        entries: Sequence[Publication],
        style: Style,
        abstract: AbstractMode | None,
        priority: int,
        numbers: Sequence[int] | None = None,
    ) -> academic_publications:
        """The entries, to be rendered when the page is written. What other pages and
        Sphinx need now is settled here: each entry's anchor (noted in the domain for
        ``:pub:``) and, for cards, the nodes of its files (for Sphinx's collectors)."""
        domain = get_domain(self.env)
        if style not in BOXED_STYLES:
            priority += CITATION_LINE
        pending = academic_publications(style=style, abstract=abstract)
        files_ctx = (
            render_context(self.env, warn=domain.note_problem) if style in BOXED_STYLES else None
        )
        listed = []
        for index, pub in enumerate(entries):
            anchor = unique_anchor(self.state.document, pub.key)
            register_anchor(self.state.document, pending, anchor)
            if "no-index" not in self.options:
                domain.note_shown(self.env.docname, pub.key, anchor, priority)
            listed.append((pub.key, anchor, numbers[index] if numbers is not None else None))
            if files_ctx is not None:
                pending.extend(file_nodes(pub, files_ctx))
        pending["entries"] = listed
        return pending


class PublicationsDirective(PublicationDirectiveBase):
    """Entries of the configured bib files, filtered, sorted, grouped and limited."""

    option_spec = {
        "filter": directives.unchanged_required,
        "sort": directives.unchanged,
        "group-by": directives.unchanged,
        "limit": directives.unchanged,
        "style": directives.unchanged,
        "abstract": directives.unchanged,
        "reversed": directives.flag,
        "no-index": directives.flag,
        "class": directives.class_option,
        "search": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        store = publications_for_page(self.env)
        entries = self.selected(store.entries)
        if entries is None:
            return []
        sort_keys = self.sort_keys(store.fields)
        uses_citations = any(key.name == "citations" for key in sort_keys)
        counts = citation_numbers(self.env) if uses_citations else None
        entries = sort_publications(entries, sort_keys, counts)
        limit = self.limit()
        if limit is not None:
            entries = entries[:limit]
        oldest_first = bool(sort_keys) and sort_keys[0] == SortKey("year", descending=False)
        return [self.listing(entries, oldest_first)]

    def selected(self, entries: Sequence[Publication]) -> list[Publication] | None:
        source = self.options.get("filter")
        if source is None:
            return list(entries)
        try:
            check: Filter = cached_filter(source)
        except FilterError as error:
            self.warn(f":filter: {source!r}: {error}; nothing is shown", "filter")
            return None
        unknown = sorted(check.names - SPECIAL_NAMES - publications_for_page(self.env).fields)
        if unknown:
            self.warn(
                f":filter: {source!r}: no entry has a field {', '.join(map(repr, unknown))}"
                " (a typo?)",
                "filter",
            )
        counts = citation_numbers(self.env) if "citations" in check.names else None
        return [pub for pub in entries if check(pub, counts)]

    def sort_keys(self, known_fields: frozenset[str]) -> tuple[SortKey, ...]:
        spec = self.options.get("sort") or DEFAULT_SORT
        try:
            return parse_sort(spec, known_fields)
        except OrderError as error:
            self.warn(f":sort: {spec!r}: {error}; using {DEFAULT_SORT!r}", "option")
            return parse_sort(DEFAULT_SORT, known_fields)

    def limit(self) -> int | None:
        value = self.options.get("limit")
        if value is None:
            return None
        try:
            limit = int(value)
        except ValueError:
            limit = -1
        if limit < 0:
            self.warn(f":limit: {value!r} is not a whole number >= 0; showing all", "option")
            return None
        return limit

    def grouping(self) -> str:
        return self.choice("group-by", GROUPINGS, "none")

    def listing(self, entries: list[Publication], oldest_first: bool) -> nodes.container:
        style, abstract = self.style(), self.abstract_mode()
        partial = any(name in self.options for name in ("filter", "limit"))
        priority = PARTIAL_LIST if partial else FULL_LIST
        numbers = self.numbers_for(style, len(entries))
        box = nodes.container(
            classes=[
                "academic-publications",
                f"academic-style-{style}",
                *self.options.get("class", []),
            ]
        )
        if not partial and entries and self.env.config.academic_exports:
            box += exports_paragraph()
        position, shown = 0, []
        for heading, group in group_publications(entries, self.grouping(), oldest_first):
            if heading:
                box += self.heading(heading)
            group_numbers = numbers[position : position + len(group)] if numbers else None
            pending = self.pending_entries(group, style, abstract, priority, group_numbers)
            anchors = [anchor for _, anchor, _ in pending["entries"]]
            shown += [Shown(anchor, pub) for anchor, pub in zip(anchors, group, strict=True)]
            box += pending
            position += len(group)
        if "search" in self.options and shown:
            box["classes"].append("academic-searchable")
            anchor = unique_anchor(self.state.document, "search", prefix="academic-")
            controls = search_node(shown, anchor)
            register_anchor(self.state.document, controls, anchor)
            box.insert(0, controls)
        self.set_source_info(box)
        return box

    def numbers_for(self, style: str, count: int) -> list[int] | None:
        if style == "numbered":
            return self.numbers(count)
        if "reversed" in self.options:
            self.warn(":reversed: only applies to :style: numbered; ignored", "option")
        return None

    def numbers(self, count: int) -> list[int]:
        if "reversed" in self.options:
            return list(range(count, 0, -1))
        return list(range(1, count + 1))

    def heading(self, text: str) -> nodes.rubric:
        level = min(self.state.memo.section_level + 1, 6)
        label = _(text)
        # Translated already: out of the project's message catalogs (``gettext`` builder).
        rubric = nodes.rubric(label, label, classes=["academic-group-heading"], translatable=False)
        rubric["heading-level"] = max(level, 2)
        anchor = nodes.make_id(f"publications-{text}")
        if anchor not in self.state.document.ids:
            rubric["ids"].append(anchor)
            self.state.document.ids[anchor] = rubric
        return rubric


def exports_paragraph() -> nodes.paragraph:
    """Links to every entry as BibTeX and CSL-JSON (files the HTML build writes)."""
    links: list[nodes.Node] = [nodes.Text(_("Download all:") + " ")]
    for label, target in (("BibTeX", "publications.bib"), ("CSL-JSON", "publications.json")):
        link = academic_output_link("", classes=["academic-export"])
        link.update_all_atts({"label": label, "target": target})
        links += [link, nodes.Text(" ")]
    return nodes.paragraph("", "", *links[:-1], classes=["academic-exports"])


class PublicationDirective(PublicationDirectiveBase):
    """One entry, by key."""

    required_arguments = 1
    option_spec = {
        "style": directives.unchanged,
        "abstract": directives.unchanged,
        "no-index": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        pub = publications_for_page(self.env).get(key)
        if pub is None:
            self.warn(f"unknown publication key {key!r}", "key")
            return []
        style = self.style()
        box = nodes.container(
            classes=[
                "academic-publications",
                f"academic-style-{style}",
                *self.options.get("class", []),
            ]
        )
        box += self.pending_entries(
            [pub], style, self.abstract_mode(), SINGLE, [1] if style == "numbered" else None
        )
        self.set_source_info(box)
        return [box]

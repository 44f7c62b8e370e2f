"""Author lists: "Given Family" order, the owner highlighted, long lists shortened."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from sphinx_academic.locale import _
from sphinx_academic.model.names import Author
from sphinx_academic.nodes import academic_button
from sphinx_academic.render.context import RenderContext
from sphinx_academic.render.text import Runs


def authors_inline(authors: Sequence[Author], ctx: RenderContext, expandable: bool) -> nodes.inline:
    """The list in an ``academic-pub-author-list`` span; an expandable list shortened
    after ``max_authors`` keeps the rest hidden behind a button."""
    shown = shown_authors(authors, ctx)
    runs = Runs()
    add_authors(runs, authors, shown, ctx, expandable)
    wrapper = nodes.inline("", "", *runs.result(), classes=["academic-pub-author-list"])
    hidden_count = len(authors) - len(shown)
    if hidden_count and expandable:
        wrapper += [nodes.Text(" "), _expand_button(hidden_count)]
    return wrapper


def _expand_button(hidden_count: int) -> academic_button:
    button = academic_button("", classes=["academic-pub-authors-toggle"])
    button.update_all_atts(
        {
            "label": _("+{count} more").format(count=hidden_count),
            "done": _("show less"),
            "action": "expand-authors",
            "expanded": False,
            "tooltip": _("Show all authors"),
        }
    )
    return button


def shown_authors(authors: Sequence[Author], ctx: RenderContext) -> set[int]:
    """Indexes shown before expanding: the first ``max_authors`` and the owner."""
    limit = ctx.max_authors
    if limit <= 0 or len(authors) <= limit:
        return set(range(len(authors)))
    shown = set(range(limit))
    shown.update(i for i, author in enumerate(authors) if ctx.owner.is_owner(author))
    if len(authors) - len(shown) <= 1:  # a "+1 more" button takes the place of a name
        return set(range(len(authors)))
    return shown


def add_authors(
    runs: Runs, authors: Sequence[Author], shown: set[int], ctx: RenderContext, expandable: bool
) -> None:
    """Names as text runs: a long list costs a handful of nodes, not a few per name.

    A shortened list either keeps every name with the hidden ones in spans (expandable,
    HTML cards) or stops with "et al." (citation lines).
    """
    if len(shown) == len(authors):
        for index, author in enumerate(authors):
            _add_author(runs, author, index, len(authors), ctx)
    elif expandable:
        _add_with_hidden_runs(runs, authors, shown, ctx)
    else:
        _add_cut(runs, authors, shown, ctx)


def _add_with_hidden_runs(
    runs: Runs, authors: Sequence[Author], shown: set[int], ctx: RenderContext
) -> None:
    index, count = 0, len(authors)
    while index < count:
        if index in shown:
            _add_author(runs, authors[index], index, count, ctx)
            index += 1
            continue
        hidden = Runs()
        while index < count and index not in shown:
            _add_author(hidden, authors[index], index, count, ctx)
            index += 1
        # The ellipsis stands in for the hidden run until the list is expanded.
        ellipsis = _between(_("{first}, {next}")) + "…"
        runs.add_node(nodes.inline(ellipsis, ellipsis, classes=["academic-pub-author-ellipsis"]))
        runs.add_node(
            nodes.inline("", "", *hidden.result(), classes=["academic-pub-author-hidden"])
        )


def _add_cut(runs: Runs, authors: Sequence[Author], shown: set[int], ctx: RenderContext) -> None:
    previous = -1
    comma = _between(_("{first}, {next}"))
    for index in sorted(shown):
        if previous >= 0:
            runs.add_text(comma if index == previous + 1 else f"{comma}…{comma}")
        _add_name(runs, authors[index], ctx)
        previous = index
    runs.add_text(_after(_("{names}, et al.")))


def _add_author(runs: Runs, author: Author, index: int, count: int, ctx: RenderContext) -> None:
    if index > 0:
        runs.add_text(list_separator(index, count))
    _add_name(runs, author, ctx)


def list_separator(index: int, count: int) -> str:
    """What goes before the ``index``-th of ``count`` names: ``A and B``, ``A, B, and C``,
    as the project's language joins names (``A und B``, ``A、B和C``)."""
    if index < count - 1:
        return _between(_("{first}, {next}"))
    if count == 2:
        return _between(_("{first} and {last}"))
    return _between(_("{others}, and {last}"))


def _between(pattern: str) -> str:
    """What a translated pattern such as ``{first} and {last}`` puts between its names."""
    return pattern[pattern.index("}") + 1 : pattern.rindex("{")]


def _after(pattern: str) -> str:
    """What a translated pattern such as ``{names}, et al.`` puts after the names."""
    return pattern[pattern.index("}") + 1 :]


def _add_name(runs: Runs, author: Author, ctx: RenderContext) -> None:
    if ctx.owner.is_owner(author):
        # Strong, so the owner stands out without CSS (PDF, text). The class sits on the
        # strong itself (memory: a wrapper per mention made the doctree of 10,000 entries
        # 7 MiB larger); non-HTML builders get the wrapper back (see transforms).
        runs.add_node(nodes.strong(author.display, author.display, classes=["academic-self"]))
    elif (url := coauthor_url(author, ctx)) is not None:
        link = nodes.reference(author.display, author.display, refuri=url)
        link["classes"].append("academic-coauthor")
        runs.add_node(link)
    else:
        runs.add_text(author.display)
    if author.markers:
        marker = nodes.superscript(author.markers, author.markers, classes=["academic-pub-marker"])
        runs.add_node(marker)


def coauthor_url(author: Author, ctx: RenderContext) -> str | None:
    """The page of the one co-author ``author`` names; ``None`` for nobody or several."""
    if not ctx.coauthors:
        return None
    people = ctx.coauthors.people(author)
    return people[0].url if len(people) == 1 else None

"""What rendering needs from the project, gathered once per directive or post-transform."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from docutils import nodes

    from sphinx_academic.model.coauthors import CoauthorMatcher
    from sphinx_academic.model.metrics import Count
    from sphinx_academic.model.names import OwnerMatcher
    from sphinx_academic.model.publication import Publication

#: ``(message, location, subtype)`` -> a warning; the renderer never logs by itself.
Warn = Callable[[str, str, str], None]

#: How cards show abstracts: behind a toggle, shown open, or not at all.
AbstractMode = Literal["folded", "open", "hidden"]
ABSTRACT_MODES: tuple[AbstractMode, ...] = ("folded", "open", "hidden")


@dataclass(frozen=True)
class RenderContext:
    owner: OwnerMatcher
    max_authors: int
    srcdir: str
    preview_dir: str
    files_dir: str
    language: str
    warn: Warn
    #: Titles link to the entries' own pages (``academic_publication_pages``).
    link_pages: bool = False
    #: The keys (lower case) of the entries with a page written by hand
    #: (``.. publication-page::``), whose titles link to it; known once every page is read.
    own_pages: frozenset[str] = frozenset()
    #: An entry's citation count for its badge; ``None`` when badges are off.
    citations: Callable[[Publication], Count | None] | None = None
    #: The source of those counts (``academic_citation_source``).
    citation_source: str = ""
    #: How entries show abstracts (the ``:abstract:`` option); ``None``: as the style does.
    abstract: AbstractMode | None = None
    #: The co-authors whose names link to their pages; ``None`` when there are none.
    coauthors: CoauthorMatcher | None = None
    #: The nodes of the entries' files by ``(key, field)``, made when the page was read
    #: (see :func:`~sphinx_academic.render.resources.file_nodes`); ``None``: make them
    #: while rendering.
    collected: Mapping[tuple[str, str], nodes.Element] | None = None

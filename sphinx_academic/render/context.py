"""What rendering needs from the project, gathered once per directive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx_academic.model.coauthors import CoauthorMatcher
    from sphinx_academic.model.metrics import Count
    from sphinx_academic.model.names import OwnerMatcher
    from sphinx_academic.model.publication import Publication

#: ``(message, location, subtype)`` -> a warning; the renderer never logs by itself.
Warn = Callable[[str, str, str], None]


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
    #: An entry's citation count for its badge; ``None`` when badges are off.
    citations: Callable[[Publication], Count | None] | None = None
    #: The source of those counts (``academic_citation_source``).
    citation_source: str = ""
    #: The co-authors whose names link to their pages; ``None`` when there are none.
    coauthors: CoauthorMatcher | None = None

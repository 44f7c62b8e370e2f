"""What rendering needs from the project, gathered once per directive or post-transform."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sphinx.environment import BuildEnvironment

from sphinx_academic.domain import coauthor_matcher, get_domain, owner_matcher, owner_spellings

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


def render_context(env: BuildEnvironment, warn: Warn | None = None) -> RenderContext:
    """What rendering publications needs from the project's configuration and profile;
    data problems are reported once per build unless ``warn`` is given. (The page's use
    of the data files is noted by :func:`publications_for_page`.)"""
    config = env.config
    domain = get_domain(env)
    return RenderContext(
        owner=owner_matcher(owner_spellings(env)),
        max_authors=config.academic_max_authors,
        srcdir=str(env.srcdir),
        preview_dir=config.academic_preview_dir,
        files_dir=config.academic_files_dir,
        language=config.language or "en",
        warn=warn or domain.warn_once,
        link_pages=config.academic_publication_pages,
        citations=badge_counts(env),
        citation_source=config.academic_citation_source,
        coauthors=coauthor_matcher(domain.coauthors.people) if domain.coauthors.people else None,
    )


def badge_counts(env: BuildEnvironment) -> Callable[[Publication], Count | None] | None:
    """The count each card shows (``academic_show_citations``), or ``None`` when cards
    show none."""
    if not env.config.academic_show_citations:
        return None
    found, source = get_domain(env).metrics.metrics, env.config.academic_citation_source
    return None if found is None else lambda pub: found.count(pub.key, source)

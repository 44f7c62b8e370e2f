"""What every academic directive and role shares: the render context, anchors, options."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.citations import badge_counts
from sphinx_academic.render.context import RenderContext, Warn
from sphinx_academic.store import (
    ProfileStore,
    PublicationStore,
    get_profile_store,
    get_store,
)

if TYPE_CHECKING:
    from sphinx_academic.model.names import OwnerMatcher


def owner_spellings(env: BuildEnvironment) -> tuple[str, ...]:
    """Every spelling of the site owner's name: the aliases and the profile's name."""
    name = get_profile_store(env).profile.basics.name
    aliases = tuple(env.config.academic_author_aliases)
    # The name field is inline markup: drop escaping backslashes.
    return (*aliases, name.replace("\\", "")) if name else aliases


@functools.lru_cache(maxsize=32)
def _matcher(spellings: tuple[str, ...]) -> OwnerMatcher:
    # Imported here: the profile directives need no name matching (speed).
    from sphinx_academic.model.names import OwnerMatcher

    return OwnerMatcher(spellings)


def page_warner(env: BuildEnvironment) -> Warn:
    """Warn about a data problem once per page, even when the entry is shown twice."""
    seen: set[tuple[str, str]] = env.temp_data.setdefault(  # type: ignore[assignment]
        "academic_warned", set()
    )

    def warn(message: str, location: str, subtype: str) -> None:
        if (message, location) not in seen:
            seen.add((message, location))
            diagnostics.warn(message, location, subtype)

    return warn


def render_context(env: BuildEnvironment, warn: Warn | None = None) -> RenderContext:
    config = env.config
    return RenderContext(
        owner=_matcher(owner_spellings(env)),
        max_authors=config.academic_max_authors,
        srcdir=str(env.srcdir),
        preview_dir=config.academic_preview_dir,
        files_dir=config.academic_files_dir,
        language=config.language or "en",
        warn=warn or page_warner(env),
        link_pages=config.academic_publication_pages,
        citations=badge_counts(env),
        citation_source=config.academic_citation_source,
    )


def publication_store(env: BuildEnvironment) -> PublicationStore:
    """The store, after noting that the current page depends on the bib files (and on
    the profile, whose name marks the owner in author lists)."""
    store = get_store(env)
    for path in (*store.paths, *get_profile_store(env).paths):
        env.note_dependency(path)
    return store


def profile_store(env: BuildEnvironment) -> ProfileStore:
    """The profile, after noting that the current page depends on its files."""
    store = get_profile_store(env)
    for path in store.paths:
        env.note_dependency(path)
    return store


_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]")


def unique_anchor(document: nodes.document, key: str, prefix: str = "pub-") -> str:
    """``<prefix><key>``, made unique within the page (an entry may appear twice).

    Unlike ``nodes.make_id`` this keeps the key's case and underscores, so the anchor is
    the key a user knows and keys differing only there do not collide.
    """
    base = prefix + _UNSAFE_ID_CHARS.sub("-", key)
    anchor, counter = base, 1
    while anchor in document.ids:
        counter += 1
        anchor = f"{base}-{counter}"
    return anchor


def register_anchor(document: nodes.document, node: nodes.Element, anchor: str) -> None:
    document.ids[anchor] = node

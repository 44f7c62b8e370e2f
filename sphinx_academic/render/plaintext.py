"""Profile text (inline reStructuredText) as plain words, for metadata and feeds."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=256)
def markup_text(markup: str | None) -> str:
    """Profile text fields are inline reStructuredText; metadata wants the words only."""
    if not markup:
        return ""
    from docutils.core import publish_doctree

    settings = {
        "report_level": 5,
        "halt_level": 5,
        "file_insertion_enabled": False,
        "raw_enabled": False,
    }
    try:
        return publish_doctree(markup, settings_overrides=settings).astext().strip()
    except Exception:  # never fail a build over metadata
        return markup.replace("\\", "")

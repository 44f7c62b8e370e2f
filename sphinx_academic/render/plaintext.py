"""Profile text (inline reStructuredText) as plain words, for metadata and feeds."""

from __future__ import annotations

import functools
import re

#: Characters without which inline reStructuredText is its own plain text: emphasis and
#: literals, roles and links (backquotes), references (``name_``), substitutions, escapes.
_INLINE_MARKUP = re.compile(r"[*`_|\\]")


@functools.lru_cache(maxsize=256)
def markup_text(markup: str | None) -> str:
    """Profile text fields are inline reStructuredText; metadata wants the words only."""
    text = " ".join((markup or "").split())
    if not _INLINE_MARKUP.search(text):  # plain words: nothing to parse
        return text
    from docutils.core import publish_doctree

    settings = {
        "report_level": 5,
        "halt_level": 5,
        "file_insertion_enabled": False,
        "raw_enabled": False,
    }
    try:
        # The escaped space keeps the text inline: "A. Smith" or "- x" must not become a
        # list, as the same text is not one on the pages.
        return publish_doctree("\\ " + text, settings_overrides=settings).astext().strip()
    except Exception:  # never fail a build over metadata
        return text.replace("\\", "")

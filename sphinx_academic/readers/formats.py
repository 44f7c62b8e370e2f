"""Telling the profile formats apart, and RenderCV's section titles: kept apart from the
readers of :mod:`sphinx_academic.readers.rendercv` so that reading a native profile does
not import them, nor declare their schemas (speed)."""

from __future__ import annotations


def is_rendercv(data: object) -> bool:
    return isinstance(data, dict) and "cv" in data


def is_alfolio_cv(data: object) -> bool:
    """A list of mappings, with ``title`` and ``contents`` (or ``type``) keys among them."""
    if not isinstance(data, list) or not data or not all(isinstance(i, dict) for i in data):
        return False
    return any("title" in item for item in data) and any(
        "contents" in item or "type" in item for item in data
    )


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` -> ``Selected Honors``.

    Keys with a capital letter or a space are titles already and are kept as written.
    """
    if " " in key or any(char.isupper() for char in key):
        return key
    return " ".join(word[:1].upper() + word[1:] for word in key.split("_") if word)

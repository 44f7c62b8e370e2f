"""Which links and file references from data may reach the output.

Only ``http``, ``https``, ``mailto`` and relative references pass; anything else
(``javascript:``, ``data:``, ``vbscript:``, in any case, hidden behind whitespace, control
characters or HTML entities) is refused. File references must stay inside the source
directory.
"""

from __future__ import annotations

import html
import os
import re
from typing import NamedTuple
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def safe_url(value: str) -> str | None:
    """``value`` if it is an http(s), mailto or relative URL, else ``None``."""
    value = value.strip()
    if not value:
        return None
    probe = _INVISIBLE.sub("", html.unescape(value))
    try:
        scheme = urlsplit(probe).scheme.lower()
    except ValueError:
        return None
    if ":" in probe.split("/", 1)[0] and not scheme:
        return None
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    return value


def is_url(value: str) -> bool:
    """Whether a field value is a URL rather than a file name."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value.strip())) or value.startswith("//")


class ProjectFile(NamedTuple):
    """A file inside the source directory: its path from there (``/``-separated)."""

    relative: str
    absolute: str


def within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or inside it, links followed (a link out of the
    folder leaves it)."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


class OutsideSource(ValueError):
    """The reference resolves outside the source directory."""


def project_file(value: str, srcdir: str, bare_dir: str) -> ProjectFile:
    """Resolve a file reference: a bare name lives in ``bare_dir``; a name with ``/``
    is relative to the source directory (a leading ``/`` too)."""
    value = value.strip().replace("\\", "/")
    base = bare_dir if "/" not in value else ""
    relative = os.path.normpath(os.path.join(base, value.lstrip("/")))
    real_src = os.path.realpath(srcdir)
    absolute = os.path.realpath(os.path.join(real_src, relative))
    if os.path.isabs(value) and not value.startswith("/"):
        raise OutsideSource(value)
    if not within(absolute, real_src):
        raise OutsideSource(value)
    return ProjectFile(os.path.relpath(absolute, real_src).replace(os.sep, "/"), absolute)

"""What rendering a profile needs from the directive, and the small builders every
profile renderer shares (text fields, checked links, ``label: value`` lines).

Every human text of the model is reStructuredText inline markup and goes through
:attr:`ProfileContext.inline`; URLs, e-mail addresses, phone numbers and network names
are plain and only ever become ``Text`` nodes or reference targets.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes

from sphinx_academic.model.links import OutsideSource, is_url, project_file, safe_url
from sphinx_academic.model.profile_records import Source
from sphinx_academic.render.context import Warn
from sphinx_academic.render.dates import PRESENT
from sphinx_academic.render.text import Runs

#: ``(text, source)`` -> inline nodes: parses reStructuredText inline markup from the data.
Inline = Callable[[str, Source | None], list[nodes.Node]]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class ProfileContext:
    """Supplied by the directive; the renderers never parse, log or read config."""

    #: Parses one field's inline markup; its errors are the directive's to report.
    inline: Inline
    #: The project's ``language`` (for month names); ``"en"`` when unset.
    language: str
    #: The source directory: images from the data must be inside it.
    srcdir: str
    #: ``(message, "path:line", subtype)`` -> a warning (subtypes ``link``, ``asset``).
    warn: Warn
    #: How an ongoing period ends ("Aug 2018 – present"); pass a translation if wanted.
    present: str = PRESENT
    #: Text of the link after a news item that has a URL but no title.
    more: str = "more"


def location(source: Source | None) -> str:
    """``path:line`` for warnings; ``""`` when the record has no source."""
    if source is None or not source.path:
        return ""
    return f"{source.path}:{source.line or 1}"


def rich(ctx: ProfileContext, text: str | None, source: Source | None) -> list[nodes.Node]:
    """A text field as inline nodes; nothing for a missing or blank field."""
    if text is None or not text.strip():
        return []
    return ctx.inline(text.strip(), source)


def paragraphs(
    ctx: ProfileContext, text: str | None, source: Source | None, css: str
) -> list[nodes.paragraph]:
    """A longer text (summary) as paragraphs: blank lines separate them."""
    parts = _BLANK_LINE.split(text or "")
    found = (rich(ctx, part, source) for part in parts)
    return [nodes.paragraph("", "", *children, classes=[css]) for children in found if children]


def checked_url(
    ctx: ProfileContext, url: str | None, field: str, source: Source | None
) -> str | None:
    """``url`` if it may be linked (http, https, mailto, relative), else ``None`` after a
    ``link`` warning at the record."""
    if url is None or not url.strip():
        return None
    if safe_url(url) is not None:
        return url.strip()
    ctx.warn(
        f"profile: {field}: link {url!r} dropped (only http, https, mailto and relative "
        "links are allowed)",
        location(source),
        "link",
    )
    return None


def image_uri(
    ctx: ProfileContext, value: str | None, field: str, source: Source | None
) -> str | None:
    """Where an image named in the data is: a safe URL, or ``/path`` of a file in the
    source directory (how Sphinx's image collector takes it, so the file is copied);
    ``None`` when there is none, after a ``link`` or ``asset`` warning at the record when
    one is named but cannot be used. Paths are relative to the source directory."""
    value = (value or "").strip()
    if not value:
        return None
    if is_url(value):
        return checked_url(ctx, value, field, source)
    try:
        found = project_file(value, ctx.srcdir, "")
    except OutsideSource:
        message = f"profile: {field}: {value!r} is outside the source directory; not used"
        ctx.warn(message, location(source), "asset")
        return None
    if not os.path.isfile(found.absolute):
        message = (
            f"profile: {field}: file {found.relative!r} not found (paths are relative "
            "to the source directory)"
        )
        ctx.warn(message, location(source), "asset")
        return None
    return "/" + found.relative


def merged(items: Iterable[nodes.Node]) -> list[nodes.Node]:
    """``items`` with neighbouring Text nodes joined: fewer nodes for Sphinx to visit."""
    runs = Runs()
    for item in items:
        if isinstance(item, nodes.Text):
            runs.add_text(str(item))
        else:
            runs.add_node(item)
    return runs.result()


def joined(groups: Iterable[Sequence[nodes.Node]], separator: str) -> list[nodes.Node]:
    """Non-empty groups of nodes with ``separator`` text between them."""
    result: list[nodes.Node] = []
    for group in groups:
        if not group:
            continue
        if result:
            result.append(nodes.Text(separator))
        result.extend(group)
    return merged(result)


def linked(children: Sequence[nodes.Node], url: str | None, css: str) -> nodes.Element:
    """``children`` in a reference to an already checked ``url``, else in a span."""
    if url:
        return nodes.reference("", "", *children, refuri=url, classes=[css])
    return nodes.inline("", "", *children, classes=[css])


def label_line(label: str, value: Sequence[nodes.Node], css: str) -> nodes.paragraph:
    """A compact ``Label: value`` paragraph; the label is emphasised so it stands out in
    builders without CSS too."""
    term = nodes.emphasis(f"{label}:", f"{label}:", classes=["academic-label"])
    return nodes.paragraph("", "", term, *merged([nodes.Text(" "), *value]), classes=[css])


def css_slug(text: str) -> str:
    """``Google Scholar`` -> ``googlescholar``, for class names."""
    return re.sub(r"[\W_]+", "", text.casefold())

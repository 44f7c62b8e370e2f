"""Markdown as plain text, for a BibTeX ``abstract``: the sentences of a page body or a
front matter field, with the markup dropped and link texts kept.

A page body is read a paragraph (a run of lines between blank lines) at a time. Headings,
images, code blocks, tables, rules, link reference definitions (``[//]: # (comment)``)
and HTML comments are left out, and so are the lines the academicpages template and its
generators put under an abstract: "Recommended citation: ...", "[Download paper
here](...)", "Use [Google Scholar](...) for full citation", a BibTeX entry, a paragraph
that is only links ("[arXiv](...) [Code](...)", "Code: [repo](...)").
"""

from __future__ import annotations

import re

from sphinx_academic.migrate.values import asterisk_emphasis, plain, without_template_tags
from sphinx_academic.readers.markup import markdown_plain

__all__ = ["markdown_text"]

_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
#: Lines that are markup only: headings, rules and setext underlines, tables, link
#: reference definitions (also the ``[//]: #`` comment idiom), kramdown attribute lists.
_NOT_TEXT_LINE = re.compile(
    r"^\s*(?:#{1,6}(?:\s|$)|(?:[-*_=]\s*){3,}$|\||\[[^\]]+\]:\s|\{:.*\}\s*$)"
)
_LINE_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_ATTRIBUTE_LIST = re.compile(r"\{:[^}]*\}")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
#: HTML tags that end a line or a block: a space where they were keeps words apart.
_BREAKING_TAG = re.compile(r"</?(?:br|p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th)\b[^>]*>", re.I)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
#: Escaped characters are held as private-use characters while the markup is read.
_HELD = 0xE000
_HELD_CHARACTER = re.compile("[\ue021-\ue07e]")
#: Links as Markdown and as HTML, to tell a paragraph that is only links.
_ANY_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)|<a\s[^>]*>.*?</a>", re.DOTALL | re.IGNORECASE)
#: What is left of a paragraph of links once the links are gone: separators, or a label.
_LINKS_ONLY = re.compile(r"[\W_]*|[^\W\d_][\w .'-]{0,30}:[\W_]*")
#: The academicpages lines under an abstract, as plain text.
_BOILERPLATE = re.compile(
    r"(?:recommended citation|cite as|bibtex)\s*:"
    r"|(?:download|access) (?:the )?(?:paper|pdf|slides|article)\b"
    r"|use google scholar for (?:the )?full citation"
    r"|@\w+\s*\{",
    re.IGNORECASE,
)


def markdown_text(text: str | None) -> str | None:
    """The prose of Markdown (with HTML) as one line of plain text; ``None`` when none
    is left."""
    if not text:
        return None
    text = _HTML_COMMENT.sub("", without_template_tags(text))
    kept = [_inline(lines) for lines in _paragraphs(text) if not _is_links_only(lines)]
    prose = [part for part in kept if part and not _BOILERPLATE.match(part)]
    return " ".join(prose) or None


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of text, code blocks and markup-only lines left out, list and
    quote markers taken off."""
    paragraphs: list[str] = []
    lines: list[str] = []
    fence = ""
    for line in text.splitlines():
        found = _FENCE.match(line)
        if fence or found:
            if found and (not fence or found.group(1) == fence):
                fence = "" if fence else found.group(1)
            continue
        if not line.strip() or _NOT_TEXT_LINE.match(line):
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
            continue
        lines.append(_LINE_MARKER.sub("", line, count=1))
    if lines:
        paragraphs.append("\n".join(lines))
    return paragraphs


def _is_links_only(paragraph: str) -> bool:
    if not _ANY_LINK.search(paragraph):
        return False
    rest = _ANY_LINK.sub(" ", _ATTRIBUTE_LIST.sub("", paragraph))
    return _LINKS_ONLY.fullmatch(" ".join(rest.split())) is not None


def _inline(paragraph: str) -> str | None:
    """A paragraph's text: images dropped; code, links and emphasis as their text;
    HTML tags dropped and character references read."""
    text = _ESCAPED.sub(lambda found: chr(_HELD + ord(found.group(1))), paragraph)
    text = _IMAGE.sub(" ", text)
    text = _CODE_SPAN.sub(lambda found: found.group(2).strip(), text)
    text = _AUTOLINK.sub(r"\1", _ATTRIBUTE_LIST.sub("", text))
    text = _BREAKING_TAG.sub(" ", text)
    text = markdown_plain(asterisk_emphasis(_REFERENCE_LINK.sub(r"\1", text)))
    text = plain(text) or ""
    return _HELD_CHARACTER.sub(lambda found: chr(ord(found.group()) - _HELD), text) or None

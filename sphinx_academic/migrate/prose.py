"""Markdown as plain text, for a BibTeX ``abstract``: the sentences of a page body or a
front matter field, with the markup dropped and link texts kept.

The Markdown is read by markdown-it-py, the CommonMark parser MyST uses (with tables and
strikethrough, which GitHub's, Goldmark's and kramdown's Markdown have). Its paragraphs
(also those in lists and quotes) and the text of its HTML blocks are the prose: headings,
code blocks, tables, rules, images, link reference definitions (``[//]: # (comment)``)
and HTML comments are not. Our own rules then leave out the paragraphs the academicpages
template and its generators put under an abstract: "Recommended citation: ...",
"[Download paper here](...)", "Use [Google Scholar](...) for full citation", a BibTeX
entry, and a paragraph that is only links ("[arXiv](...) | [Code](...)", "Code:
[repo](...)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sphinx_academic.migrate.values import without_template_tags

__all__ = ["markdown_text"]

#: kramdown's attribute lists (``{:target="_blank"}``, ``{: .notice}``), which CommonMark
#: reads as text.
_ATTRIBUTE_LIST = re.compile(r"\{:[^}]*\}")
#: What is left of a paragraph of links once the links are gone: separators, or a label.
_LINKS_ONLY = re.compile(r"[\W_]*|[^\W\d_][\w .'-]{0,30}:[\W_]*")
#: The academicpages paragraphs under an abstract, as plain text.
_BOILERPLATE = re.compile(
    r"(?:recommended citation|cite as|bibtex)\s*:"
    r"|(?:download|access) (?:the )?(?:paper|pdf|slides|article)\b"
    r"|use google scholar for (?:the )?full citation"
    r"|@\w+\s*\{",
    re.IGNORECASE,
)
#: The name of an HTML tag written inline (``<i>``, ``</a>``, ``<br/>``).
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][\w-]*)")
#: HTML elements that end a paragraph of an HTML block.
_HTML_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figure"}
    | {"footer", "header", "li", "main", "nav", "ol", "p", "section", "ul"}
)
#: HTML elements whose text is not prose.
_HTML_SKIPPED = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "table", "template"}
)


def markdown_text(text: str | None) -> str | None:
    """The prose of Markdown (with HTML) as one line of plain text; ``None`` when none
    is left."""
    if not text:
        return None
    prose = [part.text for part in _paragraphs(without_template_tags(text)) if _is_prose(part)]
    return " ".join(prose) or None


@dataclass
class _Paragraph:
    """A paragraph's text, and the text it has outside links."""

    parts: list[str] = field(default_factory=list)
    outside_links: list[str] = field(default_factory=list)
    links: int = 0

    def add(self, text: str, *, in_link: bool) -> None:
        self.parts.append(text)
        if not in_link:
            self.outside_links.append(text)

    @property
    def text(self) -> str:
        return _squashed(_ATTRIBUTE_LIST.sub("", "".join(self.parts)))


def _squashed(text: str) -> str:
    return " ".join(text.split())


def _is_prose(paragraph: _Paragraph) -> bool:
    """Whether a paragraph has text that is neither the template's nor only links."""
    text = paragraph.text
    if not text or _BOILERPLATE.match(text):
        return False
    rest = _squashed(_ATTRIBUTE_LIST.sub("", "".join(paragraph.outside_links)))
    return not (paragraph.links and _LINKS_ONLY.fullmatch(rest))


def _paragraphs(text: str) -> Iterator[_Paragraph]:
    """The paragraphs of Markdown and of its HTML blocks, in order.

    An HTML comment that an HTML block opens and does not close (its text runs on over
    a blank line) hides what follows up to the line with its ``-->``, and the block of
    that line.
    """
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(text)
    hidden_until = -1  # the last line an open comment hides
    for index, token in enumerate(tokens):
        if token.map is None or token.map[0] <= hidden_until:
            continue
        if token.type == "html_block":
            html, open_comment = _without_open_comment(token.content)
            yield from _html_paragraphs(html)
            if open_comment:
                hidden_until = _comment_end(text, token.map[1])
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            yield _inline_paragraph(token.children or [])


def _without_open_comment(html: str) -> tuple[str, bool]:
    """HTML without a comment it opens and does not close, and whether it had one."""
    start = html.rfind("<!--")
    if start > html.rfind("-->"):
        return html[:start], True
    return html, False


def _comment_end(text: str, start: int) -> int:
    """The number of the first line from ``start`` on with a ``-->``; past the last line
    when none has one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return next((n for n in range(start, len(lines)) if "-->" in lines[n]), len(lines))


def _inline_paragraph(children: Sequence[Token]) -> _Paragraph:
    """A paragraph's text: links, code and emphasis as their text; images and struck
    text dropped; HTML tags dropped, their text kept."""
    paragraph = _Paragraph()
    in_link = struck = False
    for child in children:
        if child.type in ("link_open", "link_close"):
            in_link = child.type == "link_open"
            if in_link:
                paragraph.links += 1
        elif child.type in ("s_open", "s_close"):
            struck = child.type == "s_open"
        elif struck:
            continue
        elif child.type in ("text", "code_inline"):
            paragraph.add(child.content, in_link=in_link)
        elif child.type in ("softbreak", "hardbreak"):
            paragraph.add(" ", in_link=in_link)
        elif child.type == "html_inline":
            in_link = _html_inline(child.content, paragraph, in_link)
    return paragraph


def _html_inline(tag: str, paragraph: _Paragraph, in_link: bool) -> bool:
    """Read an inline HTML tag (``<a href>`` and ``</a>`` open and close a link, ``<br>``
    is a space); whether a link is open after it."""
    found = _TAG_NAME.match(tag)
    if found is None:  # a comment, or a processing instruction
        return in_link
    closing, name = found.group(1), found.group(2).lower()
    if name == "a":
        if not closing:
            paragraph.links += 1
        return not closing
    if name == "br":
        paragraph.add(" ", in_link=in_link)
    return in_link


def _html_paragraphs(html: str) -> list[_Paragraph]:
    """The text of an HTML block, split into paragraphs at block elements; comments,
    headings, code, scripts, styles and tables left out."""
    reader = _HTMLText()
    reader.feed(html)
    reader.close()
    return reader.paragraphs


class _HTMLText(HTMLParser):
    """The paragraphs of text in HTML, with the links they have."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[_Paragraph] = [_Paragraph()]
        self.skipped: list[str] = []
        self.in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_SKIPPED:
            self.skipped.append(tag)
        elif tag in _HTML_BLOCKS:
            self.paragraphs.append(_Paragraph())
        elif tag == "a":
            self.in_link = True
            self.paragraphs[-1].links += 1
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipped and tag == self.skipped[-1]:
            self.skipped.pop()
        elif tag in _HTML_BLOCKS:
            self.paragraphs.append(_Paragraph())
        elif tag == "a":
            self.in_link = False

    def handle_data(self, data: str) -> None:
        if not self.skipped:
            self.paragraphs[-1].add(data, in_link=self.in_link)

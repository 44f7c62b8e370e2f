"""Inline markup of other tools' files as reStructuredText: RenderCV's Markdown subset
(``**bold**``, ``*italic*``, ``[text](url)``) and al-folio's small HTML subset (``<a>``,
``<b>``/``<strong>``, ``<i>``/``<em>``). Everything else is escaped, so no other RST markup
can appear."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

__all__ = [
    "converted",
    "escape_rst",
    "html_to_rst",
    "markdown_to_rst",
    "whole_link",
]

TokenKind = Literal["text", "strong", "em", "link"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: TokenKind
    text: str
    url: str = ""


_SPECIAL = re.compile(r"([\\`*|])")
# "_" only makes markup at the end of a word (``name_``, ``name__``), never inside one.
_TRAILING_UNDERSCORE = re.compile(r"_(?![^\W_])")


def escape_rst(text: str) -> str:
    """Escape ``text`` so that reStructuredText shows it as is, with no markup."""
    return _TRAILING_UNDERSCORE.sub(r"\\_", _SPECIAL.sub(r"\\\1", text))


#: A link's address: no spaces, parentheses only in balanced pairs, as in CommonMark
#: (``https://en.wikipedia.org/wiki/Ada_(programming_language)``).
_URL = r"(?:[^()\s]|\([^()\s]*\))+"
_MARKDOWN = re.compile(
    r"\[(?P<link>[^\]\n]*)\]\((?P<url>" + _URL + r")\)"
    r"|\*\*(?P<strong>[^\s*](?:(?:(?!\*\*).)*?[^\s*])?)\*\*"
    r"|\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*",
    re.DOTALL,
)
_WHOLE_LINK = re.compile(r"\s*\[([^\]\n]*)\]\((" + _URL + r")\)\s*")


def markdown_to_rst(text: str) -> str:
    """RenderCV's Markdown (bold, italic, links) as one line of RST inline markup.

    Everything else is escaped, so no other RST markup can appear.
    """
    return _render(_markdown_tokens(_squash(text)))


def _squash(text: str) -> str:
    """Whitespace runs as one space; NUL removed (it marks markup in :func:`_render`)."""
    return " ".join(text.replace("\x00", "").split())


def _markdown_tokens(text: str) -> Iterator[_Token]:
    position = 0
    for match in _MARKDOWN.finditer(text):
        yield _Token("text", text[position : match.start()])
        position = match.end()
        if match.group("url"):
            yield _Token("link", _markdown_plain(match.group("link")), match.group("url"))
        elif match.group("strong") is not None:
            yield from _emphasis("strong", match.group("strong"), match.group())
        else:
            yield from _emphasis("em", match.group("em"), match.group())
    yield _Token("text", text[position:])


def _emphasis(kind: TokenKind, inner: str, whole: str) -> Iterator[_Token]:
    # RST cannot nest markup: a link inside wins over the emphasis around it.
    tokens = [token for token in _markdown_tokens(inner) if token.text or token.url]
    if any(token.kind == "link" for token in tokens):
        yield from tokens
    elif inner.strip():
        yield _Token(kind, _markdown_plain(inner))
    else:
        yield _Token("text", whole)


def _markdown_plain(text: str) -> str:
    """The text of Markdown without its markup."""
    return "".join(token.text for token in _markdown_tokens(text))


def _render(tokens: Iterator[_Token] | list[_Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.kind == "text":
            parts.append(escape_rst(token.text))
        else:
            parts.append("\x00" + _markup(token) + "\x00")
    return _separate("".join(parts))


def _markup(token: _Token) -> str:
    if token.kind == "link":
        label = escape_rst(" ".join(token.text.split()) or token.url).replace("<", r"\<")
        return f"`{label} <{_escape_url(token.url)}>`__"
    marker = "**" if token.kind == "strong" else "*"
    return f"{marker}{escape_rst(' '.join(token.text.split()))}{marker}"


def _escape_url(url: str) -> str:
    url = re.sub(r"[<>`\\\s]", lambda m: f"%{ord(m.group()):02X}", url)
    # A trailing "_" would make the target a reference name instead of a URL.
    return url[:-1] + r"\_" if url.endswith("_") else url


# Characters after which, and before which, RST sees inline markup without help.
_OPENS_MARKUP = frozenset(" \t\n('\"")
_CLOSES_MARKUP = frozenset(" \t\n.,;:!?)'\"")


def _separate(text: str) -> str:
    """Replace the marks around markup by ``\\ `` where the neighbours would hide it.

    RST only sees markup after a space or some punctuation, and before one; an escaped
    space (which renders as nothing) turns ``a**b**c`` into ``a\\ **b**\\ c``.
    """
    out = ""
    pieces = text.split("\x00")
    for index, piece in enumerate(pieces):
        if index % 2 == 0:  # text
            out += piece
            continue
        before = out[-1:]
        if before and (before not in _OPENS_MARKUP or _closes(before, piece)):
            out += "\\ "
        after = pieces[index + 1][:1] if index + 1 < len(pieces) else ""
        out += piece + ("\\ " if after and after not in _CLOSES_MARKUP else "")
    return out


def _closes(opening: str, markup: str) -> bool:
    """RST ignores a start-string between matching brackets or quotes: ``(*)*``."""
    first = markup.lstrip("*`")[:1]
    return (opening, first) in {("(", ")"), ("'", "'"), ('"', '"')}


class _HTMLTokens(HTMLParser):
    """Tokens from a small HTML subset: ``<a href>``, ``<b>``/``<strong>``, ``<i>``/``<em>``."""

    _KINDS: dict[str, TokenKind] = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[_Token] = []
        self.href: str | None = None
        self.link_text: list[str] = []
        self.styles: list[TokenKind] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = []
        elif tag in self._KINDS:
            self.styles.append(self._KINDS[tag])
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href is not None:
            text = "".join(self.link_text)
            self.tokens.append(
                _Token("link", text, self.href) if self.href else _Token("text", text)
            )
            self.href = None
        elif tag in self._KINDS and self.styles:
            self.styles.pop()

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.link_text.append(data)
        elif self.styles and data.strip():
            self.tokens.append(_Token(self.styles[-1], data))
        else:
            self.tokens.append(_Token("text", data))


def html_to_rst(text: str) -> str:
    """al-folio's inline HTML as RST: links, bold and italic kept, other tags dropped."""
    parser = _HTMLTokens()
    parser.feed(_squash(text))
    parser.close()
    if parser.href is not None:  # an unclosed <a>: keep its text
        parser.tokens.append(_Token("text", "".join(parser.link_text)))
    return _render(_spaced(parser.tokens))


def _spaced(tokens: list[_Token]) -> list[_Token]:
    """Move spaces at the edges of styled runs outside, where RST needs them."""
    result: list[_Token] = []
    for token in tokens:
        if token.kind not in ("strong", "em"):
            result.append(token)
            continue
        text = token.text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        result += [_Token("text", lead), _Token(token.kind, text.strip()), _Token("text", trail)]
    return result


def converted(value: str | None, convert: Callable[[str], str]) -> str | None:
    """Converted text (whitespace runs as one space), or ``None`` for missing and blank
    values."""
    if value is None or not value.strip():
        return None
    return convert(" ".join(value.split()))


def whole_link(text: str) -> tuple[str, str] | None:
    """The label and URL of a text that is one Markdown link (``[label](url)``)."""
    match = _WHOLE_LINK.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None

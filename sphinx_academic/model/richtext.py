"""Rich text decoded from BibTeX's LaTeX: plain text, emphasis, strong and math spans.

BibTeX values are LaTeX. We decode them once, when the file is read, into a tuple of
:class:`Span` records that the renderer maps to docutils nodes; everything is text, so
nothing from the data can become markup in the output.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import latexcodec  # noqa: F401  (registers the "ulatex" codec)

SpanKind = Literal["text", "em", "strong", "math"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one kind of formatting."""

    kind: SpanKind
    text: str


RichText = tuple[Span, ...]

#: Characters that tell a value needs LaTeX decoding at all (most values don't).
_LATEX_CHARS = re.compile(r"[\\{}~$]|--|``|''")
#: Unescaped ``$...$`` math spans.
_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
#: Font commands whose argument we keep with a formatting kind.
_FONT_COMMANDS: dict[str, SpanKind] = {
    "emph": "em",
    "textit": "em",
    "textsl": "em",
    "mathit": "em",
    "textbf": "strong",
    "mathbf": "strong",
}
_FONT_COMMAND = re.compile(r"\\(" + "|".join(_FONT_COMMANDS) + r")\s*\{")
#: Commands that only change the look of their argument (their text is kept as is).
_TRANSPARENT_COMMAND = re.compile(
    r"\\(?:textsc|texttt|textrm|textsf|textnormal|textup|mbox|text|url|"
    + "|".join(_FONT_COMMANDS)
    + r")\s*\{"
)
_ESCAPED_BRACE = {"\\{": "\x00", "\\}": "\x01"}
#: A straight double quote that is not an accent (``\"u``) stays a straight quote.
_STRAIGHT_QUOTE = re.compile(r'(?<!\\)"')


def plain(text: str) -> str:
    """Decode a LaTeX value to plain Unicode text (math kept between ``$``)."""
    return spans_to_plain(rich(text))


def spans_to_plain(spans: RichText) -> str:
    """The text of ``spans`` without formatting (math kept between ``$``)."""
    return "".join(f"${span.text}$" if span.kind == "math" else span.text for span in spans)


@functools.lru_cache(maxsize=65536)
def rich(text: str) -> RichText:
    """Decode a LaTeX value to spans; cached because authors and venues repeat a lot."""
    text = text.strip()
    if not _LATEX_CHARS.search(text):
        return (Span("text", _squash_spaces(text)),) if text else ()
    spans: list[Span] = []
    position = 0
    for match in _MATH.finditer(text):
        spans.extend(_decode_formatted(text[position : match.start()]))
        spans.append(Span("math", match.group(1).strip()))
        position = match.end()
    spans.extend(_decode_formatted(text[position:]))
    return _merge(spans)


def _decode_formatted(text: str) -> list[Span]:
    """Split on font commands (``\\emph{...}``), decoding each piece."""
    spans: list[Span] = []
    while text:
        match = _FONT_COMMAND.search(text)
        if match is None:
            spans.append(Span("text", decode(text)))
            break
        end = _closing_brace(text, match.end())
        spans.append(Span("text", decode(text[: match.start()])))
        spans.append(Span(_FONT_COMMANDS[match.group(1)], decode(text[match.end() : end])))
        text = text[end + 1 :]
    return spans


def _closing_brace(text: str, start: int) -> int:
    """Index of the brace closing the group opened just before ``start``."""
    depth = 1
    for index in range(start, len(text)):
        char = text[index]
        if char == "{" and text[index - 1] != "\\":
            depth += 1
        elif char == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


@functools.lru_cache(maxsize=65536)
def decode(text: str) -> str:
    """Decode LaTeX accents, dashes, escapes and protecting braces to plain text."""
    if not _LATEX_CHARS.search(text):
        return _squash_spaces(text)
    for escaped, placeholder in _ESCAPED_BRACE.items():
        text = text.replace(escaped, placeholder)
    text = _STRAIGHT_QUOTE.sub("\x02", text)
    text = _TRANSPARENT_COMMAND.sub("{", text)
    # latexcodec gives up on some malformed input; the text is then kept as written.
    with contextlib.suppress(ValueError, IndexError):
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]
    text = text.replace("{", "").replace("}", "").replace("\\$", "$")
    text = text.replace("\x00", "{").replace("\x01", "}").replace("\x02", '"')
    return _squash_spaces(unicodedata.normalize("NFC", text))


_WHITESPACE = re.compile(r"[ \t\r\n]+")  # not \s: a decoded ~ is a kept no-break space


def _squash_spaces(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def _merge(spans: list[Span]) -> RichText:
    """Drop empty spans and join neighbours of the same kind."""
    merged: list[Span] = []
    for span in spans:
        if not span.text or (not merged and span.kind == "text" and not span.text.strip()):
            continue
        if merged and merged[-1].kind == span.kind and span.kind != "math":
            merged[-1] = Span(span.kind, merged[-1].text + span.text)
        else:
            merged.append(span)
    if merged and merged[0].kind == "text":
        merged[0] = Span("text", merged[0].text.lstrip())
    if merged and merged[-1].kind == "text":
        merged[-1] = Span("text", merged[-1].text.rstrip())
    return tuple(span for span in merged if span.text)

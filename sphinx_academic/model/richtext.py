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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from sphinx_academic.model.texmath import math_problem

SpanKind = Literal["text", "em", "strong", "math"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one kind of formatting."""

    kind: SpanKind
    text: str


RichText = tuple[Span, ...]
_R = TypeVar("_R")

#: Characters that tell a value needs LaTeX decoding at all (most values don't):
#: ``[\\{}~$]|--|``|''``, written to start with one character class.
_LATEX_CHARS = re.compile(r"[\\{}~$`'-](?:(?<=[\\{}~$])|(?<=-)-|(?<=`)`|(?<=')')")
#: Unescaped ``$...$`` math spans (the lookbehind after the ``$`` is the same test as one
#: before it).
_MATH = re.compile(r"\$(?<!\\\$)(.+?)(?<!\\)\$", re.DOTALL)
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


def math_problems(text: str) -> list[tuple[str, str]]:
    """``(formula, why)`` for each ``$...$`` formula in ``text`` that is shown as text
    because :func:`~sphinx_academic.model.texmath.math_problem` refuses it."""
    if "$" not in text:
        return []
    found = ((match.group(1).strip(), match.group()) for match in _MATH.finditer(text))
    return [(written, why) for formula, written in found if (why := math_problem(formula))]


def plain(text: str) -> str:
    """Decode a LaTeX value to plain Unicode text (math kept between ``$``)."""
    return spans_to_plain(rich(text))


def spans_to_plain(spans: RichText) -> str:
    """The text of ``spans`` without formatting (math kept between ``$``)."""
    return "".join(f"${span.text}$" if span.kind == "math" else span.text for span in spans)


class _CachedIfShort(Generic[_R]):
    """``lru_cache`` for short values only: names, titles and venues repeat, abstracts
    do not (memory: with 10,000 abstracts the caches held each one decoded twice)."""

    def __init__(self, function: Callable[[str], _R]) -> None:
        self._function = function
        self._cached = functools.lru_cache(maxsize=65536)(function)
        functools.update_wrapper(self, function)

    def __call__(self, text: str) -> _R:
        return self._cached(text) if len(text) <= 300 else self._function(text)

    def cache_clear(self) -> None:
        self._cached.cache_clear()


@_CachedIfShort
def rich(text: str) -> RichText:
    """Decode a LaTeX value to spans; cached because authors and venues repeat a lot."""
    text = text.strip()
    if not _LATEX_CHARS.search(text):
        return (Span("text", _squash_spaces(text)),) if text else ()
    spans: list[Span] = []
    position = 0
    for match in _MATH.finditer(text) if "$" in text else ():
        spans.extend(_decode_formatted(text[position : match.start()]))
        formula = match.group(1).strip()
        # Math reaches LaTeX and MathJax as markup: a formula that could read files, run
        # programs or make links is shown as the text it is (the reader reports it).
        safe = math_problem(formula) is None
        spans.append(Span("math", formula) if safe else Span("text", match.group()))
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


@_CachedIfShort
def decode(text: str) -> str:
    """Decode LaTeX accents, dashes, escapes and protecting braces to plain text."""
    if not _LATEX_CHARS.search(text):
        return _squash_spaces(text)
    for escaped, placeholder in _ESCAPED_BRACE.items():
        text = text.replace(escaped, placeholder)
    if '"' in text:
        text = _STRAIGHT_QUOTE.sub("\x02", text)
    text = _TRANSPARENT_COMMAND.sub("{", text)
    text = _decode_latex(text)
    text = text.replace("{", "").replace("}", "").replace("\\$", "$")
    text = text.replace("\x00", "{").replace("\x01", "}").replace("\x02", '"')
    return _squash_spaces(unicodedata.normalize("NFC", text))


# Decoding word by word: latexcodec's tables only ever join tokens
# within one word (a command takes the spaces after it and its argument along, which
# _LATEX_WORD keeps in the word), so only the words that need it go through latexcodec,
# each decoded once per build. Values where a construct reaches past a word (a comment,
# math, a line end, \par, a lone backslash at the end) are still decoded whole. The
# result is the same as decoding the whole value (a property test checks this).
_PAR = re.compile(r"\\par(?![A-Za-z])")
#: A word needs latexcodec where it has one of ``\ { } ~ -- `` '' ,, ?` !```; written to
#: start with a character class, as _LATEX_CHARS is.
_WORD_TRIGGER = r"[\\{}~`',?!-](?:(?<=[\\{}~])|(?<=-)-|(?<=`)`|(?<=')'|(?<=,),|(?<=[?!])`)"
_LATEX_PIECE = r"\\[A-Za-z]+[ \t]*|\\[~'\"`=^!. ][ \t]*|\\.|[^\s\\]"
_LATEX_WORD = re.compile(r"(?<!\S)(?=\S*?" + _WORD_TRIGGER + ")(?:" + _LATEX_PIECE + ")+")
_TRIGGER = re.compile(_WORD_TRIGGER)


def _whole_value(text: str) -> bool:
    """Whether a construct reaches past a word: a comment, math, a line end, ``\\par``,
    a lone backslash at the end."""
    return (
        _has_comment(text)
        or "$" in text
        or "\n" in text
        or ("\\par" in text and _PAR.search(text) is not None)
        or text.endswith("\\")
    )


def _has_comment(text: str) -> bool:
    """Whether a ``%`` after an even number of backslashes (none included) starts a
    comment."""
    percent = text.find("%")
    while percent >= 0:
        before = percent
        while before and text[before - 1] == "\\":
            before -= 1
        if (percent - before) % 2 == 0:
            return True
        percent = text.find("%", percent + 1)
    return False


def _decode_latex(text: str) -> str:
    """latexcodec's decoding of ``text``; the text as written where latexcodec gives up."""
    if _whole_value(text):
        return _latexcodec(text)
    try:
        # latexcodec drops spaces at the start of a value.
        return _decode_words(text.lstrip(" \t"))
    except (ValueError, IndexError):
        return text


def _decode_words(text: str) -> str:
    """``_LATEX_WORD.sub`` from the first word that needs decoding on (the words before
    the first trigger cannot match: a match needs a trigger in its first word)."""
    found = _TRIGGER.search(text)
    if found is None:
        return text
    start = found.start()
    while start and not text[start - 1].isspace():  # str.isspace is the \s of the pattern
        start -= 1
    return text[:start] + _LATEX_WORD.sub(_decode_match, text[start:])


def _decode_match(match: re.Match[str]) -> str:
    return _decode_word(match.group())


def _latexcodec(text: str) -> str:
    # latexcodec gives up on some malformed input; the text is then kept as written.
    with contextlib.suppress(ValueError, IndexError):
        return _ulatex(text)
    return text


def _ulatex(text: str) -> str:
    # Imported when first needed: a build that decodes nothing does not build its tables.
    import latexcodec  # noqa: F401  (registers the "ulatex" codec)

    return str(codecs.decode(text, "ulatex"))  # type: ignore[call-overload]


#: What only latexcodec decodes in a word; words with nothing but braces (kept for the
#: caller to drop) and dashes (``1--10``, ``{BERT}``) are decoded here.
_LATEX_CODEC_WORD = re.compile(r"[\\~`]|''|,,")


@functools.lru_cache(maxsize=65536)
def _decode_word(word: str) -> str:
    if not _LATEX_CODEC_WORD.search(word):
        # latexcodec reads dashes greedily from the left: "---" first, then "--".
        return word.replace("---", "—").replace("--", "–")
    return _ulatex(word)


_WHITESPACE = re.compile(r"[ \t\r\n]+")  # not \s: a decoded ~ is a kept no-break space


def _squash_spaces(text: str) -> str:
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        return _WHITESPACE.sub(" ", text)
    return text


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

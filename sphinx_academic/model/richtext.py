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
from typing import Generic, Literal, NamedTuple, TypeVar

from sphinx_academic.model import latexcommands as commands
from sphinx_academic.model.texmath import math_problem

SpanKind = Literal["text", "em", "strong", "sup", "sub", "math", "link"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one kind of formatting."""

    kind: SpanKind
    text: str
    #: The address of a ``link`` span (always http, https or mailto).
    url: str = ""


class LatexNotes(NamedTuple):
    """What reading a value's LaTeX left out, for the reader to report."""

    #: Control words that are not known (shown as their argument), in order of first use.
    unknown: tuple[str, ...] = ()
    #: ``\href``/``\url`` addresses that are not http, https or mailto (shown as text).
    refused_links: tuple[str, ...] = ()


RichText = tuple[Span, ...]
_R = TypeVar("_R")

#: Characters that tell a value needs LaTeX decoding at all (most values don't):
#: ``[\\{}~$]|--|``|''``, written to start with one character class.
_LATEX_CHARS = re.compile(r"[\\{}~$`'-](?:(?<=[\\{}~$])|(?<=-)-|(?<=`)`|(?<=')')")
#: Unescaped ``$...$`` math spans (the lookbehind after the ``$`` is the same test as one
#: before it).
_MATH = re.compile(r"\$(?<!\\\$)(.+?)(?<!\\)\$", re.DOTALL)
#: The tokens the reader of a value stops at: control words and symbols, braces, ``$``.
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|[{}$]", re.DOTALL)
_SPACES_AFTER_WORD = re.compile(r"[ \t]*\n?[ \t]*")
#: An argument written without braces: one control word (with the spaces it eats), one
#: control symbol or one character.
_SINGLE_TOKEN = re.compile(r"\\[A-Za-z]+[ \t]*|\\.|.", re.DOTALL)
_OPTIONAL_ARGUMENT = re.compile(r"\s*\[[^\]]*\]")
#: The addresses ``\href`` and ``\url`` may link to.
_LINKABLE = re.compile(r"(?:https?://|mailto:)[^\s\x00-\x1f\x7f\"<>\\]+", re.IGNORECASE)
_TRANSPARENT_COMMAND = re.compile(
    r"\\(?:textsc|texttt|textrm|textsf|textnormal|textup|mbox|text|url)\s*\{"
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


def rich(text: str) -> RichText:
    """Decode a LaTeX value to spans."""
    text = text.strip()
    if not _LATEX_CHARS.search(text):
        return (Span("text", _squash_spaces(text)),) if text else ()
    if "\\" not in text and "$" not in text:  # only braces, dashes, quotes or ties
        decoded = decode(text)
        return (Span("text", decoded),) if decoded else ()
    return _read_latex(text)[0]


#: The Markdown al-folio allows in ``additional_info``: strong, emphasis and links.
_MARKDOWN = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*"
    r"|(?<![\w*])[*_](?P<em>[^*_]+?)[*_](?![\w*])"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)


def markdown_rich(text: str) -> RichText:
    """A field written in Markdown (al-folio's ``additional_info``) as spans: ``**strong**``,
    ``*emphasis*``, ``[text](url)`` (a link only for http, https and mailto addresses);
    LaTeX in the text is decoded as in every other field."""
    text = text.strip()
    spans: list[Span] = []
    position = 0
    for found in _MARKDOWN.finditer(text):
        spans.append(Span("text", _decode_run(text[position : found.start()])))
        if found.group("strong"):
            spans.append(Span("strong", decode(found.group("strong"))))
        elif found.group("em"):
            spans.append(Span("em", decode(found.group("em"))))
        elif _LINKABLE.fullmatch(found.group("url")):
            spans.append(Span("link", decode(found.group("label")), found.group("url")))
        else:
            spans.append(Span("text", decode(found.group("label"))))
        position = found.end()
    spans.append(Span("text", _decode_run(text[position:])))
    return _merge(spans)


def latex_notes(text: str) -> LatexNotes:
    """The unknown commands and refused links of a value (see :class:`LatexNotes`)."""
    text = text.strip()
    if all(map(_shown_without_note, set(_COMMAND_NAME.findall(text)))):
        return LatexNotes()  # every command is one the reader shows as text
    return _read_latex(text)[1]


_COMMAND_NAME = re.compile(r"\\([A-Za-z]+)")


@functools.lru_cache(maxsize=1024)
def _shown_without_note(name: str) -> bool:
    """Whether the reader shows ``\\name`` wherever it stands, noting nothing: a font
    command or switch, a word, an accent, a symbol latexcodec knows. Links and citations
    are not (they depend on their argument), nor is anything else."""
    return (
        name in commands.SWITCHES
        or name in commands.FORMATTED_ARGUMENT
        or name in commands.PLAIN_ARGUMENT
        or name in commands.WORDS
        or name in commands.ACCENTS
        or (name not in commands.CITATIONS | commands.LINKS and _codec_symbol(name) is not None)
    )


@_CachedIfShort
def _read_latex(text: str) -> tuple[RichText, LatexNotes]:
    """Spans and notes of a value that holds LaTeX; cached because authors and venues
    repeat a lot."""
    reader = _LatexReader(text)
    reader.read_group("text", closed=False)
    notes = LatexNotes(tuple(dict.fromkeys(reader.unknown)), tuple(reader.refused_links))
    return _merge(reader.spans), notes


class _LatexReader:
    """Reads a value as LaTeX's text mode does: groups, font commands and switches,
    math, links, citations; runs of ordinary text (accents, symbols, dashes, quotes) are
    decoded by :func:`decode`, that is by latexcodec."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.spans: list[Span] = []
        self.unknown: list[str] = []
        self.refused_links: list[str] = []

    def read_group(self, kind: commands.Kind, closed: bool = True) -> None:
        """Read to the ``}`` closing the current group (or to the end), adding spans of
        ``kind``; a font switch changes the kind until the group ends."""
        pending: list[str] = []
        while self.position < len(self.text):
            token = _TOKEN.search(self.text, self.position)
            if token is None:
                pending.append(self.text[self.position :])
                self.position = len(self.text)
                break
            pending.append(self.text[self.position : token.start()])
            self.position = token.end()
            value = token.group()
            if value == "}":
                if closed:
                    break
                continue  # a stray closing brace shows nothing
            self._add_text(pending, kind)
            pending = []
            if value == "{":
                self.read_group(kind)
            elif value == "$":
                self._math(token.start())
            elif value[1:].isalpha():
                kind = self._control_word(value[1:], kind)
            else:
                self._control_symbol(value[1:], kind)
        self._add_text(pending, kind)

    def _add_text(self, pieces: list[str], kind: commands.Kind) -> None:
        self.add(kind, _decode_run("".join(pieces)))

    def add(self, kind: commands.Kind | Literal["math", "link"], text: str, url: str = "") -> None:
        if text:
            self.spans.append(Span(kind, text, url))

    def _math(self, start: int) -> None:
        found = _MATH.match(self.text, start)
        if found is None:  # a lone $ is shown as it is
            self.add("text", "$")
            return
        formula = found.group(1).strip()
        # Math reaches LaTeX and MathJax as markup: a formula that could read files, run
        # programs or make links is shown as the text it is (the reader reports it).
        if math_problem(formula) is None:
            self.add("math", formula)
        else:
            self.add("text", found.group())
        self.position = found.end()

    def _control_symbol(self, symbol: str, kind: commands.Kind) -> None:
        if symbol in commands.ACCENTS:
            self._accent(symbol, kind)
        elif symbol in commands.SYMBOLS:
            self.add(kind, commands.SYMBOLS[symbol])
            if symbol == "\\":  # a line break may take a star and a length
                self._skip(re.compile(r"\*?(?:\[[^\]]*\])?"))
        else:  # an escaped character: \& \% \$ \# \_ \{ \}
            self.add(kind, decode("\\" + symbol))

    def _control_word(self, name: str, kind: commands.Kind) -> commands.Kind:
        """Act on ``\\name``; return the kind the rest of the group has."""
        self._skip(_SPACES_AFTER_WORD)  # TeX: a control word eats the spaces after it
        if name in commands.SWITCHES:
            return commands.SWITCHES[name] or kind
        if name in commands.FORMATTED_ARGUMENT:
            self._argument(commands.FORMATTED_ARGUMENT[name])
        elif name in commands.PLAIN_ARGUMENT:
            for _ in range(commands.SKIPPED_ARGUMENTS.get(name, 0)):
                self._raw_argument()
            self._argument(kind)
        elif name in commands.WORDS:
            self.add(kind, commands.WORDS[name])
        elif name in commands.CITATIONS and self._at_argument(optional=True):
            self._citation(name, kind)
        elif name in commands.LINKS and self._at_argument():
            self._link(name, kind)
        elif name in commands.ACCENTS:
            self._accent(name, kind)
        elif name not in commands.CITATIONS | commands.LINKS and (
            (symbol := _codec_symbol(name)) is not None
        ):
            self.add(kind, symbol)
        else:
            self.unknown.append("\\" + name)
            while self._at("{"):  # shown as its arguments
                self.position += 1
                self.read_group(kind)
        return kind

    def _argument(self, kind: commands.Kind) -> None:
        """Read a command's argument (a group, or else one character) as ``kind``."""
        self._skip(_SPACES_AFTER_WORD)
        if self._at("{"):
            self.position += 1
            self.read_group(kind)
        elif self.position < len(self.text):
            single = _LatexReader(self._raw_argument())
            single.read_group(kind, closed=False)
            self.spans.extend(single.spans)

    def _raw_argument(self) -> str:
        """The next argument as written: a balanced group's inside, or else one token (a
        control sequence such as the ``\\i`` of ``\\'\\i``, or one character)."""
        self._skip(_SPACES_AFTER_WORD)
        if not self._at("{"):
            token = _SINGLE_TOKEN.match(self.text, self.position)
            single = token.group() if token else ""
            self.position += len(single)
            return single
        depth, start = 0, self.position
        for index in range(start, len(self.text)):
            character = self.text[index]
            if character == "{" and self.text[index - 1] != "\\":
                depth += 1
            elif character == "}" and self.text[index - 1] != "\\":
                depth -= 1
                if depth == 0:
                    self.position = index + 1
                    return self.text[start + 1 : index]
        self.position = len(self.text)
        return self.text[start + 1 :]

    def _accent(self, accent: str, kind: commands.Kind) -> None:
        """The accent ``accent`` on its argument, with a dotless i or j made a plain letter
        (``\\'\\i`` is í)."""
        argument = self._raw_argument().strip()
        argument = re.sub(r"^\\([ij])(?![A-Za-z])\s*", r"\1", argument)
        if not argument and accent in commands.ACCENTS_ALONE:
            self.add(kind, commands.ACCENTS_ALONE[accent])
        else:
            self.add(kind, decode(f"\\{accent}{{{argument}}}"))

    def _citation(self, name: str, kind: commands.Kind) -> None:
        self._skip(re.compile(r"\*?"))
        while _OPTIONAL_ARGUMENT.match(self.text, self.position):
            self._skip(_OPTIONAL_ARGUMENT)
        keys = [key.strip() for key in self._raw_argument().split(",") if key.strip()]
        if name != "nocite" and keys:
            self.add(kind, "[" + ", ".join(keys) + "]")

    def _link(self, name: str, kind: commands.Kind) -> None:
        address = re.sub(r"\\([#%&_~])", r"\1", self._raw_argument().strip())
        if name == "href":
            label = _LatexReader(self._raw_argument())
            label.read_group(kind, closed=False)
            self.unknown += label.unknown
            text = spans_to_plain(_merge(label.spans))
        else:
            text = address
        if _LINKABLE.fullmatch(address):
            self.add("link", text, address)
        else:
            self.refused_links.append(address)
            self.add(kind, text)

    def _at_argument(self, optional: bool = False) -> bool:
        """Whether a braced argument (or, if ``optional``, a ``[`` or ``*``) follows."""
        return self._at("{") or (optional and (self._at("[") or self._at("*")))

    def _at(self, character: str) -> bool:
        return self.text.startswith(character, self.position)

    def _skip(self, pattern: re.Pattern[str]) -> None:
        found = pattern.match(self.text, self.position)
        if found:
            self.position = found.end()


@functools.lru_cache(maxsize=1024)
def _codec_symbol(name: str) -> str | None:
    """What latexcodec decodes ``\\name`` to, ``None`` when it does not know it."""
    decoded = _latexcodec("\\" + name)
    return None if "\\" in decoded else decoded.strip(" ")


def _decode_run(text: str) -> str:
    """:func:`decode` of a run between commands, keeping a space at either end (decode
    trims them), as LaTeX shows it."""
    if not text:
        return ""
    core = decode(text.strip(" \t\r\n"))
    before = " " if text[0] in " \t\r\n" else ""
    after = " " if text[-1] in " \t\r\n" else ""
    return before + core + after if core else before or after


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


def _decode_word(word: str) -> str:
    if not _LATEX_CODEC_WORD.search(word):
        # latexcodec reads dashes greedily from the left: "---" first, then "--".
        return word.replace("---", "—").replace("--", "–")
    return _codec_word(word)


@functools.lru_cache(maxsize=65536)
def _codec_word(word: str) -> str:
    """latexcodec's decoding of one word, kept: names with accents repeat, and the
    words decoded without latexcodec (page ranges, braced words) mostly do not."""
    return _ulatex(word)


_WHITESPACE = re.compile(r"[ \t\r\n]+")  # not \s: a decoded ~ is a kept no-break space


def _squash_spaces(text: str) -> str:
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        return _WHITESPACE.sub(" ", text)
    return text


def _merge(spans: list[Span]) -> RichText:
    """Drop empty spans and join neighbours of the same kind (one space where two meet)."""
    runs: list[list[Span]] = []
    for span in spans:
        if not span.text or (not runs and span.kind == "text" and not span.text.strip()):
            continue
        if runs and runs[-1][0].kind == span.kind and span.kind not in ("math", "link"):
            runs[-1].append(span)
        else:
            runs.append([span])
    merged = [run[0] if len(run) == 1 else _joined(run) for run in runs]
    if merged and merged[0].kind == "text":
        merged[0] = Span("text", merged[0].text.lstrip())
    if merged and merged[-1].kind == "text":
        merged[-1] = Span("text", merged[-1].text.rstrip())
    return tuple(span for span in merged if span.text)


_SPACES = re.compile(r"  +")


def _joined(run: list[Span]) -> Span:
    """One span of the texts of ``run`` (spans of one kind), each run of spaces as one."""
    return Span(run[0].kind, _SPACES.sub(" ", "".join(span.text for span in run)))

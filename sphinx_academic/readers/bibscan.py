"""A reader for well-formed BibTeX, tried before pybtex's scanner (see
``docs/performance.rst`` for why it exists).

This reader follows the same grammar with pybtex's own token patterns, but skips a whole
value with one search for the next brace or quote. It reads what well-formed files hold
(entries, ``@string`` macros, braced and quoted values, numbers, macros, ``#``
concatenation, text between entries) and gives up, returning ``None``, at the first thing
it is not sure of: a syntax error, an undefined macro, ``@comment``, ``@preamble``,
parentheses around an entry. pybtex then reads the file and reports its problems exactly
as before. Whatever it accepts, it reads as pybtex does (a property test compares them).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, MutableMapping
from string import digits

from pybtex.database.input.bibtex import NAME_CHARS

#: ``(type, key, {field: value}, line of the "@")`` for each entry, in file order.
ScannedEntry = tuple[str, str, dict[str, str], int]

# pybtex's token patterns (names, keys, numbers), built as pybtex builds them, and the
# whitespace pybtex skips before every token, joined into one pattern per step.
_NAME = rf"[{re.escape(NAME_CHARS)}][{re.escape(NAME_CHARS + digits)}]*"
_COMMAND = re.compile(rf"\s*({_NAME})\s*\{{")  # not "(": rare, left to pybtex
_KEY = re.compile(r"\s*([^\s\,}]+)")
_NAME_EQUALS = re.compile(rf"\s*({_NAME})\s*=")
#: The usual field in one step: a braced or quoted value without braces inside, or a
#: number, not concatenated, and the comma after it if there is one.
_SIMPLE_FIELD = re.compile(
    rf'\s*({_NAME})\s*=\s*(?:\{{([^{{}}]*)\}}|"([^"{{}}]*)"|([{digits}]+))(?!\s*#)\s*(,)?'
)
_VALUE = re.compile(rf'\s*(?:(["{{])|([{digits}]+)|({_NAME}))')
_HASH = re.compile(r"\s*#")
_COMMA = re.compile(r"\s*,")
_CLOSE = re.compile(r"\s*\}")
_BRACE = re.compile(r"[{}]")
_QUOTE_OR_BRACE = re.compile(r'["{}]')
#: pybtex refuses deeper nesting ("too many nested braces").
_MAX_LEVEL = 100


class _GiveUp(Exception):
    """Something this reader does not handle: pybtex reads the file instead."""


def scan(text: str, macros: MutableMapping[str, str]) -> list[ScannedEntry] | None:
    """The entries of ``text`` (``@string`` definitions go into ``macros``), or ``None``
    when pybtex must read it. ``text`` has ``\\n`` line ends (see ``parse_bibtex``)."""
    try:
        return _Scanner(text, macros).entries()
    except _GiveUp:
        return None


class _Scanner:
    def __init__(self, text: str, macros: MutableMapping[str, str]) -> None:
        self.text = text
        self.pos = 0
        self.macros = macros

    def entries(self) -> list[ScannedEntry]:
        text, found = self.text, list[ScannedEntry]()
        line, previous = 1, 0
        while True:
            at = text.find("@", self.pos)
            if at < 0:
                return found
            line += text.count("\n", previous, at)
            previous, self.pos = at, at + 1
            command = self.match(_COMMAND).group(1)
            kind = command.lower()
            if kind == "string":
                name = self.match(_NAME_EQUALS).group(1)
                self.macros[name] = "".join(self.value())
            elif kind in ("comment", "preamble"):
                raise _GiveUp
            else:
                key = self.match(_KEY).group(1)
                # Flattened at once (memory: not every value of the file twice at a time).
                found.append((command, key, self.fields(), line))
            self.match(_CLOSE)

    def match(self, pattern: re.Pattern[str]) -> re.Match[str]:
        found = pattern.match(self.text, self.pos)
        if found is None:
            raise _GiveUp
        self.pos = found.end()
        return found

    def fields(self) -> dict[str, str]:
        """``name = value`` pairs separated by commas (an empty one is allowed, as a
        trailing comma or the comma after the key), flattened as :func:`flatten_fields`
        does; the usual field, comma included, is one match."""
        flat: dict[str, str] = {}
        text = self.text
        while True:
            simple = _SIMPLE_FIELD.match(text, self.pos)
            if simple is not None:
                self.pos = simple.end()
                name, braced, quoted, number, comma = simple.groups()
                value = braced if braced is not None else quoted if quoted is not None else number
                flat.setdefault(sys.intern(name.lower()), " ".join(value.split()))
                if comma is None:
                    return flat
                continue
            if (field := _NAME_EQUALS.match(text, self.pos)) is not None:
                self.pos = field.end()
                flatten_fields([(field.group(1), self.value())], flat)
            comma = _COMMA.match(text, self.pos)
            if comma is None:
                return flat
            self.pos = comma.end()

    def value(self) -> list[str]:
        parts = [self.value_part()]
        while (concatenation := _HASH.match(self.text, self.pos)) is not None:
            self.pos = concatenation.end()
            parts.append(self.value_part())
        return parts

    def value_part(self) -> str:
        found = self.match(_VALUE)
        delimiter, number, name = found.groups()
        if delimiter:
            start = self.pos
            self.pos = _string_end(self.text, start, delimiter)
            return self.text[start : self.pos - 1]
        if number:
            return number
        if name not in self.macros:
            raise _GiveUp  # pybtex reports the undefined macro
        return self.macros[name]


def flatten_fields(
    fields: Iterable[tuple[str, list[str]]], flat: dict[str, str] | None = None
) -> dict[str, str]:
    """Field names in lower case, each value's parts joined and its whitespace squashed;
    added to ``flat`` when given."""
    flat = {} if flat is None else flat
    for name, parts in fields:
        # BibTeX keeps the first of repeated fields; so do we. Names are interned (memory:
        # one "abstract" for all entries, not one string per entry).
        flat.setdefault(sys.intern(name.lower()), " ".join("".join(parts).split()))
    return flat


def _string_end(text: str, pos: int, opening: str) -> int:
    """The position after the quote or brace closing the value opened before ``pos``."""
    special = _QUOTE_OR_BRACE if opening == '"' else _BRACE
    level = 0
    while True:
        match = special.search(text, pos)
        if match is None:
            raise _GiveUp  # the value runs to the end of the file
        char, pos = match.group(), match.end()
        if char == "{":
            level += 1
            if level > _MAX_LEVEL:
                raise _GiveUp
        elif char == "}":
            if level == 0:
                if opening == "{":
                    return pos
                raise _GiveUp  # an unbalanced brace in a quoted value
            level -= 1
        elif level == 0:  # a quote outside braces ends a quoted value
            return pos

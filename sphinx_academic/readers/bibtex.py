"""BibTeX files -> :class:`Publication` records plus located problems.

pybtex's scanner does the parsing (``@string`` macros, month macros, bare numbers, ``"..."``
quoting, comments and text outside entries such as a Jekyll front-matter block); we keep
the line of every entry and turn its syntax errors into :class:`Problem` records instead of
exceptions. A broken entry keeps the fields read before the error, so a paper is never
dropped silently.

Subtypes: ``file`` (missing/unreadable), ``bibtex`` (syntax, undefined macro, bad name),
``duplicate`` (key seen before, by :func:`merge_files`), ``entry`` (no title, unknown
type, missing crossref).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import LowLevelParser, UndefinedMacro, month_names
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired
from pybtex.utils import CaseInsensitiveDict

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.names import Author, author_from_parts
from sphinx_academic.model.publication import (
    KNOWN_TYPES,
    Publication,
    parse_month,
    parse_year,
    unusable_month,
)
from sphinx_academic.model.richtext import latex_notes, math_problems, rich
from sphinx_academic.readers.bibscan import flatten_fields, scan

PERSON_FIELDS = ("author", "editor")


@dataclass(frozen=True, slots=True)
class BibFile:
    """What one file gave: its entries in file order and its problems."""

    path: str
    entries: tuple[Publication, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class RawEntry:
    type: str
    key: str
    fields: dict[str, str]
    line: int
    #: A syntax error cut the entry short (so missing fields are not news).
    broken: bool = False


class _LocatingParser(LowLevelParser):  # type: ignore[misc]
    """pybtex's scanner, also telling the line and offset where each command starts."""

    def parse_command(self) -> tuple[Any, ...]:
        line, begin = self.lineno, self.command_start
        command, body = super().parse_command()
        return command, body, line, begin


def _parser(
    text: str, position: int, macros: Any, collect: Callable[[PybtexSyntaxError], None], path: str
) -> _LocatingParser:
    """A parser reading ``text`` from ``position`` (lines still counted from the top)."""
    parser = _LocatingParser(text, macros=macros, handle_error=collect, filename=path)
    parser.pos = position
    parser.lineno = text.count("\n", 0, position) + 1
    return parser


def read_bibtex(path: str, first_index: int = 0) -> BibFile:
    """Read one BibTeX file; never raises on bad content."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except IsADirectoryError:
        return _failed(path, "is a directory, not a BibTeX file")
    except FileNotFoundError:
        return _failed(path, "BibTeX file not found")
    except OSError as error:
        return _failed(path, f"cannot read BibTeX file: {error.strerror or error}")
    text, problems = _decode_bytes(path, data)
    del data  # memory: the file's bytes are not kept while it is parsed
    return parse_bibtex(text, path, first_index, problems)


def parse_bibtex(
    text: str, path: str, first_index: int = 0, problems: list[Problem] | None = None
) -> BibFile:
    """Parse BibTeX ``text`` that came from ``path``; duplicate keys are kept here and
    reported by :func:`merge_files`, which sees all files."""
    problems = problems if problems is not None else []
    # One kind of line end, so that lines and columns agree with what editors show.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    entries: list[Publication] = []
    values: dict[str, str] = {}
    for raw in _raw_entries(text, path, problems):
        _share_values(raw.fields, values)
        entries.append(_publication(raw, path, first_index + len(entries), problems))
    return BibFile(path, tuple(entries), tuple(problems))


def _share_values(fields: dict[str, str], values: dict[str, str]) -> None:
    """Make each value of ``fields`` that an earlier entry of the file has too (a year,
    a venue, ``true``) that entry's string: the file's entries keep one copy of it."""
    for name, value in fields.items():
        fields[name] = values.setdefault(value, value)


def _failed(path: str, message: str) -> BibFile:
    return BibFile(path, (), (Problem(path, message, "file"),))


def _decode_bytes(path: str, data: bytes) -> tuple[str, list[Problem]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "file is not UTF-8; read as Latin-1 (save it as UTF-8 to silence this)"
        return data.decode("latin-1"), [Problem(path, message, "bibtex", line)]


#: A line starting with "@type{": where entries usually start, and where reading resumes
#: when a broken entry ran on into the next one.
_LINE_START_AT = re.compile(r"^[ \t]*@[A-Za-z][\w-]*[ \t]*[{(]", re.MULTILINE)


def _raw_entries(text: str, path: str, problems: list[Problem]) -> Iterator[RawEntry]:
    # A well-formed file is read by bibscan; pybtex reads the others.
    scanned = scan(text, CaseInsensitiveDict(month_names))
    # A key starting with "@" is the next entry read as the key of a keyless one: pybtex's
    # reading below reports it and reads that next entry.
    if scanned is not None and not any(key.startswith("@") for _, key, _, _ in scanned):
        for command, key, fields, line in scanned:
            yield RawEntry(_entry_type(command), key, fields, line)
        return
    starts = [text.index("@", match.start()) for match in _LINE_START_AT.finditer(text)]
    macros = CaseInsensitiveDict(month_names)
    position: int | None = 0
    while position is not None:
        position = yield from _entries_from(text, position, starts, macros, path, problems)


def _entries_from(
    text: str, position: int, starts: list[int], macros: Any, path: str, problems: list[Problem]
) -> Generator[RawEntry, None, int | None]:
    """Entries from ``position`` on. An entry whose syntax error shows it ran on into the
    next line starting with "@" (an unclosed brace swallows every later entry otherwise)
    is read again up to that line, and the offset to resume at is returned."""
    errors: list[PybtexSyntaxError] = []
    parser = _parser(text, position, macros, errors.append, path)
    for command, body, line, begin in parser:
        own = [error for error in errors if error.error_context_info[0] == begin]
        problems += [_syntax_problem(path, text, e) for e in errors if e not in own]
        errors.clear()
        following = next((start for start in starts if start > begin), None)
        if following is not None and parser.pos > following and _key_swallowed(command, body):
            # "@article{" with no key reads the next entry's "@type{key" as its key.
            problems.append(_keyless(path, text, begin))
            return following
        resume = None
        if following is not None and _ran_on(own, following):
            # Up to and with the "@", so the scanner stops there as it would at any token.
            command, body, own = _read_until(text[: following + 1], begin, macros, path)
            own = [_Unclosed(begin, following), *(e for e in own if _undefined(e))]
            resume = following if parser.pos > following else None
        problems += [_syntax_problem(path, text, e) for e in own]
        entry = _raw_entry(command, body, line, broken=bool(own))
        if entry is not None:
            yield entry
        if resume is not None:
            return resume
    problems += [_syntax_problem(path, text, e) for e in errors]
    return None


def _key_swallowed(command: str, body: Any) -> bool:
    if command.lower() in {"string", "preamble"} or not isinstance(body, tuple):
        return False
    key = body[0]
    return isinstance(key, str) and key.startswith("@")


def _keyless(path: str, text: str, begin: int) -> Problem:
    line, column = _line_column(text, begin)
    return Problem(path, _NO_KEY, "bibtex", line, column)


_NO_KEY = "this entry has no key, so it is left out (write @type{key, ...})"


def _ran_on(errors: list[PybtexSyntaxError], following: int) -> bool:
    """Whether an error stopped the entry at or after the start of the next one."""
    return any(not _undefined(e) and e.error_context_info[2] >= following for e in errors)


def _undefined(error: object) -> bool:
    return isinstance(error, UndefinedMacro)


def _read_until(text: str, begin: int, macros: Any, path: str) -> tuple[str, Any, list[Any]]:
    """The command starting at ``begin``, read from ``text`` (which ends at the next)."""
    errors: list[PybtexSyntaxError] = []
    parser = _parser(text, begin, macros, errors.append, path)
    for command, body, _, _ in parser:
        return command, body, errors
    return "", None, errors


class _Unclosed:
    """An entry that runs on into the next one (reported at its own start)."""

    def __init__(self, begin: int, following: int) -> None:
        self.begin, self.following = begin, following


def _raw_entry(command: str, body: Any, line: int, broken: bool) -> RawEntry | None:
    if not command or command.lower() in {"string", "preamble"}:
        return None
    key, fields = body
    if not key:
        return None  # reported: "this entry has no key"
    return RawEntry(_entry_type(command), key, flatten_fields(fields), line, broken)


def _entry_type(command: str) -> str:
    """The entry type in lower case, interned as field names are (one ``article`` for
    all entries)."""
    return sys.intern(command.lower())


def _syntax_problem(path: str, text: str, error: PybtexSyntaxError | _Unclosed) -> Problem:
    if isinstance(error, _Unclosed):
        line, column = _line_column(text, error.begin)
        following = _line_column(text, error.following)[0]
        message = (
            f"this entry is not closed before the next one at line {following} "
            "(a missing '}' or an unbalanced '{'?)"
        )
        return Problem(path, message, "bibtex", line, column)
    start, line, position = error.error_context_info
    column = position - text.rfind("\n", 0, position)
    message = f"{error.error_type}: {error.args[0] if error.args else error}"
    if isinstance(error, PrematureEOF) and start is not None:
        # The end of the file is not where the mistake is: the unclosed entry is.
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        message = "this entry is not closed before the end of the file (a missing '}'?)"
    if "expected" in message and "}" in message:
        message += " (a missing comma or brace before it?)"
    if isinstance(error, TokenRequired) and error.args and error.args[0] == "entry key expected":
        message = _NO_KEY
    return Problem(path, message, "bibtex", line, column)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _publication(raw: RawEntry, path: str, index: int, problems: list[Problem]) -> Publication:
    kind = raw.type
    if kind not in KNOWN_TYPES:
        problems.append(
            Problem(
                path,
                f"unknown entry type @{kind} in {raw.key!r}; shown as @misc",
                "entry",
                raw.line,
            )
        )
    if not raw.fields.get("title") and "crossref" not in raw.fields and not raw.broken:
        problems.append(Problem(path, f"entry {raw.key!r} has no title", "entry", raw.line))
    for name, value in raw.fields.items():
        for formula, why in math_problems(value):
            message = f"{raw.key}: field {name!r}: math {formula!r}: {why}; shown as text"
            problems.append(Problem(path, message, "math", raw.line))
    problems += _latex_problems(raw, path)
    month = unusable_month(raw.fields)
    if month is not None:
        message = f"{raw.key}: field 'month': {month!r} is not a month (1-12 or a name); not shown"
        problems.append(Problem(path, message, "date", raw.line))
    return build_publication(raw.key, kind, raw.fields, path, raw.line, index, problems)


#: Fields holding addresses, file names, identifiers or flags: not read as LaTeX text.
_NOT_TEXT = frozenset(
    {
        "url", "doi", "eprint", "arxiv", "pdf", "html", "code", "website", "slides",
        "poster", "video", "blog", "supp", "hal", "preview", "file", "pmid", "openreview",
        "isbn", "issn", "crossref", "keywords", "bibtex_show", "selected", "urldate",
        "google_scholar_id", "inspirehep_id", "altmetric", "dimensions", "date",
    }
)  # fmt: skip


def _latex_problems(raw: RawEntry, path: str) -> list[Problem]:
    """One ``latex`` problem naming the entry's unknown commands, and one ``link``
    problem per ``\\href``/``\\url`` address that may not be linked."""
    unknown: dict[str, None] = {}
    problems = []
    for name, value in raw.fields.items():
        if name in _NOT_TEXT or "\\" not in value:
            continue
        notes = latex_notes(value)
        unknown.update(dict.fromkeys(notes.unknown))
        for address in notes.refused_links:
            message = (
                f"{raw.key}: field {name!r}: link {address!r} dropped (only http, https and "
                "mailto links are allowed)"
            )
            problems.append(Problem(path, message, "link", raw.line))
    if unknown:
        message = f"{raw.key}: unknown LaTeX commands {', '.join(unknown)}; shown as their argument"
        problems.insert(0, Problem(path, message, "latex", raw.line))
    return problems


def build_publication(
    key: str,
    kind: str,
    fields: dict[str, str],
    path: str,
    line: int,
    index: int,
    problems: list[Problem],
) -> Publication:
    """Make the record, deriving names, title and date from the raw fields."""
    persons = {role: _people(fields.get(role, ""), path, line, problems) for role in PERSON_FIELDS}
    return Publication(
        key=key,
        type=kind if kind in KNOWN_TYPES else "misc",
        fields=fields,
        authors=persons["author"],
        editors=persons["editor"],
        path=path,
        line=line,
        index=index,
        title=rich(fields.get("title", "")),
        year=parse_year(fields),
        month=parse_month(fields),
    )


def _people(value: str, path: str, line: int, problems: list[Problem]) -> tuple[Author, ...]:
    if not value:
        return ()
    try:
        return _parse_people(value)
    except PybtexError as error:
        problems.append(Problem(path, f"cannot read names {value!r}: {error}", "bibtex", line))
        return ()


@functools.lru_cache(maxsize=16384)
def _parse_people(value: str) -> tuple[Author, ...]:
    # Co-author lists repeat across a lab's entries, so parsing is cached.
    return tuple(_author(name) for name in _split_names(value))


def _split_names(value: str) -> list[str]:
    if "{" not in value:
        # Without braces to keep an "and" inside a name, pybtex's split is this.
        return [name for name in (part.strip() for part in _AND.split(value)) if name]
    return [name for name in split_name_list(value) if name.strip()]


_AND = re.compile(" [Aa][Nn][Dd] ")  # as split_name_list


@functools.lru_cache(maxsize=65536)
def _author(name: str) -> Author:
    if name.strip().lower() == "others":
        return Author("", "others")
    person = Person(name)
    return author_from_parts(
        person.first_names + person.middle_names,
        person.prelast_names + person.last_names,
        person.lineage_names,
    )


def merge_files(files: Iterable[BibFile]) -> tuple[list[Publication], list[Problem]]:
    """Entries of several files in file order: the first of each key kept (later ones are
    duplicates), positions renumbered across files, crossrefs resolved."""
    problems: list[Problem] = []
    by_key: dict[str, Publication] = {}
    for bibfile in files:
        for entry in bibfile.entries:
            first = by_key.setdefault(entry.key.lower(), entry)
            if first is not entry:
                problems.append(_duplicate(entry, first))
    entries = [
        entry if entry.index == index else replace(entry, index=index)
        for index, entry in enumerate(by_key.values())
    ]
    resolved, crossref_problems = resolve_crossrefs(entries)
    return resolved, problems + crossref_problems


def _duplicate(entry: Publication, first: Publication) -> Problem:
    message = (
        f"duplicate key {entry.key!r} (first defined at {first.location}); this entry is skipped"
    )
    return Problem(entry.path, message, "duplicate", entry.line)


def resolve_crossrefs(entries: Iterable[Publication]) -> tuple[list[Publication], list[Problem]]:
    """Fill fields missing from entries with ``crossref`` from the entry they name."""
    entries = list(entries)
    by_key = {entry.key.lower(): entry for entry in entries}
    problems: list[Problem] = []
    resolved = []
    for entry in entries:
        parent_key = entry.get("crossref").strip()
        if not parent_key:
            resolved.append(entry)
            continue
        parent = by_key.get(parent_key.lower())
        if parent is None:
            problems.append(
                Problem(
                    entry.path,
                    f"crossref {parent_key!r} of {entry.key!r} names no entry",
                    "entry",
                    entry.line,
                )
            )
            resolved.append(entry)
            continue
        resolved.append(_inherit(entry, parent, problems))
    return resolved, problems


def _inherit(entry: Publication, parent: Publication, problems: list[Problem]) -> Publication:
    fields = dict(entry.fields)
    for name, value in parent.fields.items():
        target = "booktitle" if name == "title" else name
        fields.setdefault(target, value)
    if not fields.get("title"):
        problems.append(
            Problem(entry.path, f"entry {entry.key!r} has no title", "entry", entry.line)
        )
    updated = build_publication(
        entry.key, entry.type, fields, entry.path, entry.line, entry.index, problems
    )
    return replace(updated, authors=entry.authors or updated.authors)

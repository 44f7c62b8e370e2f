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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import LowLevelParser, month_names
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError
from pybtex.utils import CaseInsensitiveDict

from sphinx_academic.model.names import Author, author_from_parts
from sphinx_academic.model.publication import (
    KNOWN_TYPES,
    Publication,
    parse_month,
    parse_year,
)
from sphinx_academic.model.richtext import rich
from sphinx_academic.problems import Problem

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
    """pybtex's scanner, also telling the line where each command starts."""

    def parse_command(self) -> tuple[Any, ...]:
        line = self.lineno
        command, body = super().parse_command()
        return command, body, line


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
    return parse_bibtex(text, path, first_index, problems)


def parse_bibtex(
    text: str, path: str, first_index: int = 0, problems: list[Problem] | None = None
) -> BibFile:
    """Parse BibTeX ``text`` that came from ``path``; duplicate keys are kept here and
    reported by :func:`merge_files`, which sees all files."""
    problems = problems if problems is not None else []
    entries: list[Publication] = []
    for raw in _raw_entries(text, path, problems):
        entries.append(_publication(raw, path, first_index + len(entries), problems))
    return BibFile(path, tuple(entries), tuple(problems))


def _failed(path: str, message: str) -> BibFile:
    return BibFile(path, (), (Problem(path, message, "file"),))


def _decode_bytes(path: str, data: bytes) -> tuple[str, list[Problem]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = "file is not UTF-8; read as Latin-1 (save it as UTF-8 to silence this)"
        return data.decode("latin-1"), [Problem(path, message, "bibtex", line)]


def _raw_entries(text: str, path: str, problems: list[Problem]) -> Iterator[RawEntry]:
    syntax_errors: list[Problem] = []

    def collect(error: PybtexSyntaxError) -> None:
        syntax_errors.append(_syntax_problem(path, text, error))
        problems.append(syntax_errors[-1])

    parser = _LocatingParser(
        text, macros=CaseInsensitiveDict(month_names), handle_error=collect, filename=path
    )
    reported = 0
    for command, body, line in parser:
        broken, reported = len(syntax_errors) > reported, len(syntax_errors)
        if command.lower() in {"string", "preamble"}:
            continue
        key, fields = body
        if not key:
            continue
        yield RawEntry(command.lower(), key, _flatten_fields(fields), line, broken)


def _flatten_fields(fields: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, parts in fields:
        # BibTeX keeps the first of repeated fields; so do we.
        flat.setdefault(name.lower(), " ".join("".join(parts).split()))
    return flat


def _syntax_problem(path: str, text: str, error: PybtexSyntaxError) -> Problem:
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
    return Problem(path, message, "bibtex", line, column)


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
    return build_publication(raw.key, kind, raw.fields, path, raw.line, index, problems)


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
    return [name for name in split_name_list(value) if name.strip()]


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
    entries = [replace(entry, index=index) for index, entry in enumerate(by_key.values())]
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

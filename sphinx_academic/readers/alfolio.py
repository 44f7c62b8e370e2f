"""Read al-folio's ``_data/cv.yml``: a list of ``{title, type, contents}``.

``type`` is ``map`` (name/value pairs), ``time_table`` (title, institution, year,
description, items), ``nested_list`` (title, items) or ``list`` (strings). Its small HTML
(``<a>``, ``<b>``, ``<i>``...) becomes reStructuredText
(:mod:`~sphinx_academic.readers.markup`); a ``year`` such as ``1933 - 1955`` or
``2015-now`` is a period. Unknown keys are ignored.

Problems use the subtypes of :mod:`sphinx_academic.readers.profile`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.dates import PartialDate, parse_date
from sphinx_academic.model.profile import (
    Entry,
    Profile,
    Section,
    SectionKind,
    Source,
    section_key,
)
from sphinx_academic.model.validation import NullAsEmpty, Texts, validate_partial
from sphinx_academic.readers.markup import converted, html_to_rst
from sphinx_academic.readers.yamlsafe import DocPath, Document

__all__ = ["is_alfolio_cv", "read_alfolio_cv"]


def is_alfolio_cv(data: object) -> bool:
    """A list of mappings, with ``title`` and ``contents`` (or ``type``) keys among them."""
    if not isinstance(data, list) or not data or not all(isinstance(i, dict) for i in data):
        return False
    return any("title" in item for item in data) and any(
        "contents" in item or "type" in item for item in data
    )


AlfolioType = Literal["map", "time_table", "nested_list", "list"]
_ALFOLIO_KINDS: dict[str, SectionKind] = {
    "map": "pairs",
    "time_table": "timeline",
    "nested_list": "text",
    "list": "text",
}


class AlfolioModel(BaseModel):
    """A mapping of al-folio's cv.yml: unknown keys ignored, numbers taken as text, text
    kept as written."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True, defer_build=True)


class AlfolioSection(AlfolioModel):
    """A section: its title, type, and contents (read item by item)."""

    title: str
    type: str | None = None
    contents: Annotated[list[Any], NullAsEmpty] = []


class Pair(AlfolioModel):
    """An item of a ``map`` section."""

    name: str | None = None
    value: str | None = None


class NestedItem(AlfolioModel):
    """A titled list inside a description."""

    title: str | None = None
    contents: Texts = []


class TimeTableItem(AlfolioModel):
    """An item of a ``time_table`` section; its description is a text, or a list of texts
    and nested lists."""

    title: str | None = None
    institution: str | None = None
    location: str | None = None
    year: str | None = None
    description: str | list[str | NestedItem] | None = None
    items: Texts = []


class ListItem(AlfolioModel):
    """A titled item of a ``nested_list`` section."""

    title: str | None = None
    items: Texts = []


_ALFOLIO_ITEMS: dict[str, type[AlfolioModel]] = {"map": Pair, "time_table": TimeTableItem}


def read_alfolio_cv(document: Document) -> tuple[Profile, list[Problem]]:
    """Read al-folio's ``_data/cv.yml``; section keys are the titles in snake case."""
    sections: list[Section] = []
    problems: list[Problem] = []
    for index, raw in enumerate(document.data):
        section, found = _alfolio_section(document, (index,), raw)
        problems += found
        if section is not None:
            sections.append(section)
    return Profile(sections=tuple(sections), sources=(document.path,)), problems


def _alfolio_section(
    document: Document, path: DocPath, raw: object
) -> tuple[Section | None, list[Problem]]:
    read, issues = validate_partial(AlfolioSection, raw)
    problems = document.problems_from(path, issues)
    if read is None:
        return None, problems
    contents = read.contents
    kind_name = read.type or _guess_alfolio_type(contents)
    if kind_name not in _ALFOLIO_KINDS:
        message = f"unknown section type {kind_name!r} (map, time_table, nested_list, list)"
        problems.append(document.problem((*path, "type"), message, "profile"))
        kind_name = _guess_alfolio_type(contents)
    key = section_key(read.title) or f"section_{path[-1]}"
    entries: list[Entry] = []
    for index, item in enumerate(contents):
        entry, found = _alfolio_entry(document, key, kind_name, (*path, "contents", index), item)
        problems += found
        if entry is not None:
            entries.append(entry)
    title = html_to_rst(read.title)
    source = document.source(path)
    return Section(key, title, _ALFOLIO_KINDS[kind_name], tuple(entries), source), problems


def _guess_alfolio_type(contents: list[Any]) -> str:
    if all(isinstance(item, str) for item in contents):
        return "list"
    if all(isinstance(item, dict) and "value" in item for item in contents):
        return "map"
    return "time_table"


def _alfolio_entry(
    document: Document, key: str, kind: str, path: DocPath, raw: object
) -> tuple[Entry | None, list[Problem]]:
    source = document.source(path)
    if isinstance(raw, str):
        return Entry(key, summary=converted(raw, html_to_rst), source=source), []
    read, issues = validate_partial(_ALFOLIO_ITEMS.get(kind, ListItem), raw)
    problems = document.problems_from(path, issues)
    if isinstance(read, TimeTableItem):
        entry, found = _time_table_entry(key, source, read, document, (*path, "year"))
        return entry, problems + found
    if isinstance(read, Pair):
        name = converted(read.name, html_to_rst)
        summary = converted(read.value, html_to_rst)
        return Entry(key, name, summary=summary, source=source), problems
    if isinstance(read, ListItem):
        title, highlights = converted(read.title, html_to_rst), _texts(read.items)
        return Entry(key, title, highlights=highlights, source=source), problems
    return None, problems


def _texts(items: list[str]) -> tuple[str, ...]:
    return tuple(text for text in (converted(item, html_to_rst) for item in items) if text)


def _time_table_entry(
    key: str, source: Source, read: TimeTableItem, document: Document, year: DocPath
) -> tuple[Entry, list[Problem]]:
    (start, end, when), problems = _period(document, year, read.year)
    summary, highlights, subitems = _description(read.description)
    items = read.items
    entry = Entry(
        key,
        converted(read.title, html_to_rst),
        organisation=converted(read.institution, html_to_rst),
        location=converted(read.location, html_to_rst),
        start=start,
        end=end,
        date=when,
        summary=summary,
        highlights=highlights + _texts(items),
        subitems=subitems + tuple(() for _ in items) if subitems else (),
        source=source,
    )
    return entry, problems


def _description(
    value: str | list[str | NestedItem] | None,
) -> tuple[str | None, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """al-folio's description: a string (summary) or a list (highlights, maybe nested)."""
    if value is None or isinstance(value, str):
        return converted(value, html_to_rst), (), ()
    highlights: list[str] = []
    subitems: list[tuple[str, ...]] = []
    for item in value:
        if isinstance(item, str):
            highlights.append(converted(item, html_to_rst) or "")
            subitems.append(())
        else:
            highlights.append(converted(item.title, html_to_rst) or "")
            subitems.append(_texts(item.contents))
    return None, tuple(highlights), tuple(subitems) if any(subitems) else ()


_PERIOD = re.compile(
    r"(\d{4}(?:-\d{1,2}){0,2})\s*(?:-|–|—|to)\s*(\d{4}(?:-\d{1,2}){0,2}|[A-Za-z]+)",
    re.IGNORECASE,
)
_Period = tuple[PartialDate | None, PartialDate | None, PartialDate | None]


def _period(document: Document, path: DocPath, value: str | None) -> tuple[_Period, list[Problem]]:
    """``1905`` is a date; ``1933 - 1955`` and ``2015-now`` are periods (start, end)."""
    where = document.value_at(path)
    line, column = (where.line, where.column) if where else (None, None)
    text = " ".join((value or "").split())
    match = _PERIOD.fullmatch(text)
    if match is None:
        date, problem = parse_date(text, document.path, line, column)
        return (None, None, date), [problem] if problem else []
    start, first = parse_date(match.group(1), document.path, line, column)
    end, second = parse_date(match.group(2), document.path, line, column)
    problems = [problem for problem in (first, second) if problem]
    if end is not None and end.label is not None:  # "2015-soon": not a period after all
        return (None, None, PartialDate(label=text)), problems
    return (start, end, None), problems

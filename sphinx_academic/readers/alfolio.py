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
from typing import Any, Literal

from pydantic_core import core_schema as cs

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
from sphinx_academic.model.validation import (
    Record,
    any_list,
    either,
    loose_record,
    record,
    text,
    texts,
    validate_partial,
)
from sphinx_academic.readers.markup import converted, html_to_rst
from sphinx_academic.readers.yamlsafe import DocPath, Document

__all__ = ["is_alfolio_cv", "read_alfolio_cv"]

_TEXT = text(strip=False)
_REQUIRED_TEXT = text(strip=False, nullable=False)
_TEXTS = texts(strip=False)


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


_ALFOLIO_SECTION = loose_record(
    "AlfolioSection", {"title": _REQUIRED_TEXT, "type": _TEXT, "contents": any_list()}, ("title",)
)
_PAIR = loose_record("Pair", {"name": _TEXT, "value": _TEXT})
_NESTED_ITEM = record("NestedItem", {"title": _TEXT, "contents": _TEXTS}, extra="ignore")
#: al-folio's description: a text, or a list of texts and nested lists.
_DESCRIPTION = either(
    _REQUIRED_TEXT, cs.list_schema(cs.union_schema([_REQUIRED_TEXT, _NESTED_ITEM]))
)
_TIME_TABLE_ITEM = loose_record(
    "TimeTableItem",
    {
        "title": _TEXT,
        "institution": _TEXT,
        "location": _TEXT,
        "year": _TEXT,
        "description": _DESCRIPTION,
        "items": _TEXTS,
    },
)
_LIST_ITEM = loose_record("ListItem", {"title": _TEXT, "items": _TEXTS})

_ALFOLIO_ITEMS: dict[str, Record] = {"map": _PAIR, "time_table": _TIME_TABLE_ITEM}


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
    fields, issues = validate_partial(_ALFOLIO_SECTION, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    contents = fields["contents"]
    kind_name = fields["type"] or _guess_alfolio_type(contents)
    if kind_name not in _ALFOLIO_KINDS:
        message = f"unknown section type {kind_name!r} (map, time_table, nested_list, list)"
        problems.append(document.problem((*path, "type"), message, "profile"))
        kind_name = _guess_alfolio_type(contents)
    key = section_key(fields["title"]) or f"section_{path[-1]}"
    entries: list[Entry] = []
    for index, item in enumerate(contents):
        entry, found = _alfolio_entry(document, key, kind_name, (*path, "contents", index), item)
        problems += found
        if entry is not None:
            entries.append(entry)
    title = html_to_rst(fields["title"])
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
    item_kind = _ALFOLIO_ITEMS.get(kind, _LIST_ITEM)
    fields, issues = validate_partial(item_kind, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    if item_kind is _TIME_TABLE_ITEM:
        entry, found = _time_table_entry(key, source, fields, document, (*path, "year"))
        return entry, problems + found
    if item_kind is _PAIR:
        name = converted(fields["name"], html_to_rst)
        summary = converted(fields["value"], html_to_rst)
        return Entry(key, name, summary=summary, source=source), problems
    title, highlights = converted(fields["title"], html_to_rst), _texts(fields["items"])
    return Entry(key, title, highlights=highlights, source=source), problems


def _texts(items: list[str]) -> tuple[str, ...]:
    return tuple(text for text in (converted(item, html_to_rst) for item in items) if text)


def _time_table_entry(
    key: str, source: Source, fields: dict[str, Any], document: Document, year: DocPath
) -> tuple[Entry, list[Problem]]:
    (start, end, when), problems = _period(document, year, fields["year"])
    summary, highlights, subitems = _description(fields["description"])
    items = fields["items"]
    entry = Entry(
        key,
        converted(fields["title"], html_to_rst),
        organisation=converted(fields["institution"], html_to_rst),
        location=converted(fields["location"], html_to_rst),
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
    value: str | list[str | dict[str, Any]] | None,
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
            highlights.append(converted(item["title"], html_to_rst) or "")
            subitems.append(_texts(item["contents"]))
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

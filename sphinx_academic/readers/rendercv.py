"""Read RenderCV files: a top-level ``cv:`` key.

Each entry's type is told from its keys, as RenderCV does: ``institution`` + ``area``
EducationEntry, ``company`` + ``position`` ExperienceEntry, ``title`` + ``authors``
PublicationEntry, ``label`` + ``details`` OneLineEntry, ``name`` NormalEntry, ``bullet``
BulletEntry, ``number`` NumberedEntry, ``reversed_number`` ReverseNumberedEntry, and a plain
string TextEntry. Section titles come from the keys (``selected_honors`` -> ``Selected
Honors``). RenderCV's Markdown becomes reStructuredText (:mod:`~sphinx_academic.readers.markup`);
everything else is escaped. A highlight ``"Did X - detail one - detail two"`` (how YAML
folds an indented sub-list) gives a highlight with sub-items. A ``start_date`` without
``end_date`` runs to the present, as in RenderCV. Unknown keys are ignored, as RenderCV
does.

Problems use the subtypes of :mod:`sphinx_academic.readers.profile`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic_core import CoreSchema

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import (
    Basics,
    Entry,
    Link,
    Profile,
    Section,
    SectionKind,
    Source,
    profile_url,
)
from sphinx_academic.model.validation import (
    Record,
    date,
    list_of,
    loose_record,
    one_or_more,
    record,
    text,
    texts,
    validate_partial,
)
from sphinx_academic.readers.markup import converted, escape_rst, markdown_to_rst, whole_link
from sphinx_academic.readers.yamlsafe import DocPath, Document

__all__ = ["ENTRY_TYPES", "entry_type", "is_rendercv", "read_rendercv", "section_title"]

#: RenderCV's text is kept as written (its Markdown may start with spaces).
_TEXT = text(strip=False)
_REQUIRED_TEXT = text(strip=False, nullable=False)
_TEXTS = texts(strip=False)


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return next((item for item in value if item), None)
    return value or None


def is_rendercv(data: object) -> bool:
    return isinstance(data, dict) and "cv" in data


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` -> ``Selected Honors``.

    Keys with a capital letter or a space are titles already and are kept as written.
    """
    if " " in key or any(char.isupper() for char in key):
        return key
    return " ".join(word[:1].upper() + word[1:] for word in key.split("_") if word)


_SOCIAL_NETWORK = record(
    "SocialNetwork",
    {"network": _REQUIRED_TEXT, "username": _REQUIRED_TEXT},
    required=("network", "username"),
    extra="ignore",
)
_CONNECTION = record("CustomConnection", {"placeholder": _TEXT, "url": _TEXT}, extra="ignore")
_CV = loose_record(
    "CV",
    {
        "name": _TEXT,
        "headline": _TEXT,
        "location": _TEXT,
        "email": one_or_more(strip=False),
        "phone": one_or_more(strip=False),
        "website": one_or_more(strip=False),
        "photo": _TEXT,
        "social_networks": list_of(_SOCIAL_NETWORK),
        "custom_connections": list_of(_CONNECTION),
    },
)
#: What every RenderCV entry may have.
_ENTRY_FIELDS: dict[str, CoreSchema] = {
    "date": date(),
    "start_date": date(),
    "end_date": date(),
    "location": _TEXT,
    "summary": _TEXT,
    "highlights": _TEXTS,
    "url": _TEXT,
}


def _entry(name: str, fields: dict[str, CoreSchema], required: tuple[str, ...]) -> Record:
    return loose_record(name, {**_ENTRY_FIELDS, **fields}, required)


_EDUCATION = _entry(
    "EducationEntry",
    {"institution": _REQUIRED_TEXT, "area": _REQUIRED_TEXT, "degree": _TEXT},
    ("institution", "area"),
)
_EXPERIENCE = _entry(
    "ExperienceEntry",
    {"company": _REQUIRED_TEXT, "position": _REQUIRED_TEXT},
    ("company", "position"),
)
_PUBLICATION = _entry(
    "PublicationEntry",
    {"title": _REQUIRED_TEXT, "authors": _TEXTS, "doi": _TEXT, "journal": _TEXT},
    ("title", "authors"),
)
_ONE_LINE = _entry(
    "OneLineEntry", {"label": _REQUIRED_TEXT, "details": _REQUIRED_TEXT}, ("label", "details")
)
_NORMAL = _entry("NormalEntry", {"name": _REQUIRED_TEXT}, ("name",))
_BULLET = loose_record("BulletEntry", {"bullet": _REQUIRED_TEXT}, ("bullet",))
_NUMBERED = loose_record("NumberedEntry", {"number": _REQUIRED_TEXT}, ("number",))
_REVERSED_NUMBERED = loose_record(
    "ReverseNumberedEntry", {"reversed_number": _REQUIRED_TEXT}, ("reversed_number",)
)
_TEXT_ENTRY_FIELDS = loose_record("TextEntry", {})


@dataclass(frozen=True, slots=True)
class _EntryType:
    name: str
    keys: tuple[str, ...]
    fields: Record
    kind: SectionKind


#: RenderCV's entry types, most specific first, with the keys that identify each.
ENTRY_TYPES: tuple[_EntryType, ...] = (
    _EntryType("EducationEntry", ("institution", "area"), _EDUCATION, "timeline"),
    _EntryType("ExperienceEntry", ("company", "position"), _EXPERIENCE, "timeline"),
    _EntryType("PublicationEntry", ("title", "authors"), _PUBLICATION, "timeline"),
    _EntryType("OneLineEntry", ("label", "details"), _ONE_LINE, "pairs"),
    _EntryType("NormalEntry", ("name",), _NORMAL, "timeline"),
    _EntryType("BulletEntry", ("bullet",), _BULLET, "text"),
    _EntryType("NumberedEntry", ("number",), _NUMBERED, "numbered"),
    _EntryType("ReverseNumberedEntry", ("reversed_number",), _REVERSED_NUMBERED, "reversed"),
)
_TEXT_ENTRY = _EntryType("TextEntry", (), _TEXT_ENTRY_FIELDS, "text")


def entry_type(entry: object) -> _EntryType | None:
    """RenderCV's entry type for ``entry``: all its identifying keys, else any of them."""
    if isinstance(entry, str):
        return _TEXT_ENTRY
    if not isinstance(entry, dict):
        return None
    for candidate in ENTRY_TYPES:
        if all(entry.get(key) is not None for key in candidate.keys):
            return candidate
    return next((t for t in ENTRY_TYPES if any(key in entry for key in t.keys)), None)


def read_rendercv(document: Document) -> tuple[Profile, list[Problem]]:
    """Read a RenderCV file (its ``design``, ``locale`` and ``settings`` are ignored)."""
    cv = document.data.get("cv")
    if not isinstance(cv, dict):
        problem = document.problem(("cv",), "'cv' should be a mapping", "profile")
        return Profile(sources=(document.path,)), [problem]
    basics, problems = _rendercv_basics(document, cv)
    sections: list[Section] = []
    raw_sections = cv.get("sections")
    if raw_sections is not None and not isinstance(raw_sections, dict):
        problems.append(document.problem(("cv", "sections"), "should be a mapping", "profile"))
    for key, entries in (raw_sections if isinstance(raw_sections, dict) else {}).items():
        section, found = _rendercv_section(document, key, entries)
        problems += found
        if section is not None:
            sections.append(section)
    return Profile(basics, tuple(sections), (), (document.path,)), problems


def _rendercv_basics(document: Document, cv: dict[str, Any]) -> tuple[Basics, list[Problem]]:
    fields, issues = validate_partial(_CV, cv)
    problems = document.problems_from(("cv",), issues)
    if fields is None:
        return Basics(source=document.source(("cv",))), problems
    links = [
        Link(n["network"], n["username"], profile_url(n["network"], n["username"]))
        for n in fields["social_networks"]
    ]
    links += [
        Link(c["placeholder"] or c["url"] or "", None, c["url"])
        for c in fields["custom_connections"]
        if c["url"]
    ]
    basics = Basics(
        name=converted(fields["name"], markdown_to_rst),
        label=converted(fields["headline"], markdown_to_rst),
        image=fields["photo"] or None,
        email=_first(fields["email"]),
        phone=_first(fields["phone"]),
        url=_first(fields["website"]),
        location=converted(fields["location"], markdown_to_rst),
        profiles=tuple(links),
        source=document.source(("cv",)),
    )
    return basics, problems


def _rendercv_section(
    document: Document, key: str, entries: object
) -> tuple[Section | None, list[Problem]]:
    path: DocPath = ("cv", "sections", key)
    if not isinstance(entries, list):
        message = f"section {key!r} should be a list of entries; ignored"
        return None, [document.problem(path, message, "profile")]
    first: list[_EntryType] = []  # the type of the first entry decides the section's
    built: list[Entry] = []
    problems: list[Problem] = []
    for index, raw in enumerate(entries):
        entry, kind, found = _rendercv_entry(document, key, (*path, index), raw, first)
        problems += found
        if entry is not None and kind is not None:
            first = first or [kind]
            built.append(entry)
    section_kind = first[0].kind if first else "text"
    section = Section(key, section_title(key), section_kind, tuple(built), document.source(path))
    return section, problems


def _rendercv_entry(
    document: Document, key: str, path: DocPath, raw: object, first: list[_EntryType]
) -> tuple[Entry | None, _EntryType | None, list[Problem]]:
    kind = entry_type(raw)
    if kind is None:
        names = ", ".join(t.name for t in ENTRY_TYPES)
        message = f"cannot tell the type of this entry (one of {names}, or text); ignored"
        return None, None, [document.problem(path, message, "profile")]
    problems: list[Problem] = []
    if first and first[0] is not kind:
        message = f"a {kind.name} in a section of {first[0].name}s (RenderCV needs one type)"
        problems.append(document.problem(path, message, "profile"))
    source = document.source(path)
    if kind is _TEXT_ENTRY:
        assert isinstance(raw, str)
        return Entry(key, summary=converted(raw, markdown_to_rst), source=source), kind, problems
    fields, issues = validate_partial(kind.fields, raw)
    problems += document.problems_from(path, issues)
    if fields is None:
        return None, kind, problems
    return _CONVERTERS[kind.name](key, fields, source), kind, problems


def _dated(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields every dated RenderCV entry has, as :class:`Entry` keyword arguments."""
    start, end = fields["start_date"], fields["end_date"]
    if start is not None and end is None:
        end = PartialDate(present=True)  # RenderCV: a start alone runs to the present
    highlights = [_nested(text) for text in fields["highlights"] if text.strip()]
    return {
        "location": converted(fields["location"], markdown_to_rst),
        "url": fields["url"] or None,
        "date": fields["date"],
        "start": start,
        "end": end,
        "summary": converted(fields["summary"], markdown_to_rst),
        "highlights": tuple(head for head, _ in highlights),
        "subitems": tuple(items for _, items in highlights)
        if any(i for _, i in highlights)
        else (),
    }


def _nested(text: str) -> tuple[str, tuple[str, ...]]:
    head, *items = " ".join(text.split()).split(" - ")
    return markdown_to_rst(head), tuple(markdown_to_rst(item) for item in items if item)


def _linked_title(text: str | None, fields: dict[str, Any]) -> str | None:
    """A title; a title that is one Markdown link gives its text and the entry's URL."""
    link = whole_link(text or "")
    if link and not fields.get("url"):
        label, fields["url"] = link
        return converted(label, escape_rst)
    return converted(text, markdown_to_rst)


_Converter = Callable[[str, dict[str, Any], Source], Entry]


def _education(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    organisation = _linked_title(fields["institution"], dated)
    area = converted(fields["area"], markdown_to_rst)
    degree = converted(fields["degree"], markdown_to_rst)
    return Entry(
        key, degree or area, area if degree else None, organisation, source=source, **dated
    )


def _experience(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    organisation = _linked_title(fields["company"], dated)
    title = converted(fields["position"], markdown_to_rst)
    return Entry(key, title, organisation=organisation, source=source, **dated)


def _publication(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    doi = (fields["doi"] or "").strip()
    if doi and not dated["url"]:
        dated["url"] = f"https://doi.org/{doi}"
    return Entry(
        key,
        _linked_title(fields["title"], dated),
        organisation=converted(fields["journal"], markdown_to_rst),
        authors=tuple(markdown_to_rst(author) for author in fields["authors"] if author.strip()),
        details=(("doi", doi),) if doi else (),
        source=source,
        **dated,
    )


def _one_line(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields) | {"summary": converted(fields["details"], markdown_to_rst)}
    return Entry(key, converted(fields["label"], markdown_to_rst), source=source, **dated)


def _normal(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    return Entry(key, _linked_title(fields["name"], dated), source=source, **dated)


def _one_text(field: str) -> _Converter:
    def convert(key: str, fields: dict[str, Any], source: Source) -> Entry:
        return Entry(key, summary=converted(fields[field], markdown_to_rst), source=source)

    return convert


_CONVERTERS: dict[str, _Converter] = {
    "EducationEntry": _education,
    "ExperienceEntry": _experience,
    "PublicationEntry": _publication,
    "OneLineEntry": _one_line,
    "NormalEntry": _normal,
    "BulletEntry": _one_text("bullet"),
    "NumberedEntry": _one_text("number"),
    "ReverseNumberedEntry": _one_text("reversed_number"),
}

"""Read RenderCV files: a top-level ``cv:`` key.

Each entry's type is told from its required keys, as RenderCV does: ``institution`` +
``area`` EducationEntry, ``company`` + ``position`` ExperienceEntry, ``title`` + ``authors``
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
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.identifiers import identifier_url
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
from sphinx_academic.model.validation import Date, Email, NullAsEmpty, Texts, validate_partial
from sphinx_academic.readers.markup import converted, escape_rst, markdown_to_rst, whole_link
from sphinx_academic.readers.yamlsafe import DocPath, Document

__all__ = ["ENTRY_TYPES", "entry_type", "is_rendercv", "read_rendercv", "section_title"]


def is_rendercv(data: object) -> bool:
    return isinstance(data, dict) and "cv" in data


def section_title(key: str) -> str:
    """RenderCV's title for a section key: ``selected_honors`` -> ``Selected Honors``.

    Keys with a capital letter or a space are titles already and are kept as written.
    """
    if " " in key or any(char.isupper() for char in key):
        return key
    return " ".join(word[:1].upper() + word[1:] for word in key.split("_") if word)


# -- what RenderCV files hold ----------------------------------------------------------------


class RenderCVModel(BaseModel):
    """A mapping of a RenderCV file: unknown keys ignored (as RenderCV does), numbers taken
    as text, text kept as written (its Markdown may start with spaces)."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True, defer_build=True)


class SocialNetwork(RenderCVModel):
    """A profile on a network RenderCV knows."""

    network: str
    username: str


class CustomConnection(RenderCVModel):
    """A link of the CV's header, shown by its placeholder text."""

    placeholder: str | None = None
    url: str | None = None


class CV(RenderCVModel):
    """RenderCV's ``cv``: who the CV is about (its sections are read entry by entry)."""

    name: str | None = None
    headline: str | None = None
    location: str | None = None
    email: Email | list[Email] | None = None
    phone: str | list[str] | None = None
    website: str | list[str] | None = None
    photo: str | None = None
    social_networks: Annotated[list[SocialNetwork], NullAsEmpty] = []
    custom_connections: Annotated[list[CustomConnection], NullAsEmpty] = []


class DatedEntry(RenderCVModel):
    """What every entry type with a date may have."""

    date: Date = None
    start_date: Date = None
    end_date: Date = None
    location: str | None = None
    summary: str | None = None
    highlights: Texts = []
    url: str | None = None


class EducationEntry(DatedEntry):
    institution: str
    area: str
    degree: str | None = None


class ExperienceEntry(DatedEntry):
    company: str
    position: str


class PublicationEntry(DatedEntry):
    title: str
    authors: Texts
    doi: str | None = None
    journal: str | None = None


class OneLineEntry(DatedEntry):
    label: str
    details: str


class NormalEntry(DatedEntry):
    name: str


class BulletEntry(RenderCVModel):
    bullet: str


class NumberedEntry(RenderCVModel):
    number: str


class ReverseNumberedEntry(RenderCVModel):
    reversed_number: str


# -- reading -----------------------------------------------------------------------------------


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
    read, issues = validate_partial(CV, cv)
    problems = document.problems_from(("cv",), issues)
    if read is None:
        return Basics(source=document.source(("cv",))), problems
    links = [
        Link(n.network, n.username, profile_url(n.network, n.username))
        for n in read.social_networks
    ]
    links += [
        Link(c.placeholder or c.url or "", None, c.url) for c in read.custom_connections if c.url
    ]
    basics = Basics(
        name=converted(read.name, markdown_to_rst),
        label=converted(read.headline, markdown_to_rst),
        image=read.photo or None,
        email=_first(read.email),
        phone=_first(read.phone),
        url=_first(read.website),
        location=converted(read.location, markdown_to_rst),
        profiles=tuple(links),
        source=document.source(("cv",)),
    )
    return basics, problems


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return next((item for item in value if item), None)
    return value or None


def _rendercv_section(
    document: Document, key: str, entries: object
) -> tuple[Section | None, list[Problem]]:
    path: DocPath = ("cv", "sections", key)
    if not isinstance(entries, list):
        message = f"section {key!r} should be a list of entries; ignored"
        return None, [document.problem(path, message, "profile")]
    first: list[EntryType] = []  # the type of the first entry decides the section's
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
    document: Document, key: str, path: DocPath, raw: object, first: list[EntryType]
) -> tuple[Entry | None, EntryType | None, list[Problem]]:
    kind = entry_type(raw)
    if kind is None:
        names = ", ".join(t.name for t in ENTRY_TYPES)
        message = f"cannot tell the type of this entry (one of {names}, or text); ignored"
        return None, None, [document.problem(path, message, "profile")]
    problems: list[Problem] = []
    if first and first[0] is not kind:
        message = f"a {kind.name} in a section of {first[0].name}s (RenderCV needs one type)"
        problems.append(document.problem(path, message, "profile"))
    read: object = raw  # a TextEntry is the text itself
    if kind.model is not None:
        read, issues = validate_partial(kind.model, raw)
        problems += document.problems_from(path, issues)
        if read is None:
            return None, kind, problems
    return kind.convert(key, read, document.source(path)), kind, problems


# -- conversion --------------------------------------------------------------------------------
#
# Each function turns one validated entry into an :class:`Entry`.


def _dated(read: DatedEntry) -> dict[str, Any]:
    """The fields every dated RenderCV entry has, as :class:`Entry` keyword arguments."""
    start, end = read.start_date, read.end_date
    if start is not None and end is None:
        end = PartialDate(present=True)  # RenderCV: a start alone runs to the present
    highlights = [_nested(text) for text in read.highlights if text.strip()]
    return {
        "location": converted(read.location, markdown_to_rst),
        "url": read.url or None,
        "date": read.date,
        "start": start,
        "end": end,
        "summary": converted(read.summary, markdown_to_rst),
        "highlights": tuple(head for head, _ in highlights),
        "subitems": tuple(items for _, items in highlights)
        if any(i for _, i in highlights)
        else (),
    }


def _nested(text: str) -> tuple[str, tuple[str, ...]]:
    head, *items = " ".join(text.split()).split(" - ")
    return markdown_to_rst(head), tuple(markdown_to_rst(item) for item in items if item)


def _linked_title(text: str | None, dated: dict[str, Any]) -> str | None:
    """A title; a title that is one Markdown link gives its text and the entry's URL."""
    link = whole_link(text or "")
    if link and not dated.get("url"):
        label, dated["url"] = link
        return converted(label, escape_rst)
    return converted(text, markdown_to_rst)


def _education(key: str, read: EducationEntry, source: Source) -> Entry:
    dated = _dated(read)
    organisation = _linked_title(read.institution, dated)
    area = converted(read.area, markdown_to_rst)
    degree = converted(read.degree, markdown_to_rst)
    return Entry(
        key, degree or area, area if degree else None, organisation, source=source, **dated
    )


def _experience(key: str, read: ExperienceEntry, source: Source) -> Entry:
    dated = _dated(read)
    organisation = _linked_title(read.company, dated)
    title = converted(read.position, markdown_to_rst)
    return Entry(key, title, organisation=organisation, source=source, **dated)


def _publication(key: str, read: PublicationEntry, source: Source) -> Entry:
    dated = _dated(read)
    doi = (read.doi or "").strip()
    if doi and not dated["url"]:
        dated["url"] = identifier_url("doi", doi)
    return Entry(
        key,
        _linked_title(read.title, dated),
        organisation=converted(read.journal, markdown_to_rst),
        authors=tuple(markdown_to_rst(author) for author in read.authors if author.strip()),
        details=(("doi", doi),) if doi else (),
        source=source,
        **dated,
    )


def _one_line(key: str, read: OneLineEntry, source: Source) -> Entry:
    dated = _dated(read) | {"summary": converted(read.details, markdown_to_rst)}
    return Entry(key, converted(read.label, markdown_to_rst), source=source, **dated)


def _normal(key: str, read: NormalEntry, source: Source) -> Entry:
    dated = _dated(read)
    return Entry(key, _linked_title(read.name, dated), source=source, **dated)


def _text(key: str, text: str, source: Source) -> Entry:
    return Entry(key, summary=converted(text, markdown_to_rst), source=source)


def _one_text(field: str) -> Callable[[str, RenderCVModel, Source], Entry]:
    """An entry type whose one field is its text."""
    return lambda key, read, source: _text(key, getattr(read, field), source)


# -- entry types ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntryType:
    """One of RenderCV's entry types: its model (``None`` for a plain string), how a
    section of them is shown, and how one becomes an :class:`Entry`."""

    name: str
    model: type[RenderCVModel] | None
    kind: SectionKind
    convert: Callable[[str, Any, Source], Entry]
    #: The keys that identify it: its model's required fields.
    keys: tuple[str, ...] = ()


def _entry_type(
    model: type[RenderCVModel], kind: SectionKind, convert: Callable[..., Entry]
) -> EntryType:
    required = tuple(name for name, field in model.model_fields.items() if field.is_required())
    return EntryType(model.__name__, model, kind, convert, required)


#: RenderCV's entry types, most specific first.
ENTRY_TYPES: tuple[EntryType, ...] = (
    _entry_type(EducationEntry, "timeline", _education),
    _entry_type(ExperienceEntry, "timeline", _experience),
    _entry_type(PublicationEntry, "timeline", _publication),
    _entry_type(OneLineEntry, "pairs", _one_line),
    _entry_type(NormalEntry, "timeline", _normal),
    _entry_type(BulletEntry, "text", _one_text("bullet")),
    _entry_type(NumberedEntry, "numbered", _one_text("number")),
    _entry_type(ReverseNumberedEntry, "reversed", _one_text("reversed_number")),
)
_TEXT_ENTRY = EntryType("TextEntry", None, "text", _text)


def entry_type(entry: object) -> EntryType | None:
    """RenderCV's entry type for ``entry``: all its identifying keys, else any of them."""
    if isinstance(entry, str):
        return _TEXT_ENTRY
    if not isinstance(entry, dict):
        return None
    for candidate in ENTRY_TYPES:
        if all(entry.get(key) is not None for key in candidate.keys):
            return candidate
    return next((t for t in ENTRY_TYPES if any(key in entry for key in t.keys)), None)

"""A researcher's profile: the records the Sphinx layer renders, and the native format.

Two halves, both free of Sphinx:

- **Records** (:class:`Profile`, :class:`Section`, :class:`Entry`, :class:`NewsItem`,
  :class:`Basics`, :class:`Link`, :class:`Source`), defined in
  :mod:`sphinx_academic.model.profile_records` and importable from here too.
- **The native format**, JSON Resume extended with ``news`` and custom sections: one
  :class:`~sphinx_academic.model.validation.Record` (a pydantic-core schema) per kind of
  mapping, and :func:`json_schema` for editors.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import CoreSchema
from pydantic_core import core_schema as cs

from sphinx_academic.model.profile_records import (
    SECTION_KINDS,
    Basics,
    Entry,
    Link,
    NewsItem,
    Profile,
    Section,
    SectionKind,
    Source,
    profile_url,
    section_key,
)
from sphinx_academic.model.validation import (
    DATE_REF,
    Record,
    date,
    either,
    list_of,
    record,
    text,
    texts,
)

__all__ = [
    "BASICS",
    "CUSTOM_ENTRY",
    "NEWS",
    "SECTION_KINDS",
    "SECTION_RECORDS",
    "Basics",
    "Entry",
    "Link",
    "NewsItem",
    "Profile",
    "Section",
    "SectionKind",
    "Source",
    "json_schema",
    "profile_url",
    "section_key",
]

# =========================================================================================
# The native format (JSON Resume + news + custom sections)
# =========================================================================================

_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "examples": ["2018", "2018-08", "2018-08-15", "present"]},
        {"type": "integer", "minimum": 1, "maximum": 9999},
        {"type": "null"},
    ],
    "description": "YYYY, YYYY-MM or YYYY-MM-DD; 'present' for ongoing; other text is shown as is",
}

#: al-folio's Font Awesome icon class; accepted so its files load, not rendered.
_ICON = {"icon": text()}
#: What every dated JSON Resume entry has.
_DATED = {
    **_ICON,
    "url": text(),
    "location": text(),
    "startDate": date(),
    "endDate": date(),
    "summary": text(),
    "highlights": texts(),
}

_LOCATION = record(
    "LocationModel",
    {
        "address": text(),
        "postalCode": text(),
        "city": text(),
        "countryCode": text(),
        "region": text(),
    },
)
_LINK = record("LinkModel", {**_ICON, "network": text(), "username": text(), "url": text()})

BASICS = Record(
    record(
        "BasicsModel",
        {
            **_ICON,
            "name": text(),
            "label": text(),
            "image": text(),
            "email": text(),
            "phone": text(),
            "url": text(),
            "summary": text(),
            "location": either(text(nullable=False), _LOCATION),
            "profiles": list_of(_LINK),
        },
    )
)


def _section(name: str, fields: dict[str, CoreSchema]) -> Record:
    return Record(record(name, fields))


WORK = _section("WorkModel", {**_DATED, "name": text(), "position": text(), "description": text()})
VOLUNTEER = _section("VolunteerModel", {**_DATED, "organization": text(), "position": text()})
EDUCATION = _section(
    "EducationModel",
    {
        **_DATED,
        "institution": text(),
        "area": text(),
        "studyType": text(),
        "score": text(),
        "courses": texts(),
    },
)
AWARDS = _section(
    "AwardModel",
    {**_ICON, "title": text(), "date": date(), "awarder": text(), "url": text(), "summary": text()},
)
CERTIFICATES = _section(
    "CertificateModel",
    {**_ICON, "name": text(), "date": date(), "issuer": text(), "url": text()},
)
PUBLICATIONS = _section(
    "PublicationModel",
    {
        **_ICON,
        "name": text(),
        "publisher": text(),
        "releaseDate": date(),
        "url": text(),
        "summary": text(),
    },
)
SKILLS = _section("SkillModel", {**_ICON, "name": text(), "level": text(), "keywords": texts()})
LANGUAGES = _section("LanguageModel", {**_ICON, "language": text(), "fluency": text()})
INTERESTS = _section("InterestModel", {**_ICON, "name": text(), "keywords": texts()})
REFERENCES = _section("ReferenceModel", {**_ICON, "name": text(), "reference": text()})
PROJECTS = _section(
    "ProjectModel",
    {
        **_DATED,
        "name": text(),
        "description": text(),
        "keywords": texts(),
        "roles": texts(),
        "entity": text(),
        "type": text(),
    },
)
#: An entry of a section this format does not define (talks, teaching, grants...).
CUSTOM_ENTRY = _section(
    "CustomEntryModel",
    {**_DATED, "name": text(), "position": text(), "title": text(), "date": date()},
)
NEWS = Record(record("NewsModel", {"date": date(), "text": text(), "title": text(), "url": text()}))

#: The sections the native format defines, by key.
SECTION_RECORDS: dict[str, Record] = {
    "work": WORK,
    "volunteer": VOLUNTEER,
    "education": EDUCATION,
    "awards": AWARDS,
    "certificates": CERTIFICATES,
    "publications": PUBLICATIONS,
    "skills": SKILLS,
    "languages": LANGUAGES,
    "interests": INTERESTS,
    "references": REFERENCES,
    "projects": PROJECTS,
}


def _profile_schema() -> CoreSchema:
    """The whole file, for the JSON Schema (the reader validates section by section)."""
    fields: dict[str, CoreSchema] = {
        "$schema": text(),
        "basics": cs.nullable_schema(BASICS.schema),
        **{key: list_of(kind.schema) for key, kind in SECTION_RECORDS.items()},
        "news": list_of(NEWS.schema),
        "meta": cs.nullable_schema(cs.dict_schema(cs.str_schema(), cs.any_schema())),
    }
    custom = cs.list_schema(
        cs.union_schema([CUSTOM_ENTRY.schema, cs.str_schema()]), ref="CustomSection"
    )
    return cs.typed_dict_schema(
        {key: cs.typed_dict_field(schema, required=False) for key, schema in fields.items()},
        extra_behavior="allow",
        extras_schema=custom,
    )


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the native profile format, written by pydantic."""
    from pydantic.json_schema import GenerateJsonSchema

    schema = GenerateJsonSchema(by_alias=True).generate(_profile_schema())
    definitions = schema["$defs"]
    for described in (schema, *definitions.values()):
        for field in described.get("properties", {}).values():
            field.pop("title", None)  # made from the key ("Startdate"): says nothing more
    definitions[DATE_REF] = _DATE_SCHEMA
    definitions["CustomSection"]["description"] = (
        "A custom section: entries (mappings) or plain lines of text."
    )
    definitions["NewsModel"]["required"] = ["date", "text"]
    schema["properties"]["news"]["description"] = "News items: date and text are required."
    schema["properties"]["meta"]["description"] = "Ignored (JSON Resume metadata)."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sphinx-academic profile",
        "description": (
            "JSON Resume, plus 'news' and custom sections: any other top-level key holding "
            "a list of entries. Text is reStructuredText inline markup."
        ),
        **schema,
    }

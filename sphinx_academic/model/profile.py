"""A researcher's profile: the records the Sphinx layer renders, and the native format.

Two halves, both free of Sphinx:

- **Records** (:class:`Profile`, :class:`Section`, :class:`Entry`, :class:`NewsItem`,
  :class:`Basics`, :class:`Link`, :class:`Source`), defined in
  :mod:`sphinx_academic.model.profile_records` and importable from here too.
- **The native format**, JSON Resume extended with ``news`` and custom sections: one
  pydantic model per kind of mapping (:class:`WorkModel`, :class:`NewsModel`...), the
  whole file as :class:`ProfileModel`, and :func:`json_schema` for editors. Their
  docstrings are the descriptions editors show.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel
from typing_extensions import TypeAliasType

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
from sphinx_academic.model.validation import Date, Email, NullAsEmpty, Texts, json_schema_of

__all__ = [
    "SECTION_KINDS",
    "SECTION_MODELS",
    "AwardModel",
    "Basics",
    "BasicsModel",
    "CertificateModel",
    "CustomEntryModel",
    "CustomSection",
    "DatedModel",
    "EducationModel",
    "Entry",
    "EntryImage",
    "InterestModel",
    "LanguageModel",
    "Link",
    "LinkModel",
    "LocationModel",
    "NativeModel",
    "NewsItem",
    "NewsModel",
    "Profile",
    "ProfileModel",
    "ProjectModel",
    "PublicationModel",
    "ReferenceModel",
    "Section",
    "SectionKind",
    "SkillModel",
    "Source",
    "VolunteerModel",
    "WithIcon",
    "WorkModel",
    "json_schema",
    "profile_url",
    "section_key",
]

# =========================================================================================
# The native format (JSON Resume + news + custom sections)
# =========================================================================================


class NativeModel(BaseModel):
    """A mapping of the native format: keys in camelCase, unknown keys refused, numbers
    taken as text, text stripped."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=to_camel,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        # Built when first used: a file uses a few of the many entry types.
        defer_build=True,
    )


class WithIcon(NativeModel):
    """A mapping that may have al-folio's icon (a Font Awesome class): accepted so
    al-folio's files load, not shown."""

    icon: str | None = None


class DatedModel(WithIcon):
    """What every dated JSON Resume entry has."""

    url: str | None = None
    location: str | None = None
    start_date: Date = None
    end_date: Date = None
    summary: str | None = None
    highlights: Texts = []


class LocationModel(NativeModel):
    """Where you are: street, postal code and city, region, country code."""

    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    region: str | None = None


class LinkModel(WithIcon):
    """An online profile: the network and your username there, or its address."""

    network: str | None = None
    username: str | None = None
    url: str | None = None


class BasicsModel(WithIcon):
    """Who you are: name, label (your position), contact details, online profiles."""

    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: Email | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: str | LocationModel | None = None
    profiles: Annotated[list[LinkModel], NullAsEmpty] = []


class WorkModel(DatedModel):
    """A job: position at an organisation (name), with a description of it."""

    name: str | None = None
    position: str | None = None
    description: str | None = None


class VolunteerModel(DatedModel):
    """Volunteering: a position at an organization."""

    organization: str | None = None
    position: str | None = None


class EducationModel(DatedModel):
    """A degree (studyType) in an area at an institution."""

    institution: str | None = None
    area: str | None = None
    study_type: str | None = None
    score: str | None = None
    courses: Texts = []


class AwardModel(WithIcon):
    """An award, with its date and awarder."""

    title: str | None = None
    date: Date = None
    awarder: str | None = None
    url: str | None = None
    summary: str | None = None


class CertificateModel(WithIcon):
    """A certificate, with its date and issuer."""

    name: str | None = None
    date: Date = None
    issuer: str | None = None
    url: str | None = None


class PublicationModel(WithIcon):
    """A publication listed by hand (papers from BibTeX have their own directives)."""

    name: str | None = None
    publisher: str | None = None
    release_date: Date = None
    url: str | None = None
    summary: str | None = None


class SkillModel(WithIcon):
    """A skill, its level and keywords."""

    name: str | None = None
    level: str | None = None
    keywords: Texts = []


class LanguageModel(WithIcon):
    """A language you speak, and how fluently."""

    language: str | None = None
    fluency: str | None = None


class InterestModel(WithIcon):
    """An interest and its keywords."""

    name: str | None = None
    keywords: Texts = []


class ReferenceModel(WithIcon):
    """A reference: who gave it, and what they said."""

    name: str | None = None
    reference: str | None = None


#: An entry's picture, shown on its card (``.. timeline:: projects`` with ``:style: cards``).
EntryImage = Annotated[
    str | None,
    Field(
        description="A picture for the entry's card: an http(s) address, or the path of an "
        "image file from the source folder (img/atlas.png)."
    ),
]


class ProjectModel(DatedModel):
    """A project: name, description, your roles, the entity it was for, a picture."""

    name: str | None = None
    image: EntryImage = None
    description: str | None = None
    keywords: Texts = []
    roles: Texts = []
    entity: str | None = None
    type: str | None = None


class CustomEntryModel(DatedModel):
    """An entry of a section this format does not define (talks, teaching, grants...)."""

    name: str | None = None
    image: EntryImage = None
    position: str | None = None
    title: str | None = None
    date: Date = None


class NewsModel(NativeModel):
    """A piece of news: its date and text, maybe a title and a link."""

    # The reader leaves out an item without date or text, with a warning of its own.
    model_config = ConfigDict(json_schema_extra={"required": ["date", "text"]})

    date: Date = None
    text: str | None = None
    title: str | None = None
    url: str | None = None


#: A custom section: entries, or plain lines of text.
CustomSection = TypeAliasType(
    "CustomSection",
    Annotated[
        list[CustomEntryModel | str],
        Field(description="A custom section: entries (mappings) or plain lines of text."),
    ],
)


class ProfileModel(BaseModel):
    """JSON Resume, plus 'news' and custom sections: any other top-level key holding a
    list of entries. Text is reStructuredText inline markup."""

    model_config = ConfigDict(extra="allow", title="sphinx-academic profile")
    #: Any other key is a custom section.
    __pydantic_extra__: dict[str, CustomSection]

    schema_: str | None = Field(None, alias="$schema")
    basics: BasicsModel | None = None
    work: list[WorkModel] = []
    volunteer: list[VolunteerModel] = []
    education: list[EducationModel] = []
    awards: list[AwardModel] = []
    certificates: list[CertificateModel] = []
    publications: list[PublicationModel] = []
    skills: list[SkillModel] = []
    languages: list[LanguageModel] = []
    interests: list[InterestModel] = []
    references: list[ReferenceModel] = []
    projects: list[ProjectModel] = []
    news: list[NewsModel] = Field([], description="News items: date and text are required.")
    meta: dict[str, Any] | None = Field(None, description="Ignored (JSON Resume metadata).")


#: The sections the native format defines, by key: the model of their entries.
SECTION_MODELS: dict[str, type[NativeModel]] = {
    "work": WorkModel,
    "volunteer": VolunteerModel,
    "education": EducationModel,
    "awards": AwardModel,
    "certificates": CertificateModel,
    "publications": PublicationModel,
    "skills": SkillModel,
    "languages": LanguageModel,
    "interests": InterestModel,
    "references": ReferenceModel,
    "projects": ProjectModel,
}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the native profile format, for editors."""
    return json_schema_of(ProfileModel)

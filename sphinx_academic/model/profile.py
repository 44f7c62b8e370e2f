"""A researcher's profile: the records the Sphinx layer renders, and the native format.

Two halves, both free of Sphinx:

- **Records** (:class:`Profile`, :class:`Section`, :class:`Entry`, :class:`NewsItem`,
  :class:`Basics`, :class:`Link`, :class:`Source`), defined in
  :mod:`sphinx_academic.model.profile_records` (no pydantic there, for speed) and
  importable from here too.
- **Validation models** of the native format, JSON Resume extended with ``news`` and
  custom sections (pydantic v2, used by the reader only), :func:`json_schema` for editors,
  and :func:`validate_partial`, which keeps what is valid and explains the rest.
"""

from __future__ import annotations

import copy
import difflib
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from sphinx_academic.model.dates import DateError, PartialDate
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

__all__ = [
    "SECTION_KINDS",
    "SECTION_MODELS",
    "Basics",
    "DateField",
    "Entry",
    "Issue",
    "Link",
    "NewsItem",
    "Profile",
    "ProfileModel",
    "Section",
    "SectionKind",
    "Source",
    "TextList",
    "describe_path",
    "json_schema",
    "profile_url",
    "section_key",
    "validate_partial",
]

# =========================================================================================
# Validation models of the native format (JSON Resume + news + custom sections)
# =========================================================================================

_DATE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "examples": ["2018", "2018-08", "2018-08-15", "present"]},
        {"type": "integer", "minimum": 1, "maximum": 9999},
        {"type": "null"},
    ],
    "description": "YYYY, YYYY-MM or YYYY-MM-DD; 'present' for ongoing; other text is shown as is",
}


def _to_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except DateError as error:
        raise PydanticCustomError("date", "{reason}", {"reason": str(error)}) from None


def _none_as_empty(value: object) -> object:
    return [] if value is None else value


#: A date field: parsed to :class:`PartialDate`, impossible dates give ``date`` errors.
DateField = Annotated[PartialDate | None, PlainValidator(_to_date), WithJsonSchema(_DATE_SCHEMA)]
#: A list of texts; ``null`` (an empty YAML key) is an empty list.
TextList = Annotated[list[str], BeforeValidator(_none_as_empty)]
Text = str | None


class _Model(BaseModel):
    """Unknown keys are errors (with a did-you-mean); numbers are accepted as text."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        frozen=True,
        str_strip_whitespace=True,
        defer_build=True,
    )


class _Icon(_Model):
    #: al-folio's Font Awesome icon class; accepted so its files load, not rendered.
    icon: Text = None


class LocationModel(_Model):
    address: Text = None
    postal_code: Text = Field(None, alias="postalCode")
    city: Text = None
    country_code: Text = Field(None, alias="countryCode")
    region: Text = None


class LinkModel(_Icon):
    network: Text = None
    username: Text = None
    url: Text = None


class BasicsModel(_Icon):
    name: Text = None
    label: Text = None
    image: Text = None
    email: Text = None
    phone: Text = None
    url: Text = None
    summary: Text = None
    location: str | LocationModel | None = None
    profiles: Annotated[list[LinkModel], BeforeValidator(_none_as_empty)] = []


class _Dated(_Icon):
    url: Text = None
    location: Text = None
    start_date: DateField = Field(None, alias="startDate")
    end_date: DateField = Field(None, alias="endDate")
    summary: Text = None
    highlights: TextList = []


class WorkModel(_Dated):
    name: Text = None
    position: Text = None
    description: Text = None


class VolunteerModel(_Dated):
    organization: Text = None
    position: Text = None


class EducationModel(_Dated):
    institution: Text = None
    area: Text = None
    study_type: Text = Field(None, alias="studyType")
    score: Text = None
    courses: TextList = []


class AwardModel(_Icon):
    title: Text = None
    date: DateField = None
    awarder: Text = None
    url: Text = None
    summary: Text = None


class CertificateModel(_Icon):
    name: Text = None
    date: DateField = None
    issuer: Text = None
    url: Text = None


class PublicationModel(_Icon):
    name: Text = None
    publisher: Text = None
    release_date: DateField = Field(None, alias="releaseDate")
    url: Text = None
    summary: Text = None


class SkillModel(_Icon):
    name: Text = None
    level: Text = None
    keywords: TextList = []


class LanguageModel(_Icon):
    language: Text = None
    fluency: Text = None


class InterestModel(_Icon):
    name: Text = None
    keywords: TextList = []


class ReferenceModel(_Icon):
    name: Text = None
    reference: Text = None


class ProjectModel(_Dated):
    name: Text = None
    description: Text = None
    keywords: TextList = []
    roles: TextList = []
    entity: Text = None
    type: Text = None


class CustomEntryModel(_Dated):
    """An entry of a section this format does not define (talks, teaching, grants...)."""

    name: Text = None
    position: Text = None
    title: Text = None
    date: DateField = None


class NewsModel(_Model):
    date: DateField = None
    text: Text = None
    title: Text = None
    url: Text = None


class ProfileModel(BaseModel):
    """A profile file; any other top-level list is a custom section (CustomEntry items)."""

    model_config = ConfigDict(extra="allow", title="sphinx-academic profile", defer_build=True)

    schema_: Text = Field(None, alias="$schema")
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


#: The models of the sections the native format defines, by key.
SECTION_MODELS: dict[str, type[_Model]] = {
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
    """A JSON Schema (draft 2020-12) of the native profile format."""
    schema = ProfileModel.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["description"] = (
        "JSON Resume, plus 'news' and custom sections: any other top-level key holding "
        "a list of entries. Text is reStructuredText inline markup."
    )
    schema.setdefault("$defs", {})["CustomSection"] = {
        "type": "array",
        "description": "A custom section: entries (mappings) or plain lines of text.",
        "items": {"anyOf": [CustomEntryModel.model_json_schema(by_alias=True), {"type": "string"}]},
    }
    schema["additionalProperties"] = {"$ref": "#/$defs/CustomSection"}
    news = schema["$defs"].get("NewsModel", {})
    news["required"] = ["date", "text"]
    return schema


# =========================================================================================
# Validation that keeps what it can
# =========================================================================================

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)
_MAX_ROUNDS = 20


@dataclass(frozen=True, slots=True)
class Issue:
    """Something wrong at ``path`` (a path into the validated data)."""

    path: Loc
    message: str
    #: ``"date"`` for dates, ``"profile"`` for anything else.
    subtype: str
    #: True when it is about the key itself (an unknown key), not its value.
    on_key: bool = False


def validate_partial(model: type[M], data: object) -> tuple[M | None, list[Issue]]:
    """Validate ``data``; drop invalid fields and list items until what is left is valid.

    Every dropped part is described by an :class:`Issue`. ``None`` is returned only when
    nothing valid is left (e.g. the data is not a mapping at all).
    """
    issues: list[Issue] = []
    for _ in range(_MAX_ROUNDS):
        try:
            return model.model_validate(data), issues
        except ValidationError as error:
            found = _issues(model, data, error.errors())
        issues += found
        if any(issue.path == () for issue in found):
            return None, issues
        data = _without(data, [issue.path for issue in found])
    return None, issues


def _issues(model: type[BaseModel], data: object, errors: list[ErrorDetails]) -> list[Issue]:
    by_path: dict[Loc, list[ErrorDetails]] = {}
    for error in errors:
        by_path.setdefault(_data_path(data, error["loc"]), []).append(error)
    # When one member of a union fails deeper inside the value, that member is the one
    # meant; the other members' complaints about the whole value are noise.
    deepest = [path for path in by_path if not any(_inside(other, path) for other in by_path)]
    return [_issue(model, path, by_path[path]) for path in deepest]


def _inside(path: Loc, ancestor: Loc) -> bool:
    return len(path) > len(ancestor) and path[: len(ancestor)] == ancestor


def _data_path(data: object, loc: tuple[int | str, ...]) -> Loc:
    """The parts of pydantic's ``loc`` that exist in ``data``.

    Union member tags (``"str"``, ``"LocationModel"``) are skipped, and so is the key of a
    missing field, which leaves the path of the mapping that lacks it.
    """
    path: list[str | int] = []
    for part in loc:
        if _has(data, part):
            data = data[part]  # type: ignore[index]
            path.append(part)
    return tuple(path)


def _has(data: object, part: str | int) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def describe_path(path: Loc) -> str:
    """``("highlights", 2)`` -> ``highlights[2]``."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return text.lstrip(".")


def _issue(model: type[BaseModel], path: Loc, errors: list[ErrorDetails]) -> Issue:
    first = errors[0]
    name = describe_path(path) or "the entry"
    if first["type"] == "extra_forbidden":
        return Issue(path, _unknown_key(model, path), "profile", on_key=True)
    if first["type"] == "date":
        return Issue(path, f"{name}: {first['msg']}; ignored", "date")
    if first["type"] == "missing":
        return Issue(path, f"{name}: {first['loc'][-1]!r} is required", "profile")
    if first["type"] in ("model_type", "dict_type"):
        # pydantic says "a valid dictionary or instance of WorkModel": not the user's words.
        found = _KINDS.get(type(first["input"]), type(first["input"]).__name__)
        return Issue(path, f"{name}: expected key: value pairs, found {found}; ignored", "profile")
    if len(errors) > 1:  # several members of a union failed: say what was found
        found = type(first["input"]).__name__
        return Issue(path, f"{name}: wrong type ({found}); ignored", "profile")
    return Issue(path, f"{name}: {first['msg']}; ignored", "profile")


_KINDS: dict[type, str] = {
    list: "a list",
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "nothing",
}


def _unknown_key(model: type[BaseModel], path: Loc) -> str:
    key = str(path[-1])
    owner = _model_at(model, path[:-1])
    known = [field.alias or name for name, field in owner.model_fields.items()] if owner else []
    message = f"unknown key {key!r}; ignored"
    suggestion = _suggest(key, known)
    return f"{message} (did you mean {suggestion!r}?)" if suggestion else message


def _suggest(key: str, known: list[str]) -> str | None:
    """The known key closest to ``key``: same letters ignoring case and ``_``, else difflib."""
    flat = re.sub(r"[\W_]+", "", key.casefold())
    for candidate in known:
        if re.sub(r"[\W_]+", "", candidate.casefold()) == flat:
            return candidate
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _model_at(model: type[BaseModel], path: Loc) -> type[BaseModel] | None:
    """The model class validating the mapping at ``path`` under ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _item_type(current)
            continue
        fields = current.model_fields if _is_model(current) else {}
        field = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        current = field.annotation if field else None
    return _find_model(current)


def _is_model(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _item_type(annotation: object) -> object:
    for member in _members(annotation):
        if get_origin(member) is list:
            return get_args(member)[0]
    return None


def _find_model(annotation: object) -> type[BaseModel] | None:
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def _members(annotation: object) -> list[object]:
    """The types of a union (or the type itself), with ``Annotated`` taken off."""
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        return [_members(arg)[0] for arg in get_args(annotation)]
    return [annotation]


def _without(data: object, paths: list[Loc]) -> object:
    """A copy of ``data`` with the value at each path removed (list items last first)."""
    data = copy.deepcopy(data)
    for path in sorted(paths, key=_removal_order, reverse=True):
        parent = data
        for part in path[:-1]:
            parent = parent[part]  # type: ignore[index]
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif isinstance(parent, list) and isinstance(path[-1], int):
            del parent[path[-1]]
    return data


def _removal_order(path: Loc) -> tuple[tuple[int, str], ...]:
    # Later list items first, so removing one does not shift the index of another.
    return tuple((part, "") if isinstance(part, int) else (-1, part) for part in path)

"""Validating data against pydantic models, keeping what is valid and explaining the rest.

The readers declare each kind of mapping they accept (a work entry, a news item,
RenderCV's ``cv``) as a pydantic model, with the field types below (:data:`Date`,
:data:`Texts`, :data:`NullAsEmpty`). :func:`validate_partial` validates one mapping into its
model, leaving out what is wrong: every bad value or unknown key becomes an :class:`Issue`
at its path, and the rest of the mapping is still read.
"""

from __future__ import annotations

import copy
import difflib
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    PlainValidator,
    ValidationError,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import ErrorDetails, PydanticCustomError
from typing_extensions import TypeAliasType

from sphinx_academic.model.dates import DateError, PartialDate

__all__ = [
    "Date",
    "Email",
    "Issue",
    "Loc",
    "NullAsEmpty",
    "Texts",
    "describe_path",
    "json_schema_of",
    "known_keys",
    "validate_partial",
]

#: A path into the data: mapping keys and list indices, like pydantic's error ``loc``.
Loc = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)


# -- field types -----------------------------------------------------------------------------


def _none_as_empty(value: object) -> object:
    return [] if value is None else value


#: Marks a list field that may be written as ``null`` (an empty YAML key): an empty list.
NullAsEmpty = BeforeValidator(_none_as_empty)

#: A list of texts; ``null`` is an empty list.
Texts = Annotated[list[str], NullAsEmpty]


def _to_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except DateError as error:
        raise PydanticCustomError("date", "{reason}", {"reason": str(error)}) from None


#: How a date may be written (for the JSON Schema; :func:`_to_date` decides).
_WRITTEN_DATE = (
    Annotated[str, Field(examples=["2018", "2018-08", "2018-08-15", "present"])]
    | Annotated[int, Field(ge=1, le=9999)]
    | None
)

#: A date, read into a :class:`PartialDate`; an impossible one is a ``date`` error. The
#: JSON Schema describes it once, as ``Date``.
Date = TypeAliasType(
    "Date",
    Annotated[
        PartialDate | None,
        PlainValidator(_to_date, json_schema_input_type=_WRITTEN_DATE),
        Field(
            description="YYYY, YYYY-MM or YYYY-MM-DD; 'present' for ongoing; other text is "
            "shown as is"
        ),
    ],
)


#: What an e-mail address is taken to be: one ``@`` between a name and a domain, without
#: spaces or the characters that end an address in a mail header.
_ADDRESS_CHAR = r"[^@\s<>()\[\],;:\"\\]"
_EMAIL = re.compile(rf"{_ADDRESS_CHAR}+@{_ADDRESS_CHAR}+\.{_ADDRESS_CHAR}+")


def _to_email(value: str) -> str:
    address = value.strip().removeprefix("mailto:")
    if address and not _EMAIL.fullmatch(address):
        reason = f"{value!r} is not an e-mail address (such as name@example.org)"
        raise PydanticCustomError("email", "{reason}", {"reason": reason})
    return address


#: An e-mail address (``mailto:`` in front is taken off); anything else is an ``email``
#: error, so the profile never links ``mailto:`` to text that is not an address.
Email = TypeAliasType(
    "Email",
    Annotated[str, AfterValidator(_to_email), Field(examples=["clara.mueller@example.org"])],
)


# -- validation that keeps what it can ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issue:
    """Something wrong at ``path`` (a path into the validated data)."""

    path: Loc
    message: str
    #: ``"date"`` for dates, ``"profile"`` for anything else.
    subtype: str
    #: True when it is about the key itself (an unknown key), not its value.
    on_key: bool = False


def validate_partial(model: type[ModelT], data: object) -> tuple[ModelT | None, list[Issue]]:
    """``data`` validated as ``model``, without the fields and list items that are wrong.

    Every part left out is described by an :class:`Issue`. ``None`` is returned only when
    nothing valid is left (the data is not a mapping, or a required field is bad).
    """
    issues: list[Issue] = []
    while True:
        try:
            return model.model_validate(data), issues
        except ValidationError as error:
            found = _issues(model, data, error.errors())
        issues += found
        if any(issue.path == () for issue in found):
            return None, issues
        data = _without(data, [issue.path for issue in found])


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
    if first["type"] in ("model_type", "model_attributes_type", "dict_type"):
        # pydantic says "a valid dictionary or instance of ...": not the user's words.
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
    message = f"unknown key {key!r}; ignored"
    suggestion = _suggest(key, known_keys(model, path[:-1]))
    return f"{message} (did you mean {suggestion!r}?)" if suggestion else message


def _suggest(key: str, known: list[str]) -> str | None:
    """The known key closest to ``key``: same letters ignoring case and ``_``, else difflib."""
    flat = re.sub(r"[\W_]+", "", key.casefold())
    for candidate in known:
        if re.sub(r"[\W_]+", "", candidate.casefold()) == flat:
            return candidate
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


def known_keys(model: type[BaseModel], path: Loc) -> list[str]:
    """The keys the mapping at ``path`` inside ``model`` may have, as written in files."""
    kinds: list[Any] = [model]
    for part in path:
        kinds = [inner for kind in kinds for inner in _step(kind, part)]
    mapping = next((kind for kind in kinds if _is_model(kind)), None)
    return list(_fields_by_key(mapping)) if mapping is not None else []


def _step(kind: Any, part: str | int) -> list[Any]:
    """The types the value at ``part`` inside a value of type ``kind`` may have."""
    found: list[Any] = []
    for member in _members(kind):
        if isinstance(part, int) and get_origin(member) is list:
            found += _members(get_args(member)[0])
        elif isinstance(part, str) and _is_model(member):
            field = _fields_by_key(member).get(part)
            found += _members(field.annotation) if field is not None else []
    return found


def _members(kind: Any) -> list[Any]:
    """The types a value of type ``kind`` may have: aliases, ``Annotated`` and unions
    taken apart."""
    if isinstance(kind, TypeAliasType):
        return _members(kind.__value__)
    origin = get_origin(kind)
    if origin is Annotated:
        return _members(get_args(kind)[0])
    if origin in (Union, types.UnionType):
        return [member for choice in get_args(kind) for member in _members(choice)]
    return [kind]


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _fields_by_key(model: type[BaseModel]) -> dict[str, Any]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


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


# -- JSON Schema for editors -------------------------------------------------------------


class _WithoutFieldTitles(GenerateJsonSchema):
    """pydantic's JSON Schema, without the titles it makes from field names
    ("Start Date"), which say nothing the key does not."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def json_schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of ``model``, without titles made from field names."""
    schema = model.model_json_schema(schema_generator=_WithoutFieldTitles)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}

"""Validating profile data with pydantic-core, keeping what is valid and explaining the rest.

A :class:`Record` is one kind of mapping (a work entry, a news item, RenderCV's ``cv``):
a pydantic-core schema built with the helpers below (:func:`record`, :func:`text`,
:func:`date`, :func:`texts`...). It validates to a plain ``dict`` holding every field it
declares (missing ones get their default), which the readers turn into records.

The JSON Schema for editors (:func:`sphinx_academic.model.profile.json_schema`) is written
by pydantic from these same schemas.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic_core import (
    CoreSchema,
    ErrorDetails,
    PydanticCustomError,
    SchemaValidator,
    ValidationError,
)
from pydantic_core import core_schema as cs

from sphinx_academic.model.dates import DateError, PartialDate

__all__ = [
    "DATE_REF",
    "Issue",
    "Loc",
    "Record",
    "any_list",
    "date",
    "describe_path",
    "either",
    "list_of",
    "loose_record",
    "one_or_more",
    "record",
    "text",
    "texts",
    "validate_partial",
]

Loc = tuple[str | int, ...]
#: The ``ref`` of the date schema: the JSON Schema describes dates once, under this name.
DATE_REF = "PartialDate"
_MAX_ROUNDS = 20


# =========================================================================================
# Field schemas
# =========================================================================================


def text(*, strip: bool = True, nullable: bool = True) -> CoreSchema:
    """Text, maybe ``null``; numbers are accepted as text (``2020`` is ``"2020"``)."""
    schema = cs.str_schema(coerce_numbers_to_str=True, strip_whitespace=strip)
    return cs.nullable_schema(schema) if nullable else schema


def _to_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except DateError as error:
        raise PydanticCustomError("date", "{reason}", {"reason": str(error)}) from None


#: What a date may be written as (for the JSON Schema; :func:`_to_date` decides).
_DATE_INPUT = cs.union_schema(
    [cs.str_schema(), cs.int_schema(ge=1, le=9999), cs.none_schema()], ref=DATE_REF
)


def date() -> CoreSchema:
    """A date parsed to :class:`PartialDate`; impossible dates are ``date`` errors."""
    return cs.no_info_plain_validator_function(_to_date, json_schema_input_schema=_DATE_INPUT)


def _none_as_empty(value: object) -> object:
    return [] if value is None else value


def list_of(items: CoreSchema) -> CoreSchema:
    """A list; ``null`` (an empty YAML key) is an empty list."""
    return cs.no_info_before_validator_function(_none_as_empty, cs.list_schema(items))


def texts(*, strip: bool = True) -> CoreSchema:
    """A list of texts (see :func:`list_of`)."""
    return list_of(text(strip=strip, nullable=False))


def any_list() -> CoreSchema:
    """A list of anything, checked item by item by the reader (see :func:`list_of`)."""
    return list_of(cs.any_schema())


def either(*choices: CoreSchema) -> CoreSchema:
    """One of several schemas, or ``null``."""
    return cs.nullable_schema(cs.union_schema(list(choices)))


def one_or_more(*, strip: bool = True) -> CoreSchema:
    """A text, a list of texts, or ``null``."""
    one = text(strip=strip, nullable=False)
    return either(one, cs.list_schema(one))


def record(
    name: str,
    fields: Mapping[str, CoreSchema],
    *,
    required: tuple[str, ...] = (),
    extra: Literal["forbid", "ignore"] = "forbid",
) -> cs.TypedDictSchema:
    """A mapping with these keys: unknown keys are errors (``forbid``, with a did-you-mean)
    or dropped (``ignore``); missing keys are errors when ``required``, else ``None``
    (``[]`` for lists)."""
    return cs.typed_dict_schema(
        {key: _field(schema, key in required) for key, schema in fields.items()},
        extra_behavior=extra,
        ref=name,
    )


def loose_record(
    name: str, fields: Mapping[str, CoreSchema], required: tuple[str, ...] = ()
) -> Record:
    """A :class:`Record` that drops unknown keys, as RenderCV and al-folio do."""
    return Record(record(name, fields, required=required, extra="ignore"))


def _field(schema: CoreSchema, required: bool) -> cs.TypedDictField:
    if required:
        return cs.typed_dict_field(schema)
    if _is_list(schema):  # a new list for each mapping, so none is shared
        defaulted = cs.with_default_schema(schema, default_factory=list)
    else:
        defaulted = cs.with_default_schema(schema, default=None)
    return cs.typed_dict_field(defaulted, required=False)


def _is_list(schema: CoreSchema) -> bool:
    """Whether the value is always a list (not "a text or a list")."""
    return [member["type"] for member in _members(schema)] == ["list"]


# =========================================================================================
# Records
# =========================================================================================


class Record:
    """A kind of mapping: its schema, and the validator built from it when first used."""

    __slots__ = ("_validator", "schema")

    def __init__(self, schema: cs.TypedDictSchema) -> None:
        self.schema = schema
        self._validator: SchemaValidator | None = None

    @property
    def name(self) -> str:
        return str(self.schema.get("ref", "record"))

    def validate(self, data: object) -> dict[str, Any]:
        """The validated mapping; raises pydantic-core's :class:`ValidationError`."""
        if self._validator is None:
            self._validator = SchemaValidator(self.schema)
        result: dict[str, Any] = self._validator.validate_python(data)
        return result

    def known_keys(self, path: Loc) -> list[str]:
        """The keys the mapping at ``path`` (inside this record) may have."""
        schema: CoreSchema | None = self.schema
        for part in path:
            schema = _step(schema, part) if schema is not None else None
        mapping = _member(schema, "typed-dict") if schema is not None else None
        return list(mapping["fields"]) if mapping is not None else []

    def __repr__(self) -> str:
        return f"Record({self.name!r})"


def _members(schema: CoreSchema) -> list[CoreSchema]:
    """The schemas a value may match: wrappers (defaults, ``null``, converters) taken off
    and unions flattened."""
    kind = schema["type"]
    if kind in ("default", "nullable", "function-before", "function-after"):
        return _members(schema["schema"])  # type: ignore[typeddict-item]
    if kind == "union":
        choices = schema["choices"]  # type: ignore[typeddict-item]
        return [m for c in choices for m in _members(c[0] if isinstance(c, tuple) else c)]
    return [schema]


def _member(schema: CoreSchema, kind: str) -> Any:
    return next((m for m in _members(schema) if m["type"] == kind), None)


def _step(schema: CoreSchema, part: str | int) -> CoreSchema | None:
    if isinstance(part, int):
        found = _member(schema, "list")
        return found.get("items_schema") if found is not None else None
    mapping = _member(schema, "typed-dict")
    field = mapping["fields"].get(part) if mapping is not None else None
    return field["schema"] if field is not None else None


# =========================================================================================
# Validation that keeps what it can
# =========================================================================================


@dataclass(frozen=True, slots=True)
class Issue:
    """Something wrong at ``path`` (a path into the validated data)."""

    path: Loc
    message: str
    #: ``"date"`` for dates, ``"profile"`` for anything else.
    subtype: str
    #: True when it is about the key itself (an unknown key), not its value.
    on_key: bool = False


def validate_partial(kind: Record, data: object) -> tuple[dict[str, Any] | None, list[Issue]]:
    """Validate ``data``; drop invalid fields and list items until what is left is valid.

    Every dropped part is described by an :class:`Issue`. ``None`` is returned only when
    nothing valid is left (e.g. the data is not a mapping at all).
    """
    issues: list[Issue] = []
    for _ in range(_MAX_ROUNDS):
        try:
            return kind.validate(data), issues
        except ValidationError as error:
            found = _issues(kind, data, error.errors())
        issues += found
        if any(issue.path == () for issue in found):
            return None, issues
        data = _without(data, [issue.path for issue in found])
    return None, issues


def _issues(kind: Record, data: object, errors: list[ErrorDetails]) -> list[Issue]:
    by_path: dict[Loc, list[ErrorDetails]] = {}
    for error in errors:
        by_path.setdefault(_data_path(data, error["loc"]), []).append(error)
    # When one member of a union fails deeper inside the value, that member is the one
    # meant; the other members' complaints about the whole value are noise.
    deepest = [path for path in by_path if not any(_inside(other, path) for other in by_path)]
    return [_issue(kind, path, by_path[path]) for path in deepest]


def _inside(path: Loc, ancestor: Loc) -> bool:
    return len(path) > len(ancestor) and path[: len(ancestor)] == ancestor


def _data_path(data: object, loc: tuple[int | str, ...]) -> Loc:
    """The parts of pydantic-core's ``loc`` that exist in ``data``.

    Union member tags (``"str"``, ``"typed-dict"``) are skipped, and so is the key of a
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


def _issue(kind: Record, path: Loc, errors: list[ErrorDetails]) -> Issue:
    first = errors[0]
    name = describe_path(path) or "the entry"
    if first["type"] == "extra_forbidden":
        return Issue(path, _unknown_key(kind, path), "profile", on_key=True)
    if first["type"] == "date":
        return Issue(path, f"{name}: {first['msg']}; ignored", "date")
    if first["type"] == "missing":
        return Issue(path, f"{name}: {first['loc'][-1]!r} is required", "profile")
    if first["type"] in ("model_type", "dict_type"):
        # pydantic-core says "a valid dictionary": not the user's words.
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


def _unknown_key(kind: Record, path: Loc) -> str:
    key = str(path[-1])
    message = f"unknown key {key!r}; ignored"
    suggestion = _suggest(key, kind.known_keys(path[:-1]))
    return f"{message} (did you mean {suggestion!r}?)" if suggestion else message


def _suggest(key: str, known: list[str]) -> str | None:
    """The known key closest to ``key``: same letters ignoring case and ``_``, else difflib."""
    flat = re.sub(r"[\W_]+", "", key.casefold())
    for candidate in known:
        if re.sub(r"[\W_]+", "", candidate.casefold()) == flat:
            return candidate
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


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

"""The metrics file (JSON written by ``sphinx-academic metrics``) -> :class:`Metrics`.

Never raises on bad content: a file that is not JSON, not this format, or of a newer
version gives one problem and no counts; an entry or total that does not fit the format
gives a problem at its line and is left out, the rest is kept. A missing file is no
problem (the site just has no counts).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.metrics import (
    FORMAT,
    VERSION,
    Count,
    EntryMetrics,
    Metrics,
    Totals,
)

SUBTYPE = "metrics"

_DATE = cs.str_schema(pattern=r"^\d{4}-\d{2}-\d{2}")
_COUNT = cs.int_schema(ge=0, strict=True)
_TEXTS = cs.dict_schema(cs.str_schema(), cs.str_schema())

_HEADER = SchemaValidator(
    cs.typed_dict_schema(
        {
            "format": cs.typed_dict_field(cs.literal_schema([FORMAT])),
            "version": cs.typed_dict_field(cs.int_schema(ge=1, strict=True)),
            "entries": cs.typed_dict_field(cs.dict_schema(cs.str_schema()), required=False),
            "totals": cs.typed_dict_field(cs.dict_schema(cs.str_schema()), required=False),
            "unmatched": cs.typed_dict_field(
                cs.dict_schema(cs.str_schema(), cs.list_schema(cs.str_schema())), required=False
            ),
        }
    )
)
_ENTRY = SchemaValidator(
    cs.typed_dict_schema(
        {
            "ids": cs.typed_dict_field(_TEXTS, required=False),
            "citations": cs.typed_dict_field(
                cs.dict_schema(
                    cs.str_schema(),
                    cs.typed_dict_schema(
                        {
                            "count": cs.typed_dict_field(_COUNT),
                            "fetched": cs.typed_dict_field(_DATE),
                            "matched_by": cs.typed_dict_field(cs.str_schema(), required=False),
                        }
                    ),
                ),
                required=False,
            ),
        }
    )
)
_TOTALS = SchemaValidator(
    cs.typed_dict_schema(
        {
            "citations": cs.typed_dict_field(_COUNT),
            "h_index": cs.typed_dict_field(_COUNT),
            "entries": cs.typed_dict_field(_COUNT),
            "fetched": cs.typed_dict_field(_DATE),
        }
    )
)


def read_metrics(path: str) -> tuple[Metrics, list[Problem]]:
    """The file's metrics and its problems; empty metrics when it does not exist."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        return Metrics(), []
    except (OSError, UnicodeDecodeError) as error:
        return Metrics(), [Problem(path, f"cannot read metrics file: {error}", SUBTYPE)]
    return parse_metrics(path, text)


def parse_metrics(path: str, text: str) -> tuple[Metrics, list[Problem]]:
    """The metrics in ``text`` (the content of ``path``) and their problems."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"metrics file is not valid JSON: {error.msg}"
        return Metrics(), [Problem(path, message, SUBTYPE, error.lineno, error.colno)]
    header, problem = _header(path, data)
    if header is None:
        return Metrics(), [problem] if problem else []
    problems: list[Problem] = []
    entries = _valid_items(path, text, header.get("entries", {}), _ENTRY, problems)
    totals = _valid_items(path, text, header.get("totals", {}), _TOTALS, problems)
    metrics = Metrics(
        entries={key: _entry(value) for key, value in entries.items()},
        totals={source: Totals(**value) for source, value in totals.items()},
        unmatched={source: tuple(keys) for source, keys in header.get("unmatched", {}).items()},
    )
    return metrics, problems


def _header(path: str, data: Any) -> tuple[dict[str, Any] | None, Problem | None]:
    try:
        header: dict[str, Any] = _HEADER.validate_python(data)
    except ValidationError as error:
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"]) or "the file"
        message = f"not a sphinx-academic metrics file ({where}: {detail['msg']})"
        return None, Problem(path, message, SUBTYPE, 1)
    if header["version"] > VERSION:
        message = (
            f"metrics file of version {header['version']} is newer than this "
            f"sphinx-academic reads ({VERSION}); upgrade sphinx-academic"
        )
        return None, Problem(path, message, SUBTYPE, 1)
    return header, None


def _valid_items(
    path: str,
    text: str,
    items: dict[str, Any],
    validator: SchemaValidator,
    problems: list[Problem],
) -> dict[str, dict[str, Any]]:
    """The items that fit ``validator``; a problem at its line for each that does not."""
    valid: dict[str, dict[str, Any]] = {}
    for name, value in items.items():
        try:
            valid[name] = validator.validate_python(value)
        except ValidationError as error:
            detail = error.errors()[0]
            where = ".".join(str(part) for part in (name, *detail["loc"]))
            problems.append(
                Problem(path, f"{where}: {detail['msg']}; left out", SUBTYPE, _line_of(text, name))
            )
    return valid


def _entry(value: dict[str, Any]) -> EntryMetrics:
    citations = {
        source: Count(count["count"], count["fetched"], count.get("matched_by", ""))
        for source, count in value.get("citations", {}).items()
    }
    return EntryMetrics(dict(value.get("ids", {})), citations)


def _line_of(text: str, name: str) -> int:
    """The line where ``"name":`` is first written as a key (1 when not found)."""
    found = re.search(rf"{re.escape(json.dumps(name))}\s*:", text)
    return text.count("\n", 0, found.start()) + 1 if found else 1

"""The metrics file (JSON written by ``sphinx-academic metrics``) -> :class:`Metrics`.

The file's format is :class:`~sphinx_academic.model.metrics_schema.MetricsFileModel`.
Never raises on bad content: a file that is not JSON, not this format, or of a newer
version gives one problem and no counts; an entry or total that does not fit the format
gives a problem at its line and is left out, the rest is kept. A missing file is no
problem (the site just has no counts).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.metrics import VERSION, Metrics
from sphinx_academic.model.metrics_schema import MetricsFileModel, MetricsHeader

SUBTYPE = "metrics"

#: The parts of the file made of items (by key) that are left out one by one when wrong.
_ITEMS = ("entries", "totals")


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
    problem = _header_problem(path, data)
    if problem is not None:
        return Metrics(), [problem]
    problems: list[Problem] = []
    while True:
        try:
            return MetricsFileModel.model_validate(data).to_metrics(), problems
        except ValidationError as error:
            errors = error.errors()
        if any(_item_of(detail["loc"]) is None for detail in errors):
            return Metrics(), [_not_this_format(path, errors[0])]
        bad = _first_error_by_item(errors)
        problems += [_item_problem(path, text, item, detail) for item, detail in bad.items()]
        data = _without(data, bad)


def _header_problem(path: str, data: Any) -> Problem | None:
    """One problem when ``data`` is not this format, or a newer version of it."""
    try:
        header = MetricsHeader.model_validate(data)
    except ValidationError as error:
        return _not_this_format(path, error.errors()[0])
    if header.version > VERSION:
        message = (
            f"metrics file of version {header.version} is newer than this "
            f"sphinx-academic reads ({VERSION}); upgrade sphinx-academic"
        )
        return Problem(path, message, SUBTYPE, 1)
    return None


def _not_this_format(path: str, detail: ErrorDetails) -> Problem:
    where = ".".join(str(part) for part in detail["loc"]) or "the file"
    message = f"not a sphinx-academic metrics file ({where}: {_message(detail)})"
    return Problem(path, message, SUBTYPE, 1)


def _item_of(loc: tuple[int | str, ...]) -> tuple[str, str] | None:
    """``("entries", "smith2020")`` for an error inside that entry; None outside items."""
    if len(loc) >= 2 and loc[0] in _ITEMS:
        return str(loc[0]), str(loc[1])
    return None


def _first_error_by_item(errors: list[ErrorDetails]) -> dict[tuple[str, str], ErrorDetails]:
    first: dict[tuple[str, str], ErrorDetails] = {}
    for detail in errors:
        item = _item_of(detail["loc"])
        if item is not None:
            first.setdefault(item, detail)
    return first


def _item_problem(path: str, text: str, item: tuple[str, str], detail: ErrorDetails) -> Problem:
    """``few2020.citations.openalex.count: <why>; left out`` at the item's line."""
    part, name = item
    where = ".".join(str(step) for step in detail["loc"][1:])
    line = _line_of(text, name, after=part)
    return Problem(path, f"{where}: {_message(detail)}; left out", SUBTYPE, line)


def _message(detail: ErrorDetails) -> str:
    # pydantic names the model class ("... or instance of EntryModel"): not the file's words.
    if detail["type"] == "model_type":
        return "Input should be a valid dictionary"
    return detail["msg"]


def _without(data: dict[str, Any], items: dict[tuple[str, str], Any]) -> dict[str, Any]:
    """``data`` without the given items of its ``entries`` and ``totals``."""
    kept = dict(data)
    for part in _ITEMS:
        if part in kept:
            kept[part] = {k: v for k, v in kept[part].items() if (part, k) not in items}
    return kept


def _line_of(text: str, name: str, after: str) -> int:
    """The line where ``"name":`` is first written as a key after the key ``"after":``
    (the same source is a key in an entry's citations and in the totals); 1 when not found."""
    section = _key(after).search(text)
    found = _key(name).search(text, section.end() if section else 0)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _key(name: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(json.dumps(name))}\s*:")

"""Directive options that never make docutils drop a directive.

docutils refuses a directive outright when it has an option its ``option_spec`` does not
name, or a value the option's converter rejects (an empty ``:filter:``, a value given to
a flag): the whole list disappears from the page behind a generic error. The academic
directives wrap their ``option_spec`` in :class:`LenientOptions` instead, which lets such
options through as :class:`OptionProblem` values; the directive reports each one as a
located ``academic.option`` warning (with a did-you-mean for misspelt names) and runs
without it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from docutils.parsers.rst import directives

#: docutils passes ``None`` for an option written without a value.
Converter = Callable[[str], Any]


class OptionProblem(NamedTuple):
    """An option that cannot be used; ``message`` says why."""

    message: str


class LenientOptions(dict[str, Converter]):
    """An ``option_spec`` that accepts every option (see the module docstring).

    Iterating it gives the real options only, as for a plain ``option_spec``.
    """

    def __init__(self, spec: Mapping[str, Converter]) -> None:
        super().__init__({name: _lenient(name, convert) for name, convert in spec.items()})

    def __missing__(self, name: str) -> Converter:
        known = sorted(self)
        hint = difflib.get_close_matches(name, known, n=1)
        suggestion = f" (did you mean :{hint[0]}:?)" if hint else ""
        listing = ", ".join(f":{option}:" for option in known) or "none"
        message = f"unknown option :{name}:{suggestion}; ignored (options: {listing})"
        return lambda value: OptionProblem(message)


#: Values a flag may be given and still mean "on" (MyST accepts any value for a flag).
_ON = frozenset({"", "true", "yes", "on", "1"})


def _lenient(name: str, convert: Converter) -> Converter:
    if getattr(convert, "academic_lenient", False):
        return convert  # already wrapped (a subclass reusing its parent's spec)
    if convert is directives.flag:
        return _flag(name)

    def converted(value: str) -> Any:
        try:
            return convert(value)
        except (ValueError, TypeError) as error:
            if value is None:
                return OptionProblem(f":{name}: {error}; ignored")
            return OptionProblem(f":{name}: {value!r} is not allowed ({error}); ignored")

    converted.academic_lenient = True  # type: ignore[attr-defined]
    return converted


def _flag(name: str) -> Converter:
    def converted(value: str) -> Any:
        if value is None or value.strip().lower() in _ON:
            return None
        return OptionProblem(f":{name}: is on when present and takes no value; {value!r} ignored")

    converted.academic_lenient = True  # type: ignore[attr-defined]
    return converted


def lenient(spec: Mapping[str, Converter] | None) -> LenientOptions | None:
    """``spec`` wrapped once (``None`` stays ``None``: no options at all)."""
    if spec is None or isinstance(spec, LenientOptions):
        return spec
    return LenientOptions(spec)


def usable_options(options: Mapping[str, Any], report: Callable[[str], None]) -> dict[str, Any]:
    """``options`` without the problems, each of which is reported in source order."""
    kept: dict[str, Any] = {}
    for name, value in options.items():
        if isinstance(value, OptionProblem):
            report(value.message)
        else:
            kept[name] = value
    return kept

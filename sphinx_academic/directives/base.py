"""What every academic directive shares: lenient options, located warnings and anchors.

Options never make docutils drop a directive: docutils refuses a directive outright when
it has an option its ``option_spec`` does not name, or a value the option's converter
rejects (an empty ``:filter:``, a value given to a flag), and the whole list disappears
behind a generic error. The directives wrap their ``option_spec`` in
:class:`LenientOptions`, which lets such options through as :class:`OptionProblem`
values; the directive reports each one as a located ``academic.option`` warning (with a
did-you-mean for misspelt names) and runs without it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_academic import diagnostics

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


class AcademicDirective(SphinxDirective):
    """Unknown options and refused values become warnings, not a dropped directive."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = lenient(cls.option_spec)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = usable_options(self.options, lambda message: self.warn(message, "option"))

    def warn(self, message: str, subtype: str) -> None:
        diagnostics.warn(message, self.get_location(), subtype)

    def choice(self, name: str, choices: Sequence[str], default: str) -> str:
        """The option ``name`` (any case), one of ``choices``; ``default`` when it is not
        given, or with a warning when it is none of them (``""``: the option is ignored)."""
        given_value: str | None = self.options.get(name)
        if given_value is None:
            return default
        value = given_value.strip().lower()
        if value in choices:
            return value
        given = f"{value!r} is not one of" if value else "needs a value:"
        instead = f"using {default!r}" if default else "ignored"
        self.warn(f":{name}: {given} {', '.join(choices)}; {instead}", "option")
        return default


_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]")


def unique_anchor(document: nodes.document, key: str, prefix: str = "pub-") -> str:
    """``<prefix><key>``, made unique within the page (an entry may appear twice).

    Unlike ``nodes.make_id`` this keeps the key's case and underscores, so the anchor is
    the key a user knows and keys differing only there do not collide.
    """
    base = prefix + _UNSAFE_ID_CHARS.sub("-", key)
    anchor, counter = base, 1
    while anchor in document.ids:
        counter += 1
        anchor = f"{base}-{counter}"
    return anchor


def register_anchor(document: nodes.document, node: nodes.Element, anchor: str) -> None:
    document.ids[anchor] = node

"""Faster pickling for the frozen, slotted dataclasses of the model.

Speed: the ``__getstate__`` and ``__setstate__`` that :func:`dataclasses.dataclass` gives
a class with ``slots=True`` call :func:`dataclasses.fields` for every object, which
filters the class's fields anew each time. The entries of a bib file (with their names,
spans and dates) are pickled once per build into a file beside the environment and read
back from it, thousands of objects each time; with the field names looked up once, both
take about a third less time. (The profile's records and the problems are named tuples,
which pickle as tuples without any of this.)
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

__all__ = ["compact_pickling"]

_C = TypeVar("_C", bound=type)


def compact_pickling(cls: _C) -> _C:
    """Give a frozen, slotted dataclass a ``__getstate__`` and ``__setstate__`` that use
    its field names as looked up once. The state is the tuple of the field values, in
    field order, as the dataclass's own methods have it (a list there)."""
    names = tuple(field.name for field in dataclasses.fields(cls))
    set_slot = object.__setattr__  # frozen: the class's own __setattr__ refuses
    if len(names) == 1:  # attrgetter of one name gives the bare value, not a tuple
        (only,) = names

        def __getstate__(self: Any) -> tuple[Any, ...]:
            return (getattr(self, only),)

    else:
        values = operator.attrgetter(*names)

        def __getstate__(self: Any) -> tuple[Any, ...]:
            return values(self)  # type: ignore[no-any-return]

    def __setstate__(self: Any, state: tuple[Any, ...] | list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            set_slot(self, name, value)

    # setattr: type checkers know no __setstate__ on an arbitrary class.
    setattr(cls, "__getstate__", __getstate__)  # noqa: B010
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls

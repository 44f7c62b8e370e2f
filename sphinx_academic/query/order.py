"""Sort keys and grouping for publication lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sphinx_academic.model.messages import N_
from sphinx_academic.model.publication import Publication

DEFAULT_SORT = "-year, -month"
GROUPINGS = ("none", "year", "type")

#: Keys with a meaning beyond "the field of that name".
_SPECIAL_KEYS: dict[str, Callable[[Publication], Any]] = {
    "year": lambda pub: pub.year_sort,
    "month": lambda pub: pub.month,
    "key": lambda pub: pub.key.casefold(),
    "type": lambda pub: pub.type,
    "title": lambda pub: pub.title_text.casefold() if pub.title else None,
    "author": lambda pub: pub.authors[0].family.casefold() if pub.authors else None,
    "venue": lambda pub: pub.venue_name.casefold() or None,
    "selected": lambda pub: pub.selected,
}

#: Readable headings for ``:group-by: type``, in the order groups are shown (translated
#: where they are shown).
TYPE_GROUPS: tuple[tuple[str, str], ...] = (
    ("article", N_("Journal articles")),
    ("inproceedings", N_("Conference papers")),
    ("incollection", N_("Book chapters")),
    ("book", N_("Books")),
    ("thesis", N_("Theses")),
    ("report", N_("Technical reports")),
    ("preprint", N_("Preprints")),
    ("other", N_("Other publications")),
)
_TYPE_GROUP_OF = {
    "article": "article",
    "inproceedings": "inproceedings",
    "conference": "inproceedings",
    "proceedings": "book",
    "incollection": "incollection",
    "inbook": "incollection",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "booklet": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
}


class OrderError(ValueError):
    """An unknown sort key or grouping; the message says which."""


@dataclass(frozen=True, slots=True)
class SortKey:
    name: str
    descending: bool


#: Sort keys whose values come from outside the entry: ``citations`` (the metrics file).
EXTERNAL_KEYS = frozenset({"citations"})
#: An entry's citation count (``None``: none), for ``:sort: -citations``.
Citations = Callable[[Publication], int | None]


def parse_sort(spec: str, known_fields: Iterable[str]) -> tuple[SortKey, ...]:
    """``"-year, title"`` -> sort keys; unknown names raise :class:`OrderError`."""
    known = set(_SPECIAL_KEYS) | EXTERNAL_KEYS | set(known_fields)
    keys = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        name = part.lstrip("+-").strip().lower()
        if name not in known:
            raise OrderError(f"unknown sort key {name!r}")
        keys.append(SortKey(name, part.startswith("-")))
    return tuple(keys)


def sort_publications(
    publications: Sequence[Publication],
    keys: Sequence[SortKey],
    citations: Citations | None = None,
) -> list[Publication]:
    """Sort stably on file order; entries without a value go last in either direction.
    ``citations`` gives the counts a ``citations`` key sorts by."""
    ordered = sorted(publications, key=lambda pub: pub.index)
    for sort_key in reversed(keys):
        getter = _getter(sort_key.name)
        if sort_key.name == "citations":
            getter = citations or (lambda pub: None)
        ordered.sort(key=_missing_last(getter, sort_key.descending), reverse=sort_key.descending)
    return ordered


def _getter(name: str) -> Callable[[Publication], Any]:
    return _SPECIAL_KEYS.get(name) or (lambda pub: pub.text(name).casefold() or None)


def _missing_last(
    getter: Callable[[Publication], Any], descending: bool
) -> Callable[[Publication], tuple[Any, ...]]:
    def key(pub: Publication) -> tuple[Any, ...]:
        value = getter(pub)
        present = value is not None
        # With reverse=True larger keys come first: the flag keeps missing values last.
        return (present == descending, value if present else "")

    return key


def group_publications(
    publications: Sequence[Publication], grouping: str, oldest_first: bool = False
) -> list[tuple[str, list[Publication]]]:
    """Split into ``(heading, entries)`` groups; ``none`` gives one group with no heading.
    Years run newest first unless ``oldest_first`` (an ascending ``year`` sort)."""
    if grouping == "none":
        return [("", list(publications))]
    if grouping == "year":
        return _group_by_year(publications, oldest_first)
    if grouping == "type":
        return _group_by_type(publications)
    raise OrderError(f"unknown grouping {grouping!r}; use one of {', '.join(GROUPINGS)}")


def _group_by_year(
    publications: Sequence[Publication], oldest_first: bool
) -> list[tuple[str, list[Publication]]]:
    """Groups by year; work not out yet ("in press") is grouped under its label, after
    every year (before, newest first); entries without a year go last, as "Undated"."""
    groups: dict[tuple[int, str] | None, list[Publication]] = {}
    for pub in publications:
        groups.setdefault(_year_group(pub), []).append(pub)
    # Labels of one year (two ways of saying "in press") keep the list's order.
    dated = sorted(
        (group for group in groups if group is not None),
        key=lambda group: group[0] if oldest_first else -group[0],
    )
    result = [(heading, groups[(year, heading)]) for year, heading in dated]
    if None in groups:
        result.append((N_("Undated"), groups[None]))
    return result


def _year_group(pub: Publication) -> tuple[int, str] | None:
    year = pub.year_sort
    if year is None:
        return None
    return (year, pub.year_label if pub.year is None else str(year))


def _group_by_type(publications: Sequence[Publication]) -> list[tuple[str, list[Publication]]]:
    groups: dict[str, list[Publication]] = {}
    for pub in publications:
        groups.setdefault(type_group(pub), []).append(pub)
    return [(heading, groups[name]) for name, heading in TYPE_GROUPS if name in groups]


def type_group(pub: Publication) -> str:
    """The ``:group-by: type`` group an entry falls in."""
    if pub.is_preprint:
        return "preprint"
    return _TYPE_GROUP_OF.get(pub.type, "other")

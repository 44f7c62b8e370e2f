"""The search box of a publication list (``:search:``): its facets and the data
``academic-search.js`` filters the list's entries with.

The node carries plain data: for each entry its anchor, year, type group, topics,
whether it is selected, and the text free search looks in (title, authors, venue, year,
abstract, topics). The HTML visitor writes the controls and the data; other builders skip
the node, so printed output has no controls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sphinx_academic.locale import _
from sphinx_academic.model.publication import Publication
from sphinx_academic.nodes import academic_search
from sphinx_academic.query.order import TYPE_GROUPS, type_group


class Shown(NamedTuple):
    """An entry of the list and the anchor of its element on the page."""

    anchor: str
    pub: Publication


def search_node(shown: Sequence[Shown], anchor: str) -> academic_search:
    """The controls for the entries ``shown``; ``anchor`` is the id of the controls."""
    node = academic_search("", ids=[anchor], classes=["academic-search"])
    node["entries"] = [_entry_data(entry) for entry in shown]
    node["facets"] = facets(entry.pub for entry in shown)
    node["labels"] = {
        "search": _("Search publications"),
        "placeholder": _("Title, author, venue, topic…"),
        "clear": _("Clear"),
        # {shown} and {total} are filled in by the script.
        "status": _("{shown} of {total} publications"),
    }
    return node


def _entry_data(entry: Shown) -> dict[str, Any]:
    pub = entry.pub
    return {
        "id": entry.anchor,
        "year": year_value(pub),
        "type": type_group(pub),
        "topics": [word.casefold() for word in pub.keywords],
        "selected": pub.selected,
        "text": searchable_text(pub),
    }


def searchable_text(pub: Publication) -> str:
    """What free search looks in: title, authors, editors, venue, year, abstract, topics."""
    parts = [
        pub.title_text,
        *(person.display for person in (*pub.authors, *pub.editors)),
        pub.venue_name,
        str(pub.year) if pub.year is not None else pub.year_label,
        pub.text("abstract"),
        *pub.keywords,
    ]
    return " ".join(part for part in parts if part)


#: The year facet's value for entries without a year.
UNDATED = "undated"


def year_value(pub: Publication) -> str:
    """The year facet's value: the year, else its label (``in press``), else
    :data:`UNDATED`."""
    if pub.year is not None:
        return str(pub.year)
    return pub.year_label or UNDATED


#: One facet: its name (the URL parameter), its label, and its (value, label) chips.
Facet = tuple[str, str, list[tuple[str, str]]]


def facets(entries: Iterable[Publication]) -> list[Facet]:
    """The facets that can narrow the list: those with two or more values (``selected``:
    when some entries are selected and some are not)."""
    pubs = list(entries)
    found: list[Facet] = [
        ("year", _("Year"), _year_chips(pubs)),
        ("type", _("Type"), _type_chips(pubs)),
        ("topic", _("Topic"), _topic_chips(pubs)),
    ]
    result = [facet for facet in found if len(facet[2]) > 1]
    selected = sum(pub.selected for pub in pubs)
    if 0 < selected < len(pubs):
        result.append(("selected", _("Show only"), [("1", _("Selected papers"))]))
    return result


def _year_chips(pubs: Sequence[Publication]) -> list[tuple[str, str]]:
    years = {year_value(pub): pub.year_sort or 0 for pub in pubs}
    undated = years.pop(UNDATED, None)
    chips = [(value, value) for value in sorted(years, key=lambda v: (-years[v], v))]
    return chips + ([(UNDATED, _("Undated"))] if undated is not None else [])


def _type_chips(pubs: Sequence[Publication]) -> list[tuple[str, str]]:
    present = {type_group(pub) for pub in pubs}
    return [(name, _(label)) for name, label in TYPE_GROUPS if name in present]


def _topic_chips(pubs: Sequence[Publication]) -> list[tuple[str, str]]:
    spellings: dict[str, str] = {}
    for pub in pubs:
        for word in pub.keywords:
            spellings.setdefault(word.casefold(), word)
    return sorted(spellings.items(), key=lambda chip: chip[0])

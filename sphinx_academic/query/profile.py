"""Ordering profile entries and selecting news (no Sphinx).

All orders are stable: entries that compare equal keep the order they were written in.
Entries without any date come last in every order, in file order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, get_args

from sphinx_academic.model.dates import PartialDate, SortKey
from sphinx_academic.model.profile_records import Entry, NewsItem

Order = Literal["newest", "oldest", "source"]
ORDERS: tuple[Order, ...] = get_args(Order)

EntryKey = tuple[bool, SortKey, SortKey]


def order_entries(entries: Iterable[Entry], order: str = "newest") -> list[Entry]:
    """``entries`` in ``order``:

    - ``newest``: ongoing entries first, then by end (or single) date, then by start,
      latest first; the usual order of a CV.
    - ``oldest``: by start (or single) date, then by end, earliest first.
    - ``source``: as written.

    :raises ValueError: for another ``order``.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r} (one of {', '.join(ORDERS)})")
    items = list(entries)
    if order == "source":
        return items
    dated = [entry for entry in items if entry.sort_date is not None]
    undated = [entry for entry in items if entry.sort_date is None]
    if order == "newest":
        # reverse=True keeps equal entries in their written order: sorted() is stable.
        return sorted(dated, key=_newest_key, reverse=True) + undated
    return sorted(dated, key=_oldest_key) + undated


def _newest_key(entry: Entry) -> EntryKey:
    return entry.ongoing, _key(entry.end or entry.date or entry.start), _key(entry.start)


def _oldest_key(entry: Entry) -> EntryKey:
    return False, _key(entry.start or entry.date or entry.end), _key(entry.end or entry.date)


def _key(date: PartialDate | None) -> SortKey:
    # Only dated entries are sorted, so None only stands for a missing second date.
    return date.sort_key if date is not None else (-1, 0, 0, 0, 0, "", "")


def news_items(
    items: Iterable[NewsItem], limit: int | None = None, since: PartialDate | None = None
) -> list[NewsItem]:
    """News newest first (stable), only those dated ``since`` or later, at most ``limit``.

    ``since`` compares like dates do: ``since=2023`` keeps ``2023`` and every later date,
    ``since=2023-06`` keeps ``2023-06`` onwards but not a bare ``2023``.
    """
    chosen = [item for item in items if since is None or item.date >= since]
    chosen.sort(key=lambda item: item.date.sort_key, reverse=True)
    return chosen if limit is None else chosen[: max(limit, 0)]


def newest_items(news: Sequence[NewsItem], limit: int) -> list[NewsItem]:
    """The ``limit`` newest items, newest first (all of them for a limit of 0 or less);
    items on one date keep their order in the file."""
    items = sorted(news, key=lambda item: item.date.sort_key, reverse=True)
    return items[:limit] if limit > 0 else items


def news_anchors(items: Sequence[NewsItem]) -> dict[int, str]:
    """``news-2024-05`` (``-2``, ``-3`` for more items on the same date): stable across
    pages and builds, so feed readers keep their place."""
    anchors: dict[int, str] = {}
    seen: dict[str, int] = {}
    for item in items:
        base = f"news-{item.date.isoformat() or 'undated'}"
        seen[base] = seen.get(base, 0) + 1
        anchors[id(item)] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return anchors

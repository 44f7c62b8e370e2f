"""Dates in the project's language, as Sphinx's :func:`~sphinx.util.i18n.format_date`
writes them, with Babel's locale and patterns looked up once per language.

Speed: Sphinx's function looks the locale and the pattern up again for every date, a
tenth of a millisecond each, which was most of the time a page of a thousand dated news
items took to render. Its ``%x`` is Babel's medium date format, ``%b`` and ``%Y`` are the
patterns in :data:`sphinx.util.i18n.date_format_mappings`; applying them here gives the
same text (a test compares both for many dates and languages). A language Babel does
not know goes through Sphinx, which warns and uses English.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import NamedTuple

from babel.core import Locale, UnknownLocaleError
from babel.dates import DateTimePattern, parse_pattern
from sphinx.util.i18n import date_format_mappings, format_date


class _Patterns(NamedTuple):
    locale: Locale
    medium: DateTimePattern
    month: DateTimePattern
    year: DateTimePattern


@functools.lru_cache(maxsize=16)
def _patterns(language: str) -> _Patterns | None:
    try:
        locale = Locale.parse(language or "en")  # Sphinx, too, takes "" for English
        return _Patterns(
            locale,
            parse_pattern(locale.date_formats["medium"]),
            parse_pattern(date_format_mappings["%b"]),
            parse_pattern(date_format_mappings["%Y"]),
        )
    except (ValueError, TypeError, KeyError, UnknownLocaleError):
        return None


def medium_date(value: date, language: str) -> str:
    """Sphinx's ``%x``: ``May 2, 2023``, ``2 mai 2023``, ``02.05.2023``."""
    found = _patterns(language)
    if found is None:
        return format_date("%x", date=value, language=language)  # type: ignore[arg-type]
    return str(found.medium.apply(value, found.locale))


def month_and_year(value: date, language: str) -> str:
    """Sphinx's ``%b %Y``: ``May 2023``, ``mai 2023``."""
    found = _patterns(language)
    if found is None:
        return format_date("%b %Y", date=value, language=language)  # type: ignore[arg-type]
    month = found.month.apply(value, found.locale)
    return f"{month} {found.year.apply(value, found.locale)}"

"""Read profile files (YAML or JSON) into a :class:`~sphinx_academic.model.profile.Profile`.

Three formats are recognised by their content:

- the **native format**: JSON Resume (``basics``, ``work``, ``education``...) plus
  ``news`` (``{date, text, title?, url?}`` items) and custom sections (any other
  top-level list, whose entries take ``name``, ``position`` or ``title``, ``location``,
  ``url``, ``startDate``, ``endDate``, ``date``, ``summary``, ``highlights``; a list of
  plain strings is a ``text`` section). Its text is reStructuredText inline markup.
- **RenderCV** files (a top-level ``cv:``): see :mod:`sphinx_academic.readers.rendercv`.
- al-folio's ``_data/cv.yml`` (a list of ``{title, type, contents}``): see
  :mod:`sphinx_academic.readers.alfolio`.

JSON is told from YAML by the extension (``.json`` / ``.yaml``, ``.yml``), else by the
first character. Reading never raises; what is wrong becomes a located
:class:`~sphinx_academic.diagnostics.Problem`, and the rest of the file still loads. A bad
field is left out of its entry; an entry is only left out when nothing meaningful is left.

Native fields, by section (``title`` / ``subtitle`` / ``organisation`` of :class:`Entry`):
work ``position``/``description``/``name``; volunteer ``position``/-/``organization``;
education ``studyType`` (or ``area``)/``area``/``institution`` (details ``score``,
``courses``); awards ``title``/-/``awarder``; certificates ``name``/-/``issuer``;
publications ``name``/-/``publisher`` (``releaseDate`` is the date); projects
``name``/``description``/``entity`` (details ``roles``, ``type``); skills ``name``/``level``
(keywords); languages ``language``/``fluency``; interests ``name`` (keywords); references
``name`` with the ``reference`` as summary; custom ``position`` or ``title``/-/``name``.

Warning subtypes (``suppress_warnings = ["academic.<subtype>"]``):

``file``
    The file is missing, is a directory, or cannot be read.
``yaml``
    YAML that cannot be read: syntax errors, tabs used for indentation, bytes that are not
    UTF-8, control characters, duplicate keys, refused tags (``!!python/object``), alias
    bombs.
``json``
    The same for JSON files (``json``'s own line and column for syntax errors).
``profile``
    The structure is wrong: an empty file, a value of the wrong type, an unknown key (with
    a did-you-mean), an entry of unknown type, an empty entry.
``date``
    An impossible date (``2020-02-30``), or an end before its start.
``news``
    A news item without a date or without text (it is left out).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable
from typing import Any

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import (
    BASICS,
    CUSTOM_ENTRY,
    NEWS,
    SECTION_RECORDS,
    Basics,
    Entry,
    Link,
    NewsItem,
    Profile,
    Section,
    SectionKind,
    profile_url,
    section_key,
)
from sphinx_academic.model.validation import Record, validate_partial
from sphinx_academic.readers.alfolio import is_alfolio_cv, read_alfolio_cv
from sphinx_academic.readers.rendercv import is_rendercv, read_rendercv, section_title
from sphinx_academic.readers.yamlsafe import DocPath, Document, load_file

__all__ = ["merge_profiles", "read_document", "read_profile", "read_profiles"]


def read_profile(path: str) -> tuple[Profile, list[Problem]]:
    """Read one profile file of any supported format."""
    document, problems = load_file(path)
    if document is None:
        return Profile(sources=(path,)), problems
    profile, found = read_document(document)
    return profile, sorted(problems + found, key=_position)


def _position(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def read_profiles(paths: list[str]) -> tuple[Profile, list[Problem]]:
    """Read several files and merge them (see :func:`merge_profiles`)."""
    profiles: list[Profile] = []
    problems: list[Problem] = []
    for path in paths:
        profile, found = read_profile(path)
        profiles.append(profile)
        problems += found
    return merge_profiles(profiles), problems


def read_document(document: Document) -> tuple[Profile, list[Problem]]:
    """Read loaded data, choosing the format from its shape."""
    data = document.data
    if is_rendercv(data):
        return read_rendercv(document)
    if is_alfolio_cv(data):
        return read_alfolio_cv(document)
    if isinstance(data, dict):
        return _read_native(document)
    found = type(data).__name__ if data is not None else "nothing"
    message = f"expected a mapping of profile sections, found {found}"
    return Profile(sources=(document.path,)), [document.problem((), message, "profile")]


# -- merging -------------------------------------------------------------------------------


def merge_profiles(profiles: Iterable[Profile]) -> Profile:
    """One profile from several, in order.

    Basics fields missing from earlier files are filled from later ones (online profiles
    are joined); sections with the same key (compared loosely) are concatenated under the
    first one's key, title and kind; news and sources are concatenated.
    """
    merged = Profile()
    for profile in profiles:
        merged = Profile(
            _merge_basics(merged.basics, profile.basics),
            _merge_sections(merged.sections, profile.sections),
            merged.news + profile.news,
            merged.sources + profile.sources,
        )
    return merged


def _merge_basics(first: Basics, later: Basics) -> Basics:
    filled = {
        name: getattr(first, name) or getattr(later, name)
        for name in (field.name for field in dataclasses.fields(Basics))
        if name != "profiles"
    }
    links = first.profiles + tuple(link for link in later.profiles if link not in first.profiles)
    return Basics(**filled, profiles=links)


def _merge_sections(first: tuple[Section, ...], later: tuple[Section, ...]) -> tuple[Section, ...]:
    merged = list(first)
    index = {section_key(section.key): n for n, section in enumerate(merged)}
    for section in later:
        n = index.get(section_key(section.key))
        if n is None:
            index[section_key(section.key)] = len(merged)
            merged.append(section)
            continue
        key = merged[n].key
        moved = tuple(dataclasses.replace(entry, section=key) for entry in section.entries)
        merged[n] = dataclasses.replace(merged[n], entries=merged[n].entries + moved)
    return tuple(merged)


# -- the native format ---------------------------------------------------------------------


def _read_native(document: Document) -> tuple[Profile, list[Problem]]:
    basics = Basics()
    sections: list[Section] = []
    news: list[NewsItem] = []
    problems: list[Problem] = []
    for key, value in document.data.items():
        if key in ("$schema", "meta"):
            continue
        if key == "basics":
            basics, found = _read_basics(document, value)
        elif key == "news":
            items, found = _read_news(document, value)
            news += items
        else:
            section, found = _read_section(document, str(key), value)
            sections += [section] if section else []
        problems += found
    return Profile(basics, tuple(sections), tuple(news), (document.path,)), problems


def _text(value: str | None) -> str | None:
    return value if value else None


def _read_basics(document: Document, value: object) -> tuple[Basics, list[Problem]]:
    fields, issues = validate_partial(BASICS, value)
    problems = document.problems_from(("basics",), issues)
    if fields is None:
        return Basics(), problems
    links = fields["profiles"]
    basics = Basics(
        name=_text(fields["name"]),
        label=_text(fields["label"]),
        image=_text(fields["image"]),
        email=_text(fields["email"]),
        phone=_text(fields["phone"]),
        url=_text(fields["url"]),
        summary=_text(fields["summary"]),
        location=_location(fields["location"]),
        profiles=tuple(_link(link["network"], link["username"], link["url"]) for link in links),
        source=document.source(("basics",)),
    )
    return basics, problems


def _link(network: str | None, username: str | None, url: str | None) -> Link:
    network = network or ""
    return Link(network, username or None, url or profile_url(network, username))


def _location(value: str | dict[str, str | None] | None) -> str | None:
    """One line: street, postal code and city, region, country code."""
    if not isinstance(value, dict):
        return _text(value)
    city = " ".join(part for part in (value["postalCode"], value["city"]) if part)
    parts = (value["address"], city, value["region"], value["countryCode"])
    return ", ".join(part for part in parts if part) or None


# -- news ------------------------------------------------------------------------------------


def _read_news(document: Document, value: object) -> tuple[list[NewsItem], list[Problem]]:
    if not isinstance(value, list):
        return [], [document.problem(("news",), "'news' should be a list of items", "profile")]
    items: list[NewsItem] = []
    problems: list[Problem] = []
    for index, raw in enumerate(value):
        item, found = _read_news_item(document, ("news", index), raw)
        problems += found
        if item is not None:
            items.append(item)
    return items, problems


def _read_news_item(
    document: Document, path: DocPath, raw: object
) -> tuple[NewsItem | None, list[Problem]]:
    fields, issues = validate_partial(NEWS, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    date, text = fields["date"], fields["text"]
    if date is None or not text:
        missing = "a date" if date is None else "text"
        message = f"news item without {missing}; it is left out"
        field = "date" if date is None else "text"
        # A date (or text) that was there but refused was just reported: one mistake,
        # one message, which says the item is left out.
        refused = [n for n, issue in enumerate(issues) if issue.path[:1] == (field,)]
        if refused:
            n = refused[0]
            said = problems[n].message.removesuffix("; ignored")
            problems[n] = dataclasses.replace(
                problems[n], message=f"{said}; the news item is left out"
            )
            return None, problems
        return None, [*problems, document.problem(path, message, "news")]
    source = document.source(path)
    title, url = _text(fields["title"]), _text(fields["url"])
    return NewsItem(date, text, title, url, source), problems


# -- sections --------------------------------------------------------------------------------


#: Validated fields -> :class:`Entry` keyword arguments.
Converter = Callable[[dict[str, Any]], dict[str, Any]]


def _read_section(
    document: Document, key: str, value: object
) -> tuple[Section | None, list[Problem]]:
    known = SECTION_RECORDS.get(key)
    if not isinstance(value, list):
        return None, [_not_a_section(document, key, value, known is not None)]
    problems = [] if known else _near_known(document, key)
    kind_of_entry = known or CUSTOM_ENTRY
    kind = _KINDS.get(key, "timeline")
    if value and all(isinstance(item, str) for item in value) and not known:
        kind = "text"  # a custom section of plain lines
    entries: list[Entry] = []
    for index, raw in enumerate(value):
        entry, found = _read_entry(document, key, (key, index), raw, kind_of_entry)
        problems += found
        if entry is not None:
            entries.append(entry)
    title = _TITLES.get(key) or section_title(key)
    return Section(key, title, kind, tuple(entries), document.source((key,))), problems


def _not_a_section(document: Document, key: str, value: object, known: bool) -> Problem:
    if known:
        found = type(value).__name__
        return document.problem(
            (key,), f"{key!r} should be a list, not {found}; ignored", "profile"
        )
    message = f"unknown top-level key {key!r} (a custom section must be a list); ignored"
    # Ignored anyway, so a looser match may help ("wrok" -> "work").
    suggestion = _closest_section(key, cutoff=0.75)
    if suggestion:
        message += f" (did you mean {suggestion!r}?)"
    return document.problem((key,), message, "profile", key=True)


def _near_known(document: Document, key: str) -> list[Problem]:
    """A custom section whose key looks like a misspelt known one gets a hint."""
    suggestion = _closest_section(key)
    if suggestion is None or section_key(key) == suggestion:
        return []
    message = f"{key!r} is read as a custom section; did you mean {suggestion!r}?"
    return [document.problem((key,), message, "profile", key=True)]


def _closest_section(key: str, cutoff: float = 0.8) -> str | None:
    known = [*SECTION_RECORDS, "basics", "news"]
    close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=cutoff)
    return close[0] if close else None


def _read_entry(
    document: Document, key: str, path: DocPath, raw: object, kind: Record
) -> tuple[Entry | None, list[Problem]]:
    source = document.source(path)
    if isinstance(raw, str) and kind is CUSTOM_ENTRY:
        return Entry(key, summary=raw.strip() or None, source=source), []
    fields, issues = validate_partial(kind, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    entry = Entry(key, source=source, **_CONVERTERS[kind](fields))
    if not _meaningful(entry):
        message = "entry without any content; it is left out"
        return None, [*problems, document.problem(path, message, "profile")]
    return entry, problems + _check_period(document, path, entry)


def _meaningful(entry: Entry) -> bool:
    return any((entry.title, entry.organisation, entry.summary, entry.highlights, entry.keywords))


def _check_period(document: Document, path: DocPath, entry: Entry) -> list[Problem]:
    start, end = entry.start, entry.end
    if start is None or end is None or not (start.is_date and end.is_date):
        return []
    if _truncated(end, start) >= _truncated(start, end):
        return []
    message = f"the end ({end}) is before the start ({start})"
    return [document.problem((*path, "endDate"), message, "date")]


def _truncated(date: PartialDate, other: PartialDate) -> tuple[int, ...]:
    """Date parts up to the precision both dates share (2018 vs 2018-05 compares years)."""
    parts = (date.year or 0, date.month, date.day)
    known = min(_known_parts(date), _known_parts(other))
    return tuple(part or 0 for part in parts[:known])


def _known_parts(date: PartialDate) -> int:
    return 1 + (date.month is not None) + (date.day is not None)


# -- per-section conversion ---------------------------------------------------------------


def _dated(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields every dated JSON Resume entry has, as :class:`Entry` keyword arguments."""
    start, end = fields["startDate"], fields["endDate"]
    if end is None and start is not None:
        # JSON Resume: a start without an end is ongoing.
        end = PartialDate(present=True)
    return {
        "url": _text(fields["url"]),
        "location": _text(fields["location"]),
        "start": start,
        "end": end,
        "summary": _text(fields["summary"]),
        "highlights": tuple(text for text in fields["highlights"] if text),
    }


def _details(**values: str | list[str] | None) -> tuple[tuple[str, str], ...]:
    """Non-empty values as ``(name, text)`` pairs; lists are joined with ``; ``."""
    pairs = ((name, "; ".join(v) if isinstance(v, list) else v) for name, v in values.items())
    return tuple((name, text) for name, text in pairs if text)


def _titled(title: str | None, organisation: str | None) -> dict[str, Any]:
    """Title and organisation; an organisation alone becomes the title."""
    if title:
        return {"title": title, "organisation": _text(organisation)}
    return {"title": _text(organisation), "organisation": None}


def _keywords(fields: dict[str, Any]) -> tuple[str, ...]:
    return tuple(keyword for keyword in fields["keywords"] if keyword)


def _work(fields: dict[str, Any]) -> dict[str, Any]:
    subtitle = {"subtitle": _text(fields["description"])}
    return _dated(fields) | _titled(fields["position"], fields["name"]) | subtitle


def _volunteer(fields: dict[str, Any]) -> dict[str, Any]:
    return _dated(fields) | _titled(fields["position"], fields["organization"])


def _education(fields: dict[str, Any]) -> dict[str, Any]:
    study_type, area = fields["studyType"], fields["area"]
    return _dated(fields) | {
        "title": _text(study_type or area),
        "subtitle": _text(area if study_type else None),
        "organisation": _text(fields["institution"]),
        "details": _details(score=fields["score"], courses=fields["courses"]),
    }


def _award(fields: dict[str, Any]) -> dict[str, Any]:
    return _titled(fields["title"], fields["awarder"]) | {
        "date": fields["date"],
        "url": _text(fields["url"]),
        "summary": _text(fields["summary"]),
    }


def _certificate(fields: dict[str, Any]) -> dict[str, Any]:
    return _titled(fields["name"], fields["issuer"]) | {
        "date": fields["date"],
        "url": _text(fields["url"]),
    }


def _publication(fields: dict[str, Any]) -> dict[str, Any]:
    return _titled(fields["name"], fields["publisher"]) | {
        "date": fields["releaseDate"],
        "url": _text(fields["url"]),
        "summary": _text(fields["summary"]),
    }


def _skill(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": _text(fields["name"]),
        "subtitle": _text(fields["level"]),
        "keywords": _keywords(fields),
    }


def _language(fields: dict[str, Any]) -> dict[str, Any]:
    return {"title": _text(fields["language"]), "subtitle": _text(fields["fluency"])}


def _interest(fields: dict[str, Any]) -> dict[str, Any]:
    return {"title": _text(fields["name"]), "keywords": _keywords(fields)}


def _reference(fields: dict[str, Any]) -> dict[str, Any]:
    return {"title": _text(fields["name"]), "summary": _text(fields["reference"])}


def _project(fields: dict[str, Any]) -> dict[str, Any]:
    return (
        _dated(fields)
        | _titled(fields["name"], fields["entity"])
        | {
            "subtitle": _text(fields["description"]),
            "keywords": _keywords(fields),
            "details": _details(roles=fields["roles"], type=fields["type"]),
        }
    )


def _custom(fields: dict[str, Any]) -> dict[str, Any]:
    title = fields["position"] or fields["title"]
    return _dated(fields) | _titled(title, fields["name"]) | {"date": fields["date"]}


#: By the kind of entry it was validated as.
_CONVERTERS: dict[Record, Converter] = {
    SECTION_RECORDS["work"]: _work,
    SECTION_RECORDS["volunteer"]: _volunteer,
    SECTION_RECORDS["education"]: _education,
    SECTION_RECORDS["awards"]: _award,
    SECTION_RECORDS["certificates"]: _certificate,
    SECTION_RECORDS["publications"]: _publication,
    SECTION_RECORDS["skills"]: _skill,
    SECTION_RECORDS["languages"]: _language,
    SECTION_RECORDS["interests"]: _interest,
    SECTION_RECORDS["references"]: _reference,
    SECTION_RECORDS["projects"]: _project,
    CUSTOM_ENTRY: _custom,
}
_KINDS: dict[str, SectionKind] = {
    "skills": "keywords",
    "languages": "keywords",
    "interests": "keywords",
    "references": "text",
}
_TITLES: dict[str, str] = {
    "work": "Work Experience",
    "volunteer": "Volunteering",
    "education": "Education",
    "awards": "Awards",
    "certificates": "Certificates",
    "publications": "Publications",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
    "references": "References",
    "projects": "Projects",
}

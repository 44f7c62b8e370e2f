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
``name``/``description``/``entity`` (details ``roles``, ``type``; an ``image`` for cards);
skills ``name``/``level`` (keywords); languages ``language``/``fluency``; interests ``name``
(keywords); references ``name`` with the ``reference`` as summary; custom ``position`` or
``title``/-/``name`` (and an ``image``).

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
from sphinx_academic.model.messages import N_
from sphinx_academic.model.profile import (
    SECTION_MODELS,
    AwardModel,
    Basics,
    BasicsModel,
    CertificateModel,
    CustomEntryModel,
    DatedModel,
    EducationModel,
    Entry,
    InterestModel,
    LanguageModel,
    Link,
    LocationModel,
    NativeModel,
    NewsItem,
    NewsModel,
    Profile,
    ProjectModel,
    PublicationModel,
    ReferenceModel,
    Section,
    SectionKind,
    SkillModel,
    VolunteerModel,
    WorkModel,
    profile_url,
    section_key,
)
from sphinx_academic.model.validation import validate_partial
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
    read, issues = validate_partial(BasicsModel, value)
    problems = document.problems_from(("basics",), issues)
    if read is None:
        return Basics(), problems
    basics = Basics(
        name=_text(read.name),
        label=_text(read.label),
        image=_text(read.image),
        email=_text(read.email),
        phone=_text(read.phone),
        url=_text(read.url),
        summary=_text(read.summary),
        location=_location(read.location),
        profiles=tuple(_link(link.network, link.username, link.url) for link in read.profiles),
        source=document.source(("basics",)),
    )
    return basics, problems


def _link(network: str | None, username: str | None, url: str | None) -> Link:
    network = network or ""
    return Link(network, username or None, url or profile_url(network, username))


def _location(value: str | LocationModel | None) -> str | None:
    """One line: street, postal code and city, region, country code."""
    if not isinstance(value, LocationModel):
        return _text(value)
    city = " ".join(part for part in (value.postal_code, value.city) if part)
    parts = (value.address, city, value.region, value.country_code)
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
    read, issues = validate_partial(NewsModel, raw)
    problems = document.problems_from(path, issues)
    if read is None:
        return None, problems
    date, text = read.date, read.text
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
    return NewsItem(date, text, _text(read.title), _text(read.url), source), problems


# -- sections --------------------------------------------------------------------------------


def _read_section(
    document: Document, key: str, value: object
) -> tuple[Section | None, list[Problem]]:
    known = SECTION_MODELS.get(key)
    if not isinstance(value, list):
        return None, [_not_a_section(document, key, value, known is not None)]
    problems = [] if known else _near_known(document, key)
    model = known or CustomEntryModel
    kind = _KINDS.get(key, "timeline")
    if value and all(isinstance(item, str) for item in value) and not known:
        kind = "text"  # a custom section of plain lines
    entries: list[Entry] = []
    for index, raw in enumerate(value):
        entry, found = _read_entry(document, key, (key, index), raw, model)
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
    known = [*SECTION_MODELS, "basics", "news"]
    close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=cutoff)
    return close[0] if close else None


def _read_entry(
    document: Document, key: str, path: DocPath, raw: object, model: type[NativeModel]
) -> tuple[Entry | None, list[Problem]]:
    source = document.source(path)
    if isinstance(raw, str) and model is CustomEntryModel:
        return Entry(key, summary=raw.strip() or None, source=source), []
    read, issues = validate_partial(model, raw)
    problems = document.problems_from(path, issues)
    if read is None:
        return None, problems
    entry = Entry(key, source=source, **_CONVERTERS[model](read))
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
#
# Each function turns one kind of validated entry into :class:`Entry` keyword arguments.


def _dated(read: DatedModel) -> dict[str, Any]:
    """Fields every dated JSON Resume entry has."""
    start, end = read.start_date, read.end_date
    if end is None and start is not None:
        # JSON Resume: a start without an end is ongoing.
        end = PartialDate(present=True)
    return {
        "url": _text(read.url),
        "location": _text(read.location),
        "start": start,
        "end": end,
        "summary": _text(read.summary),
        "highlights": tuple(text for text in read.highlights if text),
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


def _keywords(keywords: list[str]) -> tuple[str, ...]:
    return tuple(keyword for keyword in keywords if keyword)


def _work(read: WorkModel) -> dict[str, Any]:
    subtitle = {"subtitle": _text(read.description)}
    return _dated(read) | _titled(read.position, read.name) | subtitle


def _volunteer(read: VolunteerModel) -> dict[str, Any]:
    return _dated(read) | _titled(read.position, read.organization)


def _education(read: EducationModel) -> dict[str, Any]:
    return _dated(read) | {
        "title": _text(read.study_type or read.area),
        "subtitle": _text(read.area if read.study_type else None),
        "organisation": _text(read.institution),
        "details": _details(score=read.score, courses=read.courses),
    }


def _award(read: AwardModel) -> dict[str, Any]:
    return _titled(read.title, read.awarder) | {
        "date": read.date,
        "url": _text(read.url),
        "summary": _text(read.summary),
    }


def _certificate(read: CertificateModel) -> dict[str, Any]:
    return _titled(read.name, read.issuer) | {"date": read.date, "url": _text(read.url)}


def _publication(read: PublicationModel) -> dict[str, Any]:
    return _titled(read.name, read.publisher) | {
        "date": read.release_date,
        "url": _text(read.url),
        "summary": _text(read.summary),
    }


def _skill(read: SkillModel) -> dict[str, Any]:
    return {
        "title": _text(read.name),
        "subtitle": _text(read.level),
        "keywords": _keywords(read.keywords),
    }


def _language(read: LanguageModel) -> dict[str, Any]:
    return {"title": _text(read.language), "subtitle": _text(read.fluency)}


def _interest(read: InterestModel) -> dict[str, Any]:
    return {"title": _text(read.name), "keywords": _keywords(read.keywords)}


def _reference(read: ReferenceModel) -> dict[str, Any]:
    return {"title": _text(read.name), "summary": _text(read.reference)}


def _project(read: ProjectModel) -> dict[str, Any]:
    return (
        _dated(read)
        | _titled(read.name, read.entity)
        | {
            "subtitle": _text(read.description),
            "image": _text(read.image),
            "keywords": _keywords(read.keywords),
            "details": _details(roles=read.roles, type=read.type),
        }
    )


def _custom(read: CustomEntryModel) -> dict[str, Any]:
    titled = _titled(read.position or read.title, read.name)
    return _dated(read) | titled | {"date": read.date, "image": _text(read.image)}


#: By the model an entry was validated as.
_CONVERTERS: dict[type[NativeModel], Callable[[Any], dict[str, Any]]] = {
    WorkModel: _work,
    VolunteerModel: _volunteer,
    EducationModel: _education,
    AwardModel: _award,
    CertificateModel: _certificate,
    PublicationModel: _publication,
    SkillModel: _skill,
    LanguageModel: _language,
    InterestModel: _interest,
    ReferenceModel: _reference,
    ProjectModel: _project,
    CustomEntryModel: _custom,
}


_KINDS: dict[str, SectionKind] = {
    "skills": "keywords",
    "languages": "keywords",
    "interests": "keywords",
    "references": "text",
}
#: The titles of the native format's sections (translated where they are shown).
_TITLES: dict[str, str] = {
    "work": N_("Work Experience"),
    "volunteer": N_("Volunteering"),
    "education": N_("Education"),
    "awards": N_("Awards"),
    "certificates": N_("Certificates"),
    "publications": N_("Publications"),
    "skills": N_("Skills"),
    "languages": N_("Languages"),
    "interests": N_("Interests"),
    "references": N_("References"),
    "projects": N_("Projects"),
}

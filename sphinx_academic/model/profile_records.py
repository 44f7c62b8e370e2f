"""A researcher's profile as the Sphinx layer renders it: :class:`Profile`,
:class:`Section`, :class:`Entry`, :class:`NewsItem`, :class:`Basics`, :class:`Link`,
:class:`Source`.

Frozen dataclasses holding only plain values, so they can live in Sphinx's pickled
environment. Every human text field (names, titles, summaries, highlights, news text,
...) is reStructuredText *inline* markup; readers of other formats convert their markup
into it and escape the rest. URLs, e-mail addresses, phone numbers, image paths and
usernames are plain.

The schemas that validate the native format are in :mod:`sphinx_academic.model.profile`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, get_args
from urllib.parse import quote

from sphinx_academic.model.dates import PartialDate

#: How the renderer shows a section:
#:
#: - ``timeline``: dated entries (title, subtitle, organisation, dates, location, summary,
#:   highlights), e.g. work, education, awards, publications, custom sections.
#: - ``keywords``: a title with keywords and maybe a level (skills, languages, interests).
#: - ``pairs``: ``title: summary`` lines (RenderCV's OneLineEntry, al-folio's ``map``).
#: - ``text``: one paragraph or bullet per entry, its text in ``summary`` (maybe with a
#:   title and highlights), e.g. references, RenderCV's bullets and plain text.
#: - ``numbered`` / ``reversed``: like ``text``, numbered up or down.
SectionKind = Literal["timeline", "keywords", "pairs", "text", "numbered", "reversed"]
SECTION_KINDS: tuple[SectionKind, ...] = get_args(SectionKind)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was written: file, 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """An online profile: ``Link("GitHub", "octocat", "https://github.com/octocat")``."""

    #: Network name as the user wrote it (``GitHub``, ``ORCID``, ...).
    network: str
    #: The user's name or id on that network, when given.
    username: str | None = None
    #: Address of the profile; derived from network and username when not given.
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Basics:
    """Who the profile is about. All fields are optional."""

    name: str | None = None
    #: A headline such as "Associate Professor of Computer Science".
    label: str | None = None
    #: Path or URL of a photo (plain).
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    #: Location as one line of text ("Zurich, Switzerland").
    location: str | None = None
    profiles: tuple[Link, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a section: a job, a degree, an award, a skill, a line of text...

    Which fields are used depends on the section; see the module documentation of
    :mod:`sphinx_academic.readers.profile` for the mapping of each format's fields.
    """

    #: Key of the section this entry belongs to.
    section: str
    #: Main line: position, degree, award or project name, skill, language, label.
    title: str | None = None
    #: Second line: field of study, level, fluency, project description.
    subtitle: str | None = None
    #: Company, institution, awarder, issuer, publisher, journal.
    organisation: str | None = None
    url: str | None = None
    #: Path or URL of a picture for the entry's card (plain; projects, custom sections).
    image: str | None = None
    location: str | None = None
    start: PartialDate | None = None
    #: End of a period; a ``present`` :class:`PartialDate` when it is still going on.
    end: PartialDate | None = None
    #: A single date (award, publication, custom entry).
    date: PartialDate | None = None
    summary: str | None = None
    highlights: tuple[str, ...] = ()
    #: Sub-items of each highlight, parallel to :attr:`highlights`; empty when none nest.
    subitems: tuple[tuple[str, ...], ...] = ()
    keywords: tuple[str, ...] = ()
    #: Authors of a publication entry (RST; the CV owner may be emphasised).
    authors: tuple[str, ...] = ()
    #: Other labelled values: ``("score", "4.0")``, ``("courses", "...")``, ``("doi", ...)``.
    details: tuple[tuple[str, str], ...] = ()
    source: Source | None = None

    @property
    def ongoing(self) -> bool:
        """True when the end is "present"."""
        return self.end is not None and self.end.present

    @property
    def sort_date(self) -> PartialDate | None:
        """The date to order entries by: the end, else the date, else the start."""
        return self.end or self.date or self.start

    def highlight_items(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Each highlight with its sub-items."""
        for index, text in enumerate(self.highlights):
            yield text, self.subitems[index] if index < len(self.subitems) else ()

    def detail(self, name: str) -> str | None:
        """The value of the detail called ``name``, if any."""
        return next((value for key, value in self.details if key == name), None)


@dataclass(frozen=True, slots=True)
class NewsItem:
    """A dated piece of news; ``text`` is RST inline markup."""

    date: PartialDate
    text: str
    title: str | None = None
    url: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled list of entries shown one way (see :data:`SectionKind`)."""

    #: Key used in directives (``.. timeline:: work``) and for merging files.
    key: str
    title: str
    kind: SectionKind
    entries: tuple[Entry, ...] = ()
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything read from one or more profile files."""

    basics: Basics = Basics()
    #: Sections in file order (files in the order given).
    sections: tuple[Section, ...] = ()
    #: News items in file order.
    news: tuple[NewsItem, ...] = ()
    #: The files read, in order.
    sources: tuple[str, ...] = ()

    def section(self, key: str) -> Section | None:
        """The section with this key; keys also match loosely (``Selected Honors`` ==
        ``selected_honors`` == ``selected-honors``)."""
        for section in self.sections:
            if section.key == key:
                return section
        wanted = section_key(key)
        return next((s for s in self.sections if section_key(s.key) == wanted), None)

    def section_keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)


def section_key(text: str) -> str:
    """A normalised key: lower case, runs of other characters as ``_``."""
    return re.sub(r"[\W_]+", "_", text.casefold()).strip("_")


# -- online profile addresses ------------------------------------------------------------

_PROFILE_URLS: dict[str, str] = {
    "linkedin": "https://linkedin.com/in/{}",
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "orcid": "https://orcid.org/{}",
    "googlescholar": "https://scholar.google.com/citations?user={}",
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "bluesky": "https://bsky.app/profile/{}",
    "researchgate": "https://www.researchgate.net/profile/{}",
    "youtube": "https://youtube.com/@{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
    "instagram": "https://instagram.com/{}",
    "telegram": "https://t.me/{}",
    "imdb": "https://imdb.com/name/{}",
    "leetcode": "https://leetcode.com/u/{}",
    "dblp": "https://dblp.org/pid/{}",
    "semanticscholar": "https://www.semanticscholar.org/author/{}",
    "kaggle": "https://kaggle.com/{}",
    "huggingface": "https://huggingface.co/{}",
}


def profile_url(network: str, username: str | None) -> str | None:
    """The address of ``username``'s profile on ``network``, for the networks we know.

    Mastodon handles are ``@user@host``; a username that is already a URL is kept.
    """
    if not username:
        return None
    username = username.strip()
    if username.startswith(("https://", "http://")):
        return username
    name = re.sub(r"[\W_]+", "", network.casefold())
    if name == "mastodon":
        return _mastodon_url(username)
    template = _PROFILE_URLS.get(name)
    if template is None:
        return None
    return template.format(quote(username.lstrip("@"), safe="/-._~"))


def _mastodon_url(handle: str) -> str | None:
    match = re.fullmatch(r"@?([^@\s]+)@([^@\s/]+)", handle)
    if match is None:
        return None
    return f"https://{match.group(2)}/@{quote(match.group(1), safe='-._~')}"

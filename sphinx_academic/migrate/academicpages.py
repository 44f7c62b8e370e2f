"""academicpages (Jekyll, Minimal Mistakes): ``_config.yml``'s ``author`` block, one
Markdown file per publication, talk, teaching item and portfolio item, and the optional
``_data/cv.json`` (JSON Resume with a few older names)."""

from __future__ import annotations

import glob
import html
import html.parser
import os
import re
from typing import Any

from sphinx_academic.migrate.frontmatter import MigrateError, Page, read_data_file, read_page
from sphinx_academic.migrate.outputs import BibPart, Migration
from sphinx_academic.migrate.prose import markdown_text
from sphinx_academic.migrate.values import (
    NO_DEGREE,
    date_or_label,
    date_text,
    entry_of,
    first_paragraph,
    inline,
    link_value,
    network_of,
    plain,
    profile_entry,
    school_of,
    text_of,
    thesis_type,
    title_text,
    web_address,
)
from sphinx_academic.scholarly.bibwriter import entry_text, key_for
from sphinx_academic.scholarly.works import NewWork, month_of, year_of

__all__ = ["migrate"]

#: ``category`` of a publication -> BibTeX type.
_CATEGORIES = {"manuscripts": "article", "conferences": "inproceedings", "books": "book"}
#: A ``category`` (or venue) of a thesis: "thesis", "theses", "dissertations".
_THESIS = re.compile(r"\bthes[ie]s|\bdissertation", re.IGNORECASE)
#: Keys of the author block that are not online profiles.
_PERSONAL = {"avatar", "name", "pronouns", "bio", "location", "employer", "uri", "email"}
#: ``_data/cv.json`` sections read, and the old names renamed in their entries.
_CV_SECTIONS = {
    "work": {"company": "name", "website": "url"},
    "volunteer": {"organization": "organization", "website": "url"},
    "education": {"gpa": "score", "website": "url"},
    "awards": {},
    "certificates": {},
    "skills": {},
    "languages": {},
    "interests": {},
    "references": {},
    "projects": {},
}


def migrate(site: str) -> Migration:
    """The data of the academicpages site in the folder ``site``."""
    config_path = os.path.join(site, "_config.yml")
    if not os.path.isfile(config_path):
        raise MigrateError(f"{site}: no _config.yml here; is this an academicpages site?")
    migration = Migration(site)
    config = read_data_file(config_path)
    author = config.get("author")
    migration.profile["basics"] = _basics(author if isinstance(author, dict) else {}, config)
    image = migration.profile["basics"].get("image", "")
    if image and not image.startswith(("https://", "http://")):
        migration.copy(image, image, config_path)
    _employer(author if isinstance(author, dict) else {}, migration)
    _cv_json(os.path.join(site, "_data", "cv.json"), migration)
    taken: set[str] = set()
    for page in _pages(site, "_publications", migration):
        _publication(page, migration, taken)
    migration.add_section("talks", [_talk(page) for page in _pages(site, "_talks", migration)])
    migration.add_section(
        "teaching", [_teaching(page) for page in _pages(site, "_teaching", migration)]
    )
    migration.add_section(
        "portfolio",
        [_portfolio(page, migration) for page in _pages(site, "_portfolio", migration)],
    )
    posts = _markdown_files(site, "_posts")
    if posts:
        migration.note(
            os.path.join(site, "_posts"),
            f"blog posts are pages, not data: {len(posts)} not converted",
        )
    return migration


def _markdown_files(site: str, folder: str) -> list[str]:
    pattern = os.path.join(glob.escape(os.path.join(site, folder)), "*.md")
    return sorted(path for path in glob.glob(pattern) if os.path.isfile(path))


def _pages(site: str, folder: str, migration: Migration) -> list[Page]:
    """The pages of a collection with front matter, in file-name order."""
    pages = []
    for path in _markdown_files(site, folder):
        page, problems = read_page(path)
        migration.problems += problems
        if page is not None:
            pages.append(page)
    return pages


# -- the profile ---------------------------------------------------------------------------


def _basics(author: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    avatar = text_of(author.get("avatar"))
    basics = {
        "name": plain(author.get("name")) or plain(config.get("name")),
        "label": plain(author.get("bio")),
        "image": _image_path(avatar) if avatar else None,
        "email": text_of(author.get("email")),
        "url": text_of(author.get("uri")) or text_of(config.get("url")),
        "location": plain(author.get("location")),
        "profiles": _profiles(author),
    }
    return {key: value for key, value in basics.items() if value}


def _image_path(avatar: str) -> str:
    """Minimal Mistakes looks an avatar without a folder up in ``images/``."""
    if avatar.startswith(("https://", "http://")) or "/" in avatar:
        return avatar.lstrip("/")
    return f"images/{avatar}"


def _profiles(author: dict[str, Any]) -> list[dict[str, Any]]:
    profiles = []
    for key, value in author.items():
        network = network_of(key) if key not in _PERSONAL else None
        entry = profile_entry(network, value) if network else None
        if entry:
            profiles.append(entry)
    return profiles


def _employer(author: dict[str, Any], migration: Migration) -> None:
    employer = plain(author.get("employer"))
    if employer:
        migration.add_section("work", [{"name": employer}])


def _cv_json(path: str, migration: Migration) -> None:
    """The sections of ``_data/cv.json`` that are not made from the collections (those
    are read from their Markdown files)."""
    if not os.path.isfile(path):
        return
    data = read_data_file(path)
    for name, renames in _CV_SECTIONS.items():
        entries = data.get(name)
        if isinstance(entries, list):
            migration.add_section(name, [_renamed(e, renames) for e in entries if e])
    basics = data.get("basics")
    if isinstance(basics, dict):
        mine = migration.profile.setdefault("basics", {})
        for key in ("phone", "summary", "label"):
            if key not in mine and text_of(basics.get(key)):
                mine[key] = text_of(basics.get(key))


def _renamed(entry: object, renames: dict[str, str]) -> Any:
    if not isinstance(entry, dict):
        return entry
    return {
        renames.get(key, key): value
        for key, value in entry.items()
        if value not in (None, "", [], {})
    }


# -- publications --------------------------------------------------------------------------


def _publication(page: Page, migration: Migration, taken: set[str]) -> None:
    data = page.data
    title = plain(data.get("title"))
    if title is None:
        migration.problems.append(page.problem("a publication without a title; skipped"))
        return
    authors = _authors(page, migration)
    kind, venue = _kind_and_venue(page, migration)
    date = date_text(data.get("date"))
    cited_year = None if date else _citation_year(text_of(data.get("citation")) or "")
    work = NewWork(
        type=kind,
        title=title,
        authors=tuple(authors),
        year=year_of(date) or cited_year,
        month=month_of(date) if date and len(date) > 4 else None,
        venue=venue,
        doi=text_of(data.get("doi")) or "",
        abstract=_abstract(page),
    )
    if cited_year is not None:
        cited = f"{title!r} has no date; the year is the citation's"
        migration.problems.append(page.problem(cited))
    elif date is None:
        migration.problems.append(page.problem(f"{title!r} has no date; written without a year"))
    key = key_for(work, taken)
    extra = []
    for name, field in (("paperurl", "pdf"), ("slidesurl", "slides")):
        value, note, file = link_value(data.get(name))
        if note:
            migration.problems.append(page.problem(note))
        if file:
            migration.copy(file, file, page)
        if value:
            extra.append((field, value))
    migration.bib.append(BibPart(page.path, entry_text(key, work), {key: extra}))


def _kind_and_venue(page: Page, migration: Migration) -> tuple[str, str]:
    """The BibTeX type from the ``category`` (a thesis also from a venue saying
    "thesis"), and the venue; a thesis's venue is its school."""
    category = (text_of(page.data.get("category")) or "").lower()
    venue = plain(page.data.get("venue")) or ""
    kind = _CATEGORIES.get(category, "article" if venue else "misc")
    if _THESIS.search(category) or (category not in _CATEGORIES and _THESIS.search(venue)):
        title = plain(page.data.get("title"))
        kind, named = thesis_type(venue, category, title, text_of(page.data.get("citation")))
        if not named:
            migration.problems.append(page.problem(NO_DEGREE))
        venue = school_of(venue)
    return kind, venue


def _abstract(page: Page) -> str:
    """The ``abstract`` field (some generators write one), else the ``excerpt``, else
    the text of the page, as plain text."""
    for name in ("abstract", "excerpt"):
        text = markdown_text(text_of(page.data.get(name)))
        if text:
            return text
    return markdown_text(page.body) or ""


def _authors(page: Page, migration: Migration) -> list[str]:
    """The authors from a structured field, else (with a note) from the formatted
    citation."""
    for name in ("authors", "author"):
        value = page.data.get(name)
        if isinstance(value, list):
            return [text for text in map(plain, value) if text]
        text = plain(value)
        if text:
            return _split_names(text)
    citation = text_of(page.data.get("citation"))
    names = _citation_authors(citation) if citation else []
    if names:
        migration.problems.append(
            page.problem("authors read from the formatted citation; check their order and spelling")
        )
    else:
        migration.problems.append(page.problem("no authors found; add them to papers.bib"))
    return names


def _split_names(text: str) -> list[str]:
    """``A and B``, ``A; B``, ``A, B, and C`` or ``Smith, J., & Lee, K.`` as a list of
    names; a one-word part after a comma is the given name of the part before it
    (``Lee, K.`` is one name)."""
    if " and " in text and "," not in text.replace(", and ", " and "):
        parts = text.split(" and ")
    elif ";" in text:
        parts = text.split(";")
    else:
        return _paired(re.split(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", text))
    return [name for name in map(_clean_name, parts) if name]


def _paired(parts: list[str]) -> list[str]:
    """Comma-separated parts as names: a given name (one word, or initials) after a
    one-word surname joins it as ``Last, First``; so does the second of only two parts."""
    parts = [part for part in map(_clean_name, parts) if part]
    names: list[str] = []
    surname_open = False
    for part in parts:
        surname = names[-1] if names and surname_open else None
        if surname and _is_given(part) and (" " not in surname or len(parts) == 2):
            names[-1] = f"{surname}, {part}"
            surname_open = False
        else:
            names.append(part)
            surname_open = True
    return names


def _is_given(part: str) -> bool:
    return " " not in part or re.fullmatch(r"(?:\w\.\s*|\w\.-\w\.\s*)+", part) is not None


def _clean_name(part: str) -> str:
    """A name without spaces around it and without a sentence's full stop (an initial's
    stop is kept)."""
    part = part.strip()
    if part.endswith(".") and not re.search(r"(?:^|[\s.])\w\.$", part):
        part = part.rstrip(".")
    return part


_CITATION_AUTHORS = re.compile(r"^(?P<names>.+?)\s*\(\s*(?P<year>\d{4})[a-z]?\s*\)")


def _citation_year(citation: str) -> int | None:
    """The ``(YEAR)`` of an academicpages citation line."""
    found = _CITATION_AUTHORS.match(plain(html.unescape(citation)) or "")
    return year_of(found.group("year")) if found else None


def _citation_authors(citation: str) -> list[str]:
    """The names before ``(YEAR)`` in an academicpages citation line."""
    text = plain(html.unescape(citation)) or ""
    found = _CITATION_AUTHORS.match(text)
    return _split_names(found.group("names")) if found else []


# -- talks, teaching, portfolio ------------------------------------------------------------


def _talk(page: Page) -> dict[str, Any]:
    url = web_address(page.data.get("talk_url")) or web_address(page.data.get("slidesurl"))
    return _teaching(page) | entry_of(url=url)


def _teaching(page: Page) -> dict[str, Any]:
    """A talk or course: what it was, where and when, and its excerpt."""
    data = page.data
    return entry_of(
        title=_typed_title(data),
        name=title_text(data.get("venue")),
        date=date_or_label(data.get("date")),
        location=plain(data.get("location")),
        summary=inline(data.get("excerpt")) or first_paragraph(page.body),
    )


def _portfolio(page: Page, migration: Migration) -> dict[str, Any]:
    data = page.data
    return entry_of(
        title=title_text(data.get("title")) or title_text(os.path.basename(page.path)),
        date=date_text(data.get("date")),
        summary=inline(data.get("excerpt")) or first_paragraph(page.body),
        image=_portfolio_image(page, migration),
    )


def _portfolio_image(page: Page, migration: Migration) -> str | None:
    """A portfolio item's picture, for ``.. timeline:: portfolio`` with ``:style: cards``:
    its ``header.teaser`` (a file of ``/images/``, as the template's archive pages read
    it), else the first ``<img>`` of its excerpt (the template's own items). A file keeps
    its path from the site's root, and is copied."""
    header = page.data.get("header")
    teaser = text_of(header.get("teaser")) if isinstance(header, dict) else None
    if teaser is not None and not web_address(teaser):
        teaser = f"/images/{teaser.lstrip('/')}"
    source = teaser or _first_image(text_of(page.data.get("excerpt")) or "")
    if source is None or web_address(source):
        return source
    image = source.lstrip("/")
    migration.copy(image, image, page)
    return image


class _ImageFinder(html.parser.HTMLParser):
    """The ``src`` of the first ``<img>`` of some HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.source: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and self.source is None:
            self.source = next((value for name, value in attrs if name == "src" and value), None)


def _first_image(text: str) -> str | None:
    finder = _ImageFinder()
    finder.feed(text)
    finder.close()
    return finder.source


def _typed_title(data: dict[str, Any]) -> str | None:
    """The title, followed by the item's ``type`` ("Undergraduate course") unless that is
    just "Talk"."""
    title = title_text(data.get("title"))
    kind = title_text(data.get("type"))
    if kind and kind.lower() != "talk":
        return f"{title} ({kind})" if title else kind
    return title

"""Hugo Blox (Wowchemy, Hugo Academic): one folder per publication (``content/publication/``
or, newer, ``publications/``) with its ``cite.bib``, per event (``event/``, ``events/``),
per post (``post/``, ``blog/``) and per project (:mod:`.hugoprojects`); the authors' data
files and pages (:mod:`.hugoauthors`), and experience in widget pages and landing-page
blocks (:mod:`.hugoexperience`)."""

from __future__ import annotations

import glob
import os
import re
from typing import Any

from sphinx_academic.migrate.frontmatter import MigrateError, Page, read_page
from sphinx_academic.migrate.hugoauthors import organization_work, read_authors, read_profile
from sphinx_academic.migrate.hugoexperience import read_experience
from sphinx_academic.migrate.hugoprojects import featured_image, project_entries
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
    mappings_in,
    plain,
    school_of,
    text_of,
    thesis_type,
    title_text,
    web_address,
)
from sphinx_academic.readers.yamlsafe import read_text
from sphinx_academic.scholarly.bibwriter import entry_text, key_for, verbatim_value
from sphinx_academic.scholarly.matching import normal_arxiv
from sphinx_academic.scholarly.works import NewWork, month_of, year_of

__all__ = ["migrate"]

#: Front matter link fields -> BibTeX fields.
_LINK_FIELDS = {
    "url_pdf": "pdf",
    "url_code": "code",
    "url_slides": "slides",
    "url_video": "video",
    "url_poster": "poster",
    "url_dataset": "website",
    "url_project": "website",
}
#: ``links[].type`` of newer versions -> BibTeX fields.
_LINK_TYPES = {
    "pdf": "pdf",
    "code": "code",
    "slides": "slides",
    "video": "video",
    "poster": "poster",
    "dataset": "website",
    "project": "website",
}
#: ``publication_types``: the old numbers and the CSL names -> BibTeX type.
_TYPES = {
    "1": "inproceedings",
    "2": "article",
    "4": "techreport",
    "5": "book",
    "6": "incollection",
    "7": "phdthesis",  # a thesis: phdthesis or mastersthesis, as the venue or title says
    "paper-conference": "inproceedings",
    "article-journal": "article",
    "report": "techreport",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
}
_FOLDERS = {
    "publications": ("publication", "publications"),
    "events": ("event", "events", "talk"),
    "posts": ("post", "blog"),
    "projects": ("project", "projects"),
}


def migrate(site: str) -> Migration:
    """The data of the Hugo Blox site in the folder ``site``."""
    content = os.path.join(site, "content")
    if not os.path.isdir(content):
        raise MigrateError(f"{site}: no content folder here; is this a Hugo Blox site?")
    migration = Migration(site)
    authors = read_authors(site, migration)
    usernames = authors.names
    if authors.owner is not None:
        read_profile(authors.owner, migration)
        for alias in ("admin", "me"):  # the owner's usual slugs, in author lists
            usernames.setdefault(alias, migration.profile["basics"].get("name", alias))
    read_experience(content, migration)
    if authors.owner is not None and "work" not in migration.profile:
        migration.add_section("work", organization_work(authors.owner))
    taken: set[str] = set()
    for folder in _items(content, "publications"):
        _publication(folder, migration, taken, usernames)
    events = [_event(page) for page in _pages(_items(content, "events"), migration)]
    migration.add_section("talks", [event for event in events if event])
    posts = [_news(page, migration) for page in _pages(_items(content, "posts"), migration)]
    migration.add_section("news", [post for post in posts if post])
    projects = _pages(_items(content, "projects"), migration)
    migration.add_section("projects", project_entries(projects, migration))
    return migration


def _items(content: str, kind: str) -> list[str]:
    """The page bundles (folders with an ``index.md``) of a kind of content."""
    folders = []
    for name in _FOLDERS[kind]:
        pattern = os.path.join(glob.escape(os.path.join(content, name)), "*", "index.md")
        folders += sorted(os.path.dirname(path) for path in glob.glob(pattern))
    return folders


def _pages(folders: list[str], migration: Migration) -> list[Page]:
    pages = []
    for folder in folders:
        page, problems = read_page(os.path.join(folder, "index.md"))
        migration.problems += problems
        if page is None:
            continue
        if page.data.get("draft") is True:
            migration.problems.append(page.problem("a draft; skipped"))
            continue
        pages.append(page)
    return pages


# -- publications --------------------------------------------------------------------------


def _publication(folder: str, migration: Migration, taken: set[str], users: dict[str, str]) -> None:
    page, problems = read_page(os.path.join(folder, "index.md"))
    migration.problems += problems
    cite = os.path.join(folder, "cite.bib")
    if page is not None and page.data.get("draft") is True:
        migration.problems.append(page.problem("a draft; skipped"))
        return
    extra = _links(page, migration) if page is not None else []
    if os.path.isfile(cite):
        text, problems = read_text(cite, "migrate")
        migration.problems += problems
        if text is not None:
            migration.bib.append(BibPart(cite, text, _for_every_key(text, extra)))
        return
    if page is None:
        return
    work = _work(page, users, migration)
    if work is None:
        migration.problems.append(page.problem("a publication without a title; skipped"))
        return
    key = key_for(work, taken)
    migration.bib.append(BibPart(page.path, entry_text(key, work), {key: extra}))


def _for_every_key(text: str, extra: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    from sphinx_academic.readers.bibtex import parse_bibtex

    return {pub.key: extra for pub in parse_bibtex(text, "cite.bib").entries}


def _work(page: Page, users: dict[str, str], migration: Migration) -> NewWork | None:
    data = page.data
    title = plain(data.get("title"))
    if title is None:
        return None
    types = data.get("publication_types") or []
    first = str(types[0]) if isinstance(types, list) and types else str(types or "")
    kind = _TYPES.get(first, "misc")
    date = date_text(data.get("date"))
    ids = _ids(data)
    authors = [users.get(str(name), plain(name)) for name in data.get("authors") or []]
    venue = (plain(data.get("publication")) or "").replace("*", "").removeprefix("In ").strip()
    if kind == "phdthesis":
        kind, named = thesis_type(venue, plain(data.get("title")))
        if not named:
            migration.problems.append(page.problem(NO_DEGREE))
        venue = school_of(venue)
    return NewWork(
        type=kind,
        title=title,
        authors=tuple(name for name in authors if name),
        year=year_of(date),
        month=month_of(date) if date and len(date) > 4 else None,
        venue=venue,
        doi=text_of(data.get("doi")) or text_of(ids.get("doi")) or "",
        arxiv=_arxiv(data) or "",
        abstract=markdown_text(text_of(data.get("abstract"))) or "",
    )


def _ids(data: dict[str, Any]) -> dict[str, Any]:
    """The newer ``hugoblox: ids:`` mapping (``doi``, ``arxiv``)."""
    hugoblox = data.get("hugoblox")
    ids = hugoblox.get("ids") if isinstance(hugoblox, dict) else None
    return ids if isinstance(ids, dict) else {}


def _arxiv(data: dict[str, Any]) -> str | None:
    """The arXiv id: ``hugoblox.ids.arxiv``, a ``links`` entry of type ``preprint``
    from provider ``arxiv``, or an arXiv address in the older ``url_preprint``."""
    found = text_of(_ids(data).get("arxiv"))
    for link in mappings_in(data.get("links")):
        is_arxiv = (text_of(link.get("provider")) or "").lower() == "arxiv"
        if not found and is_arxiv and (text_of(link.get("type")) or "").lower() == "preprint":
            found = text_of(link.get("id"))
    preprint = text_of(data.get("url_preprint")) or ""
    if not found and re.match(r"https?://arxiv\.org/(?:abs|pdf)/", preprint):
        found = normal_arxiv(preprint)
    return found


def _links(page: Page, migration: Migration) -> list[tuple[str, str]]:
    """The BibTeX link fields, ``selected`` and ``preview`` the front matter gives."""
    data = page.data
    wanted = [(field, data.get(name)) for name, field in _LINK_FIELDS.items()]
    for link in mappings_in(data.get("links")):
        kind = (text_of(link.get("type")) or "").lower()
        if kind == "preprint" and (text_of(link.get("provider")) or "").lower() == "arxiv":
            continue  # the arXiv id, written as the entry's ``arxiv``
        field = _LINK_TYPES.get(kind)
        if field is None and text_of(link.get("url")):
            label = text_of(link.get("name")) or kind
            migration.problems.append(page.problem(f"the link {label!r} is not converted"))
        elif field:
            wanted.append((field, link.get("url")))
    extra: list[tuple[str, str]] = []
    for field, value in wanted:
        converted, note, file = link_value(value)
        if note:
            migration.problems.append(page.problem(note))
        if file:
            migration.copy(_link_source(page, file, migration.site), file, page)
        if converted and field not in dict(extra):
            extra.append((field, converted))
    arxiv = _arxiv(data)
    if arxiv:
        extra.append(("arxiv", verbatim_value(arxiv)))
    if data.get("featured") is True:
        extra.append(("selected", "true"))
    preview = _preview(page, migration)
    if preview:
        extra.append(("preview", preview))
    return extra


def _link_source(page: Page, file: str, site: str) -> str:
    """Where a linked file is in the site, from its folder: Hugo serves ``static/`` at
    the site's root, and a page bundle's own files beside its page."""
    in_bundle = os.path.relpath(os.path.join(os.path.dirname(page.path), file), site)
    in_static = os.path.join("static", file)
    if not os.path.isfile(os.path.join(site, in_static)) and os.path.isfile(
        os.path.join(site, in_bundle)
    ):
        return in_bundle
    return in_static


def _preview(page: Page, migration: Migration) -> str | None:
    """The bundle's ``featured`` picture, copied as ``<bundle>-featured.<ext>`` (a bare
    name, looked up in ``academic_preview_dir``)."""
    found = featured_image(page)
    if found is None:
        return None
    target = f"{os.path.basename(os.path.dirname(found))}-{os.path.basename(found)}"
    migration.copy(os.path.relpath(found, migration.site), target, page)
    return target


# -- events and posts ------------------------------------------------------------------------


def _event(page: Page) -> dict[str, Any]:
    data = page.data
    return entry_of(
        title=title_text(data.get("title")),
        name=title_text(data.get("event")) or title_text(data.get("event_name")),
        location=plain(data.get("location")),
        date=date_text(data.get("event_start")) or date_or_label(data.get("date")),
        url=web_address(data.get("event_url")),
        summary=inline(data.get("summary")) or inline(data.get("abstract")),
    )


def _news(page: Page, migration: Migration) -> dict[str, Any] | None:
    data = page.data
    date = date_text(data.get("date"))
    text = inline(data.get("summary")) or first_paragraph(page.body)
    title = title_text(data.get("title"))
    if date is None or not (text or title):
        note = "no date" if date is None else "no text"
        migration.problems.append(page.problem(f"a post with {note}; not made a news item"))
        return None
    return entry_of(date=date, title=title, text=text or title)

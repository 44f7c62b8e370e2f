"""The authors of a Hugo Blox site, and the site owner's profile: the data files of the
newest versions, ``data/authors/<slug>.yaml`` (``schema: hugoblox/author/v1``), and the
author pages of older ones, ``content/authors/<slug>/_index.md``.

Both hold the same things under mostly the same names; where the names differ, both are
read: the name (``title``, or ``name.display``), the links (``social`` or ``profiles``,
or ``links``), the jobs (``work``, or ``experience``), the organisations
(``organizations``, or ``affiliations``).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import Any

from sphinx_academic.migrate.frontmatter import Page, read_data_file, read_page
from sphinx_academic.migrate.hugoexperience import job_entry
from sphinx_academic.migrate.outputs import Migration
from sphinx_academic.migrate.values import (
    date_text,
    entry_of,
    first_paragraph,
    inline,
    mappings_in,
    network_of,
    plain,
    profile_entry,
    text_of,
    web_address,
)

__all__ = ["Authors", "organization_work", "read_authors", "read_profile"]

#: The data files of authors: Hugo reads data in any of these formats.
_DATA_FILES = ("*.yaml", "*.yml", "*.json")
_PHOTOS = (".jpg", ".jpeg", ".png", ".webp")


@dataclass(frozen=True)
class Authors:
    """The site's authors: the owner's data, and every author's slug -> name."""

    owner: Page | None
    names: dict[str, str]


def read_authors(site: str, migration: Migration) -> Authors:
    """The authors' data files and pages. The owner is the author marked ``is_owner``
    (older: ``superuser``), else ``me`` or ``admin``, else the first; the data files are
    looked at first."""
    pages = _data_files(site) + _author_pages(site, migration)
    names = {_slug(page): _cited_name(page.data) or "" for page in pages}
    owner = next((page for page in pages if _is_owner(page.data)), None)
    owner = owner or next((page for page in pages if _slug(page) in ("me", "admin")), None)
    if owner is None and pages:
        owner = pages[0]
    if owner is None:
        migration.note(
            os.path.join(site, "content"),
            "no author (data/authors/<name>.yaml or authors/<name>/_index.md); no basics written",
        )
    return Authors(owner, {slug: name for slug, name in names.items() if name})


def _data_files(site: str) -> list[Page]:
    """The newest layout's author data files, as pages without a body."""
    folder = glob.escape(os.path.join(site, "data", "authors"))
    paths = sorted(path for pattern in _DATA_FILES for path in glob.glob(f"{folder}/{pattern}"))
    return [Page(path, read_data_file(path), "", first_line=2) for path in paths]


def _author_pages(site: str, migration: Migration) -> list[Page]:
    paths = []
    for folder in ("authors", "author"):
        pattern = os.path.join(glob.escape(os.path.join(site, "content", folder)), "*", "_index.md")
        paths += sorted(glob.glob(pattern))
    pages = []
    for path in paths:
        page, problems = read_page(path)
        migration.problems += problems
        if page is not None:
            pages.append(page)
    return pages


def _slug(page: Page) -> str:
    """An author's slug, which publications list them by: the data file's name, or the
    author page's folder."""
    if os.path.basename(page.path) == "_index.md":
        return os.path.basename(os.path.dirname(page.path))
    return os.path.splitext(os.path.basename(page.path))[0]


def _is_owner(data: dict[str, Any]) -> bool:
    return data.get("is_owner") is True or data.get("superuser") is True


def _name(data: dict[str, Any]) -> str | None:
    """``name.display`` (or ``name.given`` and ``name.family``), else ``title``, else
    ``first_name`` and ``last_name``."""
    name = data.get("name")
    if isinstance(name, dict):
        parts = (plain(name.get("given")), plain(name.get("family")))
        return plain(name.get("display")) or " ".join(filter(None, parts)) or None
    parts = (plain(data.get("first_name")), plain(data.get("last_name")))
    return plain(data.get("title")) or " ".join(filter(None, parts)) or None


def _cited_name(data: dict[str, Any]) -> str | None:
    """The name for author lists: ``name.given`` and ``name.family`` when there are
    both (the displayed name may have a title: "Dr. Alex Johnson"), else :func:`_name`."""
    name = data.get("name")
    if isinstance(name, dict) and plain(name.get("given")) and plain(name.get("family")):
        return f"{plain(name.get('given'))} {plain(name.get('family'))}"
    return _name(data)


# -- the owner's profile ---------------------------------------------------------------------


def read_profile(page: Page, migration: Migration) -> None:
    """The owner's ``basics`` and the CV sections their data has."""
    data = page.data
    migration.profile["basics"] = _basics(page, migration)
    jobs = mappings_in(data.get("work")) or mappings_in(data.get("experience"))
    migration.add_section("work", [job_entry(job) for job in jobs])
    migration.add_section("education", _education(data.get("education")))
    awards = mappings_in(data.get("awards"))
    migration.add_section("awards", [_award(award) for award in awards])
    migration.add_section("skills", [_skill(skill) for skill in mappings_in(data.get("skills"))])
    languages = [_language(lang) for lang in mappings_in(data.get("languages"))]
    migration.add_section("languages", [lang for lang in languages if lang.get("language")])
    interests = [text for text in map(plain, data.get("interests") or []) if text]
    if interests:
        migration.add_section("interests", [{"name": "Research interests", "keywords": interests}])


def organization_work(page: Page) -> list[dict[str, Any]]:
    """The first of the owner's ``organizations`` (newer: ``affiliations``) as a
    ``work`` entry, for a profile without one."""
    data = page.data
    organizations = mappings_in(data.get("organizations")) or mappings_in(data.get("affiliations"))
    entries = [_organization(org) for org in organizations]
    return [entry for entry in entries if entry][:1]


def _basics(page: Page, migration: Migration) -> dict[str, Any]:
    data = page.data
    basics: dict[str, Any] = {
        "name": _name(data),
        "label": plain(data.get("role")),
        "email": text_of(data.get("email")),
        "summary": inline(data.get("bio")) or first_paragraph(page.body),
    }
    basics["image"] = _photo(page, migration)
    basics["profiles"] = _social(page, basics, migration)
    return {key: value for key, value in basics.items() if value}


def _photo(page: Page, migration: Migration) -> str | None:
    """The author's photo: ``avatar.*`` beside an author page, or the data file's
    ``assets/media/authors/<slug>.*``."""
    if os.path.basename(page.path) == "_index.md":
        folder, stem = os.path.dirname(page.path), "avatar"
    else:
        site = os.path.dirname(os.path.dirname(os.path.dirname(page.path)))
        folder, stem = os.path.join(site, "assets", "media", "authors"), _slug(page)
    for extension in _PHOTOS:
        path = os.path.join(folder, stem + extension)
        if os.path.isfile(path):
            name = "avatar" + extension
            migration.copy(os.path.relpath(path, migration.site), name, page)
            return name
    return None


def _social(page: Page, basics: dict[str, Any], migration: Migration) -> list[dict[str, Any]]:
    """``social`` (older: ``icon``, ``link``), ``profiles`` and ``links`` (newer:
    ``icon``, ``url``, ``label``)."""
    data = page.data
    profiles = []
    for item in [
        item for name in ("social", "profiles", "links") for item in mappings_in(data.get(name))
    ]:
        link = text_of(item.get("link")) or text_of(item.get("url"))
        icon = text_of(item.get("icon")) or ""
        if link and link.startswith("mailto:"):
            basics["email"] = basics.get("email") or link.removeprefix("mailto:")
            continue
        network = network_of(icon)
        entry = profile_entry(network, link) if network and link else None
        if entry is None and link and link.startswith(("https://", "http://")):
            entry = {"network": plain(item.get("label")) or icon or "Web", "url": link}
        if entry is None:
            migration.problems.append(page.problem(f"the link {link or icon!r} is not converted"))
        else:
            profiles.append(entry)
    return profiles


def _organization(org: dict[str, Any]) -> dict[str, Any] | None:
    name = plain(org.get("name"))
    return entry_of(name=name, url=web_address(org.get("url"))) if name else None


def _education(value: object) -> list[dict[str, Any]]:
    """Older: ``courses`` of ``course``, ``institution``, ``year``; newer: a list of
    ``area`` or ``degree``, ``institution``, ``date_start`` or ``start``, ``date_end``
    or ``end``, ``summary``."""
    if isinstance(value, dict):
        return [
            entry_of(
                studyType=plain(c.get("course")),
                institution=plain(c.get("institution")),
                endDate=date_text(c.get("year")),
            )
            for c in mappings_in(value.get("courses"))
        ]
    return [
        entry_of(
            studyType=plain(degree.get("area")) or plain(degree.get("degree")),
            institution=plain(degree.get("institution")),
            startDate=date_text(degree.get("date_start")) or date_text(degree.get("start")),
            endDate=date_text(degree.get("date_end")) or date_text(degree.get("end")),
            summary=inline(degree.get("summary")),
        )
        for degree in mappings_in(value)
    ]


def _award(award: dict[str, Any]) -> dict[str, Any]:
    return entry_of(
        title=plain(award.get("title")),
        awarder=plain(award.get("awarder")),
        date=date_text(award.get("date")),
        url=web_address(award.get("url")),
        summary=inline(award.get("summary")),
    )


def _skill(skill: dict[str, Any]) -> dict[str, Any]:
    """A group of skills: its ``name`` and its items' ``name`` (newer: ``label``)."""
    items = [
        plain(item.get("name")) or plain(item.get("label"))
        for item in mappings_in(skill.get("items"))
    ]
    return entry_of(name=plain(skill.get("name")), keywords=[item for item in items if item])


def _first_text(item: dict[str, Any], *names: str) -> str | None:
    return next((text for text in (plain(item.get(name)) for name in names) if text), None)


def _language(language: dict[str, Any]) -> dict[str, Any]:
    """A language: its ``name``, and its ``label`` ("Native", "Fluent") as the fluency."""
    return entry_of(language=plain(language.get("name")), fluency=plain(language.get("label")))

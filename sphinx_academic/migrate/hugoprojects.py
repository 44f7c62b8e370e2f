"""The projects of a Hugo Blox site: one page bundle each, ``content/project/<name>/``
(older versions) or ``content/projects/<name>/``, made entries of the profile's
``projects`` section."""

from __future__ import annotations

import os
from typing import Any

from sphinx_academic.migrate.frontmatter import Page
from sphinx_academic.migrate.outputs import Migration
from sphinx_academic.migrate.prose import markdown_text
from sphinx_academic.migrate.values import (
    date_text,
    entry_of,
    first_paragraph,
    inline,
    mappings_in,
    plain,
    title_text,
    web_address,
)

__all__ = ["FEATURED_IMAGES", "featured_image", "project_entries"]

#: The names a page bundle's picture has (Hugo Blox shows the first found).
FEATURED_IMAGES = ("featured.jpg", "featured.jpeg", "featured.png", "featured.webp", "featured.svg")
#: Older front matter's link fields, the address of the project first.
_LINK_FIELDS = ("external_link", "url_project", "url_code")


def featured_image(page: Page) -> str | None:
    """The bundle's picture: its path from the site's folder, if it has one."""
    folder = os.path.dirname(page.path)
    for name in FEATURED_IMAGES:
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def project_entries(pages: list[Page], migration: Migration) -> list[dict[str, Any]]:
    """The ``projects`` entries of the projects' pages, newest first."""
    entries = [entry for entry in (_project(page, migration) for page in pages) if entry]
    if entries:
        hint = "on a page, '.. timeline:: projects' with ':style: cards' shows them as cards"
        migration.note(os.path.dirname(os.path.dirname(pages[0].path)), hint)
    return sorted(entries, key=lambda entry: entry.get("startDate", ""), reverse=True)


def _project(page: Page, migration: Migration) -> dict[str, Any] | None:
    data = page.data
    name = title_text(data.get("title"))
    if name is None:
        migration.problems.append(page.problem("a project without a title; skipped"))
        return None
    url = _address(data)
    summary = inline(data.get("summary"))
    if not web_address(data.get("external_link")) and markdown_text(page.body):
        migration.problems.append(
            page.problem("the project's page is not migrated: keep it as a page")
        )
    tags = data.get("tags")
    return entry_of(
        name=name,
        description=summary or first_paragraph(page.body),
        url=url,
        startDate=date_text(data.get("date")),
        keywords=[tag for tag in map(plain, tags) if tag] if isinstance(tags, list) else None,
        image=_image(page, migration),
    )


def _address(data: dict[str, Any]) -> str | None:
    """Where the project is: the older ``external_link`` (or ``url_project``,
    ``url_code``), else the first web address of the newer ``links``."""
    for name in _LINK_FIELDS:
        address = web_address(data.get(name))
        if address:
            return address
    links = (web_address(link.get("url")) for link in mappings_in(data.get("links")))
    return next((address for address in links if address), None)


def _image(page: Page, migration: Migration) -> str | None:
    """The bundle's ``featured`` picture, copied as ``projects/<bundle>-featured.<ext>``."""
    found = featured_image(page)
    if found is None:
        return None
    bundle = os.path.basename(os.path.dirname(page.path))
    target = f"projects/{bundle}-{os.path.basename(found)}"
    migration.copy(os.path.relpath(found, migration.site), target, page)
    return target

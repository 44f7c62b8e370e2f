"""Work experience in a Hugo Blox site, outside the author page: the experience widget
of older versions (one page per widget, in ``content/home/`` or ``content/about/``, its
items in ``experience``) and the ``experience`` block of landing pages (``sections``,
its items in ``content.items``).

Experience written as text (a Markdown widget or block, a list in a page body) has no
fields to read: each such page is named once in a note, and nothing is guessed from it.
"""

from __future__ import annotations

import glob
import os
from typing import Any

from sphinx_academic.migrate.frontmatter import Page, read_page
from sphinx_academic.migrate.outputs import Migration
from sphinx_academic.migrate.values import (
    date_text,
    entry_of,
    inline,
    mappings_in,
    plain,
    text_of,
    web_address,
    without_template_tags,
)

__all__ = ["job_entry", "read_experience"]

#: Folders of widget pages (older versions) and the landing pages that hold blocks.
_PAGE_PATTERNS = ("home/*.md", "about/*.md", "*.md", "*/index.md", "*/_index.md")
#: Widgets and blocks whose content is free text.
_TEXT_WIDGETS = frozenset({"markdown", "custom", "blank"})
_NOT_MIGRATED = "experience written as text ({}) is not migrated: add it to 'work' by hand"


def job_entry(job: dict[str, Any]) -> dict[str, Any]:
    """A ``work`` entry from an experience item, in any of Hugo Blox's spellings:
    ``title``/``position``/``role``, ``company``/``company_name``/``org``,
    ``date_start``/``start``, ``date_end``/``end``, ``description``/``summary``."""
    return entry_of(
        position=_first_text(job, "position", "title", "role"),
        name=_first_text(job, "company_name", "company", "org"),
        url=web_address(job.get("company_url")),
        location=plain(job.get("location")),
        startDate=date_text(job.get("date_start")) or date_text(job.get("start")),
        endDate=date_text(job.get("date_end")) or date_text(job.get("end")),
        summary=inline(job.get("summary")) or inline(job.get("description")),
    )


def _first_text(item: dict[str, Any], *names: str) -> str | None:
    return next((text for text in (plain(item.get(name)) for name in names) if text), None)


def read_experience(content: str, migration: Migration) -> None:
    """Add the experience items of every widget page and landing page under ``content``
    to ``work``; note each page whose experience is free text."""
    for path in _candidate_pages(content):
        page, problems = read_page(path)
        if page is None or page.data.get("draft") is True:
            continue  # a page without front matter is no widget, and is not reported
        migration.problems += problems
        items, text_kind = _page_experience(page)
        for item in items:
            _add_job(job_entry(item), migration)
        if text_kind:
            migration.problems.append(page.problem(_NOT_MIGRATED.format(text_kind)))


def _add_job(job: dict[str, Any], migration: Migration) -> None:
    """Add a ``work`` entry; the same job (position, organisation and start) met before,
    on the author page or another page, gets only the fields it lacked."""
    same = _job_key(job)
    for known in migration.profile.get("work", []):
        if _job_key(known) == same:
            for field, value in job.items():
                known.setdefault(field, value)
            return
    migration.add_section("work", [job])


def _job_key(job: dict[str, Any]) -> tuple[object, ...]:
    return tuple(job.get(field) for field in ("position", "name", "startDate"))


def _candidate_pages(content: str) -> list[str]:
    folder = glob.escape(content)
    found = (glob.glob(os.path.join(folder, pattern)) for pattern in _PAGE_PATTERNS)
    paths = {path for paths in found for path in paths}
    return sorted(path for path in paths if os.path.isfile(path))


def _page_experience(page: Page) -> tuple[list[dict[str, Any]], str | None]:
    """The structured items of a page, and what kind of free text holds experience on
    it (``None``: none does)."""
    widget = (text_of(page.data.get("widget")) or text_of(page.data.get("block")) or "").lower()
    if widget == "experience":
        return mappings_in(page.data.get("experience")), None
    sections = mappings_in(page.data.get("sections"))
    items = [item for section in sections for item in _block_items(section)]
    text_kinds = [f"a {_block_name(s)} block" for s in sections if _is_text_block(s)]
    is_text_page = widget in _TEXT_WIDGETS or not (widget or sections)
    about = _is_about_experience(page.path, page.data.get("title"))
    if is_text_page and about and _has_text(page.body):
        text_kinds.insert(0, f"a {widget} widget" if widget else "the text of the page")
    return items, (text_kinds[0] if text_kinds else None)


def _block_name(section: dict[str, Any]) -> str:
    return (text_of(section.get("block")) or "").lower()


def _block_content(section: dict[str, Any]) -> dict[str, Any]:
    content = section.get("content")
    return content if isinstance(content, dict) else {}


def _block_items(section: dict[str, Any]) -> list[dict[str, Any]]:
    """The items of an ``experience`` block."""
    if _block_name(section) != "experience":
        return []
    return mappings_in(_block_content(section).get("items"))


def _is_text_block(section: dict[str, Any]) -> bool:
    """Whether a block is Markdown text about experience."""
    content = _block_content(section)
    return (
        _block_name(section) in _TEXT_WIDGETS
        and _is_about_experience("", content.get("title"))
        and _has_text(text_of(content.get("text")) or "")
    )


def _is_about_experience(path: str, title: object) -> bool:
    name = os.path.splitext(os.path.basename(path))[0].lower()
    return name == "experience" or "experience" in (plain(title) or "").lower()


def _has_text(body: str) -> bool:
    return bool(without_template_tags(body).strip())

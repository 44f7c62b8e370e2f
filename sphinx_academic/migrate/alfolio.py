"""al-folio (Jekyll): the name and site address in ``_config.yml``, the about page
(``_pages/about.md``), the online profiles (``_data/socials.yml``, or ``_config.yml`` in
older versions), one Markdown file per announcement (``_news``), project (``_projects``)
and course (``_teachings``), and ``_bibliography/papers.bib``, which is kept as it is.

The CV (``_data/cv.yml`` or ``assets/json/resume.json``) is a format the build reads: it
is copied beside the profile, not converted (see
:func:`~sphinx_academic.migrate.alfoliofiles.cv_file`).
"""

from __future__ import annotations

import glob
import os
import re
from typing import Any

from sphinx_academic.migrate.alfoliofiles import bibliography, cv_file
from sphinx_academic.migrate.alfoliosocials import SOCIAL_KEYS, social_profiles
from sphinx_academic.migrate.frontmatter import MigrateError, Page, read_data_file, read_page
from sphinx_academic.migrate.outputs import Migration
from sphinx_academic.migrate.prose import markdown_text
from sphinx_academic.migrate.values import (
    date_text,
    entry_of,
    first_paragraph,
    inline,
    plain,
    text_of,
    title_text,
    web_address,
)
from sphinx_academic.readers.markup import escape_rst

__all__ = ["migrate"]

#: Liquid's site address in a text: ``{{ site.url }}``, ``{{ site.baseurl }}``.
_SITE_VARIABLE = re.compile(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}")
#: ``{{ '/path/' | relative_url }}`` (or ``absolute_url``, ``prepend: site.baseurl``).
_URL_FILTER = re.compile(
    r"\{\{-?\s*(['\"])(?P<path>[^'\"]*)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)"
    r"\s*-?\}\}"
)
#: Any other Liquid output tag.
_LIQUID_OUTPUT = re.compile(r"\{\{.*?\}\}", re.DOTALL)
#: A link to a path of the site in Markdown (``](/x)``) or HTML (``href="/x"``).
_ROOT_LINK = re.compile(r"(\]\(\s*<?|href=[\"'])/(?!/)")
#: The block elements that part the lines of the about page's ``more_info``.
_HTML_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li)>", re.IGNORECASE)
_DATE_IN_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def migrate(site: str) -> Migration:
    """The data of the al-folio site in the folder ``site``."""
    config_path = os.path.join(site, "_config.yml")
    if not os.path.isfile(config_path):
        raise MigrateError(f"{site}: no _config.yml here; is this an al-folio site?")
    config = read_data_file(config_path)
    migration = Migration(site)
    about = _about_page(site, migration)
    migration.profile["basics"] = _basics(site, config, about, migration)
    address = _site_address(config)
    if address:  # for the news feed, and the pages' canonical addresses
        migration.advice.append(f"html_baseurl = {address + '/'!r}")
    migration.add_section("news", _news(site, config, migration))
    migration.add_section("projects", _projects(site, migration))
    migration.add_section("teaching", _teachings(site, migration))
    bibliography(site, config, migration)
    cv_file(site, migration)
    _not_converted(site, migration)
    return migration


def _site_address(config: dict[str, Any]) -> str | None:
    """``url`` and ``baseurl`` of ``_config.yml``: where the old site is."""
    url = web_address(config.get("url"))
    if url is None:
        return None
    return url.rstrip("/") + "/" + (text_of(config.get("baseurl")) or "").strip("/")


def _markdown_files(site: str, folder: str) -> list[str]:
    """The Markdown files of a collection, its subfolders too, by path."""
    root = glob.escape(os.path.join(site, folder))
    found = {
        path
        for ending in ("md", "markdown")
        for path in glob.glob(os.path.join(root, "**", f"*.{ending}"), recursive=True)
    }
    return sorted(path for path in found if os.path.isfile(path))


def _pages(site: str, folder: str, migration: Migration) -> list[Page]:
    """The published pages of a collection, with front matter."""
    pages = []
    for path in _markdown_files(site, folder):
        page, problems = read_page(path)
        migration.problems += problems
        if page is None:
            continue
        if page.data.get("published") is False:
            migration.problems.append(page.problem("not published; skipped"))
            continue
        pages.append(page)
    return pages


# -- the profile ---------------------------------------------------------------------------


def _about_page(site: str, migration: Migration) -> Page | None:
    path = os.path.join(site, "_pages", "about.md")
    if not os.path.isfile(path):
        migration.note(os.path.join(site, "_pages"), "no about.md: the profile has no summary")
        return None
    page, problems = read_page(path)
    migration.problems += problems
    return page


def _basics(
    site: str, config: dict[str, Any], about: Page | None, migration: Migration
) -> dict[str, Any]:
    socials = _socials(site, config, migration)
    front = about.data if about is not None else {}
    profile = _mapping(front.get("profile"))
    basics = {
        "name": _name(config),
        "label": plain(front.get("subtitle")) or plain(front.get("description")),
        "image": _image(profile, about, migration),
        "email": text_of(socials.get("email")) or text_of(config.get("email")),
        "url": _site_address(config),
        "location": _lines(profile.get("more_info")) or _lines(profile.get("address")),
        "summary": _summary(about),
        "profiles": social_profiles(socials)[0],
    }
    return {key: value for key, value in basics.items() if value}


def _mapping(value: object) -> dict[str, Any]:
    """A mapping value; an empty one for any other value."""
    return value if isinstance(value, dict) else {}


def _name(config: dict[str, Any]) -> str | None:
    """``first_name``, ``middle_name`` and ``last_name``; else the site's ``title``."""
    parts = [plain(config.get(key)) for key in ("first_name", "middle_name", "last_name")]
    name = " ".join(part for part in parts if part)
    title = plain(config.get("title"))
    return name or (title if title and title != "blank" else None)


def _socials(site: str, config: dict[str, Any], migration: Migration) -> dict[str, Any]:
    """``_data/socials.yml``, or the social keys and ``email`` of ``_config.yml`` in older
    versions; the keys that are not made profiles are named in a note."""
    path = os.path.join(site, "_data", "socials.yml")
    if os.path.isfile(path):
        data = read_data_file(path)
    else:
        path = os.path.join(site, "_config.yml")
        data = {key: value for key, value in config.items() if key in SOCIAL_KEYS | {"email"}}
    left_out = social_profiles(data)[1]
    if left_out:
        migration.note(path, f"not made online profiles: {', '.join(left_out)}", 1)
    return data


def _image(profile: dict[str, Any], about: Page | None, migration: Migration) -> str | None:
    """The photo: al-folio looks it up in ``assets/img/``."""
    name = text_of(profile.get("image"))
    if name is None or about is None:
        return None
    if web_address(name):
        return name
    image = f"assets/img/{name.lstrip('/')}"
    migration.copy(image, image, about)
    return image


def _lines(html: object) -> str | None:
    """The lines of an HTML snippet (``<p>`` or ``<br>`` apart) as one line, with commas."""
    text = text_of(html)
    if text is None:
        return None
    lines = [plain(line) for line in _HTML_LINE_BREAK.split(text)]
    return escape_rst(", ".join(line for line in lines if line)) or None


def _summary(about: Page | None) -> str | None:
    """The text of the about page, as plain text."""
    if about is None:
        return None
    text = markdown_text(_LIQUID_OUTPUT.sub(" ", about.body))
    return escape_rst(text) if text else None


# -- news ----------------------------------------------------------------------------------


def _news(site: str, config: dict[str, Any], migration: Migration) -> list[dict[str, Any]]:
    items = []
    for page in _pages(site, "_news", migration):
        item = _announcement(page, site, config, migration)
        if item is not None:
            items.append(item)
    return sorted(items, key=lambda item: item["date"], reverse=True)


def _announcement(
    page: Page, site: str, config: dict[str, Any], migration: Migration
) -> dict[str, Any] | None:
    """An inline announcement: its text. A full one: its title, its first paragraph and
    the address it had."""
    date = date_text(page.data.get("date"))
    found = _DATE_IN_NAME.match(os.path.basename(page.path))
    date = date or (found.group(1) if found else None)
    body = _with_site_links(page.body, _site_address(config))
    if page.data.get("inline") is True:
        text = inline(_paragraphs(body))
        title = None
        url = None
    else:
        text = first_paragraph(body)
        title = title_text(page.data.get("title"))
        url = _page_address(page, site, config, "news")
    if date is None or not (text or title):
        note = "no date" if date is None else "no text"
        migration.problems.append(
            page.problem(f"an announcement with {note}; not made a news item")
        )
        return None
    return entry_of(date=date, title=title, text=text or title, url=url)


def _paragraphs(markdown: str) -> str:
    """A short Markdown text on one line (its paragraphs joined)."""
    return " ".join(markdown.split())


def _with_site_links(text: str, address: str | None) -> str:
    """``text`` with Liquid's site address filled in and links to paths of the site made
    web addresses (when the site's ``url`` is known); other Liquid output left out."""
    base = address or ""
    text = _SITE_VARIABLE.sub("", text) if not address else _site_variables(text, base)
    text = _URL_FILTER.sub(lambda found: base + "/" + found.group("path").lstrip("/"), text)
    text = _LIQUID_OUTPUT.sub(" ", text)
    return _ROOT_LINK.sub(lambda found: found.group(1) + base + "/", text) if address else text


def _site_variables(text: str, base: str) -> str:
    """``{{ site.url }}{{ site.baseurl }}`` (or either alone) as the site's address."""
    return re.sub(r"(?:" + _SITE_VARIABLE.pattern + r")+", lambda _: base, text)


def _page_address(page: Page, site: str, config: dict[str, Any], name: str) -> str | None:
    """Where Jekyll put the page of a collection item: the page's ``permalink``, else the
    collection's (``/news/:path/`` in al-folio's ``_config.yml``), on the old site."""
    address = _site_address(config)
    if address is None:
        return None
    collection = _mapping(_mapping(config.get("collections")).get(name))
    pattern = text_of(page.data.get("permalink")) or text_of(collection.get("permalink"))
    relative = os.path.relpath(page.path, os.path.join(site, f"_{name}"))
    stem = os.path.splitext(relative)[0].replace(os.sep, "/")
    path = (pattern or f"/{name}/:path/").replace(":collection", name)
    for placeholder in (":path", ":name", ":title", ":slug"):
        path = path.replace(placeholder, stem)
    return address + "/" + path.replace(":output_ext", ".html").lstrip("/")


# -- projects and courses ------------------------------------------------------------------


def _projects(site: str, migration: Migration) -> list[dict[str, Any]]:
    """The projects, by ``importance`` (those without one last)."""
    pages = _pages(site, "_projects", migration)
    ordered = sorted(pages, key=lambda page: (_importance(page) is None, _importance(page) or 0))
    entries = [entry for entry in (_project(page, migration) for page in ordered) if entry]
    if entries:
        hint = "on a page, '.. timeline:: projects' with ':style: cards' shows them as cards"
        migration.note(os.path.join(site, "_projects"), hint)
    return entries


def _importance(page: Page) -> float | None:
    value = page.data.get("importance")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _project(page: Page, migration: Migration) -> dict[str, Any] | None:
    data = page.data
    name = title_text(data.get("title"))
    if name is None:
        migration.problems.append(page.problem("a project without a title; skipped"))
        return None
    redirect = web_address(data.get("redirect"))
    github = web_address(data.get("github"))
    image = _project_image(page, migration)
    if not redirect and markdown_text(page.body):
        migration.problems.append(
            page.problem("the project's page is not migrated: keep it as a page")
        )
    return entry_of(
        name=name,
        description=inline(data.get("description")),
        url=redirect or github,
        image=image,
        type=plain(data.get("category")),
        highlights=[f"Code: `{escape_rst(github)} <{github}>`__"] if github and redirect else None,
    )


def _project_image(page: Page, migration: Migration) -> str | None:
    """The card's picture: ``img`` is a path from the site's root (or an address); the
    file keeps that path, and is copied, as the photo is."""
    name = text_of(page.data.get("img"))
    if name is None or web_address(name):
        return name
    image = name.lstrip("/")
    migration.copy(image, image, page)
    return image


def _teachings(site: str, migration: Migration) -> list[dict[str, Any]]:
    """The courses of newer versions' ``_teachings``, newest first."""
    courses = []
    for page in _pages(site, "_teachings", migration):
        data = page.data
        year = date_text(data.get("year"))
        term = " ".join(part for part in (plain(data.get("term")), year) if part)
        title = title_text(data.get("title"))
        if data.get("schedule"):
            migration.problems.append(page.problem("the course's schedule is not migrated"))
        courses.append(
            entry_of(
                title=f"{title} ({escape_rst(term)})" if title and term else title,
                date=year,
                location=plain(data.get("location")),
                summary=inline(data.get("description")),
            )
        )
    return sorted(courses, key=lambda course: course.get("date", ""), reverse=True)


def _not_converted(site: str, migration: Migration) -> None:
    """Notes on the blog posts, pages and repositories, which have no place in a profile."""
    posts = _markdown_files(site, "_posts")
    if posts:
        migration.note(
            os.path.join(site, "_posts"),
            f"blog posts are pages, not data: {len(posts)} not converted",
        )
    pages = [
        path
        for path in _markdown_files(site, "_pages")
        if os.path.basename(path) not in ("about.md", "cv.md")
    ]
    if pages:
        migration.note(
            os.path.join(site, "_pages"),
            f"pages stay pages: {len(pages)} not converted (about.md is the profile)",
        )
    repositories = os.path.join(site, "_data", "repositories.yml")
    if os.path.isfile(repositories):
        migration.note(repositories, "GitHub users and repositories are not migrated")

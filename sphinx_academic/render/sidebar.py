"""The profile in the theme's sidebar (``academic_sidebar_profile``) as HTML text.

A theme template shows it (``academic/sidebar-profile.html``), so it is written as HTML
here, not as docutils nodes: every text from the data is escaped, every link is http(s)
or mailto, and the icons are the package's own SVG files (``sphinx_academic/icons``)::

    div.academic-sidebar-profile
      img.academic-sidebar-photo                       (alt = the name)
      p.academic-sidebar-name
      p.academic-sidebar-label
      p.academic-sidebar-affiliation                   (the ongoing job's organisation)
      p.academic-sidebar-location
      ul.academic-sidebar-links
        li > a.academic-sidebar-link.academic-link-<network>  (aria-label, title)
               svg.academic-icon                       (aria-hidden)
"""

from __future__ import annotations

import functools
import re
from html import escape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from sphinx_academic.locale import _
from sphinx_academic.model.profile_records import Basics, Profile
from sphinx_academic.render.plaintext import markup_text
from sphinx_academic.render.profilecontext import ProfileContext, checked_url

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"

#: Network names as users write them (folded: lower case, letters and digits) -> icon.
_ICONS = {
    "github": "github",
    "googlescholar": "googlescholar",
    "scholar": "googlescholar",
    "orcid": "orcid",
    "linkedin": "linkedin",
    "x": "x",
    "twitter": "x",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "semanticscholar": "semanticscholar",
    "dblp": "dblp",
    "email": "email",
    "web": "web",
}

#: Sections whose ongoing entry names the owner's affiliation.
_JOB_SECTIONS = ("work", "experience", "positions", "employment")


class IconLink(NamedTuple):
    """One link of the row of icons."""

    #: The accessible name: the network as the user wrote it, "E-mail", "Website".
    name: str
    url: str
    #: File name (without ``.svg``) in :data:`ICON_DIR`.
    icon: str
    #: The profile field it comes from, for warnings.
    field: str


def icon_for(network: str) -> str:
    """The icon of a network; the globe for networks without one of their own."""
    return _ICONS.get(re.sub(r"[\W_]+", "", network.casefold()), "web")


def is_linkable(url: str) -> bool:
    """Whether the sidebar may link to ``url``: http(s) with a host, or mailto."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    return (scheme in ("http", "https") and bool(parts.netloc)) or (
        scheme == "mailto" and bool(parts.path)
    )


def icon_links(basics: Basics, ctx: ProfileContext) -> list[IconLink]:
    """E-mail, home page, then the online profiles in file order. A link that is not
    http(s) or mailto is left out, with the ``link`` warning the profile card gives."""
    found: list[IconLink] = []
    email = (basics.email or "").strip()
    if email:
        found.append(IconLink(_("E-mail"), f"mailto:{email}", "email", "basics.email"))
    if basics.url:
        found.append(IconLink(_("Website"), basics.url, "web", "basics.url"))
    for link in basics.profiles:
        name = link.network.strip() or link.username or ""
        if link.url and name:
            found.append(IconLink(name, link.url, icon_for(link.network), f"profile {name!r}"))
    return [
        link._replace(url=url)
        for link in found
        if (url := checked_url(ctx, link.url, link.field, basics.source)) and is_linkable(url)
    ]


def affiliation(profile: Profile) -> str:
    """The organisation of the first ongoing job, as plain text ("" when none)."""
    for key in _JOB_SECTIONS:
        section = profile.section(key)
        for entry in section.entries if section else ():
            if entry.ongoing and entry.organisation:
                return markup_text(entry.organisation)
    return ""


@functools.cache
def icon_svg(icon: str) -> str:
    """The inline SVG of an icon, hidden from assistive technology (the link names it)."""
    svg = (ICON_DIR / f"{icon}.svg").read_text(encoding="utf-8").strip()
    attributes = 'class="academic-icon" aria-hidden="true" focusable="false" fill="currentColor"'
    return svg.replace("<svg ", f"<svg {attributes} ", 1)


def sidebar_html(profile: Profile, photo_url: str | None, ctx: ProfileContext) -> str:
    """The block the sidebar template shows; ``photo_url`` is already relative to the
    page (or absolute)."""
    basics = profile.basics
    name = markup_text(basics.name)
    parts = ['<div class="academic-sidebar-profile">']
    if photo_url:
        alt = name or _("Photo")
        parts.append(
            f'<img class="academic-sidebar-photo" src="{escape(photo_url)}" alt="{escape(alt)}">'
        )
    lines = (
        ("name", name),
        ("label", markup_text(basics.label)),
        ("affiliation", affiliation(profile)),
        ("location", markup_text(basics.location)),
    )
    parts += [
        f'<p class="academic-sidebar-{css}">{escape(text)}</p>' for css, text in lines if text
    ]
    links = icon_links(basics, ctx)
    if links:
        parts.append('<ul class="academic-sidebar-links">')
        parts += [_icon_link(link) for link in links]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _icon_link(link: IconLink) -> str:
    name = escape(link.name)
    return (
        f'<li><a class="academic-sidebar-link academic-link-{link.icon}" '
        f'href="{escape(link.url)}" aria-label="{name}" title="{name}">'
        f"{icon_svg(link.icon)}</a></li>"
    )

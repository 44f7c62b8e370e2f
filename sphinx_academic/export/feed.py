"""The Atom feed of the news (feedgen), and the links and JSON-LD in every page's head.

The feed needs absolute links, so it is written only when ``html_baseurl`` is set; news
without it gives one warning. Entry ids and links point at the news item's anchor on the
page that shows the full news list.
"""

from __future__ import annotations

import datetime
import html
import json
import os
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx

from sphinx_academic import diagnostics
from sphinx_academic.domain import get_domain
from sphinx_academic.export import SITE_BUILDERS, outputs_current
from sphinx_academic.locale import _
from sphinx_academic.query.profile import newest_items, news_anchors
from sphinx_academic.render.plaintext import markup_text

if TYPE_CHECKING:
    from sphinx_academic.model.profile_records import Basics, NewsItem, Profile


def feed_wanted(app: Sphinx) -> bool:
    return bool(app.config.academic_feed) and app.builder.name in SITE_BUILDERS


def base_url(app: Sphinx) -> str:
    return (app.config.html_baseurl or "").rstrip("/") + "/"


def has_absolute_baseurl(app: Sphinx) -> bool:
    """Whether ``html_baseurl`` is an absolute http(s) address, as feed ids and links
    must be."""
    parts = urlsplit(app.config.html_baseurl or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_feed_settings(app: Sphinx) -> None:
    """``builder-inited`` (after the stores are loaded): news without an absolute
    ``html_baseurl`` cannot have a feed; say so once per build."""
    if (
        not feed_wanted(app)
        or has_absolute_baseurl(app)
        or not get_domain(app.env).profile.has_news
    ):
        return
    baseurl = app.config.html_baseurl
    # A setting, not a data line: the message names conf.py itself.
    if not baseurl:
        problem = "html_baseurl is not set"
        fix = "set html_baseurl"
    else:
        problem = f"html_baseurl {baseurl!r} is not an absolute http(s) address"
        fix = "write it with its scheme, such as 'https://example.org/'"
    diagnostics.warn(
        f"conf.py: the profile has news but {problem}, so no Atom feed is written "
        f"({fix}, or academic_feed = '' to turn the feed off)",
        None,
        "feed",
    )


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the feed into the output folder."""
    if exception is not None or not feed_wanted(app) or not has_absolute_baseurl(app):
        return
    store = get_domain(app.env).profile
    path = os.path.join(app.outdir, app.config.academic_feed)
    if not store.has_news or outputs_current(app, [path], store.paths):
        return
    profile = store.profile
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(atom_feed(app, profile))


def atom_feed(app: Sphinx, profile: Profile) -> bytes:
    from feedgen.feed import FeedGenerator

    base = base_url(app)
    places = get_domain(app.env).news_places()
    items = newest_items(profile.news, app.config.academic_feed_limit)
    feed = FeedGenerator()
    feed.id(base + app.config.academic_feed)
    owner = markup_text(profile.basics.name) or app.config.project
    feed.title(owner or _("News"))
    if owner:
        feed.subtitle(_("News from {owner}").format(owner=owner))
    feed.link(href=base, rel="alternate")
    feed.link(href=base + app.config.academic_feed, rel="self")
    if profile.basics.name:
        feed.author({"name": owner})
    feed.updated(_timestamp(items[0]))
    anchors = news_anchors(profile.news)
    for item in reversed(items):  # feedgen prepends entries
        _add_entry(app, feed, item, anchors[id(item)], places, base)
    result: bytes = feed.atom_str(pretty=True)
    return result


def _add_entry(
    app: Sphinx,
    feed: Any,
    item: NewsItem,
    key: str,
    places: dict[str, tuple[str, str, str]],
    base: str,
) -> None:
    from sphinx_academic.model.links import safe_url

    docname, anchor, text = places.get(key, ("", key, item.text))
    # singlehtml gives "index.html#document-news": the page is before the "#".
    page = app.builder.get_target_uri(docname).split("#", 1)[0] if docname else ""
    link = f"{base}{page}#{anchor}"
    entry = feed.add_entry()
    entry.id(link)
    entry.title(item.title or _first_words(text))
    entry.link(href=item.url if item.url and safe_url(item.url) else link)
    entry.updated(_timestamp(item))
    entry.published(_timestamp(item))
    entry.content(text, type="text")


def _first_words(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _timestamp(item: NewsItem) -> datetime.datetime:
    day = item.date.date or datetime.date(1970, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def add_head_elements(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the feed link on every page, JSON-LD on the profile's page."""
    tags = []
    store = get_domain(app.env).profile
    owner_name = markup_text(store.profile.basics.name)
    if feed_wanted(app) and has_absolute_baseurl(app) and store.has_news:
        href = base_url(app) + app.config.academic_feed
        owner = owner_name or app.config.project
        title = _("News – {owner}").format(owner=owner) if owner else _("News")
        tags.append(
            f'<link rel="alternate" type="application/atom+xml" title="{html.escape(title)}" '
            f'href="{html.escape(href)}">'
        )
    if pagename in get_domain(app.env).profile_pages and owner_name:
        profile = store.profile
        page = {"@context": "https://schema.org", "@type": "ProfilePage"}
        about = person(profile.basics, profile)
        del about["@context"]
        tags.append(json_ld_script({**page, "mainEntity": about}))
    if tags:
        context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def person(basics: Basics, profile: Profile) -> dict[str, Any]:
    """A schema.org ``Person`` from the profile (links only when safe)."""
    from sphinx_academic.model.links import safe_url

    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person"}
    data["name"] = markup_text(basics.name)
    optional = {
        "jobTitle": markup_text(basics.label),
        "email": basics.email,
        "telephone": basics.phone,
    }
    data.update({key: value for key, value in optional.items() if value})
    for key, value in (("url", basics.url), ("image", basics.image)):
        if value and safe_url(value) and "://" in value:
            data[key] = value
    same_as = [link.url for link in basics.profiles if link.url and safe_url(link.url)]
    if same_as:
        data["sameAs"] = same_as
    organisation = _current_affiliation(profile)
    if organisation:
        data["affiliation"] = {"@type": "Organization", "name": markup_text(organisation)}
    if basics.location:
        data["address"] = markup_text(basics.location)
    return data


def _current_affiliation(profile: Profile) -> str | None:
    work = profile.section("work")
    for entry in work.entries if work else ():
        if entry.ongoing and entry.organisation:
            return entry.organisation
    return None


def json_ld_script(data: dict[str, Any]) -> str:
    # "<" escaped so no text from the data can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'

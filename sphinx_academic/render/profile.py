"""Profile records -> docutils node trees: the profile card, and the entry points of the
other profile renderers (timeline, entry cards, news, CV sections) in one place for the
directives.

The card::

    container.academic-profile [.academic-profile-no-photo]
      container.academic-profile-photo         image.academic-profile-image (alt = name)
      container.academic-profile-body
        paragraph.academic-profile-name         strong
        paragraph.academic-profile-label
        paragraph.academic-profile-location
        paragraph.academic-profile-contact      email (mailto) · phone · url
        paragraph.academic-profile-links        reference.academic-profile-link
                                                .academic-link-<network> · ...
        paragraph.academic-profile-summary      (one per paragraph of the summary)
"""

from __future__ import annotations

from docutils import nodes

from sphinx_academic.locale import _
from sphinx_academic.model.profile_records import Basics, Link
from sphinx_academic.query.profile import ORDERS, Order, news_items, order_entries
from sphinx_academic.render.cards import cards
from sphinx_academic.render.cv import section_block
from sphinx_academic.render.news import news, news_item
from sphinx_academic.render.profilecontext import (
    Inline,
    ProfileContext,
    checked_url,
    css_slug,
    image_uri,
    joined,
    paragraphs,
    rich,
)
from sphinx_academic.render.timeline import timeline, timeline_entry

__all__ = [
    "ORDERS",
    "Inline",
    "Order",
    "ProfileContext",
    "cards",
    "news",
    "news_item",
    "news_items",
    "order_entries",
    "photo_uri",
    "profile_card",
    "section_block",
    "timeline",
    "timeline_entry",
]

_SEPARATOR = " · "


def profile_card(basics: Basics, ctx: ProfileContext) -> nodes.container:
    """Photo, name, headline, location, contact, online profiles and summary."""
    name = rich(ctx, basics.name, basics.source)
    box = nodes.container(classes=["academic-profile"])
    photo = _photo(basics, ctx, "".join(node.astext() for node in name))
    if photo is not None:
        box += nodes.container("", photo, classes=["academic-profile-photo"])
    else:
        box["classes"].append("academic-profile-no-photo")
    body = _card_body(basics, ctx, name)
    if body:
        box += nodes.container("", *body, classes=["academic-profile-body"])
    return box


def _card_body(basics: Basics, ctx: ProfileContext, name: list[nodes.Node]) -> list[nodes.Node]:
    lines: list[tuple[str, list[nodes.Node]]] = [
        ("academic-profile-name", [nodes.strong("", "", *name)] if name else []),
        ("academic-profile-label", rich(ctx, basics.label, basics.source)),
        ("academic-profile-location", rich(ctx, basics.location, basics.source)),
        ("academic-profile-contact", _contact(basics, ctx)),
        ("academic-profile-links", _profile_links(basics, ctx)),
    ]
    body: list[nodes.Node] = [
        nodes.paragraph("", "", *children, classes=[css]) for css, children in lines if children
    ]
    body += paragraphs(ctx, basics.summary, basics.source, "academic-profile-summary")
    return body


# -- photo ---------------------------------------------------------------------------------


def _photo(basics: Basics, ctx: ProfileContext, alt: str) -> nodes.image | None:
    """The image from a safe URL or a file inside the source directory."""
    uri = photo_uri(basics, ctx)
    if uri is None:
        return None
    return nodes.image(uri=uri, alt=alt or _("Photo"), classes=["academic-profile-image"])


def photo_uri(basics: Basics, ctx: ProfileContext) -> str | None:
    """Where the photo is: a safe URL, or ``/path`` of a file in the source directory;
    ``None`` (after a ``link`` or ``asset`` warning when one is named) when there is none."""
    return image_uri(ctx, basics.image, "basics.image", basics.source)


# -- contact and online profiles -----------------------------------------------------------


def _contact(basics: Basics, ctx: ProfileContext) -> list[nodes.Node]:
    """E-mail (a mailto link), phone and home page: plain values, never parsed as markup."""
    parts: list[list[nodes.Node]] = []
    email = (basics.email or "").strip()
    mailto = checked_url(ctx, f"mailto:{email}", "basics.email", basics.source) if email else None
    if email:
        parts.append([_reference(email, mailto, "academic-profile-email")])
    phone = (basics.phone or "").strip()
    if phone:
        parts.append([nodes.inline(phone, phone, classes=["academic-profile-phone"])])
    url = checked_url(ctx, basics.url, "basics.url", basics.source)
    if url:
        parts.append([_reference(_without_scheme(url), url, "academic-profile-url")])
    return joined(parts, _SEPARATOR)


def _profile_links(basics: Basics, ctx: ProfileContext) -> list[nodes.Node]:
    """One link per online profile, labelled with the network's name."""
    return joined([[_profile_link(link, ctx, basics)] for link in basics.profiles], _SEPARATOR)


def _profile_link(link: Link, ctx: ProfileContext, basics: Basics) -> nodes.Element:
    label = link.network.strip() or link.username or _without_scheme(link.url or "")
    classes = ["academic-profile-link"]
    slug = css_slug(link.network)
    if slug:
        classes.append(f"academic-link-{slug}")
    url = checked_url(ctx, link.url, f"profile {label!r}", basics.source)
    if url is None and link.username and label != link.username:
        label = f"{label}: {link.username}"  # no address known: show who to look for
    if url is None:
        return nodes.inline(label, label, classes=classes)
    return nodes.reference(label, label, refuri=url, classes=classes)


def _reference(text: str, url: str | None, css: str) -> nodes.Element:
    if url is None:
        return nodes.inline(text, text, classes=[css])
    return nodes.reference(text, text, refuri=url, classes=[css])


def _without_scheme(url: str) -> str:
    """``https://ada.example.org/`` -> ``ada.example.org``: shorter to read."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            return url[len(prefix) :].rstrip("/")
    return url

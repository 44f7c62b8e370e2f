"""al-folio's online profiles: the keys of ``_data/socials.yml`` (newer versions) and of
``_config.yml`` (older ones), each an id or user name the theme makes an address of."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from sphinx_academic.migrate.values import profile_entry, text_of, web_address
from sphinx_academic.model.profile_records import profile_url

__all__ = ["SOCIAL_KEYS", "social_profiles"]

#: Key -> (network, address with ``{}`` for the value; ``None`` when the value is the
#: address itself). Networks sphinx-academic knows get the user name instead, and make
#: the address themselves.
_SOCIALS: dict[str, tuple[str, str | None]] = {
    "acm_id": ("ACM Digital Library", "https://dl.acm.org/profile/{}"),
    "arxiv_id": ("arXiv", "https://arxiv.org/a/{}"),
    "blogger_url": ("Blog", None),
    "bluesky_url": ("Bluesky", None),
    "dblp_url": ("dblp", None),
    "discord_id": ("Discord", "https://discord.com/users/{}"),
    "facebook_id": ("Facebook", "https://facebook.com/{}"),
    "flickr_id": ("Flickr", "https://www.flickr.com/{}"),
    "github_username": ("GitHub", None),
    "gitlab_username": ("GitLab", None),
    "hal_id": ("HAL", "https://hal.science/{}"),
    "ieee_id": ("IEEE Xplore", "https://ieeexplore.ieee.org/author/{}"),
    "inspirehep_id": ("INSPIRE", "https://inspirehep.net/authors/{}"),
    "instagram_id": ("Instagram", None),
    "kaggle_id": ("Kaggle", None),
    "keybase_username": ("Keybase", "https://keybase.io/{}"),
    "lastfm_id": ("Last.fm", "https://www.last.fm/user/{}"),
    "lattes_id": ("Lattes", "http://lattes.cnpq.br/{}"),
    "leetcode_id": ("LeetCode", None),
    "letterboxd_id": ("Letterboxd", "https://letterboxd.com/{}"),
    "linkedin_username": ("LinkedIn", None),
    "mastodon_username": ("Mastodon", "https://{}"),
    "medium_username": ("Medium", "https://medium.com/@{}"),
    "orcid_id": ("ORCID", None),
    "osf_id": ("OSF", "https://osf.io/{}/"),
    "pinterest_id": ("Pinterest", "https://www.pinterest.com/{}"),
    "publons_id": ("Publons", "https://publons.com/a/{}/"),
    "quora_username": ("Quora", "https://www.quora.com/profile/{}"),
    "research_gate_profile": ("ResearchGate", None),
    "scholar_userid": ("Google Scholar", None),
    "scopus_id": ("Scopus", "https://www.scopus.com/authid/detail.uri?authorId={}"),
    "semanticscholar_id": ("Semantic Scholar", None),
    "spotify_id": ("Spotify", "https://open.spotify.com/user/{}"),
    "stackoverflow_id": ("Stack Overflow", None),
    "strava_userid": ("Strava", "https://www.strava.com/athletes/{}"),
    "telegram_username": ("Telegram", None),
    "twitter_username": ("X", None),
    "unsplash_id": ("Unsplash", "https://unsplash.com/@{}"),
    "whatsapp_number": ("WhatsApp", "https://wa.me/{}"),
    "wikidata_id": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "wikipedia_id": ("Wikipedia", "https://wikipedia.org/wiki/User:{}"),
    "work_url": ("Work", None),
    "x_username": ("X", None),
    "youtube_id": ("YouTube", None),
    "zotero_username": ("Zotero", "https://www.zotero.org/{}"),
}

#: The keys of online profiles, which older versions have in ``_config.yml`` (a WeChat QR
#: code is an image, with no address to link to).
SOCIAL_KEYS = frozenset(_SOCIALS) | {"wechat_qr"}
#: Keys of ``socials.yml`` that are no online profile (``email`` is read as the e-mail).
_NOT_PROFILES = frozenset({"email", "rss_icon", "cv_pdf", "contact_note"})


def social_profiles(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """The ``profiles`` entries of the social keys in ``data``, in their order, and the
    keys that could not be made one (a WeChat QR code, a key of no known network
    without an address)."""
    profiles: list[dict[str, Any]] = []
    left_out: list[str] = []
    for key, value in data.items():
        if key in _NOT_PROFILES or value in (None, "", False):
            continue
        entry = _entry(key, value)
        if entry is None:
            left_out.append(key)
        elif entry not in profiles:
            profiles.append(entry)
    return profiles, left_out


def _entry(key: str, value: object) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return _custom(key, value)
    known = _SOCIALS.get(key)
    text = text_of(value)
    if known is None or text is None:
        return None
    network, template = known
    if web_address(text):
        return {"network": network, "url": text}
    if template is None:
        return profile_entry(network, text) if profile_url(network, text) else None
    return {"network": network, "url": template.format(quote(text.lstrip("@"), safe="/@-._~"))}


def _custom(key: str, value: dict[str, Any]) -> dict[str, Any] | None:
    """A profile written as a mapping: a custom one (``title``, ``url``), one with its own
    icon (``value``, ``logo``), or academia.edu's (``organization``, ``username``)."""
    if text_of(value.get("value")) is not None:
        return _entry(key, value["value"])
    organization, username = text_of(value.get("organization")), text_of(value.get("username"))
    if key == "academia_edu" and organization and username:
        return {
            "network": "Academia.edu",
            "url": f"https://{quote(organization)}.academia.edu/{quote(username)}",
        }
    url = web_address(value.get("url"))
    if url is None:
        return None
    return {"network": text_of(value.get("title")) or key.replace("_", " "), "url": url}

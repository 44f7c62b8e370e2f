"""Identifiers of a publication (DOI, arXiv, PubMed, HAL, OpenReview) in the spellings bib
files hold, and the address each one links to.

A value may carry its scheme's prefix (``arXiv:``, ``doi:``, ``PMID:``) or be the
identifier's address (``https://doi.org/10...``, ``https://arxiv.org/abs/...``); both
come down to the bare identifier. A value that is neither is not an identifier.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import quote, unquote


class IdentifierScheme(NamedTuple):
    """How one kind of identifier is written and where it links."""

    #: What the identifier is called in messages ("a DOI").
    name: str
    #: Prefixes and addresses that may stand before the bare identifier (case-insensitive).
    prefix: re.Pattern[str]
    #: The bare identifier, in full.
    bare: re.Pattern[str]
    #: Suffixes an address may add after it (``.pdf``, ``/``).
    suffix: re.Pattern[str]
    #: The address of the identifier, ``{}`` standing for it.
    url: str


def _prefix(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})\s*", re.IGNORECASE)


_WEB = r"(?:https?://)?(?:www\.)?"

SCHEMES: dict[str, IdentifierScheme] = {
    "doi": IdentifierScheme(
        "a DOI",
        _prefix(rf"{_WEB}(?:dx\.)?doi\.org/|doi\s*:|doi\s"),
        re.compile(r"10\.\d{4,9}/\S+"),
        re.compile(r"$"),
        "https://doi.org/{}",
    ),
    "arxiv": IdentifierScheme(
        "an arXiv identifier",
        _prefix(rf"{_WEB}(?:export\.)?arxiv\.org/(?:abs|pdf)/|arxiv\s*:"),
        re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"),
        re.compile(r"(?:\.pdf)?/?$"),
        "https://arxiv.org/abs/{}",
    ),
    "pmid": IdentifierScheme(
        "a PubMed identifier",
        _prefix(rf"{_WEB}(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)|pmid\s*:?"),
        re.compile(r"\d{1,9}"),
        re.compile(r"/?$"),
        "https://pubmed.ncbi.nlm.nih.gov/{}/",
    ),
    "hal": IdentifierScheme(
        "a HAL identifier",
        _prefix(rf"{_WEB}hal(?:\.archives-ouvertes\.fr|\.science)/|hal\s*:"),
        re.compile(r"[a-z][a-z0-9_]*-\d{6,9}(?:v\d+)?"),
        re.compile(r"/?$"),
        "https://hal.science/{}",
    ),
    "openreview": IdentifierScheme(
        "an OpenReview identifier",
        _prefix(rf"{_WEB}openreview\.net/(?:forum|pdf)\?id="),
        re.compile(r"[A-Za-z0-9_-]+"),
        re.compile(r"$"),
        "https://openreview.net/forum?id={}",
    ),
}


def bare_identifier(field: str, value: str) -> str | None:
    """The identifier in ``value`` of the kind ``field`` holds, without prefix or
    address; ``None`` when ``value`` is not one."""
    scheme = SCHEMES[field]
    rest = scheme.prefix.sub("", value.strip(), count=1)
    match = scheme.bare.match(rest)
    if match is None or not scheme.suffix.fullmatch(rest[match.end() :]):
        return None
    return match.group()


#: What an identifier keeps as written in its address; anything else (``#``, ``%``, ``?``,
#: spaces, ``<>``) is percent-encoded, as the DOI Handbook asks of DOIs in URLs.
_KEPT_IN_ADDRESS = "/:;()@!$&'*+,="


def address(field: str, bare: str) -> str:
    """The address of the bare identifier ``bare`` of the kind ``field`` holds (taken from
    an address, ``bare`` may be percent-encoded already: it is encoded once either way)."""
    return SCHEMES[field].url.format(quote(unquote(bare), safe=_KEPT_IN_ADDRESS))


def identifier_url(field: str, value: str) -> str | None:
    """Where ``value`` of an identifier field links: the identifier's address, or the
    value itself when it is a web address of something else; ``None`` when neither."""
    bare = bare_identifier(field, value)
    if bare is not None:
        return address(field, bare)
    other = web_address(value.strip())
    return other if re.match(r"https?://", other, re.IGNORECASE) else None


def web_address(value: str) -> str:
    """``value`` with ``https://`` added when it starts with ``www.``, as people write
    web addresses; anything else unchanged."""
    return "https://" + value if value[:4].lower() == "www." else value

"""Conversions both sources need: dates, texts with their markup, links, online profiles."""

from __future__ import annotations

import datetime
import itertools
import re
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sphinx_academic.readers.markup import escape_rst, html_to_rst, markdown_to_rst
from sphinx_academic.scholarly.bibwriter import url_value
from sphinx_academic.scholarly.works import plain_text

__all__ = [
    "NO_DEGREE",
    "date_text",
    "entry_of",
    "first_paragraph",
    "inline",
    "link_value",
    "mappings_in",
    "network_of",
    "plain",
    "profile_entry",
    "school_of",
    "text_of",
    "thesis_type",
    "title_text",
    "web_address",
    "without_template_tags",
]

_ISO_START = re.compile(r"\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?![\d])")
_HTML_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
#: Hugo shortcodes (``{{< icon >}}``, ``{{% callout %}}``) and Liquid tags (``{% raw %}``).
_TEMPLATE_TAG = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.DOTALL)
#: Goldmark's and kramdown's ``__strong__`` and ``_emphasis_``, which the Markdown reader
#: knows only with asterisks.
_UNDERSCORE_STRONG = re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=\S)__(?!\w)")
_UNDERSCORE_EM = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
#: Link values templates leave in place of an address: no link at all.
_PLACEHOLDER_LINKS = {"#", "/#", "#!"}
#: Characters a braced BibTeX value cannot hold as they are.
_BIBTEX_UNSAFE = re.compile(r"[{}\\]")


def text_of(value: object) -> str | None:
    """A scalar value as stripped text; ``None`` for blanks, lists and mappings."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def date_text(value: object) -> str | None:
    """The date part of a date, a date with a time, or a year, as ISO text
    (``2024-05-02``, ``2024-05``, ``2024``); ``None`` when there is none."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = text_of(value)
    found = _ISO_START.match(text) if text else None
    if found is None:
        return None
    parts = found.group(1).split("-")
    return "-".join([parts[0], *(part.zfill(2) for part in parts[1:])])


def date_or_label(value: object) -> str | None:
    """:func:`date_text`, or else the text as written (``7th - 10th Sep. 2020``), which
    a profile entry shows as its date."""
    return date_text(value) or plain(value)


def plain(value: object) -> str | None:
    """Text without HTML tags, character references or template tags, on one line."""
    text = text_of(value)
    if text is None:
        return None
    return plain_text(without_template_tags(text)) or None


def without_template_tags(text: str) -> str:
    """``text`` with Hugo shortcodes and Liquid tags replaced by spaces."""
    return _TEMPLATE_TAG.sub(" ", text)


def title_text(value: object) -> str | None:
    """A title for the profile: plain text, escaped so no markup appears."""
    text = plain(value)
    return escape_rst(text) if text else None


def inline(value: object) -> str | None:
    """A summary or excerpt as reStructuredText inline markup: HTML's or Markdown's
    links, bold and italics kept, every other tag dropped and everything else escaped."""
    text = text_of(value)
    if text is None:
        return None
    text = _TEMPLATE_TAG.sub(" ", text)
    if _HTML_TAG.search(text):
        converted = html_to_rst(text)
    else:
        converted = markdown_to_rst(_asterisk_emphasis(text))
    return converted.strip() or None


def _asterisk_emphasis(text: str) -> str:
    """Markdown with ``__x__`` and ``_x_`` written as ``**x**`` and ``*x*``."""
    text = _UNDERSCORE_STRONG.sub(r"**\1**", text)
    return _UNDERSCORE_EM.sub(r"*\1*", text)


def first_paragraph(body: str) -> str | None:
    """The first paragraph of prose in a Markdown body, as inline markup.

    The body is read as CommonMark by markdown-it-py (as :mod:`.prose` reads it): the
    paragraph is the first one outside lists, quotes and HTML blocks that has more than
    images; headings, code, tables and rules before it are passed over.
    """
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(_TEMPLATE_TAG.sub("", body))
    for opening, content in itertools.pairwise(tokens):
        if opening.type == "paragraph_open" and opening.level == 0 and _has_text(content):
            return inline(" ".join(content.content.split()))
    return None


def _has_text(token: Token) -> bool:
    """Whether an inline token has text outside images."""
    return any(
        child.type in ("text", "code_inline") and child.content.strip()
        for child in token.children or []
    )


def mappings_in(value: object) -> list[dict[str, Any]]:
    """The mappings of a list value (the items of a YAML list); none for other values."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def web_address(value: object) -> str | None:
    """A value that is a web address, else ``None``."""
    text = text_of(value)
    return text if text and text.startswith(("https://", "http://")) else None


def entry_of(**fields: Any) -> dict[str, Any]:
    """A profile entry with the fields that have values."""
    return {key: value for key, value in fields.items() if value}


def link_value(value: object) -> tuple[str | None, str | None, str | None]:
    """A link for a BibTeX field: ``(value, note, file)``. Web addresses are kept (encoded
    for the file); a path of the old site is the ``file`` to copy, and the value names it
    as it is on disk (the build reads file fields as written); other addresses are
    refused with a note."""
    text = text_of(value)
    if text is None or text in _PLACEHOLDER_LINKS:
        return None, None, None
    if text.startswith(("https://", "http://")):
        return url_value(text), None, None
    if "://" in text or text.lower().startswith(("javascript:", "data:", "mailto:")):
        return None, f"the link {text!r} is not a web address; left out", None
    # A link's path is a URL path: ``my%20paper.pdf`` is the file ``my paper.pdf``.
    file = unquote(text.lstrip("/"))
    if _BIBTEX_UNSAFE.search(file) or " ".join(file.split()) != file:
        note = f"the file name {file!r} cannot be written in a BibTeX field; left out"
        return None, note, None
    return file, None, file


# -- theses ------------------------------------------------------------------------------

#: Words naming a master's degree ("Master's thesis", "MSc", "M.S. thesis", "MPhil").
_MASTERS = re.compile(
    r"\bmaster|\bm\.?\s?sc\b|\bm\.?\s?(?:s|a|eng|phil)\.?\s+(?:thesis|dissertation)\b",
    re.IGNORECASE,
)
#: Words naming a doctorate ("PhD", "Ph.D.", "doctoral", "doctorate", "DPhil").
_DOCTORAL = re.compile(r"\bph\.?\s?d\b|\bdoctora|\bd\.?\s?phil\b", re.IGNORECASE)
#: "PhD thesis, " and the like before the name of the university in a venue.
_DEGREE_PREFIX = re.compile(
    r"^(?:(?:ph\.?\s?d\.?|doctoral|master['’]?s?|m\.?\s?sc\.?|m\.?\s?[as]\.?|d\.?\s?phil\.?)\s+)?"
    r"(?:thesis|dissertation)(?:\s*[,:;–—-]\s*|\s+at\s+|\s*$)",
    re.IGNORECASE,
)


#: The note on a thesis whose texts name no degree.
NO_DEGREE = "a thesis that names no degree is written as @phdthesis: make it @mastersthesis if so"


def thesis_type(*texts: str | None) -> tuple[str, bool]:
    """The BibTeX type of a thesis, and whether a text named the degree: the first text
    that names a master's degree or a doctorate decides; without one, ``phdthesis`` (the
    thesis a researcher's site lists is most often the doctoral one)."""
    for text in texts:
        if text and _MASTERS.search(text):
            return "mastersthesis", True
        if text and _DOCTORAL.search(text):
            return "phdthesis", True
    return "phdthesis", False


def school_of(venue: str) -> str:
    """A thesis's venue as its ``school``: "PhD thesis, University of X" is "University
    of X"."""
    return _DEGREE_PREFIX.sub("", venue.strip(), count=1).strip()


# -- online profiles ---------------------------------------------------------------------

#: Known networks: lower-case key or icon name -> the name sphinx-academic shows.
_NETWORKS = {
    "github": "GitHub",
    "gitlab": "GitLab",
    "linkedin": "LinkedIn",
    "orcid": "ORCID",
    "googlescholar": "Google Scholar",
    "google-scholar": "Google Scholar",
    "graduation-cap": "Google Scholar",
    "twitter": "X",
    "x": "X",
    "x-twitter": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "researchgate": "ResearchGate",
    "youtube": "YouTube",
    "stackoverflow": "Stack Overflow",
    "stack-overflow": "Stack Overflow",
    "instagram": "Instagram",
    "telegram": "Telegram",
    "kaggle": "Kaggle",
    "dblp": "dblp",
    "semantic": "Semantic Scholar",
    "semantic-scholar": "Semantic Scholar",
    "semanticscholar": "Semantic Scholar",
    "huggingface": "Hugging Face",
    "arxiv": "arXiv",
    "pubmed": "PubMed",
    "scopus": "Scopus",
    "academia": "Academia.edu",
    "inspire-hep": "INSPIRE",
    "impactstory": "Impactstory",
    "facebook": "Facebook",
    "medium": "Medium",
    "bitbucket": "Bitbucket",
    "codepen": "CodePen",
    "dribbble": "Dribbble",
    "flickr": "Flickr",
    "goodreads": "Goodreads",
    "keybase": "Keybase",
    "lastfm": "Last.fm",
    "pinterest": "Pinterest",
    "soundcloud": "SoundCloud",
    "steam": "Steam",
    "tumblr": "Tumblr",
    "weibo": "Weibo",
    "wikipedia": "Wikipedia",
    "xing": "XING",
    "zhihu": "Zhihu",
    "artstation": "ArtStation",
    "foursquare": "Foursquare",
    "vine": "Vine",
    "google_plus": "Google+",
    "osf": "OSF",
    "zotero": "Zotero",
    "discord": "Discord",
    "slack": "Slack",
}


def network_of(name: str) -> str | None:
    """The network a profile key or icon name stands for (``brands/github`` is GitHub)."""
    return _NETWORKS.get(name.lower().rsplit("/", 1)[-1].removeprefix("fa-"))


def profile_entry(network: str, value: object) -> dict[str, Any] | None:
    """A ``profiles`` entry: the address as ``url``, anything else as ``username``."""
    text = text_of(value)
    if text is None:
        return None
    if text.startswith(("https://", "http://")):
        return {"network": network, "url": text}
    return {"network": network, "username": text.lstrip("@") if network != "Mastodon" else text}

"""Metadata for indexers: Google Scholar's Highwire ``citation_*`` tags, a schema.org
``ScholarlyArticle`` and OpenGraph properties, all from a :class:`Publication`."""

from __future__ import annotations

import re
from typing import Any

from sphinx_academic.model.identifiers import address
from sphinx_academic.model.names import Author
from sphinx_academic.model.publication import Publication

Tags = list[tuple[str, str]]

#: Entry type -> the tag naming where it appeared, and the field holding that name.
_VENUE_TAGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "article": ("citation_journal_title", ("journal", "journaltitle")),
    "inproceedings": ("citation_conference_title", ("booktitle", "eventtitle")),
    "conference": ("citation_conference_title", ("booktitle", "eventtitle")),
    "incollection": ("citation_inbook_title", ("booktitle",)),
    "inbook": ("citation_inbook_title", ("booktitle",)),
    "phdthesis": ("citation_dissertation_institution", ("school", "institution")),
    "mastersthesis": ("citation_dissertation_institution", ("school", "institution")),
    "thesis": ("citation_dissertation_institution", ("school", "institution")),
    "techreport": ("citation_technical_report_institution", ("institution",)),
    "report": ("citation_technical_report_institution", ("institution",)),
}
_PAGES = re.compile(r"^\s*([^\s–-]+)\s*(?:[–-]+\s*(\S+))?\s*$")


def citation_tags(pub: Publication, page_url: str | None, pdf_url: str | None) -> Tags:
    """``(name, content)`` pairs for ``<meta name=... content=...>``, in Scholar's order."""
    tags: Tags = [("citation_title", pub.title_text)]
    tags += [("citation_author", scholar_name(a)) for a in pub.authors if not _others(a)]
    date = publication_date(pub)
    if date:
        tags.append(("citation_publication_date", date))
    tags += _venue_tags(pub)
    tags += _numbers(pub)
    if pub.doi:
        tags.append(("citation_doi", pub.doi))
    if pub.arxiv_id:
        tags.append(("citation_arxiv_id", pub.arxiv_id))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    if page_url:
        tags.append(("citation_abstract_html_url", page_url))
    return [(name, value) for name, value in tags if value]


def scholar_name(author: Author) -> str:
    """``Family, Given``: the order Scholar reads without guessing."""
    return f"{author.family}, {author.given}" if author.given else author.family


def publication_date(pub: Publication) -> str:
    """``YYYY/MM/DD``, ``YYYY/MM`` or ``YYYY`` (Scholar's slash form)."""
    if not pub.year:
        return ""
    day = re.match(r"\d{4}-\d{2}-(\d{2})", pub.get("date"))
    parts = [f"{pub.year:04d}"]
    if pub.month:
        parts.append(f"{pub.month:02d}")
        if day:
            parts.append(day.group(1))
    return "/".join(parts)


def _venue_tags(pub: Publication) -> Tags:
    if pub.is_preprint:
        return [("citation_technical_report_institution", "arXiv")] if pub.arxiv_id else []
    tag, fields = _VENUE_TAGS.get(pub.type, ("", ()))
    venue = next((pub.text(f) for f in fields if pub.get(f)), "")
    tags = [(tag, venue)] if tag and venue else []
    if pub.type in {"techreport", "report"} and pub.get("number"):
        tags.append(("citation_technical_report_number", pub.text("number")))
    if pub.get("publisher"):
        tags.append(("citation_publisher", pub.text("publisher")))
    return tags


def _numbers(pub: Publication) -> Tags:
    tags = [("citation_volume", pub.text("volume")), ("citation_issue", pub.text("number"))]
    if pub.type in {"techreport", "report"}:
        tags.pop()  # a report's number is its report number, not an issue
    match = _PAGES.match(pub.text("pages"))
    if match:
        tags.append(("citation_firstpage", match.group(1)))
        tags.append(("citation_lastpage", match.group(2) or ""))
    return tags


def _others(author: Author) -> bool:
    return author.family == "others" and not author.given


def scholarly_article(
    pub: Publication, page_url: str | None, image_url: str | None
) -> dict[str, Any]:
    """A schema.org ``ScholarlyArticle`` for JSON-LD."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": pub.title_text,
        "name": pub.title_text,
        "author": [_person(a) for a in pub.authors if not _others(a)],
    }
    date = publication_date(pub).replace("/", "-")
    optional = {
        "datePublished": date,
        "isPartOf": _periodical(pub),
        "publisher": _organisation(pub.text("publisher")),
        "abstract": pub.text("abstract"),
        "url": page_url or "",
        "image": image_url or "",
        "sameAs": address("doi", pub.doi) if pub.doi else "",
    }
    data.update({key: value for key, value in optional.items() if value})
    if pub.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": pub.doi}
    return data


def _person(author: Author) -> dict[str, str]:
    person = {"@type": "Person", "name": author.display}
    if author.given:
        person["givenName"] = author.given
    person["familyName"] = author.family
    return person


def _periodical(pub: Publication) -> dict[str, str] | None:
    if not pub.venue_name:
        return None
    kind = "Periodical" if pub.type == "article" else "CreativeWork"
    return {"@type": kind, "name": pub.venue_name}


def _organisation(name: str) -> dict[str, str] | None:
    return {"@type": "Organization", "name": name} if name else None


def open_graph(pub: Publication, page_url: str | None, image_url: str | None) -> Tags:
    """``(property, content)`` pairs for ``<meta property="og:..." ...>``."""
    description = " ".join(pub.text("abstract").split())
    if len(description) > 300:
        description = description[:299].rsplit(" ", 1)[0] + "…"
    tags = [
        ("og:type", "article"),
        ("og:title", pub.title_text),
        ("og:description", description),
        ("og:url", page_url or ""),
        ("og:image", image_url or ""),
    ]
    return [(name, value) for name, value in tags if value]

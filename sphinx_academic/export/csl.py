"""Publications as CSL-JSON, the format Zotero, pandoc and citeproc read."""

from __future__ import annotations

from typing import Any

from sphinx_academic.model.identifiers import bare_identifier, web_address
from sphinx_academic.model.names import Author
from sphinx_academic.model.publication import Publication

#: BibTeX entry type -> CSL item type.
_CSL_TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "proceedings": "book",
    "booklet": "pamphlet",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
}
#: CSL variable <- the field it is read from, in order of preference.
_TEXT_VARIABLES = {
    "volume": ("volume",),
    "issue": ("number", "issue"),
    "publisher": ("publisher",),
    "publisher-place": ("address", "location"),
    "edition": ("edition",),
    "ISBN": ("isbn",),
    "ISSN": ("issn",),
    "note": ("note",),
    "abstract": ("abstract",),
}
_CONTAINER_FIELDS = ("journal", "journaltitle", "booktitle")


def csl_item(pub: Publication) -> dict[str, Any]:
    """One CSL-JSON item (decoded text, names split, dates as date-parts)."""
    item: dict[str, Any] = {"id": pub.key, "type": csl_type(pub)}
    item["title"] = pub.title_text if pub.title else pub.key
    if pub.authors:
        item["author"] = [csl_name(a) for a in pub.authors if not _is_others(a)]
    if pub.editors:
        item["editor"] = [csl_name(a) for a in pub.editors if not _is_others(a)]
    if pub.year:
        item["issued"] = {"date-parts": [[pub.year, pub.month] if pub.month else [pub.year]]}
    elif pub.year_label:
        item["issued"] = {"literal": pub.year_label}
    _add_container(item, pub)
    fields = pub.fields
    for variable, names in _TEXT_VARIABLES.items():
        for name in names:
            if fields.get(name):
                value = pub.text(name)
                if value:
                    item[variable] = value
                break
    _add_place_in_volume(item, pub)
    _add_identifiers(item, pub)
    return item


def _add_place_in_volume(item: dict[str, Any], pub: Publication) -> None:
    """``page`` from the pages; an article number (:attr:`Publication.article_number`) is
    CSL's ``number``, which styles print as one ("Article 102451"), not a page."""
    if pub.page_text:
        item["page"] = pub.page_text
    if pub.article_number and "number" not in item:
        item["number"] = pub.article_number


def csl_type(pub: Publication) -> str:
    if pub.is_preprint:
        return "article"  # CSL 1.0.2 has no preprint type; "article" is what Zotero uses
    return _CSL_TYPES.get(pub.type, "document")


def csl_name(author: Author) -> dict[str, str]:
    name = {"family": author.family} if author.family else {}
    if author.given:
        name["given"] = author.given
    if author.suffix:
        name["suffix"] = author.suffix
    return name


def _is_others(author: Author) -> bool:
    return author.family == "others" and not author.given


def _add_container(item: dict[str, Any], pub: Publication) -> None:
    container = next((pub.text(f) for f in _CONTAINER_FIELDS if pub.get(f)), "")
    if container:
        item["container-title"] = container
    if pub.type in {"phdthesis", "mastersthesis", "thesis"}:
        item["genre"] = "PhD thesis" if pub.type == "phdthesis" else "Master's thesis"
        publisher = pub.text("school") or pub.text("institution")
        if publisher:
            item["publisher"] = publisher
    elif pub.type in {"techreport", "report"} and pub.get("institution"):
        item["publisher"] = pub.text("institution")
    if pub.is_preprint and pub.arxiv_id:
        item.setdefault("container-title", "arXiv")
        item["number"] = f"arXiv:{pub.arxiv_id}"


def _add_identifiers(item: dict[str, Any], pub: Publication) -> None:
    if pub.doi:
        item["DOI"] = pub.doi
    pmid = bare_identifier("pmid", pub.get("pmid"))
    if pmid:
        item["PMID"] = pmid
    url = web_address(pub.get("url").strip() or pub.get("html").strip())
    if not url and pub.arxiv_id:
        url = f"https://arxiv.org/abs/{pub.arxiv_id}"
    if url:
        item["URL"] = url

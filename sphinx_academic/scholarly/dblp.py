"""DBLP (https://dblp.org/faq/How+to+use+the+dblp+search+API.html): a person's
bibliography for import, ``GET /pid/{pid}.xml``: a ``<dblpperson>`` whose ``<r>`` elements
each hold one record (``<article>``, ``<inproceedings>``, ...) with ``<author>``,
``<title>``, ``<year>``, ``<journal>`` or ``<booktitle>`` and ``<ee>`` links.

The XML is parsed with the standard library's ElementTree, which expands no external
entities and (with the expat every supported Python ships) refuses entity bombs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from sphinx_academic.scholarly.http import Client, ServiceError
from sphinx_academic.scholarly.matching import normal_arxiv, normal_doi
from sphinx_academic.scholarly.works import NewWork, plain_text, year_of

NAME = "dblp"
DEFAULT_URL = "https://dblp.org"
PID = re.compile(r"^[a-z0-9]+/[A-Za-z0-9-]+$")
_TYPES = {
    "article": "article",
    "inproceedings": "inproceedings",
    "incollection": "incollection",
    "book": "book",
    "phdthesis": "phdthesis",
    "mastersthesis": "mastersthesis",
}
#: DBLP tells people with the same name apart by a number after the name.
_HOMONYM_NUMBER = re.compile(r"\s+\d{4}$")


def normal_pid(value: str) -> str:
    """``https://dblp.org/pid/123/4567.html`` -> ``123/4567``; raise :class:`ValueError`
    for anything that is not a DBLP person id."""
    pid = re.sub(r"^https?://dblp\.org/pid/|\.(html|xml)$", "", value.strip())
    if not PID.match(pid):
        raise ValueError(f"{value!r} is not a DBLP person id (such as 123/4567)")
    return pid


def fetch_works(client: Client, pid: str) -> list[NewWork]:
    document = client.get_bytes(f"/pid/{pid}.xml")
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError as error:
        raise ServiceError(f"{NAME}: the answer is not valid XML ({error})") from None
    if root.tag != "dblpperson":
        raise ServiceError(f"{NAME}: unexpected answer (<{root.tag}> instead of <dblpperson>)")
    return [work for r in root.findall("r") for record in r if (work := _work(record))]


def _text(element: ElementTree.Element | None) -> str:
    return plain_text("".join(element.itertext())) if element is not None else ""


def _work(record: ElementTree.Element) -> NewWork | None:
    title = _text(record.find("title")).rstrip(".")
    if not title:
        return None
    links = [_text(ee) for ee in record.findall("ee")]
    doi = next((normal_doi(link) for link in links if "doi.org/" in link), "")
    arxiv = next((normal_arxiv(link) for link in links if "arxiv.org/" in link), "")
    journal = _text(record.find("journal"))
    if journal == "CoRR":  # DBLP's name for arXiv; the id is in the volume "abs/<id>"
        arxiv = arxiv or _text(record.find("volume")).removeprefix("abs/")
        journal = ""
    kind = _TYPES.get(record.tag, "misc")
    return NewWork(
        type="misc" if (kind == "article" and not journal) else kind,
        title=title,
        authors=tuple(_HOMONYM_NUMBER.sub("", _text(a)) for a in record.findall("author")),
        year=year_of(_text(record.find("year")) or None),
        venue=journal or _text(record.find("booktitle")) or _text(record.find("publisher")),
        doi=doi if not doi.startswith("10.48550/") else "",
        arxiv=arxiv,
        url=next((link for link in links if link.startswith("https://")), ""),
    )

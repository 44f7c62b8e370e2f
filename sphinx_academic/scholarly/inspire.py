"""INSPIRE-HEP (https://github.com/inspirehep/rest-api-doc): ``citation_count`` of
high-energy-physics literature. Works are searched in batches with one query joined by
``or`` (``/api/literature?q=doi:"a" or doi:"b"``), answered in ``hits.hits[].metadata``.
"""

from __future__ import annotations

from typing import Any

from sphinx_academic.scholarly.counts import Hit, Service, shape_error
from sphinx_academic.scholarly.http import Client
from sphinx_academic.scholarly.matching import ARXIV_DOI_PREFIX, normal_arxiv, normal_doi

NAME = "inspire"
DEFAULT_URL = "https://inspirehep.net"
BATCH = 25
_FIELDS = "control_number,citation_count,dois.value,arxiv_eprints.value"


def _term(kind: str, value: str) -> str:
    if kind == "doi":
        return f'doi:"{value}"'
    if kind == "arxiv":
        return f"arxiv:{value.removeprefix(ARXIV_DOI_PREFIX)}"
    return f"recid:{value}"


def _names(kind: str, metadata: dict[str, Any]) -> list[str]:
    """The values of ``kind`` a record answers to, in the form they were asked."""
    if kind == "doi":
        return [normal_doi(doi["value"]) for doi in metadata.get("dois", [])]
    if kind == "arxiv":
        eprints = metadata.get("arxiv_eprints", [])
        return [ARXIV_DOI_PREFIX + normal_arxiv(eprint["value"]) for eprint in eprints]
    return [str(metadata["control_number"])]


def lookup(client: Client, kind: str, values: list[str]) -> dict[str, Hit]:
    params = {
        "q": " or ".join(_term(kind, value) for value in values),
        "size": str(len(values)),
        "fields": _FIELDS,
    }
    answer = client.get_json("/api/literature", params)
    asked, hits = set(values), dict[str, Hit]()
    try:
        for record in answer["hits"]["hits"]:
            metadata = record["metadata"]
            hit = Hit(int(metadata["citation_count"]), str(metadata["control_number"]))
            for name in _names(kind, metadata):
                if name in asked:
                    hits.setdefault(name, hit)
    except (KeyError, TypeError, ValueError) as error:
        raise shape_error(NAME, error) from None
    return hits


SERVICE = Service(NAME, DEFAULT_URL, ("doi", "arxiv", NAME), BATCH, lookup)

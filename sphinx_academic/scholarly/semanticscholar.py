"""Semantic Scholar's Academic Graph API (https://api.semanticscholar.org/api-docs/graph):
``citationCount``. Papers are asked for in batches with ``POST /graph/v1/paper/batch``
(``{"ids": ["DOI:...", "ARXIV:...", "<paperId>"]}``, up to 500 ids); the answer lists one
paper (or ``null``) per id, in the order asked.
"""

from __future__ import annotations

from sphinx_academic.scholarly.counts import Hit, Service, shape_error
from sphinx_academic.scholarly.http import Client
from sphinx_academic.scholarly.matching import ARXIV_DOI_PREFIX

NAME = "semanticscholar"
DEFAULT_URL = "https://api.semanticscholar.org"
BATCH = 100


def _paper_id(kind: str, value: str) -> str:
    if kind == "doi":
        return f"DOI:{value}"
    if kind == "arxiv":
        return f"ARXIV:{value.removeprefix(ARXIV_DOI_PREFIX)}"
    return value


def lookup(client: Client, kind: str, values: list[str]) -> dict[str, Hit]:
    payload = {"ids": [_paper_id(kind, value) for value in values]}
    papers = client.post_json(
        "/graph/v1/paper/batch", payload, params={"fields": "citationCount,externalIds"}
    )
    hits: dict[str, Hit] = {}
    try:
        if len(papers) != len(values):
            raise ValueError(f"{len(papers)} papers for {len(values)} ids")
        for value, paper in zip(values, papers, strict=True):
            if paper is not None and paper.get("citationCount") is not None:
                hits[value] = Hit(int(paper["citationCount"]), str(paper["paperId"]))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise shape_error(NAME, error) from None
    return hits


SERVICE = Service(NAME, DEFAULT_URL, ("doi", "arxiv", NAME), BATCH, lookup)

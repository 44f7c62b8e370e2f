"""Crossref (https://api.crossref.org/swagger-ui/index.html): ``is-referenced-by-count``,
the number of Crossref-registered works citing a DOI. Crossref knows DOIs only (arXiv's
DOIs are registered with DataCite), so entries without a DOI stay unmatched.

DOIs are asked for in batches: ``/works?filter=doi:a,doi:b,...`` (repeating a filter
means OR), answered in ``message.items``.
"""

from __future__ import annotations

from sphinx_academic.scholarly.counts import Hit, Service, shape_error
from sphinx_academic.scholarly.http import Client
from sphinx_academic.scholarly.matching import normal_doi

NAME = "crossref"
DEFAULT_URL = "https://api.crossref.org"
BATCH = 50


def lookup(client: Client, kind: str, values: list[str]) -> dict[str, Hit]:
    params = {
        "filter": ",".join(f"doi:{value}" for value in values),
        "rows": str(len(values)),
        "select": "DOI,is-referenced-by-count",
    }
    if client.mailto:
        params["mailto"] = client.mailto
    answer = client.get_json("/works", params)
    hits: dict[str, Hit] = {}
    try:
        for item in answer["message"]["items"]:
            doi = normal_doi(item["DOI"])
            hits[doi] = Hit(int(item["is-referenced-by-count"]), doi)
    except (KeyError, TypeError, ValueError) as error:
        raise shape_error(NAME, error) from None
    return hits


SERVICE = Service(NAME, DEFAULT_URL, ("doi",), BATCH, lookup)

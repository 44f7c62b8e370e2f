from __future__ import annotations

import pytest

from sphinx_academic.query.order import (
    OrderError,
    group_publications,
    parse_sort,
    sort_publications,
    type_group,
)
from sphinx_academic.readers.bibtex import parse_bibtex

BIB = r"""
@article{old, title={Old}, year={2018}, month={mar}, journal={J}}
@article{new, title={New}, year={2021}, month={dec}, journal={J}}
@inproceedings{mid, title={Mid}, year={2021}, month={feb}, booktitle={C}}
@misc{undated, title={Undated}}
@misc{pre, title={Pre}, year={2021}, arxiv={2101.1}}
@phdthesis{thesis, title={Thesis}, year={2019}, school={U}}
@techreport{tr, title={Report}, year={2017}, institution={I}}
@incollection{chap, title={Chapter}, year={2016}, booktitle={B}}
@article{arx, title={On arXiv}, year={2020}, journal={arXiv preprint arXiv:2001.1}}
"""
ENTRIES = parse_bibtex(BIB, "refs.bib").entries


def order(spec: str) -> list[str]:
    return [e.key for e in sort_publications(ENTRIES, parse_sort(spec, {"journal"}))]


def test_default_newest_first_missing_last_stable() -> None:
    assert order("-year, -month") == [
        "new",
        "mid",
        "pre",
        "arx",
        "thesis",
        "old",
        "tr",
        "chap",
        "undated",
    ]


def test_ascending_keeps_missing_last() -> None:
    assert order("year")[-1] == "undated"
    assert order("year")[:2] == ["chap", "tr"]


def test_title_and_field_keys() -> None:
    assert order("title")[:3] == ["chap", "mid", "new"]
    assert order("-journal")[:3] == ["old", "new", "arx"]


def test_unknown_sort_key() -> None:
    with pytest.raises(OrderError, match="unknown sort key 'shoe'"):
        parse_sort("-year, shoe", set())


def test_group_by_year_newest_first_undated_last() -> None:
    groups = group_publications(sort_publications(ENTRIES, parse_sort("-year", set())), "year")
    assert [heading for heading, _ in groups] == [
        "2021",
        "2020",
        "2019",
        "2018",
        "2017",
        "2016",
        "Undated",
    ]


def test_group_by_type_headings() -> None:
    groups = group_publications(ENTRIES, "type")
    assert [(heading, [e.key for e in group]) for heading, group in groups] == [
        ("Journal articles", ["old", "new"]),
        ("Conference papers", ["mid"]),
        ("Book chapters", ["chap"]),
        ("Theses", ["thesis"]),
        ("Technical reports", ["tr"]),
        ("Preprints", ["pre", "arx"]),
        ("Other publications", ["undated"]),
    ]
    assert type_group(ENTRIES[-1]) == "preprint"


def test_unknown_grouping() -> None:
    with pytest.raises(OrderError):
        group_publications(ENTRIES, "colour")

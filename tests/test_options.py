"""Directive options beyond the basics: ordering of groups, :no-index:, editors, DOIs."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import academic_warnings, build_root, parse_html


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BeautifulSoup, list[str]]:
    app: SphinxTestApp = build_root("options", tmp_path_factory.mktemp("options"))
    return parse_html(app.outdir / "index.html"), academic_warnings(app.warning.getvalue())


def test_ascending_year_sort_groups_oldest_first(built: tuple[BeautifulSoup, list[str]]) -> None:
    page = built[0]
    headings = [h.get_text() for h in page.select("#oldest-first .academic-group-heading")]
    assert headings == ["2019", "2020", "2021"]


def test_no_index_list_is_not_the_pub_target(built: tuple[BeautifulSoup, list[str]]) -> None:
    page = built[0]
    link = page.select_one("p a.reference.internal")
    # The first list on the page has :no-index:, so the link goes to the second.
    assert page.select_one("#not-a-target #pub-old2019") is not None
    assert link["href"] == "#pub-old2019-2"


def test_reversed_outside_numbered_warns(built: tuple[BeautifulSoup, list[str]]) -> None:
    assert any(
        re.search(r"index\.rst:\d+: WARNING: :reversed: only applies to :style: numbered", w)
        and w.endswith("[academic.option]")
        for w in built[1]
    ), built[1]


def test_filter_field_typo_warns(built: tuple[BeautifulSoup, list[str]]) -> None:
    assert any(
        "no entry has a field 'jornal' (a typo?)" in w and w.endswith("[academic.filter]")
        for w in built[1]
    ), built[1]


def test_edited_volume_and_chapter(built: tuple[BeautifulSoup, list[str]]) -> None:
    page = built[0]
    lines = {p["id"]: p.get_text() for p in page.select("#target .academic-pub-line")}
    assert lines["pub-proc2020-3"].startswith("Eve Editor and Otto Other (eds.). Proceedings")
    assert "Handbook of Things, edited by Eve Editor, 2021." in lines["pub-chapter2021-3"]
    assert lines["pub-old2019-3"].startswith("Sofia Lindqvist*. Old Article.")


def test_doi_prefix(built: tuple[BeautifulSoup, list[str]]) -> None:
    link = built[0].select_one("#pub-chapter2021 .academic-link-doi")
    assert link["href"] == "https://doi.org/10.1000/chapter"


def test_only_expected_warnings(built: tuple[BeautifulSoup, list[str]]) -> None:
    assert len(built[1]) == 2, built[1]

"""A broken profile: every mistake is one warning at its line; the rest of the site builds."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import academic_warnings, build_root, parse_html


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], BeautifulSoup]:
    app = build_root("profile-bad", tmp_path_factory.mktemp("profile-bad"))
    assert "Traceback" not in app.warning.getvalue()
    return academic_warnings(app.warning.getvalue()), parse_html(app.outdir / "index.html")


@pytest.mark.parametrize(
    ("location", "message", "subtype"),
    [
        ("profile.yaml:3:3", "unknown key 'emial'; ignored (did you mean 'email'?)", "profile"),
        ("profile.yaml:11:16", "startDate: '2020-13-01' is not a possible date", "date"),
        ("profile.yaml:15:14", "the end (2018-01) is before the start (2019-05)", "date"),
        ("profile.yaml:17:5", "news item without a date; it is left out", "news"),
        ("profile.yaml:18:11", "date: '2024-02-30' is not a possible date", "date"),
        ("extra.json:6:37", "invalid JSON: Expecting property name", "json"),
        ("index.rst:4", "no profile section 'wrok'; did you mean 'work'?", "section"),
        ("index.rst:6", ":order: 'sideways' is not one of newest, oldest, source", "option"),
        ("index.rst:6", ":limit: 'lots' is not a whole number", "option"),
        ("index.rst:10", ":since: 'yesterday' is not a date", "option"),
        ("profile.yaml:5", "markup in profile text: Inline emphasis start-string", "markup"),
    ],
)
def test_located_warning(
    built: tuple[list[str], BeautifulSoup], location: str, message: str, subtype: str
) -> None:
    pattern = re.escape(f"{location}: WARNING: {message}") + rf".* \[academic\.{subtype}\]$"
    found = [w for w in built[0] if re.search(pattern, w)]
    assert len(found) == 1, (pattern, built[0])


def test_nothing_else(built: tuple[list[str], BeautifulSoup]) -> None:
    # The impossible news date is one warning, which also says the item is left out.
    assert len(built[0]) == 11, "\n".join(built[0])


def test_valid_entries_still_render(built: tuple[list[str], BeautifulSoup]) -> None:
    page = built[1]
    titles = [t.get_text() for t in page.select(".academic-cv .academic-timeline-title")]
    assert titles == ["Scientist", "Engineer", "Intern"]
    news = [
        n.select_one(".academic-news-text").get_text() for n in page.select(".academic-news-item")
    ]
    assert news == ["A good item"]

"""Years and months that are not plain dates: the text is kept as a label, such entries
sort predictably, and only an unusable value is a warning."""

from __future__ import annotations

import pytest

from sphinx_academic.export.csl import csl_item
from sphinx_academic.query.order import group_publications, parse_sort, sort_publications
from sphinx_academic.readers.bibtex import parse_bibtex

from conftest import academic_warnings, bib_site, build_app, parse_html

BIB = r"""@article{press, title={Press}, year={in press}, journal={J}}
@article{a2020, title={A2020}, year={2020a}, journal={J}}
@article{b2020, title={B2020}, year={2020b}, journal={J}}
@article{plain, title={Plain}, year={2021}, journal={J}}
@article{forth, title={Forth}, year={Forthcoming}, journal={J}}
@article{badmonth, title={Bad month}, year={2019}, month={13}, journal={J}}
@article{nodate, title={No date}, journal={J}}
@article{state, title={State}, pubstate={inpress}, journal={J}}
"""
PARSED = parse_bibtex(BIB, "refs.bib")
BY_KEY = {pub.key: pub for pub in PARSED.entries}


@pytest.mark.parametrize(
    ("key", "year", "label"),
    [
        ("press", None, "in press"),
        ("a2020", 2020, "2020a"),
        ("plain", 2021, ""),
        ("forth", None, "Forthcoming"),
        ("nodate", None, ""),
        ("state", None, "in press"),
    ],
)
def test_year_and_label(key: str, year: int | None, label: str) -> None:
    assert (BY_KEY[key].year, BY_KEY[key].year_label) == (year, label)


def test_only_an_impossible_month_warns() -> None:
    assert [(p.message, p.subtype, p.line) for p in PARSED.problems] == [
        ("badmonth: field 'month': '13' is not a month (1-12 or a name); not shown", "date", 6)
    ]
    assert BY_KEY["badmonth"].month is None and BY_KEY["badmonth"].year == 2019


def test_forthcoming_sorts_newest_others_by_their_digits() -> None:
    ordered = sort_publications(PARSED.entries, parse_sort("-year, -month", set()))
    assert [p.key for p in ordered] == [
        "press",
        "forth",
        "state",
        "plain",
        "a2020",
        "b2020",
        "badmonth",
        "nodate",
    ]


def test_group_by_year_heads_forthcoming_with_the_label() -> None:
    ordered = sort_publications(PARSED.entries, parse_sort("-year", set()))
    groups = group_publications(ordered, "year")
    assert [(heading, [p.key for p in group]) for heading, group in groups] == [
        ("in press", ["press", "state"]),
        ("Forthcoming", ["forth"]),
        ("2021", ["plain"]),
        ("2020", ["a2020", "b2020"]),
        ("2019", ["badmonth"]),
        ("Undated", ["nodate"]),
    ]


def test_csl_keeps_the_label() -> None:
    assert csl_item(BY_KEY["press"])["issued"] == {"literal": "in press"}
    assert csl_item(BY_KEY["a2020"])["issued"] == {"date-parts": [[2020]]}


def test_label_shown_where_the_year_would_be(tmp_path: object) -> None:
    from pathlib import Path

    app = build_app(bib_site(Path(str(tmp_path)), BIB))
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and "p.bib:6: WARNING: badmonth: field 'month'" in warnings[0]
    page = parse_html(app.outdir / "index.html")
    venues = {
        card.select_one(".academic-pub-title").get_text(): card.select_one(
            ".academic-pub-venue"
        ).get_text()
        for card in page.select(".academic-pub-card")
    }
    assert venues["Press"] == "J, in press"
    assert venues["A2020"] == "J, 2020a"
    assert venues["Plain"] == "J, 2021"

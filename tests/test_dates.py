"""PartialDate: parsing, validation, accessors and a total order."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_academic.model.dates import DateError, PartialDate, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018", PartialDate(2018)),
        (2018, PartialDate(2018)),
        ("2018-08", PartialDate(2018, 8)),
        ("2018-8", PartialDate(2018, 8)),
        ("2018-08-15", PartialDate(2018, 8, 15)),
        (" 2018-08-15 ", PartialDate(2018, 8, 15)),
        (datetime.date(2018, 8, 15), PartialDate(2018, 8, 15)),
        (datetime.datetime(2018, 8, 15, 10, 30), PartialDate(2018, 8, 15)),
        ("present", PartialDate(present=True)),
        ("Now", PartialDate(present=True)),
        ("PRESENT", PartialDate(present=True)),
        ("Fall 2019", PartialDate(label="Fall 2019")),
        ("Fall   2019", PartialDate(label="Fall 2019")),
        ("", None),
        (None, None),
    ],
)
def test_parse(value: object, expected: PartialDate | None) -> None:
    assert PartialDate.parse(value) == expected


@pytest.mark.parametrize(
    "value", ["2020-13-01", "2020-02-30", "2021-02-29", "2020-00", "0000", 0, 10000, True, 3.5, []]
)
def test_impossible_dates_raise_date_error(value: object) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(value)


def test_parse_date_turns_errors_into_located_problems() -> None:
    date, problem = parse_date("2020-02-30", "cv.yaml", 4, 12)
    assert date is None
    assert problem is not None
    assert (problem.subtype, problem.path, problem.line, problem.column) == (
        "date",
        "cv.yaml",
        4,
        12,
    )
    assert "2020-02-30" in problem.message
    assert parse_date("2020-02-29") == (PartialDate(2020, 2, 29), None)


def test_leap_day_is_possible() -> None:
    assert PartialDate.parse("2020-02-29") == PartialDate(2020, 2, 29)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"year": 2020, "present": True}, {"month": 3}, {"year": 2020, "day": 3}, {"label": ""}],
)
def test_constructor_checks_its_invariants(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PartialDate(**kwargs)  # type: ignore[arg-type]


def test_accessors() -> None:
    day, month, year = PartialDate(2018, 8, 15), PartialDate(2018, 8), PartialDate(2018)
    assert (day.year, day.month, day.day) == (2018, 8, 15)
    assert [d.precision for d in (day, month, year)] == ["day", "month", "year"]
    assert month.date == datetime.date(2018, 8, 1)
    assert year.date == datetime.date(2018, 1, 1)
    assert [d.isoformat() for d in (day, month, year)] == ["2018-08-15", "2018-08", "2018"]
    assert PartialDate(985).isoformat() == "0985"
    assert all(d.is_date for d in (day, month, year))


def test_labels_and_present_have_no_calendar_value() -> None:
    for value in (PartialDate(present=True), PartialDate(label="Fall 2019")):
        assert (value.date, value.precision, value.isoformat(), value.is_date) == (
            None,
            None,
            None,
            False,
        )
    assert str(PartialDate(present=True)) == "present"
    assert str(PartialDate(label="Fall 2019")) == "Fall 2019"
    assert str(PartialDate(2018, 8)) == "2018-08"


def test_order_examples() -> None:
    expected = [
        PartialDate(label="Someday"),
        PartialDate(2017, 12, 31),
        PartialDate(2018),
        PartialDate(label="Spring 2018"),
        PartialDate(2018, 1),
        PartialDate(2018, 1, 1),
        PartialDate(2018, 2),
        PartialDate(2019),
        PartialDate(present=True),
    ]
    for shuffled in itertools.islice(itertools.permutations(expected), 50):
        assert sorted(shuffled) == expected
    assert PartialDate(2018) < PartialDate(present=True)
    assert PartialDate(present=True) >= PartialDate(present=True)
    assert PartialDate(2019) > PartialDate(2018, 12, 31)
    assert PartialDate(2018) <= PartialDate(2018)


# -- properties ----------------------------------------------------------------------------

_calendar = st.builds(
    lambda day, precision: PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    ),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.sampled_from(["year", "month", "day"]),
)
_labels = (
    st.text(min_size=1, max_size=12)
    .map(lambda text: " ".join(text.split()))
    .filter(lambda text: text != "" and PartialDate.parse(text) == PartialDate(label=text))
    .map(lambda text: PartialDate(label=text))
)
_labels_with_years = st.integers(1000, 2999).map(lambda year: PartialDate(label=f"Fall {year}"))
partial_dates = st.one_of(
    _calendar, _labels, _labels_with_years, st.just(PartialDate(present=True))
)


@given(partial_dates, partial_dates)
def test_order_is_total_and_antisymmetric(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) + (b < a) + (a.sort_key == b.sort_key) == 1
    assert (a <= b) or (b <= a)
    if a <= b and b <= a:
        assert a == b  # equal keys only for equal values


@given(partial_dates, partial_dates, partial_dates)
def test_order_is_transitive(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    first, second, third = sorted([a, b, c])
    assert first <= second <= third
    assert first <= third


@given(st.dates(), st.dates())
def test_order_follows_the_calendar(a: datetime.date, b: datetime.date) -> None:
    assert (PartialDate.parse(a) < PartialDate.parse(b)) == (a < b)  # type: ignore[operator]


@given(_calendar)
def test_isoformat_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(date.isoformat()) == date


@given(partial_dates)
def test_str_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(st.one_of(st.text(max_size=20), st.integers(), st.dates(), st.none(), st.booleans()))
def test_parse_never_fails_other_than_with_date_error(value: object) -> None:
    try:
        parsed = PartialDate.parse(value)
    except DateError:
        return
    assert parsed is None or isinstance(parsed, PartialDate)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015-10-22 15:59:00-0400", (2015, 10, 22)),
        ("2015-10-22T15:59", (2015, 10, 22)),
        ("2024-01-05 08:00:00Z", (2024, 1, 5)),
        ("2024-01-05 08:00:00.123+02:00", (2024, 1, 5)),
    ],
)
def test_time_of_day_is_dropped(text: str, expected: tuple[int, int, int]) -> None:
    date = PartialDate.parse(text)
    assert date is not None and (date.year, date.month, date.day) == expected

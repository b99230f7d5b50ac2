"""Temporal expressions resolved against a publication date: a table of expressions and
their expected (start, end, precision), then the inputs that must fail with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.dates import parse_iso_date
from wirecoder.dates.expressions import resolve_expression

# A Wednesday, so weekdays fall on both sides of it.
PUBLISHED = date(2023, 8, 16)

EXPRESSIONS = [
    ("yesterday", "2023-08-15", "2023-08-15", "day"),
    ("today", "2023-08-16", "2023-08-16", "day"),
    ("tonight", "2023-08-16", "2023-08-16", "day"),
    ("tomorrow", "2023-08-17", "2023-08-17", "day"),
    ("the day before yesterday", "2023-08-14", "2023-08-14", "day"),
    ("last night", "2023-08-15", "2023-08-15", "day"),
    ("this morning", "2023-08-16", "2023-08-16", "day"),
    ("yesterday afternoon", "2023-08-15", "2023-08-15", "day"),
    ("earlier today", "2023-08-16", "2023-08-16", "day"),
    ("on Tuesday", "2023-08-15", "2023-08-15", "day"),
    ("Wednesday", "2023-08-16", "2023-08-16", "day"),
    ("on Thursday", "2023-08-10", "2023-08-10", "day"),
    ("Tuesday night", "2023-08-15", "2023-08-15", "day"),
    ("last Wednesday", "2023-08-09", "2023-08-09", "day"),
    ("next Tuesday", "2023-08-22", "2023-08-22", "day"),
    ("this Friday", "2023-08-18", "2023-08-18", "day"),
    ("coming Monday", "2023-08-21", "2023-08-21", "day"),
    ("Tuesday's", "2023-08-15", "2023-08-15", "day"),
    ("last week", "2023-08-07", "2023-08-13", "week"),
    ("this week", "2023-08-14", "2023-08-20", "week"),
    ("next week", "2023-08-21", "2023-08-27", "week"),
    ("earlier this week", "2023-08-14", "2023-08-16", "week"),
    ("a week ago", "2023-08-07", "2023-08-13", "week"),
    ("two weeks ago", "2023-07-31", "2023-08-06", "week"),
    ("the past week", "2023-08-09", "2023-08-16", "range"),
    ("the past two weeks", "2023-08-02", "2023-08-16", "range"),
    ("last month", "2023-07-01", "2023-07-31", "month"),
    ("this month", "2023-08-01", "2023-08-31", "month"),
    ("next month", "2023-09-01", "2023-09-30", "month"),
    ("earlier this month", "2023-08-01", "2023-08-16", "month"),
    ("later this month", "2023-08-16", "2023-08-31", "month"),
    ("three months ago", "2023-05-01", "2023-05-31", "month"),
    ("the past six months", "2023-02-16", "2023-08-16", "range"),
    ("last year", "2022-01-01", "2022-12-31", "year"),
    ("this year", "2023-01-01", "2023-12-31", "year"),
    ("next year", "2024-01-01", "2024-12-31", "year"),
    ("earlier this year", "2023-01-01", "2023-08-16", "year"),
    ("two years ago", "2021-01-01", "2021-12-31", "year"),
    ("a year ago", "2022-01-01", "2022-12-31", "year"),
    ("the past year", "2022-08-16", "2023-08-16", "range"),
    ("the last three years", "2020-08-16", "2023-08-16", "range"),
    ("in March", "2023-03-01", "2023-03-31", "month"),
    ("in August", "2023-08-01", "2023-08-31", "month"),
    ("in September", "2022-09-01", "2022-09-30", "month"),
    ("next March", "2024-03-01", "2024-03-31", "month"),
    ("last August", "2022-08-01", "2022-08-31", "month"),
    ("this March", "2023-03-01", "2023-03-31", "month"),
    ("early March", "2023-03-01", "2023-03-10", "range"),
    ("mid-February", "2023-02-11", "2023-02-20", "range"),
    ("late July", "2023-07-21", "2023-07-31", "range"),
    ("March 5", "2023-03-05", "2023-03-05", "day"),
    ("5 March", "2023-03-05", "2023-03-05", "day"),
    ("Aug. 20", "2022-08-20", "2022-08-20", "day"),
    ("August 16", "2023-08-16", "2023-08-16", "day"),
    ("the 5th of March", "2023-03-05", "2023-03-05", "day"),
    ("Tuesday, August 15", "2023-08-15", "2023-08-15", "day"),
    ("March 5th", "2023-03-05", "2023-03-05", "day"),
    ("5 March 2021", "2021-03-05", "2021-03-05", "day"),
    ("March 5, 2021", "2021-03-05", "2021-03-05", "day"),
    ("Sept. 5, 2001", "2001-09-05", "2001-09-05", "day"),
    ("2021-03-05", "2021-03-05", "2021-03-05", "day"),
    ("13/03/2021", "2021-03-13", "2021-03-13", "day"),
    ("3/13/2021", "2021-03-13", "2021-03-13", "day"),
    ("March 2021", "2021-03-01", "2021-03-31", "month"),
    ("mid-March 2021", "2021-03-11", "2021-03-20", "range"),
    ("2019", "2019-01-01", "2019-12-31", "year"),
    ("in 2019", "2019-01-01", "2019-12-31", "year"),
    ("the year 2019", "2019-01-01", "2019-12-31", "year"),
    ("mid-2019", "2019-05-01", "2019-08-31", "range"),
    ("early 2020", "2020-01-01", "2020-04-30", "range"),
    ("late 2019", "2019-09-01", "2019-12-31", "range"),
    ("between 2019 and 2021", "2019-01-01", "2021-12-31", "range"),
    ("from 2019 to 2021", "2019-01-01", "2021-12-31", "range"),
    ("2019-21", "2019-01-01", "2021-12-31", "range"),
    ("2019\u20132021", "2019-01-01", "2021-12-31", "range"),
    ("2019 to 2021", "2019-01-01", "2021-12-31", "range"),
    ("between March and May 2021", "2021-03-01", "2021-05-31", "range"),
    ("March 5-7, 2021", "2021-03-05", "2021-03-07", "range"),
    ("5-7 March 2021", "2021-03-05", "2021-03-07", "range"),
    ("from mid-2019 to 2021", "2019-05-01", "2021-12-31", "range"),
    ("from January to March", "2023-01-01", "2023-03-31", "range"),
    ("since 2014", "2014-01-01", "2023-08-16", "range"),
    ("since March", "2023-03-01", "2023-08-16", "range"),
    ("since last year", "2022-01-01", "2023-08-16", "range"),
    ("ever since 2003", "2003-01-01", "2023-08-16", "range"),
    ("since March 2020", "2020-03-01", "2023-08-16", "range"),
    ("three days ago", "2023-08-13", "2023-08-13", "day"),
    ("a decade ago", "2013-01-01", "2013-12-31", "year"),
    ("a fortnight ago", "2023-07-31", "2023-08-06", "week"),
    ("the past decade", "2013-08-16", "2023-08-16", "range"),
    ("the 1990s", "1990-01-01", "1999-12-31", "range"),
    ("the '90s", "1990-01-01", "1999-12-31", "range"),
    ("the early 2000s", "2000-01-01", "2003-12-31", "range"),
    ("the late 1980s", "1987-01-01", "1989-12-31", "range"),
    ("the 20th century", "1901-01-01", "2000-12-31", "range"),
    ("Q1 2021", "2021-01-01", "2021-03-31", "range"),
    ("the first quarter of 2022", "2022-01-01", "2022-03-31", "range"),
    ("the second half of last year", "2022-07-01", "2022-12-31", "range"),
    ("in two weeks", "2023-08-28", "2023-09-03", "week"),
    ("the weekend", "2023-08-12", "2023-08-13", "range"),
    ("over the weekend", "2023-08-12", "2023-08-13", "range"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), EXPRESSIONS)
def test_expression_resolves(text: str, start: str, end: str, precision: str) -> None:
    resolution = resolve_expression(text, PUBLISHED)
    assert resolution.value is not None, resolution.reason
    assert resolution.value.when(text) == {
        "start": start, "end": end, "precision": precision, "text": text,
    }


def test_table_is_large_enough() -> None:
    assert len(EXPRESSIONS) >= 60
    assert len({text for text, *_ in EXPRESSIONS}) == len(EXPRESSIONS)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("on Tuesday", "2023-08-22"),  # "will meet on Tuesday": the next one
        ("Wednesday", "2023-08-16"),
        ("in March", "2024-03-01"),
        ("March 5", "2024-03-05"),
        ("the weekend", "2023-08-19"),
    ],
)
def test_forward_clause_counts_forward(text: str, start: str) -> None:
    resolution = resolve_expression(text, PUBLISHED, future=True)
    assert resolution.value is not None
    assert resolution.value.start.isoformat() == start


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("32 March", "day 32 out of range for March"),
        ("March 32, 2021", "day 32 out of range"),
        ("0 March", "day 0 out of range"),
        ("the year 20222", "year 20222 out of range"),
        ("20222", "out of range"),
        ("February 30, 2021", "no day 30"),
        ("February 29, 2023", "no day 29"),
        ("2021-13-05", "month 13 out of range"),
        ("05/03/2021", "ambiguous"),
        ("from 2021 to 2019", "range ends before it starts"),
        ("since next year", "after publication"),
        ("the 99th century", "century 99 out of range"),
        ("", "empty"),
        ("   ", "empty"),
        ("hello world", "unrecognised"),
        ("for years", "duration"),
        ("three years", "duration"),
        ("several years ago", "vague"),
        ("in recent years", "vague"),
        ("recently", "vague"),
        ("before 2019", "open-ended"),
        ("until March", "open-ended"),
        ("2019 to " * 40, "too long"),
        ("\x00\ud800", "unrecognised"),
    ],
)
def test_bad_input_gives_a_reason(text: str, reason: str) -> None:
    resolution = resolve_expression(text, PUBLISHED)
    assert resolution.value is None
    assert reason in resolution.reason


def test_relative_expression_needs_publication() -> None:
    resolution = resolve_expression("yesterday")
    assert resolution.value is None
    assert resolution.relative
    assert "publication" in resolution.reason


def test_absolute_expression_needs_no_publication() -> None:
    resolution = resolve_expression("between 2019 and 2021")
    assert resolution.value is not None
    assert (resolution.value.start, resolution.value.end) == (date(2019, 1, 1), date(2021, 12, 31))


def test_feb_29_without_year_finds_the_last_leap_year() -> None:
    resolution = resolve_expression("Feb. 29", PUBLISHED)
    assert resolution.value is not None
    assert resolution.value.start == date(2020, 2, 29)


def test_parse_iso_date() -> None:
    assert parse_iso_date("2023-08-20T10:00:00Z") == date(2023, 8, 20)
    assert parse_iso_date("20 August") is None
    assert parse_iso_date(None) is None

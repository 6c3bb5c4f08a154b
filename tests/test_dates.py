"""Date normalisation: exact lexical forms for expressions seen in news."""

from __future__ import annotations

import re

import pytest

from kg.extract.dates import DateRange, find_dates, normalise

P = "2025-11-30"  # a Sunday

# expression, published, tense, expected (None, "start" or ("start", "end"))
CASES = [
    # full dates in news formats
    ("December 4, 2025", None, None, "2025-12-04"),
    ("4 December 2025", None, None, "2025-12-04"),
    ("Dec. 4", P, None, "2025-12-04"),
    ("Dec. 4", None, None, "--12-04"),
    ("2025-12-04", None, None, "2025-12-04"),
    ("2025-12-04T10:00:00Z", None, None, "2025-12-04"),
    ("2025/12/04", None, None, "2025-12-04"),
    ("04.12.2025", None, None, "2025-12-04"),
    ("30.11.2025", None, None, "2025-11-30"),
    ("13/05/2025", None, None, "2025-05-13"),
    ("05/13/2025", None, None, "2025-05-13"),
    ("4/12/2025", None, None, "2025-04-12"),  # ambiguous: month first
    ("4/12/2025", P, None, "2025-12-04"),  # ambiguous: nearest to published
    ("on the 4th of December", P, None, "2025-12-04"),
    ("December the 4th", None, None, "--12-04"),
    ("Tuesday, December 4", None, None, "--12-04"),
    ("Sept. 11, 2001", None, None, "2001-09-11"),
    ("JANUARY 6, 2021", None, None, "2021-01-06"),
    ("Dec 4th, 2025 at 10:00 IST", None, None, "2025-12-04"),
    ("4th Dec '25", None, None, "2025-12-04"),  # dateparser fallback
    # ranges
    ("December 4-5", P, "future", ("2025-12-04", "2025-12-05")),
    ("December 4\u20135", None, None, ("--12-04", "--12-05")),
    ("on December 4\u20135", P, None, ("2025-12-04", "2025-12-05")),
    ("Dec 4 to 5", P, None, ("2025-12-04", "2025-12-05")),
    ("July 8 and 9", None, None, ("--07-08", "--07-09")),
    ("on July 8 and 9", "2024-07-10", "past", ("2024-07-08", "2024-07-09")),
    ("between 4 and 5 December", P, None, ("2025-12-04", "2025-12-05")),
    ("from July 8 to July 10", "2025-06-01", None, ("2025-07-08", "2025-07-10")),
    ("December 4-5, 2025", None, None, ("2025-12-04", "2025-12-05")),
    ("4-5 December 2025", None, None, ("2025-12-04", "2025-12-05")),
    ("1 December 2025 to 3 January 2026", None, None, ("2025-12-01", "2026-01-03")),
    ("December 30 - January 2", "2025-12-20", "future", ("2025-12-30", "2026-01-02")),
    ("December 30 - January 2", "2026-01-01", "future", ("2025-12-30", "2026-01-02")),
    ("December 30 - January 2", "2026-01-05", "past", ("2025-12-30", "2026-01-02")),
    ("December 30 - January 2, 2026", None, None, ("2025-12-30", "2026-01-02")),
    ("December 30 - January 2", None, None, ("--12-30", "--01-02")),
    ("October-November 2025", None, None, ("2025-10", "2025-11")),
    ("December 2024 - January 2025", None, None, ("2024-12", "2025-01")),
    ("2019-2021", None, None, ("2019", "2021")),
    ("between 2019 and 2021", None, None, ("2019", "2021")),
    ("2024-25", None, None, ("2024", "2025")),  # fiscal year
    ("2025-12", None, None, "2025-12"),
    ("2021-2019", None, None, None),
    # month and day without a year: choosing the year
    ("December 4", P, "future", "2025-12-04"),
    ("November 4", P, "future", "2026-11-04"),
    ("December 4", P, "past", "2024-12-04"),
    ("November 4", P, "past", "2025-11-04"),
    ("January 5", P, None, "2026-01-05"),  # nearest occurrence
    ("July 8", P, None, "2025-07-08"),
    ("June 30", "2025-12-31", None, "2025-06-30"),
    ("February 29", "2024-03-05", "past", "2024-02-29"),  # leap day
    ("February 29", "2025-03-01", "past", "2024-02-29"),
    ("February 29", "2025-03-01", "future", "2028-02-29"),
    ("February 29", None, None, "--02-29"),
    ("February 29, 2024", None, None, "2024-02-29"),
    ("February 29, 2025", None, None, None),
    ("30 February", None, None, None),
    ("December 32", None, None, None),
    # month alone, month and year, year
    ("in October", P, None, "2025-10"),
    ("in October", None, None, None),
    ("early December", P, None, "2025-12"),
    ("mid-December", P, None, "2025-12"),
    ("May", "2025-01-01", "future", "2025-05"),
    ("in January", P, "future", "2026-01"),
    ("in December", P, "past", "2024-12"),
    ("last December", P, None, "2024-12"),
    ("December this year", "2025-03-01", None, "2025-12"),
    ("December 4 last year", P, None, "2024-12-04"),
    ("the first week of December", P, None, "2025-12"),
    ("October 2000", None, None, "2000-10"),
    ("in 2021", None, None, "2021"),
    ("since 2019", None, None, "2019"),
    ("mid-2025", None, None, "2025"),
    ("the end of 2025", None, None, "2025"),
    ("the second half of 2025", None, None, "2025"),
    ("Q3 2025", None, None, "2025"),
    ("fiscal year 2025", None, None, "2025"),
    ("1947", None, None, "1947"),
    # relative to the publication date
    ("today", P, None, "2025-11-30"),
    ("this morning", P, None, "2025-11-30"),
    ("yesterday", P, None, "2025-11-29"),
    ("last night", P, None, "2025-11-29"),
    ("tomorrow", P, None, "2025-12-01"),
    ("on Tuesday", P, "future", "2025-12-02"),
    ("on Tuesday", P, "past", "2025-11-25"),
    ("on Tuesday", P, None, "2025-11-25"),
    ("Sunday", P, None, "2025-11-30"),
    ("Sunday", P, "future", "2025-11-30"),
    ("last Sunday", P, None, "2025-11-23"),
    ("next Tuesday", P, None, "2025-12-02"),
    ("10 a.m. on Thursday", P, None, "2025-11-27"),
    ("last week", P, None, "2025-11"),  # Nov 17-23
    ("next week", P, None, "2025-12"),  # Dec 1-7
    ("this week", "2025-12-31", None, None),  # Dec 29 - Jan 4 spans two months
    ("this weekend", "2025-11-26", None, ("2025-11-29", "2025-11-30")),
    ("the weekend", P, None, None),
    ("next month", "2025-12-10", None, "2026-01"),
    ("last month", "2025-01-10", None, "2024-12"),
    ("this month", P, None, "2025-11"),
    ("later this month", P, None, "2025-11"),
    ("this year", P, None, "2025"),
    ("later this year", "2025-10-09", None, "2025"),
    ("earlier this year", "2025-10-09", None, "2025"),
    ("the end of the year", "2025-03-01", None, "2025"),
    ("next year", "2025-10-09", None, "2026"),
    ("last year", "2025-10-09", None, "2024"),
    ("late last year", "2025-10-09", None, "2024"),
    ("by the end of next year", P, None, "2026"),
    ("in two weeks", P, None, "2025-12-14"),
    ("in three days", P, None, "2025-12-03"),
    ("two weeks ago", P, None, "2025-11-16"),
    ("a week ago", P, None, "2025-11-23"),
    ("three months ago", P, None, "2025-08"),
    ("two years ago", P, None, "2023"),
    ("Christmas", P, None, "2025-12-25"),
    ("New Year's Eve", None, None, "--12-31"),
    # relative without a publication date: never guessed
    ("today", None, None, None),
    ("on Tuesday", None, "future", None),
    ("next month", None, None, None),
    ("this year", None, None, None),
    ("in two weeks", None, None, None),
    # durations, vague expressions, garbage
    ("decades", P, None, None),
    ("the past two years", P, None, None),
    ("recent years", P, None, None),
    ("the years ahead", P, None, None),
    ("in the coming days", P, None, None),
    ("the next day", P, None, None),
    ("the same day", P, None, None),
    ("two days later", P, None, None),
    ("annual", P, None, None),
    ("daily", P, None, None),
    ("the era of the Cold War", P, None, None),
    ("the 1990s", None, None, None),
    ("the 21st century", None, None, None),
    ("now", P, None, None),
    ("", P, None, None),
    ("the", P, None, None),
    ("2 billion", P, None, None),
    ("G20", P, None, None),
    ("4", P, None, None),
    ("the 4th", P, None, None),
    ("9/11", P, None, None),
    ("3000", None, None, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), CASES)
def test_normalise(expression, published, tense, expected):
    if isinstance(expected, tuple):
        expected = DateRange(*expected)
    elif expected is not None:
        expected = DateRange(expected)
    assert normalise(expression, published, tense) == expected


def test_bad_published_and_tense_are_ignored():
    assert normalise("December 4", "not a date") == DateRange("--12-04")
    assert normalise("December 4", P, "present") == DateRange("2025-12-04")
    assert normalise("today", "2025-13-45") is None


YEARLESS = [
    "December 4", "Dec 4 to 5", "July 8 and 9", "on the 4th of December", "Tuesday",
    "next week", "in October", "early December", "yesterday", "in two weeks", "last month",
    "this year", "later this year", "4th of Dec", "December the 4th", "Christmas",
    "December 30 - January 2", "the first week of December", "Dec. 4th at 10 a.m.",
]


@pytest.mark.parametrize("expression", YEARLESS)
def test_no_year_is_invented_without_published(expression):
    result = normalise(expression)
    if result is not None:
        for value in (result.start, result.end):
            assert value is None or re.fullmatch(r"--\d\d-\d\d", value), value


def test_many_calls_finish():
    expressions = [case[0] for case in CASES]
    for i in range(1000):
        normalise(expressions[i % len(expressions)], f"2025-{i % 12 + 1:02d}-15", None)
        normalise(f"December {i % 28 + 1}", None, "past")


def test_find_dates_in_a_sentence():
    text = "Putin will visit New Delhi on December 4\u20135, his first trip since 2021."
    found = find_dates(text, "2025-11-30", "future")
    assert [(text[s:e], v) for s, e, v in found] == [
        ("December 4\u20135", DateRange("2025-12-04", "2025-12-05")),
        ("2021", DateRange("2021")),
    ]


def test_find_dates_skips_numbers_and_names():
    text = (
        "Modi stopped in Moscow on July 8 and 9, his first visit since 2019, as 2000 troops "
        "and Vision 2030 and FY2025 and $2025 and 2025 billion were discussed in May 2024."
    )
    found = [(text[s:e], v) for s, e, v in find_dates(text, None)]
    assert found == [
        ("July 8 and 9", DateRange("--07-08", "--07-09")),
        ("2019", DateRange("2019")),
        ("May 2024", DateRange("2024-05")),
    ]


def test_find_dates_relative_and_numeric():
    text = (
        "On Tuesday officials said talks resume next week; a deal signed 30.11.2025 "
        "expires in 2026. Over the last week, little moved. Two weeks ago they agreed to meet in March."
    )
    found = [(text[s:e], v) for s, e, v in find_dates(text, "2025-11-30")]
    assert found == [
        ("Tuesday", DateRange("2025-11-25")),
        ("next week", DateRange("2025-12")),
        ("30.11.2025", DateRange("2025-11-30")),
        ("2026", DateRange("2026")),
        ("Two weeks ago", DateRange("2025-11-16")),
        ("March", DateRange("2026-03")),  # nearest March
    ]


def test_find_dates_lowercase_month_words_are_not_dates():
    assert find_dates("Leaders may march on, and we may meet.", P) == []
    assert find_dates("", P) == []


def test_find_dates_year_ranges_and_lists():
    text = "Trade grew between 2019 and 2021, dipped in 2019 and 2022 and recovered in 2024-25."
    found = [(text[s:e], v) for s, e, v in find_dates(text, None)]
    assert found == [
        ("between 2019 and 2021", DateRange("2019", "2021")),
        ("2019", DateRange("2019")),
        ("2022", DateRange("2022")),
        ("2024-25", DateRange("2024", "2025")),
    ]

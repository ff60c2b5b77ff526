"""Normalisation and calendar rules of the time stage (no parsing needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from geoevents.time.calendar import month_year, reference_date, weekday_date
from geoevents.time.normalise import Anchor, normalise

WED = dt.date(2025, 11, 26)  # a Wednesday


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    (1, "past", dt.date(2025, 11, 24)),
    (1, "future", dt.date(2025, 12, 1)),
    (4, "past", dt.date(2025, 11, 20)),
    (4, "future", dt.date(2025, 11, 27)),
    (3, "past", WED),     # same day counts looking back
    (3, "future", WED),   # and looking ahead
    (2, None, dt.date(2025, 11, 25)),  # unknown tense: the nearest
    (5, None, dt.date(2025, 11, 28)),
])
def test_calendar_weekday_direction(weekday, direction, expected):
    assert weekday_date(WED, weekday, direction) == expected


@pytest.mark.parametrize(("relative", "expected"), [
    ("last", dt.date(2025, 11, 19)), ("next", dt.date(2025, 12, 3)), ("this", WED),
])
def test_calendar_weekday_last_next_this(relative, expected):
    assert weekday_date(WED, 3, "past", relative) == expected


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("Monday", "past", "2025-12-29"),    # written on Thursday 1 January 2026
    ("Monday", "future", "2026-01-05"),
    ("Thursday", "past", "2026-01-01"),
    ("December", "past", "2025-12"),
    ("December 30", "past", "2025-12-30"),
    ("last week", None, "2025-W52"),
    ("last year", None, "2025"),
    ("yesterday", None, "2025-12-31"),
])
def test_normalise_year_boundary(text, direction, value):
    assert normalise(text, Anchor(dt.date(2026, 1, 1), direction))[1] == value


@pytest.mark.parametrize(("text", "value"), [
    ("October 2023", "2023-10"),
    ("November", "2025-11"),
    ("in 2026", "2026"),
    ("2022", "2022"),
    ("the 1990s", "199"),
    ("March 01, 2008", "2008-03-01"),
    ("4 July 1776", "1776-07-04"),
    ("the first quarter of 2009", "2009-Q1"),
    ("this week", "2025-W48"),
    ("next month", "2025-12"),
])
def test_normalise_keeps_precision(text, value):
    kind, got = normalise(text, Anchor(WED, "past"))
    assert (kind, got) == ("DATE", value)


@pytest.mark.parametrize(("text", "value"), [
    ("three-day", "P3D"),
    ("two weeks", "P2W"),
    ("for 18 months", "P18M"),
    ("almost two and a half years", "P2.5Y"),
    ("thirty minutes", "PT30M"),
    ("a 12-hour", "PT12H"),
    ("recent years", "PXY"),
    ("the past decade", "P10Y"),
])
def test_normalise_durations(text, value):
    assert normalise(text, Anchor(WED)) == ("DURATION", value)


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("weekly", "SET", "P1W"),
    ("every year", "SET", "P1Y"),
    ("15 a year", "SET", "P1Y"),
    ("recently", "DATE", "PAST_REF"),
    ("currently", "DATE", "PRESENT_REF"),
    ("the future", "DATE", "FUTURE_REF"),
])
def test_normalise_sets_and_vague_references(text, kind, value):
    assert normalise(text, Anchor(WED)) == (kind, value)


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("15:00", "past", "2025-11-26T15:00"),
    ("18:00 UTC", "past", "2025-11-26T18:00Z"),
    ("3pm", "future", "2025-11-26T15:00"),
    ("Friday morning", "past", "2025-11-21TMO"),
    ("12:00 UTC Monday", "past", "2025-11-24T12:00Z"),
])
def test_normalise_times(text, direction, value):
    assert normalise(text, Anchor(WED, direction)) == ("TIME", value)


@pytest.mark.parametrize("text", ["Wednesday", "yesterday", "last week", "next year", "November 3",
                                  "three days ago", "this morning", "the day"])
def test_normalise_without_publication_date_gives_no_value(text):
    kind, value = normalise(text, Anchor(None, "past"))
    assert kind is not None
    assert value is None or value.startswith("XXXX")


@pytest.mark.parametrize(("text", "value"), [("October 2023", "2023-10"), ("2026", "2026"),
                                             ("three-day", "P3D")])
def test_normalise_absolute_forms_without_publication_date(text, value):
    assert normalise(text, Anchor(None))[1] == value


@pytest.mark.parametrize(("published", "expected"), [
    ("2025-11-26", dt.date(2025, 11, 26)),
    ("2025-11-26T23:30:00-05:00", dt.date(2025, 11, 26)),   # local date, not UTC's 27th
    ("2025-11-26T01:15:00+09:00", dt.date(2025, 11, 26)),   # local date, not UTC's 25th
    ("2025-11-26T12:00:00Z", dt.date(2025, 11, 26)),
    ("Wed, 26 Nov 2025 23:30:00 -0500", dt.date(2025, 11, 26)),
    ("03-02-2009", dt.date(2009, 2, 3)),                     # day first
    (None, None),
    ("", None),
    ("not a date", None),
])
def test_calendar_reference_date_keeps_local_date(published, expected):
    assert reference_date(published) == expected


def test_calendar_reference_date_month_first_when_the_text_says_so():
    assert reference_date("03-02-2009", "Talks\nMarch 2, 2009\nThe talks began.") == dt.date(2009, 3, 2)


@pytest.mark.parametrize(("month", "direction", "year"), [
    (12, "past", 2024), (12, "future", 2025), (11, "past", 2025), (11, "future", 2025),
    (1, "past", 2025), (1, "future", 2026), (2, None, 2026), (8, None, 2025),
])
def test_calendar_bare_month_year(month, direction, year):
    assert month_year(dt.date(2025, 11, 26), month, direction) == year


@pytest.mark.parametrize(("text", "value"), [
    ("the 20th century", "19"),          # TIMEX3 writes a century by its first two digits
    ("the late nineteenth century", "18"),
    ("the 1800s", "18"),
    ("the 21st century", "20"),
])
def test_normalise_centuries(text, value):
    assert normalise(text, Anchor(WED)) == ("DATE", value)


@pytest.mark.parametrize(("text", "value"), [
    ("fiscal 2023", "FY2023"),
    ("fiscal year 2024", "FY2024"),
    ("the 2023 fiscal year", "FY2023"),
    ("FY24", "FY2024"),
    ("fiscal 1989", "FY1989"),
    ("this fiscal year", "FY2025"),
    ("last fiscal year", "FY2024"),
])
def test_normalise_fiscal_years(text, value):
    assert normalise(text, Anchor(WED)) == ("DATE", value)


@pytest.mark.parametrize(("text", "value"), [
    ("early last March", "2025-03"),
    ("late last March", "2025-03"),
    ("the end of next March", "2026-03"),
    ("October of next year", "2026-10"),
    ("the end of the year", "2025"),
    ("the end of last year", "2024"),
    ("mid-2022", "2022"),
])
def test_normalise_parts_of_years_and_modified_months(text, value):
    assert normalise(text, Anchor(WED, "past")) == ("DATE", value)


@pytest.mark.parametrize(("text", "value"), [
    ("now", "PRESENT_REF"),
    ("the past", "PAST_REF"),
    ("the time", "PAST_REF"),   # "at the time" with no date before it
    ("soon", "FUTURE_REF"),
    ("these days", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("lately", "PAST_REF"),
])
def test_normalise_vague_references(text, value):
    assert normalise(text, Anchor(WED)) == ("DATE", value)


def test_normalise_the_time_takes_the_date_before_it():
    assert normalise("the time", Anchor(WED, previous="2025-11-20")) == ("DATE", "2025-11-20")


@pytest.mark.parametrize(("text", "value"), [
    ("a month", "P1M"), ("eight years", "P8Y"), ("18 months", "P18M"), ("the past week", "P1W"),
])
def test_normalise_bare_durations_are_not_dates(text, value):
    assert normalise(text, Anchor(WED, "past")) == ("DURATION", value)


def test_normalise_earlier_counts_from_the_report_when_no_date_precedes():
    assert normalise("a year earlier", Anchor(WED)) == ("DATE", "2024")
    assert normalise("a year earlier", Anchor(WED, previous="2020-05-01")) == ("DATE", "2019")


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("the second half of 1998", "DATE", "1998-H2"),
    ("the first half of next year", "DATE", "2026-H1"),
    ("noon", "TIME", "2025-11-26T12:00"),
    ("midnight Tuesday", "TIME", "2025-11-25T24:00"),   # TimeML writes midnight as T24:00
])
def test_normalise_halves_noon_and_midnight(text, kind, value):
    assert normalise(text, Anchor(WED, "past")) == (kind, value)


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("December 5-6", "future", "2025-12"),
    ("5-6 December", "future", "2025-12"),
    ("December 5 and 6", "future", "2025-12"),
    ("March 3-4", "past", "2025-03"),
    ("December 5", "future", "2025-12-05"),  # one day keeps its day
])
def test_normalise_span_of_days_is_its_month(text, direction, value):
    # the days lie in the month; a single day would claim more than the text says
    assert normalise(text, Anchor(WED, direction)) == ("DATE", value)


def test_normalise_span_of_days_out_of_order_is_no_date():
    assert normalise("December 6-5", Anchor(WED, "future"))[1] is None

"""Days from TIMEX3 values and publication dates: the store's derived DATE columns."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def date_interval(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a TIMEX3 date value covers; (None, None) when it has no days."""
    if not value:
        return None, None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=min(6, (date.max - monday).days))
        if m := _QUARTER.match(value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    except (ValueError, OverflowError):  # 2025-02-30, week 60, 9999-W53: not a real day
        return None, None
    return None, None


def published_day(published: str | None) -> date | None:
    if published and (m := _DAY.match(published.strip())):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None

"""Calendar arithmetic for anchoring: the publication date, weekdays, months, weeks.

Direction is one of ``"past"`` (the most recent one, the reference day itself
counting), ``"future"`` (the coming one, the reference day itself counting) or
``None`` (unknown: the nearest one).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Direction = Literal["past", "future"] | None

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def reference_date(published: str | None, text: str = "") -> dt.date | None:
    """The publication date as written (its local date, whatever the offset), or None.

    ISO dates and datetimes keep their own calendar date: ``2025-11-26T23:30-05:00``
    is 26 November where it was written, not 27 November in UTC. A date written
    ``03-02-2009`` is read day first (the international order) unless only the
    month-first reading names a date that the text itself writes out.
    """
    if not published:
        return None
    value = str(published).strip()
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _DAY_FIRST.match(value)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        readings = []
        for day, month in ((a, b), (b, a)):
            try:
                readings.append(dt.date(year, month, day))
            except ValueError:
                continue
        if len(readings) == 2 and text and not _written_in(readings[0], text) \
                and _written_in(readings[1], text):
            return readings[1]
        return readings[0] if readings else None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written_in(day: dt.date, text: str) -> bool:
    head = text[:400]
    month = day.strftime("%B")
    return bool(re.search(rf"\b{month}\s+0?{day.day}\b|\b0?{day.day}\s+{month}\b", head))


def weekday_date(ref: dt.date, weekday: int, direction: Direction,
                 relative: str | None = None) -> dt.date:
    """The date of an ISO weekday (Monday = 1) seen from ``ref``.

    ``relative`` is "last", "next" or "this" when the text says so: "last Monday" is
    strictly before ``ref``, "next Monday" strictly after, "this Monday" in ref's week.
    """
    back = (ref.isoweekday() - weekday) % 7
    forward = (weekday - ref.isoweekday()) % 7
    if relative == "this":
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    if relative == "last":
        return ref - dt.timedelta(days=back or 7)
    if relative == "next":
        return ref + dt.timedelta(days=forward or 7)
    if direction == "past":
        return ref - dt.timedelta(days=back)
    if direction == "future":
        return ref + dt.timedelta(days=forward)
    return ref - dt.timedelta(days=back) if back <= forward else ref + dt.timedelta(days=forward)


def month_year(ref: dt.date, month: int, direction: Direction, day: int | None = None) -> int:
    """The year of a month (and day) named without a year.

    Past: the most recent one (this month counts); future: the coming one; unknown:
    the nearest one (a bare month looks back on a tie).
    """
    here = (ref.month, day or 0) if day else (ref.month, 0)
    there = (month, day or 0) if day else (month, 0)
    if direction == "past":
        return ref.year if there <= here else ref.year - 1
    if direction == "future":
        return ref.year if there >= here else ref.year + 1
    if day is None:
        # A bare month: the nearest one, looking back on a tie.
        back = (ref.month - month) % 12
        forward = (month - ref.month) % 12
        if back <= forward:
            return ref.year if month <= ref.month else ref.year - 1
        return ref.year if month >= ref.month else ref.year + 1
    # A full date without a year: the nearest one (news rarely looks half a year away).
    best = min((ref.year - 1, ref.year, ref.year + 1),
               key=lambda y: abs((_safe_date(y, month, day) - ref).days))
    return best


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


def shift_months(ref: dt.date, months: int) -> tuple[int, int]:
    index = ref.year * 12 + ref.month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1

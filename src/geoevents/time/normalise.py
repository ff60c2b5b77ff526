"""TIMEX3 values for recognised expressions, anchored to the publication date.

``normalise(text, anchor)`` returns ``(type, value)``. ``value`` is None when the
expression is relative and there is nothing to anchor it to (no publication date),
and when its form is not understood. Precision is the expression's own: "October
2023" is ``2023-10``, "2026" is ``2026``, "last week" is ``2025-W47``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from geoevents.time.calendar import (
    Direction,
    iso_week,
    month_year,
    quarter_of,
    shift_months,
    weekday_date,
)
from geoevents.time.lexicon import lexicon

_LEX = lexicon()
_MONTH = "|".join(sorted(_LEX.months, key=len, reverse=True))
_WEEKDAY = "|".join(_LEX.weekdays)
_NUMWORD = "|".join(sorted(_LEX.numbers, key=len, reverse=True))
_UNIT = "|".join(sorted(_LEX.units, key=len, reverse=True))
_PART = "|".join(_LEX.parts_of_day)
_SEASON = "|".join(_LEX.seasons)
_ORD = "|".join(_LEX.ordinals)
_ORDSUF = r"(?:st|nd|rd|th)?"
_ORDWORD = "|".join(sorted(_LEX.ordinal_words, key=len, reverse=True))
_EDGE = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end|start)"

_R = {
    "clock": re.compile(
        r"(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?\s*(?:\(?\s*(?P<z>utc|gmt)\b"
        r"(?:\s*(?P<off>[+-]\s*\d{1,2})\)?)?\)?)?"
        rf"(?:.*?\b(?P<day>{_WEEKDAY}|today|yesterday|tomorrow))?"),
    "military": re.compile(r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s+(?P<z>utc|gmt)$"),
    "hour": re.compile(r"^(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>a\.?m\.?|p\.?m\.?)\s*(?P<z>utc|gmt)?"
                       rf"(?:.*?\b(?P<day>{_WEEKDAY}|today|yesterday|tomorrow))?"),
    "day_part": re.compile(
        rf"^(?:(?P<day>{_WEEKDAY}|this|today|yesterday|tomorrow|last)\s+)?(?:early\s+|late\s+)?"
        rf"(?P<part>{_PART})$"),
    "full": re.compile(
        rf"^(?:{_WEEKDAY})?,?\s*(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDSUF},?\s+(?P<y>\d{{4}})$"),
    "full_dmy": re.compile(
        rf"^(?:{_WEEKDAY})?,?\s*(?P<d>\d{{1,2}}){_ORDSUF}\s+(?:of\s+)?(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})$"),
    "month_day": re.compile(rf"^(?:{_WEEKDAY})?,?\s*(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDSUF}$"),
    "day_month": re.compile(
        rf"^(?:{_WEEKDAY})?,?\s*(?:the\s+)?(?P<d>\d{{1,2}}){_ORDSUF}\s+(?:of\s+)?(?P<mon>{_MONTH})\.?$"),
    # days of one month: "April 5-6", "5-6 April", "April 5 and 6" (a span of days)
    "month_days": re.compile(
        rf"^(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDSUF}\s*(?:[-–]|\s(?:and|to|through)\s)\s*(?P<d2>\d{{1,2}}){_ORDSUF}$"),
    "days_month": re.compile(
        rf"^(?P<d>\d{{1,2}}){_ORDSUF}\s*(?:[-–]|\s(?:and|to|through)\s)\s*(?P<d2>\d{{1,2}}){_ORDSUF}\s+(?:of\s+)?(?P<mon>{_MONTH})\.?$"),
    "month_year": re.compile(
        rf"^(?:{_EDGE}[\s-]+(?:of\s+)?)?(?P<mon>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})$"),
    "month": re.compile(rf"^(?:{_EDGE}[\s-]+(?:of\s+)?)?(?:(?P<rel>last|next|this)\s+)?(?P<mon>{_MONTH})\.?"
                       r"(?:,?\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year)?$"),
    "year": re.compile(rf"^(?:(?:{_EDGE})[\s-]+(?:of\s+)?)?(?:the\s+year\s+)?(?P<y>1\d{{3}}|20\d{{2}})$"),
    "short_year": re.compile(r"^'(?P<y>\d{2})$"),
    "numeric": re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})$"),
    "iso": re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$"),
    # TIMEX3 writes a century as its first two digits: "the 20th century" is 19 (ISO-TimeML).
    "century": re.compile(
        rf"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ORDWORD})[\s-]+century$"),
    "hundreds": re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<c>1\d)00'?s$"),
    # Fiscal years: TIMEX3 value FY plus the year (TimeBank's "fiscal 1989" = FY1989).
    "fiscal": re.compile(
        r"^(?:(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+)?(?:the\s+)?)?(?:(?:fiscal|financial)(?:\s+year)?\s+'?"
        r"(?P<y>\d{4}|\d{2})(?:[-/](?:\d{2}|\d{4}))?|(?P<y2>\d{4})(?:[-/](?:\d{2}|\d{4}))?\s+(?:fiscal|financial)"
        r"\s+year|fy\s?'?(?P<y3>\d{4}|\d{2}))$"),
    "fiscal_relative": re.compile(
        r"^(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+)?(?:very\s+)?(?:(?P<rel>this|last|next|current|previous)\s+)?"
        r"(?:fiscal|financial)\s+year$"),
    "decade": re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?'?(?P<c>1[89]|20)?(?P<dec>\d)0'?s$"),
    "weekday": re.compile(rf"^(?:(?P<rel>last|next|this|early|late|on)\s+)?(?P<wd>{_WEEKDAY})$"),
    "deictic": re.compile(
        r"^(?:(?:earlier|later)\s+)?(?:the\s+day\s+)?(?P<w>today|yesterday|tomorrow|tonight)"
        r"(?:'s)?$"),
    "relative": re.compile(
        r"^(?:(?:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+rest\s+of"
        r"|the\s+remainder\s+of|the\s+middle\s+of|the\s+same\s+period)\s+(?:of\s+)?)?"
        r"(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+same|the\s+coming|the\s+current"
        r"|the\s+last|the\s+past|the|a)\s+"
        r"(?P<unit>year|month|week|weekend|quarter|decade|century)"
        r"(?:\s+(?P<after>previous|before|earlier|ago|later))?$"),
    "quarter": re.compile(
        rf"^(?:the\s+)?(?P<ord>{_ORD})[\s-]+quarter(?:\s+of\s+(?:(?P<y>\d{{4}})|(?P<rel>this|last|next|the)\s+"
        rf"(?:fiscal\s+|financial\s+)?year))?$"),
    "half": re.compile(
        r"^(?:(?P<ord>first|second|1st|2nd)-half|(?:the\s+)?(?P<ord2>first|second|1st|2nd)\s+half\s+of\s+"
        r"(?:(?P<y>\d{4})|(?P<rel>this|last|next|the)\s+year))$"),
    "noon": re.compile(r"^(?P<w>noon|midday|midnight)(?:\s+(?:on\s+)?(?P<day>[a-z]+))?$"),
    "ago": re.compile(rf"^(?P<n>\d+(?:\.\d+)?|{_NUMWORD}|several|a\s+few|a\s+couple\s+of|some|many)\s+"
                      rf"(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|later|after)$"),
    "season": re.compile(
        rf"^(?:(?P<rel>early|late|mid|this|last|next|the)[\s-]+)?(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?$"),
}

_QUALIFIER = re.compile(
    r"^(?:(?:almost|nearly|about|around|approximately|roughly|more\s+than|less\s+than|fewer\s+than|over|"
    r"as\s+long\s+as|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|"
    r"under|some|up\s+to|at\s+least|at\s+most|just|only|barely|well\s+over|for|during|within|in|after|"
    r"the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|the\s+following|the\s+previous|"
    r"the\s+entire|the\s+whole|the\s+full|another|a\s+further|an\s+additional|"
    r"the|a|an|its|their|his|her|straight|consecutive|full|whole|long)\s+)+")
_DURATION = re.compile(
    rf"^(?P<n>\d+(?:[.,]\d+)?|(?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?)(?P<half>\s+and\s+a\s+half)?"
    rf"(?:[\s-]+(?:straight|consecutive|full|whole|more|long|trading|calendar|working|business))*"
    rf"[\s-]+(?P<unit>{_UNIT})(?:[\s-]+(?:long|old|history|period|term|span|stretch))?$")
_VAGUE_DURATION = re.compile(
    rf"^(?:(?:in\s+)?recent|several|many|few|a\s+few|some|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|"
    rf"the\s+coming|over\s+the|the|for|over|past|coming)?\s*(?P<unit>{_UNIT})(?:-long)?$")
_SPACE = re.compile(r"\s+")
_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Anchor:
    """What a relative expression is anchored to."""

    ref: dt.date | None  # the publication date
    direction: Direction = None  # tense of the governing verb
    previous: str | None = None  # the last day-precise date value before the expression
    last_date: str | None = None  # the last date value of any precision before it ("1938")


def clean(text: str) -> str:
    text = _SPACE.sub(" ", text.strip().lower())
    text = text.replace("’", "'").strip(" ,.;:()\"“”‘")
    text = text if re.match(r"'\d", text) else text.strip("'")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^(?:on|in|at|by|since|until|till|from|to|during|of|before|after)\s+", "", text)
    return text


def normalise(text: str, anchor: Anchor) -> tuple[str | None, str | None]:
    """(TIMEX3 type, value) of an expression; type None when the form is not understood."""
    t = clean(text)
    if not t:
        return None, None
    for rule in _RULES:
        result = rule(t, anchor)
        if result is not None:
            return result
    return None, None


def _number(word: str) -> Fraction | None:
    word = word.replace(",", ".").strip()
    try:
        return Fraction(word)
    except ValueError:
        pass
    total = Fraction(0)
    for part in re.split(r"[\s-]+", word):
        if part not in _LEX.numbers:
            return None
        total += Fraction(_LEX.numbers[part]).limit_denominator(10)
    return total or None


def _fmt_number(n: Fraction) -> str:
    return str(n.numerator) if n.denominator == 1 else f"{float(n):g}"


def _duration(n: Fraction | None, unit_word: str) -> str:
    unit = _LEX.units[unit_word]
    amount = "X" if n is None else None
    if unit == "DE":
        unit, n = "Y", (None if n is None else n * 10)
    elif unit == "CE":
        unit, n = "Y", (None if n is None else n * 100)
    elif unit == "WE":
        unit = "WE"
    if amount is None:
        amount = _fmt_number(n)  # type: ignore[arg-type]
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def _ymd(day: dt.date) -> str:
    return day.isoformat()


_RATE = re.compile(
    rf"^(?:\d+(?:[.,]\d+)?|{_NUMWORD})?\s*(?:times\s+)?(?:a|an|per|each|every)\s+(?P<unit>{_UNIT})$")


def _fixed(t: str, a: Anchor) -> tuple[str, str] | None:
    m = _RATE.match(t)
    if m and t.split()[0] not in ("a", "an"):
        return "SET", _duration(Fraction(1), m["unit"])
    for key in (t, re.sub(r"^(?:the|a|an)\s+", "", t)):
        if key in _LEX.fixed:
            return _LEX.fixed[key]
    return None


def _anaphoric(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = re.fullmatch(r"the (?:day|next day) (?P<dir>before|after)|the (?:next|following) day", t)
    if m:
        base = dt.date.fromisoformat(a.previous) if a.previous else a.ref
        if base is None:
            return "DATE", None
        step = -1 if m["dir"] == "before" else 1
        return "DATE", _ymd(base + dt.timedelta(days=step))
    base = re.sub(r"\s+of\s+.*$", "", t)
    if base in _LEX.anaphoric or re.fullmatch(r"the (?:last|first|final|next|following|previous) day", base):
        if base.startswith("the next") or base.startswith("the following"):
            return None
        if a.previous:
            return "DATE", a.previous
        if base in ("the time", "that time"):
            # "at the time" with no date before it: a time in the past (TimeML PAST_REF).
            return "DATE", "PAST_REF"
        return "DATE", _ymd(a.ref) if a.ref and base in ("the day", "this day") else None
    return None


def _clock(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["military"].match(t) or _R["clock"].match(t) or _R["hour"].match(t)
    if not m:
        return None
    if m.re is _R["clock"] and m.end() < len(t) and not m.groupdict().get("day") and \
            not re.fullmatch(r"\s*(?:local time|\(.*\)|\w+ time)?", t[m.end():]):
        return None
    hour = int(m["h"])
    minute = int(m.groupdict().get("m") or 0)
    ampm = (m.groupdict().get("ampm") or "").replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    day = m.groupdict().get("day")
    date = _day_of(day, a) if day else (a.previous or (_ymd(a.ref) if a.ref else None))
    zone = "Z" if m.groupdict().get("z") else ""
    offset = m.groupdict().get("off")
    if zone and offset and int(offset.replace(" ", "")) != 0:
        hours = int(offset.replace(" ", ""))
        zone = f"{'+' if hours > 0 else '-'}{abs(hours):02d}"
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    return "TIME", (date + clock) if date else None


def _day_of(word: str, a: Anchor) -> str | None:
    if a.ref is None:
        return None
    if word in ("today", "tonight", "this"):
        return _ymd(a.ref)
    if word == "yesterday":
        return _ymd(a.ref - dt.timedelta(days=1))
    if word == "tomorrow":
        return _ymd(a.ref + dt.timedelta(days=1))
    if word in _LEX.weekdays:
        return _ymd(weekday_date(a.ref, _LEX.weekdays[word], a.direction))
    if word == "last":
        return _ymd(a.ref - dt.timedelta(days=1))
    return None


def _day_part(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["day_part"].match(t)
    if not m:
        return None
    part = _LEX.parts_of_day[m["part"]]
    day = m["day"] or ("today" if m["part"] == "tonight" else None)
    date = _day_of(day, a) if day else a.previous
    return "TIME", f"{date}T{part}" if date else None


def _absolute(t: str, a: Anchor) -> tuple[str, str | None] | None:
    for key in ("full", "full_dmy"):
        m = _R[key].match(t)
        if m:
            try:
                return "DATE", _ymd(dt.date(int(m["y"]), _LEX.months[m["mon"]], int(m["d"])))
            except ValueError:
                return "DATE", None
    for key in ("month_day", "day_month"):
        m = _R[key].match(t)
        if m:
            month, day = _LEX.months[m["mon"]], int(m["d"])
            if not 1 <= day <= 31:
                return None
            if a.ref is None:
                return "DATE", f"XXXX-{month:02d}-{day:02d}"
            year = month_year(a.ref, month, a.direction, day)
            return "DATE", f"{year}-{month:02d}-{day:02d}"
    for key in ("month_days", "days_month"):
        m = _R[key].match(t)
        if m:
            # TIMEX3 gives a span of days within one month the month's value: the days lie
            # in it, and a single day would claim more than the text says
            month, day, last = _LEX.months[m["mon"]], int(m["d"]), int(m["d2"])
            if not 1 <= day < last <= 31:
                return None
            if a.ref is None:
                return "DATE", f"XXXX-{month:02d}"
            return "DATE", f"{month_year(a.ref, month, a.direction, day)}-{month:02d}"
    m = _R["month_year"].match(t)
    if m:
        return "DATE", f"{m['y']}-{_LEX.months[m['mon']]:02d}"
    m = _R["month"].match(t)
    if m:
        month = _LEX.months[m["mon"]]
        if a.ref is None:
            return "DATE", f"XXXX-{month:02d}"
        rel = m["rel"]
        if m["yrel"]:
            year = a.ref.year + {"last": -1, "next": 1}.get(m["yrel"], 0)
        elif rel == "last":
            year = a.ref.year if month < a.ref.month else a.ref.year - 1
        elif rel == "next":
            year = a.ref.year if month > a.ref.month else a.ref.year + 1
        elif rel == "this":
            year = a.ref.year
        else:
            year = month_year(a.ref, month, a.direction)
        return "DATE", f"{year}-{month:02d}"
    m = _R["year"].match(t)
    if m:
        return "DATE", m["y"]
    m = _R["short_year"].match(t)
    if m:
        yy = int(m["y"])
        pivot = (a.ref.year % 100 + 10) if a.ref else 30
        return "DATE", str((2000 if yy <= pivot else 1900) + yy)
    m = _R["numeric"].match(t)
    if m:
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        try:
            return "DATE", _ymd(dt.date(year, int(m["m"]), int(m["d"])))
        except ValueError:
            return "DATE", None
    m = _R["iso"].match(t)
    if m:
        try:
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
        except ValueError:
            return "DATE", None
        return "DATE", day.isoformat() if m["d"] else day.isoformat()[:7]
    m = _R["century"].match(t)
    if m:
        n = _LEX.ordinal_words.get(m["n"]) or int(re.sub(r"\D", "", m["n"]))
        return ("DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None
    m = _R["hundreds"].match(t)
    if m:
        return "DATE", m["c"]
    m = _R["fiscal_relative"].match(t)
    if m:
        if a.ref is None:
            return "DATE", None
        return "DATE", f"FY{a.ref.year + {'last': -1, 'previous': -1, 'next': 1}.get(m['rel'] or '', 0)}"
    m = _R["fiscal"].match(t)
    if m:
        year = m["y"] or m["y2"] or m["y3"]
        if len(year) == 2:
            yy = int(year)
            pivot = (a.ref.year % 100 + 10) if a.ref else 30
            year = str((2000 if yy <= pivot else 1900) + yy)
        return "DATE", f"FY{year}"
    m = _R["decade"].match(t)
    if m:
        century = m["c"] or "19"
        return "DATE", f"{century}{m['dec']}"
    return None


def _weekday(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["weekday"].match(t)
    if not m:
        return None
    if a.ref is None:
        return "DATE", None
    rel = m["rel"] if m["rel"] in ("last", "next", "this") else None
    return "DATE", _ymd(weekday_date(a.ref, _LEX.weekdays[m["wd"]], a.direction, rel))


def _deictic(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["deictic"].match(t)
    if not m:
        return None
    if m["w"] == "tonight":
        return "TIME", f"{_ymd(a.ref)}TNI" if a.ref else None
    return "DATE", _day_of(m["w"], a)


def _relative(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["relative"].match(t)
    if not m:
        return None
    rel, unit, after = m["rel"], m["unit"], m["after"]
    rel = _SPACE.sub(" ", rel)
    # "the past week" is a stretch of time; "the last week" / "last week" a calendar week.
    if (rel in ("the past", "the last", "a") and unit == "decade") or (rel == "a" and after is None) \
            or (rel == "the past" and unit != "weekend"):
        return "DURATION", _duration(Fraction(1), unit)
    if a.ref is None:
        return "DATE", None
    step = {"this": 0, "the current": 0, "the same": 0, "the": 0, "last": -1, "the previous": -1,
            "the past": -1, "the last": -1, "next": 1, "the following": 1, "the coming": 1,
            "a": -1}[rel]
    if after in ("previous", "before", "earlier", "ago"):
        step = -1
    elif after == "later":
        step = 1
    ref = a.ref
    if unit == "year":
        return "DATE", str(ref.year + step)
    if unit == "month":
        year, month = shift_months(ref, step)
        return "DATE", f"{year}-{month:02d}"
    if unit in ("week", "weekend"):
        suffix = "-WE" if unit == "weekend" else ""
        return "DATE", iso_week(ref + dt.timedelta(weeks=step)) + suffix
    if unit == "quarter":
        index = ref.year * 4 + quarter_of(ref) - 1 + step
        return "DATE", f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return "DATE", str(ref.year // 10 + step)
    if unit == "century":
        return "DATE", str(ref.year // 100 + step)
    return None


def _quarter(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["quarter"].match(t)
    if not m:
        return None
    number = _LEX.ordinals[m["ord"]]
    if m["y"]:
        return "DATE", f"{m['y']}-Q{4 if number < 0 else number}"
    if a.ref is None:
        return "DATE", None
    current = quarter_of(a.ref)
    if number < 0:  # "the last quarter": the one before this
        index = a.ref.year * 4 + current - 2
        return "DATE", f"{index // 4}-Q{index % 4 + 1}"
    return "DATE", f"{_period_year(a, m['rel'], number, current)}-Q{number}"


def _half(t: str, a: Anchor) -> tuple[str, str | None] | None:
    """Halves of a year: TIMEX3 writes them YYYY-H1 / YYYY-H2 (ISO-TimeML)."""
    m = _R["half"].match(t)
    if not m:
        return None
    # a bare "the first half" (of a match, of a speech) is no half of a year
    number = 1 if (m["ord"] or m["ord2"]) in ("first", "1st") else 2
    if m["y"]:
        return "DATE", f"{m['y']}-H{number}"
    if a.ref is None:
        return "DATE", None
    current = 1 if a.ref.month <= 6 else 2
    return "DATE", f"{_period_year(a, m['rel'], number, current)}-H{number}"


def _period_year(a: Anchor, rel: str | None, number: int, current: int) -> int:
    """The year of a quarter or half: "last"/"next" year, else by the clause's tense (a past
    report's later period is last year's, a future one's earlier period next year's)."""
    assert a.ref is not None
    year = a.ref.year + {"last": -1, "next": 1}.get(rel or "", 0)
    if rel is None:
        if a.direction == "past" and number > current:
            year -= 1
        elif a.direction == "future" and number < current:
            year += 1
    return year


def _noon(t: str, a: Anchor) -> tuple[str, str | None] | None:
    """Noon is T12:00 and midnight T24:00 of their day (TimeML)."""
    m = _R["noon"].match(t)
    if not m:
        return None
    day = m["day"]
    if day and day not in _LEX.weekdays and day not in ("today", "yesterday", "tomorrow"):
        return None
    date = _day_of(day, a) if day else (a.previous or (_ymd(a.ref) if a.ref else None))
    clock = "T24:00" if m["w"] == "midnight" else "T12:00"
    return "TIME", (date + clock) if date else None


def _ago(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["ago"].match(t)
    if not m:
        return None
    n = _number(m["n"])
    unit = _LEX.units[m["unit"]]
    # "ago" counts back from the report; "later"/"earlier" from the last date named.
    base = a.ref
    k = int(n) if n is not None and n.denominator == 1 and m["dir"] in ("later", "after") else \
        (-int(n) if n is not None and n.denominator == 1 else 0)
    if m["dir"] != "ago":
        # "a year earlier" counts from the last date named, else from the report's date.
        if a.last_date and re.match(r"^\d{4}", a.last_date) and not _DAY_VALUE.match(a.last_date):
            # "annexed Austria in 1938 ... a year later": only years can be counted on
            if unit in ("Y", "DE") and k:
                return "DATE", str(int(a.last_date[:4]) + k * (10 if unit == "DE" else 1))
            return "DATE", None
        if a.previous:
            base = dt.date.fromisoformat(a.previous)
    if base is None or n is None or n.denominator != 1:
        return "DATE", None
    if unit == "D":
        return "DATE", _ymd(base + dt.timedelta(days=k))
    if unit == "W":
        return "DATE", _ymd(base + dt.timedelta(weeks=k))
    if unit == "M":
        year, month = shift_months(base, k)
        return "DATE", f"{year}-{month:02d}"
    if unit == "Y":
        return "DATE", str(base.year + k)
    if unit == "DE":
        return "DATE", str(base.year + 10 * k)
    if unit in ("H", "MIN"):
        return "DATE", _ymd(base)
    return "DATE", None


def _season(t: str, a: Anchor) -> tuple[str, str | None] | None:
    m = _R["season"].match(t)
    if not m:
        return None
    code = _LEX.seasons[m["s"]]
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if a.ref is None:
        return "DATE", None
    year = a.ref.year + {"last": -1, "next": 1}.get(m["rel"] or "", 0)
    return "DATE", f"{year}-{code}"


def _duration_rule(t: str, a: Anchor) -> tuple[str, str | None] | None:
    body = _QUALIFIER.sub("", t)
    m = _DURATION.match(body)
    if m:
        n = _number(m["n"])
        if n is None:
            return None
        if m["half"]:
            n += Fraction(1, 2)
        return "DURATION", _duration(n, m["unit"])
    m = _VAGUE_DURATION.match(t) or _VAGUE_DURATION.match(body)
    if m and (m["unit"].endswith("s") or m["unit"] in ("century",)):
        return "DURATION", _duration(None, m["unit"])
    m = re.fullmatch(rf"(?:a\s+|an\s+|one\s+|single[\s-]?)?(?P<unit>{_UNIT})(?:[\s-]long)?", body)
    if m and body != t:
        return "DURATION", _duration(Fraction(1), m["unit"])
    m = re.fullmatch(rf"single[\s-](?P<unit>{_UNIT})", t)
    if m:
        return "DURATION", _duration(Fraction(1), m["unit"])
    return None


def _dateparser(t: str, a: Anchor) -> tuple[str, str | None] | None:
    """Last resort for absolute forms with a year that the rules above do not read."""
    if not re.search(r"\b(?:1\d|20)\d{2}\b", t) or not any(m in t.split() for m in _LEX.months):
        return None
    import dateparser

    parsed = dateparser.parse(t, languages=["en"], settings={"REQUIRE_PARTS": ["year"],
                                                           "RETURN_TIME_AS_PERIOD": False})
    if parsed is None:
        return None
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", t))
    return "DATE", parsed.date().isoformat() if has_day else f"{parsed.year}-{parsed.month:02d}"


_RULES = (_fixed, _clock, _noon, _half, _day_part, _absolute, _weekday, _deictic, _anaphoric, _ago, _relative,
          _quarter, _season, _duration_rule, _dateparser)


def day_value(value: str | None) -> str | None:
    """The date part of a DATE or TIME value when it names a day ("2025-11-26T15:00" -> "2025-11-26")."""
    if not value:
        return None
    m = _DAY_VALUE.match(value)
    return m[1] if m else None

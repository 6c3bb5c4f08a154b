"""Normalise date expressions from news text to the contract's lexical forms.

A date read from an article becomes one of four lexical forms (see
``shared/CONTRACT.md``): ``"2025-12-04"`` (xsd:date), ``"2025-12"``
(xsd:gYearMonth), ``"2025"`` (xsd:gYear) or ``"--07-08"`` (xsd:gMonthDay, when
the year is unknown). Expressions are resolved against the document's
publication date; nothing ever depends on today's date.

Decisions
---------
* **Year of a month/day without year.** With ``tense="future"`` the first
  occurrence whose end is on/after the publication date; with ``"past"`` the
  last occurrence whose start is on/before it; with no tense the publication
  year when that is within six months (186 days) of the publication date, else
  the nearest occurrence. Unknown publication date: ``"--MM-DD"``, and a month alone
  gives ``None`` (the contract has no gMonth).
* **Weekdays** ("on Tuesday"): ``"future"`` is the first such day on/after the
  publication date, ``"past"`` and no tense the last one on/before it (news
  mostly reports what happened; a future verb makes the caller pass
  ``"future"``). "last/next Tuesday" are strictly before/after it.
* **Weeks** have no datatype: "last/this/next week" give the month of the week
  (Monday to Sunday) only when the whole week lies in one month, else ``None``.
  "this/last/next weekend" give the Saturday–Sunday range; "the weekend" is
  ``None``.
* **Offsets**: "N days/weeks ago", "in N days/weeks" give a date; "N months
  ago" a gYearMonth, "N years ago" a gYear. "in N months/years" and "N days
  later" are ``None`` (usually durations, or relative to another event).
* **Numeric dates**: ``YYYY-MM-DD`` (also with ``/`` or ``.``); ``DD.MM.YYYY``
  with dots is day first (European); with ``/`` or ``-`` a part above 12 decides,
  otherwise the reading nearest the publication date wins, and month first
  (US) when that does not decide. ``YYYY-YY`` where YY is the next year
  ("2024-25") is a fiscal-year range; any other ``YYYY-MM`` is a gYearMonth.
* **Modifiers** spaCy keeps in DATE entities ("on", "the", "early", "mid-",
  "late", "the end of", "the first week of" …) are dropped: the result is the
  smallest contract value containing the expression. "since 2019" is ``"2019"``;
  the caller decides what "since" means.
* Durations and vague expressions ("decades", "the past two years", "recent
  years", "annual", "the next day") are ``None``.

Regexes do the work; :mod:`dateparser` is only a fallback for odd spellings of
absolute dates that name a month, and only the parts it reports as written are
kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

__all__ = ["DateRange", "dateline", "find_dates", "normalise", "place_dateline", "reference_in_year", "single_place", "weekday_of"]


@dataclass(frozen=True)
class DateRange:
    """A normalised date (``end`` is ``None``) or range, as contract lexical forms."""

    start: str
    end: str | None = None


class _Partial(NamedTuple):
    """What was written: any of year, month, day may be missing."""

    year: int | None
    month: int | None
    day: int | None


_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}
_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year day": (1, 1), "new years day": (1, 1),
    "new year eve": (12, 31), "new years eve": (12, 31),
    "valentine day": (2, 14), "valentines day": (2, 14), "halloween": (10, 31),
}

# -- building blocks for the lower-cased, cleaned text -----------------------

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_YEAR = r"(?:1\d{3}|2[01]\d{2})(?!\d)"
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"


def _point(tag: str) -> str:
    """One side of a range; group names carry ``tag`` to stay unique."""
    t = tag
    return (
        rf"(?:(?P<{t}m1>{_MONTH})\s+(?:the\s+)?(?P<{t}d1>{_DAY})(?:\s+(?:of\s+)?(?P<{t}y1>{_YEAR}))?"
        rf"|(?P<{t}d2>{_DAY})\s+(?:of\s+)?(?P<{t}m2>{_MONTH})(?:\s+(?:of\s+)?(?P<{t}y2>{_YEAR}))?"
        rf"|(?P<{t}m3>{_MONTH})\s+(?:of\s+)?(?P<{t}y3>{_YEAR})"
        rf"|(?P<{t}m4>{_MONTH})"
        rf"|(?P<{t}y4>{_YEAR})"
        rf"|(?P<{t}d5>{_DAY})(?:\s+(?P<{t}y5>{_YEAR}))?)"
    )


_SEP = r"(?:\s*-\s*|\s+(?:to|and|through|thru|until|till|til)\s+)"
_ABSOLUTE = re.compile(rf"{_point('a')}(?:{_SEP}{_point('b')})?")
_FISCAL = re.compile(rf"(?P<y>{_YEAR})\s*[-/]\s*(?P<yy>\d{{2}})")
_ISO = re.compile(r"(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})")
_ISO_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})")

# -- cleaning ----------------------------------------------------------------

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})t[\d:.]*(?:z|[+-]\d{2}:?\d{2})?\b")
_TIME = re.compile(
    r"\b(?:at\s+)?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\d{1,2}:\d{2}(?::\d{2})?)"
    r"(?:\s*(?:gmt|utc|ist|est|edt|cst|cdt|pst|pdt|cet|cest|bst|msk)\b)?"
)
_DAYPART = re.compile(
    r"\b(?:(?:this|that)\s+(?:morning|afternoon|evening)|tonight)\b"
)
_LAST_NIGHT = re.compile(r"\blast\s+night\b")
_PARTS_OF_DAY = re.compile(
    r"\b(?:(?:in\s+the\s+|at\s+)?(?:morning|afternoon|evening|night|noon|midday|midnight)"
    r"|local\s+time|(?:gmt|utc|ist|edt|pdt|msk)\b)"
)
_PREFIX = re.compile(
    r"^(?:as\s+(?:of|early\s+as|late\s+as|recently\s+as|from)|no\s+(?:later|earlier)\s+than"
    r"|not\s+(?:later|before)\s+than|ahead\s+of|prior\s+to|up\s+to|(?:at\s+)?the\s+turn\s+of"
    r"|(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:week(?:end)?|days?|half|quarter|fortnight)\s+of"
    r"|(?:end|beginning|start|middle|close|rest|remainder|course)\s+of"
    r"|on|or|in|at|by|since|from|until|till|til|through|throughout|during|before|after|around|about"
    r"|circa|approximately|roughly|starting|beginning|effective|between|the|of|early|earlier"
    r"|late|later|mid|middle|towards?|within|sometime|some\s+time|expected|scheduled|set|for"
    r"|q[1-4]|h[12]|fy|(?:fiscal|financial)\s+year|(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\b\s*"
)
_SUFFIX = re.compile(r"\s+(?:onwards?|or\s+so|and\s+beyond|at\s+the\s+latest|itself|as\s+well)$")
_LEADING_WEEKDAY = re.compile(rf"^(?:{_WEEKDAY})\s+(?=.*(?:\d|{_MONTH}))")
_TRAILING_WEEKDAY = re.compile(rf"(?<=\d)\s+(?:{_WEEKDAY})$")
_RELATIVE_YEAR = re.compile(r"\b(this|last|next|the\s+current)\s+year\b")

_VAGUE = re.compile(
    r"\b(?:the\s+|this\s+)?(?:past|last|next|coming|previous|following|recent|upcoming|few|several|many|those|these|first|final)"
    r"\s+(?:\w+\s+)?(?:days|weeks|months|years|decades|centuries)\b"
    r"|\bthe\s+(?:next|following|previous|preceding|past|last|coming|same|prior)\s+(?:day|week|month|year|weekend)\b(?!\s+of)"
    r"|\b(?:this|the)\s+past\s+(?:week|month|year)\b|\bpast\s+year\b"
    r"|\b(?:decades?|centur(?:y|ies)|eras?|ages|annual(?:ly)?|biannual|daily|weekly|monthly|yearly"
    r"|quarterly|anniversary|years|months|weeks|days|hours|minutes|seconds)\b"
    r"|\b(?:recently|soon|now|currently|lately|nowadays|times?|periods?|seasons?|ahead|former"
    r"|later|earlier|before|after)$"
    r"|\b\d{3}0'?s\b"
)

_OFFSET = re.compile(
    rf"^(?:(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|fortnight)s?\s+(?:ago|from\s+now|hence|back)"
    rf"|in\s+(?P<n2>{_NUM})\s+(?P<unit2>day|week|fortnight)s?(?:'?\s+time)?)$"
)
_REL_WEEKDAY = re.compile(
    rf"^(?:(?P<q>this\s+past|this\s+coming|this|last|next|coming|past)\s+)?(?P<wd>{_WEEKDAY})$"
)
_REL_UNIT = re.compile(r"^(?P<q>this|last|next|coming|current)\s+(?P<unit>week|weekend|month)$")
_REL_MONTH = re.compile(
    rf"^(?P<q>this\s+past|this\s+coming|this|last|next|coming|past)\s+(?P<m>{_MONTH})(?:\s+(?P<d>{_DAY}))?$"
)


def _clean(expression: str) -> str:
    text = expression.lower()
    text = _DASHES.sub("-", text).replace("\u2019", "'").replace("`", "'")
    text = _ISO_TIME.sub(r"\1", text)
    text = _TIME.sub(" ", text)
    text = _DAYPART.sub(" today ", text)
    text = _LAST_NIGHT.sub(" yesterday ", text)
    text = _PARTS_OF_DAY.sub(" ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=[a-z])\.", " ", text)  # "dec." → "dec", "u.s." → "u s "
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)
    text = re.sub(r"\bmid-", "mid ", text)
    text = re.sub(r"\bof\s+the\s+(year|month|week)\b", r"of this \1", text)
    text = re.sub(r"[,;:()\[\]\"!?]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .-'")
    return text


def _strip(text: str) -> str:
    """Drop modifiers around the date itself ("on", "early", "the end of", …)."""
    while True:
        new = _PREFIX.sub("", text, count=1).strip(" -")
        new = _SUFFIX.sub("", new)
        new = _LEADING_WEEKDAY.sub("", new)
        new = _TRAILING_WEEKDAY.sub("", new)
        if new == text:
            return text
        text = new


# -- formatting and calendar helpers -----------------------------------------


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def _format(p: _Partial) -> str:
    if p.year is None:
        return f"--{p.month:02d}-{p.day:02d}"
    if p.month is None:
        return f"{p.year:04d}"
    if p.day is None:
        return f"{p.year:04d}-{p.month:02d}"
    return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"


def _of_date(d: dt.date) -> _Partial:
    return _Partial(d.year, d.month, d.day)


def _first(year: int, month: int, day: int | None) -> dt.date:
    return dt.date(year, month, day or 1)


def _last(year: int, month: int, day: int | None) -> dt.date:
    return dt.date(year, month, day or calendar.monthrange(year, month)[1])


def _result(start: _Partial, end: _Partial | None = None) -> DateRange:
    a = _format(start)
    b = _format(end) if end is not None else None
    return DateRange(a, None if b == a else b)


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except (ValueError, TypeError, AttributeError):
        return None


# -- absolute expressions ----------------------------------------------------


def _side(m: re.Match[str], tag: str) -> _Partial:
    g = m.groupdict()
    year = next((g[f"{tag}y{i}"] for i in (1, 2, 3, 4, 5) if g.get(f"{tag}y{i}")), None)
    month = next((g[f"{tag}m{i}"] for i in (1, 2, 3, 4) if g.get(f"{tag}m{i}")), None)
    day = next((g[f"{tag}d{i}"] for i in (1, 2, 5) if g.get(f"{tag}d{i}")), None)
    return _Partial(
        int(year) if year else None,
        _MONTHS[month] if month else None,
        int(day) if day else None,
    )


def _absolute(text: str) -> tuple[_Partial, _Partial | None] | None:
    """Parse ``text`` as one written date or a range of two; parts may be missing."""
    if text in _HOLIDAYS:
        return _Partial(None, *_HOLIDAYS[text]), None
    m = _FISCAL.fullmatch(text)
    if m and int(m["yy"]) == (int(m["y"]) + 1) % 100:
        return _Partial(int(m["y"]), None, None), _Partial(int(m["y"]) + 1, None, None)
    m = _ISO.fullmatch(text)
    if m:
        return _Partial(int(m["y"]), int(m["m"]), int(m["d"])), None
    m = _ISO_MONTH.fullmatch(text)
    if m:
        return _Partial(int(m["y"]), int(m["m"]), None), None
    m = _ABSOLUTE.fullmatch(text)
    if not m:
        return None
    has_end = any(v for k, v in m.groupdict().items() if k.startswith("b"))
    return _side(m, "a"), _side(m, "b") if has_end else None


def _numeric(text: str, pub: dt.date | None) -> _Partial | None:
    m = _NUMERIC.fullmatch(text)
    if not m:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        year += 2000 if year < 70 else 1900
    if m["sep"] == ".":
        readings = [(b, a)]  # day first
    else:
        readings = [(a, b), (b, a)]  # month first (US), then day first
    readings = [(mo, d) for mo, d in readings if _valid(year, mo, d)]
    if not readings:
        return None
    if pub is not None and len(readings) == 2:
        readings.sort(key=lambda r: abs((dt.date(year, r[0], r[1]) - pub).days))
    month, day = readings[0]
    return _Partial(year, month, day)


def _fill(start: _Partial, end: _Partial | None) -> tuple[_Partial, _Partial | None] | None:
    """Share month and year between the sides of a range; check what is left."""
    if end is not None:
        if start.month is None and end.month is not None and end.day is not None:
            start = start._replace(month=end.month)
        if end.month is None and start.month is not None and end.day is not None:
            end = end._replace(month=start.month)
        if (start.day is None) != (end.day is None) and None in (start.month, end.month):
            return None
        key_s = (start.month or 0, start.day or 0)
        key_e = (end.month or 13, end.day or 32)
        if start.year is None and end.year is not None and start.month is not None:
            start = start._replace(year=end.year - (1 if key_s > key_e else 0))
        if end.year is None and start.year is not None and end.month is not None:
            end = end._replace(year=start.year + (1 if key_s > key_e else 0))
    for p in (start, end):
        if p is None:
            continue
        if p.month is None and (p.day is not None or p.year is None):
            return None
        if p.month is not None and not _valid(p.year, p.month, p.day):
            return None
    if end is not None and (start.year is None) != (end.year is None):
        return None
    if end is not None and start.year is not None:
        if _bounds(start)[0] > _bounds(end)[1]:
            return None
    return start, end


def _bounds(p: _Partial) -> tuple[dt.date, dt.date]:
    assert p.year is not None
    if p.month is None:
        return dt.date(p.year, 1, 1), dt.date(p.year, 12, 31)
    return _first(p.year, p.month, p.day), _last(p.year, p.month, p.day)


_HALF_YEAR = 186  # days: "within six months" of the publication date


def _choose_year(
    start: _Partial, end: _Partial | None, pub: dt.date, tense: str | None
) -> int | None:
    """The year of ``start`` for a year-less date or range (see module docstring)."""
    last = end or start
    cross = 1 if (last.month, last.day or 0) < (start.month, start.day or 0) else 0
    candidates = []
    for year in range(pub.year - 4, pub.year + 5):
        if not (_valid(year, start.month, start.day) and _valid(year + cross, last.month, last.day)):
            continue
        s = _first(year, start.month, start.day)
        e = _last(year + cross, last.month, last.day)
        candidates.append((year, s, e))
    if not candidates:
        return None
    if tense == "future":
        return min((y for y, _, e in candidates if e >= pub), default=None)
    if tense == "past":
        return max((y for y, s, _ in candidates if s <= pub), default=None)

    def distance(c: tuple[int, dt.date, dt.date]) -> tuple[bool, int, bool]:
        year, s, e = c
        days = 0 if s <= pub <= e else min(abs((s - pub).days), abs((e - pub).days))
        return not (year == pub.year and days <= _HALF_YEAR), days, year > pub.year

    return min(candidates, key=distance)[0]


def _resolve(
    start: _Partial, end: _Partial | None, pub: dt.date | None, tense: str | None
) -> DateRange | None:
    filled = _fill(start, end)
    if filled is None:
        return None
    start, end = filled
    if start.year is None:
        if pub is None:
            if start.day is None or (end is not None and end.day is None):
                return None  # a month without a year has no contract datatype
            return _result(start, end)
        year = _choose_year(start, end, pub, tense)
        if year is None:
            return None
        start = start._replace(year=year)
        if end is not None:
            later = (end.month, end.day or 0) < (start.month, start.day or 0)
            end = end._replace(year=year + later)
    return _result(start, end)


# -- relative expressions ----------------------------------------------------


def _week_month(monday: dt.date) -> DateRange | None:
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return _result(_Partial(monday.year, monday.month, None))


def _add_months(d: dt.date, months: int) -> _Partial:
    index = d.year * 12 + d.month - 1 + months
    return _Partial(index // 12, index % 12 + 1, None)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _offset(text: str, pub: dt.date) -> DateRange | None:
    m = _OFFSET.fullmatch(text)
    if not m:
        return None
    if m["n"]:
        n, unit, sign = _number(m["n"]), m["unit"], -1
    else:
        n, unit, sign = _number(m["n2"]), m["unit2"], 1
    if unit in ("day", "week", "fortnight"):
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        return _result(_of_date(pub + dt.timedelta(days=sign * days)))
    if unit == "month":
        return _result(_add_months(pub, sign * n))
    return _result(_Partial(pub.year + sign * n, None, None))


def _relative(text: str, pub: dt.date, tense: str | None) -> DateRange | None:
    day = {
        "today": 0, "yesterday": -1, "tomorrow": 1,
        "day before yesterday": -2, "day after tomorrow": 2,
    }.get(text)
    if day is not None:
        return _result(_of_date(pub + dt.timedelta(days=day)))
    m = _REL_WEEKDAY.fullmatch(text)
    if m:
        target = _WEEKDAYS[m["wd"]]
        ahead = (target - pub.weekday()) % 7  # 0..6 days forward
        q = m["q"] or ""
        if q in ("next", "coming", "this coming") or (not q and tense == "future"):
            days = ahead or (7 if q else 0)
        elif q in ("last", "past", "this past"):
            days = -((7 - ahead) % 7 or 7)
        elif q == "this":
            days = -((7 - ahead) % 7) if tense == "past" else ahead
        else:
            days = -((7 - ahead) % 7)
        return _result(_of_date(pub + dt.timedelta(days=days)))
    m = _REL_UNIT.fullmatch(text)
    if m:
        shift = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1}[m["q"]]
        if m["unit"] == "month":
            return _result(_add_months(pub, shift))
        monday = pub - dt.timedelta(days=pub.weekday())
        if m["unit"] == "week":
            return _week_month(monday + dt.timedelta(weeks=shift))
        saturday = monday + dt.timedelta(days=5)
        if m["q"] in ("next", "coming") and pub.weekday() >= 5:
            saturday += dt.timedelta(weeks=1)
        elif m["q"] == "last":
            saturday -= dt.timedelta(weeks=1)
        sunday = saturday + dt.timedelta(days=1)
        return _result(_of_date(saturday), _of_date(sunday))
    m = _REL_MONTH.fullmatch(text)
    if m:
        month, q = _MONTHS[m["m"]], m["q"]
        day = int(m["d"]) if m["d"] else None
        if q == "this":
            year = pub.year
        elif q in ("last", "past", "this past"):
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month > pub.month else pub.year + 1
        if not _valid(year, month, day):
            return None
        return _result(_Partial(year, month, day))
    return None


_RELATIVE_WORDS = re.compile(
    rf"^(?:today|yesterday|tomorrow|day\s+(?:before|after)\s+\w+|(?:(?:this|last|next|coming|past|current)\s+)+"
    rf"(?:week|weekend|month|{_MONTH}|{_WEEKDAY}).*|{_WEEKDAY})$"
)

# -- dateparser fallback -----------------------------------------------------


@lru_cache(maxsize=1)
def _dateparser():
    """One DateDataParser with a fixed base: results never depend on today."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "current_period",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def _fallback(text: str) -> _Partial | None:
    """Ask dateparser about an absolute date naming a month; keep written parts."""
    if not re.search(_MONTH, text) or _RELATIVE_WORDS.match(text):
        return None
    try:
        data = _dateparser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    parts = set(data.parts or ())
    if "month" not in parts:
        return None
    d = data.date_obj
    year = d.year if "year" in parts else None
    if year is not None and not (1000 <= year <= 2199 and re.search(r"\b\d{4}\b|'\d{2}\b", text)):
        return None  # a year read from a day number ("December 32") is no year
    return _Partial(year, d.month, d.day if "day" in parts else None)


# -- public API --------------------------------------------------------------


def normalise(
    expression: str, published: str | None = None, tense: str | None = None
) -> DateRange | None:
    """Normalise one date expression to contract lexical forms.

    Parameters
    ----------
    expression : str
        The text of a date expression, e.g. a spaCy DATE entity.
    published : str or None
        The document's publication date "YYYY-MM-DD"; relative expressions
        and year-less dates are resolved against it.
    tense : {"future", "past", None}
        A hint from the verb governing the date.

    Returns
    -------
    DateRange or None
        ``None`` when the expression is not a date the contract can express.

    Examples
    --------
    >>> normalise("December 4–5", "2025-11-30", "future")
    DateRange(start='2025-12-04', end='2025-12-05')
    >>> normalise("on July 8 and 9")
    DateRange(start='--07-08', end='--07-09')
    >>> normalise("later this year", "2025-10-09")
    DateRange(start='2025', end=None)
    """
    if not isinstance(expression, str):
        return None
    if tense not in ("future", "past"):
        tense = None
    return _normalise(expression, published if isinstance(published, str) else None, tense)


@lru_cache(maxsize=8192)
def _normalise(expression: str, published: str | None, tense: str | None) -> DateRange | None:
    pub = _parse_published(published)
    text = _clean(expression)
    if not text:
        return None
    if pub is not None:
        offset = _offset(re.sub(r"^(?:about|around|some|just|only|roughly|nearly|almost)\s+", "", text), pub)
        if offset is not None:
            return offset
    if _VAGUE.search(text):
        return None
    if pub is not None:
        text = _RELATIVE_YEAR.sub(
            lambda m: str(pub.year + {"last": -1, "next": 1}.get(m[1], 0)), text
        )
    else:
        stripped = _RELATIVE_YEAR.sub("", text).strip()
        if stripped != text and not re.search(r"\d|" + _MONTH, stripped):
            return None
        text = re.sub(r"\s+", " ", stripped)
    text = _strip(text)
    if not text:
        return None
    if _RELATIVE_WORDS.match(text):
        return _relative(text, pub, tense) if pub is not None else None
    numeric = _numeric(text, pub)
    if numeric is not None:
        return _result(numeric)
    parsed = _absolute(text)
    if parsed is None:
        fallback = _fallback(text)
        parsed = (fallback, None) if fallback is not None else None
    if parsed is None:
        return None
    return _resolve(parsed[0], parsed[1], pub, tense)


# -- finding dates in running text -------------------------------------------

_C_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_C_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_C_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_C_YEAR = r"(?:19\d\d|20\d\d|2100)\b"
_C_DASH = r"\s*[-\u2010-\u2015\u2212]\s*"
_C_SEP = rf"(?:{_C_DASH}|\s+(?:to|and|through|until|till)\s+)"
_C_POINT = (
    rf"(?:{_C_WEEKDAY},?\s+)?(?:(?:the\s+)?{_C_DAY}(?:\s+of)?\s+{_C_MONTH}|{_C_MONTH}\s+(?:the\s+)?{_C_DAY})"
    rf"(?:,?\s+{_C_YEAR})?"
)
_C_UNITS = (
    r"%|per\s*cent|percent|billion|million|thousand|trillion|crore|lakh|bn\b|mn\b|m\b|k\b|km\b|kilomet"
    r"|miles?\b|met(?:er|re)s?\b|tons?\b|tonnes?\b|kg\b|people|troops|soldiers|units|barrels|dollars"
    r"|euros|rupees|roubles|rubles|yuan|yen|pounds|feet|ft\b|hours|hrs\b|GMT|UTC"
)
# Capitalised words after which a bare year is still a date, not part of a name.
_C_YEAR_OK_BEFORE = {
    "In", "By", "Since", "Until", "Till", "From", "During", "Before", "After", "Through",
    "Of", "Early", "Late", "Mid", "The", "And", "Or", "To", "At", "Between", "For", "Around",
    "Circa", "As", "On", "Last", "Next", "This", "Also", "Back", "Then", "Over", "Throughout",
}

_FINDER = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}(?P<nsep>[./])\d{{1,2}}(?P=nsep)\d{{4}}\b)"
    rf"|(?P<date>(?:(?:[Bb]etween|[Ff]rom)\s+)?(?:"
    rf"{_C_POINT}{_C_SEP}{_C_POINT}"
    rf"|{_C_MONTH}\s+{_C_DAY}{_C_SEP}{_C_DAY}(?:,?\s+{_C_YEAR})?"
    rf"|(?:the\s+)?{_C_DAY}{_C_SEP}{_C_DAY}\s+(?:of\s+)?{_C_MONTH}(?:,?\s+{_C_YEAR})?"
    rf"|{_C_MONTH}{_C_SEP}{_C_MONTH},?\s+{_C_YEAR}"
    rf"|{_C_POINT}"
    rf"|{_C_MONTH},?\s+(?:of\s+)?{_C_YEAR}"
    rf"))"
    rf"|(?<![$\u20ac\u00a3\u20b9#\d.,])(?P<years>(?:[Bb]etween\s+{_C_YEAR}\s+and\s+{_C_YEAR}"
    rf"|(?:[Ff]rom\s+)?{_C_YEAR}(?:{_C_DASH}|\s+to\s+)(?:{_C_YEAR}|\d\d\b)))(?!\s*(?:{_C_UNITS}))"
    rf"|\b(?i:in|by|since|until|till|from|during|through|of|early|late|mid)"
    rf"[\s-]+(?P<month>{_C_MONTH})(?!,?\s+(?:of\s+)?\d)"
    rf"|(?<![Tt]he\s)(?P<rel>\b(?:(?:[Ll]ater|[Ee]arlier)\s+)?(?:[Ll]ast|[Nn]ext|[Tt]his)\s+"
    rf"(?:(?:week(?:end)?|month|year)\b|{_C_WEEKDAY}|{_C_MONTH}(?!\s+\d)))"
    rf"|(?P<day>\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b|\b{_C_WEEKDAY})"
    rf"|(?P<offset>(?i:\b{_NUM}\s+(?:days?|weeks?|months?|years?)\s+ago\b"
    rf"|\bin\s+{_NUM}\s+(?:days?|weeks?)\b(?!'?\s+(?:of|since|after|before)\b)))"
    rf"|(?<![$\u20ac\u00a3\u20b9#\d.,])(?P<year>\b{_C_YEAR})(?![.,]\d)(?!\s*(?:{_C_UNITS}))"
)
_GROUPS = ("iso", "date", "years", "month", "rel", "day", "offset", "year")


def _year_context_ok(text: str, start: int) -> bool:
    """A bare year right after a capitalised word is usually a name ("Vision 2030")."""
    if start > 0 and text[start - 1].isalnum():
        return False  # "FY2025", "COP2025"
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 40):start])
    if not m or not m[1][0].isupper():
        return True
    word = m[1]
    return word in _C_YEAR_OK_BEFORE or word.lower() in _MONTHS or word.lower() in _WEEKDAYS


def find_dates(
    text: str, published: str | None = None, tense: str | None = None
) -> list[tuple[int, int, DateRange]]:
    """Find date expressions in ``text``: ``(start, end, DateRange)`` by char offset.

    Month names must be capitalised (as in edited news) so that "may" and
    "march" as words are not dates; a month alone needs a preposition or
    qualifier ("in May", "last March"). Bare years are 1900–2100 tokens not
    followed by a unit ("2000 troops") and not part of a name ("Vision 2030").

    Examples
    --------
    >>> find_dates("Putin will visit on December 4-5, his first trip since 2021.", "2025-11-30", "future")
    [(20, 32, DateRange(start='2025-12-04', end='2025-12-05')), (55, 59, DateRange(start='2021', end=None))]
    """
    if not text:
        return []
    found = []
    for m in _FINDER.finditer(text):
        group = next(g for g in _GROUPS if m.group(g))
        start, end = m.span(group)
        if text[end - 1] == ".":
            end -= 1  # a full stop, or the dot of "Dec.": not needed to read the date
        if group == "year" and not _year_context_ok(text, start):
            continue
        expression = text[start:end]
        if group == "month":
            prefix = text[m.start():start].strip(" -")
            if prefix.lower() in ("early", "late", "mid"):
                expression = f"{prefix} {expression}"
        value = normalise(expression, published, tense)
        if value is not None:
            found.append((start, end, value))
    return found


# -- datelines ---------------------------------------------------------------

# "MANILA, April 29 (Reuters) -", "OSLO, 12.03.2025 —", "GENEVA, Switzerland, May 2 (AP) —",
# "MILAN/BEIJING, Dec 10 (Reuters) -": a place in capitals (or two filed from at once, joined by "/";
# an optional region after it), a date, an optional agency, a dash.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-ZÀ-ÖØ-Þ.'\u2019 /-]{1,40}(?:,[ \t]+[A-Z][A-Za-z. ]{1,30})?,[ \t]+"
    r"(?P<date>[A-Za-z0-9.,/ ]{3,30}?)[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-\u2013\u2014]",
    re.MULTILINE,
)
_DATELINE_WINDOW = 800  # characters: a dateline opens the article body


def dateline(text: str, published: str | None = None) -> tuple[int, int, DateRange] | None:
    """The date of the article's dateline and where the dateline starts and ends, if it has one.

    The dateline names the day the story was filed, so it is the reference for
    "on Tuesday" in the article. A year-less dateline takes its year from the
    publication date when that is known (the nearest such day), else stays "--MM-DD".

    >>> dateline("Headline\\n\\nMANILA, April 29 (Reuters) - Talks began.", "2025-05-02")
    (10, 38, DateRange(start='2025-04-29', end=None))
    >>> dateline("MANILA, April 29 (Reuters) - Talks began.")
    (0, 28, DateRange(start='--04-29', end=None))
    """
    m = _DATELINE.search(text[:_DATELINE_WINDOW])
    if m is None or not re.search(r"\d", m["date"]):
        return None
    value = normalise(m["date"].strip(" ,"), published)
    if value is None or value.end is not None or not (len(value.start) == 10 or value.start.startswith("--")):
        return None
    return m.start() + len(m[0]) - len(m[0].lstrip()), m.end(), value


def reference_in_year(month_day: str, weekday: int) -> str:
    """A stand-in full date for "--MM-DD" falling on ``weekday`` (0 is Monday).

    Only its month, day and weekday are meant: a caller resolving "on Monday"
    against it keeps the month and day of the result and drops the year.
    """
    month, day = int(month_day[2:4]), int(month_day[5:7])
    for year in range(2000, 2029):  # every weekday occurs for any month-day within 28 years
        if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return f"2000-{month:02d}-{day:02d}"


def weekday_of(expression: str) -> int | None:
    """The weekday an expression names on its own ("on Tuesday", "Tuesday morning"), if any."""
    words = _clean(expression).split()
    days = [_WEEKDAYS[w] for w in words if w in _WEEKDAYS]
    others = [w for w in words if w not in _WEEKDAYS and w not in {"on", "today", "early", "late"}]
    return days[0] if len(days) == 1 and not others else None


# a dateline's place, with or without a date: "OSLO (AP) -", "LIMA, Peru, May 3 (Reuters) —", "BOGOTÁ (AP) —";
# "PARIS/MOSCOW (AP) —" is filed from two places (see ``single_place``)
_PLACE_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-ZÀ-ÖØ-Þ.'\u2019 /]{1,40}?)[ \t]*(?:,[^\n(]{1,40}?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-\u2013\u2014:]",
    re.MULTILINE,
)


def place_dateline(text: str) -> re.Match | None:
    """The dateline that opens an article's body, its place as group 1: "OSLO (AP) -" → "OSLO".

    >>> place_dateline("Headline\\n\\nLIMA, May 3 (Reuters) - Talks began.").group(1)
    'LIMA'
    """
    return _PLACE_DATELINE.search(text[:_DATELINE_WINDOW])


def single_place(found: re.Match | None) -> bool:
    """Whether a dateline found by ``place_dateline`` names one place ("PARIS/MOSCOW" names two, so no scene).

    >>> single_place(place_dateline("PARIS/MOSCOW (AP) — Talks began."))
    False
    """
    return found is not None and "/" not in found.group(1)

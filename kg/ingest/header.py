"""An article's header: its publication date and its headline.

A ``date YYYY-MM-DD`` marker, or a line near the top that holds a date and
little else, gives the publication date and is removed from the text (dates
are read by dateparser, in English, with day, month and year all required);
a headline-like first line gives the title and stays in the text.
"""

from __future__ import annotations

import datetime as _dt
import re

from .clean import _MONTH


def find_published(text: str) -> tuple[str | None, str]:
    """Find the publication date in the header of ``text`` and remove it.

    Looks for a ``date YYYY-MM-DD`` marker in the first three lines (the rest
    of that line is kept), else for lines that hold a date and little else
    ("30.11.2025", "Nov 30, 2025", "By Jane Doe | 2025-11-30") near the top
    (first ten lines), or anywhere when labelled ("First published on: Dec
    3, 2025"). All such lines are removed; the date comes from the first one
    not labelled "updated"/"modified". Dates inside sentences are never used.
    Returns ``(iso_date_or_None, text_without_the_date_lines)``.

    >>> find_published(" date 2025-10-09 Modi called Putin.")
    ('2025-10-09', 'Modi called Putin.')
    >>> find_published("Headline\\n\\n30.11.2025\\n\\nBody text.")
    ('2025-11-30', 'Headline\\n\\nBody text.')
    """
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for i in nonblank[:3]:
        match = _DATE_MARKER.match(lines[i])
        if match and (iso := _iso_date(match.group(1))):
            rest = lines[i][match.end() :].strip()
            lines[i : i + 1] = [rest] if rest else []
            return iso, _join_lines(lines)
    found: list[tuple[int, str, bool]] = []
    offset, limit = 0, nonblank[9] if len(nonblank) > 9 else len(lines)
    for i, line in enumerate(lines):
        near_top = i <= limit and offset <= 1500
        offset += len(line) + 1
        if near_top or _DATE_LABEL.match(line):
            hit = _standalone_date(line)
            if hit:
                found.append((i, *hit))
    if not found:
        return None, text
    updated_only = all(is_update for _, _, is_update in found)
    iso = next(d for _, d, is_update in found if updated_only or not is_update)
    dropped = {i for i, _, _ in found}
    return iso, _join_lines([line for i, line in enumerate(lines) if i not in dropped])


def find_title(text: str) -> str | None:
    """The headline of ``text``: its first line if that looks like one.

    A headline has 3 to 20 words, starts with a capital letter, digit or
    quote and does not end with a period. A one- or two-word label before
    it ("Opinion", "World News") is skipped. Returns ``None`` when the text
    starts with a sentence.

    >>> find_title("Putin visits India\\n\\nThe Russian president arrived.")
    'Putin visits India'
    >>> find_title("The Russian president arrived in New Delhi.") is None
    True
    """
    for line in [line.strip() for line in text.split("\n") if line.strip()][:3]:
        if _standalone_date(line):
            continue
        words = line.split()
        if len(words) > 20 or line.endswith((".", ",", ";", ":")):
            return None
        if len(words) >= 3:
            return line if line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«" else None
    return None


_DATE_MARKER = re.compile(
    r"^\s*(?:date|dated|published|pubdate|publication date)\s*[:=]?\s*"
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])\s*",
    re.I,
)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_DATE_FORMS = (
    (re.compile(r"(?<![\d.:/-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.:/-]?\d)"), "YMD"),
    (re.compile(r"(?<![\d.:/-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d.:/-]?\d)"), "DMY"),
    (re.compile(rf"(?<!\w)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}(?!\d)", re.I), None),
    (re.compile(rf"(?<!\w){_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)", re.I), None),
)
_DATE_LABEL = re.compile(
    r"^\s*(?:(?:first|last)\s+)?(published|updated|posted|modified|created|date|dated|released|issued)"
    r"(?:\s+(?:on|at))?\s*[:|\-–]?\s*",
    re.I,
)
_DATE_LEFTOVER = (
    re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I),
    re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?!\w)", re.I),
    re.compile(r"\b(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|\b[A-Z]{2,5}\b"),
    re.compile(r"\b(?:on|at|by|and|published|updated|posted|last|first|modified)\b", re.I),
)


def _standalone_date(line: str) -> tuple[str, bool] | None:
    """``(iso, is_update)`` when ``line`` holds a date and little else."""
    line = line.strip()
    if not line or len(line) > 100:
        return None
    label = _DATE_LABEL.match(line)
    rest = line[label.end() :] if label else line
    for pattern, order in _DATE_FORMS:
        match = pattern.search(rest)
        if not match:
            continue
        labels = re.findall(r"\b(published|updated|posted|modified)\b", line[: len(line) - len(rest) + match.start()], re.I)
        is_update = bool(labels) and labels[-1].lower() in ("updated", "modified")
        leftover = rest[: match.start()] + " " + rest[match.end() :]
        for cleaner in _DATE_LEFTOVER:
            leftover = cleaner.sub(" ", leftover)
        words = re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", leftover)
        if len(words) > 4 or any(w[0].islower() for w in words):
            return None
        iso = _parse_date(match.group(0), order)
        return (iso, is_update) if iso else None
    return None


def _parse_date(value: str, order: str | None) -> str | None:
    import dateparser

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    orders = {"DMY": ("DMY", "MDY"), "YMD": ("YMD",)}.get(order or "", (None,))
    for date_order in orders:
        if date_order:
            settings["DATE_ORDER"] = date_order
        try:
            parsed = dateparser.parse(value, languages=["en"], settings=settings)
        except Exception:  # noqa: BLE001 - dateparser on arbitrary text
            parsed = None
        if parsed and 1900 <= parsed.year <= 2100:
            return parsed.date().isoformat()
    return None


def _iso_date(value: str, *, strict_iso: bool = False) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or datetime (or, unless strict, any clear date)."""
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return _dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    if strict_iso:
        return None
    for pattern, order in _DATE_FORMS:
        found = pattern.search(value)
        if found:
            return _parse_date(found.group(0), order)
    return None


def _join_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)
    return text.strip("\n")

"""Calendar dates at the precision the text gives: days, months, years, decades, centuries, year ranges.

A range ("2020-2025", "6–8 March 2026", "April–December 2025") yields two DATEs, one per end, each with its
own span: TIMEX3 marks the ends, and a timeline wants both. Year-less dates ("Sep 10") take the anchor's year
unless that lands more than six months away from it, in which case the year before (or after) is used;
without an anchor they keep an unknown year (XXXX-09-10).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from gistbook.extract.deictic import tense_at
from gistbook.extract.numbers import ORDINAL_WORDS
from gistbook.extract.spans import Candidate, Part
from gistbook.text import MONTH_ABBREVIATIONS

MONTHS = MONTH_ABBREVIATIONS
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ABBREVIATION_DOT = r"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.|(?<=Sept)\.)?"
_M = rf"(?P<m>{MONTH}){_ABBREVIATION_DOT}(?![a-z])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_DAY = rf"(?P<d>{DAY})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>1\d{3}|20\d\d)(?!\d)"
_DASH = r"\s*(?:[-‐‑‒–—]|to|till|until|and)\s*"
_WD_BEFORE = rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?"
_WD_AFTER = rf"(?:\s*\(\s*{WEEKDAY}\s*\))?"

_DMY = re.compile(rf"(?<![\w.]){_WD_BEFORE}{_DAY}\s*(?:of\s+)?{_M}[\s,]*{_YEAR}{_WD_AFTER}", re.IGNORECASE)
_MDY = re.compile(rf"(?<![\w.]){_WD_BEFORE}{_M}\s+{_DAY}(?!\d)(?:\s*,\s*|\s+){_YEAR}{_WD_AFTER}", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\w./-])(?P<d>[0-3]?\d)(?P<sep>[./-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d/])")
_ISO = re.compile(r"(?<![\w./-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d/])")
_DAY_RANGE_DMY = re.compile(
    rf"(?<![\w.])(?P<d1>{DAY})(?:st|nd|rd|th)?(?:\s*(?P<m1>{MONTH}){_ABBREVIATION_DOT})?{_DASH}{_DAY}\s*(?:of\s+)?{_M}[\s,]*{_YEAR}",
    re.IGNORECASE,
)
_DAY_RANGE_MDY = re.compile(rf"(?<![\w.]){_M}\s+(?P<d1>{DAY})(?:st|nd|rd|th)?{_DASH}{_DAY},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"(?<![\w.]){_M}[\s,]*(?:of\s+)?{_YEAR}", re.IGNORECASE)
_MONTH_RANGE = re.compile(rf"(?<![\w.])(?P<m1>{MONTH}){_ABBREVIATION_DOT}{_DASH}{_M}[\s,]*{_YEAR}", re.IGNORECASE)
_DM = re.compile(rf"(?<![\w.]){_WD_BEFORE}{_DAY}\s*(?:of\s+)?{_M}{_WD_AFTER}(?![\s,]*\d)", re.IGNORECASE)
_MD = re.compile(rf"(?<![\w.]){_WD_BEFORE}{_M}\s+{_DAY}(?!\d|\s*(?:[-–]|to)\s*\d){_WD_AFTER}", re.IGNORECASE)
_BARE_MONTH = re.compile(
    rf"\b(?:(?P<rel>last|next|this|coming|previous)|in|during|since|by|till|until|up\s*to|from|of|early|mid|late|"
    rf"end\s+of)[\s-]+{_M}(?![\s,]*\d)",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(
    r"(?<![\w./$₹€£¥-])(?P<y1>1\d{3}|20\d\d)\s*[-‐‑‒–—]\s*(?P<y2>1\d{3}|20\d\d|\d\d)(?![\d/%]|[.,-]\d)"
)
_DECADE = re.compile(r"(?<![\w-])(?:mid-?)?(?P<c>1\d|20)(?P<d>\d)0['’]?s\b|(?<![\w])['’](?P<d2>\d)0s\b")
_ORDINAL_WORD = "|".join(sorted((re.escape(w) for w in ORDINAL_WORDS), key=len, reverse=True))
_CENTURY = re.compile(rf"\b(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{_ORDINAL_WORD}))[\s-]+[Cc]entury\b", re.IGNORECASE)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def capitalised(name: str) -> bool:
    """Month names only count when capitalised: "may" and "march" are also verbs."""
    return name[:1].isupper()


def day_value(year: int, month: int, day: int) -> str | None:
    """ISO date, or None when the day does not exist (31 June, 29 February 2023)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def nearest_year(month: int, day: int, anchor: dt.date) -> int:
    """The anchor's year, or its neighbour when that puts the date more than ~six months from the anchor."""
    day = min(day, calendar.monthrange(anchor.year, month)[1])
    guess = dt.date(anchor.year, month, day)
    if (guess - anchor).days > 183:
        return anchor.year - 1
    if (anchor - guess).days > 183:
        return anchor.year + 1
    return anchor.year


def _tensed_year(text: str, offset: int, month: int, anchor: dt.date) -> int:
    """A year-less month points back in a past-tense sentence and ahead in a future one; else the nearest."""
    tense = tense_at(text, offset)
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    return nearest_year(month, 15, anchor)


def _full_dates(text: str) -> Iterator[Candidate]:
    for regex in (_DMY, _MDY):
        for m in regex.finditer(text):
            if capitalised(m["m"]) and (value := day_value(int(m["y"]), month_number(m["m"]), int(m["d"]))):
                yield Candidate.single(m.start(), m.end(), "DATE", value, 3)
    yield from _numeric_dates(text)


def _numeric_dates(text: str) -> Iterator[Candidate]:
    for m in _NUMERIC.finditer(text):
        if value := day_value(int(m["y"]), int(m["m"]), int(m["d"])):
            yield Candidate.single(m.start(), m.end(), "DATE", value, 3)
    for m in _ISO.finditer(text):
        if value := day_value(int(m["y"]), int(m["m"]), int(m["d"])):
            yield Candidate.single(m.start(), m.end(), "DATE", value, 3)


def _day_ranges(text: str) -> Iterator[Candidate]:
    for m in _DAY_RANGE_DMY.finditer(text):
        if not capitalised(m["m"]) or (m["m1"] and not capitalised(m["m1"])):
            continue
        year, month2 = int(m["y"]), month_number(m["m"])
        month1 = month_number(m["m1"]) if m["m1"] else month2
        first = day_value(year - 1 if month1 > month2 else year, month1, int(m["d1"]))
        second = day_value(year, month2, int(m["d"]))
        if first and second:
            yield Candidate(
                m.start(),
                m.end(),
                [
                    Part(m.start(), m.end("m1") if m["m1"] else m.end("d1"), "DATE", first),
                    Part(m.start("d"), m.end(), "DATE", second),
                ],
                3,
            )
    for m in _DAY_RANGE_MDY.finditer(text):
        month, year = month_number(m["m"]), int(m["y"])
        first, second = day_value(year, month, int(m["d1"])), day_value(year, month, int(m["d"]))
        if capitalised(m["m"]) and first and second:
            yield Candidate(
                m.start(),
                m.end(),
                [Part(m.start(), m.end("d1"), "DATE", first), Part(m.start("d"), m.end(), "DATE", second)],
                3,
            )


def _months(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    for m in _MONTH_YEAR.finditer(text):
        if capitalised(m["m"]):
            yield Candidate.single(m.start(), m.end(), "DATE", f"{m['y']}-{month_number(m['m']):02d}", 2)
    for m in _MONTH_RANGE.finditer(text):
        if capitalised(m["m1"]) and capitalised(m["m"]):
            year, month1, month2 = int(m["y"]), month_number(m["m1"]), month_number(m["m"])
            first = f"{year - 1 if month1 > month2 else year}-{month1:02d}"
            yield Candidate(
                m.start(),
                m.end(),
                [
                    Part(m.start(), m.start() + len(m["m1"]), "DATE", first),
                    Part(m.start("m"), m.end(), "DATE", f"{year}-{month2:02d}"),
                ],
                2,
            )
    for m in _BARE_MONTH.finditer(text):
        if capitalised(m["m"]):
            month = month_number(m["m"])
            rel = (m["rel"] or "").lower()
            if anchor and rel:  # "last May" is the latest May before this month, "next May" the first after it
                year = anchor.year
                if rel in ("last", "previous"):
                    year -= month >= anchor.month
                elif rel in ("next", "coming"):
                    year += month <= anchor.month
                yield Candidate.single(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", 2)
                continue
            year_text = f"{_tensed_year(text, m.start('m'), month, anchor):04d}" if anchor else "XXXX"
            yield Candidate.single(m.start("m"), m.end(), "DATE", f"{year_text}-{month:02d}", 1)


def _yearless_days(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    for regex in (_DM, _MD):
        for m in regex.finditer(text):
            if not capitalised(m["m"]):
                continue
            month, day = month_number(m["m"]), int(m["d"])
            year = nearest_year(month, day, anchor) if anchor else 2000  # 2000 is a leap year: 29 Feb stays valid
            value = day_value(year, month, day)
            if value:
                yield Candidate.single(m.start(), m.end(), "DATE", value if anchor else "XXXX" + value[4:], 1)


def _year_ranges(text: str) -> Iterator[Candidate]:
    for m in _YEAR_RANGE.finditer(text):
        y1, y2_text = int(m["y1"]), m["y2"]
        y2 = int(y2_text) if len(y2_text) == 4 else (y1 // 100) * 100 + int(y2_text)
        if len(y2_text) == 2 and y2 < y1:
            y2 += 100
        if y1 + 1 < y2 <= y1 + 100 or (y2 == y1 + 1 and len(y2_text) == 4):  # a fiscal year wins where it is one
            yield Candidate(
                m.start(),
                m.end(),
                [Part(m.start("y1"), m.end("y1"), "DATE", str(y1)), Part(m.start("y2"), m.end("y2"), "DATE", str(y2))],
                1,
            )


def _decades_and_centuries(text: str) -> Iterator[Candidate]:
    for m in _DECADE.finditer(text):
        if m["d2"]:
            century = "19" if int(m["d2"]) >= 3 else "20"
            yield Candidate.single(m.start(), m.end(), "DATE", f"{century}{m['d2']}X", 1)
        else:
            yield Candidate.single(m.start(), m.end(), "DATE", f"{m['c']}{m['d']}X", 1)
    for m in _CENTURY.finditer(text):
        number = int(m["n"]) if m["n"] else ORDINAL_WORDS.get(m["w"].lower())
        if number and 1 <= number <= 22:
            start = m.start() if m["n"] else m.start("w")
            yield Candidate.single(start, m.end(), "DATE", f"{number - 1:02d}XX", 1)


_ANY_MONTH = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|"
    r"NOV|DEC)"
)


def find_dates(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    """Every calendar-date candidate; overlaps are settled by the caller (longest wins)."""
    has_month = _ANY_MONTH.search(text) is not None
    if has_month:
        yield from _full_dates(text)
        yield from _day_ranges(text)
        yield from _months(text, anchor)
        yield from _yearless_days(text, anchor)
    else:
        yield from _numeric_dates(text)
    yield from _year_ranges(text)
    if "0s" in text or "0's" in text or "0’s" in text or "entury" in text:
        yield from _decades_and_centuries(text)

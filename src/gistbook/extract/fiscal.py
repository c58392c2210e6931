"""Indian fiscal years (1 April – 31 March) and their quarters, which general date parsers misread.

Values: a fiscal year is always "FY2022-23" (start year in four digits, end year in two); "FY24" and
"FY2024" name the year ending in March 2024, i.e. "FY2023-24". A quarter or half of a fiscal year is the
year's value with a suffix: "Q3 FY24" → "FY2023-24-Q3" (Q1 = April–June, so Q3 = October–December 2023),
"H1 of FY26" → "FY2025-26-H1". A calendar quarter "Q3 2025" is TIMEX3's "2025-Q3". A bare "2023-24" is
a fiscal year whenever the second part is the first plus one (the Indian convention; "2024-2025" too).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gistbook.extract.spans import Candidate

DASH = r"\s*[-‐‑‒–—]\s*"
_FY_WORD = r"(?:F\.?Y\.?|[Ff]inancial\s+[Yy]ear|FINANCIAL\s+YEAR|[Ff]iscal\s+[Yy]ear|[Ff]iscal)"
_PREFIX = rf"{_FY_WORD}\s*(?:\(\s*FY\s*\)\s*)?['’:-]?\s*"

_PREFIXED_LONG = re.compile(rf"(?<![\w-]){_PREFIX}(?P<y1>(?:19|20)\d\d){DASH}(?P<y2>(?:19|20)\d\d|\d\d)(?![\d])")
_PREFIXED_SHORT = re.compile(rf"(?<![\w-]){_PREFIX}(?P<y1>\d\d){DASH}(?P<y2>\d\d)(?![\d])")
_FY_ONE_YEAR = re.compile(r"(?<![\w])(?:FY|F\.Y\.)\s?['’]?(?P<y>(?:19|20)\d\d|\d\d)(?!\d|\s*[-‐‑‒–—]\s*\d)")
_BARE = re.compile(
    rf"(?<![\w./-])(?P<y1>(?:19|20)\d\d){DASH}(?P<y2>(?:19|20)\d\d|\d\d)(?![\d/]|[.-]\d|\s*[-‐‑‒–—]\s*\d)"
    rf"(?:\s+fiscal\b)?"
)
_QUARTER_BEFORE = re.compile(
    r"(?:\bQ(?P<q>[1-4])|\b(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|\bH(?P<h>[12])"
    r"|\b(?P<hw>first|second|1st|2nd)\s+half)\s*(?:\(\s*(?:Q[1-4]|H[12])\s*\)\s*)?(?:of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_CALENDAR_QUARTER = re.compile(
    r"(?:\bQ(?P<q>[1-4])|\b(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s*(?:of\s+(?:the\s+)?)?"
    r"(?:calendar\s+year\s+)?(?P<y>(?:19|20)\d\d)(?![\d]|\s*[-‐‑‒–—]\s*\d)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<rel>current|this|present|ongoing|last|previous|preceding|next|coming|ensuing)\s+"
    r"(?:financial\s+year|fiscal(?:\s+year)?|FY)\b(?!\s*\(?\s*(?:FY\s*)?['’]?\d)",
    re.IGNORECASE,
)
_INDIAN_MONEY = re.compile(r"₹|\bRs\.?|\bINR\b|\bcrores?\b|\blakhs?\b|\b[Ff]iscal\b|\b[Ff]inancial\s+[Yy]ear|"
                           r"\bFY|\b[Bb]udget|\bGDP\b|\bMinistry\b|\bGovernment of India\b|\bIndian?\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_RELATIVE_SHIFT = {
    "current": 0,
    "this": 0,
    "present": 0,
    "ongoing": 0,
    "last": -1,
    "previous": -1,
    "preceding": -1,
    "next": 1,
    "coming": 1,
    "ensuing": 1,
}


def fiscal_label(start_year: int) -> str:
    """The one spelling of a fiscal year: FY2022-23."""
    return f"FY{start_year}-{(start_year + 1) % 100:02d}"


def fiscal_year_of(day: dt.date) -> int:
    """Start year of the fiscal year a date falls in (April starts a new one)."""
    return day.year if day.month >= 4 else day.year - 1


def consecutive(y1: int, y2_text: str) -> bool:
    """2022-23 and 2022-2023 are fiscal years; 2021-26 is a span of years."""
    y2 = int(y2_text)
    return y2 == y1 + 1 if len(y2_text) == 4 else y2 == (y1 + 1) % 100


def _fiscal_matches(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, start_year, priority) of every explicit fiscal year."""
    for m in _PREFIXED_LONG.finditer(text):
        y1 = int(m["y1"])
        if consecutive(y1, m["y2"]):
            yield m.start(), m.end(), y1, 3
    for m in _PREFIXED_SHORT.finditer(text):
        y1 = 2000 + int(m["y1"])
        if consecutive(y1, m["y2"]):
            yield m.start(), m.end(), y1, 3
    for m in _FY_ONE_YEAR.finditer(text):
        year = int(m["y"])
        end_year = year if year > 100 else 2000 + year
        yield m.start(), m.end(), end_year - 1, 3
    indian: bool | None = None  # looked up only for a four-digit pair, which is rare
    for m in _BARE.finditer(text):
        y1 = int(m["y1"])
        if not consecutive(y1, m["y2"]):
            continue
        # "2022-23" is the Indian convention; "2015-2016" is a fiscal year only in a fiscal or Indian context
        if len(m["y2"]) == 4 and not m.group().endswith("fiscal"):
            if indian is None:
                indian = _INDIAN_MONEY.search(text) is not None
            if not indian:
                continue
        yield m.start(), m.end(), y1, 2


def _quarter_suffix(m: re.Match[str]) -> str:
    if m["q"]:
        return f"Q{m['q']}"
    if m["qw"]:
        return f"Q{_ORDINALS[m['qw'].lower()]}"
    if m["h"]:
        return f"H{m['h']}"
    return f"H{_ORDINALS[m['hw'].lower()]}"


def find_fiscal(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    """Fiscal years, fiscal quarters and halves, calendar quarters, and (with an anchor) "current financial year"."""
    for start, end, start_year, priority in _fiscal_matches(text):
        value = fiscal_label(start_year)
        quarter = _QUARTER_BEFORE.search(text, max(0, start - 40), start)
        if quarter:
            yield Candidate.single(quarter.start(), end, "DATE", f"{value}-{_quarter_suffix(quarter)}", priority)
        yield Candidate.single(start, end, "DATE", value, priority)
    for m in _CALENDAR_QUARTER.finditer(text):
        yield Candidate.single(m.start(), m.end(), "DATE", f"{m['y']}-{_quarter_suffix(m)}", 2)
    if anchor is None:
        return
    for m in _RELATIVE.finditer(text):
        start_year = fiscal_year_of(anchor) + _RELATIVE_SHIFT[m["rel"].lower()]
        yield Candidate.single(m.start(), m.end(), "DATE", fiscal_label(start_year), 1)

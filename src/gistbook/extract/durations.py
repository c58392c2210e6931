"""Stretches of time (TIMEX3 DURATION: "a 10-year roadmap" → P10Y) and recurrences (SET: "annually" → P1Y).

Decades and centuries are written in years (P10Y, P100Y), a fortnight as P2W; hours and minutes take the
TIMEX3 "T" (PT24H). A range or a vague amount ("6-8 weeks", "several years") has an unknown count: PXW, PXY.
"twice a year", "biannual" and "half-yearly" recur every six months (P6M); "every Monday" is XXXX-WXX-1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gistbook.extract.numbers import NUMBER, NUMBER_WORD, format_amount, parse_number
from gistbook.extract.spans import Candidate

_UNIT = (
    r"(?P<unit>years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|decades?|centur(?:y|ies)|"
    r"fortnights?)"
)
_AMOUNT = rf"(?:{NUMBER}|{NUMBER_WORD}|one\s+and\s+a\s+half|half\s+a|a|an|few|several|couple\s+of)"
_DURATION = re.compile(
    rf"(?<![\w.,])(?P<n>{_AMOUNT})(?:\s*(?:[-–]|to)\s*(?P<n2>{NUMBER}|{NUMBER_WORD}))?(?:\s*[-‐]\s*|\s+){_UNIT}"
    r"(?:[-\s](?:long|old))?\b",
    re.IGNORECASE,
)
_SPAN_BACK = re.compile(
    rf"\b(?P<the>the\s+)?(?:last|past|previous|next|coming|preceding)\s+(?:(?P<n>{NUMBER}|{NUMBER_WORD}|few|several)\s+)?"
    rf"{_UNIT}\b",
    re.IGNORECASE,
)
_CODES = {
    "year": (1, "Y"),
    "yr": (1, "Y"),
    "month": (1, "M"),
    "week": (1, "W"),
    "day": (1, "D"),
    "hour": (1, "TH"),
    "hr": (1, "TH"),
    "minute": (1, "TM"),
    "min": (1, "TM"),
    "decade": (10, "Y"),
    "century": (100, "Y"),
    "centurie": (100, "Y"),
    "fortnight": (2, "W"),
}

_SET_WORDS: list[tuple[str, str]] = [
    (r"bi-?ennial(?:ly)?|every\s+(?:two|2|alternate|other)\s+years", "P2Y"),
    (r"tri-?ennial(?:ly)?|every\s+(?:three|3)\s+years", "P3Y"),
    (r"quinquennial(?:ly)?|every\s+(?:five|5)\s+years", "P5Y"),
    (r"half[-\s]yearly|bi-?annual(?:ly)?|twice\s+a\s+year|every\s+six\s+months|semi-?annual(?:ly)?", "P6M"),
    (r"annual(?:ly)?|yearly|every\s+year|each\s+year|per\s+year|per\s+annum|p\.\s?a\.|once\s+a\s+year", "P1Y"),
    (r"quarterly|every\s+quarter|each\s+quarter", "P3M"),
    (r"monthly|every\s+month|each\s+month|per\s+month|once\s+a\s+month", "P1M"),
    (r"fortnightly|every\s+fortnight", "P2W"),
    (r"weekly|every\s+week|each\s+week|per\s+week|once\s+a\s+week", "P1W"),
    (r"daily|every\s+day|each\s+day|per\s+day|everyday|once\s+a\s+day|on\s+a\s+daily\s+basis", "P1D"),
    (r"hourly|every\s+hour", "PT1H"),
]
_SET_RE = re.compile(
    "|".join(rf"(?P<s{i}>(?<![\w-])(?:{pattern})(?![\w-]))" for i, (pattern, _) in enumerate(_SET_WORDS)), re.IGNORECASE
)
_SET_VALUES = {f"s{i}": value for i, (_, value) in enumerate(_SET_WORDS)}
_SET_HINTS = (
    "ann",
    "year",
    "month",
    "week",
    "dai",
    "day",
    "quarter",
    "fortnight",
    "hour",
    "ennial",
    "p.a",
    "every",
    "per ",
    "once",
    "twice",
)
_UNIT_HINTS = ("year", "yr", "month", "week", "day", "hour", "hr", "min", "decade", "centur", "fortnight")
_EVERY_N = re.compile(rf"\bevery\s+(?P<n>{NUMBER}|{NUMBER_WORD})\s+{_UNIT}\b", re.IGNORECASE)
_A_UNIT_AFTER_AMOUNT = re.compile(
    r"(?<=[\d\w])\s+(?P<set>a|an)\s+(?P<unit>year|month|week|day)\b(?!\s+(?:ago|later|earlier|back))", re.IGNORECASE
)
_AMOUNT_WORDS = {
    "crore",
    "crores",
    "lakh",
    "lakhs",
    "million",
    "billion",
    "thousand",
    "times",
    "once",
    "twice",
    "thrice",
    "hundred",
    "tonnes",
    "units",
    "visits",
}
_WEEKLY_DAY = re.compile(
    r"\b(?:every\s+(?P<a>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:on\s+)?(?P<b>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s)\b"
)
_WEEKDAY_INDEX = {"Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6, "Sunday": 7}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value; an unknown amount gives an X ("PXY")."""
    unit = unit.lower()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in _CODES else unit
    factor, code = _CODES.get(unit, (1, "Y"))
    count = "X" if amount is None else format_amount(amount * factor)
    return f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"


def _amount(text: str | None) -> float | None:
    if not text:
        return 1.0
    cleaned = " ".join(text.lower().split())
    if cleaned in ("few", "several"):
        return None
    if cleaned == "couple of":
        return 2.0
    if cleaned in ("half a",):
        return 0.5
    if cleaned == "one and a half":
        return 1.5
    return parse_number(cleaned)


def find_durations(text: str) -> Iterator[Candidate]:
    """DURATION candidates: "three months", "a 10-year roadmap", "the past decade"."""
    lower = text.lower()
    if not any(hint in lower for hint in _UNIT_HINTS):
        return
    for m in _DURATION.finditer(text):
        amount = None if m["n2"] else _amount(m["n"])
        yield Candidate.single(m.start(), m.end(), "DURATION", duration_value(amount, m["unit"]), 1)
    for m in _SPAN_BACK.finditer(text):
        unit = m["unit"].lower()
        plural = unit.endswith(("s", "ies"))
        anaphoric = not m["n"] and re.search(r"previous|preceding", m.group(), re.IGNORECASE)
        if not anaphoric and (m["the"] or m["n"] or plural or unit.startswith(("decade", "centur"))):
            amount = _amount(m["n"]) if m["n"] or not plural else None
            yield Candidate.single(m.start(), m.end(), "DURATION", duration_value(amount, m["unit"]), 1)


def find_sets(text: str) -> Iterator[Candidate]:
    """SET candidates: "annually", "every two years", "₹6,000 a year", "every Monday"."""
    lower = text.lower()
    if not any(hint in lower for hint in _SET_HINTS):
        return
    for m in _SET_RE.finditer(text):
        yield Candidate.single(m.start(), m.end(), "SET", _SET_VALUES[m.lastgroup or ""], 2)
    for m in _EVERY_N.finditer(text):
        yield Candidate.single(m.start(), m.end(), "SET", duration_value(_amount(m["n"]), m["unit"]), 2)
    for m in _A_UNIT_AFTER_AMOUNT.finditer(text):
        before = re.findall(r"[\w,.]+", text[max(0, m.start() - 20) : m.start()])
        previous = before[-1].lower().rstrip(",.") if before else ""
        if previous in _AMOUNT_WORDS or previous[:1].isdigit():
            yield Candidate.single(m.start("set"), m.end(), "SET", duration_value(1, m["unit"]), 2)
    for m in _WEEKLY_DAY.finditer(text) if "day" in text else ():
        day = m["a"] or m["b"]
        yield Candidate.single(m.start(), m.end(), "SET", f"XXXX-WXX-{_WEEKDAY_INDEX[day]}", 2)

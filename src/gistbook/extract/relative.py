"""Expressions resolved against the publication date ("yesterday", "last month", "on Monday"), and clock times.

Without an anchor the relative ones are left out: a guessed date is worse than none. A bare weekday
("on Monday") is the nearest such day on or before the anchor, unless its sentence speaks of the future
("will", "scheduled", "to be held"), when it is the nearest on or after; "last Monday" is strictly before,
"next Monday" strictly after, "this Saturday" on or after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gistbook.extract.deictic import verb_tense_near
from gistbook.extract.numbers import NUMBER, NUMBER_WORD, parse_number
from gistbook.extract.spans import Candidate

_DAY_WORDS = re.compile(
    r"\b(?P<w>day\s+after\s+tomorrow|day\s+before\s+yesterday|today|tonight|yesterday|tomorrow)\b", re.IGNORECASE
)
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PERIOD = re.compile(
    r"(?P<the>\bthe\s+)?\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?P<rel>this|current|last|previous|past|next|"
    r"coming)\s+(?P<unit>year|month|week)\b(?!\s*\(?\s*\d)",
    re.IGNORECASE,
)
_PERIOD_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}
_AGO = re.compile(
    rf"(?<![\w.,])(?P<n>{NUMBER}|{NUMBER_WORD}|a|an)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+ago\b",
    re.IGNORECASE,
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|next|this|coming|previous|on)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")\b"
    r"(?!s|\s*,?\s*(?:the\s+)?\d)"
)

_TIME_PREV = {"at", "from", "to", "by", "till", "until", "around", "between", "and", "before", "after", "about", "upto"}
_CLOCK = re.compile(
    r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<m>[0-5]\d)(?!\d|\.\d)\s*(?P<ap>[ap]\.\s?m\.|[ap]m(?![a-z]))?"
    r"(?:\s*(?P<suf>hrs\.?|hours|IST)\b)?",
    re.IGNORECASE,
)
_HOUR_AMPM = re.compile(r"(?<![\d.:,])(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>[ap]\.m\.|[AaPp][Mm])(?![A-Za-z])")
_MILITARY = re.compile(
    r"(?<![\d.:,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:(?P<ap>[ap]\.?\s?m\.?)(?![a-z])|(?P<suf>hrs\.?|hours|h)\b)",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b(?:12\s+(?P<w1>noon|midnight)|(?<=at\s)(?P<w2>noon|midnight))\b", re.IGNORECASE)


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 20) : start])
    return words[-1].lower() if words else ""


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative_days(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _DAY_WORDS.finditer(text):
        word = " ".join(m["w"].lower().split())
        offset = _DAY_OFFSETS.get(word, 2 if "after" in word else -2)
        yield Candidate.single(m.start(), m.end(), "DATE", (anchor + dt.timedelta(days=offset)).isoformat(), 1)


def _relative_periods(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _PERIOD.finditer(text):
        rel, unit = m["rel"].lower(), m["unit"].lower()
        shift = _PERIOD_SHIFT[rel]
        if m["the"] and shift != 0:  # "the past year" is a stretch of time, "the previous year" an anaphor
            continue
        if unit == "year":
            value = str(anchor.year + shift)
        elif unit == "month":
            value = shift_months(anchor, shift)
        else:
            value = iso_week(anchor + dt.timedelta(weeks=shift))
        yield Candidate.single(m.end("the") if m["the"] else m.start(), m.end(), "DATE", value, 1)


def _ago(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _AGO.finditer(text):
        amount = parse_number(m["n"])
        if amount is None or not float(amount).is_integer():
            continue
        n, unit = int(amount), m["unit"].lower().rstrip("s")
        if unit == "year":
            value = str(anchor.year - n)
        elif unit == "decade":
            value = str(anchor.year - 10 * n)[:3] + "X"
        elif unit == "month":
            value = shift_months(anchor, -n)
        elif unit == "week":
            value = iso_week(anchor - dt.timedelta(weeks=n))
        else:
            value = (anchor - dt.timedelta(days=n)).isoformat()
        yield Candidate.single(m.start(), m.end(), "DATE", value, 1)


def _weekdays(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _WEEKDAY.finditer(text):
        target = WEEKDAYS.index(m["wd"])
        rel = (m["rel"] or "").lower()
        back = (anchor.weekday() - target) % 7  # days back to the latest such weekday on/before the anchor
        ahead = (target - anchor.weekday()) % 7
        if rel in ("last", "previous"):
            day = anchor - dt.timedelta(days=back or 7)
        elif rel == "next":
            day = anchor + dt.timedelta(days=ahead or 7)
        elif rel in ("this", "coming") or verb_tense_near(text, m.start(), m.end()) == "future":
            day = anchor + dt.timedelta(days=ahead)
        else:
            day = anchor - dt.timedelta(days=back)
        start = m.start("wd") if rel == "on" else m.start()
        yield Candidate.single(start, m.end(), "DATE", day.isoformat(), 1)


# TimeML's vague references: "now" is PRESENT_REF, "recently" PAST_REF, "in the coming years" FUTURE_REF
_REFS = (
    (re.compile(r"\b(?:now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment)\b",
                re.IGNORECASE), "PRESENT_REF"),
    (re.compile(r"\b(?:recently|in\s+the\s+past|formerly|in\s+recent\s+(?:years|months|times))\b", re.IGNORECASE),
     "PAST_REF"),
    (re.compile(r"\b(?:in\s+(?:the\s+)?future|(?:in\s+)?the\s+coming\s+(?:years|months|decades|weeks|days)|"
                r"in\s+the\s+years\s+to\s+come|soon(?!\s+(?:after|before|afterwards|thereafter)))\b",
                re.IGNORECASE), "FUTURE_REF"),
)
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON = re.compile(r"\b(?:(?P<rel>this|last|next|coming|previous|past)\s+)?(?P<s>spring|summer|autumn|winter)\b"
                     r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?(?!\s+(?:session|school|camp|olympics|games|crop))",
                     re.IGNORECASE)


def _vague_refs(text: str) -> Iterator[Candidate]:
    for regex, value in _REFS:
        for m in regex.finditer(text):
            if m.group().lower() == "soon" and re.search(r"\bas\s+$", text[max(0, m.start() - 4) : m.start()]):
                continue  # "as soon as" is a conjunction
            yield Candidate.single(m.start(), m.end(), "DATE", value, 3)


def _seasons(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    for m in _SEASON.finditer(text):
        code = _SEASONS[m["s"].lower()]
        if m["y"]:
            yield Candidate.single(m.start(), m.end(), "DATE", f"{m['y']}-{code}", 2)
        elif m["rel"] and anchor:
            rel = m["rel"].lower()
            shift = -1 if rel in ("last", "previous", "past") else 1 if rel in ("next", "coming") else 0
            yield Candidate.single(m.start(), m.end(), "DATE", f"{anchor.year + shift}-{code}", 1)


def find_relative(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    """Deictic dates; nothing without an anchor, except vague references and seasons with a year."""
    lower = text.lower()
    if any(w in lower for w in ("now", "current", "present", "recent", "past", "future", "coming", "soon", "former",
                                "these days", "moment")):
        yield from _vague_refs(text)
    if any(s in lower for s in ("spring", "summer", "autumn", "winter")):
        yield from _seasons(text, anchor)
    if anchor is None:
        return
    if any(word in lower for word in ("today", "tonight", "yesterday", "tomorrow")):
        yield from _relative_days(text, anchor)
    if any(word in lower for word in ("year", "month", "week")):
        yield from _relative_periods(text, anchor)
    if " ago" in lower:
        yield from _ago(text, anchor)
    if "day" in text:
        yield from _weekdays(text, anchor)


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    is_pm = ampm.lower().startswith("p")
    return (hour % 12) + (12 if is_pm else 0)


def find_times(text: str) -> Iterator[Candidate]:
    """Clock times as "THH:MM" values; the caller prefixes the day they belong to."""
    lower = text.lower()
    if not any(hint in lower for hint in (":", "am", "pm", "a.m", "p.m", "hrs", "hours", "noon", "midnight", "ist")):
        return
    for m in _CLOCK.finditer(text):
        told = m["ap"] or m["suf"] or (m["sep"] == ":" and _previous_word(text, m.start()) in _TIME_PREV)
        if told and not (m["ap"] and int(m["h"]) > 12):
            yield Candidate.single(m.start(), m.end(), "TIME", f"T{_hour24(int(m['h']), m['ap']):02d}:{m['m']}", 2)
    for m in _HOUR_AMPM.finditer(text):
        bare_caps = m["ap"] in ("AM", "PM") and re.match(r"\s+[A-Z][a-z]", text[m.end() : m.end() + 3])
        if bare_caps and _previous_word(text, m.start()) not in _TIME_PREV:
            continue  # "50 PM Vishwakarma artisans": PM is the Prime Minister here
        yield Candidate.single(m.start(), m.end(), "TIME", f"T{_hour24(int(m['h']), m['ap']):02d}:00", 2)
    for m in _MILITARY.finditer(text):
        if m["suf"] and m["suf"].lower() == "hours" and _previous_word(text, m.start()) not in _TIME_PREV:
            continue  # "1700 hours of training" is a duration
        yield Candidate.single(m.start(), m.end(), "TIME", f"T{_hour24(int(m['h']), m['ap']):02d}:{m['m']}", 2)
    for m in _NOON.finditer(text):
        word = (m["w1"] or m["w2"]).lower()
        yield Candidate.single(m.start(), m.end(), "TIME", "T12:00" if word == "noon" else "T00:00", 2)

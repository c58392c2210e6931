"""Time expressions of one bullet, TIMEX3-typed (DATE, TIME, DURATION, SET) with normalised values.

Pure regular-expression rules (no model): each rule module proposes candidates, the longest claim wins
an overlap, and clock times are then pinned to the day they belong to. Values follow DESIGN.md: ISO 8601
at the text's precision (1903, 2017-12, 1952-04-28), fiscal years as FY2022-23, decades 199X, centuries 18XX.
"""

from __future__ import annotations

import datetime as dt
import re

from gistbook.extract.dates import find_dates
from gistbook.extract.deictic import find_deictic, part_of_day
from gistbook.extract.durations import find_durations, find_sets
from gistbook.extract.fiscal import find_fiscal
from gistbook.extract.relative import find_relative, find_times
from gistbook.extract.spans import Candidate, Part, SpanIndex, select_non_overlapping, url_spans
from gistbook.extract.years import find_years
from gistbook.records import TimeExpr

_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
_TRIM = " \t\n,;:(-–"


def _candidates(text: str, anchor: dt.date | None) -> list[Candidate]:
    found: list[Candidate] = [
        *find_dates(text, anchor),
        *find_fiscal(text, anchor),
        *find_years(text),
        *find_relative(text, anchor),
        *find_times(text),
        *find_durations(text),
        *find_sets(text),
        *find_deictic(text, anchor),
    ]
    links = url_spans(text)
    if not links:
        return found
    index = SpanIndex(links)
    return [c for c in found if not index.overlaps(c.start, c.end)]


def _trimmed(text: str, part: Part) -> tuple[int, int]:
    """Span without surrounding blanks and punctuation that rules may have swallowed."""
    start, end = part.start, part.end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ")":
        if text[end - 1] == ")" and "(" in text[start:end]:
            break
        end -= 1
    return start, end


def _day_for_time(parts: list[Part], index: int, anchor: dt.date | None) -> str:
    """The day a clock time belongs to: the nearest day-precision date before it, else after it, else the anchor."""
    before = [p for p in parts[:index] if p.type == "DATE" and _DAY_VALUE.match(p.value)]
    if before:
        return before[-1].value
    after = [p for p in parts[index + 1 :] if p.type == "DATE" and _DAY_VALUE.match(p.value)]
    if after:
        return after[0].value
    return anchor.isoformat() if anchor else "XXXX-XX-XX"


def find_time_expressions(text: str, anchor: dt.date | None, bullet_no: int) -> list[TimeExpr]:
    """Every time expression in `text`, spans as character offsets into it, in reading order."""
    if not text or not text.strip():
        return []
    chosen = select_non_overlapping(_candidates(text, anchor))
    parts = [part for cand in chosen for part in cand.parts]
    found: list[TimeExpr] = []
    for index, part in enumerate(parts):
        value = f"{_day_for_time(parts, index, anchor)}{part.value}" if part.type == "TIME" else part.value
        start, end = _trimmed(text, part)
        type_ = part.type
        if type_ == "DATE" and _DAY_VALUE.match(value) and (dayp := part_of_day(text, end)):
            end, type_, value = dayp[0], "TIME", f"{value}T{dayp[1]}"  # "Tuesday evening" is 2020-08-04TEV
        if end > start:
            found.append(
                TimeExpr(text=text[start:end], bullet_no=bullet_no, start=start, end=end, type=type_, value=value)
            )
    return found

"""Deictic expressions news prose leans on and the calendar rules leave out: the tense of a sentence (which way a
bare "Wednesday" or "January" points), quarters named without a year, weekends, parts of a day, seasons, and
"N years from now". Values follow TimeML: 2020-Q2, 2023-W10-WE, 2020-08-04TEV, 2021-SP, XXXX-FA for a set.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gistbook.extract.numbers import NUMBER, NUMBER_WORD, parse_number
from gistbook.extract.spans import Candidate

_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+(?:scheduled|due|set|expected|slated|poised)|are\s+(?:scheduled|due|set|expected|slated|"
    r"poised)|scheduled\s+(?:to|for)|due\s+to|to\s+be\s+held|is\s+to|are\s+to|going\s+to|upcoming|plans?\s+to|"
    r"planned|expects?\s+to|would|aims?\s+to|hopes?\s+to|intends?\s+to|ahead\s+of|later\s+this)\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"\b(?:was|were|had|did|said|announced|reported|held|took|began|ended|signed|[a-z]{3,}ed)\b")


def sentence_around(text: str, offset: int) -> str:
    start = max(text.rfind(". ", 0, offset), 0)
    end = text.find(". ", offset)
    return text[start : end if end >= 0 else len(text)]


def tense_at(text: str, offset: int) -> str | None:
    """'future' when the sentence around `offset` speaks of what is to come, 'past' when only of what was."""
    sentence = sentence_around(text, offset)
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else None


# a present-tense verb of a schedule: "the summit ends on Friday", "talks begin on Monday"
_SCHEDULED = re.compile(r"\b(?:begins?|starts?|ends?|opens?|closes?|meets?|arrives?|leaves?|departs?|concludes?|"
                        r"is|are)\b", re.IGNORECASE)
_TENSE_CUES = ((_FUTURE, "future"), (_PAST, "past"), (_SCHEDULED, "future"))  # checked in this order
_CLAUSE_BREAK = re.compile(r"(?:,\s|;\s|\s(?:that|and|but|while|when|after|before)\s)")


def verb_tense_near(text: str, start: int, end: int) -> str | None:
    """The tense of the verb a day name hangs on: the nearest verb before it in its clause ("said on Tuesday":
    past, "ends on Friday" and "will meet on Friday": future), else the first after it ("On Tuesday, the minister
    said …"), else the sentence's (tense_at). A modal later in the sentence ("… that talks would resume") does
    not turn the day forward."""
    sentence_start = max(text.rfind(". ", 0, start) + 1, 0)
    before = text[max(sentence_start, start - 80):start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end():] if breaks else before
    for pattern, tense in _TENSE_CUES:
        if pattern.search(before):
            return tense
    after = text[end:end + 80]
    found = [(m.start(), tense) for pattern, tense in _TENSE_CUES if (m := pattern.search(after))]
    return min(found)[1] if found else tense_at(text, start)


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_QUARTER = re.compile(r"\bthe\s+(?P<q>first|second|third|fourth|final)\s+quarter\b"
                      r"(?!\s+of\b|\s*(?:\(|,)?\s*(?:19|20)\d\d|\s+(?:FY|of\s+FY|of\s+the\s+fiscal))", re.IGNORECASE)
_MONTH_QUARTER = re.compile(r"\bthe\s+(?P<m>January|April|July|October)\s*[-–]\s*(?:March|June|September|December)"
                            r"\s+quarter\b", re.IGNORECASE)
_MONTH_QUARTER_NUMBER = {"january": 1, "april": 2, "july": 3, "october": 4}
_WEEKEND = re.compile(r"\b(?P<rel>this|last|next|the\s+coming|the\s+past|the)\s+weekend\b", re.IGNORECASE)
_DAY_PART = re.compile(r"\s+(?P<p>morning|afternoon|evening|night)\b", re.IGNORECASE)
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_BARE_SEASON = re.compile(r"\b(?:in\s+(?:the\s+)?|by\s+(?:the\s+)?|this\s+coming\s+|the\s+)(?P<s>spring|summer|autumn|"
                          r"winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d|\s+(?:session|school|camp|olympics|games|crop|sowing|"
                          r"months|season))", re.IGNORECASE)
_EVERY_SEASON = re.compile(r"\bevery\s+(?P<s>spring|summer|autumn|winter)\b", re.IGNORECASE)
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_FROM_NOW = re.compile(rf"(?<![\w.,])(?P<n>{NUMBER}|{NUMBER_WORD}|a|an)\s+(?P<unit>years?|months?|weeks?|days?)\s+"
                       r"(?:from\s+now|hence)\b", re.IGNORECASE)


def _quarters(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _QUARTER.finditer(text):
        yield Candidate.single(m.start(), m.end(), "DATE", f"{anchor.year}-Q{_QUARTER_WORDS[m['q'].lower()]}", 1)
    for m in _MONTH_QUARTER.finditer(text):
        quarter = _MONTH_QUARTER_NUMBER[m["m"].lower()]
        now = (anchor.month - 1) // 3 + 1
        year = anchor.year - 1 if quarter - now >= 2 else anchor.year  # a quarter well ahead is last year's
        yield Candidate.single(m.start(), m.end(), "DATE", f"{year}-Q{quarter}", 1)


def _weekends(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _WEEKEND.finditer(text):
        rel = " ".join(m["rel"].lower().split())
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
        if rel in ("last", "the past") or (rel == "the" and tense_at(text, m.start()) == "past"
                                            and anchor.weekday() < 5):
            saturday -= dt.timedelta(weeks=1)
        elif rel in ("next",):
            saturday += dt.timedelta(weeks=1)
        year, week, _ = saturday.isocalendar()
        start = m.start("rel") if rel != "the" else m.start()
        yield Candidate.single(start, m.end(), "DATE", f"{year}-W{week:02d}-WE", 1)


def _seasons(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _BARE_SEASON.finditer(text):
        code = _SEASON_CODES[m["s"].lower()]
        mid = _SEASON_MID[code]
        year = min((anchor.year - 1, anchor.year, anchor.year + 1),
                   key=lambda y: abs((y - anchor.year) * 12 + mid - anchor.month))
        yield Candidate.single(m.start("s"), m.end(), "DATE", f"{year}-{code}", 0)
    for m in _EVERY_SEASON.finditer(text):
        yield Candidate.single(m.start(), m.end(), "SET", f"XXXX-{_SEASON_CODES[m['s'].lower()]}", 2)


def _from_now(text: str, anchor: dt.date) -> Iterator[Candidate]:
    for m in _FROM_NOW.finditer(text):
        n = 1 if m["n"].lower() in ("a", "an") else parse_number(m["n"])
        if n is None or not float(n).is_integer():
            continue
        unit, n = m["unit"].lower().rstrip("s"), int(n)
        if unit == "year":
            value = str(anchor.year + n)
        elif unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + n
            value = f"{index // 12:04d}-{index % 12 + 1:02d}"
        else:
            value = (anchor + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        yield Candidate.single(m.start(), m.end(), "DATE", value, 3)


def find_deictic(text: str, anchor: dt.date | None) -> Iterator[Candidate]:
    """Candidates for the expressions above; those that need the publication date need an anchor."""
    lower = text.lower()
    if "every " in lower:
        yield from (c for c in _seasons(text, anchor or dt.date(2000, 1, 1)) if c.parts[0].type == "SET")
    if anchor is None:
        return
    if "quarter" in lower:
        yield from _quarters(text, anchor)
    if "weekend" in lower:
        yield from _weekends(text, anchor)
    if any(s in lower for s in ("spring", "summer", "autumn", "winter")):
        yield from (c for c in _seasons(text, anchor) if c.parts[0].type == "DATE")
    if " from now" in lower or " hence" in lower:
        yield from _from_now(text, anchor)


def part_of_day(text: str, end: int) -> tuple[int, str] | None:
    """'Tuesday evening': the end of the longer span and the TimeML code of the part of the day."""
    m = _DAY_PART.match(text, end)
    return (m.end(), _DAY_PARTS[m["p"].lower()]) if m else None

"""Which dates of a sentence say when its event happened: not a plan or a target, not a date only mentioned (a
"since" phrase, a side clause, an as-on date, a cited document's date, a base year), not a data period or a
running total, not a year inside a name ("Vision 2030", "the Drugs and Cosmetics Act, 1940") and not a count.
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_right
from functools import lru_cache

from gistbook.records import TimeExpr, date_sort_key
from gistbook.standalone import has_verb

NOT_HAPPENED = re.compile(
    r"\b(?:will|shall|would|could|should|may|might|must)\b|"
    r"\b(?i:to be (?:held|launched|organi[sz]ed|completed|conducted)|is to|are to|is set to|are set to|"
    r"scheduled|plans? to|planned|proposed|expected|projected|likely|intends? to|by the end of|deadline|"
    r"upcoming|forthcoming|next|last\s+date|due\s+date)\b"
)
# a speaker's words frame the sentence: "X appreciated Portugal's role in hosting the summit in Porto in 2021",
# "the Minister recalled that …": the row would show a speech dated by what it mentions
SPOKEN_FRAME = re.compile(r"\b(?:appreciated|recalled|lauded|praised|acknowledged|reminded|remembered|"
                          r"emphasi[sz]ed|underlined|highlighted|mentioned|referred\s+to|referring\s+to|"
                          r"(?:said|stated|noted|observed|remarked|added|asserted|informed)\s+that)\b",
                          re.IGNORECASE)
# Words right before a date that make it a reference point, not the time of the sentence's event: a data
# period or an as-on date ("for the month of January 2026", "as on 28.02.2026"), the start of a comparison
# ("since 2014", "from 82.53% at the end of Sep-25", "compared to 2019"), a deadline ("by 2030"), or a
# date that only names what is referred to ("the Tokyo meeting of September 2022").
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:since|as\s+on|as\s+of|as\s+at|till|until|up\s*to|upto|ending|ended|by|before|prior\s+to|"
    r"compared\s+(?:to|with)|"
    r"than|over|against|vis-[aà]-vis|for\s+the\s+(?:month|quarter|year|period|week)\s+of|"
    r"in\s+the\s+(?:month|quarter|period)\s+of|at\s+the\s+end\s+of|end\s+of|levels?\s+of|"
    r"of|per)\s*(?:the\s+)?(?:\w+\s+)?$)",
    re.IGNORECASE,
)
# a law, policy or rule named with its year after a comma: "the Drugs & Cosmetics Act, 1940"
_INSTRUMENT_YEAR = re.compile(r"\b(?:Act|Acts|Code|Rules|Regulations?|Policy|Bill|Ordinance|Order|Scheme|Guidelines|"
                              r"Examination|Exam|Report|Survey|Awards?|Games|Olympiad|Summit|Census|Budget|"
                              r"Amendment\)?|(?i:policy|rules|regulations|guidelines|ordinance))\s*[,–—-]?\s*$")
_DOCUMENT_DATED = re.compile(r"\b(?:as\s+per|under|in\s+terms\s+of|pursuant\s+to|according\s+to|in\s+line\s+with)\b"
                             r"[^,.;]{0,80}\b(?:dated|dt\.?)\s*$", re.IGNORECASE)
# "from 39.7% in January", "from around 3,000 in 2014", "from 1,739.09 BU in 2023-24" (a comma inside a number
# does not end the phrase)
_COMPARED_FROM = re.compile(r"\bfrom\s+(?:[^,;]|,(?=\d))*\d(?:[^,;]|,(?=\d)){0,30}$", re.IGNORECASE)
# "a 32% increase from the corresponding period in 2024-25": the base of a comparison
_SAME_PERIOD = re.compile(r"\b(?:corresponding|same|comparable)\s+(?:period|month|quarter)\s+(?:in|of|last)\s+"
                          r"(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# a figure reported for a month or a quarter ("The urban LFPR was estimated at 50.4% in February 2026") is a
# statistic dated by its data period, not an event
STATISTIC = re.compile(r"\b(?:stood|stands|estimated|remained|remains|recorded|was|were|is|are|at|rose|fell|"
                        r"increased|decreased|declined|improved|dropped|grew)\b[^.;]{0,40}\d[\d.,]*\s*(?:%|per\s*cent|"
                        r"percent)|\b(?:estimated|stood|stands|projected|pegged|placed|worked\s+out)\s+at\b|"
                        # a count that holds for a period ("During QE December 2025, there were 4 providers")
                        r"\bthere\s+(?:were|are|was|is|have\s+been)\s+(?:about\s+|over\s+|around\s+)?\d|"
                        # a level reached in a period ("power supply increased to 23.6 hours in FY 2025", "witnessed
                        # a modest rise"); a year's total ("trade totalled $21.96 billion during FY 2022-23") stays
                        # an event of the timeline, as the seed's page has it
                        r"\b(?:increased|rose|grew|declined|decreased|fell|dropped)\s+to\s+(?:about\s+|around\s+)?\d|"
                        r"\bwitnessed\s+an?\s+(?:\w+\s+)?(?:rise|decline|increase|fall|dip|growth)\b|"
                        # a quantity's change from one figure to another ("has risen from around 3,000 in 2014 to
                        # over 11,000") is a data trend for the figures, not a dated event
                        r"\b(?:increased|rose|risen|grew|grown|declined|decreased|fell|fallen|dropped|jumped|surged|"
                        r"expanded|doubled)\s+(?:\w+\s+){0,2}from\s+(?:[^,;.]|[,.](?=\d))*?\d[^.;]{0,40}?\b(?:in|during)\s+"
                        r"(?:FY\s*)?(?:19|20)\d\d[^.;]{0,40}?\bto\s+"
                        r"(?:\w+\s+){0,2}[₹$]?\s?\d",
                        re.IGNORECASE)
# a figure with its unit, and words that make it a running total rather than something that happened once
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per\s*cent|percent|crore|lakh|million|billion|trillion|tonnes?|MT|LMT|MW|GW|"
                     r"km|units)\b|[₹$€£¥]\s?\d", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:cumulative(?:ly)?|so\s+far|till\s+date|to\s+date|since\s+inception|in\s+all|"
                         r"a\s+total\s+of)\b", re.IGNORECASE)
_ONWARDS = re.compile(r"\s*(?:onwards|onward|and\s+beyond|till\s+date|to\s+date)\b", re.IGNORECASE)
_SIDE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:which|who|whom|whose|where|replacing|following|after|preceding|"
                          r"compared\s+(?:to|with)|as\s+against|against|vis-[aà]-vis|"
                          r"succeeding|superseding|when|that\s+(?:was|were|had|has)|since)\s", re.IGNORECASE)
# a year written into a name: "Census-2027", "Vision 2030", "LEADS 2025", "Exam 2026", "Budget Quest 2026"
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w&’'.]*|\b[A-Z]{2,}[\w]*)\)?,?[\s‐‑–—-]*$")
_DATE_WORDS = re.compile(r"^(?:In|On|During|Since|From|By|Till|Until|At|Of|For|And|To|The|Between|After|Before|"
                         r"Jan\w*|Feb\w*|Mar\w*|Apr\w*|May|Jun\w*|Jul\w*|Aug\w*|Sep\w*|Oct\w*|Nov\w*|Dec\w*|"
                         r"Mon\w*|Tue\w*|Wed\w*|Thu\w*|Fri\w*|Sat\w*|Sun\w*|FY|Q[1-4]|H[12])$")




def _after_published(value: str, published: str) -> bool:
    """A date later than the day of publication (at the date's own precision): a plan, not a past event."""
    if not published:
        return False
    key = date_sort_key(value)
    return key[:4].isdigit() and key > date_sort_key(published)[: len(key)]


def _names_a_year(text: str, expr: TimeExpr) -> bool:
    """The year is part of a name ("Vision 2030", "Census-2027", "LEADS 2025", "the Drugs and Cosmetics Act,
    1940", "RE 2025-26"), not the time of an event."""
    before = text[max(0, expr.start - 30) : expr.start]
    if _INSTRUMENT_YEAR.search(before):
        return True
    if not re.fullmatch(r"\d{4}|FY\d{4}-\d\d", expr.value) or not re.match(r"\d{4}", expr.text.strip()):
        return False
    found = _NAME_BEFORE.search(before)
    if found is None:
        return False
    word = found.group(0).strip(" -")
    return not _DATE_WORDS.match(word)


def _reference_date(text: str, s_start: int, expr: TimeExpr) -> bool:
    """The date marks a reference point, a data period or a side remark rather than when the sentence's
    main event happened (see _REFERENCE_BEFORE and _SIDE_CLAUSE)."""
    before = text[max(s_start, expr.start - 60) : expr.start]
    if re.search(r"\bas\s+(?:on|of|at)\s*$", before, re.IGNORECASE) or _ONWARDS.match(text, expr.end):
        return True
    if re.search(r"\bbase\s+year\b", before, re.IGNORECASE) or _DOCUMENT_DATED.search(before) \
            or _SAME_PERIOD.search(before):
        return True  # a base year, or the date of a document the sentence only cites ("as per the Order dated …")
    if re.search(r"\b(?:every|each|annually|yearly)\b", before, re.IGNORECASE):
        return True  # "announced every year on 23rd January" recurs; it is no one event
    if re.search(r"\bfor\s+$", before) or _COMPARED_FROM.search(before) and re.match(r"[^.;]{0,60}\bto\b",
                                                                                       text[expr.end :]):
        return True  # "for February 2026" is a data period; "rose from 39.7% in January to 40%" starts a change
    if text.count("(", s_start, expr.start) > text.count(")", s_start, expr.start):
        return True  # a date in brackets is an aside: "(including the pilot phase in 2022)"
    if _REFERENCE_BEFORE.search(before) and not re.search(r"(?<!as)\s(?:in|on|during)\s+(?:the\s+)?$", before, re.I):
        return True
    verb_at = _words_from(text, s_start).first_verb_before(expr.start)
    if verb_at is None:
        return False  # no verb before the date: no side clause can follow one
    side = list(_SIDE_CLAUSE.finditer(text[s_start : expr.start]))
    return bool(side and side[-1].start() > verb_at - s_start)


_WORD = re.compile(r"\S+")


class _Words:
    """The words of a text from a sentence start, read only as far as asked and each tested for a verb once:
    every date of a sentence asks for the first verb before it, and a sentence without one was read again for
    every date (the cube of the length of one long verbless run of names and dates). Shared through a cache,
    so threads ingesting the same text take turns."""

    def __init__(self, text: str, start: int) -> None:
        self.lock = threading.Lock()
        self.text = text
        self.unread = _WORD.finditer(text, start)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.first_verb: int | None = None  # index of the first word with a finite verb, once read

    def first_verb_before(self, limit: int) -> int | None:
        """Where the first word (a run of non-space) of text[start:limit] with a verb begins, as a scan of that
        slice would find it: a word cut at `limit` is tested as cut."""
        with self.lock:
            return self._first_verb_before(limit)

    def _first_verb_before(self, limit: int) -> int | None:
        while (not self.ends or self.ends[-1] <= limit) and (word := next(self.unread, None)) is not None:
            self.starts.append(word.start())
            self.ends.append(word.end())
            if self.first_verb is None and has_verb(word.group()):
                self.first_verb = len(self.starts) - 1
        whole = bisect_right(self.ends, limit)  # words that end by the limit
        if self.first_verb is not None and self.first_verb < whole:
            return self.starts[self.first_verb]
        if whole < len(self.starts) and self.starts[whole] < limit and has_verb(self.text[self.starts[whole]:limit]):
            return self.starts[whole]
        return None


@lru_cache(maxsize=256)  # asked for every date of a sentence, and the answer is the sentence's
def _found_from(pattern: re.Pattern[str], text: str, start: int) -> bool:
    return pattern.search(text, start) is not None


@lru_cache(maxsize=64)  # one per sentence being dated; a bullet's sentences are dated one after another
def _words_from(text: str, start: int) -> _Words:
    return _Words(text, start)


if hasattr(os, "register_at_fork"):  # a worker forked while a thread held one of the locks starts afresh
    os.register_at_fork(after_in_child=_words_from.cache_clear)


def _month_or_quarter(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-(?:\d\d|Q[1-4])|FY\d{4}-\d\d-[QH]\d", value))


def _fiscal_end(value: str) -> str:
    """The last month of a fiscal year value: FY2025-26 ends in 2026-03."""
    start = int(value[2:6])
    return f"{start + 1:04d}-03"


def _period_range(group: list[TimeExpr]) -> bool:
    """A range of whole years or fiscal years ("2004–2013", "FY2020-21 to FY2024-25") is a period that data
    cover, not an event; a range of days or months ("held from 11 to 15 November") is one event."""
    return len(group) > 1 and all(len(e.value) == 4 or e.value.startswith("FY") for e in group)


def event_date(text: str, s_start: int, group: list[TimeExpr], published: str, statistic: bool) -> bool:
    """Whether a date (or a range, by its start) says when the sentence's event happened."""
    first = group[0]
    if any(_after_published(e.value, published) for e in group) or _period_range(group):
        return False  # a plan, or a period still running; a span of whole years is a period data cover
    if statistic or _found_from(_CUMULATIVE, text, s_start) and _found_from(_FIGURE, text, s_start):
        return False  # a figure dated by its data period ("estimated at 50.4% in February 2026") is no event
    if _month_or_quarter(first.value) and _found_from(_FIGURE, text, s_start) and re.search(
            r"\b(?:for|in|during|of)\s+(?:the\s+month\s+of\s+)?$", text[max(s_start, first.start - 25) : first.start]):
        return False  # "output rose 4.8% in January 2026": a monthly or quarterly figure, not an event
    if first.value.startswith("FY") and published and date_sort_key(first.value)[:7] <= published[:7] \
            and _fiscal_end(first.value) >= published[:7]:
        return False  # the fiscal year still running when the item was published is a period, not an event
    if re.match(r"\s*(?:[a-z]+\s+)?(?:riots?|war|march|edition|elections?|games|attacks?|session|batch|census|"
                r"floods?|crisis|summit|conference|agreement|accord|treaty|budget|act|policy)\b",
                text[first.end : first.end + 30]) \
            and re.search(r"\bthe\s+$", text[max(0, first.start - 5) : first.start]):
        return False  # "the 1984 riots", "the 2022 edition": the year names another event than the sentence's
    return not _names_a_year(text, first) and not _reference_date(text, s_start, first)



"""What a figure is about: its period (a date or fiscal year of its sentence) and its subject (the noun phrase).

The period is the nearest dated expression in the figure's sentence; a sentence with none that says
"during this period" or "the same year" inherits the last date of the bullet's earlier sentences, so in
"Trade totalled $21.96 billion during FY 2022-23. Exports during this period were …" both figures get FY2022-23.
A breakdown ("Out of the total, …", "Of these, …") or a year-on-year rate takes the previous sentence's date.
A target or document date ("by 2033", "dated 19.12.2024") past another figure's clause is that figure's, and
sizes per item ("each with 300 members") or distances to a place ("100 km north of") have no period.
The subject is the clause's noun phrase before its verb ("Bilateral trade totalled …" → "Bilateral trade"),
or the noun before "of" ("an outlay of ₹500 crore" → "outlay").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gistbook.extract.figure_index import BulletIndex
from gistbook.extract.spans import sentence_of
from gistbook.records import TimeExpr

_ANAPHOR = re.compile(
    r"\b(?:this|that|the\s+same|the\s+said|the\s+corresponding|same)\s+(?:period|year|fiscal|"
    r"financial\s+year|quarter|month)\b",
    re.IGNORECASE,
)
# fmt: off
_VERBS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "shall", "can", "could", "may",
    "totalled", "totaled", "totals", "total", "stood", "stands", "reached", "reaches", "amounted", "amounts",
    "rose", "rises", "increased", "increases", "grew", "grows", "declined", "declines", "fell", "falls",
    "decreased", "crossed", "touched", "recorded", "records", "registered", "saw", "witnessed", "received",
    "receives", "allocated", "sanctioned", "approved", "released", "spent", "valued", "estimated", "surged",
    "jumped", "climbed", "dropped", "exceeded", "exceeding", "hit", "achieved", "attracted", "generated", "earned",
    "posted", "logged", "clocked", "came", "accounted", "accounts", "represents", "represented", "provided",
    "disbursed", "transferred", "invested", "covers", "covered", "includes", "included", "comprises", "expanded",
    "doubled", "tripled", "amounting", "worth", "costing", "stand", "reach", "cross", "grow", "rise", "increase",
    "touch"
}
# fmt: on
_OF_LIKE = re.compile(
    r"(?:\bof|\bworth|\bat|\bcosting|\bamounting\s+to|\bto\s+the\s+tune\s+of|\bby|\bto|\bfrom)\s*"
    r"(?:about|around|over|nearly|approximately|approx\.?|more\s+than|up\s*to|only|just|~)?\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|whereas|but)\s+|\s(?:and|while|whereas|but)\s+|\(|:\s|,\s")
# fmt: off
_LEADING = {
    "the", "a", "an", "in", "during", "under", "of", "and", "while", "its", "their", "this", "these", "that",
    "also", "further", "moreover", "similarly", "besides", "meanwhile", "overall", "total"
}
# fmt: on


_NAMED_YEAR = re.compile(r"\b(?:Act|Rules|Regulations|Code|Order|Bill|Amendment|Ordinance)\s*,?\s*(?:\(\s*)?$")
_CUT_OFF = re.compile(r"\b(?:upto|up\s+to|till|until|as\s+on|as\s+of|ending)\s*$", re.IGNORECASE)
_NOW = re.compile(r"\b(?:current|existing|present|prevailing)\s+$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:than(?:\s+(?:in|during|for))?|as\s+against|compared\s+(?:with|to)|over)\s+(?:the\s+)?$", re.IGNORECASE
)
# a sentence that breaks down or compares the quantity before it keeps its period: "Out of the total, …",
# "Of this, …", "a 5% year-on-year growth"
_CONTINUES = re.compile(
    r"^\W*(?:out\s+of\b|of\s+(?:this|these|which|them|the\s+total)\b)|\b(?:year[-\s]on[-\s]year|y-o-y|yoy)\b",
    re.IGNORECASE,
)
_EACH = re.compile(
    r"\beach\s+(?:with|having|of|carrying|measuring|worth|costing)\s+(?:(?:at\s+least|at\s+most|about|around|"
    r"over|nearly|up\s*to|more\s+than|less\s+than|a\s+minimum\s+of)\s+)?$",
    re.IGNORECASE,
)
_DISTANCE = re.compile(r"\b(?:km|kms|kilomet(?:re|er)s?|metres|meters|miles|nautical\s+miles)$", re.IGNORECASE)
_WHERE = re.compile(
    r"\s*(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:[-\s]?(?:east|west))?(?:ern)?(?:\s+of)?\b|away\b)",
    re.IGNORECASE,
)
# matched at the sentence's start (pattern.match(text, start, end)), so no copy of the sentence is made
_FRONTED_BASE_AT = re.compile(r"\W*out\s+of\s+(?:the\s+|a\s+total\s+of\s+|total\s+)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:by|dated|before)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|wants?|aims?|plans?|"
    r"intends?|seeks?|expected|projected|targets?|targeted|targeting|set\s+to)\b",
    re.IGNORECASE,
)
# "since 2015-16", "with effect from FY 2018-19": when a scheme began, not the period of a later breakdown
_START_POINT = re.compile(
    r"\b(?:since|from|w\.e\.f\.|launched\s+in|started\s+in|began\s+in)\s+(?:the\s+)?"
    r"(?:(?:financial|fiscal)\s+year\s+)?$",
    re.IGNORECASE,
)
# "reduce emissions intensity by 45% from 2005 levels": the base year a change is measured from
_BASE_LEVEL_AFTER = re.compile(r"\s*levels?\b", re.IGNORECASE)
# "NHIT, set up by NHAI in 2020, concluded …", "the Committee chaired by the Prime Minister in February 2026,
# with a total length of …": when a body was founded or a meeting sat, not the period of a figure after it.
# (A scheme's launch or approval date is kept: "launched in February 2019, pays ₹6,000" was set then.)
_EVENT_DATE = re.compile(
    r"\b(?:chaired|set\s+up|established|founded|constituted|incorporated)(?:\s+by\s+[^,;()]{1,60}?)?"
    r"\s+(?:in|on|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RANGE_GAP_AT = re.compile(r"\s*(?:[-‐‑‒–—]|to|till|until|and)\s*$", re.IGNORECASE)  # matched at a position


def _dated(expr: TimeExpr, text: str) -> bool:
    """Dates that can be a figure's period: not vague decades, not the year in a law's name ("Rules, 2008")."""
    return (
        expr.type == "DATE"
        and "X" not in expr.value
        and not expr.value.endswith("_REF")  # "at present", "recently": no period to compare
        and not _NAMED_YEAR.search(text[max(0, expr.start - 20) : expr.start])
    )


# A date written further than this after a figure is never taken as its period. Real sentences are shorter
# (99.9% of the corpus's bullets are under 1,000 characters), so it changes nothing there; in a sentence of
# thousands of figures it spares asking, for every figure and every later date, about every figure between.
# Dates before a figure cost little to weigh and are all kept: a table's "As on 06-03-2025" heads every row.
PERIOD_REACH = 2000
# fmt: off
_LINKS = {
    "in", "during", "for", "of", "by", "till", "until", "upto", "up", "to", "as", "on", "since", "from", "the",
    "at", "end", "year", "fiscal", "financial", "fy", "be", "re"
}
# fmt: on


def bullet_index(text: str, exprs: Sequence[TimeExpr], figure_spans: Sequence[tuple[int, int]]) -> BulletIndex:
    """The positions figure_period and figure_subject ask about, found once for all figures of a bullet."""
    return BulletIndex(text, exprs, sorted(figure_spans), frozenset(_LINKS), _dated)


def _range_start(chosen: TimeExpr, index: BulletIndex) -> TimeExpr:
    """A figure over "2020-21 to 2024-25" takes the range's first date as its period."""
    earlier = index.last_ending_by(chosen.start)
    if earlier is not None and _RANGE_GAP_AT.match(index.text, earlier.end, chosen.start):
        return earlier
    return chosen


def _beyond_other_figure(e: TimeExpr, end: int, index: BulletIndex) -> bool:
    """A target ("by 2033") or document date ("dated 19.12.2024") past another figure and its clause is that
    figure's: in "$8.4 billion now, and it wants to reach $44 billion by 2033" 2033 is not the first one's."""
    if e.start < end:
        return False
    between = index.figures_between(end, e.start)
    text = index.text
    if not between or not _DEADLINE.search(text[max(0, e.start - 25) : e.start]):
        return False
    # only when this figure's clause ends before the other's: a verb between them ("… and it wants to reach");
    # a list sharing one verb ("18 classrooms, 23 toilet blocks … will be completed by March") keeps the date
    last = index.figure_starts[between[-1]]
    return index.memo(("clause verb", end, last), lambda: _CLAUSE_VERB.search(text[end:last]) is not None)


def _static(text: str, start: int, end: int) -> bool:
    """Figures with no period: a size per item ("each with 300 members"), a place ("100 km north of")."""
    if _EACH.search(text[max(0, start - 40) : start]):
        return True
    return bool(_DISTANCE.search(text[start:end]) and _WHERE.match(text[end : end + 30]))


def _nearer_to_another(expr: TimeExpr, start: int, end: int, index: BulletIndex) -> bool:
    """A date written after another figure that itself follows this one is that figure's: in "¥10 trillion over
    ten years, double the ¥5 trillion goal of 2022", 2022 dates the ¥5 trillion goal, not the new one."""
    if expr.end <= start:
        return False  # a date written before the figures ("In FY 2022-23, India imported … and exported …") is shared
    for k in index.figures_between(end, expr.start):
        s, e = index.figure_starts[k], index.figure_ends[k]
        if (s, e) == (start, end):
            continue
        # an appositive after a comma, not a clause of its own ("…, double the ¥5 trillion")
        if index.comma_between(end, s) and not index.verb_between(end, s) and not index.verb_between(e, expr.start):
            return True
    return False  # "6 wards, 12 labs and 3 hostels will be finished by …": the verb's date is shared


def _base_or_founding(e: TimeExpr, figure_start: int, index: BulletIndex) -> bool:
    """A base year ("from 2005 levels") or, before the figure, a founding or meeting date: never its period.
    Read once per date of a bullet, whatever the number of figures."""
    text = index.text
    def founding() -> bool:
        return _EVENT_DATE.search(text[max(0, e.start - 90) : e.start]) is not None

    if e.end <= figure_start and index.memo(("founding", e.start), founding):
        return True
    return _BASE_LEVEL_AFTER.match(text, e.end) is not None


def figure_period(
    text: str,
    start: int,
    end: int,
    exprs: list[TimeExpr],
    sentences: list[tuple[int, int]],
    others: Sequence[tuple[int, int]] = (),
    index: BulletIndex | None = None,
) -> str | None:
    """Nearest date or fiscal year in the figure's sentence, else one inherited through "this period".

    `others` are the spans of the bullet's other figures: a date after one of them and its own clause
    is that figure's ("$8.4 billion now and $44 billion by 2033": 2033 is not the first one's period).
    `index` is bullet_index(text, exprs, others), passed when there are many figures to date.
    """
    if not sentences:
        return None
    index = index or bullet_index(text, exprs, others)
    number = sentence_of(start, sentences)
    s_start, s_end = sentences[number]
    if _NOW.search(text[max(0, start - 20) : start]) or _static(text, start, end):
        return None  # "from the current Rs. 3,000 to Rs. 3,075 for FY 2026-27": the first is today's, not FY's;
        # "each with 300 members", "80 km north of" are not amounts of any period
    high = min(s_end, end + PERIOD_REACH)
    here = [
        e
        for e, dated in ((index.exprs[k], index.dated[k]) for k in index.exprs_starting(s_start, high))
        if dated and s_start <= e.start < high and not _beyond_other_figure(e, end, index)
        and not _nearer_to_another(e, start, end, index)
    ]
    if _FRONTED_BASE_AT.match(text, s_start, start):
        # "Out of 28 members, 14 were notified on …": the event date is the part's; a status date
        # ("Out of 5,86,944 villages, 4,94,301 are ODF Plus as on 22.01.2026") holds for the total too
        here = [e for e in here if _CUT_OFF.search(text[max(0, e.start - 12) : e.start])]
    here = [e for e in here if not _base_or_founding(e, start, index)]
    bases = [e for e in here if _COMPARED.search(text[max(0, e.start - 20) : e.start])]
    if bases and len(bases) < len(here):
        here = [e for e in here if e not in bases]  # "8% more than in FY25": FY25 is the base, not the period
    if here:

        def distance(e: TimeExpr) -> tuple[int, int, int]:
            return (
                index.gap_cost(e.end, start) if e.end <= start else index.gap_cost(end, e.start),
                0 if e.start >= end else 1,
                abs(e.start - start),
            )

        chosen = _range_start(min(here, key=distance), index)
        fiscal = [e for e in here if e.value.startswith("FY")]
        if (
            fiscal
            and not chosen.value.startswith("FY")
            and _CUT_OFF.search(text[max(0, chosen.start - 12) : chosen.start])
        ):
            chosen = min(fiscal, key=distance)  # "upto January, 2026" is a cut-off inside the fiscal year
        return chosen.value
    if index.memo(("anaphor", s_start, s_end), lambda: _ANAPHOR.search(text[s_start:s_end]) is not None):
        earlier = index.last_ending_by(s_start, dated_only=True)
        if earlier is not None:
            return earlier.value
    if number > 0 and index.memo(("continues", s_start, s_end),
                                 lambda: _CONTINUES.search(text[s_start:s_end]) is not None):
        # a breakdown or a growth rate continues the sentence just before, not a start date far back
        # ("implemented since 2015-16 … Of the total approved, 378 are functional" is no 2015-16 figure)
        p_start = sentences[number - 1][0]
        for k in reversed(index.exprs_starting(p_start, s_start)):
            e = index.exprs[k]
            if index.dated[k] and p_start <= e.start < s_start:
                ranged = _range_start(e, index)
                if not _START_POINT.search(text[max(0, ranged.start - 30) : ranged.start]):
                    return ranged.value
    return None


def _without_time(text: str, offset: int, exprs: list[TimeExpr]) -> str:
    """The clause text with its time expressions and "during this period" blanked out."""
    chars = list(text)
    for e in exprs:
        if offset <= e.start and e.end <= offset + len(text):
            for i in range(e.start - offset, e.end - offset):
                chars[i] = " "
    cleaned = "".join(chars)
    cleaned = _ANAPHOR.sub(" ", cleaned)
    return re.sub(
        r"\b(?:during|in|for|since|by|till|until|upto|up\s+to|as\s+on|as\s+of)\s+(?=\s*(?:,|\b(?:is|are|"
        r"was|were|has|have|had)\b))",
        " ",
        cleaned,
    )


_QUALIFIERS = re.compile(
    r"(?:\b(?:about|around|over|nearly|approximately|approx|more\s+than|less\s+than|up\s*to|"
    r"only|just|some|an\s+estimated|a\s+record|almost|roughly|above|below)\b|[~(])\s*$",
    re.IGNORECASE,
)
_NOT_SUBJECT = {"total", "sum", "amount", "figure", "value", "number", "tune", "rate"}


def _noun_phrase(words: list[str]) -> str | None:
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    while words and words[-1].lower() in _LEADING | {"of", "to", "for", "from", "with", "by", "at", "on"}:
        words = words[:-1]
    if not words or all(not w[:1].isalpha() for w in words):
        return None
    return " ".join(words[-8:])


def _trailing_noun_phrase(words: list[str]) -> str | None:
    """The content words ending a lead-in: "the scheme with a total outlay" → "total outlay"."""
    run: list[str] = []
    for word in reversed(words):
        if word.lower() in _VERBS or word.lower() in _LEADING or word.lower() in _STOPWORDS or not word[:1].isalpha():
            break
        run.insert(0, word)
    phrase = " ".join(run[-5:])
    return phrase if phrase and phrase.lower() not in _NOT_SUBJECT else None


_STOPWORDS = {"of", "to", "for", "from", "with", "by", "at", "on", "in", "a", "an", "the", "and", "or", "as", "into"}
_WORD = re.compile(r"[A-Za-z][\w'’&-]*|\d[\d,.]*")


def figure_subject(
    text: str, start: int, floor: int, sentences: list[tuple[int, int]], exprs: list[TimeExpr],
    index: BulletIndex | None = None,
) -> str | None:
    """The noun phrase a figure measures, read from the words before it in its clause (after `floor`)."""
    if not sentences:
        return None
    s_start, _ = sentences[sentence_of(start, sentences)]
    lo = max(s_start, floor)
    before = text[lo:start]
    clause_offset = lo
    letters_at = _last_letter_pair(before)  # a clause starts after the last break that has words after it
    for brk in reversed(list(_CLAUSE_BREAK.finditer(before))):
        if brk.end() <= letters_at:
            clause_offset = lo + brk.end()
            break
    if index is not None:
        exprs = [index.exprs[k] for k in index.exprs_starting(clause_offset, start)]
    clause = _without_time(text[clause_offset:start], clause_offset, exprs)
    while (trimmed := _QUALIFIERS.sub("", clause.rstrip())) != clause.rstrip():
        clause = trimmed
    of_like = _OF_LIKE.search(clause)
    words = [w for w in _WORD.findall(clause) if w[:1].isalpha()]
    if of_like:
        lead = [w for w in _WORD.findall(clause[: of_like.start()]) if w[:1].isalpha()]
        phrase = _trailing_noun_phrase(lead)
        if phrase:
            return phrase
    verb_at = next((i for i, w in enumerate(words) if w.lower() in _VERBS), -1)
    if verb_at > 0:
        return _noun_phrase(words[:verb_at])
    if verb_at == 0:
        return None  # the subject is before the previous figure or out of the clause
    return _noun_phrase(words) if words and len(words) <= 6 else None


def _last_letter_pair(text: str) -> int:
    """Where the last two adjacent ASCII letters start (-1 if none): a slice from i holds a word of two letters
    or more exactly when i is at most this, which spares reading every slice after every clause break."""
    k = len(text) - 2
    while k >= 0 and not (_is_ascii_letter(text[k]) and _is_ascii_letter(text[k + 1])):
        k -= 1
    return k


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"

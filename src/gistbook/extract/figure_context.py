"""What a figure is about: its period (a date or fiscal year of its sentence) and its subject (the noun phrase).

The period is the nearest dated expression in the figure's sentence; a sentence with none that says
"during this period" or "the same year" inherits the last date of the bullet's earlier sentences, so in
"Trade totalled $21.96 billion during FY 2022-23. Exports during this period were …" both figures get FY2022-23.
The subject is the clause's noun phrase before its verb ("Bilateral trade totalled …" → "Bilateral trade"),
or the noun before "of" ("an outlay of ₹500 crore" → "outlay").
"""

from __future__ import annotations

import re

from gistbook.extract.spans import sentence_of
from gistbook.records import TimeExpr

_ANAPHOR = re.compile(
    r"\b(?:this|that|the\s+same|the\s+said|the\s+corresponding|same)\s+(?:period|year|fiscal|"
    r"financial\s+year|quarter|month)\b",
    re.IGNORECASE,
)
_VERBS = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "can",
    "could",
    "may",
    "totalled",
    "totaled",
    "totals",
    "total",
    "stood",
    "stands",
    "reached",
    "reaches",
    "amounted",
    "amounts",
    "rose",
    "rises",
    "increased",
    "increases",
    "grew",
    "grows",
    "declined",
    "declines",
    "fell",
    "falls",
    "decreased",
    "crossed",
    "touched",
    "recorded",
    "records",
    "registered",
    "saw",
    "witnessed",
    "received",
    "receives",
    "allocated",
    "sanctioned",
    "approved",
    "released",
    "spent",
    "valued",
    "estimated",
    "surged",
    "jumped",
    "climbed",
    "dropped",
    "exceeded",
    "exceeding",
    "hit",
    "achieved",
    "attracted",
    "generated",
    "earned",
    "posted",
    "logged",
    "clocked",
    "came",
    "accounted",
    "accounts",
    "represents",
    "represented",
    "provided",
    "disbursed",
    "transferred",
    "invested",
    "covers",
    "covered",
    "includes",
    "included",
    "comprises",
    "expanded",
    "doubled",
    "tripled",
    "amounting",
    "worth",
    "costing",
    "stand",
    "reach",
    "cross",
    "grow",
    "rise",
    "increase",
    "touch",
}
_OF_LIKE = re.compile(
    r"(?:\bof|\bworth|\bat|\bcosting|\bamounting\s+to|\bto\s+the\s+tune\s+of|\bby|\bto|\bfrom)\s*"
    r"(?:about|around|over|nearly|approximately|approx\.?|more\s+than|up\s*to|only|just|~)?\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|whereas|but)\s+|\s(?:and|while|whereas|but)\s+|\(|:\s|,\s")
_LEADING = {
    "the",
    "a",
    "an",
    "in",
    "during",
    "under",
    "of",
    "and",
    "while",
    "its",
    "their",
    "this",
    "these",
    "that",
    "also",
    "further",
    "moreover",
    "similarly",
    "besides",
    "meanwhile",
    "overall",
    "total",
}


_NAMED_YEAR = re.compile(r"\b(?:Act|Rules|Regulations|Code|Order|Bill|Amendment|Ordinance)\s*,?\s*(?:\(\s*)?$")
_CUT_OFF = re.compile(r"\b(?:upto|up\s+to|till|until|as\s+on|as\s+of|ending)\s*$", re.IGNORECASE)
_NOW = re.compile(r"\b(?:current|existing|present|prevailing)\s+$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:than(?:\s+(?:in|during|for))?|as\s+against|compared\s+(?:with|to)|over)\s+(?:the\s+)?$", re.IGNORECASE
)
_RANGE_GAP = re.compile(r"^\s*(?:[-‐‑‒–—]|to|till|until|and)\s*$", re.IGNORECASE)


def _dated(expr: TimeExpr, text: str) -> bool:
    """Dates that can be a figure's period: not vague decades, not the year in a law's name ("Rules, 2008")."""
    return (
        expr.type == "DATE"
        and "X" not in expr.value
        and not _NAMED_YEAR.search(text[max(0, expr.start - 20) : expr.start])
    )


_LINKS = {
    "in",
    "during",
    "for",
    "of",
    "by",
    "till",
    "until",
    "upto",
    "up",
    "to",
    "as",
    "on",
    "since",
    "from",
    "the",
    "at",
    "end",
    "year",
    "fiscal",
    "financial",
    "fy",
    "be",
    "re",
}


def _gap_cost(gap: str) -> int:
    """How loosely a date binds to a figure: content words between them, plus a clause break."""
    words = [w for w in re.findall(r"[A-Za-z]+", gap) if w.lower() not in _LINKS]
    return len(words) + (2 if re.search(r"[,;()]", gap) else 0)


def _range_start(chosen: TimeExpr, exprs: list[TimeExpr], text: str) -> TimeExpr:
    """A figure over "2020-21 to 2024-25" takes the range's first date as its period."""
    earlier = [e for e in exprs if e.end <= chosen.start]
    if earlier and _RANGE_GAP.match(text[earlier[-1].end : chosen.start]):
        return earlier[-1]
    return chosen


def figure_period(
    text: str, start: int, end: int, exprs: list[TimeExpr], sentences: list[tuple[int, int]]
) -> str | None:
    """Nearest date or fiscal year in the figure's sentence, else one inherited through "this period"."""
    if not sentences:
        return None
    index = sentence_of(start, sentences)
    s_start, s_end = sentences[index]
    if _NOW.search(text[max(0, start - 20) : start]):
        return None  # "from the current Rs. 3,000 to Rs. 3,075 for FY 2026-27": the first is today's, not FY's
    here = [e for e in exprs if _dated(e, text) and s_start <= e.start < s_end]
    bases = [e for e in here if _COMPARED.search(text[max(0, e.start - 20) : e.start])]
    if bases and len(bases) < len(here):
        here = [e for e in here if e not in bases]  # "8% more than in FY25": FY25 is the base, not the period
    if here:

        def distance(e: TimeExpr) -> tuple[int, int, int]:
            return (
                _gap_cost(text[e.end : start] if e.end <= start else text[end : e.start]),
                0 if e.start >= end else 1,
                abs(e.start - start),
            )

        chosen = _range_start(min(here, key=distance), exprs, text)
        fiscal = [e for e in here if e.value.startswith("FY")]
        if (
            fiscal
            and not chosen.value.startswith("FY")
            and _CUT_OFF.search(text[max(0, chosen.start - 12) : chosen.start])
        ):
            chosen = min(fiscal, key=distance)  # "upto January, 2026" is a cut-off inside the fiscal year
        return chosen.value
    if _ANAPHOR.search(text[s_start:s_end]):
        earlier = [e for e in exprs if _dated(e, text) and e.end <= s_start]
        if earlier:
            return earlier[-1].value
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
    text: str, start: int, floor: int, sentences: list[tuple[int, int]], exprs: list[TimeExpr]
) -> str | None:
    """The noun phrase a figure measures, read from the words before it in its clause (after `floor`)."""
    if not sentences:
        return None
    s_start, _ = sentences[sentence_of(start, sentences)]
    lo = max(s_start, floor)
    before = text[lo:start]
    clause_offset = lo
    for brk in reversed(list(_CLAUSE_BREAK.finditer(before))):
        if re.search(r"[A-Za-z]{2,}", before[brk.end() :]):
            clause_offset = lo + brk.end()
            break
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

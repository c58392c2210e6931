"""Bare years ("in 1903"), told apart from four-digit amounts ("1200 crore", "$2000", "2000 villages") by context."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gistbook.extract.spans import Candidate

_YEAR = re.compile(r"(?<![\d,.])(?P<y>1\d{3}|20\d\d)(?!\d|[.,]\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z.&]+)[\s(]*$")
_WORD_AFTER = re.compile(r"^[\s)]*([^\s,;:)]+)")
_NUMERIC = re.compile(r"^[\d.,%-]*\d%?$")  # a bare number: table cells, not "2000," in a list

# fmt: off
# a number after these is an amount or an identifier, not a year
_NOT_AFTER = {
    "about", "amount", "annexure", "approx", "approximately", "around", "article", "articles", "category", "chapter",
    "class", "clause", "code", "cost", "crore", "dollars", "fig", "fig.", "figure", "flight", "gate", "grade", "id",
    "inr", "item", "just", "lakh", "level", "mark", "marks", "model", "nearly", "no", "no.", "nos", "nos.", "number",
    "numbers", "only", "order", "over", "page", "pages", "para", "paragraph", "pin", "platform", "reg", "room",
    "route", "rs", "rs.", "rule", "rupees", "s.no", "schedule", "scored", "section", "sections", "sl", "some", "sr",
    "table", "than", "total", "train", "trains", "us", "usd", "vide", "worth",
}
# words that make a number outside 1900-2059 a year
_STRONG_BEFORE = {
    "after", "and", "before", "by", "c.", "circa", "during", "from", "in", "of", "since", "till", "to", "until",
    "upto", "year",
}
# a number before these is an amount
_UNITS_AFTER = {
    "acre", "acres", "beds", "billion", "cattle", "children", "crore", "crore+", "crores", "cusecs", "feet", "ft",
    "gw", "ha", "hectare", "hectares", "kg", "kilometers", "kilometres", "km", "kms", "kw", "kwh", "lac", "lacs",
    "lakh", "lakhs", "liters", "litres", "m", "men", "meters", "metres", "million", "mld", "more", "mt", "mu", "mw",
    "new", "people", "per", "percent", "personnel", "persons", "posts", "quintals", "seats", "sq", "square", "staff",
    "thousand", "times", "ton", "tonne", "tonnes", "tons", "units", "women", "youth",
}
# before 1800, only these make a number a year ("in 1498", "since 1757")
_OLD_YEAR_BEFORE = {"in", "since", "during", "year", "circa", "c.", "until", "till", "around"}
# plural words that follow real years: "2030 targets", "2026 onwards"
_YEAR_NOUNS = {
    "accords", "amendments", "attacks", "awards", "batches", "celebrations", "commitments", "data", "editions",
    "elections", "estimates", "examinations", "exams", "festivities", "figures", "floods", "games", "goals",
    "guidelines", "levels", "negotiations", "nominations", "olympics", "onwards", "polls", "reforms", "regulations",
    "results", "riots", "rules", "series", "sessions", "statistics", "talks", "targets",
}
# fmt: on


def _plausible(year: int, before: str, after: str) -> bool:
    """Years outside 1900–2059 need a word such as "in" or "since" before them, or AD/BC after; before 1800 they
    also need no name or count after them ("1158 PACS", "of 1000 (i.e. 1034)" are counts)."""
    if re.match(r"^\s*(?:AD|A\.D\.|CE|BC|BCE|B\.C\.)\b", after):
        return True
    if 1900 <= year <= 2059:
        return True
    if year < 1800:
        word = _WORD_BEFORE.search(before)
        previous = word.group(1).lower() if word else ""
        ends = re.match(r"^\s*(?:[,.;:)]|$|and\b|when\b|to\b|the\b)", after)
        return previous in _OLD_YEAR_BEFORE and ends is not None
    word = _WORD_BEFORE.search(before)
    previous = word.group(1).lower() if word else ""
    return previous in _STRONG_BEFORE or before.rstrip().endswith(",")


def previous_raw(before: str) -> str:
    """The word right before a number, as written (only spaces between)."""
    m = re.search(r"([A-Za-z][A-Za-z-]*)\s+$", before)
    return m.group(1) if m else ""


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at text[start:end] read as a year in their context."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    prev_char, next_char = before[-1:], after[:1]
    if prev_char and (prev_char in "$₹€£¥#/" or prev_char.isalpha() or prev_char.isdigit()):
        return False
    if prev_char == "-" and before[-2:-1].isdigit():
        return False
    if next_char and (next_char in "/%+" or next_char.islower() or next_char.isdigit()):
        return False
    if re.match(r"^\s*[-‐‑‒–—]\s*\d", after) or re.match(r"^\s*(?:per\s*cent|%)", after, re.IGNORECASE):
        return False
    word_before = _WORD_BEFORE.search(before)
    previous = word_before.group(1).lower() if word_before else ""
    if previous in _NOT_AFTER or previous.rstrip(".") in _NOT_AFTER:
        return False
    prev_token = before.split()[-1] if before.split() else ""
    word_after = _WORD_AFTER.search(after)
    following = word_after.group(1).rstrip(".!?\"'”’") if word_after else ""
    if _NUMERIC.match(prev_token.strip("()")) or _NUMERIC.match(following):
        return False
    lowered = following.lower().rstrip(".")
    if lowered in _UNITS_AFTER:
        return False
    if re.fullmatch(r"[A-Z][A-Za-z-]+", previous_raw(before)) and previous not in _NOT_AFTER:
        return _plausible(int(text[start:end]), before, after)  # "Census 2011", "Vision 2047" name a year
    looks_plural = following.islower() and len(following) > 3 and following.endswith("s")
    acronym_plural = re.fullmatch(r"[A-Z]{2,}s", following) is not None
    if (looks_plural and lowered not in _YEAR_NOUNS or acronym_plural) and previous not in {
        "since",
        "till",
        "until",
        "year",
        "by",
    }:
        return False
    return _plausible(int(text[start:end]), before, after)


def find_years(text: str) -> Iterator[Candidate]:
    """Bare years; the weakest date rule, so any longer match containing them wins."""
    for m in _YEAR.finditer(text):
        if is_year(text, m.start(), m.end()):
            yield Candidate.single(m.start(), m.end(), "DATE", m["y"], 0)

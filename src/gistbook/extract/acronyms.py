"""Acronym definitions written in the text: "International Solar Alliance (ISA)" and "IMEC (India-...Corridor)"."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

SHORT_AFTER = re.compile(r"[(\[]\s*([A-Za-z0-9][A-Za-z0-9&.\-]{1,14})\s*[)\]]")
SHORT_BEFORE = re.compile(r"\b([A-Z][A-Za-z0-9&\-]{1,14})\s*[(\[]([^()\[\]]{3,150})[)\]]")
CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\.\s")
ROMAN = re.compile(r"^[IVXL]+$")
TRIM = " \t‘’'\"“”,"


class AcronymPair(NamedTuple):
    short: str
    long: str
    start: int  # char offsets of the long form in the text
    end: int


def is_short_form(text: str) -> bool:
    """Looks like an acronym: two capitals (LeadIT, MoU) or a capital and a digit (G20), not a numeral."""
    capitals = sum(ch.isupper() for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    if capitals < 2 and not (capitals == 1 and digits):
        return False
    return not ROMAN.match(text) and any(ch.isalpha() for ch in text) and not text.replace(".", "").isdigit()


def long_form_start(short: str, long: str) -> int | None:
    """Schwartz–Hearst: where in `long` the shortest expansion of `short` starts, or None.

    Letters of the short form are found right to left in the long form; the first one must open a word.
    """
    letters = [ch.lower() for ch in short if ch.isalnum()]
    s, k = len(letters) - 1, len(long) - 1
    while s >= 0:
        ch = letters[s]
        while k >= 0 and (long[k].lower() != ch or (s == 0 and k > 0 and long[k - 1].isalnum())):
            k -= 1
        if k < 0:
            return None
        k -= 1
        s -= 1
    return long.rfind(" ", 0, k + 1) + 1


def initials_agree(short: str, long: str) -> bool:
    """At least half the short form's capitals open a word of the long form (guards Schwartz–Hearst's leniency)."""
    initials = {w[0].lower() for w in re.split(r"[\s\-]+", long) if w}
    capitals = [ch.lower() for ch in short if ch.isupper()]
    return bool(capitals) and sum(ch in initials for ch in capitals) * 2 >= len(capitals)


def expand(short: str, before: str) -> tuple[int, str] | None:
    """The long form that ends `before` and spells `short`, as (offset in before, text)."""
    text = before.rstrip(TRIM)
    max_words = min(len(short) + 5, 2 * len(short))
    words = text.split()
    window_start = len(text) - len(" ".join(words[-max_words:])) if words else len(text)
    window = text[window_start:]
    for candidate in (short, short[:-1] if short.endswith("A") and len(short) >= 4 else None):
        if not candidate:
            continue
        start = long_form_start(candidate, window)
        if start is None:
            continue
        long = window[start:].strip(TRIM)
        if len(long.split()) >= 2 and long.lower() != short.lower() and initials_agree(candidate, long):
            offset = window_start + start + (len(window[start:]) - len(window[start:].lstrip(TRIM)))
            return offset, long
    return None


def find_pairs(text: str) -> list[AcronymPair]:
    """Every acronym defined in one bullet, either way round."""
    pairs: list[AcronymPair] = []
    if "(" not in text and "[" not in text:
        return pairs
    # where every clause break ends, found once: each bracket then looks up its own clause instead of re-reading
    # the text before it (which made a long bullet full of brackets quadratic)
    break_ends = [brk.end() for brk in CLAUSE_BREAK.finditer(text)]
    for match in SHORT_AFTER.finditer(text):
        short = match.group(1).rstrip(".")
        if not is_short_form(short):
            continue
        n_before = bisect_right(break_ends, match.start())
        clause_start = break_ends[n_before - 1] if n_before else 0
        found = expand(short, text[clause_start:match.start()])
        if found:
            offset, long = found
            pairs.append(AcronymPair(short, long, clause_start + offset, clause_start + offset + len(long)))
    defined = {p.short for p in pairs}
    for match in SHORT_BEFORE.finditer(text):
        short, inner = match.group(1), match.group(2).strip(TRIM)
        if not is_short_form(short) or len(inner.split()) < 2 or short in defined:
            continue
        if long_form_start(short, inner) == 0 and initials_agree(short, inner):
            start = match.start(2) + match.group(2).index(inner)
            pairs.append(AcronymPair(short, inner, start, start + len(inner)))
            defined.add(short)
    return pairs

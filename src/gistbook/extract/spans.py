"""Rule matches as spans: overlap resolution (longest wins) and sentence and clause boundaries."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

from gistbook.text import SHORT_MONTHS

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Part:
    """One normalised time expression inside a match (a range match yields two)."""

    start: int
    end: int
    type: TimexType
    value: str


@dataclass
class Candidate:
    """One rule match: the span it claims against other rules, and the expressions it yields."""

    start: int
    end: int
    parts: list[Part] = field(default_factory=list)
    priority: int = 0  # breaks ties between equally long claims; higher wins

    @classmethod
    def single(cls, start: int, end: int, type_: TimexType, value: str, priority: int = 0) -> Candidate:
        return cls(start, end, [Part(start, end, type_, value)], priority)


class ClaimedSpans:
    """Non-empty spans claimed so far, none overlapping another: whether a new one is free costs a bisection, not
    a look at every claim (a long bullet has thousands)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def is_free(self, start: int, end: int) -> bool:
        """No claimed span overlaps [start, end). Claims are disjoint, so ends rise with starts and the one that
        starts last before `end` reaches furthest."""
        before = bisect_left(self.starts, end)
        return before == 0 or self.ends[before - 1] <= start

    def claim(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def select_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy: longest claims first, then higher priority, then earlier; a chosen claim blocks overlaps."""
    chosen: list[Candidate] = []
    claimed = ClaimedSpans()
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in ordered:
        if cand.end <= cand.start or not cand.parts:
            continue
        if not claimed.is_free(cand.start, cand.end):
            continue
        claimed.claim(cand.start, cand.end)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


URL_RE = re.compile(r"(?:https?://|www\.|chrome-extension://)\S+", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Links are never dates or figures even when they contain 2023-03 or 12345."""
    return [m.span() for m in URL_RE.finditer(text)]


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


class SpanIndex:
    """Fixed spans (they may overlap) asked many times whether they overlap a span: inside_any in a bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Same answer as inside_any(start, end, spans)."""
        before = bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "shri",
    "smt",
    "sh",
    "no",
    "nos",
    "rs",
    "st",
    "vs",
    "etc",
    "govt",
    "dept",
    *SHORT_MONTHS,
    "co",
    "ltd",
    "inc",
    "hon'ble",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sr",
    "jr",
    "approx",
    "viz",
    "fig",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
}
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’'])?\s+(?=[\"“‘'(]?[A-Z])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries, not splitting after titles (Shri, Dr), initials or month abbreviations."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = _last_word(text, start, m.start()).lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue
        spans.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return Sentences([(s, e) for s, e in spans if text[s:e].strip()])


def _last_word(text: str, start: int, end: int) -> str:
    """What follows the last space or "(" in text[start:end], found by stepping back from `end`: slicing from
    the sentence start at every full stop made a long sentence of abbreviations quadratic."""
    k = end
    while k > start and not (text[k - 1].isspace() or text[k - 1] == "("):
        k -= 1
    return text[k:end]


class Sentences(list[tuple[int, int]]):
    """Sentence spans in order, with their ends kept for finding a sentence by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(spans)
        self.ends = [end for _, end in spans]


def sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int:
    """Index of the sentence holding a character offset (the last one if past the end)."""
    ends = sentences.ends if isinstance(sentences, Sentences) else [end for _, end in sentences]
    return min(bisect_right(ends, offset), max(len(sentences) - 1, 0))

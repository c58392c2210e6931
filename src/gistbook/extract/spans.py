"""Rule matches as spans: overlap resolution (longest wins) and sentence and clause boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

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


def select_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Greedy: longest claims first, then higher priority, then earlier; a chosen claim blocks overlaps."""
    chosen: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for cand in ordered:
        if cand.end <= cand.start or not cand.parts:
            continue
        if any(cand.start < other.end and other.start < cand.end for other in chosen):
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


URL_RE = re.compile(r"(?:https?://|www\.|chrome-extension://)\S+", re.IGNORECASE)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Links are never dates or figures even when they contain 2023-03 or 12345."""
    return [m.span() for m in URL_RE.finditer(text)]


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
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
        before = text[start : m.start()]
        word = re.split(r"[\s(]", before)[-1].lower() if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue
        spans.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int:
    """Index of the sentence holding a character offset (the last one if past the end)."""
    for index, (_start, end) in enumerate(sentences):
        if offset < end:
            return index
    return max(len(sentences) - 1, 0)

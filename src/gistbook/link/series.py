"""Figure series of a dossier: values grouped by subject, oldest period first, older values flagged superseded."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gistbook.link.text import content_terms
from gistbook.records import date_sort_key

Source = dict[str, Any]


@dataclass
class FigurePoint:
    """One stored figure with where it came from."""

    value: float
    unit: str
    period: str | None
    subject: str | None
    text: str
    source: Source


@dataclass
class _Entry:
    period: str | None
    value: float
    unit: str
    text: str
    as_of: str
    sources: list[Source] = field(default_factory=list)


@lru_cache(maxsize=4096)
def subject_key(subject: str | None, unit: str) -> str:
    """Subjects that differ only in wording or word order share a series ('bilateral trade' = 'trade, bilateral')."""
    terms = sorted(set(content_terms(subject or "")))
    return " ".join(terms) + f"|{unit}"


def _order(entry: _Entry) -> tuple[str, str]:
    """Newer period first wins; without a period, the publication date stands in for it."""
    return (date_sort_key(entry.period) if entry.period else entry.as_of or "", entry.as_of or "")


def _merged_keys(points: list[FigurePoint], keys: list[str]) -> dict[str, str]:
    """key → representative key: differently worded subjects ('trade', 'bilateral trade') merge when they report
    the same value in the same unit for the same period, which shows they name one quantity."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: dict[tuple[str, str, float], str] = {}
    for p, k in zip(points, keys):
        if p.period and not k.startswith("?"):
            other = seen.setdefault((p.unit, p.period, p.value), k)
            parent[root(k)] = root(other)
    return {k: root(k) for k in keys}


def build_series(points: list[FigurePoint], max_sources: int = 5) -> list[dict[str, Any]]:
    """Group figures into series; in each, every value older than the newest period is `superseded`."""
    groups: dict[str, dict[tuple[str | None, float], _Entry]] = {}
    names: dict[str, Counter[str]] = {}
    # without a subject there is no series to compare against: each such figure stands alone
    keys = [subject_key(p.subject, p.unit) if p.subject else f"?{p.source.get('bullet_id')}|{p.text}|{p.value}"
            for p in points]
    merged = _merged_keys(points, keys)
    for p, own_key in zip(points, keys):
        key = merged[own_key]
        names.setdefault(key, Counter())[p.subject or ""] += 1
        entries = groups.setdefault(key, {})
        entry = entries.get((p.period, p.value))
        as_of = (p.source.get("published") or "")[:10]
        if entry is None:
            entry = entries[(p.period, p.value)] = _Entry(p.period, p.value, p.unit, p.text, as_of)
        elif as_of and (not entry.as_of or as_of < entry.as_of):
            entry.as_of = as_of
        if len(entry.sources) < max_sources and p.source not in entry.sources:
            entry.sources.append(p.source)
    out: list[dict[str, Any]] = []
    for key, entries in groups.items():
        ordered = sorted(entries.values(), key=_order)
        latest = _order(ordered[-1])[0]
        newest_value = ordered[-1]
        series = []
        for e in ordered:
            superseded = _order(e)[0] < latest or (_order(e)[0] == latest and e is not newest_value)
            series.append({"period": e.period, "value": e.value, "unit": e.unit, "superseded": superseded,
                           "as_of": e.as_of or None, "text": e.text, "sources": e.sources})
        subject = min(names[key].items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        out.append({"subject": subject or None, "unit": ordered[0].unit, "series": series})
    out.sort(key=lambda s: (-len(s["series"]), s["subject"] or ""))
    return out

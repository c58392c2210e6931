"""A dossier's one-screen summary: what a learner revises the topic from before opening its sections."""

from __future__ import annotations

import re
from typing import Any

from gistbook.link.dossier_records import Point
from gistbook.records import date_sort_key

SUMMARY_DATES, SUMMARY_FIGURES, SUMMARY_CHALLENGES = 4, 3, 2  # what fits one phone screen above the sections
_FIRST_SENTENCE = re.compile(r"^(.{40,}?[a-z0-9)%’'\"][.;!?])\s+[A-Z(‘\"“]")


def first_sentence(text: str) -> str:
    """A point's opening sentence, whole: enough to recall it in a summary (the full point is in its section)."""
    found = _FIRST_SENTENCE.match(text)
    return found.group(1) if found else text


def summary(key_ranked: list[dict[str, Any]], figures: list[dict[str, Any]],
            challenges: list[Point]) -> dict[str, list[dict[str, Any]]]:
    """What a learner revises the topic from on one screen: the most important key dates (oldest first), the
    newest value of each figure series with its period, and the challenges most items raise."""
    dates = sorted(key_ranked[:SUMMARY_DATES], key=lambda e: date_sort_key(e["date"]))
    latest = []
    for s in figures:
        current = [p for p in s["series"] if not p["superseded"]] or s["series"][-1:]
        if current:
            point = current[-1]
            latest.append({"subject": s["subject"], "unit": s["unit"], "text": point["text"],
                           "period": point["period"], "as_of": point.get("as_of"), "sources": point["sources"][:1],
                           "values": len(s["series"])})
    latest.sort(key=lambda f: (-f["values"], -(len(f["period"] or "")), f["subject"] or ""))
    ranked = sorted(challenges, key=lambda c: -len(c.sources))  # stable: newest first among equals
    open_points = [{"text": first_sentence(c.text), "sources": c.sources[:1]} for c in ranked[:SUMMARY_CHALLENGES]]
    return {"key_dates": dates, "figures": latest[:SUMMARY_FIGURES], "challenges": open_points}

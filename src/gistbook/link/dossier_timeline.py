"""A dossier's timelines: every dated event (one entry per event, however many items repeat it) and the few key
dates a learner revises the topic by."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.dossier_records import TimelineEntry
from gistbook.link.dossier_scope import Scope, add_source
from gistbook.link.keydates import ranked_key_dates
from gistbook.link.text import STOPWORDS
from gistbook.store import dossier_reads

KEY_DATES = 12  # the key timeline a dossier opens with
SAME_DAY_SIMILARITY = 0.3  # the date already agrees, so less shared wording is needed to call it one event
_WORDS = re.compile(r"[a-z0-9]+")


def scope_events(session: Session, scope: Scope) -> list[Any]:
    """Every event of the scope's articles with the fact its bullet states (read once, used twice):
    (date, sort key, text, bullet id, article id, fact id)."""
    return dossier_reads.events_with_facts(session, scope.ids)


def _event_entities(session: Session, scope: Scope, event_bullets: set[int]) -> dict[int, set[int]]:
    """bullet → named things (not countries or places) in the bullets that carry the topic's events."""
    out: dict[int, set[int]] = {}
    for bullet_id, entity_id in dossier_reads.things_named(session, scope.ids):
        if bullet_id in event_bullets:
            out.setdefault(bullet_id, set()).add(entity_id)
    return out


def _quick_terms(entry: TimelineEntry) -> frozenset[str]:
    """Plain lower-case words of an entry, computed once: cheap enough for every pair of entries on one date."""
    if entry.terms is None:
        words = _WORDS.findall(entry.text.lower())
        entry.terms = frozenset(w.rstrip("s") for w in words if len(w) > 2 and w not in STOPWORDS)
    return entry.terms


def _same_event(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Two entries on one date tell the same event: similar wording, or (day or month dates) the same named thing."""
    if len(a.date) >= 7 and a.things & b.things:
        return True
    terms_a, terms_b = _quick_terms(a), _quick_terms(b)
    union = len(terms_a | terms_b)
    return bool(union) and len(terms_a & terms_b) / union >= SAME_DAY_SIMILARITY


def timeline(session: Session, scope: Scope, events: list[Any]) -> list[TimelineEntry]:
    """Dated events of the topic, one entry per (date, fact); entries of one date telling one event are merged."""
    things = _event_entities(session, scope, {row[3] for row in events})
    entries: dict[tuple[str, Any], TimelineEntry] = {}
    for date, sort_key, text, bullet_id, article_id, fact_id in events:
        if not scope.covers(article_id, bullet_id):
            continue
        key = (date, fact_id if fact_id is not None else ("b", bullet_id))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = TimelineEntry(date, text, sort_key)
        entry.things |= things.get(bullet_id, set())
        add_source(entry.sources, scope.source(article_id, bullet_id))
    merged: list[TimelineEntry] = []
    by_date: dict[str, list[TimelineEntry]] = {}
    for entry in sorted(entries.values(), key=lambda e: (e.sort, -len(e.sources), e.text)):
        same_day = by_date.setdefault(entry.date, [])
        twin = next((e for e in same_day if _same_event(e, entry)), None)
        if twin is not None:
            twin.things |= entry.things
            for s in entry.sources:
                add_source(twin.sources, s)
            continue
        same_day.append(entry)
        merged.append(entry)
    return merged


def key_timeline(session: Session, scope: Scope) -> list[dict[str, Any]]:
    """The few dates a learner revises the topic by (link/keydates.py), each cited with its items, most important
    first (the summary takes the first few; the page lists them by date)."""
    rows = ranked_key_dates(session, scope.ids, KEY_DATES, about=scope.topic.name)
    for row in rows:
        row["sources"] = [scope.source(s["article_id"], s["bullet_id"]) for s in row["sources"]
                          if s["article_id"] in scope.articles]
    return rows

"""A dossier's figures: the values its sentences state about the topic itself, grouped into series
(link/series.py), each value cited."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.dossier_scope import MAX_SOURCES, Scope
from gistbook.link.series import OWNER_TYPES, FigurePoint, build_series, owned_elsewhere, worth_showing
from gistbook.store import dossier_reads
from gistbook.store.topics import Topic


def _topic_names(session: Session, topic: Topic) -> list[str]:
    """Names a sentence must use to be about the topic: the entity's name and aliases, or a pair's partner
    countries (India in India–Japan names nothing: it is in every release)."""
    if topic.entity_id is not None:
        entity = dossier_reads.entity_of(session, topic.entity_id)
        if entity is not None:
            name, _type, aliases = entity
            # a short acronym names many things ("DBT", "NEP"): only the name and longer aliases count
            return [n for n in [name, *aliases] if len(n) > 4 or n == name]
    parts = [p.strip() for p in re.split(r"[–—-]", topic.name) if p.strip()]
    return [p for p in parts if p != "India"] or parts


def _names_topic(text: str, names: list[str]) -> bool:
    """A figure is the topic's when its sentence names the topic, not only when it sits in an item about it."""
    return any(re.search(rf"(?<!\w){re.escape(n)}", text) for n in names)


def figures(session: Session, scope: Scope) -> list[dict[str, Any]]:
    """The topic's figure series (link/series.py's JSON), built from the figures its sentences state."""
    if scope.topic.kind == "syllabus":
        return []  # a syllabus area is no quantity's subject: its figures stay in their items
    names = _topic_names(session, scope.topic)
    rows = [r for r in dossier_reads.figure_rows(session, scope.ids)
            if scope.covers(r[6], r[5]) and worth_showing(r[0], r[1], r[3], r[7])
            and (_names_topic(r[7], names) or r[8] == "background" and r[6] in scope.whole)]
    owners = _owner_mentions(session, scope.topic, {r[5] for r in rows})
    points = [FigurePoint(value, unit, period, subject, text, scope.source(aid, bid))
              for value, unit, period, subject, text, bid, aid, bullet, role, start in rows
              if owners is None or not owned_elsewhere(bullet, start, owners.get(bid, []), scope.topic.entity_id or 0)]
    return build_series(points, MAX_SOURCES, scope.topic.name)


def _owner_mentions(session: Session, topic: Topic, bullet_ids: set[int]
                    ) -> dict[int, list[tuple[int, int, int]]] | None:
    """Per bullet, the bodies and programmes named in it, for a topic that is one itself (None otherwise: a pair
    of countries owns its trade figures whatever body a sentence names)."""
    entity = dossier_reads.entity_of(session, topic.entity_id)
    kind = entity[1] if entity is not None else None
    if kind not in OWNER_TYPES or not bullet_ids:
        return None
    found: dict[int, list[tuple[int, int, int]]] = {}
    for bid, eid, start, end in dossier_reads.typed_mentions(session, bullet_ids, OWNER_TYPES):
        found.setdefault(bid, []).append((eid, start, end))
    return found

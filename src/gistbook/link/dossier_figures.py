"""A dossier's figures: the values its sentences state about the topic itself, grouped into series
(link/series.py), each value cited."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from gistbook.extract.spans import sentence_spans
from gistbook.link.dossier_scope import MAX_SOURCES, Scope
from gistbook.link.local_scope import is_local
from gistbook.link.series import OWNER_TYPES, FigurePoint, build_series, owned_elsewhere, worth_showing
from gistbook.store import dossier_reads
from gistbook.store.topics import Topic


def _topic_names(session: Session, topic: Topic) -> list[str]:
    """Names a sentence must use to be about the topic: the entity's name and aliases, or a pair's partner
    countries (India in India–Japan names nothing: it is in every release)."""
    if topic.entity_id is not None and topic.kind != "pair":  # (a pair's entity is India, named everywhere)
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


# below these a sum is one project's, one grant's or one district's: a learner does not revise it (a sum per
# beneficiary, "₹6,000 per year", is an entitlement and stays)
MINOR_MONEY = {"INR": 1e9, "USD": 1e8, "EUR": 1e8, "JPY": 1e10}
PER_UNIT = re.compile(r"^\W{0,3}(?:\S+\s+){0,2}?(?:per|each|every|a\s+(?:year|month|day))\b|^\s*/-\s*per\b",
                      re.IGNORECASE)


def _sentence_at(bullet: str, start: int) -> tuple[int, str]:
    """Where the sentence holding offset `start` begins, and the sentence (the whole bullet if none does)."""
    for s_start, s_end in sentence_spans(bullet):
        if s_start <= start < s_end:
            return s_start, bullet[s_start:s_end]
    return 0, bullet


# a body named as the source of data or a plan is not what the figure measures: "As per DGCIS trade data, …"
SOURCE_BEFORE = re.compile(r"\b(?:as\s+per|according\s+to|data\s+(?:from|of|released\s+by)|sources?:)\W+(?:the\s+)?$",
                           re.IGNORECASE)
# a figure somebody cites in a speech is their claim, not a stated fact: "He stated that …", "in his address …"
REPORTED = re.compile(r"\b(?:said|says|stated|states|emphasi[sz]ed|highlighted|noted|remarked|added|underlined"
                      r"|stressed|pointed\s+out|informed)\s+that\b|\bin\s+(?:his|her)\s+(?:address|speech|remarks)\b",
                      re.IGNORECASE)
# "… ₹116.5 crore under the CCPWC Scheme": a programme named after the figure with "under" owns it
UNDER_OTHER = re.compile(r"^[^.;]{0,60}?\bunder\s+(?:the\s+)?(?:[‘'\"“]\s*)?[A-Z]")
# "… rose to 12% and 15% in 2024 and 2025 respectively": which value belongs to which label is a matter of
# counting list places, which a series cannot do; such values stay in their item
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _named_before(sentence: str, at: int, names: list[str]) -> bool:
    """The topic is named before the figure, as its owner, not as the source of the data ("As per DGCIS …")."""
    first = min((found.start() for name in names for found in re.finditer(rf"(?<!\w){re.escape(name)}",
                                                                             sentence[:at])), default=None)
    return first is not None and not SOURCE_BEFORE.search(sentence[:first])


def about_topic(row: Any, names: list[str]) -> bool:
    """A figure is the topic's when its own sentence names the topic before it (not as the source of the data,
    and no other programme claims it with "under"), states a fact rather than a speaker's claim, is not one
    state's or city's share, and is no minor sum."""
    value, unit, _period, subject, phrase, _bid, _aid, bullet, _role, start = row  # a figure_rows row
    s_start, sentence = _sentence_at(bullet, start)
    at = start - s_start
    end = at + len(phrase or "")
    if not _named_before(sentence, at, names) or REPORTED.search(sentence) or is_local(sentence, names):
        return False
    if RESPECTIVELY.search(sentence):
        return False
    if subject and re.search(rf"\b[a-z]{{3,}}\s+of\s+(?:the\s+)?{re.escape(subject)}\b", sentence):
        return False  # "emissions intensity of GDP by 45%": the quantity is the intensity, not the GDP
    if UNDER_OTHER.search(sentence[end:]) and not _names_topic(sentence[end:], names):
        return False
    return not (value < MINOR_MONEY.get(unit, 0.0) and not PER_UNIT.search(sentence[end:end + 40]))


def figures(session: Session, scope: Scope) -> list[dict[str, Any]]:
    """The topic's figure series (link/series.py's JSON), built from the figures its sentences state."""
    if scope.topic.kind == "syllabus":
        return []  # a syllabus area is no quantity's subject: its figures stay in their items
    names = _topic_names(session, scope.topic)
    rows = [r for r in dossier_reads.figure_rows(session, scope.ids)
            if scope.covers(r[6], r[5]) and worth_showing(r[0], r[1], r[3], r[7]) and about_topic(r, names)]
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

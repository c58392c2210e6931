"""Background, challenges and way forward for an item, gathered from earlier articles about the same topic.

Only stored bullets are used, never new text. A bullet qualifies when its article came earlier, is
centrally about the topic, and the bullet itself is about the topic (it mentions the topic's
entities, or sits under a heading that names them: "India-Japan Ties at a Glance"). Bullets that
state the same fact (one Fact row, or the same statement by link.facts.same_fact) are merged and
cite every article that carries them; facts the item already states are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy.orm import Session

from gistbook.link.facts import THRESHOLD, signature, similarity_of_terms
from gistbook.link.keydates import key_dates
from gistbook.link.text import content_terms, numbers_in
from gistbook.page.entries import Source
from gistbook.page.topics import Topic, aboutness, stored_links
from gistbook.records import date_sort_key
from gistbook.standalone import self_contained
from gistbook.store import page_reads as reads
from gistbook.store.page_reads import ArticleHead

CAPS = {"background": 12, "challenges": 6, "way_forward": 4}
KEY_DATES = 12  # key dates of the topic that background favours
OVERLAP = 0.5  # share of the shorter statement's terms that a restatement repeats (same numbers required)
YEAR_WRITTEN = re.compile(r"\d{4}")  # "2011", "FY 2022-23": a date the text spells out
YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
MAX_SOURCES = 3
ITEM_TERMS = 2  # terms a background bullet shares with the item itself, beyond the topic's name
PLAN = re.compile(r"\b(?:will|shall|would|is to be|are to be|to be (?:held|launched|organi[sz]ed|conducted))\b",
                  re.IGNORECASE)
SUBJECT_OPENING = 80  # characters in which a body's own background names it
MAX_EARLIER = 80  # newest earlier articles read for background: repeated background recurs in recent ones too


@dataclass
class Gathered:
    """One fact for a generated section, with every earlier article that states it."""

    text: str
    role: str
    when: str  # sort key: the earliest date the fact names, else when it was first reported
    strength: int  # 2: names every entity of the topic; 1: names one, or sits under a heading naming the topic
    sources: list[Source] = field(default_factory=list)
    fact_id: int | None = None


@dataclass
class _Row:
    bullet_id: int
    article_id: int
    text: str
    role: str
    heading: str | None
    fact_id: int | None


def earlier_articles(session: Session, article: ArticleHead, topic: Topic) -> dict[int, tuple[ArticleHead, int]]:
    """Articles before this one (by date, then id) that are about the topic, each with its aboutness (1 or 2).
    When links are stored at ingest only linked articles can be about it; on a structure-only store the
    candidates are the articles naming the topic, judged by detection."""
    rows = reads.earlier_articles(session, article.id, article.published, topic.key, topic.ids, MAX_EARLIER)
    links = stored_links(session, [row.id for row in rows])
    out: dict[int, tuple[ArticleHead, int]] = {}
    for row in rows:
        level = aboutness(session, row.id, topic, links[row.id])
        if level:
            out[row.id] = (row, level)
    return out


def gather(session: Session, article: ArticleHead, topic: Topic, own_texts: list[str],
           own_facts: set[int]) -> dict[str, list[Gathered]]:
    """Facts per role (background, challenges, way_forward), deduplicated, capped, oldest first."""
    sources = earlier_articles(session, article, topic)
    if not sources:
        return {role: [] for role in CAPS}
    rows = _rows(session, list(sources))
    mentions = _mentions(session, [r.bullet_id for r in rows], topic)
    dates = _dates(session, [r.bullet_id for r in rows])
    key_bullets = {s["bullet_id"] for row in key_dates(session, list(sources), KEY_DATES, about=topic.name)
                   for s in row["sources"]}
    merged: list[Gathered] = []
    by_fact: dict[int, Gathered] = {}
    # what this item is about beyond its topic's name: a bullet that is not one of the topic's milestones must share
    # some of it ("TRAI" alone ties a rating paper to anti-spam rules of 2018 only by the regulator's name)
    item_terms = frozenset(content_terms(" ".join([article.title or "", *own_texts]))) - frozenset(
        content_terms(topic.name))
    for row in rows:
        if not _shown_as_background(row, topic, row.bullet_id in key_bullets):
            continue
        if row.bullet_id not in key_bullets and len(item_terms & frozenset(content_terms(row.text))) < ITEM_TERMS:
            continue
        src, level = sources[row.article_id]
        named = mentions.get(row.bullet_id, set()) | {e.id for e in topic.entities if e.named_in(row.text)}
        strength = _strength(row, topic, named, dates.get(row.bullet_id), level)
        if strength == 0 or (row.fact_id is not None and row.fact_id in own_facts):
            continue
        if any(restates(row.text, own) for own in own_texts):
            continue
        source = Source(src.id, row.bullet_id, src.title, src.published)
        found = by_fact.get(row.fact_id) if row.fact_id is not None else None
        found = found or next((g for g in merged if g.role == _role(row) and restates(g.text, row.text)), None)
        if found is not None:
            found.sources.append(source)
            found.strength = max(found.strength, strength)
            continue
        when = dates.get(row.bullet_id) or _year_in(row.text) or date_sort_key(src.published or "9999")
        gathered = Gathered(row.text, _role(row), when, strength, [source], row.fact_id)
        merged.append(gathered)
        if row.fact_id is not None:
            by_fact[row.fact_id] = gathered
    out: dict[str, list[Gathered]] = {}
    for role, cap in CAPS.items():
        pool = [g for g in merged if g.role == role]
        # the topic's key dates come first: the milestones its key timeline is drawn from (link/keydates.py)
        best = sorted(pool, key=lambda g: (not any(s.bullet_id in key_bullets for s in g.sources), -g.strength,
                                           -len(g.sources), g.when))[:cap]
        for g in best:
            g.sources = sorted(g.sources, key=lambda s: (s.published or "", s.article_id))[:MAX_SOURCES]
        out[role] = sorted(best, key=lambda g: (g.when, g.sources[0].published or "", g.sources[0].bullet_id))
    return out


@dataclass(frozen=True)
class _Features:
    """What `restates` compares, computed once per text: a page compares each bullet with many others."""

    terms: tuple[str, ...]
    term_set: frozenset[str]
    proper: frozenset[str]
    numbers: frozenset[str]


@lru_cache(maxsize=1 << 14)
def _features(text: str) -> _Features:
    sig = signature(text, with_bands=False)
    terms = tuple(content_terms(text))
    return _Features(terms, sig.terms, sig.proper, _significant(numbers_in(text)))


def restates(text_a: str, text_b: str) -> bool:
    """Same fact for a page: link's dedup rule (link.facts.same_fact), or one statement repeating most of the
    shorter one's terms with the same numbers ("Founded in 1903, the Association…" / "The Association dates
    from 1903…")."""
    a, b = _features(text_a), _features(text_b)
    if a.terms == b.terms or similarity_of_terms(a.term_set, b.term_set, a.proper | b.proper) >= THRESHOLD:
        return True
    if a.numbers != b.numbers:
        return False
    shared = len(a.term_set & b.term_set)
    return shared >= 4 and shared / max(1, min(len(a.term_set), len(b.term_set))) >= OVERLAP


def _significant(numbers: frozenset[str]) -> frozenset[str]:
    """Numbers that name a fact (years, amounts); "one" and "two" are often just wording."""
    return frozenset(n for n in numbers if len(n) > 1)


def _shown_as_background(row: _Row, topic: Topic, key_date: bool) -> bool:
    """A bullet from another article stands alone on this page (the facts issue's rule), says what happened or
    what is (not a plan), and, for a single body or scheme, is background rather than another of its events:
    an earlier item's own background or challenges, or one of the topic's key dates. (A pair of countries is
    different: the dated events of their ties are the background a trainer writes.)"""
    if not self_contained(row.text) or (row.role == "news" and PLAN.search(row.text)):
        return False
    if topic.kind == "pair":
        return True
    # "About NHRC" holds what is said of NHRC: it is named in the opening words, not once in a case report
    if not any(e.named_in(row.text[:SUBJECT_OPENING]) for e in topic.entities):
        return False
    return row.role != "news" or key_date


def _role(row: _Row) -> str:
    """Dated news of an earlier article is background for a later one."""
    return "background" if row.role == "news" else row.role


def _strength(row: _Row, topic: Topic, named: set[int], date: str | None, level: int) -> int:
    """How surely a bullet is about the topic, from the entities it names; 0 when it is not.

    `level` 2: its article is about this topic alone, 1: about it among others (then the bullet itself must
    name the whole topic: in a Quad item, a line on Japan alone is not India–Japan background)."""
    whole = named == topic.ids
    if level == 1:
        return 2 if whole and row.role != "news" else 1 if whole and date and date[:1].isdigit() else 0
    if row.role in ("challenges", "way_forward"):
        return 2 if whole else 1  # its article is about the topic alone: that is the check
    if row.role == "background":
        if whole:
            return 2
        if named or (row.heading and topic.named_in(row.heading)):
            return 1
        return 0
    # an earlier item's news counts when it names the whole topic and says when it happened
    return 1 if whole and date is not None and date[:1].isdigit() else 0


def _rows(session: Session, article_ids: list[int]) -> list[_Row]:
    return [_Row(*row) for row in reads.section_bullets(session, article_ids, ("news", *CAPS))]


def _mentions(session: Session, bullet_ids: list[int], topic: Topic) -> dict[int, set[int]]:
    """Which of the topic's entities each bullet mentions."""
    found: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(bullet_ids):
        for bullet_id, entity_id in reads.mentions_among(session, chunk, topic.ids):
            found[bullet_id].add(entity_id)
    return found


def _dates(session: Session, bullet_ids: list[int]) -> dict[int, str]:
    """The earliest calendar date each bullet spells out (sortable form), for chronological order."""
    earliest: dict[int, str] = {}
    for chunk in _chunks(bullet_ids):
        for bullet_id, value, text in reads.dates_in(session, chunk):
            # only dates the text spells out: "today" in an old item would mislead on a later page
            if (value[:1].isdigit() or value.startswith("FY")) and YEAR_WRITTEN.search(text):
                key = date_sort_key(value)
                if bullet_id not in earliest or key < earliest[bullet_id]:
                    earliest[bullet_id] = key
    return earliest


def _year_in(text: str) -> str | None:
    """A year written in the text, for stores that kept structure only (no time expressions)."""
    years = YEAR.findall(text)
    return min(years) if years else None


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]

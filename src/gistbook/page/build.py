"""Assemble the exam page of one stored item: key points, then background, challenges and way forward."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.series import subject_key, worth_showing
from gistbook.page.background import CAPS, Gathered, gather
from gistbook.page.entries import KeyFigure, KeyPoint, PageSection, Point, Source, TopicEntry
from gistbook.page.keypoints import BulletFacts, can_be_key_point, select_key_points
from gistbook.page.topics import Topic, everyday, item_topics
from gistbook.store import page_reads as reads
from gistbook.store.page_reads import ArticleHead, BulletRow, SectionRow

KEY_POINTS_KEPT = 2048  # items whose key points the web page keeps in memory
_KEY_POINTS: dict[tuple[int, str, object], list[int]] = {}
TRAINER_KINDS = frozenset({"note"})  # items already written point-wise by a trainer keep every bullet
ROLE_ORDER = {"news": 0, "background": 1, "challenges": 2, "way_forward": 3, "other": 4}


class PageError(Exception):
    """The page cannot be built (no such article)."""


def headings_for(topic: Topic) -> dict[str, str]:
    """Headings of generated sections, named after the topic as a trainer would (each parses to its role)."""
    label = "-".join(e.name for e in topic.entities)
    if topic.kind == "pair":
        return {"background": f"{label} Bilateral Relations",
                "challenges": f"Roadblocks to strengthening {label} ties", "way_forward": "Way Forward"}
    return {"background": f"About {label}", "challenges": "Challenges", "way_forward": "Way Forward"}


def build_page(session: Session, article_id: int, key_points: int | None = None) -> dict[str, Any]:
    """The `note --format json` shape: every bullet carries its sources; generated sections are flagged. A
    prose item is condensed to its key points (`key_points` of them, else as many as its length warrants); the
    rest of its text stays in the article ("full_text"), not in the note."""
    article = reads.page_article(session, article_id)
    if article is None:
        raise PageError(f"no article with id {article_id}")
    sections = reads.sections_of(session, article.id)
    bullets = reads.bullets_of(session, article.id)
    own_sections = _own_sections(sections, bullets, article)
    condensed = article.source_kind not in TRAINER_KINDS
    figures: list[KeyFigure] = []
    if condensed:
        facts = _bullet_facts(session, article.id, bullets)
        chosen = select_key_points(facts, article.title, key_points)
        keep = {b.bullet_id for b in chosen}
        key_section = _section(None, "news", [b for b in bullets if b.id in keep], article)
        own_sections = [key_section] + [_condensed(s, facts, article.title) for s in own_sections
                                        if s.role in CAPS]
        own_sections = [s for s in own_sections if s.bullets]
        figures = key_figures(session, article.id, keep)
    topics = item_topics(session, article.id)
    own_facts = reads.fact_ids_of(session, article.id)
    own_texts = [b.text for b in bullets]
    used: Topic | None = None
    found: dict[str, list[Gathered]] = {}
    for topic in topics:
        if everyday(session, topic):
            continue
        found = gather(session, article, topic, own_texts, own_facts)
        if any(found.values()):
            used = topic
            break
    page_sections = _merge(own_sections, found, headings_for(used) if used else {})
    news = next((s for s in page_sections if s.role == "news" and not s.generated), None)
    shown = sum(1 for s in page_sections for b in s.bullets if not b.generated)
    return {
        "id": article.id, "title": article.title, "category": article.category, "published": article.published,
        "published_precision": article.published_precision, "author": article.author,
        "author_note": article.author_note, "url": article.url,
        "topics": [TopicEntry(t.name, t.kind, t == used).to_dict() for t in topics],
        "condensed": condensed,
        "key_points": [KeyPoint(b.text, b.sources[0].bullet_id, b.sources).to_dict()
                       for b in (news.bullets if news else []) if not b.generated],
        "key_figures": [f.to_dict() for f in figures],
        "sections": [s.to_dict() for s in page_sections],
        "full_text": {"article_id": article.id, "points": len(bullets), "left_out": len(bullets) - shown},
    }


def key_point_ids(session: Session, article_id: int) -> list[int] | None:
    """The bullets a page shows as the item's key points, in reading order; None for a trainer's point-wise
    note, which is shown whole."""
    article = reads.page_article(session, article_id)
    if article is None or article.source_kind in TRAINER_KINDS:
        return None
    # the choice reads every bullet's text (3-15 ms an item): kept until the item is stored again
    key = (article_id, article.content_hash, article.updated)
    if key not in _KEY_POINTS:
        bullets = reads.bullets_of(session, article_id)
        chosen = select_key_points(_bullet_facts(session, article_id, bullets), article.title)
        _KEY_POINTS[key] = [b.bullet_id for b in chosen if b.bullet_id is not None]
        while len(_KEY_POINTS) > KEY_POINTS_KEPT:
            _KEY_POINTS.pop(next(iter(_KEY_POINTS)))
    return list(_KEY_POINTS[key])


def _condensed(section: PageSection, facts: list[BulletFacts], title: str) -> PageSection:
    """An item's own background or challenges section, cut to the points a note keeps."""
    ids = {b.sources[0].bullet_id for b in section.bullets}
    mine = [f for f in facts if f.bullet_id in ids]
    keep = {f.bullet_id for f in select_key_points(mine, title, min(CAPS[section.role], len(mine)))}
    return replace(section, bullets=[b for b in section.bullets if b.sources[0].bullet_id in keep])


def key_figures(session: Session, article_id: int, shown: set[int | None], limit: int = 6) -> list[KeyFigure]:
    """The figures of a long release that its key points leave out (a table's worth), as a small table: each
    names what it measures and comes from a statement of fact; one per thing measured."""
    out: list[KeyFigure] = []
    seen: set[str] = set()
    for value, unit, period, subject, text, bullet_id, sentence in reads.figures_with_sentences(session, article_id):
        if bullet_id in shown or not worth_showing(value, unit, subject, sentence) or not can_be_key_point(sentence):
            continue
        label = " ".join(str(subject).split())
        key = subject_key(subject, unit)
        if key in seen:
            continue
        seen.add(key)
        out.append(KeyFigure(label + (f" ({period})" if period else ""), text, bullet_id))
        if len(out) >= limit:
            break
    return out


def _bullet_facts(session: Session, article_id: int, bullets: list[BulletRow]) -> list[BulletFacts]:
    """Selector features from the stored extraction of one article."""
    types: dict[int, list[str]] = defaultdict(list)
    for bullet_id, etype in reads.mention_types(session, article_id):
        types[bullet_id].append(etype)
    dates: dict[int, int] = defaultdict(int)
    for bullet_id, ttype, value in reads.time_values(session, article_id):
        if ttype == "DATE" and value[:1].isdigit():
            dates[bullet_id] += 1
    figures: dict[int, int] = defaultdict(int)
    for bullet_id in reads.figure_bullets(session, article_id):
        figures[bullet_id] += 1
    return [BulletFacts(b.text, i, types.get(b.id, []), dates.get(b.id, 0), figures.get(b.id, 0), b.id)
            for i, b in enumerate(bullets)]


def _section(heading: str | None, role: str, bullets: list[BulletRow], own: ArticleHead) -> PageSection:
    return PageSection(heading, role, False,
                       [Point(b.text, False, [Source(own.id, b.id, own.title, own.published)]) for b in bullets])


def _own_sections(sections: list[SectionRow], bullets: list[BulletRow], own: ArticleHead) -> list[PageSection]:
    by_section: dict[int, list[BulletRow]] = defaultdict(list)
    for b in bullets:
        by_section[b.section_id].append(b)
    return [_section(s.heading, s.role, by_section[s.id], own) for s in sections if by_section[s.id]]


def _merge(own: list[PageSection], found: dict[str, list[Gathered]], headings: dict[str, str]) -> list[PageSection]:
    """The item's sections in role order; gathered facts join the item's section of that role or open one."""
    out = sorted(own, key=lambda s: ROLE_ORDER.get(s.role, 4))
    for role in ("background", "challenges", "way_forward"):
        facts = found.get(role) or []
        if not facts:
            continue
        generated = [Point(g.text, True, list(g.sources)) for g in facts]
        existing = next((s for s in out if s.role == role), None)
        if existing is not None:
            existing.bullets.extend(generated)  # the section stays the item's; its new bullets are flagged
            continue
        section = PageSection(headings[role], role, True, generated)
        at = next((i for i, s in enumerate(out) if ROLE_ORDER.get(s.role, 4) > ROLE_ORDER[role]), len(out))
        out.insert(at, section)
    return out

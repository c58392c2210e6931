"""The topics a page draws background for, taken from link.topics (pairs such as India–Japan, named bodies).

link.topics stores, for every article, the topics it belongs to with how central it is to each. A
page uses the item's pair topics first, then its central entity topics (never India alone, which
every Indian item mentions, nor syllabus nodes). When a store holds no topic links (the save hook
did not run), the same detection runs in memory, so pages still work on a structure-only store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from gistbook.link.topics import CENTRAL, HOME_COUNTRY, country_aliases, detect_topics, load_view
from gistbook.store import page_reads as reads

PAIR_MIN = CENTRAL  # link.topics only makes a pair of countries both central to the item


@dataclass(frozen=True)
class EntityRef:
    id: int
    name: str
    aliases: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        """Whether a heading names this entity (its name, an alias or a demonym)."""
        names = [self.name, *self.aliases]
        return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, 0 if n.isupper() else re.I)
                   for n in names if len(n) > 1)  # "US" is a country, "us" is not


@dataclass(frozen=True)
class Topic:
    """A pair of countries (India–Japan) or one entity (PM-KISAN, Quad), as link.topics keys it."""

    key: str
    name: str
    kind: str  # pair or entity
    entities: tuple[EntityRef, ...]

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(e.id for e in self.entities)

    def named_in(self, text: str) -> bool:
        return all(e.named_in(text) for e in self.entities)


def _entity(session: Session, entity_id: int | None) -> EntityRef | None:
    row = reads.entity(session, entity_id) if entity_id is not None else None
    if row is None:
        return None
    extra = country_aliases().get(row.name, []) if row.type == "country" else []
    return EntityRef(row.id, row.name, tuple(dict.fromkeys([*row.aliases, *extra])))


def _links(session: Session, article_id: int) -> list[tuple[str, str, str, float, int | None, int | None]]:
    """(key, name, kind, score, entity id, other entity id) of an article, stored or detected now."""
    stored = reads.topic_links(session, article_id)
    if stored:
        return stored
    view = load_view(session, article_id)
    if view is None:
        return []
    return [(t.key, t.name, t.kind, t.score, t.entity_id, t.other_entity_id) for t in detect_topics(session, view)]


def item_topics(session: Session, article_id: int) -> list[Topic]:
    """Topics the item is centrally about, most useful for background first: pairs, then entities."""
    found: list[tuple[int, float, Topic]] = []
    for key, name, kind, score, first, second in _links(session, article_id):
        if kind == "pair" and score >= PAIR_MIN:
            refs = [_entity(session, first), _entity(session, second)]
            order = 0
        elif kind == "entity" and score >= CENTRAL and name != HOME_COUNTRY:
            refs = [_entity(session, first)]
            order = 1
        else:
            continue
        if all(r is not None for r in refs):
            found.append((order, -score, Topic(key, name, kind, tuple(r for r in refs if r is not None))))
    return [t for _, _, t in sorted(found, key=lambda x: (x[0], x[1], x[2].name))]


def stored_links(session: Session, article_ids: list[int]) -> dict[int, list[tuple[str, str, float]]]:
    """(key, kind, score) of the stored topic links of many articles, in one query."""
    out: dict[int, list[tuple[str, str, float]]] = {aid: [] for aid in article_ids}
    if article_ids:
        for article_id, key, kind, score in reads.topic_links_of(session, article_ids):
            out[article_id].append((key, kind, score))
    return out


def aboutness(session: Session, article_id: int, topic: Topic,
              links: list[tuple[str, str, float]] | None = None) -> int:
    """2: the article is about this topic alone; 1: about it among others (a Quad item and each of its pairs);
    0: not about it (a passing mention is not enough). `links` (from stored_links) saves the lookup."""
    if not links:  # none stored: detect them now (a structure-only store)
        links = [(key, kind, score) for key, _, kind, score, _, _ in _links(session, article_id)]
    mine = next((link for link in links if link[0] == topic.key), None)
    if mine is None or (mine[1] == "entity" and mine[2] < CENTRAL):
        return 0
    if topic.kind == "pair" and sum(1 for link in links if link[1] == "pair") > 1:
        return 1
    return 2


EVERYDAY_SHARE = 0.03  # a body in more of the store's items than this (Indian Railways, a ministry) is no topic


def everyday(session: Session, topic: Topic) -> bool:
    """A one-entity topic so common that its other items are not background to this one: they are just more
    news of a big department. (Pairs of countries are threads however often they meet.)"""
    if topic.kind == "pair":
        return False
    limit = max(20, int(reads.article_count(session) * EVERYDAY_SHARE))
    return reads.topic_size_upto(session, topic.key, limit + 1) > limit

"""What a dossier is built from: the topic's newest articles, which of their bullets belong to it, and the
version digest that tells a kept dossier is still current."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.dossier_records import Source
from gistbook.link.topics import CENTRAL
from gistbook.store import dossier_reads
from gistbook.store.topics import Topic

MAX_SOURCES = 5


@dataclass
class Scope:
    """The articles of a topic and which of their bullets belong to it."""

    topic: Topic
    articles: dict[int, dict[str, Any]]
    whole: set[int]  # articles about the topic: all their bullets count
    bullets: set[int] = field(default_factory=set)  # extra bullets (mentioning the topic) in the other articles
    window: list[tuple[Any, ...]] = field(default_factory=list)  # the newest items as read, for the version
    named: list[int] = field(default_factory=list)  # entities whose stored name, aliases or role the dossier shows

    @property
    def ids(self) -> list[int]:
        """The window's article ids, newest first: what every read of the dossier is limited to."""
        return list(self.articles)

    def covers(self, article_id: int, bullet_id: int) -> bool:
        return article_id in self.whole or bullet_id in self.bullets

    def source(self, article_id: int, bullet_id: int) -> Source:
        a = self.articles[article_id]
        return {"article_id": article_id, "bullet_id": bullet_id, "title": a["title"], "published": a["published"]}


def read_scope(session: Session, topic: Topic, max_articles: int, total: int = 0) -> Scope:
    """The topic's newest `max_articles` articles; an entity's articles not about it lend only the bullets that
    name it."""
    window = dossier_reads.newest_of_topic(session, topic.id, max_articles, total)
    articles: dict[int, dict[str, Any]] = {}
    whole: set[int] = set()
    for aid, title, published, category, score, _updated in window:
        articles[aid] = {"article_id": aid, "title": title, "published": published, "category": category,
                         "score": round(score, 3)}
        if topic.kind != "entity" or score >= CENTRAL:
            whole.add(aid)
    scope = Scope(topic, articles, whole, window=window)
    if topic.entity_id is not None and len(whole) < len(articles):
        scope.bullets = dossier_reads.bullets_mentioning(session, scope.ids, topic.entity_id)
    return scope


def add_source(sources: list[Source], source: Source) -> None:
    """At most MAX_SOURCES sources, one per article."""
    if len(sources) < MAX_SOURCES and all(s["article_id"] != source["article_id"] for s in sources):
        sources.append(source)


def version(session: Session, topic: Topic, total: int, window: list[tuple[Any, ...]], entity_ids: list[int]) -> str:
    """A digest of everything a dossier is built from that can change: the topic, its newest items as stored
    (an item edited in place has a new `updated`), and the stored fields of the entities it names."""
    entities = dossier_reads.entity_fields(session, entity_ids)
    parts = (topic.id, topic.name, topic.kind, topic.entity_id, total, [tuple(map(str, r)) for r in window],
             [tuple(map(str, e)) for e in entities])
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]

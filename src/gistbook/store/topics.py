"""Topics and the articles linked to them: the reads and writes of topic detection, the topic index and topic
lookup (link/topics.py decides which topics an article belongs to and how names match)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.models import Topic as Topic  # a topic row, as link/ and the web pages read it

CHUNK = 500  # ids per IN (...) list


def article_title(session: Session, article_id: int) -> str | None:
    """An article's title; None when there is no such article."""
    article = session.get(m.Article, article_id)
    return None if article is None else article.title


def section_headings(session: Session, article_id: int) -> list[str | None]:
    """Headings of an article's sections, in reading order (None for a section without one)."""
    return list(session.scalars(select(m.Section.heading).where(m.Section.article_id == article_id)
                                .order_by(m.Section.position)))


def entity_mentions(session: Session, article_id: int) -> list[tuple[int, str, str, list[str] | None, int]]:
    """(entity id, name, type, aliases, bullet id) of every mention in an article, in the order stored."""
    return [(eid, name, etype, aliases, bid) for eid, name, etype, aliases, bid in session.execute(
        select(m.Entity.id, m.Entity.name, m.Entity.type, m.Entity.aliases, m.Mention.bullet_id)
        .join(m.Mention, m.Mention.entity_id == m.Entity.id)
        .where(m.Mention.article_id == article_id).order_by(m.Mention.id))]


def article_tags(session: Session, article_id: int) -> list[tuple[str, float]]:
    """(syllabus tag, score) of an article, in the order stored."""
    return [(t, s) for t, s in session.execute(select(m.ArticleTag.tag, m.ArticleTag.score)
                                               .where(m.ArticleTag.article_id == article_id)
                                               .order_by(m.ArticleTag.id))]


def headings_of_articles(session: Session, article_ids: list[int]) -> list[tuple[int, str | None]]:
    """(article id, heading) of these articles' sections, each article's in reading order."""
    out: list[tuple[int, str | None]] = []
    for i in range(0, len(article_ids), CHUNK):
        out.extend((aid, h) for aid, h in session.execute(
            select(m.Section.article_id, m.Section.heading).where(m.Section.article_id.in_(article_ids[i:i + CHUNK]))
            .order_by(m.Section.article_id, m.Section.position)))
    return out


def titles_of_articles(session: Session, article_ids: list[int]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for i in range(0, len(article_ids), CHUNK):
        out.extend((aid, title) for aid, title in session.execute(
            select(m.Article.id, m.Article.title).where(m.Article.id.in_(article_ids[i:i + CHUNK]))))
    return out


def entity_mentions_of_articles(session: Session, article_ids: list[int]
                                ) -> list[tuple[int, int, str, str, list[str] | None, int]]:
    """(article id, entity id, name, type, aliases, bullet id) of every mention in these articles."""
    out: list[tuple[int, int, str, str, list[str] | None, int]] = []
    for i in range(0, len(article_ids), CHUNK):
        out.extend(tuple(row) for row in session.execute(  # type: ignore[misc]
            select(m.Mention.article_id, m.Entity.id, m.Entity.name, m.Entity.type, m.Entity.aliases,
                   m.Mention.bullet_id)
            .join(m.Mention, m.Mention.entity_id == m.Entity.id)
            .where(m.Mention.article_id.in_(article_ids[i:i + CHUNK])).order_by(m.Mention.id)))
    return out


def tags_of_articles(session: Session, article_ids: list[int]) -> list[tuple[int, str, float]]:
    """(article id, syllabus tag, score) of these articles, in the order stored."""
    out: list[tuple[int, str, float]] = []
    for i in range(0, len(article_ids), CHUNK):
        out.extend((aid, tag, score) for aid, tag, score in session.execute(
            select(m.ArticleTag.article_id, m.ArticleTag.tag, m.ArticleTag.score)
            .where(m.ArticleTag.article_id.in_(article_ids[i:i + CHUNK])).order_by(m.ArticleTag.id)))
    return out


def country_entity(session: Session, name: str) -> int:
    """The entity row of a country, created when the extractor never saw it."""
    found = session.scalar(select(m.Entity.id).where(m.Entity.name == name, m.Entity.type == "country"))
    if found is not None:
        return int(found)
    row = m.Entity(name=name, type="country", aliases=[], role=None, country=None)
    session.add(row)
    session.flush()
    return row.id


def ensure_topics(session: Session, wanted: list[dict[str, Any]]) -> dict[str, int]:
    """key → id of these topics ({key, name, kind, entity_id, other_entity_id}), creating the missing ones;
    concurrent writers never create the same key twice."""
    if not wanted:
        return {}
    keys = [t["key"] for t in wanted]
    existing = dict(session.execute(select(m.Topic.key, m.Topic.id).where(m.Topic.key.in_(keys))).all())
    rows = [t for t in wanted if t["key"] not in existing]
    if rows:
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            session.execute(pg_insert(m.Topic).values(rows).on_conflict_do_nothing(index_elements=["key"]))
        elif dialect == "sqlite":
            session.execute(sqlite_insert(m.Topic).values(rows).on_conflict_do_nothing(index_elements=["key"]))
        else:
            session.execute(insert(m.Topic), rows)
        existing = dict(session.execute(select(m.Topic.key, m.Topic.id).where(m.Topic.key.in_(keys))).all())
    return existing


def article_topic_ids(session: Session, article_id: int) -> set[int]:
    return set(session.scalars(select(m.TopicArticle.topic_id).where(m.TopicArticle.article_id == article_id)))


def unlink_article(session: Session, article_id: int) -> None:
    """Remove an article's topic links."""
    session.execute(delete(m.TopicArticle).where(m.TopicArticle.article_id == article_id))


def link_articles(session: Session, rows: list[dict[str, Any]]) -> None:
    """Add topic links ({topic_id, article_id, score})."""
    if rows:
        session.execute(insert(m.TopicArticle), rows)


def drop_unused_topics(session: Session, topic_ids: set[int]) -> None:
    """Of these topics, delete those no article links to any more."""
    if topic_ids:
        used = set(session.scalars(select(m.TopicArticle.topic_id).where(m.TopicArticle.topic_id.in_(topic_ids))))
        if topic_ids - used:
            session.execute(delete(m.Topic).where(m.Topic.id.in_(topic_ids - used)))


def fact_counts(session: Session, topic_ids: list[int], min_score: float) -> dict[int, int]:
    """Distinct facts each topic's items state (items scoring at least `min_score`), in one grouped query per
    chunk (not one query per topic)."""
    counts: dict[int, int] = {}
    for i in range(0, len(topic_ids), CHUNK):
        q = (select(m.TopicArticle.topic_id, func.count(func.distinct(m.FactMention.fact_id)))
             .join(m.FactMention, m.FactMention.article_id == m.TopicArticle.article_id)
             .where(m.TopicArticle.topic_id.in_(topic_ids[i:i + CHUNK])).group_by(m.TopicArticle.topic_id))
        if min_score > 0:
            q = q.where(m.TopicArticle.score >= min_score)
        counts.update((int(t), int(n)) for t, n in session.execute(q))
    return counts


def index_version(session: Session) -> str:
    """Changes whenever a topic link or a stated fact is added or removed (two index reads per table, not a scan
    of the data)."""
    parts = [tuple(session.execute(select(func.max(model.id), func.count(model.id))).one())
             for model in (m.TopicArticle, m.FactMention, m.Topic)]
    return ":".join(f"{top or 0}-{n}" for top, n in parts)


def topics_by_size(session: Session, kind: str | None, min_articles: int, limit: int | None,
                   min_score: float) -> list[tuple[int, str, str, str, int]]:
    """(id, name, kind, key, articles) of topics with at least `min_articles` articles scoring `min_score` or
    more (0: every link), most articles first, then by name."""
    arts = select(m.TopicArticle.topic_id, func.count().label("n"))
    if min_score > 0:
        arts = arts.where(m.TopicArticle.score >= min_score)
    counted = arts.group_by(m.TopicArticle.topic_id).subquery()
    q = (select(m.Topic.id, m.Topic.name, m.Topic.kind, m.Topic.key, counted.c.n)
         .join(counted, counted.c.topic_id == m.Topic.id)
         .where(counted.c.n >= min_articles).order_by(counted.c.n.desc(), m.Topic.name))
    if kind:
        q = q.where(m.Topic.kind == kind)
    if limit:
        q = q.limit(limit)
    return [(int(tid), name, k, key, int(n)) for tid, name, k, key, n in session.execute(q).all()]


def topics_of_learner_items(session: Session, user_id: int | None, min_score: float) -> set[int]:
    """Topics of the items the learner has a note on or a card from (each item at least `min_score` about it)."""
    note_owner = m.Note.user_id.is_(None) if user_id is None else m.Note.user_id == user_id
    card_owner = m.Card.user_id.is_(None) if user_id is None else m.Card.user_id == user_id
    noted = select(m.Note.article_id).where(note_owner)
    carded = (select(m.Bullet.article_id).join(m.Card, m.Card.bullet_id == m.Bullet.id).where(card_owner)
              .distinct())
    articles = set(session.scalars(noted)) | set(session.scalars(carded))
    found: set[int] = set()
    ids = sorted(articles)
    for i in range(0, len(ids), CHUNK):
        found.update(session.scalars(select(m.TopicArticle.topic_id).distinct()
                                     .where(m.TopicArticle.article_id.in_(ids[i:i + CHUNK]),
                                            m.TopicArticle.score >= min_score)))
    return found


def topic_by_key(session: Session, key: str) -> Topic | None:
    return session.scalar(select(m.Topic).where(m.Topic.key == key))


def entity_topic_aliases(session: Session) -> list[tuple[int, list[str] | None]]:
    """(entity id, aliases) of every entity that has a topic of its own."""
    return [(eid, aliases) for eid, aliases in session.execute(
        select(m.Entity.id, m.Entity.aliases).join(m.Topic, m.Topic.entity_id == m.Entity.id)
        .where(m.Topic.kind == "entity"))]


def entity_topic(session: Session, entity_id: int) -> Topic | None:
    return session.scalar(select(m.Topic).where(m.Topic.entity_id == entity_id, m.Topic.kind == "entity"))


def topic_names(session: Session) -> list[tuple[str, str]]:
    """(name, key) of every topic."""
    return [(name, key) for name, key in session.execute(select(m.Topic.name, m.Topic.key))]

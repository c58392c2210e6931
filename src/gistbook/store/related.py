"""The reads of related-article scoring (link/related.py scores and explains; these only fetch)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.search import text_neighbours, text_scores

CHUNK = 500  # ids per IN (...) list


def article_heading(session: Session, article_id: int) -> tuple[str, str | None] | None:
    """(title, published) of an article; None when there is no such article."""
    article = session.get(m.Article, article_id)
    return None if article is None else (article.title, article.published)


def article_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(m.Article)) or 0)


def entities_named(session: Session, article_id: int) -> list[tuple[int, str, str]]:
    """(id, name, type) of each entity an article names, once each."""
    return [(eid, name, etype) for eid, name, etype in session.execute(
        select(m.Entity.id, m.Entity.name, m.Entity.type).distinct()
        .join(m.Mention, m.Mention.entity_id == m.Entity.id).where(m.Mention.article_id == article_id))]


def mentions_elsewhere(session: Session, entity_id: int, article_id: int, cap: int) -> int:
    """How often an entity is mentioned outside an article, counted up to `cap` (an index range scan)."""
    inner = (select(m.Mention.id).where(m.Mention.entity_id == entity_id, m.Mention.article_id != article_id)
             .limit(cap).subquery())
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def mention_spread(session: Session, article_ids: list[int], entity_ids: list[int]) -> list[tuple[int, int, int, int]]:
    """(article id, entity id, bullets naming it, position of the first) for these entities in these articles."""
    out: list[tuple[int, int, int, int]] = []
    for chunk in range(0, len(article_ids), CHUNK):
        ids = article_ids[chunk:chunk + CHUNK]
        out.extend((aid, eid, bullets, first) for aid, eid, bullets, first in session.execute(
            select(m.Mention.article_id, m.Mention.entity_id, func.count(func.distinct(m.Mention.bullet_id)),
                   func.min(m.Bullet.position))
            .join(m.Bullet, m.Bullet.id == m.Mention.bullet_id)
            .where(m.Mention.article_id.in_(ids), m.Mention.entity_id.in_(entity_ids))
            .group_by(m.Mention.article_id, m.Mention.entity_id)))
    return out


def topic_entity_type(session: Session, topic_id: int) -> str | None:
    """The type of the entity a topic is about (None for a pair or syllabus topic)."""
    return session.scalar(select(m.Entity.type).join(m.Topic, m.Topic.entity_id == m.Entity.id)
                          .where(m.Topic.id == topic_id))


def topic_size_upto(session: Session, topic_id: int, cap: int) -> int:
    """How many articles a topic has, counted up to `cap`."""
    inner = select(m.TopicArticle.article_id).where(m.TopicArticle.topic_id == topic_id).limit(cap).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def topic_entities(session: Session, topic_id: int) -> list[tuple[str, str, list[str]]] | None:
    """(name, type, aliases) of the one or two entities a topic is about; None when there is no such topic."""
    topic = session.get(m.Topic, topic_id)
    if topic is None:
        return None
    out = []
    for eid in (topic.entity_id, topic.other_entity_id):
        entity = session.get(m.Entity, eid) if eid is not None else None
        if entity is not None:
            out.append((entity.name, entity.type, list(entity.aliases or [])))
    return out


def newest_naming(session: Session, entity_id: int, article_id: int, limit: int) -> list[int]:
    """The newest `limit` other articles that name an entity, newest first."""
    return list(session.scalars(
        select(m.Mention.article_id).where(m.Mention.entity_id == entity_id, m.Mention.article_id != article_id)
        .distinct().order_by(m.Mention.article_id.desc()).limit(limit)))


def titles(session: Session, article_ids: list[int]) -> dict[int, str]:
    return {aid: title for aid, title in session.execute(
        select(m.Article.id, m.Article.title).where(m.Article.id.in_(article_ids)))}


def topics_of(session: Session, article_id: int) -> list[tuple[int, str, str, float]]:
    """(id, name, kind, score) of an article's topics, the ones it is most about first."""
    return [(tid, name, kind, score) for tid, name, kind, score in session.execute(
        select(m.Topic.id, m.Topic.name, m.Topic.kind, m.TopicArticle.score)
        .join(m.TopicArticle, m.TopicArticle.topic_id == m.Topic.id)
        .where(m.TopicArticle.article_id == article_id).order_by(m.TopicArticle.score.desc()))]


def thread_members(session: Session, topic_id: int, article_id: int, min_score: float,
                   limit: int) -> list[tuple[int, str]]:
    """(id, title) of the newest `limit` other articles scoring at least `min_score` for a topic."""
    return [(aid, title) for aid, title in session.execute(
        select(m.TopicArticle.article_id, m.Article.title)
        .join(m.Article, m.Article.id == m.TopicArticle.article_id)
        .where(m.TopicArticle.topic_id == topic_id, m.TopicArticle.article_id != article_id,
               m.TopicArticle.score >= min_score)
        .order_by(m.TopicArticle.article_id.desc()).limit(limit))]


def bullet_texts(session: Session, article_id: int) -> list[str]:
    return list(session.scalars(select(m.Bullet.text).where(m.Bullet.article_id == article_id)))


def text_matches(session: Session, terms: list[str], others: set[int], article_id: int, neighbours: int,
                 depth: int) -> tuple[set[int], dict[int, float]]:
    """Candidates (`others` and the `neighbours` best text matches, less the article itself) and the text score
    of each that has one. PostgreSQL ranks the best matches and scores the other candidates apart; on SQLite one
    ranked FTS5 query serves both: its best few join the candidates, the rest of its `depth` score candidates."""
    if session.get_bind().dialect.name == "postgresql":
        best = dict(text_neighbours(session, terms, limit=neighbours))
        candidates = (others | set(best)) - {article_id}
        return candidates, {**text_scores(session, terms, [c for c in candidates if c not in best]), **best}
    ranked = text_neighbours(session, terms, limit=depth)
    best = dict(ranked[:neighbours])
    candidates = (others | set(best)) - {article_id}
    return candidates, {aid: score for aid, score in ranked if aid in candidates}


def headings_of(session: Session, article_ids: list[int]) -> dict[int, tuple[str, str | None]]:
    """id → (title, published) of these articles."""
    return {aid: (title, published) for aid, title, published in session.execute(
        select(m.Article.id, m.Article.title, m.Article.published).where(m.Article.id.in_(article_ids)))}


def place_names(session: Session, words: list[str]) -> set[str]:
    """Those of the words (case-folded) that are the name of a place or a country."""
    return {str(name).casefold() for name in session.scalars(
        select(m.Entity.name).where(m.Entity.type.in_(("place", "country")),
                                    func.lower(m.Entity.name).in_([t.casefold() for t in words])))}


def people_named(session: Session, article_id: int) -> list[str]:
    """Names of the people an article names (once per mention)."""
    return [str(name) for name in session.scalars(
        select(m.Entity.name).join(m.Mention, m.Mention.entity_id == m.Entity.id)
        .where(m.Mention.article_id == article_id, m.Entity.type == "person"))]


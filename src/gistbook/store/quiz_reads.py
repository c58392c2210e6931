"""Reads the quiz's knowledge base is built from (quiz/kb.py): the whole store's index and the material articles.

Each function returns rows as plain tuples, streamed from the database; the knowledge base folds them into its
own maps. The material reads take one chunk of article ids at a time (the caller keeps the chunks small enough
for a driver's bound-parameter limit).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from gistbook.store import models as m


def store_url(session: Session) -> str:
    """The database a session reads, as a cache key (two stores in one process keep apart)."""
    return str(session.get_bind().engine.url)


def store_version(session: Session) -> tuple[str, ...]:
    """Cheap fingerprint of the store's content, so a cached index is rebuilt after any ingest or delete."""
    parts = [select(func.count(m.Bullet.id)), select(func.max(m.Bullet.id)), select(func.max(m.Article.updated)),
             select(func.count(m.Acronym.id)), select(func.max(m.Mention.id)), select(func.count(m.Entity.id))]
    row = session.execute(select(*(p.scalar_subquery() for p in parts))).one()
    return tuple(str(v) for v in row)


def article_tags(session: Session) -> Iterable[tuple[int, str, float]]:
    """(article id, syllabus tag, score) of every tag, lowest score first (so the highest is read last)."""
    return session.execute(select(m.ArticleTag.article_id, m.ArticleTag.tag, m.ArticleTag.score)
                           .order_by(m.ArticleTag.score))


def article_heads(session: Session) -> Iterable[tuple[int, str, str | None]]:
    """(id, title, published) of every article."""
    return session.execute(select(m.Article.id, m.Article.title, m.Article.published))


def bullet_texts(session: Session) -> Iterable[tuple[int, int, str]]:
    """(bullet id, article id, text) of every bullet, on the session's connection (no ORM rows: 10^5 of them)."""
    return session.connection().execute(select(m.Bullet.id, m.Bullet.article_id, m.Bullet.text))


def entities(session: Session) -> Iterable[tuple[str, str, str | None, str | None, list[str] | None]]:
    """(name, type, role, country, aliases) of every entity."""
    return session.execute(select(m.Entity.name, m.Entity.type, m.Entity.role, m.Entity.country,
                                  m.Entity.aliases))


def person_roles(session: Session) -> Iterable[tuple[str, str]]:
    """(person's name, role) of every mention that gives a person a role."""
    rows = session.execute(select(m.Entity.name, m.Mention.role).join(m.Mention)
                           .where(m.Entity.type == "person", m.Mention.role.is_not(None)))
    return cast("Iterable[tuple[str, str]]", rows)  # the role is never None: the query asks for one


def acronyms(session: Session) -> Iterable[tuple[str, str, int]]:
    """(short, expansion, article id) of every stored acronym."""
    return session.execute(select(m.Acronym.short, m.Acronym.expansion, m.Acronym.article_id))


def material_bullets(session: Session, article_ids: list[int]) -> Iterable[tuple[int, int, int, str, str | None]]:
    """(bullet id, article id, position, section role, section heading) of the bullets of these articles."""
    return session.execute(
        select(m.Bullet.id, m.Bullet.article_id, m.Bullet.position, m.Section.role, m.Section.heading)
        .join(m.Section, m.Section.id == m.Bullet.section_id).where(m.Bullet.article_id.in_(article_ids)))


def material_mentions(session: Session, article_ids: list[int]) -> Iterable[tuple[Any, ...]]:
    """(bullet id, start, end, entity name, type, mention role, mention country, entity role, entity country)."""
    return session.execute(
        select(m.Mention.bullet_id, m.Mention.start, m.Mention.end, m.Entity.name, m.Entity.type,
               m.Mention.role, m.Mention.country, m.Entity.role, m.Entity.country)
        .join(m.Entity, m.Entity.id == m.Mention.entity_id).where(m.Mention.article_id.in_(article_ids)))


def material_times(session: Session, article_ids: list[int]) -> Iterable[tuple[int, int, int, str, str]]:
    """(bullet id, start, end, type, value) of the time expressions of these articles."""
    return session.execute(
        select(m.TimeExpr.bullet_id, m.TimeExpr.start, m.TimeExpr.end, m.TimeExpr.type, m.TimeExpr.value)
        .where(m.TimeExpr.article_id.in_(article_ids)))


def material_figures(session: Session, article_ids: list[int]) -> Iterable[tuple[int, int, int, float, str,
                                                                                  str | None]]:
    """(bullet id, start, end, value, unit, period) of the figures of these articles."""
    return session.execute(
        select(m.Figure.bullet_id, m.Figure.start, m.Figure.end, m.Figure.value, m.Figure.unit, m.Figure.period)
        .where(m.Figure.article_id.in_(article_ids)))


def material_events(session: Session, article_ids: list[int]) -> Iterable[tuple[int, str, str]]:
    """(bullet id, date, text) of the events of these articles."""
    return session.execute(select(m.Event.bullet_id, m.Event.date, m.Event.text)
                           .where(m.Event.article_id.in_(article_ids)))


def topic_articles(session: Session, topic_id: int) -> list[int]:
    """Ids of the articles linked to one topic, in id order."""
    return sorted(session.scalars(select(m.TopicArticle.article_id).where(m.TopicArticle.topic_id == topic_id)))


def articles_naming(session: Session, name: str) -> set[int]:
    """Ids of the articles that mention an entity of this name (compared lower-cased)."""
    return set(session.scalars(select(m.Mention.article_id).join(m.Entity).where(func.lower(m.Entity.name) == name)))


def articles_titled(session: Session, words: str) -> list[int]:
    """Ids of the articles whose title or category contains `words` (case-insensitive), in id order."""
    like = f"%{words}%"
    return sorted(session.scalars(select(m.Article.id).where(or_(m.Article.title.ilike(like),
                                                                  m.Article.category.ilike(like)))))

"""Reads an item's exam page is built from (page/): the item with its sections and bullets, what extraction found
in them, its topic links, and the earlier articles and bullets its background is gathered from.

Rows come back as small records or plain tuples; page/ keeps every rule about what to show. Reads that take
many ids take one chunk at a time (the caller keeps chunks under a driver's bound-parameter limit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from gistbook.store import models as m


@dataclass(frozen=True)
class ArticleHead:
    """What a citation needs of an article."""

    id: int
    title: str
    published: str | None


@dataclass(frozen=True)
class PageArticle(ArticleHead):
    """The item a page is built for: its header, where it came from, and what says it changed."""

    category: str | None
    published_precision: str | None
    author: str | None
    author_note: str | None
    url: str | None
    source_kind: str
    content_hash: str
    updated: dt.datetime


@dataclass(frozen=True)
class SectionRow:
    id: int
    heading: str | None
    role: str


@dataclass(frozen=True)
class BulletRow:
    id: int
    section_id: int
    text: str


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]


def page_article(session: Session, article_id: int) -> PageArticle | None:
    """One stored article with its source's kind, or None."""
    row = session.get(m.Article, article_id)
    if row is None:
        return None
    return PageArticle(row.id, row.title, row.published, row.category, row.published_precision, row.author,
                       row.author_note, row.url, row.source.kind, row.content_hash, row.updated)


def sections_of(session: Session, article_id: int) -> list[SectionRow]:
    """An article's sections in reading order."""
    return [SectionRow(s.id, s.heading, s.role) for s in session.scalars(
        select(m.Section).where(m.Section.article_id == article_id).order_by(m.Section.position))]


def bullets_of(session: Session, article_id: int) -> list[BulletRow]:
    """An article's bullets in reading order."""
    return [BulletRow(b.id, b.section_id, b.text) for b in session.scalars(
        select(m.Bullet).where(m.Bullet.article_id == article_id).order_by(m.Bullet.position))]


def fact_ids_of(session: Session, article_id: int) -> set[int]:
    """The facts (link/facts.py) an article states."""
    return set(session.scalars(select(m.FactMention.fact_id).where(m.FactMention.article_id == article_id)))


def figures_with_sentences(session: Session, article_id: int) -> Iterable[tuple[float, str, str | None, str | None,
                                                                                 str, int, str]]:
    """(value, unit, period, subject, text, bullet id, the bullet's text) of an article's figures, in reading
    order."""
    return session.execute(
        select(m.Figure.value, m.Figure.unit, m.Figure.period, m.Figure.subject, m.Figure.text, m.Figure.bullet_id,
               m.Bullet.text).join(m.Bullet, m.Bullet.id == m.Figure.bullet_id)
        .where(m.Figure.article_id == article_id).order_by(m.Bullet.position, m.Figure.start))


def mention_types(session: Session, article_id: int) -> Iterable[tuple[int, str]]:
    """(bullet id, entity type) of every entity mention in an article."""
    return session.execute(select(m.Mention.bullet_id, m.Entity.type).join(m.Entity, m.Entity.id == m.Mention.entity_id)
                           .where(m.Mention.article_id == article_id))


def time_values(session: Session, article_id: int) -> Iterable[tuple[int, str, str]]:
    """(bullet id, type, value) of every time expression in an article."""
    return session.execute(select(m.TimeExpr.bullet_id, m.TimeExpr.type, m.TimeExpr.value)
                           .where(m.TimeExpr.article_id == article_id))


def figure_bullets(session: Session, article_id: int) -> list[int]:
    """The bullet of each figure in an article (a bullet once per figure)."""
    return list(session.scalars(select(m.Figure.bullet_id).where(m.Figure.article_id == article_id)))


# ---- topics ---------------------------------------------------------------------------------------------------

def entity(session: Session, entity_id: int) -> EntityRow | None:
    row = session.get(m.Entity, entity_id)
    return EntityRow(row.id, row.name, row.type, tuple(row.aliases or [])) if row is not None else None


def topic_links(session: Session, article_id: int) -> list[tuple[str, str, str, float, int | None, int | None]]:
    """(key, name, kind, score, entity id, other entity id) of an article's stored topic links."""
    return [(row[0], row[1], row[2], row[3], row[4], row[5]) for row in session.execute(
        select(m.Topic.key, m.Topic.name, m.Topic.kind, m.TopicArticle.score, m.Topic.entity_id,
               m.Topic.other_entity_id)
        .join(m.TopicArticle, m.TopicArticle.topic_id == m.Topic.id).where(m.TopicArticle.article_id == article_id))]


def topic_links_of(session: Session, article_ids: list[int]) -> Iterable[tuple[int, str, str, float]]:
    """(article id, topic key, topic kind, score) of the stored topic links of many articles, in one query."""
    return session.execute(select(m.TopicArticle.article_id, m.Topic.key, m.Topic.kind, m.TopicArticle.score)
                           .join(m.Topic, m.Topic.id == m.TopicArticle.topic_id)
                           .where(m.TopicArticle.article_id.in_(article_ids)))


def article_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(m.Article)) or 0)


def topic_size_upto(session: Session, topic_key: str, limit: int) -> int:
    """How many articles a topic links, counted no further than `limit`."""
    linked = (select(m.TopicArticle.article_id).join(m.Topic, m.Topic.id == m.TopicArticle.topic_id)
              .where(m.Topic.key == topic_key).limit(limit).subquery())
    return int(session.scalar(select(func.count()).select_from(linked)) or 0)


# ---- background -------------------------------------------------------------------------------------------------

def earlier_articles(session: Session, article_id: int, published: str | None, topic_key: str,
                     entity_ids: Iterable[int], limit: int) -> list[ArticleHead]:
    """The newest `limit` articles before this one (by date, then id) that may be about a topic: those linked to
    it when any links are stored, else (a structure-only store) those naming one of its entities."""
    linked = (select(m.TopicArticle.article_id).join(m.Topic, m.Topic.id == m.TopicArticle.topic_id)
              .where(m.Topic.key == topic_key))
    columns = (m.Article.id, m.Article.title, m.Article.published)
    if session.scalar(linked.limit(1)) is not None:
        query = select(*columns).where(m.Article.id.in_(linked), m.Article.id != article_id)
    else:
        mentioning = select(m.Mention.article_id).where(m.Mention.entity_id.in_(entity_ids))
        query = select(*columns).where(m.Article.id.in_(mentioning), m.Article.id != article_id)
    if published:
        query = query.where(or_(m.Article.published < published,
                                (m.Article.published == published) & (m.Article.id < article_id)))
    return [ArticleHead(*row) for row in session.execute(
        query.order_by(m.Article.published.desc(), m.Article.id.desc()).limit(limit))]


def section_bullets(session: Session, article_ids: list[int], roles: Iterable[str]
                    ) -> Iterable[tuple[int, int, str, str, str | None, int | None]]:
    """(bullet id, article id, text, section role, section heading, fact id) of the bullets of these articles in
    sections of these roles, article by article in reading order."""
    return session.execute(
        select(m.Bullet.id, m.Bullet.article_id, m.Bullet.text, m.Section.role, m.Section.heading,
               m.FactMention.fact_id)
        .join(m.Section, m.Section.id == m.Bullet.section_id)
        .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Bullet.id)
        .where(m.Bullet.article_id.in_(article_ids), m.Section.role.in_(tuple(roles)))
        .order_by(m.Bullet.article_id, m.Bullet.position))


def mentions_among(session: Session, bullet_ids: list[int], entity_ids: Iterable[int]) -> Iterable[tuple[int, int]]:
    """(bullet id, entity id) of the mentions of these entities in these bullets."""
    return session.execute(select(m.Mention.bullet_id, m.Mention.entity_id)
                           .where(m.Mention.bullet_id.in_(bullet_ids), m.Mention.entity_id.in_(entity_ids)))


def dates_in(session: Session, bullet_ids: list[int]) -> Iterable[tuple[int, str, str]]:
    """(bullet id, value, text) of the DATE time expressions in these bullets."""
    return session.execute(select(m.TimeExpr.bullet_id, m.TimeExpr.value, m.TimeExpr.text)
                           .where(m.TimeExpr.bullet_id.in_(bullet_ids), m.TimeExpr.type == "DATE"))

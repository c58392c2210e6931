"""The reads a topic's dossier is built from (link/dossier*.py ranks, groups and merges what these return).

Each read is limited to the dossier's window of articles (`article_ids`, a short list: the window keeps it short
on any store). Rows come back as the driver or SQLAlchemy gives them, in the order the statements give them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.fastsql import in_list, rows

WALK_MIN = 2000  # a topic this large on SQLite is read by walking the date index (see newest_of_topic) ...
WALK_SHARE = 50  # ... when it holds at least 1/50 of the store's articles
_WINDOW_COLUMNS = "a.id, a.title, a.published, a.category, ta.score, a.updated"
_WALK_SQL = (f"SELECT {_WINDOW_COLUMNS} FROM articles a CROSS JOIN topic_articles ta ON ta.article_id = a.id "
             "AND ta.topic_id = :topic ORDER BY a.published DESC, a.id DESC LIMIT :limit")
_JOIN_SQL = (f"SELECT {_WINDOW_COLUMNS} FROM topic_articles ta JOIN articles a ON a.id = ta.article_id "
             "WHERE ta.topic_id = :topic ORDER BY a.published DESC, a.id DESC LIMIT :limit")
_TOTAL_SQL = "SELECT count(*) FROM topic_articles WHERE topic_id = :topic"
_NEWEST_ID_SQL = "SELECT max(id) FROM articles"
_CHUNK = 500  # ids per IN (...) list


def topic_total(session: Session, topic_id: int) -> int:
    """How many articles a topic has (all of them, not only the window)."""
    return int(rows(session, _TOTAL_SQL, {"topic": topic_id})[0][0] or 0)


def newest_of_topic(session: Session, topic_id: int, max_articles: int, total: int) -> list[tuple[Any, ...]]:
    """The topic's newest articles (id, title, published, category, score, updated), as the driver gives them
    (read on every dossier view to check its version). For a topic holding a good share of a large SQLite store,
    newest articles are walked on the publication-date index until enough belong to the topic (a few thousand
    index steps), instead of sorting all of its tens of thousands of articles by date."""
    sql = _JOIN_SQL
    if session.get_bind().dialect.name == "sqlite" and total >= WALK_MIN:
        newest = int(rows(session, _NEWEST_ID_SQL, {})[0][0] or 0)
        if total * WALK_SHARE >= newest:
            sql = _WALK_SQL
    return [tuple(r) for r in rows(session, sql, {"topic": topic_id, "limit": max_articles})]


def _in(model: Any, article_ids: list[int]) -> Any:
    return model.article_id.in_(article_ids or [-1])


def bullets_mentioning(session: Session, article_ids: list[int], entity_id: int) -> set[int]:
    """Bullets of these articles that name the entity."""
    q = select(m.Mention.bullet_id).where(_in(m.Mention, article_ids), m.Mention.entity_id == entity_id)
    return set(session.scalars(q))


def things_named(session: Session, article_ids: list[int]) -> list[tuple[int, int]]:
    """(bullet id, entity id) of every named thing but countries and places in these articles."""
    q = (select(m.Mention.bullet_id, m.Mention.entity_id)
         .join(m.Entity, m.Entity.id == m.Mention.entity_id)
         .where(_in(m.Mention, article_ids))
         .where(m.Entity.type.not_in(["country", "place"])))
    return [(bullet_id, entity_id) for bullet_id, entity_id in session.execute(q)]


def events_with_facts(session: Session, article_ids: list[int]) -> list[Any]:
    """Every event of these articles: (date, sort key, text, bullet id, article id, fact id of its bullet)."""
    q = (select(m.Event.date, m.Event.sort_key, m.Event.text, m.Event.bullet_id, m.Event.article_id,
                m.FactMention.fact_id)
         .where(_in(m.Event, article_ids))
         .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Event.bullet_id))
    return list(session.execute(q))


def figure_rows(session: Session, article_ids: list[int]) -> list[Any]:
    """Figures of these articles outside way-forward sections: (value, unit, period, subject, text, bullet id,
    article id, bullet text, section role, start)."""
    q = (select(m.Figure.value, m.Figure.unit, m.Figure.period, m.Figure.subject, m.Figure.text,
                m.Figure.bullet_id, m.Figure.article_id, m.Bullet.text, m.Section.role, m.Figure.start)
         .join(m.Bullet, m.Bullet.id == m.Figure.bullet_id)
         .join(m.Section, m.Section.id == m.Bullet.section_id)
         .where(_in(m.Figure, article_ids), m.Section.role != "way_forward"))
    return list(session.execute(q))


def entity_of(session: Session, entity_id: int | None) -> tuple[str, str, list[str]] | None:
    """(name, type, aliases) of an entity; None for no id or no such entity."""
    entity = session.get(m.Entity, entity_id) if entity_id is not None else None
    if entity is None:
        return None
    return entity.name, entity.type, list(entity.aliases or [])


def typed_mentions(session: Session, bullet_ids: Iterable[int], types: Iterable[str]
                   ) -> list[tuple[int, int, int, int]]:
    """(bullet id, entity id, start, end) of the mentions, in these bullets, of entities of these types."""
    q = (select(m.Mention.bullet_id, m.Mention.entity_id, m.Mention.start, m.Mention.end)
         .join(m.Entity, m.Entity.id == m.Mention.entity_id)
         .where(m.Mention.bullet_id.in_(list(bullet_ids)), m.Entity.type.in_(list(types))))
    return [(bid, eid, start, end) for bid, eid, start, end in session.execute(q)]


def named_thing_mentions(session: Session, article_ids: list[int], types: list[str]) -> list[Any]:
    """Mentions of entities of these types in these articles: (entity id, name, type, aliases, role, country,
    the mention's role, the mention's country, bullet id, article id)."""
    q = (select(m.Entity.id, m.Entity.name, m.Entity.type, m.Entity.aliases, m.Entity.role, m.Entity.country,
                m.Mention.role, m.Mention.country, m.Mention.bullet_id, m.Mention.article_id)
         .join(m.Mention, m.Mention.entity_id == m.Entity.id)
         .where(_in(m.Mention, article_ids))
         .where(m.Entity.type.in_(types)))
    return list(session.execute(q))


def bullets_in_roles(session: Session, article_ids: list[int], roles: Iterable[str]) -> list[Any]:
    """Bullets of sections with these roles, newest article first, in reading order: (bullet id, text,
    article id, section role, fact id)."""
    q = (select(m.Bullet.id, m.Bullet.text, m.Bullet.article_id, m.Section.role, m.FactMention.fact_id)
         .join(m.Section, m.Section.id == m.Bullet.section_id)
         .where(_in(m.Bullet, article_ids))
         .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Bullet.id)
         .where(m.Section.role.in_(list(roles))).order_by(m.Bullet.article_id.desc(), m.Bullet.position))
    return list(session.execute(q))


def bullets_with_facts(session: Session, article_ids: list[int]) -> list[Any]:
    """Every bullet of these articles with its fact: (bullet id, text, article id, fact id), in reading order
    within each chunk of articles."""
    found: list[Any] = []
    for i in range(0, len(article_ids), _CHUNK):
        found.extend(session.execute(
            select(m.Bullet.id, m.Bullet.text, m.Bullet.article_id, m.FactMention.fact_id)
            .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Bullet.id)
            .where(m.Bullet.article_id.in_(article_ids[i:i + _CHUNK])).order_by(m.Bullet.position)))
    return found


def facts_stated_before(session: Session, article_ids: list[int], fact_ids: list[int], since: str) -> set[int]:
    """Those of the facts that one of these articles, published before `since`, already stated."""
    old: set[int] = set()
    for i in range(0, len(fact_ids), _CHUNK):
        old.update(session.scalars(
            select(m.FactMention.fact_id).join(m.Article, m.Article.id == m.FactMention.article_id)
            .where(_in(m.FactMention, article_ids))
            .where(m.FactMention.fact_id.in_(fact_ids[i:i + _CHUNK]), m.Article.published < since)))
    return old


def entity_fields(session: Session, entity_ids: list[int]) -> list[Any]:
    """The stored fields a dossier shows of each entity (id, name, type, aliases, role, country), by id."""
    listed, params = in_list("e", entity_ids)
    return rows(session, f"SELECT id, name, type, aliases, role, country FROM entities WHERE id IN {listed} "
                "ORDER BY id", params)

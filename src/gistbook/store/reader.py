"""Read stored articles back as the plain JSON shapes of the CLI contract."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.fastsql import json_value, rows


def list_articles(session: Session, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    bullets = (select(m.Bullet.article_id, func.count().label("n")).group_by(m.Bullet.article_id).subquery())
    q = (select(m.Article, m.Source.uri, bullets.c.n).join(m.Source, m.Source.id == m.Article.source_id)
         .outerjoin(bullets, bullets.c.article_id == m.Article.id)
         .order_by(m.Article.published.desc(), m.Article.id.desc()).offset(offset))
    if limit:
        q = q.limit(limit)
    return [
        {"id": a.id, "title": a.title, "category": a.category, "published": a.published, "author": a.author,
         "source": uri, "bullets": n or 0}
        for a, uri, n in session.execute(q)
    ]


# The article page runs these on every visit, so they go straight to the driver (store/fastsql.py). Quoted "end"
# is a reserved word in both SQLite and PostgreSQL.
_ARTICLE = ("SELECT a.id, a.title, a.category, a.published, a.published_precision, a.published_reason, a.author, "
            "a.author_note, a.url, s.uri FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = :aid")
_SECTIONS = "SELECT id, heading, role FROM sections WHERE article_id = :aid ORDER BY position"
_BULLETS = "SELECT id, section_id, text FROM bullets WHERE article_id = :aid ORDER BY position"
_MENTIONS = ("SELECT e.id, e.name, e.type, e.aliases, m.role, e.role, m.country, e.country, m.bullet_id, m.start, "
             'm."end" FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = :aid '
             "ORDER BY m.bullet_id, m.start")
_TIMEX = 'SELECT text, start, "end", bullet_id, type, value FROM time_exprs WHERE article_id = :aid ORDER BY id'
_EVENTS = "SELECT date, text, bullet_id FROM events WHERE article_id = :aid ORDER BY sort_key, id"
_FIGURES = "SELECT value, unit, period, subject, text, bullet_id FROM figures WHERE article_id = :aid ORDER BY id"
_ACRONYMS = "SELECT short, expansion FROM acronyms WHERE article_id = :aid ORDER BY short"
_TAGS = "SELECT tag FROM article_tags WHERE article_id = :aid ORDER BY score DESC"
_META = ("id", "title", "category", "published", "published_precision", "published_reason", "author",
         "author_note", "url")


def get_article(session: Session, article_id: int) -> dict[str, Any] | None:
    params = {"aid": article_id}
    found = rows(session, _ARTICLE, params)
    if not found:
        return None
    out = dict(zip(_META, found[0][:-1], strict=True))
    out["source"] = found[0][-1]
    by_section: dict[int, list[dict[str, Any]]] = {}
    for bullet_id, section_id, bullet_text in rows(session, _BULLETS, params):
        by_section.setdefault(section_id, []).append({"id": bullet_id, "text": bullet_text})
    out["sections"] = [{"heading": heading, "role": role, "bullets": by_section.get(section_id, [])}
                       for section_id, heading, role in rows(session, _SECTIONS, params)]
    out.update(extraction_of(session, article_id))
    return out


def extraction_of(session: Session, article_id: int) -> dict[str, Any]:
    params = {"aid": article_id}
    entities: dict[int, dict[str, Any]] = {}
    mentions = []
    for ent_id, name, etype, aliases, m_role, e_role, m_country, e_country, bullet_id, start, end in \
            rows(session, _MENTIONS, params):
        if ent_id not in entities:
            entities[ent_id] = {"id": ent_id, "name": name, "type": etype, "aliases": json_value(aliases) or [],
                                "role": m_role or e_role, "country": m_country or e_country}
        mentions.append({"entity_id": ent_id, "bullet_id": bullet_id, "start": start, "end": end})
    return {
        "entities": list(entities.values()),
        "mentions": mentions,
        "time_expressions": [{"text": t, "start": s, "end": e, "bullet_id": b, "type": ty, "value": v}
                             for t, s, e, b, ty, v in rows(session, _TIMEX, params)],
        "timeline": [{"date": d, "text": t, "bullet_id": b} for d, t, b in rows(session, _EVENTS, params)],
        "figures": [{"value": v, "unit": u, "period": p, "subject": s, "text": t, "bullet_id": b}
                    for v, u, p, s, t, b in rows(session, _FIGURES, params)],
        "acronyms": dict(rows(session, _ACRONYMS, params)),
        "syllabus": [tag for (tag,) in rows(session, _TAGS, params)],
    }


def timeline(session: Session, limit: int | None = None, *, article_ids: list[int] | None = None,
             since: str | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Stored events, oldest first, with the article each came from; filtered in the query (articles, `since` on
    the event's date), paged by `limit` and `offset`, never capped."""
    q = (select(m.Event.date, m.Event.text, m.Event.bullet_id, m.Event.article_id, m.Article.title,
                m.Article.published).join(m.Article, m.Article.id == m.Event.article_id)
         .order_by(m.Event.sort_key, m.Event.id))  # plain columns: a key timeline reads thousands of rows
    if article_ids is not None:
        q = q.where(m.Event.article_id.in_(article_ids or [-1]))
    if since:
        q = q.where(m.Event.sort_key >= since)
    if offset:
        q = q.offset(offset)
    if limit:
        q = q.limit(limit)
    return [{"date": date, "text": text, "bullet_id": bid, "article_id": aid, "title": title, "published": pub,
             "sources": [{"article_id": aid, "bullet_id": bid}]}
            for date, text, bid, aid, title, pub in session.execute(q)]


def topic_article_ids(session: Session, topic_id: int) -> list[int]:
    return list(session.scalars(select(m.TopicArticle.article_id).where(m.TopicArticle.topic_id == topic_id)))


def all_article_ids(session: Session) -> list[int]:
    """Every stored article's id, oldest first."""
    return list(session.scalars(select(m.Article.id).order_by(m.Article.id)))

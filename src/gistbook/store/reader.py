"""Read stored articles back as the plain JSON shapes of the CLI contract."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gistbook.store import models as m


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


def article_meta(a: m.Article) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "category": a.category, "published": a.published,
            "published_precision": a.published_precision, "published_reason": a.published_reason,
            "author": a.author, "author_note": a.author_note, "url": a.url}


def get_article(session: Session, article_id: int) -> dict[str, Any] | None:
    a = session.get(m.Article, article_id)
    if a is None:
        return None
    out = article_meta(a)
    out["source"] = a.source.uri
    sections = list(session.scalars(select(m.Section).where(m.Section.article_id == a.id).order_by(m.Section.position)))
    bullets = list(session.scalars(select(m.Bullet).where(m.Bullet.article_id == a.id).order_by(m.Bullet.position)))
    by_section: dict[int, list[m.Bullet]] = {}
    for b in bullets:
        by_section.setdefault(b.section_id, []).append(b)
    out["sections"] = [
        {"heading": s.heading, "role": s.role,
         "bullets": [{"id": b.id, "text": b.text} for b in by_section.get(s.id, [])]}
        for s in sections
    ]
    out.update(extraction_of(session, a.id))
    return out


def extraction_of(session: Session, article_id: int) -> dict[str, Any]:
    ents = session.execute(
        select(m.Entity, m.Mention).join(m.Mention, m.Mention.entity_id == m.Entity.id)
        .where(m.Mention.article_id == article_id).order_by(m.Mention.bullet_id, m.Mention.start)
    )
    entities: dict[int, dict[str, Any]] = {}
    mentions = []
    for ent, men in ents:
        if ent.id not in entities:
            entities[ent.id] = {"id": ent.id, "name": ent.name, "type": ent.type, "aliases": ent.aliases or [],
                                "role": men.role or ent.role, "country": men.country or ent.country}
        mentions.append({"entity_id": ent.id, "bullet_id": men.bullet_id, "start": men.start, "end": men.end})
    timex = session.scalars(select(m.TimeExpr).where(m.TimeExpr.article_id == article_id).order_by(m.TimeExpr.id))
    events = session.scalars(select(m.Event).where(m.Event.article_id == article_id)
                             .order_by(m.Event.sort_key, m.Event.id))
    figures = session.scalars(select(m.Figure).where(m.Figure.article_id == article_id).order_by(m.Figure.id))
    acronyms = session.scalars(select(m.Acronym).where(m.Acronym.article_id == article_id).order_by(m.Acronym.short))
    tags = session.scalars(select(m.ArticleTag).where(m.ArticleTag.article_id == article_id)
                           .order_by(m.ArticleTag.score.desc()))
    return {
        "entities": list(entities.values()),
        "mentions": mentions,
        "time_expressions": [{"text": t.text, "start": t.start, "end": t.end, "bullet_id": t.bullet_id,
                              "type": t.type, "value": t.value} for t in timex],
        "timeline": [{"date": e.date, "text": e.text, "bullet_id": e.bullet_id} for e in events],
        "figures": [{"value": f.value, "unit": f.unit, "period": f.period, "subject": f.subject, "text": f.text,
                     "bullet_id": f.bullet_id} for f in figures],
        "acronyms": {a.short: a.expansion for a in acronyms},
        "syllabus": [t.tag for t in tags],
    }


def timeline(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """Every stored event, oldest first, with the article it came from."""
    q = (select(m.Event, m.Article.title, m.Article.published).join(m.Article, m.Article.id == m.Event.article_id)
         .order_by(m.Event.sort_key, m.Event.id).limit(limit))
    return [{"date": e.date, "text": e.text, "bullet_id": e.bullet_id, "article_id": e.article_id,
             "title": title, "published": pub} for e, title, pub in session.execute(q)]

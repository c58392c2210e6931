"""Write one article (and its extraction) in one transaction, keeping ids of unchanged bullets."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from gistbook import records
from gistbook.records import date_sort_key
from gistbook.store import models as m

SaveStatus = Literal["ingested", "updated", "unchanged"]


def save_article(session: Session, art: records.Article, ext: records.Extraction | None) -> tuple[int, SaveStatus]:
    """Insert, update in place, or leave alone; the caller owns the transaction."""
    source = session.scalar(select(m.Source).where(m.Source.uri == art.uri))
    if source is not None:
        row = session.scalar(select(m.Article).where(m.Article.source_id == source.id))
        if row is not None and source.content_hash == art.content_hash and (row.extracted or ext is None):
            return row.id, "unchanged"
    else:
        same = session.scalar(select(m.Article).where(m.Article.content_hash == art.content_hash).limit(1))
        if same is not None and (same.extracted or ext is None):
            return same.id, "unchanged"
        row = None
    if source is None:
        source = m.Source(kind=art.kind, uri=art.uri, content_hash=art.content_hash)
        session.add(source)
        session.flush()
    source.content_hash = art.content_hash
    source.kind = art.kind
    status: SaveStatus = "updated" if row is not None else "ingested"
    if row is None:
        row = m.Article(source_id=source.id, title=art.title, content_hash=art.content_hash)
        session.add(row)
    _copy_meta(row, art)
    row.updated = m.utcnow()
    session.flush()
    is_new = status == "ingested"
    bullet_ids = _write_structure(session, row, art, is_new)
    _write_extraction(session, row.id, bullet_ids, ext, is_new)
    row.extracted = ext is not None
    for bullet, bullet_id in zip(art.bullets(), bullet_ids):
        bullet.id = bullet_id
    art.id = row.id
    return row.id, status


def _copy_meta(row: m.Article, art: records.Article) -> None:
    row.title = art.title
    row.category = art.category
    row.published = art.published
    row.published_precision = art.published_precision
    row.published_reason = art.published_reason
    row.author = art.author
    row.author_note = art.author_note
    row.url = art.url
    row.content_hash = art.content_hash


def _write_structure(session: Session, row: m.Article, art: records.Article, is_new: bool) -> list[int]:
    """Sections are reused by position; a bullet whose text is unchanged keeps its id (notes point at it)."""
    old_sections: list[m.Section] = []
    old_bullets: dict[str, list[m.Bullet]] = defaultdict(list)
    if not is_new:
        old_sections = list(session.scalars(select(m.Section).where(m.Section.article_id == row.id)
                                            .order_by(m.Section.position)))
        for b in session.scalars(select(m.Bullet).where(m.Bullet.article_id == row.id)
                                 .order_by(m.Bullet.position)):
            old_bullets[b.text].append(b)
    section_rows: list[m.Section] = []
    for pos, sec in enumerate(art.sections):
        if pos < len(old_sections):
            srow = old_sections[pos]
            srow.heading, srow.role = sec.heading, sec.role
        else:
            srow = m.Section(article_id=row.id, position=pos, heading=sec.heading, role=sec.role)
            session.add(srow)
        section_rows.append(srow)
    session.flush()
    bullet_rows: list[m.Bullet] = []
    position = 0
    for srow, sec in zip(section_rows, art.sections):
        for bullet in sec.bullets:
            reused = old_bullets[bullet.text].pop(0) if old_bullets.get(bullet.text) else None
            if reused is not None:
                reused.section_id, reused.position = srow.id, position
                bullet_rows.append(reused)
            else:
                brow = m.Bullet(article_id=row.id, section_id=srow.id, position=position, text=bullet.text)
                session.add(brow)
                bullet_rows.append(brow)
            position += 1
    stale = [b.id for rows in old_bullets.values() for b in rows]
    if stale:
        session.execute(delete(m.Bullet).where(m.Bullet.id.in_(stale)))
    for srow in old_sections[len(art.sections):]:
        session.delete(srow)
    session.flush()
    return [b.id for b in bullet_rows]


def _write_extraction(session: Session, article_id: int, bullet_ids: list[int], ext: records.Extraction | None,
                      is_new: bool) -> None:
    if not is_new:
        for model in (m.Mention, m.TimeExpr, m.Event, m.Figure, m.Acronym, m.ArticleTag):
            session.execute(delete(model).where(model.article_id == article_id))
    if ext is None:
        return
    entity_ids = _upsert_entities(session, ext.entities)
    session.add_all(
        m.Mention(entity_id=entity_ids[(e.name, e.type)], article_id=article_id, bullet_id=bullet_ids[e.bullet_no],
                  start=e.start, end=e.end, role=e.role, country=e.country)
        for e in ext.entities
    )
    session.add_all(
        m.TimeExpr(article_id=article_id, bullet_id=bullet_ids[t.bullet_no], text=t.text, start=t.start, end=t.end,
                   type=t.type, value=t.value)
        for t in ext.time_expressions
    )
    session.add_all(
        m.Event(article_id=article_id, bullet_id=bullet_ids[ev.bullet_no], date=ev.date,
                sort_key=date_sort_key(ev.date), text=ev.text)
        for ev in ext.events
    )
    session.add_all(
        m.Figure(article_id=article_id, bullet_id=bullet_ids[f.bullet_no], value=f.value, unit=f.unit,
                 period=f.period, subject=f.subject, text=f.text, start=f.start, end=f.end)
        for f in ext.figures
    )
    session.add_all(m.Acronym(article_id=article_id, short=s, expansion=x) for s, x in ext.acronyms.items())
    session.add_all(m.ArticleTag(article_id=article_id, tag=t, score=sc) for t, sc in ext.syllabus)


def merge_mentions(mentions: list[records.EntityMention]) -> tuple[dict[tuple[str, str], records.EntityMention],
                                                                     dict[tuple[str, str], set[str]]]:
    """Per (canonical name, type): the mention that speaks for the entity (the latest with an office) and
    every alias seen."""
    wanted: dict[tuple[str, str], records.EntityMention] = {}
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in mentions:
        key = (e.name, e.type)
        wanted.setdefault(key, e)
        if e.role:
            wanted[key] = e
        aliases[key].update(a for a in e.aliases if a and a != e.name)
    return wanted, aliases


def _upsert_entities(session: Session, mentions: list[records.EntityMention]) -> dict[tuple[str, str], int]:
    """One row per (canonical name, type); aliases accumulate, the latest office wins."""
    wanted, aliases = merge_mentions(mentions)
    if not wanted:
        return {}
    names = {k[0] for k in wanted}
    existing = {(r.name, r.type): r for r in session.scalars(select(m.Entity).where(m.Entity.name.in_(names)))}
    ids: dict[tuple[str, str], int] = {}
    for key, e in wanted.items():
        row = existing.get(key)
        if row is None:
            row = m.Entity(name=e.name, type=e.type, aliases=sorted(aliases[key]), role=e.role, country=e.country)
            session.add(row)
        else:
            merged = sorted(set(row.aliases or []) | aliases[key])
            if merged != (row.aliases or []):
                row.aliases = merged
            if e.role:
                row.role = e.role
            if e.country and not row.country:
                row.country = e.country
        existing[key] = row
    session.flush()
    for key in wanted:
        ids[key] = existing[key].id
    return ids

"""Write many articles in one transaction: brand-new ones with one multi-row insert per table.

`save_article` builds ORM objects and flushes several times per article (about 10 ms each); a bulk load of
100,000 notes would spend most of its time there. `save_many` stores the same rows: new articles go through
Core inserts, and anything already stored (same uri or same content) goes through `save_article` unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from gistbook import records
from gistbook.records import date_sort_key
from gistbook.store import models as m
from gistbook.store.writer import SaveStatus, merge_mentions, save_article

Item = tuple[records.Article, records.Extraction | None]


@dataclass
class _EntityState:
    id: int | None  # None until inserted
    aliases: list[str]
    role: str | None
    country: str | None
    dirty: bool = False


@dataclass
class _Entities:
    """Entity rows touched by the batch, updated in memory as save_article would, written once at the end."""

    rows: dict[tuple[str, str], _EntityState] = field(default_factory=dict)
    new: list[tuple[str, str]] = field(default_factory=list)

    def load(self, session: Session, names: set[str]) -> None:
        wanted = sorted(names)
        for i in range(0, len(wanted), 500):
            for eid, name, etype, aliases, role, country in session.execute(
                    select(m.Entity.id, m.Entity.name, m.Entity.type, m.Entity.aliases, m.Entity.role,
                           m.Entity.country).where(m.Entity.name.in_(wanted[i:i + 500]))):
                self.rows[(name, etype)] = _EntityState(eid, list(aliases or []), role, country)

    def upsert(self, mentions: list[records.EntityMention]) -> None:
        """The same merge as writer._upsert_entities: aliases accumulate, the latest office wins."""
        wanted, aliases = merge_mentions(mentions)
        for key, e in wanted.items():
            row = self.rows.get(key)
            if row is None:
                self.rows[key] = _EntityState(None, sorted(aliases[key]), e.role, e.country)
                self.new.append(key)
                continue
            merged = sorted(set(row.aliases) | aliases[key])
            if merged != row.aliases:
                row.aliases, row.dirty = merged, True
            if e.role and e.role != row.role:
                row.role, row.dirty = e.role, True
            if e.country and not row.country:
                row.country, row.dirty = e.country, True

    def write(self, session: Session) -> None:
        if self.new:
            rows = [{"name": k[0], "type": k[1], "aliases": self.rows[k].aliases, "role": self.rows[k].role,
                     "country": self.rows[k].country} for k in self.new]
            ids = _insert_ids(session, m.Entity, rows)
            for key, eid in zip(self.new, ids):
                self.rows[key].id = eid
        changed = [{"id": r.id, "aliases": r.aliases, "role": r.role, "country": r.country}
                   for r in self.rows.values() if r.dirty and r.id is not None]
        if changed:
            session.execute(update(m.Entity), changed)
            for obj in list(session.identity_map.values()):  # ORM copies loaded earlier are now stale
                if isinstance(obj, m.Entity):
                    session.expire(obj)

    def id_of(self, name: str, etype: str) -> int:
        eid = self.rows[(name, etype)].id
        assert eid is not None
        return eid


def _insert_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows and return their new ids in row order (RETURNING, batched by SQLAlchemy)."""
    if not rows:
        return []
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return [int(r[0]) for r in session.execute(stmt, rows)]


def _stored(session: Session, items: list[Item]) -> tuple[set[str], set[str]]:
    uris = [a.uri for a, _ in items]
    hashes = [a.content_hash for a, _ in items]
    known_uris: set[str] = set()
    known_hashes: set[str] = set()
    for i in range(0, len(items), 500):
        known_uris.update(session.scalars(select(m.Source.uri).where(m.Source.uri.in_(uris[i:i + 500]))))
        known_hashes.update(session.scalars(select(m.Article.content_hash)
                                            .where(m.Article.content_hash.in_(hashes[i:i + 500]))))
    return known_uris, known_hashes


def save_many(session: Session, items: list[Item]) -> list[tuple[int, SaveStatus]]:
    """Store items in order, in the caller's transaction; the same rows and statuses as save_article one by one."""
    session.flush()
    known_uris, known_hashes = _stored(session, items)
    results: list[tuple[int, SaveStatus] | None] = [None] * len(items)
    fresh: list[int] = []
    for n, (art, ext) in enumerate(items):
        if art.uri in known_uris or art.content_hash in known_hashes:
            _write_new(session, items, fresh, results)  # earlier items first: save_article must see them
            fresh = []
            results[n] = save_article(session, art, ext)
            session.flush()
        else:
            fresh.append(n)
        known_uris.add(art.uri)
        known_hashes.add(art.content_hash)
    _write_new(session, items, fresh, results)
    return [r for r in results if r is not None]


def _write_new(session: Session, items: list[Item], which: list[int], results: list[Any]) -> None:
    """Insert articles known to be new: sources, articles, sections, bullets, then everything extracted."""
    if not which:
        return
    batch = [items[n] for n in which]
    now = m.utcnow()
    source_ids = _insert_ids(session, m.Source, [{"kind": a.kind, "uri": a.uri, "content_hash": a.content_hash,
                                                  "fetched": now} for a, _ in batch])
    article_ids = _insert_ids(session, m.Article, [
        {"source_id": sid, "title": a.title, "category": a.category, "published": a.published,
         "published_precision": a.published_precision, "published_reason": a.published_reason,
         "author": a.author, "author_note": a.author_note, "url": a.url, "content_hash": a.content_hash,
         "extracted": e is not None, "ingested": now, "updated": now}
        for sid, (a, e) in zip(source_ids, batch)])
    section_ids = iter(_insert_ids(session, m.Section, [
        {"article_id": aid, "position": pos, "heading": sec.heading, "role": sec.role}
        for aid, (a, _) in zip(article_ids, batch) for pos, sec in enumerate(a.sections)]))
    bullet_rows = []
    for aid, (a, _) in zip(article_ids, batch):
        position = 0
        for sec in a.sections:
            sid = next(section_ids)
            for bullet in sec.bullets:
                bullet_rows.append({"article_id": aid, "section_id": sid, "position": position, "text": bullet.text})
                position += 1
    bullet_ids = iter(_insert_ids(session, m.Bullet, bullet_rows))
    per_article: list[list[int]] = []
    for aid, (a, _) in zip(article_ids, batch):
        ids = [next(bullet_ids) for _ in a.bullets()]
        per_article.append(ids)
        for bullet, bid in zip(a.bullets(), ids):
            bullet.id = bid
        a.id = aid
    _write_extractions(session, batch, article_ids, per_article)
    for n, aid in zip(which, article_ids):
        results[n] = (aid, "ingested")


def _write_extractions(session: Session, batch: list[Item], article_ids: list[int],
                       bullet_ids: list[list[int]]) -> None:
    entities = _Entities()
    entities.load(session, {e.name for _, ext in batch if ext for e in ext.entities})
    for _, ext in batch:
        if ext is not None:
            entities.upsert(ext.entities)
    entities.write(session)
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for aid, bids, (_, ext) in zip(article_ids, bullet_ids, batch):
        if ext is None:
            continue
        rows[m.Mention] += [{"entity_id": entities.id_of(e.name, e.type), "article_id": aid,
                             "bullet_id": bids[e.bullet_no], "start": e.start, "end": e.end, "role": e.role,
                             "country": e.country} for e in ext.entities]
        rows[m.TimeExpr] += [{"article_id": aid, "bullet_id": bids[t.bullet_no], "text": t.text, "start": t.start,
                              "end": t.end, "type": t.type, "value": t.value} for t in ext.time_expressions]
        rows[m.Event] += [{"article_id": aid, "bullet_id": bids[ev.bullet_no], "date": ev.date,
                           "sort_key": date_sort_key(ev.date), "text": ev.text} for ev in ext.events]
        rows[m.Figure] += [{"article_id": aid, "bullet_id": bids[f.bullet_no], "value": f.value, "unit": f.unit,
                            "period": f.period, "subject": f.subject, "text": f.text, "start": f.start,
                            "end": f.end} for f in ext.figures]
        rows[m.Acronym] += [{"article_id": aid, "short": s, "expansion": x} for s, x in ext.acronyms.items()]
        rows[m.ArticleTag] += [{"article_id": aid, "tag": t, "score": sc} for t, sc in ext.syllabus]
    for model, values in rows.items():
        if values:
            session.execute(insert(model), values)

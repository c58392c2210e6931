"""Facts, their mentions and their LSH band keys (table fact_keys): the reads and writes of fact dedup.

link/facts.py decides which fact each bullet states; these functions only read and write the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.search import fact_keys

CHUNK = 500  # ids per IN (...) list


def article_bullets(session: Session, article_id: int) -> list[tuple[int, str]]:
    """(bullet id, text) of an article, in reading order."""
    return [(bid, text) for bid, text in session.execute(
        select(m.Bullet.id, m.Bullet.text).where(m.Bullet.article_id == article_id).order_by(m.Bullet.position))]


def bullets_of_articles(session: Session, article_ids: list[int]) -> list[tuple[int, int, str]]:
    """(bullet id, article id, text) of these articles, each article's in reading order."""
    out: list[tuple[int, int, str]] = []
    for i in range(0, len(article_ids), CHUNK):
        out.extend((bid, aid, text) for bid, aid, text in session.execute(
            select(m.Bullet.id, m.Bullet.article_id, m.Bullet.text)
            .where(m.Bullet.article_id.in_(article_ids[i:i + CHUNK]))
            .order_by(m.Bullet.article_id, m.Bullet.position)))
    return out


def article_fact_ids(session: Session, article_id: int) -> set[int]:
    """The facts an article's bullets state now."""
    return set(session.scalars(select(m.FactMention.fact_id).where(m.FactMention.article_id == article_id)))


def forget_article_mentions(session: Session, article_id: int) -> None:
    session.execute(delete(m.FactMention).where(m.FactMention.article_id == article_id))


def fact_ids_by_hash(session: Session, hashes: Iterable[str]) -> dict[str, int]:
    """hash → id of the stored facts with these hashes (one query: pass at most CHUNK)."""
    return {h: int(i) for h, i in session.execute(select(m.Fact.hash, m.Fact.id).where(m.Fact.hash.in_(list(hashes))))}


def insert_facts(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert facts ({text, hash, signature}), skipping hashes another process stored meanwhile (server mode runs
    several writers)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":  # executemany: SQLAlchemy batches the rows, no giant statement to compile
        session.execute(pg_insert(m.Fact).on_conflict_do_nothing(index_elements=["hash"]), rows)
    elif dialect == "sqlite":
        session.execute(sqlite_insert(m.Fact).on_conflict_do_nothing(index_elements=["hash"]), rows)
    else:
        session.execute(insert(m.Fact), rows)


def file_keys(session: Session, rows: list[dict[str, int]]) -> None:
    """File facts under band keys ({key, fact_id})."""
    if rows:
        session.execute(insert(fact_keys), rows)


def add_mentions(session: Session, rows: list[dict[str, Any]]) -> None:
    """Record which fact each bullet states ({fact_id, article_id, bullet_id, similarity})."""
    if rows:
        session.execute(insert(m.FactMention), rows)


def filed_under(session: Session, keys: set[int], cap: int) -> tuple[dict[int, list[int]], dict[int, str | None]]:
    """The first `cap` facts filed under each band key (key → fact ids, in filing order) and the stored
    signature of each of those facts."""
    rows: list[tuple[int, int, int]] = []
    key_list = list(keys)
    signatures: dict[int, str | None] = {}
    buckets: dict[int, list[int]] = {}
    # a batch reads tens of thousands of small rows here: the raw DB-API cursor skips per-row Row objects
    cursor = session.connection().connection.cursor()
    try:
        for i in range(0, len(key_list), CHUNK):  # integers only, so they are inlined: no bind per key
            inline = ", ".join(str(int(k)) for k in key_list[i:i + CHUNK])
            cursor.execute(f"SELECT id, key, fact_id FROM fact_keys WHERE key IN ({inline})")
            rows.extend(cursor.fetchall())
        rows.sort()  # filing order: the first `cap` facts of a key are its candidates
        for _, key, fid in rows:
            bucket = buckets.setdefault(key, [])
            if len(bucket) < cap:
                bucket.append(fid)
        ids = list({f for bucket in buckets.values() for f in bucket})
        for i in range(0, len(ids), CHUNK):
            inline = ", ".join(str(int(f)) for f in ids[i:i + CHUNK])
            cursor.execute(f"SELECT id, signature FROM facts WHERE id IN ({inline})")
            signatures.update(cursor.fetchall())
    finally:
        cursor.close()
    return buckets, signatures


def drop_uncited(session: Session, fact_ids: set[int]) -> None:
    """Of these facts, remove those no bullet cites any more (an article was edited), with their band keys."""
    if not fact_ids:
        return
    cited = set(session.scalars(select(m.FactMention.fact_id).where(m.FactMention.fact_id.in_(fact_ids))))
    gone = fact_ids - cited
    if gone:
        session.execute(delete(fact_keys).where(fact_keys.c.fact_id.in_(gone)))
        session.execute(delete(m.Fact).where(m.Fact.id.in_(gone)))


def prune_orphan_facts(session: Session) -> int:
    """Delete facts no bullet cites any more (their bullets were edited away or their article deleted)."""
    orphans = list(session.scalars(select(m.Fact.id).where(
        ~select(m.FactMention.id).where(m.FactMention.fact_id == m.Fact.id).exists())))
    for i in range(0, len(orphans), CHUNK):
        chunk = orphans[i:i + CHUNK]
        session.execute(delete(fact_keys).where(fact_keys.c.fact_id.in_(chunk)))
        session.execute(delete(m.Fact).where(m.Fact.id.in_(chunk)))
    return len(orphans)

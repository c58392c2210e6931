"""Page snapshots: finished HTML kept with the version of the data it shows (see models.PageSnapshot); the
storage half of the kept dossiers and the Topics index (web/speed/snapshots.py decides what to keep and when).

Reads go straight to the driver (one keyed row on every dossier view). Writes are best effort: a page view that
finds the database busy (an ingest holding SQLite's write lock) serves its fresh page and leaves the snapshot
for a later view, instead of waiting on the lock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from gistbook.store import models as m
from gistbook.store.db import BUSY_TIMEOUT_MS
from gistbook.store.fastsql import json_value, rows
from gistbook.store.models import Topic as Topic  # a topic row, as the snapshot code passes it on to link/

log = logging.getLogger(__name__)
BUSY_MS = 200  # how long a page view waits for SQLite's write lock before giving up on saving a snapshot
_READ = "SELECT version, entity_ids, title, body FROM page_snapshots WHERE key = :key"


@dataclass(frozen=True)
class Snapshot:
    version: str
    entity_ids: list[int]
    title: str
    body: str


def load_snapshot(session: Session, key: str) -> Snapshot | None:
    found = rows(session, _READ, {"key": key})
    if not found:
        return None
    version, entity_ids, title, body = found[0]
    return Snapshot(version, [int(i) for i in json_value(entity_ids) or []], title, body)


def save_snapshot(sessions: sessionmaker[Session], key: str, snapshot: Snapshot) -> bool:
    """Replace the snapshot under `key`; False (and nothing written) when the database is busy or refuses."""
    try:
        with sessions.begin() as session:
            driver = session.connection().connection.driver_connection
            sqlite = session.get_bind().dialect.name == "sqlite"
            if sqlite:
                driver.execute(f"PRAGMA busy_timeout={BUSY_MS}")  # type: ignore[union-attr]
            try:
                session.execute(delete(m.PageSnapshot).where(m.PageSnapshot.key == key))
                session.add(m.PageSnapshot(key=key, version=snapshot.version, entity_ids=snapshot.entity_ids,
                                           title=snapshot.title, body=snapshot.body))
                session.flush()
            finally:
                if sqlite:
                    driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # type: ignore[union-attr]
    except SQLAlchemyError as exc:  # busy, or another process saved the same key first: the page is still right
        log.info("snapshot %s not saved: %s", key, str(exc).splitlines()[0])
        return False
    return True


def clear_snapshots(session: Session) -> int:
    """Drop every snapshot, e.g. after relinking every article; returns how many."""
    return int(session.execute(delete(m.PageSnapshot)).rowcount or 0)  # type: ignore[attr-defined]


def topics_to_refresh(session: Session, article_ids: list[int] | None, limit: int) -> list[Topic]:
    """The topics these articles belong to (every topic when None), most items first, at most `limit` of them."""
    q = (select(m.TopicArticle.topic_id).group_by(m.TopicArticle.topic_id)
         .order_by(func.count().desc(), m.TopicArticle.topic_id).limit(limit))
    if article_ids is not None:
        touched = select(m.TopicArticle.topic_id).where(m.TopicArticle.article_id.in_(article_ids or [-1]))
        q = q.where(m.TopicArticle.topic_id.in_(touched))
    found = (session.get(m.Topic, topic_id) for topic_id in list(session.scalars(q)))
    return [topic for topic in found if topic is not None]

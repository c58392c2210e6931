"""The store façade: one object over the database, with the repository functions behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook import records
from gistbook.store import models
from gistbook.store.changes import ReadMemo, sqlite_path
from gistbook.store.db import StoreError, open_engine
from gistbook.store.reader import get_article, list_articles, timeline
from gistbook.store.writer import SaveStatus, save_article

__all__ = ["Store", "StoreError", "models"]


class Store:
    """Opened once per process; every write of one article is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine, self.sessions = open_engine(url)
        path = sqlite_path(url)
        self.memo = ReadMemo(path, self.sessions) if path else None
        if self.memo is not None:
            self.sessions.configure(info={"read_memo": self.memo})

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self.sessions()

    def save(self, article: records.Article, extraction: records.Extraction | None,
             on_saved: Callable[[Session, int, SaveStatus], None] | None = None) -> tuple[int, SaveStatus]:
        """Store one article; `on_saved` (linking facts and topics) runs inside the same transaction."""
        with self.sessions.begin() as session:
            article_id, status = save_article(session, article, extraction)
            if on_saved is not None and status != "unchanged":
                on_saved(session, article_id, status)
            return article_id, status

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        with self.sessions() as session:
            return list_articles(session, limit, offset)

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self.sessions() as session:
            return get_article(session, article_id)

    def delete(self, article_id: int) -> bool:
        """Delete an article with everything extracted from it (its source goes too)."""
        with self.sessions.begin() as session:
            row = session.get(models.Article, article_id)
            if row is None:
                return False
            source = session.get(models.Source, row.source_id)
            session.delete(row)
            if source is not None:
                session.delete(source)
            return True

    def timeline(self, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        with self.sessions() as session:
            return timeline(session, limit, **filters)

    def known_hashes(self, hashes: list[str]) -> set[str]:
        """Content hashes already stored (lets a batch skip parsing what it has)."""
        with self.sessions() as session:
            found: set[str] = set()
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                found.update(session.scalars(select(models.Source.content_hash)
                                             .where(models.Source.content_hash.in_(chunk))))
            return found

    def close(self) -> None:
        if self.memo is not None:
            self.memo.close()
        self.engine.dispose()

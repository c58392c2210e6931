"""Which items of an ingest batch the store already holds word for word, so they are not extracted again."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.store import models as m


def stored_copies(session: Session, uris: list[str], hashes: list[str]) -> Iterable[tuple[str, int, bool]]:
    """(uri, article id, extracted) of the stored articles whose source has one of these uris and one of these
    content hashes (the caller pairs each uri with its own hash)."""
    return session.execute(select(m.Source.uri, m.Article.id, m.Article.extracted)
                           .join(m.Article, m.Article.source_id == m.Source.id)
                           .where(m.Source.uri.in_(uris)).where(m.Source.content_hash.in_(hashes)))

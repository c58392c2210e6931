"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL.

A model change without a migration (or a migration that the models do not mirror) shows up here as a diff.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import gistbook.store.learners  # noqa: F401  (registers learner settings and mock attempts)
import gistbook.store.search  # noqa: F401  (registers fact_keys on the shared metadata)
import gistbook.store.sources  # noqa: F401  (registers followed sources and job tables)
import gistbook.store.users  # noqa: F401  (registers the account tables)
from gistbook.store import models as m
from gistbook.store.migrate import upgrade


def _relevant(diff: object) -> bool:
    """Drop diffs about FTS shadow tables, search triggers and the optional pg_trgm index, which live outside the
    ORM by design."""
    text = repr(diff)
    return not any(name in text for name in ("search_fts", "search_doc", "search_vocab", "alembic_version",
                                             "ix_search_words_trigram"))


def test_migrated_schema_matches_models(blank_db_url: str) -> None:
    engine = create_engine(blank_db_url)
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diffs = [d for d in compare_metadata(context, m.Base.metadata) if _relevant(d)]
    engine.dispose()
    assert diffs == []

"""Apply Alembic migrations at start-up, so every database is at the newest schema."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration's revision, read from the scripts once per process."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine) -> None:
    """Upgrade to head; a no-op when already there. Safe with several processes on PostgreSQL."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # one migrator at a time across app processes
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(726354)")
        if MigrationContext.configure(conn).get_current_revision() == head_revision():
            return  # already at head: a store opened again need not run Alembic's whole upgrade (0.1 s)
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

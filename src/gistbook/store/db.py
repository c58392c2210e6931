"""Engine creation: SQLite with WAL and foreign keys, or any SQLAlchemy URL; migrations applied on open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from gistbook.store.migrate import upgrade

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for SQLite's lock held by another connection


class StoreError(RuntimeError):
    """The database cannot be opened or used; one-line reason."""


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a bad URL
        raise StoreError(f"invalid database URL {url!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except Exception as exc:  # noqa: BLE001 - unknown dialect, missing driver
        raise StoreError(f"cannot use database URL {url!r}: {str(exc).splitlines()[0]}") from None


def open_engine(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Open the database at `url` and bring its schema to the newest migration."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    except Exception as exc:
        raise StoreError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: "
                         f"{str(exc).splitlines()[0]}") from exc
    return engine, sessionmaker(engine, expire_on_commit=False)

"""Has anything changed? SQLite's data_version, and reads kept in memory until any commit anywhere.

`PRAGMA data_version`, read on a private connection, changes with every commit made by any other connection or
process (an ingest in a terminal, a note saved through the app), so a value computed after reading it is current
for as long as it reads the same. Other databases have no such cheap signal: there nothing is memoised.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
MAX_VALUES = 256


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return parsed.database


class DataVersion:
    """SQLite's data_version on a private read-only connection: it changes with every commit made elsewhere."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def read(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()


class ReadMemo:
    """Small reads that many pages repeat (the category menu), computed once per change of the data."""

    def __init__(self, path: str, sessions: sessionmaker[Session]) -> None:
        self.version = DataVersion(path)
        self._sessions = sessions
        self._values: dict[str, tuple[int, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: str, compute: Callable[[Session], T]) -> T:
        version = self.version.read()
        with self._lock:
            kept = self._values.get(key)
        if kept is not None and kept[0] == version:
            return kept[1]  # type: ignore[no-any-return]
        # a session of its own, begun after the version was read: it cannot see data older than that version
        with self._sessions() as session:
            value = compute(session)
        with self._lock:
            if len(self._values) >= MAX_VALUES:
                self._values.clear()
            self._values[key] = (version, value)
        return value

    def close(self) -> None:
        self.version.close()


def memoised(session: Session, key: str, compute: Callable[[Session], T]) -> T:
    """`compute(session)` through the store's memo when it has one (SQLite files), else on this session."""
    memo = session.info.get("read_memo")
    if isinstance(memo, ReadMemo):
        return memo.get(key, compute)
    return compute(session)

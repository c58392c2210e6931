"""Plain reads on the session's own database connection, for the few queries every page view runs.

SQLAlchemy's per-statement work (compiling, result set-up, type processing) costs several times what SQLite
itself spends on a small indexed read, and the article page runs a dozen of them. These statements are fixed
strings with `:name` parameters, run on the session's connection (same transaction) through the driver: sqlite3
takes `:name` as it is, and psycopg gets `%(name)s`. Values come back as the driver gives them, so callers that
read JSON or timestamps use `json_value` and `timestamp` below.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from typing import Any

from sqlalchemy.orm import Session

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.cache
def _pyformat(sql: str) -> str:
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


def rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    """All rows of one read, as tuples (the session's pending changes are flushed first, as its own reads would)."""
    session.flush()
    connection = session.connection()
    driver = connection.connection.driver_connection
    if connection.dialect.name != "sqlite":
        sql = _pyformat(sql)
    return list(driver.execute(sql, params).fetchall())  # type: ignore[union-attr]


def in_list(prefix: str, values: list[Any]) -> tuple[str, dict[str, Any]]:
    """`(:p0, :p1, …)` and its parameters, for `column IN` a list of values ("(NULL)", matching nothing, when empty)."""
    params = {f"{prefix}{n}": value for n, value in enumerate(values)}
    return "(" + (", ".join(f":{name}" for name in params) or "NULL") + ")", params


def json_value(value: Any) -> Any:
    """A JSON column: SQLite gives its text, psycopg the decoded value."""
    return json.loads(value) if isinstance(value, str) else value


def timestamp(value: Any) -> dt.datetime:
    """A naive UTC timestamp column: SQLite gives ISO text, psycopg a datetime."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[no-any-return]


def timestamp_param(session: Session, value: dt.datetime) -> Any:
    """An aware datetime as a parameter compared with a timestamp column: SQLAlchemy keeps SQLite's as UTC text
    ("2026-12-01 21:42:05.607056", which sorts like the time), psycopg takes the datetime itself."""
    if session.get_bind().dialect.name != "sqlite":
        return value
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

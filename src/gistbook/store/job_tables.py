"""Server mode's job queue tables (procrastinate's, in the same PostgreSQL): installed once by whichever process
starts first, with an advisory lock keeping the others in line until it has finished."""

from __future__ import annotations

from collections.abc import Callable

import psycopg

SCHEMA_LOCK = 726355


def install_once(conninfo: str, schema: Callable[[], str]) -> None:
    """Run `schema()`'s SQL unless procrastinate's jobs table is already there."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK,))
        try:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if row is None or row[0] is None:
                conn.execute(schema().encode())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK,))

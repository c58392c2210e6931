"""A scratch PostgreSQL database, created fresh and dropped afterwards (even with connections left open).

Shared by the test fixtures and bench/load.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text


@contextmanager
def scratch_postgres(admin_url: str, prefix: str, template: str | None = None) -> Iterator[str]:
    """Yield the URL of a new database named `prefix` + random hex, a copy of `template` when given (a database
    nobody is connected to); errors creating it propagate."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        try:
            yield admin_url.rsplit("/", 1)[0] + "/" + name
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()

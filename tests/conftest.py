"""Shared fixtures: real databases (SQLite files and a scratch PostgreSQL database), the seed, the corpus."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.pg import scratch_postgres

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "acceptance" / "seed-article.txt"
SEED_GOLD = SHARED / "acceptance" / "seed-gold.json"
CORPUS = SHARED / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
pytest_plugins = ["tests.store_copies"]  # the store_copies fixture

PG_ADMIN_URL = os.environ.get("GISTBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def corpus_records(limit: int | None = None) -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashes() -> Iterator[None]:
    """argon2 at its real cost takes ~0.1 s per hash and per check, and the account tests sign in hundreds of
    times: in this process they hash with the same algorithm at its lowest cost. Servers started as subprocesses
    keep the real cost, and test_accounts holds the real profile."""
    from argon2 import PasswordHasher

    from gistbook.store import users

    real = users.hasher, users._DUMMY_HASH
    users.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    users._DUMMY_HASH = users.hasher.hash("not-a-real-password-only-for-timing")
    yield
    users.hasher, users._DUMMY_HASH = real


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def _postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text

    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("CI"):
            raise RuntimeError(f"PostgreSQL is required in CI but not reachable: {exc}") from exc
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
    admin.dispose()
    with scratch_postgres(PG_ADMIN_URL, "gistbook_t_") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every store test runs against SQLite and PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
    else:
        yield from _postgres_url()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"

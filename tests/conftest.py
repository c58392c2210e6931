"""Shared fixtures: real databases (SQLite files and a scratch PostgreSQL database), the seed, the corpus."""

from __future__ import annotations

import json
import os
import shutil
import uuid
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


class MigratedTemplates:
    """An empty database at the newest schema, made once per worker: a test's database is a copy of it (a file
    copy, or CREATE DATABASE … TEMPLATE), so each of the hundreds of store tests skips running the migrations."""

    def __init__(self) -> None:
        self.sqlite_file: Path | None = None
        self.postgres_name: str | None = None

    def sqlite(self, folder: Path) -> Path:
        if self.sqlite_file is None:
            from gistbook.store import Store

            self.sqlite_file = folder / "migrated-template.db"
            Store(f"sqlite:///{self.sqlite_file}").close()  # closing checkpoints the log into the file copied
        return self.sqlite_file

    def postgres(self) -> str:
        if self.postgres_name is None:
            from sqlalchemy import create_engine, text

            from gistbook.store import Store

            name = f"gistbook_t_template_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            self.postgres_name = name  # set before migrating, so the session's end drops it even if that fails
            Store(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name).close()
        return self.postgres_name

    def drop(self) -> None:
        if self.postgres_name is not None:
            from sqlalchemy import create_engine, text

            admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.postgres_name}" WITH (FORCE)'))
            admin.dispose()


TEMPLATES = MigratedTemplates()  # one per process: each xdist worker has its own


@pytest.fixture(scope="session", autouse=True)
def migrated_templates() -> Iterator[MigratedTemplates]:
    yield TEMPLATES
    TEMPLATES.drop()


def _postgres_url(*, blank: bool = False) -> Iterator[str]:
    """A fresh PostgreSQL database for one test at the newest schema (`blank`: with no schema at all), dropped
    afterwards."""
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
    with scratch_postgres(PG_ADMIN_URL, "gistbook_t_", None if blank else TEMPLATES.postgres()) as url:
        yield url


def _sqlite_copy(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file for one test at the newest schema, copied from the worker's migrated template."""
    target = tmp_path / "test.db"
    shutil.copyfile(TEMPLATES.sqlite(tmp_path_factory.getbasetemp()), target)
    return f"sqlite:///{target}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """Every store test runs against SQLite and PostgreSQL, each a new database at the newest schema."""
    if request.param == "sqlite":
        yield _sqlite_copy(tmp_path, tmp_path_factory)
    else:
        yield from _postgres_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all, for the tests of the migrations themselves."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank.db'}"
    else:
        yield from _postgres_url(blank=True)


@pytest.fixture
def sqlite_url(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _sqlite_copy(tmp_path, tmp_path_factory)


def _module_rank(items: list[pytest.Item]) -> dict[str, int]:
    """Slow modules first, then browser ones, then the rest: under `--dist loadscope` a module runs on one worker,
    and a long module handed out last would leave the other workers idle while it finishes."""
    rank: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        marks = {mark.name for mark in item.iter_markers()}
        own = 0 if "slow" in marks else 1 if "browser" in marks else 2
        rank[module] = min(rank.get(module, own), own)
    return rank


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = _module_rank(items)
    items.sort(key=lambda item: rank[item.nodeid.split("::", 1)[0]])  # stable: the order within a rank is kept

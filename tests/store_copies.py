"""Stores that many tests start from (the demo notes, say), built once per worker and database kind and copied
for each test: a file copy for SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL. Every test still gets a
database of its own, and the pipeline runs once instead of once a test."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from gistbook.store import Store

Build = Callable[[Store], None]


class StoreCopies:
    """Master stores by recipe name; `copy_into` fills a test's empty database from one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.masters: dict[tuple[str, str], str] = {}  # (recipe, dialect) -> SQLite path or PostgreSQL db name
        self.admin_urls: set[str] = set()

    def copy_into(self, url: str, recipe: str, build: Build) -> None:
        """Make the (new, empty) database at `url` a copy of the recipe's master, building the master first."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            master = self._master(("sqlite", recipe), build, self._sqlite_master)
            assert parsed.database is not None
            shutil.copyfile(master, parsed.database)
            return
        admin = parsed.set(database="postgres").render_as_string(hide_password=False)
        master = self._master(("postgresql", recipe), build, lambda name, b: self._postgres_master(admin, name, b))
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{parsed.database}" TEMPLATE "{master}"'))
        finally:
            engine.dispose()

    def _master(self, key: tuple[str, str], build: Build, make: Callable[[str, Build], str]) -> str:
        if key not in self.masters:
            self.masters[key] = make(key[1], build)
        return self.masters[key]

    def _sqlite_master(self, recipe: str, build: Build) -> str:
        path = self.folder / f"{recipe}.db"
        store = Store(f"sqlite:///{path}")
        try:
            build(store)
        finally:
            store.close()  # closing checkpoints the write-ahead log into the file that is copied
        return str(path)

    def _postgres_master(self, admin: str, recipe: str, build: Build) -> str:
        name = f"gistbook_t_master_{recipe}_{uuid.uuid4().hex[:8]}"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        self.admin_urls.add(admin)
        store = Store(make_url(admin).set(database=name).render_as_string(hide_password=False))
        try:
            build(store)
        finally:
            store.close()  # a template must have no open connection while it is copied
        return name

    def drop_masters(self) -> None:
        for admin in self.admin_urls:
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            try:
                with engine.connect() as conn:
                    for (dialect, _), name in self.masters.items():
                        if dialect == "postgresql":
                            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            finally:
                engine.dispose()


@pytest.fixture(scope="session")
def store_copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreCopies]:
    copies = StoreCopies(tmp_path_factory.mktemp("masters"))
    yield copies
    copies.drop_masters()


def demo_notes(store: Store) -> None:
    """The bundled demo notes, read by the real pipeline."""
    from gistbook.pipeline import ingest_demo

    report = ingest_demo(store)
    assert not report.failed, report.failed

"""Fixtures for link tests: a store filled with the hand-written notes of tests/data/link/notes.json."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import all_notes  # noqa: E402
from tests.store_copies import StoreCopies  # noqa: E402

from gistbook.link import on_article_saved  # noqa: E402
from gistbook.store import Store  # noqa: E402


def fill(store: Store) -> dict[str, int]:
    """Save every hand-written note through the link hook; uri → article id."""
    ids = {}
    for article, extraction in all_notes():
        article_id, _ = store.save(article, extraction, on_saved=on_article_saved)
        ids[article.uri] = article_id
    return ids


NOTE_IDS: dict[str, int] = {}  # uri → article id, the same in every copy of the master store


def _fill_master(store: Store) -> None:
    ids = fill(store)
    assert not NOTE_IDS or ids == NOTE_IDS, "the notes got other ids in another database"
    NOTE_IDS.update(ids)


@pytest.fixture
def notes_store(db_url: str, store_copies: StoreCopies) -> Iterator[tuple[Store, dict[str, int]]]:
    """The hand-written notes in SQLite and in PostgreSQL: each test gets its own copy of a store filled once."""
    store_copies.copy_into(db_url, "link-notes", _fill_master)
    store = Store(db_url)
    yield store, dict(NOTE_IDS)
    store.close()


@pytest.fixture
def sqlite_notes(sqlite_url: str, store_copies: StoreCopies) -> Iterator[tuple[Store, dict[str, int]]]:
    store_copies.copy_into(sqlite_url, "link-notes", _fill_master)
    store = Store(sqlite_url)
    yield store, dict(NOTE_IDS)
    store.close()

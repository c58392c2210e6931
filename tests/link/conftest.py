"""Fixtures for link tests: a store filled with the hand-written notes of tests/data/link/notes.json."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import all_notes  # noqa: E402

from gistbook.link import on_article_saved  # noqa: E402
from gistbook.store import Store  # noqa: E402


def fill(store: Store) -> dict[str, int]:
    """Save every hand-written note through the link hook; uri → article id."""
    ids = {}
    for article, extraction in all_notes():
        article_id, _ = store.save(article, extraction, on_saved=on_article_saved)
        ids[article.uri] = article_id
    return ids


@pytest.fixture
def notes_store(db_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    """The hand-written notes in SQLite and in PostgreSQL."""
    store = Store(db_url)
    ids = fill(store)
    yield store, ids
    store.close()


@pytest.fixture
def sqlite_notes(sqlite_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    store = Store(sqlite_url)
    ids = fill(store)
    yield store, ids
    store.close()

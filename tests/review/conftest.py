"""Review tests run on the hand-made articles of the quiz tests (see tests/quiz/handmade.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "quiz"))

import handmade  # noqa: E402

from gistbook.store import Store  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A fresh store with the hand-made articles; each test gets its own, so card state never leaks."""
    opened = Store(f"sqlite:///{tmp_path / 'review.db'}")
    handmade.save_all(opened)
    return opened


@pytest.fixture
def any_store(db_url: str) -> Store:
    """The hand-made articles on SQLite and on PostgreSQL (the server mode's database)."""
    opened = Store(db_url)
    handmade.save_all(opened)
    return opened

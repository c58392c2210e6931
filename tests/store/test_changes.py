"""Reads kept until the data changes (store/changes.py): a commit from anywhere must be seen at the next read."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.records import Article, Bullet, Section, content_hash
from gistbook.store import Store, models
from gistbook.store.articles import categories
from gistbook.store.changes import ReadMemo, memoised


def article(uri: str, category: str) -> Article:
    text = f"A point about {uri} for the {category} menu."
    return Article(title=f"Item {uri}", sections=[Section(None, "news", [Bullet(text)])], source=uri, uri=uri,
                   kind="note", content_hash=content_hash(text), category=category, published="2024-09-10")


def test_a_value_is_kept_until_any_commit(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'memo.db'}")
    other = Store(store.url)  # another process, as far as SQLite can tell
    calls: list[int] = []

    def count(session: Session) -> int:
        calls.append(1)
        return len(list(session.scalars(select(models.Article.id))))

    try:
        assert isinstance(store.memo, ReadMemo)
        with store.session() as session:
            assert memoised(session, "n", count) == 0
            assert memoised(session, "n", count) == 0
        assert len(calls) == 1  # nothing changed: computed once
        other.save(article("a", "Economy"), None)
        with store.session() as session:
            assert memoised(session, "n", count) == 1  # another connection committed
        store.save(article("b", "Polity"), None)
        with store.session() as session:
            assert memoised(session, "n", count) == 2  # this store's own commit counts too
        assert len(calls) == 3
    finally:
        other.close()
        store.close()


def test_the_category_menu_follows_new_and_deleted_items(db_url: str) -> None:
    store = Store(db_url)
    try:
        first, _ = store.save(article("c1", "Economy"), None)
        with store.session() as session:
            assert categories(session) == [("Economy", 1)]
        second, _ = store.save(article("c2", "Science"), None)
        store.save(article("c3", "Science"), None)
        with store.session() as session:
            assert categories(session) == [("Science", 2), ("Economy", 1)]
        assert store.delete(first)
        with store.session() as session:
            assert categories(session) == [("Science", 2)]
    finally:
        store.close()


def test_other_databases_compute_every_time(db_url: str) -> None:
    store = Store(db_url)
    try:
        with store.session() as session:
            calls = [memoised(session, "k", lambda s: 1) for _ in range(2)]
        assert calls == [1, 1]
        assert (store.memo is None) == (store.dialect != "sqlite")
    finally:
        store.close()

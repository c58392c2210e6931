"""Local mode keeps finished pages in memory, but never shows one older than the data behind it."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.web_fixtures import economy_article, japan_article, local_client, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.store import notes as note_repo
from gistbook.store.changes import sqlite_path
from gistbook.web import create_app
from gistbook.web.speed.page_cache import CACHED_PATHS


def _local_client(tmp_path: Path) -> tuple[Store, TestClient, int]:
    url = f"sqlite:///{tmp_path / 'cache.db'}"
    store = Store(url)
    art_id = save_linked(store, japan_article())
    return store, local_client(create_app(load_settings(db=url), store), follow_redirects=False), art_id


def test_a_note_saved_through_the_app_shows_at_once(tmp_path: Path) -> None:
    store, client, art_id = _local_client(tmp_path)
    before = client.get(f"/articles/{art_id}").text
    assert before == client.get(f"/articles/{art_id}").text  # unchanged data, same page
    assert client.post(f"/articles/{art_id}/notes", data={"text": "first note, via the form"}).status_code == 303
    assert "first note, via the form" in client.get(f"/articles/{art_id}").text
    store.close()


def test_writes_by_another_connection_are_seen(tmp_path: Path) -> None:
    """An ingest in a terminal writes through its own connection (here: a second Store on the same file)."""
    store, client, art_id = _local_client(tmp_path)
    assert "RBI keeps" not in client.get("/search", params={"q": "repo"}).text
    assert "written elsewhere" not in client.get(f"/articles/{art_id}").text
    other = Store(store.url)
    with other.sessions.begin() as session:
        note_repo.add_note(session, art_id, "written elsewhere")
    economy_id = save_linked(other, economy_article())
    other.close()
    assert "written elsewhere" in client.get(f"/articles/{art_id}").text
    assert f"/articles/{economy_id}" in client.get("/search", params={"q": "repo"}).text
    store.close()


def test_fragments_and_pages_are_kept_apart(tmp_path: Path) -> None:
    store, client, art_id = _local_client(tmp_path)
    whole = client.get(f"/articles/{art_id}/related").text
    fragment = client.get(f"/articles/{art_id}/related", headers={"X-Fragment": "1"}).text
    assert "<html" in whole and "<html" not in fragment
    assert "<html" in client.get(f"/articles/{art_id}/related").text
    store.close()


def test_only_read_pages_of_a_sqlite_file_are_kept() -> None:
    assert CACHED_PATHS.match("/articles/12") and CACHED_PATHS.match("/topics/India%E2%80%93Japan")
    assert not CACHED_PATHS.match("/articles/12/notes") and not CACHED_PATHS.match("/api/articles/12")
    assert sqlite_path("sqlite:////tmp/x.db") == "/tmp/x.db"
    assert sqlite_path("sqlite://") is None and sqlite_path("postgresql+psycopg://u@h/db") is None

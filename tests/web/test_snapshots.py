"""Dossier snapshots: the default topic page is kept as HTML in the database and never outlives the data it shows.

Each test changes the data one way a dossier can go stale (a new item, an item edited in place, an entity's
stored alias changed by another item, an item deleted, relinking, new code) and checks the page shows it.
Runs on SQLite and PostgreSQL through the `store` fixture.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from tests.web.web_fixtures import (
    build_article,
    japan_article,
    japan_followup_article,
    local_client,
    mention,
    save_linked,
)

from gistbook.link import relink_all
from gistbook.link.dossier import find_topic
from gistbook.records import Extraction, content_hash
from gistbook.store import Store
from gistbook.store import models as m
from gistbook.store.snapshots import Snapshot, load_snapshot, save_snapshot
from gistbook.web.speed import snapshots

TOPIC = "/topics/India–Japan"


def kept(store: Store) -> Snapshot | None:
    with store.session() as session:
        return load_snapshot(session, snapshots.snapshot_key(find_topic(session, "India–Japan").id))


def test_first_view_keeps_a_snapshot_and_the_next_view_serves_it(
        client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    assert kept(store) is None
    first = client.get(TOPIC)
    assert first.status_code == 200
    snapshot = kept(store)
    assert snapshot is not None and snapshot.title == "India–Japan"
    assert snapshot.version.startswith(snapshots.FINGERPRINT + ":")
    assert snapshot.body in first.text  # the page is the snapshot inside the page shell
    with store.sessions.begin() as session:  # mark the kept HTML: a view that rebuilt would lose the mark
        session.execute(update(m.PageSnapshot).values(body=m.PageSnapshot.body + "<!-- kept -->"))
    assert "<!-- kept -->" in client.get(TOPIC).text
    live = client.get(TOPIC, params={"older": 1}).text  # the deeper window is built live, same content here
    assert "Atsushi Mimura" in live and "<!-- kept -->" not in live


def test_a_new_item_in_the_topic_shows_at_once(client: TestClient, store: Store) -> None:
    save_linked(store, japan_article())
    assert "high-speed rail corridor" not in client.get(TOPIC).text
    assert kept(store) is not None
    save_linked(store, japan_followup_article())
    html = client.get(TOPIC).text
    assert "India and Japan review rail and trade ties" in html and "$22.85 billion" in html


def test_an_item_edited_in_place_shows_its_new_text(client: TestClient, store: Store) -> None:
    art, ext = japan_article()
    save_linked(store, (art, ext))
    assert "widen their finance dialogue" not in client.get(TOPIC).text
    edited = dataclasses.replace(art, title="India and Japan widen their finance dialogue",
                                 content_hash=content_hash("edited in place"))
    save_linked(store, (edited, ext))  # same source: updated in place, same article id
    html = client.get(TOPIC).text
    assert "widen their finance dialogue" in html and "hold their second finance dialogue" not in html


def test_an_entity_changed_by_an_item_outside_the_topic_shows_its_new_alias(
        client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    assert "IJ-CEPA" not in client.get(TOPIC).text
    texts = ["The India-Japan Comprehensive Economic Partnership Agreement, or IJ-CEPA, was cited as a model."]
    art = build_article("notes/elsewhere.txt", "A trade pact cited as a model", [(None, "news", texts)],
                        category="Economy", published="2024-12-01", author=None)
    name = "India-Japan Comprehensive Economic Partnership Agreement"
    ext = Extraction(entities=[mention(texts, 0, name, name, "agreement", aliases=["IJ-CEPA"])])
    save_linked(store, (art, ext))
    assert "IJ-CEPA" in client.get(TOPIC).text


def test_a_deleted_item_leaves_the_dossier(client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    assert "India and Japan review rail and trade ties" in client.get(TOPIC).text
    assert store.delete(article_ids["followup"])
    assert "India and Japan review rail and trade ties" not in client.get(TOPIC).text


def test_relinking_drops_every_snapshot(client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    client.get(TOPIC)
    assert kept(store) is not None
    relink_all(store)
    assert kept(store) is None
    assert "Atsushi Mimura" in client.get(TOPIC).text


def test_a_snapshot_from_other_code_is_rebuilt(client: TestClient, store: Store, article_ids: dict[str, int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    client.get(TOPIC)
    with store.sessions.begin() as session:
        session.execute(update(m.PageSnapshot).values(body="<p>old code</p>"))
    monkeypatch.setattr(snapshots, "FINGERPRINT", "another-release")
    html = client.get(TOPIC).text
    assert "old code" not in html and "Atsushi Mimura" in html
    assert kept(store).version.startswith("another-release:")  # type: ignore[union-attr]


def test_refresh_builds_the_touched_topics_only(store: Store) -> None:
    japan = save_linked(store, japan_article())
    assert snapshots.refresh_after_ingest(store, {"ingested": [{"id": japan}], "updated": []}) >= 1
    assert kept(store) is not None
    assert snapshots.refresh_after_ingest(store, {"ingested": [{"id": japan}]}) == 0  # all current: no work
    with store.session() as session:
        topics = set(session.scalars(select(m.TopicArticle.topic_id).where(m.TopicArticle.article_id == japan)))
        stored = set(session.scalars(select(m.PageSnapshot.key)))
    assert stored == {snapshots.snapshot_key(t) for t in topics} | {snapshots.TOPIC_INDEX_KEY}  # and Topics' list


def test_a_busy_database_serves_the_page_and_skips_the_snapshot(tmp_path: Path) -> None:
    """SQLite: another connection holds the write lock (an ingest running); the page neither waits nor fails."""
    from gistbook.config import load_settings
    from gistbook.web import create_app

    path = tmp_path / "busy.db"
    store = Store(f"sqlite:///{path}")
    save_linked(store, japan_article())
    settings = load_settings(db=store.url, page_cache=False)  # every view reaches the dossier code
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        with local_client(create_app(settings, store, mode="local")) as client:
            blocker.execute("BEGIN IMMEDIATE")
            began = time.monotonic()
            page = client.get(TOPIC)
            took = time.monotonic() - began
            assert page.status_code == 200 and "Atsushi Mimura" in page.text
            assert took < 5  # the writer's 10 s busy timeout was not waited out
            assert kept(store) is None
            blocker.execute("ROLLBACK")
            client.get(TOPIC)
            assert kept(store) is not None
    finally:
        blocker.close()
        store.close()


def test_save_snapshot_replaces_the_row(store: Store) -> None:
    first = Snapshot("v1", [1, 2], "Topic", "<p>one</p>")
    assert save_snapshot(store.sessions, "dossier:test", first)
    assert save_snapshot(store.sessions, "dossier:test", dataclasses.replace(first, version="v2", body="<p>two</p>"))
    with store.session() as session:
        assert load_snapshot(session, "dossier:test") == Snapshot("v2", [1, 2], "Topic", "<p>two</p>")
        assert load_snapshot(session, "dossier:none") is None

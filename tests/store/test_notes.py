"""The reader's notes: add, edit, delete, list; scoped per learner; kept across re-ingest of their article."""

from __future__ import annotations

import pytest

from gistbook.records import Article, Bullet, Section, content_hash
from gistbook.store import Store, models
from gistbook.store.notes import NoteError, add_note, delete_note, edit_note, get_note, list_notes


def article(texts: list[str], uri: str = "notes/monsoon.txt") -> Article:
    return Article(title="Monsoon session notes", sections=[Section(None, "news", [Bullet(t) for t in texts])],
                   source=uri, uri=uri, kind="note",
                   content_hash=content_hash("|".join(texts)))


def saved(store: Store, texts: list[str], uri: str = "notes/monsoon.txt") -> tuple[int, list[int]]:
    art_id, _ = store.save(article(texts, uri), None)
    shown = store.article(art_id)
    assert shown is not None
    return art_id, [b["id"] for s in shown["sections"] for b in s["bullets"]]


def test_add_edit_delete_and_list(db_url: str) -> None:
    store = Store(db_url)
    art_id, bullets = saved(store, ["Parliament passed three bills.", "The session ran for 19 sittings."])
    with store.sessions.begin() as s:
        on_article = add_note(s, art_id, "  revise the bills list  ")
        on_bullet = add_note(s, art_id, "count of sittings is a prelims fact", bullet_id=bullets[1])
    assert on_article["text"] == "revise the bills list" and on_article["bullet_id"] is None
    with store.sessions.begin() as s:
        edited = edit_note(s, on_bullet["id"], "19 sittings")
        assert edited is not None and edited["text"] == "19 sittings"
    with store.session() as s:
        assert [n["id"] for n in list_notes(s, article_id=art_id)] == [on_article["id"], on_bullet["id"]]
        assert [n["id"] for n in list_notes(s, bullet_id=bullets[1])] == [on_bullet["id"]]
    with store.sessions.begin() as s:
        gone = delete_note(s, on_article["id"])
        assert gone is not None and gone["article_id"] == art_id
        assert delete_note(s, on_article["id"]) is None
        assert get_note(s, on_article["id"]) is None
    store.close()


def test_bad_notes_are_refused_with_a_reason(db_url: str) -> None:
    store = Store(db_url)
    art_id, bullets = saved(store, ["One point."])
    _, other_bullets = saved(store, ["A point elsewhere."], "notes/other.txt")
    with store.sessions.begin() as s:
        for text, bullet, reason in [("   ", None, "needs some text"), ("x" * 10_001, None, "limited to"),
                                     ("ok", other_bullets[0], "not part of article")]:
            with pytest.raises(NoteError, match=reason):
                add_note(s, art_id, text, bullet_id=bullet)
        with pytest.raises(NoteError, match="no article"):
            add_note(s, 424242, "ok")
    store.close()


def test_learners_see_only_their_own_notes(db_url: str) -> None:
    store = Store(db_url)
    art_id, _ = saved(store, ["One point."])
    with store.sessions.begin() as s:
        users = [models.User(name=n, role="learner") for n in ("asha", "ravi")]
        s.add_all(users)
        s.flush()
        asha, ravi = users[0].id, users[1].id
        mine = add_note(s, art_id, "asha's note", user_id=asha)
        add_note(s, art_id, "local note")
    with store.sessions.begin() as s:
        assert [n["text"] for n in list_notes(s, article_id=art_id, user_id=asha)] == ["asha's note"]
        assert [n["text"] for n in list_notes(s, article_id=art_id)] == ["local note"]
        assert edit_note(s, mine["id"], "stolen", user_id=ravi) is None
        assert delete_note(s, mine["id"], user_id=ravi) is None
    store.close()


def test_notes_survive_reingest(db_url: str) -> None:
    store = Store(db_url)
    texts = ["The budget was presented on 1 February.", "Fiscal deficit target is 4.4 per cent."]
    art_id, bullets = saved(store, texts)
    with store.sessions.begin() as s:
        kept = add_note(s, art_id, "deficit target", bullet_id=bullets[1])
        loose = add_note(s, art_id, "date of budget", bullet_id=bullets[0])
    again, status = store.save(article(["The budget came on 1 February 2025.", texts[1]]), None)
    assert (again, status) == (art_id, "updated")
    with store.session() as s:
        notes = {n["id"]: n for n in list_notes(s, article_id=art_id)}
    assert notes[kept["id"]]["bullet_id"] == bullets[1]  # unchanged bullet, same id
    assert notes[loose["id"]]["bullet_id"] is None  # its bullet changed: the note stays on the article
    store.close()

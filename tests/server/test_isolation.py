"""Isolation: a learner's notes, cards, reviews and stats are seen and changed only by that learner; another
learner's ids answer exactly like ids that do not exist, and anonymous clients reach nothing."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.server.conftest import Server
from tests.server.server_helpers import csrf_of

from gistbook.store import models as m

SECRET_NOTE = "asha-private-mnemonic-7731"


def seed_asha(server: Server, asha: TestClient) -> dict[str, Any]:
    """Asha writes a note, makes cards from facts and from the note, and reviews one card."""
    csrf = {"x-csrf-token": csrf_of(asha)}
    article = server.articles["japan"]
    note = asha.post("/api/notes", json={"article_id": article, "text": SECRET_NOTE}, headers=csrf).json()
    assert asha.post("/api/cards", json={"source": "facts"}, headers=csrf).status_code == 201
    made = asha.post("/api/cards", json={"source": "note", "note_id": note["id"]}, headers=csrf).json()
    card = made["card"]
    reviewed = asha.post("/api/reviews", json={"card_id": card["id"], "rating": 3}, headers=csrf)
    assert reviewed.status_code == 201
    return {"note": note["id"], "card": card["id"], "article": article}


def snapshot(server: Server, user_id: int) -> tuple[int, int, int, list[str]]:
    with server.store.session() as session:
        notes = session.scalars(select(m.Note.text).where(m.Note.user_id == user_id).order_by(m.Note.id)).all()
        cards = session.scalar(select(func.count()).select_from(m.Card).where(m.Card.user_id == user_id)) or 0
        logs = session.scalar(select(func.count()).select_from(m.ReviewLog).where(m.ReviewLog.user_id == user_id))
        due = session.scalars(select(m.Card.due).where(m.Card.user_id == user_id).order_by(m.Card.id)).all()
    return len(notes), int(cards), int(logs or 0), [SECRET_NOTE in t for t in notes] + [str(d) for d in due]  # type: ignore[list-item]


def test_two_learners_and_anonymous_over_every_route(server: Server) -> None:
    asha, bilal, anon = server.client("asha"), server.client("bilal"), server.client()
    mine = seed_asha(server, asha)
    before = snapshot(server, server.ids["asha"])
    note, card, article = mine["note"], mine["card"], mine["article"]
    missing_note, missing_card = 10_000_000, 10_000_000

    # Asha sees her own things
    assert SECRET_NOTE in asha.get(f"/articles/{article}").text
    assert asha.get(f"/api/notes/{note}").status_code == 200
    assert any(c["id"] == card for c in asha.get("/api/cards").json()["cards"])
    assert asha.get("/api/reviews").json()["reviews"]
    assert asha.get("/api/stats").json() != bilal.get("/api/stats").json()

    # Bilal sees none of it, and her ids answer like ids that do not exist
    hb = {"x-csrf-token": csrf_of(bilal)}
    assert SECRET_NOTE not in bilal.get(f"/articles/{article}").text
    assert SECRET_NOTE not in bilal.get("/api/notes", params={"article_id": article}).text
    assert bilal.get("/api/notes").json() == {"notes": []}
    assert bilal.get("/api/cards").json() == {"cards": []}
    upcoming = bilal.get("/api/cards/next").json()
    assert upcoming["card"] is None and upcoming["intervals"] is None and upcoming["today"]["new_available"] == 0
    assert bilal.get("/api/reviews").json() == {"reviews": []}
    assert SECRET_NOTE not in bilal.get("/review").text and SECRET_NOTE not in bilal.get("/stats").text
    for note_id in (note, missing_note):
        assert bilal.get(f"/api/notes/{note_id}").status_code == 404
        assert bilal.patch(f"/api/notes/{note_id}", json={"text": "x"}, headers=hb).status_code == 404
        assert bilal.delete(f"/api/notes/{note_id}", headers=hb).status_code == 404
        form = {"csrf_token": hb["x-csrf-token"]}
        assert bilal.post(f"/notes/{note_id}/edit", data={**form, "text": "x"}).status_code == 404
        assert bilal.post(f"/notes/{note_id}/delete", data=form).status_code == 404
        assert bilal.post(f"/notes/{note_id}/card", data=form).status_code == 404
        assert bilal.post("/api/cards", json={"source": "note", "note_id": note_id}, headers=hb).status_code == 404
    for card_id in (card, missing_card):
        form = {"csrf_token": hb["x-csrf-token"], "rating": "1"}
        assert bilal.post(f"/review/{card_id}", data=form).status_code == 400  # same answer as a missing card
        assert bilal.post("/api/reviews", json={"card_id": card_id, "rating": 1}, headers=hb).status_code == 400

    # Anonymous reaches nothing at all
    for path in (f"/articles/{article}", "/review", "/stats", "/quiz", "/search?q=japan"):
        assert anon.get(path).status_code == 303
    for path in ("/api/notes", f"/api/notes/{note}", "/api/cards", "/api/cards/next", "/api/reviews", "/api/stats",
                 "/api/articles", f"/api/articles/{article}", "/api/search?q=japan"):
        assert anon.get(path).status_code == 401, path
    assert anon.post("/api/notes", json={"article_id": article, "text": "x"}).status_code == 401
    assert anon.post("/api/reviews", json={"card_id": card, "rating": 1}).status_code == 401
    assert anon.delete(f"/api/notes/{note}").status_code == 401
    token = csrf_of(anon, "/login")
    for path in (f"/notes/{note}/delete", f"/notes/{note}/edit", f"/review/{card}", f"/articles/{article}/notes",
                 "/review/cards", "/stats/exam"):
        assert anon.post(path, data={"csrf_token": token, "text": "x", "rating": "1"}).status_code == 401, path

    assert snapshot(server, server.ids["asha"]) == before  # nothing of hers changed


def test_bearer_tokens_are_isolated_too(server: Server) -> None:
    from tests.server.server_helpers import api_token

    asha = server.client("asha")
    mine = seed_asha(server, asha)
    bilal = {"Authorization": f"Bearer {api_token(server.store, server.ids['bilal'])}"}
    bare = server.client()
    assert bare.get(f"/api/notes/{mine['note']}", headers=bilal).status_code == 404
    assert bare.get("/api/cards", headers=bilal).json() == {"cards": []}
    assert bare.delete(f"/api/notes/{mine['note']}", headers=bilal).status_code == 404
    made = bare.post("/api/notes", json={"article_id": mine["article"], "text": "bilal's own"}, headers=bilal)
    assert made.status_code == 201
    assert asha.get(f"/api/notes/{made.json()['id']}").status_code == 404

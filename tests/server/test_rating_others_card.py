"""Rating another learner's card is refused with 400 (as for a card that does not exist), by the API with a
session or a token and by the review page, and changes nothing: her card keeps its schedule, no log is written."""

from __future__ import annotations

from sqlalchemy import func, select
from tests.server.conftest import Server
from tests.server.server_helpers import api_token, csrf_of

from gistbook.store import models as m


def card_state(server: Server, card_id: int) -> tuple[object, ...]:
    with server.store.session() as session:
        card = session.get(m.Card, card_id)
        assert card is not None
        logs = session.scalar(select(func.count()).select_from(m.ReviewLog).where(m.ReviewLog.card_id == card_id))
        return card.user_id, card.state, card.due, str(card.fsrs), logs


def test_rating_another_learners_card_is_a_400_that_changes_nothing(server: Server) -> None:
    asha, bilal, anon = server.client("asha"), server.client("bilal"), server.client()
    mine = {"x-csrf-token": csrf_of(asha)}
    assert asha.post("/api/cards", json={"source": "facts"}, headers=mine).status_code == 201
    card = asha.get("/api/cards").json()["cards"][0]["id"]
    assert asha.post("/api/reviews", json={"card_id": card, "rating": 3}, headers=mine).status_code == 201
    before = card_state(server, card)

    theirs = {"x-csrf-token": csrf_of(bilal)}
    by_session = bilal.post("/api/reviews", json={"card_id": card, "rating": 1}, headers=theirs)
    missing = bilal.post("/api/reviews", json={"card_id": 9_999_999, "rating": 1}, headers=theirs)
    token = {"Authorization": f"Bearer {api_token(server.store, server.ids['bilal'])}"}
    by_token = server.client().post("/api/reviews", json={"card_id": card, "rating": 4}, headers=token)
    by_page = bilal.post(f"/review/{card}", data={"csrf_token": theirs["x-csrf-token"], "rating": "1"})

    for reply in (by_session, by_token):
        assert reply.status_code == 400
        assert reply.json() == {"detail": f"no card {card} for this learner"}  # says nothing about whose it is
    assert missing.status_code == 400 and missing.json() == {"detail": "no card 9999999 for this learner"}
    assert by_page.status_code == 400
    assert anon.post("/api/reviews", json={"card_id": card, "rating": 1}).status_code == 401

    assert card_state(server, card) == before
    assert bilal.get("/api/reviews").json() == {"reviews": []}
    with server.store.session() as session:
        assert session.scalar(select(func.count()).select_from(m.ReviewLog)
                              .where(m.ReviewLog.user_id == server.ids["bilal"])) == 0

"""FSRS per learner with a fixed clock and fuzzing off: cards, ratings, logs, the next card, isolation."""

from __future__ import annotations

import datetime as dt

import fsrs
import pytest
from sqlalchemy import select

from gistbook import review
from gistbook.store import Store, models

T0 = dt.datetime(2024, 9, 11, 8, 0, tzinfo=dt.UTC)
SCHED = review.make_scheduler(fuzz=False)


def test_cards_from_facts_are_cloze_cards_made_once(store: Store) -> None:
    with store.sessions.begin() as session:
        made = review.cards_from_facts(session, now=T0)
        again = review.cards_from_facts(session, now=T0)
        cards = list(session.scalars(select(models.Card)))
    assert made >= 20 and again == 0
    assert all("______" in c.front and c.back and c.bullet_id for c in cards)
    assert all(c.state == 0 and c.syllabus for c in cards)
    assert {c.origin for c in cards} == {"bullet"}  # no linked facts in this store: bullets stand in


def test_cards_follow_stored_facts_when_there_are_some(store: Store) -> None:
    with store.sessions.begin() as session:
        bullet = session.scalars(select(models.Bullet).where(models.Bullet.text.like("India and France became%")))\
            .one()
        fact = models.Fact(text=bullet.text, hash="f" * 64)
        session.add(fact)
        session.flush()
        session.add(models.FactMention(fact_id=fact.id, article_id=bullet.article_id, bullet_id=bullet.id))
        session.flush()
        assert review.cards_from_facts(session, now=T0) == 1
        card = session.scalars(select(models.Card)).one()
    assert card.origin == "fact" and card.origin_id == fact.id
    assert card.front == "India and France became strategic partners in ______."


def test_rating_follows_fsrs_exactly(any_store: Store) -> None:
    store = any_store
    with store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        card = review.next_card(session, now=T0)
        assert card is not None and card["state"] == "new"
        expected = fsrs.Card(card_id=card["id"], due=T0)
        moment = T0
        for rating in (3, 3, 1, 4):
            expected, _log = SCHED.review_card(expected, fsrs.Rating(rating), review_datetime=moment)
            result = review.rate(session, card["id"], rating, now=moment, scheduler=SCHED)
            assert result["due"] == expected.due.isoformat()
            moment = expected.due
        row = session.get(models.Card, card["id"])
        logs = list(session.scalars(select(models.ReviewLog).where(models.ReviewLog.card_id == card["id"])))
    assert row is not None and row.fsrs["card_id"] == card["id"]
    assert row.state == expected.state.value
    assert [log.rating for log in logs] == [3, 3, 1, 4]
    assert dt.datetime.fromisoformat(result["due"]).tzinfo is not None


def test_next_card_prefers_overdue_learned_cards(store: Store) -> None:
    with store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        first = review.next_card(session, now=T0)
        assert first is not None
        review.rate(session, first["id"], 3, now=T0, scheduler=SCHED)  # learning, due in 10 minutes
        soon = T0 + dt.timedelta(minutes=11)
        assert review.next_card(session, now=soon)["id"] == first["id"]
        following = review.next_card(session, now=T0 + dt.timedelta(minutes=5))
        assert following is not None and following["id"] != first["id"] and following["state"] == "new"
        assert review.next_card(session, now=T0 + dt.timedelta(minutes=5), include_new=False) is None
    with pytest.raises(review.ReviewError, match="rating"), store.sessions.begin() as session:
        review.rate(session, first["id"], 5, now=T0)


def test_learners_never_see_each_others_cards(any_store: Store) -> None:
    store = any_store
    with store.sessions.begin() as session:
        ana, ben = models.User(name="ana", role="learner"), models.User(name="ben", role="learner")
        session.add_all([ana, ben])
        session.flush()
        assert review.cards_from_facts(session, user_id=ana.id, now=T0) > 0
        assert review.next_card(session, user_id=ben.id, now=T0) is None
        assert review.next_card(session, now=T0) is None  # the local user has none either
        card = review.next_card(session, user_id=ana.id, now=T0)
        assert card is not None
        with pytest.raises(review.ReviewError, match="no card"):
            review.rate(session, card["id"], 3, user_id=ben.id, now=T0)
        assert review.get_card(session, card["id"], user_id=ben.id) is None
        assert review.get_card(session, card["id"], user_id=ana.id)["id"] == card["id"]
        review.rate(session, card["id"], 3, user_id=ana.id, now=T0, scheduler=SCHED)
        assert review.stats(session, user_id=ben.id, now=T0)["reviews"] == 0
        assert review.stats(session, user_id=ana.id, now=T0)["reviews"] == 1


def test_a_learners_note_becomes_a_card(store: Store) -> None:
    with store.sessions.begin() as session:
        ana = models.User(name="ana", role="learner")
        session.add(ana)
        session.flush()
        bullet = session.scalars(select(models.Bullet).where(models.Bullet.text.like("Shakti%"))).one()
        split = models.Note(user_id=ana.id, article_id=bullet.article_id, bullet_id=bullet.id,
                            text="Shakti is with which country? :: France (army exercise)")
        plain = models.Note(user_id=ana.id, article_id=bullet.article_id, bullet_id=bullet.id,
                            text="Remember: Varuna is the navy one.")
        session.add_all([split, plain])
        session.flush()
        card = review.card_from_note(session, split.id, user_id=ana.id, now=T0)
        assert card["front"] == "Shakti is with which country?"
        assert card["back"].startswith("France (army exercise)") and f"bullet #{bullet.id}" in card["back"]
        assert review.card_from_note(session, split.id, user_id=ana.id, now=T0)["id"] == card["id"]
        cue = review.card_from_note(session, plain.id, user_id=ana.id, now=T0)
        assert bullet.text in cue["front"] and cue["back"].startswith("Remember")
        with pytest.raises(review.ReviewError, match="no note"):
            review.card_from_note(session, plain.id, user_id=None, now=T0)


def test_cards_from_questions(any_store: Store) -> None:
    from gistbook import quiz

    store = any_store
    with store.sessions.begin() as session:
        questions = quiz.generate(session, count=6, seed=1)
        assert review.cards_from_questions(session, now=T0) == len(questions)
        assert review.cards_from_questions(session, now=T0) == 0
        cards = list(session.scalars(select(models.Card).where(models.Card.origin == "question")))
    prelims = [c for c in cards if "(a) " in c.front]
    assert prelims and all(c.back.startswith("Answer: (") and "bullet #" in c.back for c in prelims)

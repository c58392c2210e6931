"""The learner's day: one count of "due" for Review and Stats, the daily new-card and review limits, and the
study-plan settings stored per learner, on SQLite and PostgreSQL with a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from gistbook import review
from gistbook.review.daily import day_bounds, learner_date, next_card_today, today
from gistbook.store import Store, models
from gistbook.store.learners import LearnerSettings, SettingsError, get_settings, set_settings

T0 = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)  # 11:30 in India: mid-morning of 2 March for the learner
SCHED = review.make_scheduler(fuzz=False)


def add_cards(session: object, n: int, user_id: int | None = None, **fields: object) -> list[int]:
    rows = [models.Card(user_id=user_id, origin="fact", origin_id=10_000 + i, front=f"front {i}", back="b",
                        fsrs={}, due=T0, created=T0, **{"state": 0, **fields}) for i in range(n)]
    session.add_all(rows)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return [r.id for r in rows]


def test_the_day_runs_from_four_in_the_morning_india_time() -> None:
    start, end = day_bounds(T0)
    assert start == dt.datetime(2026, 3, 1, 22, 30, tzinfo=dt.UTC) and end - start == dt.timedelta(days=1)
    late_night = dt.datetime(2026, 3, 2, 22, 0, tzinfo=dt.UTC)  # 03:30 on 3 March in India: still 2 March's day
    assert learner_date(late_night) == dt.date(2026, 3, 2)
    assert learner_date(late_night + dt.timedelta(hours=1)) == dt.date(2026, 3, 3)


def test_twenty_new_cards_a_day_then_twenty_more_tomorrow(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        add_cards(session, 259)
        queue = today(session, now=T0)
        assert (queue.new_left, queue.reviews_due, queue.new_introduced) == (20, 0, 0)
        moment = T0
        introduced = set()
        while (card := next_card_today(session, now=moment)) is not None:
            if card["state"] == "new":
                introduced.add(card["id"])
            review.rate(session, card["id"], 3, now=moment, scheduler=SCHED)  # Good: learning, back in 10 minutes
            moment += dt.timedelta(minutes=11)
            if moment > T0 + dt.timedelta(hours=10):
                break
        queue = today(session, now=moment)
        assert len(introduced) == 20 and queue.new_introduced == 20 and queue.new_left == 0
        assert next_card_today(session, now=moment) is None or \
            next_card_today(session, now=moment)["state"] != "new"  # type: ignore[index]
        tomorrow = today(session, now=T0 + dt.timedelta(days=1))
        assert tomorrow.new_left == 20 and tomorrow.new_introduced == 0


def test_the_new_card_limit_is_the_learners_own(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        ana = models.User(name="ana", role="learner")
        session.add(ana)
        session.flush()
        add_cards(session, 30)
        add_cards(session, 30, user_id=ana.id)
        set_settings(session, ana.id, new_per_day="5", today=T0.date())
        assert today(session, ana.id, T0).new_left == 5
        assert today(session, None, T0).new_left == 20  # the local learner keeps the default


def test_review_limit_holds_back_review_cards_but_never_learning_steps(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        set_settings(session, None, reviews_per_day=2, today=T0.date())
        yesterday = T0 - dt.timedelta(days=1)
        ids = add_cards(session, 5)
        for card_id in ids:  # learned yesterday, due again now
            review.rate(session, card_id, 4, now=yesterday, scheduler=SCHED)
            session.get(models.Card, card_id).due = T0 - dt.timedelta(hours=2)  # due before the step below
        step = add_cards(session, 1)[0]
        review.rate(session, step, 1, now=T0 - dt.timedelta(minutes=30), scheduler=SCHED)  # Again: a learning step
        queue = today(session, now=T0)
        assert (queue.steps_due, queue.review_due, queue.reviews_due, queue.held_back) == (1, 5, 3, 3)
        assert review.stats(session, now=T0)["due_today"] == queue.reviews_due
        for _ in range(2):
            card = next_card_today(session, now=T0)
            assert card is not None
            review.rate(session, card["id"], 3, now=T0, scheduler=SCHED)
        queue = today(session, now=T0)
        assert queue.reviews_left == 0 and queue.held_back >= 1
        left = next_card_today(session, now=T0)
        assert left is not None and left["id"] == step  # the learning step still comes


def test_stats_and_review_count_due_the_same_way(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        ids = add_cards(session, 4)
        for card_id in ids:
            review.rate(session, card_id, 4, now=T0 - dt.timedelta(days=3), scheduler=SCHED)
        session.get(models.Card, ids[0]).due = T0 - dt.timedelta(hours=1)  # due now
        session.get(models.Card, ids[1]).due = T0 + dt.timedelta(hours=3)  # later today: not due yet
        s = review.stats(session, now=T0)
        queue = today(session, now=T0)
        assert s["due_today"] == queue.reviews_due == 1 and queue.due_later_today == 1
        assert s["today"]["reviews_due"] == 1 and s["due_forecast"][0]["due"] == 2  # the rest of the day's bar
        assert s["due_forecast"][0]["date"] == learner_date(T0).isoformat()


def test_settings_are_validated_and_nothing_is_written_on_error(any_store: Store) -> None:
    day = dt.date(2026, 3, 2)
    with any_store.sessions.begin() as session:
        assert get_settings(session).new_per_day == 20 and get_settings(session).exam_date is None
        saved = set_settings(session, exam_date="2026-05-24", new_per_day="15", today=day)
        assert saved.exam_date == dt.date(2026, 5, 24) and saved.new_per_day == 15
        with pytest.raises(SettingsError) as bad:
            set_settings(session, exam_date="2026-03-01", new_per_day="-1", reviews_per_day="lots", today=day)
        assert bad.value.errors == {"exam_date": "the exam date 2026-03-01 is not in the future",
                                    "new_per_day": "new cards a day: -1 is outside 0–999",
                                    "reviews_per_day": "reviews a day: 'lots' is not a whole number"}
        with pytest.raises(SettingsError, match="'24/05/2026' is not a date in YYYY-MM-DD form"):
            set_settings(session, exam_date="24/05/2026", today=day)
        with pytest.raises(SettingsError, match="exam_date: the exam date 2026-03-02 is not in the future"):
            set_settings(session, exam_date=day, today=day)
        assert get_settings(session) == saved  # the bad writes left the stored plan as it was
        assert set_settings(session, exam_date="", today=day).exam_date is None  # blank clears it
        assert session.scalar(select(LearnerSettings.new_per_day)) == 15
        assert len(list(session.scalars(select(LearnerSettings)))) == 1  # one row for the local learner

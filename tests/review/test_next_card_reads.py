"""next_card and today's counts (review.daily.today) read through the driver: the ORM's answers on SQLite and
PostgreSQL, for learned cards due in every state, the boundary (due exactly now), new cards and other learners."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from gistbook import review
from gistbook.review.daily import today
from gistbook.store import Store, models

T0 = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def expected_next(session: object, user_id: int | None, now: dt.datetime) -> int | None:
    """The rule in plain Python over ORM rows: the earliest due learned card, else the oldest new card."""
    cards = list(session.scalars(select(models.Card)))  # type: ignore[attr-defined]
    mine = [c for c in cards if c.user_id == user_id]
    due = [c for c in mine if c.state > 0 and review.scheduler.utc(c.due) <= now]
    if due:
        return min(due, key=lambda c: (review.scheduler.utc(c.due), c.id)).id  # type: ignore[no-any-return]
    new = [c for c in mine if c.state == 0]
    return min(c.id for c in new) if new else None


def test_driver_reads_match_the_rule(any_store: Store) -> None:
    rng = random.Random(4)
    with any_store.sessions.begin() as session:
        other = models.User(name="other", role="learner")
        session.add(other)
        session.flush()
        for n, minutes in enumerate(rng.sample(range(-600, 600), 60)):  # distinct times: one right answer
            state = rng.choice([0, 1, 2, 3])
            due = T0 + dt.timedelta(minutes=minutes)
            session.add(models.Card(user_id=rng.choice([None, None, other.id]), origin="fact", origin_id=n,
                                    front=f"front {n}", back=f"back {n}", state=state, fsrs={}, due=due))
        session.add(models.Card(user_id=None, origin="fact", origin_id=999, front="boundary", back="b", state=2,
                                fsrs={}, due=T0 - dt.timedelta(hours=20)))
        session.flush()
        for now in (T0 - dt.timedelta(hours=30), T0, T0 + dt.timedelta(hours=3), T0 - dt.timedelta(hours=20)):
            for user in (None, other.id):
                got = review.next_card(session, user_id=user, now=now)
                assert (got["id"] if got else None) == expected_next(session, user, now), (now, user)
        mine = [c for c in session.scalars(select(models.Card)) if c.user_id is None]
        now = dt.datetime.now(dt.UTC)
        counts = today(session, None, now)
        assert counts.new_available == min(counts.new_per_day, sum(c.state == 0 for c in mine))
        assert counts.steps_due + counts.review_due == sum(c.state > 0 and review.scheduler.utc(c.due) <= now
                                                           for c in mine)
        card = review.next_card(session, now=T0)
        assert card is not None and dt.datetime.fromisoformat(card["due"]).tzinfo is not None

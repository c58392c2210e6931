"""The learner's day: what is due, how many new cards and reviews are left under the daily limits, and the card
to show next. Review, Stats, the API and the CLI all count "due" here, so they always say the same.

A day runs from 04:00 to 04:00 India time (a late night's reviews count toward the day they belong to, as in
Anki): aspirants sit the UPSC in India, and gistbook keeps no time zone per learner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from gistbook.review.scheduler import STEP_STATES, next_card, utc
from gistbook.store.cards import day_counts
from gistbook.store.learners import Settings, get_settings

LEARNER_TZ = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
DAY_STARTS_AT = dt.time(4, 0)
COUNT_CAP = 9999  # counts past this are shown as 9999+: a bigger deck costs no more to count


def day_bounds(now: dt.datetime | None = None) -> tuple[dt.datetime, dt.datetime]:
    """Start and end (aware UTC) of the learner's day holding `now`."""
    local = utc(now).astimezone(LEARNER_TZ)
    start = dt.datetime.combine(local.date(), DAY_STARTS_AT, LEARNER_TZ)
    if local < start:
        start -= dt.timedelta(days=1)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)


def learner_date(now: dt.datetime | None = None) -> dt.date:
    """The calendar date of the learner's day holding `now` (what "today" means for an exam date)."""
    start, _end = day_bounds(now)
    return start.astimezone(LEARNER_TZ).date()


@dataclass(frozen=True)
class Today:
    """One learner's queue for the day. `reviews_due` and `new_left` are what the Review page will offer."""

    steps_due: int  # learning and relearning cards due now: never held back
    review_due: int  # review-state cards due now, counted up to what the daily limit leaves
    due_later_today: int  # learned cards falling due before the day ends
    new_available: int  # new cards never rated, counted up to what the daily limit leaves
    new_introduced: int  # cards whose first rating fell today
    reviews_done: int  # ratings today of cards introduced on an earlier day
    new_per_day: int
    reviews_per_day: int

    @property
    def reviews_left(self) -> int:
        return max(0, self.reviews_per_day - self.reviews_done)

    @property
    def reviews_due(self) -> int:
        return self.steps_due + min(self.review_due, self.reviews_left)

    @property
    def new_left(self) -> int:
        return max(0, min(self.new_available, self.new_per_day - self.new_introduced))

    @property
    def held_back(self) -> int:
        """Review cards due now that today's review limit keeps for another day (a lower bound past the cap)."""
        return max(0, self.review_due - self.reviews_left)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reviews_due": self.reviews_due, "new_left": self.new_left,
                "reviews_left": self.reviews_left, "held_back": self.held_back}


def today(session: Session, user_id: int | None = None, now: dt.datetime | None = None,
          settings: Settings | None = None) -> Today:
    """What is due and what the daily limits leave for this learner now (the one count of "due")."""
    moment = utc(now)
    limits = settings or get_settings(session, user_id)
    start, end = day_bounds(moment)
    steps, review, later, new, introduced, done = day_counts(session, user_id, moment, start, end, cap=COUNT_CAP,
                                                             new_cap=limits.new_per_day)
    return Today(steps, review, later, new, introduced, done, limits.new_per_day, limits.reviews_per_day)


def next_card_today(session: Session, user_id: int | None = None, now: dt.datetime | None = None, *,
                    counts: Today | None = None, exam_date: dt.date | None = None) -> dict[str, Any] | None:
    """The next card within today's limits: learning steps always, review cards while the review limit lasts,
    new cards while the new-card limit lasts."""
    moment = utc(now)
    queue = counts or today(session, user_id, moment)
    states = STEP_STATES + ((2,) if queue.reviews_left > 0 else ())
    return next_card(session, user_id, moment, include_new=queue.new_left > 0, exam_date=exam_date,
                     due_states=tuple(sorted(states)))

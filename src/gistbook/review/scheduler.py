"""FSRS scheduling per learner: pick the next card, record a rating; every datetime is aware UTC."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

import fsrs
from sqlalchemy.orm import Session

from gistbook.store import cards as card_store
from gistbook.store import reviews as review_log
from gistbook.store.fastsql import timestamp

STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
LEARNED_STATES = (1, 2, 3)
STEP_STATES = (1, 3)  # learning and relearning: steps of minutes, never held back by the daily review limit


class ReviewError(ValueError):
    """A review request that cannot be met (no such card for this learner, bad rating); one-line reason."""


def make_scheduler(fuzz: bool = True, desired_retention: float = 0.9) -> fsrs.Scheduler:
    """The FSRS scheduler; tests turn fuzzing off so intervals are exact."""
    return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


def utc(moment: dt.datetime | None = None) -> dt.datetime:
    """Aware UTC; a naive value (SQLite gives those back) is read as UTC."""
    if moment is None:
        return dt.datetime.now(dt.UTC)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


class Scheduled(Protocol):
    """What FSRS reads of a stored card (store/cards.py gives these rows)."""

    @property
    def id(self) -> int: ...

    @property
    def state(self) -> int: ...

    @property
    def fsrs(self) -> dict[str, object]: ...


def fsrs_card(row: Scheduled, now: dt.datetime) -> fsrs.Card:
    """The FSRS card behind a row; the card id is passed explicitly so it matches ours."""
    if row.fsrs:
        card = fsrs.Card.from_dict(row.fsrs)  # type: ignore[arg-type]
        card.card_id = row.id
        return card
    return fsrs.Card(card_id=row.id, due=now)


def card_dict(row: Any) -> dict[str, Any]:
    """A card in the shape the CLI and the web app show."""
    return {"id": row.id, "origin": row.origin, "origin_id": row.origin_id, "front": row.front, "back": row.back,
            "state": STATE_NAMES.get(row.state, str(row.state)), "due": utc(timestamp(row.due)).isoformat(),
            "syllabus": row.syllabus, "bullet_id": row.bullet_id, "user_id": row.user_id}


def get_card(session: Session, card_id: int, user_id: int | None = None) -> dict[str, Any] | None:
    """One of this learner's cards by id; None for a missing card or another learner's."""
    row = card_store.own_card(session, card_id, user_id)
    return card_dict(row) if row is not None else None


def next_card(session: Session, user_id: int | None = None, now: dt.datetime | None = None, *,
              include_new: bool = True, exam_date: dt.date | None = None,
              due_states: tuple[int, ...] = LEARNED_STATES) -> dict[str, Any] | None:
    """The card to show now: the most overdue learned card, else the oldest new card; None when done.

    With `exam_date`, due cards are ranked by the exam planner instead (weakest recall on the exam day
    in the heaviest syllabus areas first). `due_states` narrows the learned cards offered (the daily review
    limit leaves only the learning steps).
    """
    moment = utc(now)
    if exam_date is not None:
        from gistbook.review.plan import best_due_for_exam

        row = best_due_for_exam(session, user_id, moment, exam_date, include_new, due_states)
        return card_dict(row) if row is not None else None
    card = card_store.next_due(session, user_id, moment, due_states=due_states, include_new=include_new)
    return card_dict(card) if card else None


def rate(session: Session, card_id: int, rating: int, user_id: int | None = None, now: dt.datetime | None = None,
         *, duration_ms: int | None = None, scheduler: fsrs.Scheduler | None = None) -> dict[str, Any]:
    """Record a rating (1 Again, 2 Hard, 3 Good, 4 Easy) for one of this learner's cards; returns the card.

    The card's state before the rating is kept on the log, so `undo_last` can put it back. Writes go to
    `session`; the caller commits.
    """
    if rating not in (1, 2, 3, 4):
        raise ReviewError(f"rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not {rating!r}")
    row = card_store.own_card(session, card_id, user_id)
    if row is None:
        raise ReviewError(f"no card {card_id} for this learner")
    moment = utc(now)
    before = {"fsrs": row.fsrs or {}, "state": row.state, "due": utc(row.due).isoformat()}
    sched = scheduler or make_scheduler()
    updated, _log = sched.review_card(fsrs_card(row, moment), fsrs.Rating(rating), review_datetime=moment,
                                      review_duration=duration_ms)
    card_store.record_rating(session, row, fsrs=dict(updated.to_dict()), state=int(updated.state.value),
                             due=utc(updated.due), user_id=user_id, rating=rating, reviewed=moment,
                             duration_ms=duration_ms, before=before)
    out = card_dict(row)
    out["interval_days"] = round((utc(updated.due) - moment).total_seconds() / 86400, 3)
    return out


def latest_rating(session: Session, user_id: int | None) -> tuple[int, bool] | None:
    """(log id, whether it can be undone) of this learner's latest rating, or None when there is none."""
    return review_log.latest(session, user_id)


def undo_last(session: Session, user_id: int | None = None) -> dict[str, Any]:
    """Take back this learner's latest rating: the card gets its state from before it and the log row goes.

    Called again, it takes back the rating before that. Raises ReviewError when there is none to take back
    (or the latest was recorded before ratings kept their prior state). The caller commits.
    """
    latest = latest_rating(session, user_id)
    if latest is None:
        raise ReviewError("there is no rating to undo")
    log = review_log.log(session, latest[0])
    if log is None or not latest[1] or not log.before:
        raise ReviewError("your last rating was recorded before undo existed, so it cannot be undone")
    row = card_store.own_card(session, log.card_id, user_id)
    if row is None:
        raise ReviewError("there is no rating to undo")
    before: dict[str, Any] = dict(log.before)
    rating = log.rating
    review_log.take_back(session, log, row, fsrs=before.get("fsrs") or {}, state=int(before.get("state", 0)),
                         due=utc(dt.datetime.fromisoformat(str(before["due"]))))
    out = card_dict(row)
    out["undone_rating"] = rating
    return out


def preview_intervals(row: Scheduled, now: dt.datetime | None = None,
                      scheduler: fsrs.Scheduler | None = None) -> dict[int, dt.timedelta]:
    """What each rating would do: the time until the card's next due date, from FSRS run on a copy of the card
    (fuzzing off, so the figure is the scheduler's own; a real rating may land a little either side)."""
    moment = utc(now)
    sched = scheduler or make_scheduler(fuzz=False)
    out: dict[int, dt.timedelta] = {}
    for rating in fsrs.Rating:
        copy = fsrs_card(row, moment)  # a fresh object each time: the stored card is never touched
        updated, _log = sched.review_card(copy, rating, review_datetime=moment)
        out[int(rating.value)] = utc(updated.due) - moment
    return out


def interval_label(span: dt.timedelta) -> str:
    """A short interval as Anki shows it: 1m, 10m, 3h, 4d, 2.1mo, 1.3y."""
    seconds = max(0.0, span.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def retrievability(scheduler: fsrs.Scheduler, row: Scheduled, at: dt.datetime) -> float:
    """Predicted chance of recalling the card at `at`; 0 for a card never studied."""
    if row.state == 0 or not row.fsrs:
        return 0.0
    return float(scheduler.get_card_retrievability(fsrs_card(row, at), current_datetime=at))

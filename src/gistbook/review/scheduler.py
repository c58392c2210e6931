"""FSRS scheduling per learner: pick the next card, record a rating; every datetime is aware UTC."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import fsrs
from sqlalchemy import Select, bindparam, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from gistbook.store import models as m

STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}


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


def owned_by(user_id: int | None) -> ColumnElement[bool]:
    """Cards of one learner; None is the local single user (never another learner's cards)."""
    return m.Card.user_id.is_(None) if user_id is None else m.Card.user_id == user_id


def fsrs_card(row: m.Card, now: dt.datetime) -> fsrs.Card:
    """The FSRS card behind a row; the card id is passed explicitly so it matches ours."""
    if row.fsrs:
        card = fsrs.Card.from_dict(row.fsrs)  # type: ignore[arg-type]
        card.card_id = row.id
        return card
    return fsrs.Card(card_id=row.id, due=now)


def card_dict(row: Any) -> dict[str, Any]:
    """A card in the shape the CLI and the web app show."""
    return {"id": row.id, "origin": row.origin, "origin_id": row.origin_id, "front": row.front, "back": row.back,
            "state": STATE_NAMES.get(row.state, str(row.state)), "due": utc(row.due).isoformat(),
            "syllabus": row.syllabus, "bullet_id": row.bullet_id, "user_id": row.user_id}


def get_card(session: Session, card_id: int, user_id: int | None = None) -> dict[str, Any] | None:
    """One of this learner's cards by id; None for a missing card or another learner's."""
    row = session.get(m.Card, card_id)
    return card_dict(row) if row is not None and row.user_id == user_id else None


def next_card(session: Session, user_id: int | None = None, now: dt.datetime | None = None, *,
              include_new: bool = True, exam_date: dt.date | None = None) -> dict[str, Any] | None:
    """The card to show now: the most overdue learned card, else the oldest new card; None when done.

    With `exam_date`, due cards are ranked by the exam planner instead (weakest recall on the exam day
    in the heaviest syllabus areas first).
    """
    moment = utc(now)
    if exam_date is not None:
        from gistbook.review.plan import best_due_for_exam

        row = best_due_for_exam(session, user_id, moment, exam_date, include_new)
        return card_dict(row) if row is not None else None
    due_id = session.execute(_due_statement(user_id is None), {"user": user_id, "now": moment}).scalar()
    if due_id is None and include_new:
        due_id = session.execute(_new_statement(user_id is None), {"user": user_id}).scalar()
    found = session.execute(_card_statement(), {"id": due_id}).first() if due_id is not None else None
    return card_dict(found) if found is not None else None


@functools.cache
def _card_statement() -> Any:
    """Built once: the columns card_dict shows (plain row, no ORM object: the review page reads it per card)."""
    c = m.Card
    return select(c.id, c.origin, c.origin_id, c.front, c.back, c.state, c.due, c.syllabus, c.bullet_id,
                  c.user_id).where(c.id == bindparam("id"))


@functools.cache
def _due_statement(local: bool) -> Select[Any]:
    """Built once: the earliest due card in each learned state (one index seek each), then the earliest of those."""
    owner = m.Card.user_id.is_(None) if local else m.Card.user_id == bindparam("user")
    per_state = [select(m.Card.id, m.Card.due).where(owner, m.Card.state == state, m.Card.due <= bindparam("now"))
                 .order_by(m.Card.due).limit(1).subquery() for state in (1, 2, 3)]
    merged = union_all(*(select(p.c.id, p.c.due) for p in per_state)).subquery()
    return select(merged.c.id).order_by(merged.c.due).limit(1)


@functools.cache
def _new_statement(local: bool) -> Select[Any]:
    owner = m.Card.user_id.is_(None) if local else m.Card.user_id == bindparam("user")
    return select(m.Card.id).where(owner, m.Card.state == 0).order_by(m.Card.id).limit(1)


def rate(session: Session, card_id: int, rating: int, user_id: int | None = None, now: dt.datetime | None = None,
         *, duration_ms: int | None = None, scheduler: fsrs.Scheduler | None = None) -> dict[str, Any]:
    """Record a rating (1 Again, 2 Hard, 3 Good, 4 Easy) for one of this learner's cards; returns the card.

    Writes go to `session`; the caller commits.
    """
    if rating not in (1, 2, 3, 4):
        raise ReviewError(f"rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not {rating!r}")
    row = session.get(m.Card, card_id)
    if row is None or row.user_id != user_id:
        raise ReviewError(f"no card {card_id} for this learner")
    moment = utc(now)
    sched = scheduler or make_scheduler()
    updated, _log = sched.review_card(fsrs_card(row, moment), fsrs.Rating(rating), review_datetime=moment,
                                      review_duration=duration_ms)
    row.fsrs = updated.to_dict()  # type: ignore[assignment]
    row.state = int(updated.state.value)
    row.due = utc(updated.due)
    session.add(m.ReviewLog(card_id=row.id, user_id=user_id, rating=rating, reviewed=moment,
                            duration_ms=duration_ms))
    session.flush()
    out = card_dict(row)
    out["interval_days"] = round((utc(updated.due) - moment).total_seconds() / 86400, 3)
    return out


def retrievability(scheduler: fsrs.Scheduler, row: m.Card, at: dt.datetime) -> float:
    """Predicted chance of recalling the card at `at`; 0 for a card never studied."""
    if row.state == 0 or not row.fsrs:
        return 0.0
    return float(scheduler.get_card_retrievability(fsrs_card(row, at), current_datetime=at))

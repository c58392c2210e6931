"""The log of a learner's ratings: the latest one (for undo), taking it back, and the history Stats and the API
read. Each rating keeps the card's state from before it, so the latest can be put back."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.cards import owned, owner_sql
from gistbook.store.fastsql import json_value, rows


@functools.cache
def _latest_sql(local: bool) -> str:
    # unary plus keeps SQLite off the owner index: it walks the time index backwards and stops at the first row
    return (f"SELECT id, before FROM review_logs WHERE {owner_sql(local, '+user_id')} "
            "ORDER BY reviewed DESC, id DESC LIMIT 1")


def latest(session: Session, user_id: int | None) -> tuple[int, bool] | None:
    """(log id, whether it kept the card's prior state) of this learner's latest rating; None when there is none.
    Read on every Review page view, so straight to the driver (store/fastsql.py)."""
    found = rows(session, _latest_sql(user_id is None), {"user": user_id})
    return (int(found[0][0]), bool(json_value(found[0][1]))) if found else None


def log(session: Session, log_id: int) -> m.ReviewLog | None:
    """One rating by its log id."""
    return session.get(m.ReviewLog, log_id)


def take_back(session: Session, entry: m.ReviewLog, row: m.Card, *, fsrs: dict[str, Any], state: int,
              due: dt.datetime) -> None:
    """Put a card back to its schedule from before a rating and delete that rating's log row."""
    row.fsrs = fsrs
    row.state = state
    row.due = due
    session.delete(entry)
    session.flush()


def history(session: Session, user_id: int | None) -> list[tuple[int, int, dt.datetime]]:
    """(card id, rating, when) of every rating of this learner, oldest first."""
    return [(card_id, rating, reviewed) for card_id, rating, reviewed in session.execute(
        select(m.ReviewLog.card_id, m.ReviewLog.rating, m.ReviewLog.reviewed)
        .where(owned(m.ReviewLog.user_id, user_id)).order_by(m.ReviewLog.reviewed, m.ReviewLog.id))]


def newest(session: Session, user_id: int | None, limit: int) -> list[m.ReviewLog]:
    """This learner's latest `limit` ratings, newest first."""
    return list(session.scalars(select(m.ReviewLog).where(owned(m.ReviewLog.user_id, user_id))
                                .order_by(m.ReviewLog.reviewed.desc(), m.ReviewLog.id.desc()).limit(limit)))

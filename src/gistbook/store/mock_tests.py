"""Mock-test storage: the finished attempts of each learner, their self-ratings of Mains outlines, and the pool of
stored questions a default mock is drawn from. Local mode's one learner has user_id NULL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.learners import MockAttempt

RECENT_ATTEMPTS = 20  # a new default mock avoids the questions of this many recent attempts, while the pool allows


class MockError(LookupError):
    """An attempt or question that is not this learner's or not stored; one-line reason."""


def _owned(user_id: int | None) -> ColumnElement[bool]:
    return MockAttempt.user_id.is_(None) if user_id is None else MockAttempt.user_id == user_id


def save_attempt(session: Session, *, user_id: int | None, items: list[dict[str, Any]], marking: dict[str, Any],
                 size: int, topic: str | None = None, article_id: int | None = None,
                 time_limit_s: int | None = None, elapsed_s: int | None = None,
                 finished: dt.datetime | None = None) -> MockAttempt:
    """Store one finished mock; `items` are per question: id, kind, given, answer, outcome, marks."""
    row = MockAttempt(user_id=user_id, topic=topic, article_id=article_id, size=size, time_limit_s=time_limit_s,
                      elapsed_s=elapsed_s, right=marking["right"], wrong=marking["wrong"], blank=marking["blank"],
                      mains=marking["mains"], marks=marking["marks"], max_marks=marking["max_marks"], answers=items,
                      finished=finished or dt.datetime.now(dt.UTC))
    session.add(row)
    session.flush()
    return row


def get_attempt(session: Session, attempt_id: int, user_id: int | None) -> MockAttempt:
    """One of this learner's attempts; another learner's attempt is as unknown as a missing one."""
    row = session.scalars(select(MockAttempt).where(MockAttempt.id == attempt_id, _owned(user_id))).first()
    if row is None:
        raise MockError(f"There is no mock test #{attempt_id} in your history.")
    return row


def list_attempts(session: Session, user_id: int | None, limit: int = 100) -> list[MockAttempt]:
    """The learner's attempts, newest first."""
    return list(session.scalars(select(MockAttempt).where(_owned(user_id))
                                .order_by(MockAttempt.finished.desc(), MockAttempt.id.desc()).limit(limit)))


def same_submission(session: Session, user_id: int | None, question_ids: list[int], started: dt.datetime) \
        -> MockAttempt | None:
    """The attempt already stored for this very set (same questions, same start), so a second press of Submit,
    or the timer's submit racing the learner's, does not store the mock twice."""
    for row in session.scalars(select(MockAttempt).where(_owned(user_id), MockAttempt.finished >= started)
                               .order_by(MockAttempt.id.desc()).limit(10)):
        row_started = _aware(row.finished) - dt.timedelta(seconds=row.elapsed_s or 0)
        if [a["id"] for a in row.answers] == question_ids and abs((row_started - started).total_seconds()) <= 2:
            return row
    return None


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)  # SQLite drops the zone


def rate_mains(session: Session, attempt_id: int, user_id: int | None, question_id: int, rating: str) -> MockAttempt:
    """Store the learner's own rating of a Mains outline in the attempt (the only part of it that changes)."""
    row = get_attempt(session, attempt_id, user_id)
    items = [dict(item) for item in row.answers]
    target = next((item for item in items if item["id"] == question_id), None)
    if target is None or target.get("outcome") != "mains":
        raise MockError(f"Question #{question_id} is not a Mains question of mock test #{attempt_id}.")
    target["self_rating"] = rating
    row.answers = items  # a new list, so the JSON column is written
    session.flush()
    return row


def recent_question_ids(session: Session, user_id: int | None, attempts: int = RECENT_ATTEMPTS) -> set[int]:
    """Questions the learner met in their last few mocks."""
    lists = session.scalars(select(MockAttempt.answers).where(_owned(user_id))
                            .order_by(MockAttempt.id.desc()).limit(attempts))
    return {int(item["id"]) for items in lists for item in items}


def question_pool(session: Session, *, kinds: list[str] | None, generators: list[str]) -> list[tuple[int, str]]:
    """(id, kind) of every stored question made by a current generator, optionally of some kinds only."""
    query = select(m.Question.id, m.Question.kind).where(m.Question.generator.in_(generators))
    if kinds:
        query = query.where(m.Question.kind.in_(kinds))
    return [(int(qid), str(kind)) for qid, kind in session.execute(query)]

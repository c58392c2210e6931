"""Reads of stored questions for review cards, the Anki export and the CLI."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.store import models as m


def any_question(session: Session) -> bool:
    """Whether any question is stored."""
    return session.scalar(select(m.Question.id).limit(1)) is not None


def questions(session: Session, ids: list[int] | None = None) -> Iterable[m.Question]:
    """Stored questions: those with these ids, or all of them when `ids` is None (in no set order)."""
    q = select(m.Question)
    if ids is not None:
        q = q.where(m.Question.id.in_(ids))
    return session.scalars(q)


def questions_in_order(session: Session) -> list[m.Question]:
    """Every stored question in id order."""
    return list(session.scalars(select(m.Question).order_by(m.Question.id)))

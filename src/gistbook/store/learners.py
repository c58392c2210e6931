"""A learner's study settings and mock-test history, kept in the database so every browser sees the same plan.

Local mode has one learner, stored with `user_id` NULL; in server mode each account has its own row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gistbook.store import models as m

DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200


class LearnerSettings(m.Base):
    """The exam date and daily card limits of one learner (one row per learner)."""

    __tablename__ = "learner_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    exam_date: Mapped[dt.date | None] = mapped_column(Date)
    new_per_day: Mapped[int] = mapped_column(Integer, default=DEFAULT_NEW_PER_DAY)
    reviews_per_day: Mapped[int] = mapped_column(Integer, default=DEFAULT_REVIEWS_PER_DAY)
    updated: Mapped[dt.datetime] = mapped_column(default=m.utcnow)


class MockAttempt(m.Base):
    """One finished mock test: its questions, the answers given and the UPSC-style marks, kept for the history."""

    __tablename__ = "mock_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str | None] = mapped_column(String(300))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    size: Mapped[int] = mapped_column(Integer)
    time_limit_s: Mapped[int | None] = mapped_column(Integer)
    elapsed_s: Mapped[int | None] = mapped_column(Integer)
    right: Mapped[int] = mapped_column(Integer, default=0)
    wrong: Mapped[int] = mapped_column(Integer, default=0)
    blank: Mapped[int] = mapped_column(Integer, default=0)
    mains: Mapped[int] = mapped_column(Integer, default=0)
    marks: Mapped[float] = mapped_column(Float, default=0.0)
    max_marks: Mapped[float] = mapped_column(Float, default=0.0)
    answers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # per question: id, given, outcome, marks
    finished: Mapped[dt.datetime] = mapped_column(default=m.utcnow, index=True)

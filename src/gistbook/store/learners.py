"""A learner's study settings and mock-test history, kept in the database so every browser sees the same plan.

Local mode has one learner, stored with `user_id` NULL; in server mode each account has its own row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

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


# ---- settings: read with defaults, write with validation ------------------------------------------------------

NEW_PER_DAY_RANGE = (0, 999)
REVIEWS_PER_DAY_RANGE = (0, 9999)
SETTING_FIELDS = ("exam_date", "new_per_day", "reviews_per_day")


class SettingsError(ValueError):
    """Settings that cannot be stored; `errors` maps each bad field to a one-line reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Settings:
    """A learner's settings as plain values; a learner with no row gets the defaults."""

    exam_date: dt.date | None = None
    new_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY

    def to_dict(self) -> dict[str, Any]:
        return {"exam_date": self.exam_date.isoformat() if self.exam_date else None,
                "new_per_day": self.new_per_day, "reviews_per_day": self.reviews_per_day}


def _row(session: Session, user_id: int | None) -> LearnerSettings | None:
    owner = LearnerSettings.user_id.is_(None) if user_id is None else LearnerSettings.user_id == user_id
    # the local learner's NULL is not unique to the database: the oldest row is the one that counts
    return session.scalars(select(LearnerSettings).where(owner).order_by(LearnerSettings.id).limit(1)).first()


def get_settings(session: Session, user_id: int | None = None) -> Settings:
    """This learner's settings (local mode: user_id None), or the defaults when none were saved."""
    row = _row(session, user_id)
    if row is None:
        return Settings()
    return Settings(row.exam_date, row.new_per_day, row.reviews_per_day)


def parse_exam_date(raw: str | None, today: dt.date) -> dt.date | None:
    """An exam date from a form or query: blank is none; anything but a future YYYY-MM-DD raises ValueError."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text[:20]!r} is not a date in YYYY-MM-DD form") from None
    if day <= today:
        raise ValueError(f"{day.isoformat()} is not in the future")
    return day


def _limit(raw: Any, bounds: tuple[int, int]) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValueError(f"{str(raw).strip()[:20]!r} is not a whole number") from None
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(f"{value} is outside {bounds[0]}–{bounds[1]}")
    return value


def validate_settings(given: dict[str, Any], current: Settings, today: dt.date) -> Settings:
    """The settings with `given` applied (strings, as a form sends them, or typed values); raises SettingsError
    naming every bad field. A field not in `given` keeps its current value."""
    errors: dict[str, str] = {}
    values = current.to_dict()
    values["exam_date"] = current.exam_date
    if "exam_date" in given:
        raw = given["exam_date"]
        try:
            values["exam_date"] = parse_exam_date(raw.isoformat() if isinstance(raw, dt.date) else raw, today)
        except ValueError as exc:
            errors["exam_date"] = f"the exam date {exc}"
    for name, bounds, words in (("new_per_day", NEW_PER_DAY_RANGE, "new cards a day"),
                                ("reviews_per_day", REVIEWS_PER_DAY_RANGE, "reviews a day")):
        if name in given:
            try:
                values[name] = _limit(given[name], bounds)
            except ValueError as exc:
                errors[name] = f"{words}: {exc}"
    if errors:
        raise SettingsError(errors)
    return Settings(values["exam_date"], values["new_per_day"], values["reviews_per_day"])


def set_settings(session: Session, user_id: int | None = None, *, today: dt.date | None = None,
                 **given: Any) -> Settings:
    """Validate and store some of this learner's settings (exam_date, new_per_day, reviews_per_day); nothing is
    written when any field is bad. The caller commits."""
    unknown = set(given) - set(SETTING_FIELDS)
    if unknown:
        raise SettingsError({name: "not a learner setting" for name in sorted(unknown)})
    settings = validate_settings(given, get_settings(session, user_id), today or dt.date.today())
    row = _row(session, user_id)
    if row is None:
        row = LearnerSettings(user_id=user_id)
        session.add(row)
    row.exam_date = settings.exam_date
    row.new_per_day = settings.new_per_day
    row.reviews_per_day = settings.reviews_per_day
    row.updated = m.utcnow()
    session.flush()
    return settings

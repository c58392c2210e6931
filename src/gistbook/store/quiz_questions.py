"""The questions the quiz generates and serves: stored by fingerprint, read back with their citations.

quiz/service.py and quiz/stored.py call these, and so do the review cards, the Anki export and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gistbook.store import models as m


@dataclass(frozen=True)
class StoredQuestion:
    """A question row as the quiz reads it back (the columns of its `quiz --json` shape)."""

    id: int
    kind: str
    stem: str
    options: list[str]
    answer: str
    explanation: str
    source_bullet_ids: list[int]
    generator: str
    fingerprint: str = ""
    syllabus: str | None = None


def _stored(row: m.Question) -> StoredQuestion:
    return StoredQuestion(row.id, row.kind, row.stem, list(row.options or []), row.answer, row.explanation,
                          list(row.source_bullet_ids or []), row.generator, row.fingerprint, row.syllabus)


def ids_by_fingerprint(session: Session, fingerprints: list[str]) -> dict[str, int]:
    """fingerprint → id of the stored questions among these fingerprints."""
    if not fingerprints:
        return {}
    return {row.fingerprint: row.id for row in session.execute(
        select(m.Question.fingerprint, m.Question.id).where(m.Question.fingerprint.in_(fingerprints)))}


def add_question(session: Session, *, fingerprint: str, kind: str, stem: str, options: list[str], answer: str,
                 explanation: str, source_bullet_ids: list[int], generator: str, topic: str | None,
                 syllabus: str | None) -> int:
    """Store one new question (in the caller's transaction) and return its id."""
    row = m.Question(fingerprint=fingerprint, kind=kind, stem=stem, options=options, answer=answer,
                     explanation=explanation, source_bullet_ids=source_bullet_ids, generator=generator,
                     topic=topic, syllabus=syllabus)
    session.add(row)
    session.flush()
    return row.id


def question(session: Session, question_id: int) -> StoredQuestion | None:
    """One stored question by id, or None."""
    row = session.get(m.Question, question_id)
    return _stored(row) if row is not None else None


def questions(session: Session, ids: list[int] | None = None) -> list[StoredQuestion]:
    """Stored questions: those with these ids, or all of them when `ids` is None (in no set order)."""
    q = select(m.Question)
    if ids is not None:
        q = q.where(m.Question.id.in_(ids))
    return [_stored(row) for row in session.scalars(q)]


def questions_in_order(session: Session) -> list[StoredQuestion]:
    """Every stored question in id order (the Anki export)."""
    return [_stored(row) for row in session.scalars(select(m.Question).order_by(m.Question.id))]


def any_question(session: Session) -> bool:
    """Whether any question is stored."""
    return session.scalar(select(m.Question.id).limit(1)) is not None


def citations(session: Session, bullet_ids: list[int] | set[int]) -> dict[int, tuple[int, str, str | None]]:
    """bullet id → (article id, article title, published) of the bullets still stored."""
    if not bullet_ids:
        return {}
    return {b: (a, t, p) for b, a, t, p in session.execute(
        select(m.Bullet.id, m.Article.id, m.Article.title, m.Article.published)
        .join(m.Article, m.Article.id == m.Bullet.article_id).where(m.Bullet.id.in_(bullet_ids)))}


def newest_article_id(session: Session) -> int:
    """The highest article id (0 in an empty store): it grows whenever an article arrives."""
    return int(session.scalar(select(func.max(m.Article.id))) or 0)


def question_count(session: Session) -> int:
    return int(session.scalar(select(func.count(m.Question.id))) or 0)

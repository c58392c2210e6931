"""The reader's own notes on an article or one of its bullets; each learner sees only their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.fastsql import rows, timestamp

MAX_NOTE_CHARS = 10_000


class NoteError(ValueError):
    """A note cannot be written as asked; the message says why in one line."""


def _owner_is(user_id: int | None) -> ColumnElement[bool]:
    """Local mode has no users (user_id NULL); server mode scopes every query to the learner."""
    return m.Note.user_id.is_(None) if user_id is None else m.Note.user_id == user_id


def _clean_text(text: str | None) -> str:
    cleaned = (text or "").replace("\r\n", "\n").strip()
    if not cleaned:
        raise NoteError("a note needs some text")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise NoteError(f"a note is limited to {MAX_NOTE_CHARS:,} characters (this one has {len(cleaned):,})")
    return cleaned


def _iso(moment: dt.datetime) -> str:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).isoformat()


def note_dict(note: m.Note) -> dict[str, Any]:
    return {"id": note.id, "article_id": note.article_id, "bullet_id": note.bullet_id, "text": note.text,
            "created": _iso(note.created), "updated": _iso(note.updated)}


def add_note(session: Session, article_id: int, text: str | None, *, bullet_id: int | None = None,
             user_id: int | None = None) -> dict[str, Any]:
    """Attach a note to an article, or to one bullet of it; the caller owns the transaction."""
    body = _clean_text(text)
    if session.get(m.Article, article_id) is None:
        raise NoteError(f"no article with id {article_id}")
    if bullet_id is not None:
        owner = session.scalar(select(m.Bullet.article_id).where(m.Bullet.id == bullet_id))
        if owner != article_id:
            raise NoteError(f"bullet {bullet_id} is not part of article {article_id}")
    now = m.utcnow()
    note = m.Note(article_id=article_id, bullet_id=bullet_id, text=body, user_id=user_id, created=now, updated=now)
    session.add(note)
    session.flush()
    return note_dict(note)


def note(session: Session, note_id: int) -> m.Note | None:
    """A note by id, whoever's it is (callers check the owner before showing or using it)."""
    return session.get(m.Note, note_id)


def _own_note(session: Session, note_id: int, user_id: int | None) -> m.Note | None:
    return session.scalar(select(m.Note).where(m.Note.id == note_id, _owner_is(user_id)))


def get_note(session: Session, note_id: int, *, user_id: int | None = None) -> dict[str, Any] | None:
    note = _own_note(session, note_id, user_id)
    return note_dict(note) if note is not None else None


def edit_note(session: Session, note_id: int, text: str | None, *, user_id: int | None = None) \
        -> dict[str, Any] | None:
    """Replace a note's text; None when the learner has no such note."""
    body = _clean_text(text)
    note = _own_note(session, note_id, user_id)
    if note is None:
        return None
    if note.text != body:
        note.text = body
        note.updated = m.utcnow()
        session.flush()
    return note_dict(note)


def delete_note(session: Session, note_id: int, *, user_id: int | None = None) -> dict[str, Any] | None:
    """Delete a note; returns what was deleted (so a page can go back to its article), None if absent."""
    note = _own_note(session, note_id, user_id)
    if note is None:
        return None
    gone = note_dict(note)
    session.delete(note)
    session.flush()
    return gone


# One article's notes are read on every visit to its page (store/fastsql.py), one statement per owner kind.
_ARTICLE_NOTES = {
    local: "SELECT id, article_id, bullet_id, text, created, updated FROM notes WHERE article_id = :aid AND "
           + ("user_id IS NULL" if local else "user_id = :uid") + " ORDER BY created, id LIMIT :lim"
    for local in (True, False)
}


def list_notes(session: Session, *, article_id: int | None = None, bullet_id: int | None = None,
               user_id: int | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Notes oldest first within an article, or the newest across all articles when none is given."""
    if article_id is not None and bullet_id is None:
        found = rows(session, _ARTICLE_NOTES[user_id is None], {"aid": article_id, "uid": user_id, "lim": limit})
        return [{"id": i, "article_id": a, "bullet_id": b, "text": t, "created": _iso(timestamp(c)),
                 "updated": _iso(timestamp(u))} for i, a, b, t, c, u in found]
    q = select(m.Note).where(_owner_is(user_id))
    if article_id is not None:
        q = q.where(m.Note.article_id == article_id).order_by(m.Note.created, m.Note.id)
    else:
        q = q.order_by(m.Note.updated.desc(), m.Note.id.desc())
    if bullet_id is not None:
        q = q.where(m.Note.bullet_id == bullet_id)
    return [note_dict(n) for n in session.scalars(q.limit(limit))]

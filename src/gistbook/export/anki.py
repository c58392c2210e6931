"""Anki export with genanki: stable model, deck and note ids, so importing a new export updates notes in place."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path
from typing import Any

import genanki
from sqlalchemy.orm import Session

from gistbook.quiz.kb import topic_article_ids
from gistbook.quiz.options import LETTERS
from gistbook.store.articles import article_ids, bullet_sources
from gistbook.store.cards import cards_to_export
from gistbook.store.quiz_questions import questions_in_order

QUESTION_MODEL_ID = 1742_0500_01  # fixed forever: changing them makes Anki see new note types
CARD_MODEL_ID = 1742_0500_02
CSS = ".card { font-family: sans-serif; font-size: 18px; text-align: left; } .src { color: #666; font-size: 14px; }"

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID, "gistbook question",
    fields=[{"name": "Key"}, {"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Explanation"},
            {"name": "Source"}],
    templates=[{"name": "Question",
                "qfmt": "{{Question}}<br><br>{{Options}}",
                "afmt": "{{FrontSide}}<hr id=answer><b>{{Answer}}</b><br><br>{{Explanation}}"
                        "<br><br><div class=src>{{Source}}</div>"}],
    css=CSS, sort_field_index=1)
CARD_MODEL = genanki.Model(
    CARD_MODEL_ID, "gistbook card",
    fields=[{"name": "Key"}, {"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<br><br><div class=src>{{Source}}</div>"}],
    css=CSS, sort_field_index=1)


class ExportError(ValueError):
    """An export that cannot be written (unwritable path, nothing to export); one-line reason."""


def deck_id(name: str) -> int:
    """A deck id derived from its name, the same on every export."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) + (1 << 31)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _scope(session: Session, topic: str | None, since: str | None) -> set[int] | None:
    """Article ids an export is limited to, or None for all."""
    if topic is None and since is None:
        return None
    within = (topic_article_ids(session, topic) or [-1]) if topic is not None else None
    return article_ids(session, within=within, since=since)


def _sources(session: Session, bullet_ids: list[int]) -> tuple[str, set[int]]:
    lines, articles = [], set()
    for bullet_id, article_id, title, published in bullet_sources(session, bullet_ids):
        lines.append(f"“{title}” ({published or 'undated'}), bullet #{bullet_id}")
        articles.add(article_id)
    return "<br>".join(html.escape(line) for line in dict.fromkeys(lines)), articles


def export_anki(session: Session, out_path: str | Path, topic: str | None = None, since: str | None = None,
                user_id: int | None = None, timestamp: float | None = None) -> dict[str, Any]:
    """Write stored questions and this learner's fact and note cards to an .apkg; returns what was written."""
    scope = _scope(session, topic, since)
    deck_name = "gistbook" + (f"::{topic}" if topic else "")
    deck = genanki.Deck(deck_id(deck_name), deck_name)
    questions = cards = 0
    for q in questions_in_order(session):
        source, articles = _sources(session, list(q.source_bullet_ids or []))
        if scope is not None and not articles & scope:
            continue
        options = "<br>".join(f"({LETTERS[i].lower()}) {html.escape(o)}" for i, o in enumerate(q.options or []))
        if q.kind == "mains":
            answer = _html(q.answer)
        else:
            answer = html.escape(f"({q.answer.lower()}) {q.options[LETTERS.index(q.answer)]}")
        deck.add_note(genanki.Note(model=QUESTION_MODEL, guid=genanki.guid_for("gistbook-question", q.fingerprint),
                                   fields=[q.fingerprint[:16], _html(q.stem), options, answer, _html(q.explanation),
                                           source], tags=["gistbook", q.kind.replace("-", "_")]))
        questions += 1
    for card in cards_to_export(session, user_id):
        source, articles = _sources(session, [card.bullet_id] if card.bullet_id else [])
        if scope is not None and not articles & scope:
            continue
        key = f"{card.origin}:{card.origin_id}"
        deck.add_note(genanki.Note(model=CARD_MODEL, guid=genanki.guid_for("gistbook-card", key),
                                   fields=[key, _html(card.front), _html(card.back), source],
                                   tags=["gistbook", card.origin]))
        cards += 1
    path = Path(out_path)
    try:
        genanki.Package(deck).write_to_file(str(path), timestamp=timestamp)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return {"path": str(path), "deck": deck_name, "questions": questions, "cards": cards,
            "notes": questions + cards}

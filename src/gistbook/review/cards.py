"""Make review cards from stored facts, generated questions and a learner's own notes (one card per origin)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy.orm import Session

from gistbook.quiz.kb import KnowledgeBase, Mark, Sentence, load, topic_article_ids
from gistbook.quiz.options import BLANK, LETTERS
from gistbook.quiz.text import fold
from gistbook.quiz.worthiness import worthiness
from gistbook.review.scheduler import ReviewError, card_dict, utc
from gistbook.store import articles, notes
from gistbook.store import cards as card_store
from gistbook.store.quiz_questions import questions

NOTE_SPLIT = "::"


def _tag(session: Session, article_id: int | None) -> str | None:
    return articles.top_tag(session, article_id) if article_id is not None else None


# What an exam asks a blank to hold: a date or a figure first, then a named term (a scheme, an agreement, an
# exercise, a body), a person or a place; a country last, since the sentence around it usually gives it away.
BLANK_RANK = {"year": 5.0, "figure": 5.0}
ENTITY_RANK = {"agreement": 4.0, "initiative": 4.0, "scheme": 4.0, "policy": 4.0, "military_exercise": 4.0,
               "organisation": 3.5, "organization": 3.5, "person": 3.0, "place": 2.0, "country": 1.0}
OTHER_ENTITY = 2.5


def cloze_of(kb: KnowledgeBase, bullet_id: int) -> tuple[str, str] | None:
    """(front, answer) for a bullet: in its most exam-worthy sentence, the blank an exam would ask about.

    Sentences are ranked by the worthiness scorer (quiz/worthiness.py); within one, a date or figure beats a
    named term, a person, a place and a country, and no blank is offered whose answer the rest of the sentence
    still spells out ("India and ___ … the India-Japan Finance Dialogue").
    """
    best: tuple[float, float, int, str, str] | None = None
    for index, sentence in enumerate(kb.sentences(bullet_id)):
        marks = [(blank_rank(mk), mk) for mk in sentence.marks if _blankable(mk) and not _given_away(sentence, mk)]
        if not marks:
            continue
        rank, mark = max(marks, key=lambda pair: (pair[0], -pair[1].start))
        key = (worthiness(sentence.text), rank, -index)
        if best is None or key > best[:3]:
            front = sentence.text[:mark.start] + BLANK + sentence.text[mark.end:]
            best = (*key, front, mark.text)
    return (best[3], best[4]) if best else None


def blank_rank(mark: Mark) -> float:
    """How much an exam would ask for this part of a sentence (higher first)."""
    if mark.kind in BLANK_RANK:
        return BLANK_RANK[mark.kind]
    return ENTITY_RANK.get(mark.type.casefold(), OTHER_ENTITY)


def _blankable(mark: Mark) -> bool:
    return mark.kind in ("year", "figure") or (mark.kind == "entity" and fold(mark.value) != "india")


_WORD = re.compile(r"[^\W_]+")


def _given_away(sentence: Sentence, mark: Mark) -> bool:
    """True when the sentence with the blank still names the answer (its name, or a word of it past 3 letters)."""
    rest = fold(sentence.text[:mark.start] + " " + sentence.text[mark.end:])
    rest_words = set(_WORD.findall(rest))
    answer_words = {w for name in (mark.text, mark.value) for w in _WORD.findall(fold(name)) if len(w) > 3}
    if mark.kind != "entity":
        return fold(mark.text) in rest
    return bool(answer_words & rest_words) or fold(mark.text) in rest


def _fact_pairs(session: Session, user_id: int | None, topic: str | None,
                article_id: int | None) -> tuple[str, list[tuple[int, int]], int]:
    """(origin, [(origin id, bullet id)] still without a card, how many already have one) for a topic, an article
    or the whole store: stored facts, or news and background bullets when linking has stored no facts."""
    article_ids = [article_id] if article_id is not None else topic_article_ids(session, topic) if topic else None
    pairs = card_store.fact_bullets(session, article_ids)
    origin = "fact"
    if not pairs and not card_store.has_facts(session):
        origin = "bullet"
        pairs = [(b, b) for b in card_store.news_bullets(session, article_ids)]
    done = card_store.origin_ids(session, user_id, origin)
    fresh = [p for p in pairs if p[0] not in done]
    return origin, fresh, len(pairs) - len(fresh)


def fact_cards_preview(session: Session, user_id: int | None = None, topic: str | None = None,
                       article_id: int | None = None) -> dict[str, int]:
    """Before making cards: {"up_to": facts without a card yet, "existing": facts that already have one}.
    "Up to", because a fact with nothing worth blanking makes no card."""
    _origin, fresh, existing = _fact_pairs(session, user_id, topic, article_id)
    return {"up_to": len(fresh), "existing": existing}


def make_fact_cards(session: Session, user_id: int | None = None, topic: str | None = None,
                    now: dt.datetime | None = None, *, article_id: int | None = None) -> dict[str, int]:
    """One cloze card per stored fact of a topic, an article or the store, each made once per learner.

    Returns {"made", "existing" (already cards), "skipped" (nothing worth blanking)}.
    """
    origin, pairs, existing = _fact_pairs(session, user_id, topic, article_id)
    if not pairs:
        return {"made": 0, "existing": existing, "skipped": 0}
    kb = load(session, sorted(articles.articles_of_bullets(session, [b for _f, b in pairs])))
    moment = utc(now)
    made: list[dict[str, Any]] = []
    for origin_id, bullet_id in pairs:
        cloze = cloze_of(kb, bullet_id)
        if cloze is None:
            continue
        front, answer = cloze
        article = kb.bullet_article[bullet_id]
        back = f"{answer}\n\n{kb.texts[bullet_id]}\n\nSource: {kb.cite(bullet_id)}"
        made.append({"user_id": user_id, "origin": origin, "origin_id": origin_id, "front": front, "back": back,
                     "bullet_id": bullet_id, "syllabus": kb.articles[article].syllabus, "state": 0, "fsrs": {},
                     "due": moment, "created": moment})
    card_store.add_cards(session, made)
    return {"made": len(made), "existing": existing, "skipped": len(pairs) - len(made)}


def cards_from_facts(session: Session, user_id: int | None = None, topic: str | None = None,
                     now: dt.datetime | None = None, *, article_id: int | None = None) -> int:
    """One cloze card per stored fact (per bullet when linking has stored no facts); returns how many were made."""
    return make_fact_cards(session, user_id, topic, now, article_id=article_id)["made"]


def question_card_text(question: Any) -> tuple[str, str]:  # a stored question (store/quiz_questions.py)
    """Front (stem and lettered options) and back (key, explanation) of a question card."""
    front = question.stem
    if question.options:
        front += "\n" + "\n".join(f"({LETTERS[i].lower()}) {o}" for i, o in enumerate(question.options))
    if question.kind == "mains":
        back = f"{question.answer}\n\n{question.explanation}"
    else:
        index = LETTERS.index(question.answer)
        back = f"Answer: ({question.answer.lower()}) {question.options[index]}\n\n{question.explanation}"
    return front, back


def cards_from_questions(session: Session, question_ids: list[int] | None = None, user_id: int | None = None,
                         now: dt.datetime | None = None) -> int:
    """One card per stored question (all of them when `question_ids` is None); returns how many were made."""
    done = card_store.origin_ids(session, user_id, "question")
    moment = utc(now)
    made: list[dict[str, Any]] = []
    for question in questions(session, question_ids):
        if question.id in done:
            continue
        front, back = question_card_text(question)
        bullet_id = question.source_bullet_ids[0] if question.source_bullet_ids else None
        made.append({"user_id": user_id, "origin": "question", "origin_id": question.id, "front": front,
                     "back": back, "bullet_id": bullet_id, "syllabus": question.syllabus, "state": 0, "fsrs": {},
                     "due": moment, "created": moment})
    return len(card_store.add_cards(session, made))


def card_from_note(session: Session, note_id: int, user_id: int | None = None,
                   now: dt.datetime | None = None) -> dict[str, Any]:
    """A card from a learner's own note: "front :: back" splits it; otherwise the noted bullet is the cue."""
    note = notes.note(session, note_id)
    if note is None or note.user_id != user_id:
        raise ReviewError(f"no note {note_id} for this learner")
    existing = card_store.with_origin(session, user_id, "note", note_id)
    if existing is not None:
        return card_dict(existing)
    article = articles.article(session, note.article_id)
    bullet = articles.bullet(session, note.bullet_id) if note.bullet_id else None
    title = article.title if article is not None else "an article"
    if NOTE_SPLIT in note.text:
        front, back = (part.strip() for part in note.text.split(NOTE_SPLIT, 1))
    else:
        cue = bullet.text if bullet is not None else title
        front, back = f"What did you note about this?\n\n{cue}", note.text.strip()
    if not front or not back:
        raise ReviewError(f"note {note_id} has an empty side")
    back += f"\n\nSource: “{title}” ({article.published if article else 'undated'})"
    if bullet is not None:
        back += f", bullet #{bullet.id}"
    moment = utc(now)
    [row] = card_store.add_cards(session, [{
        "user_id": user_id, "origin": "note", "origin_id": note_id, "front": front, "back": back,
        "bullet_id": note.bullet_id, "syllabus": _tag(session, note.article_id), "state": 0, "fsrs": {},
        "due": moment, "created": moment}])
    return card_dict(row)

"""/api for quizzes, review cards, ratings and revision stats: the same library calls as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from gistbook.store import models as m
from gistbook.web.deps import BodyId, Offset, QueryId, SessionDep, StoreDep, UserDep, user_id_of
from gistbook.web.pages_practice import MAX_QUESTIONS, make_questions, score_answers
from gistbook.web.pages_review import MAX_DURATION_MS, exam_date_of

router = APIRouter(prefix="/api")


class Answers(BaseModel):
    """Question id → the answer given: a letter, an option number, the option's text, or a Mains outline."""

    answers: dict[BodyId, str] = Field(min_length=1, max_length=MAX_QUESTIONS)


@router.get("/quiz", tags=["quiz"], summary="A set of verified questions (`quiz --json` shape), stored by id")
def api_quiz(store: StoreDep, topic: Annotated[str | None, Query(max_length=300)] = None,
             kind: Annotated[list[str] | None, Query()] = None,
             count: Annotated[int, Query(ge=1, le=MAX_QUESTIONS)] = 10,
             article: QueryId = None) -> dict[str, Any]:
    with store.sessions.begin() as session:
        questions = make_questions(session, topic=topic, kinds=kind or None, count=count, article=article)
    return {"questions": questions}


@router.post("/quiz/answers", tags=["quiz"], summary="Score answers; each result has the key and explanation")
def api_quiz_answers(body: Answers, session: SessionDep) -> dict[str, Any]:
    scored = score_answers(session, {qid: given for qid, given in body.answers.items()})
    return {"right": scored["right"], "total": scored["total"], "share": scored["share"],
            "results": [{"id": r["question"]["id"], **r["result"], "sources": r["question"]["sources"]}
                        for r in scored["results"]]}


class CardsIn(BaseModel):
    """Make cards: from stored facts (one topic or article, or all), from stored questions, or from a note."""

    source: Literal["facts", "questions", "note"]
    topic: str | None = Field(default=None, max_length=300)
    article_id: BodyId | None = None
    note_id: BodyId | None = None


class ReviewIn(BaseModel):
    card_id: BodyId
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy")
    duration_ms: int | None = Field(default=None, ge=0, le=MAX_DURATION_MS)


class StudyPlanIn(BaseModel):
    """Any of the learner's settings; a field left out keeps its value, an empty exam date clears it."""

    exam_date: str | None = Field(default=None, max_length=40, description="YYYY-MM-DD, after today")
    new_per_day: int | None = Field(default=None, description="new cards introduced a day (0–999)")
    reviews_per_day: int | None = Field(default=None, description="reviews a day (0–9999)")


@router.get("/cards", tags=["review"], summary="The learner's cards, soonest due first")
def api_cards(session: SessionDep, user: UserDep, due_only: bool = False,
              limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Offset = 0) \
        -> dict[str, Any]:
    from gistbook.review.scheduler import card_dict, owned_by

    q = select(m.Card).where(owned_by(user_id_of(user)))
    if due_only:
        q = q.where(m.Card.state > 0, m.Card.due <= dt.datetime.now(dt.UTC))
    rows = session.scalars(q.order_by(m.Card.due, m.Card.id).limit(limit).offset(offset))
    return {"cards": [card_dict(row) for row in rows]}


@router.get("/cards/next", tags=["review"], summary="The card to review now within today's limits (null when "
                                                    "nothing is due), with the interval each rating would give")
def api_next_card(session: SessionDep, user: UserDep,
                  exam: Annotated[str | None, Query(max_length=20)] = None) -> dict[str, Any]:
    from gistbook.review.daily import next_card_today, today
    from gistbook.review.scheduler import interval_label, preview_intervals

    queue = today(session, user_id_of(user))
    card = next_card_today(session, user_id_of(user), counts=queue,
                           exam_date=exam_date_of(session, user_id_of(user), exam))
    row = session.get(m.Card, card["id"]) if card else None
    intervals = {str(k): interval_label(v) for k, v in preview_intervals(row).items()} if row else None
    return {"card": card, "intervals": intervals, "today": queue.to_dict()}


@router.get("/cards/preview", tags=["review"], summary="How many fact cards making them would add, before it does")
def api_cards_preview(session: SessionDep, user: UserDep, topic: Annotated[str | None, Query(max_length=300)] = None,
                      article: QueryId = None) -> dict[str, Any]:
    from gistbook.review.cards import fact_cards_preview
    from gistbook.store.learners import get_settings

    preview = fact_cards_preview(session, user_id_of(user), (topic or "").strip() or None, article)
    return {**preview, "new_per_day": get_settings(session, user_id_of(user)).new_per_day}


@router.post("/cards", tags=["review"], status_code=201, summary="Make review cards; says how many were already there")
def api_make_cards(body: CardsIn, store: StoreDep, user: UserDep) -> dict[str, Any]:
    from gistbook.review import ReviewError, card_from_note, cards_from_questions
    from gistbook.review.cards import make_fact_cards

    with store.sessions.begin() as session:
        if body.source == "facts":
            return make_fact_cards(session, user_id_of(user), topic=body.topic, article_id=body.article_id)
        if body.source == "questions":
            return {"made": cards_from_questions(session, user_id=user_id_of(user))}
        if body.note_id is None:
            raise HTTPException(422, "note_id: a note card needs the note's id")
        try:
            return {"made": 1, "card": card_from_note(session, body.note_id, user_id_of(user))}
        except ReviewError as exc:
            raise HTTPException(404, str(exc)) from None


@router.post("/reviews", tags=["review"], status_code=201, summary="Rate a card; returns it with its next due date")
def api_review(body: ReviewIn, store: StoreDep, user: UserDep) -> dict[str, Any]:
    from gistbook.review import ReviewError, rate

    with store.sessions.begin() as session:
        try:
            return rate(session, body.card_id, body.rating, user_id_of(user),  # type: ignore[no-any-return]
                        duration_ms=body.duration_ms)
        except ReviewError as exc:
            raise HTTPException(400, str(exc)) from None


@router.post("/reviews/undo", tags=["review"], summary="Take back your last rating; returns the card as it was")
def api_undo(store: StoreDep, user: UserDep) -> dict[str, Any]:
    from gistbook.review import ReviewError, undo_last

    with store.sessions.begin() as session:
        try:
            return undo_last(session, user_id_of(user))  # type: ignore[no-any-return]
        except ReviewError as exc:
            raise HTTPException(409, str(exc)) from None


@router.get("/reviews", tags=["review"], summary="The learner's latest reviews, newest first")
def api_reviews(session: SessionDep, user: UserDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100) \
        -> dict[str, Any]:
    owner = m.ReviewLog.user_id.is_(None) if user_id_of(user) is None else m.ReviewLog.user_id == user_id_of(user)
    rows = session.scalars(select(m.ReviewLog).where(owner).order_by(m.ReviewLog.reviewed.desc(), m.ReviewLog.id.desc())
                           .limit(limit))
    return {"reviews": [{"id": r.id, "card_id": r.card_id, "rating": r.rating, "duration_ms": r.duration_ms,
                         "reviewed": r.reviewed.isoformat()} for r in rows]}


@router.get("/study-plan", tags=["review"], summary="The learner's exam date and daily card limits")
def api_study_plan(session: SessionDep, user: UserDep) -> dict[str, Any]:
    from gistbook.store.learners import get_settings

    return get_settings(session, user_id_of(user)).to_dict()


@router.put("/study-plan", tags=["review"], summary="Set the exam date and daily limits; 422 names each bad field")
def api_set_study_plan(body: StudyPlanIn, store: StoreDep, user: UserDep) -> dict[str, Any]:
    from gistbook.review.daily import learner_date
    from gistbook.store.learners import SettingsError, set_settings

    given = body.model_dump(exclude_unset=True)
    given = {k: ("" if v is None and k == "exam_date" else v) for k, v in given.items()}
    if any(v is None for v in given.values()):
        raise HTTPException(422, "; ".join(f"{k}: a number is needed" for k, v in given.items() if v is None))
    try:
        with store.sessions.begin() as session:
            return set_settings(session, user_id_of(user), today=learner_date(), **given).to_dict()
    except SettingsError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("/stats", tags=["review"], summary="Retention, due today (as Review counts it), coverage by GS paper "
                                               "and syllabus area; the exam plan too")
def api_stats(session: SessionDep, user: UserDep, exam: Annotated[str | None, Query(max_length=20)] = None) \
        -> dict[str, Any]:
    from gistbook.review import plan, stats

    data: dict[str, Any] = stats(session, user_id_of(user))
    exam_date = exam_date_of(session, user_id_of(user), exam)
    data["plan"] = plan(session, exam_date, user_id_of(user)) if exam_date else None
    return data

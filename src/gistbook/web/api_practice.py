"""/api for quizzes, review cards, ratings and revision stats: the same library calls as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from gistbook.store import cards as card_store
from gistbook.store import reviews as review_log
from gistbook.store.learners import MockAttempt
from gistbook.web.deps import BodyId, Offset, PathId, QueryId, SessionDep, StoreDep, UserDep, user_id_of
from gistbook.web.mock_view import DEFAULT_SIZE, MAX_ANSWER_CHARS, mark_answers
from gistbook.web.pages_practice import MAX_QUESTIONS, make_questions
from gistbook.web.pages_review import MAX_DURATION_MS, exam_date_of

router = APIRouter(prefix="/api")


class Answers(BaseModel):
    """Question id → the answer given: a letter, an option number, the option's text, "" for a blank, or a Mains
    outline. With `save`, the marked set is kept in the learner's mock history."""

    answers: dict[BodyId, Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]] = Field(min_length=1,
                                                                                     max_length=MAX_QUESTIONS)
    save: bool = False
    time_limit_s: int | None = Field(default=None, ge=1, le=24 * 3600)
    elapsed_s: int | None = Field(default=None, ge=0, le=7 * 24 * 3600)
    topic: str | None = Field(default=None, max_length=300)


class MainsRating(BaseModel):
    rating: Literal["covered", "partly", "missed"]


@router.get("/quiz", tags=["quiz"], summary="A set of verified questions (`quiz --json` shape), stored by id; "
                                            "without a topic or article, drawn from the stored questions")
def api_quiz(store: StoreDep, user: UserDep, topic: Annotated[str | None, Query(max_length=300)] = None,
             kind: Annotated[list[str] | None, Query()] = None,
             count: Annotated[int, Query(ge=1, le=MAX_QUESTIONS)] = DEFAULT_SIZE,
             article: QueryId = None) -> dict[str, Any]:
    from gistbook.store.mock_tests import recent_question_ids

    with store.sessions.begin() as session:
        questions, _ = make_questions(session, topic=(topic or "").strip() or None, kinds=kind or None, count=count,
                                      article=article, avoid=recent_question_ids(session, user_id_of(user)))
    return {"questions": questions}


@router.post("/quiz/answers", tags=["quiz"], summary="Mark answers as the UPSC does (+2 right, −2/3 wrong, 0 blank; "
                                                     "Mains apart); each result has the key and explanation")
def api_quiz_answers(body: Answers, store: StoreDep, user: UserDep) -> dict[str, Any]:
    from gistbook.quiz.stored import question_dicts
    from gistbook.store.mock_tests import save_attempt

    with store.sessions.begin() as session:
        items, marking = mark_answers(session, dict(body.answers))
        questions = {q["id"]: q for q in question_dicts(session, list(body.answers), whole=False)}
        attempt_id = None
        if body.save:
            attempt_id = save_attempt(session, user_id=user_id_of(user), items=items, marking=marking.to_dict(),
                                      size=len(items), topic=body.topic, time_limit_s=body.time_limit_s,
                                      elapsed_s=body.elapsed_s).id
    results = [{**item, "correct": item["outcome"] == "right" if item["outcome"] != "mains" else None,
                "answer": questions[item["id"]]["answer"], "explanation": questions[item["id"]]["explanation"],
                "sources": questions[item["id"]]["sources"]} for item in items]
    return {**marking.to_dict(), "total": marking.scored, "attempt_id": attempt_id, "results": results}


@router.get("/quiz/attempts", tags=["quiz"], summary="The learner's finished mock tests, newest first")
def api_attempts(session: SessionDep, user: UserDep, limit: Annotated[int, Query(ge=1, le=500)] = 100) \
        -> dict[str, Any]:
    from gistbook.store.mock_tests import list_attempts

    return {"attempts": [attempt_dict(a) for a in list_attempts(session, user_id_of(user), limit)]}


@router.get("/quiz/attempts/{attempt_id}", tags=["quiz"], summary="One finished mock test with its answers")
def api_attempt(attempt_id: PathId, session: SessionDep, user: UserDep) -> dict[str, Any]:
    from gistbook.store.mock_tests import MockError, get_attempt

    try:
        return attempt_dict(get_attempt(session, attempt_id, user_id_of(user)), with_answers=True)
    except MockError as exc:
        raise HTTPException(404, str(exc)) from None


@router.put("/quiz/attempts/{attempt_id}/mains/{question_id}", tags=["quiz"],
            summary="Rate your own Mains outline against the model one: covered, partly or missed")
def api_rate_mains(attempt_id: PathId, question_id: PathId, body: MainsRating, store: StoreDep, user: UserDep) \
        -> dict[str, Any]:
    from gistbook.store.mock_tests import MockError, rate_mains

    with store.sessions.begin() as session:
        try:
            return attempt_dict(rate_mains(session, attempt_id, user_id_of(user), question_id, body.rating),
                                with_answers=True)
        except MockError as exc:
            raise HTTPException(404, str(exc)) from None


def attempt_dict(attempt: MockAttempt, *, with_answers: bool = False) -> dict[str, Any]:
    out = {"id": attempt.id, "finished": attempt.finished.isoformat(), "size": attempt.size, "topic": attempt.topic,
           "article_id": attempt.article_id, "time_limit_s": attempt.time_limit_s, "elapsed_s": attempt.elapsed_s,
           "right": attempt.right, "wrong": attempt.wrong, "blank": attempt.blank, "mains": attempt.mains,
           "marks": round(attempt.marks, 4), "max_marks": attempt.max_marks}
    return {**out, "answers": attempt.answers} if with_answers else out


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
    from gistbook.review.scheduler import card_dict

    rows = card_store.list_cards(session, user_id_of(user), due_only=due_only, now=dt.datetime.now(dt.UTC),
                                 limit=limit, offset=offset)
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
    row = card_store.card(session, card["id"]) if card else None
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
    rows = review_log.newest(session, user_id_of(user), limit)
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

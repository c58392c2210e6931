"""The mock-test pages over quiz/: a set of verified questions with an optional timer, its UPSC marking saved as
an attempt the learner can reopen, and the history of attempts with the score trend."""

from __future__ import annotations

import random
import re
import time
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from gistbook.quiz.marking import SELF_RATINGS, show_marks
from gistbook.store import Store
from gistbook.web.deps import PathId, SessionDep, StoreDep, UserDep, WebUser, user_id_of
from gistbook.web.mock_view import (
    DEFAULT_SIZE,
    MAX_ANSWER_CHARS,
    SIZES,
    TIMERS,
    ServedSet,
    attempt_view,
    check_set,
    duration,
    mark_answers,
    parse_ids,
    sign_set,
    started_at,
    summary,
    trend_chart,
)
from gistbook.web.speed import quick_page, run_quick
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
KIND_LABELS = {"statements": "Statements", "how-many": "How many", "pairs": "Pairs", "chronology": "Chronology",
               "cloze": "Fill the blank", "mains": "Mains"}
MAX_QUESTIONS = max(SIZES)


def make_questions(session: Session, *, topic: str | None, kinds: list[str] | None, count: int,
                   article: int | None, avoid: set[int] | None = None) -> tuple[list[dict[str, Any]], int | None]:
    """The questions of a set, and (for the default set) how many unseen stored questions are left.

    The default set is drawn from stored questions; only when the store holds too few are new ones generated
    here. A topic or an article set is generated for it (stored, so answers can be checked by id later)."""
    from gistbook.quiz import QuizError, generate
    from gistbook.quiz.stored import MAINS_SHARE, draw, known_exhausted, note_exhausted

    try:
        if article is not None:
            from gistbook.quiz.kb import load

            kb = load(session, [article], rng=random.Random())
            if article not in kb.articles:
                raise HTTPException(404, f"There is no article #{article}.")
            return generate(session, kinds=kinds, count=count, kb=kb), None
        if topic:
            return generate(session, topic=topic, kinds=kinds, count=count), None
        drawn, unseen_left = draw(session, count, kinds=kinds, avoid=avoid)
        if len(drawn) < count and not known_exhausted(session):  # a new store: make what is missing now
            have, short = {q["id"] for q in drawn}, len(drawn)
            mains_room = count if kinds and "mains" in kinds else max(0, max(1, count // MAINS_SHARE) - sum(
                q["kind"] == "mains" for q in drawn))
            for question in generate(session, kinds=kinds, count=count + 2):
                if len(drawn) < count and question["id"] not in have and (question["kind"] != "mains" or mains_room):
                    mains_room -= question["kind"] == "mains"
                    drawn.append(question)
            if len(drawn) == short:
                note_exhausted(session)  # these articles give no more: serve what is stored until new ones come
            unseen_left = 0
        return drawn, unseen_left
    except QuizError as exc:
        raise HTTPException(400, str(exc)) from None


def setup_errors(size: str, timer: str) -> tuple[int, int, dict[str, str]]:
    """The set size and timer from the form; a value not offered is a field error shown beside its field."""
    errors: dict[str, str] = {}
    size, timer = size.strip() or str(DEFAULT_SIZE), timer.strip() or "0"  # an emptied field means the default
    sizes = ", ".join(map(str, SIZES[:-1])) + f" or {SIZES[-1]}"
    chosen_size = int(size) if re.fullmatch(r"[0-9]{1,4}", size.strip()) else -1
    if chosen_size not in SIZES:
        errors["size"] = f"size: {size.strip()[:10] or 'nothing'} is not offered; choose {sizes} questions"
    minutes = int(timer) if re.fullmatch(r"[0-9]{1,4}", timer.strip()) else -1
    if minutes not in TIMERS:
        errors["timer"] = f"timer: {timer.strip()[:10] or 'nothing'} is not offered; choose one of the listed times"
    return (chosen_size if chosen_size in SIZES else DEFAULT_SIZE), (minutes if minutes in TIMERS else 0), errors


@router.get("/quiz", response_class=HTMLResponse)
async def quiz_page(request: Request, store: StoreDep, user: UserDep,
                    topic: Annotated[str, Query(max_length=300)] = "",
                    kind: Annotated[list[str] | None, Query()] = None,
                    size: Annotated[str, Query(max_length=20)] = str(DEFAULT_SIZE),
                    timer: Annotated[str, Query(max_length=20)] = "0",
                    article: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None) -> HTMLResponse:
    kinds = [k for k in (kind or []) if k] or None
    chosen, minutes, errors = setup_errors(size, timer)
    topic = topic.strip()
    args = (request, store, user, topic, kinds, chosen, minutes, article, errors)
    if errors or topic or article is not None:
        return await run_in_threadpool(_quiz_page, *args)  # generating a set takes a while: off the event loop
    return await run_quick(request, _quiz_page, *args)


def _quiz_page(request: Request, store: Store, user: WebUser | None, topic: str, kinds: list[str] | None,
               size: int, minutes: int, article: int | None, errors: dict[str, str]) -> HTMLResponse:
    from gistbook.store.mock_tests import recent_question_ids

    questions: list[dict[str, Any]] = []
    title = None
    unseen_left = None
    with store.sessions.begin() as session:
        if not errors:
            avoid = recent_question_ids(session, user_id_of(user))
            questions, unseen_left = make_questions(session, topic=topic or None, kinds=kinds, count=size,
                                                    article=article, avoid=avoid)
        if article is not None:
            from gistbook.store.articles import article as article_row

            row = article_row(session, article)
            title = row.title if row is not None else None
        refill = unseen_left is not None and _needs_refill(session, unseen_left)
    served = ServedSet([q["id"] for q in questions], size, minutes * 60 or None, int(time.time()), topic, article)
    response = render(request, "quiz.html", {
        "questions": questions, "topic": topic, "kinds": kinds or [], "size": size, "sizes": SIZES,
        "minutes": minutes, "timers": TIMERS, "article": article, "article_title": title, "errors": errors,
        "kind_labels": KIND_LABELS, "served": served, "token": sign_set(request, served) if questions else "",
        "mcq_count": sum(1 for q in questions if q["kind"] != "mains"), "max_answer": MAX_ANSWER_CHARS},
        status_code=422 if errors else 200)
    if refill:
        from gistbook.quiz.stored import refill as top_up

        response.background = BackgroundTask(top_up, store)  # after the page is sent
    return response


def _needs_refill(session: Session, unseen_left: int) -> bool:
    from gistbook.quiz.stored import needs_refill

    return needs_refill(session, unseen_left)


@router.post("/quiz/result")
async def submit_mock(request: Request, store: StoreDep, user: UserDep,
                      ids: Annotated[str, Form(max_length=1200)], token: Annotated[str, Form(max_length=100)],
                      started: Annotated[int, Form(ge=0, le=2**40)], size: Annotated[int, Form(ge=1, le=1000)],
                      limit: Annotated[int, Form(ge=0, le=10**6)] = 0, topic: Annotated[str, Form(max_length=300)] = "",
                      article: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None) -> RedirectResponse:
    """Mark the answers, store the attempt and show its results page (a repeated submit shows the first)."""
    served = ServedSet(parse_ids(ids), size, limit or None, started, topic, article)
    check_set(request, served, token)
    form = await request.form()
    answers = {qid: str(form.get(f"a{qid}", "") or "")[:MAX_ANSWER_CHARS] for qid in served.ids}
    attempt_id = await run_in_threadpool(_store_attempt, store, user, served, answers)
    return RedirectResponse(f"/quiz/attempts/{attempt_id}", status_code=303)


def _store_attempt(store: Store, user: WebUser | None, served: ServedSet, answers: dict[int, str]) -> int:
    from gistbook.store.mock_tests import same_submission, save_attempt

    with store.sessions.begin() as session:
        earlier = same_submission(session, user_id_of(user), served.ids, started_at(served))
        if earlier is not None:
            return earlier.id
        items, marking = mark_answers(session, answers)
        elapsed = max(0, int(time.time()) - served.started)
        row = save_attempt(session, user_id=user_id_of(user), items=items, marking=marking.to_dict(),
                           size=len(served.ids), topic=served.topic or None, article_id=served.article,
                           time_limit_s=served.limit_s, elapsed_s=elapsed)
        return row.id


@router.get("/quiz/attempts/{attempt_id}", response_class=HTMLResponse)
@quick_page
def attempt_page(request: Request, attempt_id: PathId, session: SessionDep, user: UserDep) -> HTMLResponse:
    from gistbook.store.mock_tests import MockError, get_attempt

    try:
        attempt = get_attempt(session, attempt_id, user_id_of(user))
    except MockError as exc:
        raise HTTPException(404, str(exc)) from None
    return render(request, "quiz_result.html", {**attempt_view(session, attempt), "kind_labels": KIND_LABELS,
                                                "ratings": SELF_RATINGS, "show_marks": show_marks})


@router.post("/quiz/attempts/{attempt_id}/mains/{question_id}")
def rate_mains_outline(attempt_id: PathId, question_id: PathId, store: StoreDep, user: UserDep,
                       rating: Annotated[str, Form(max_length=20)]) -> RedirectResponse:
    """Keep the learner's own rating of a Mains outline against the model one."""
    from gistbook.store.mock_tests import MockError, rate_mains

    if rating not in SELF_RATINGS:
        raise HTTPException(422, f"rating: choose one of {', '.join(SELF_RATINGS)}")
    with store.sessions.begin() as session:
        try:
            rate_mains(session, attempt_id, user_id_of(user), question_id, rating)
        except MockError as exc:
            raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/quiz/attempts/{attempt_id}#q{question_id}", status_code=303)


@router.get("/quiz/history", response_class=HTMLResponse)
@quick_page
def history_page(request: Request, session: SessionDep, user: UserDep) -> HTMLResponse:
    from gistbook.store.mock_tests import list_attempts

    attempts = list_attempts(session, user_id_of(user))
    rows = [{"attempt": a, "summary": summary(a)} for a in attempts]
    shares = [a.marks / a.max_marks for a in attempts if a.max_marks]
    return render(request, "quiz_history.html", {
        "rows": rows, "chart": trend_chart(list(reversed(attempts))), "duration": duration,
        "best": max(shares) if shares else None, "average": sum(shares) / len(shares) if shares else None,
        "recent": sum(shares[:5]) / len(shares[:5]) if shares else None})

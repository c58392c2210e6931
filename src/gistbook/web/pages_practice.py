"""The quiz pages over quiz/: a set of verified questions as a plain form, then the score with explanations."""

from __future__ import annotations

import random
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from gistbook.web.deps import SessionDep, StoreDep
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
KIND_LABELS = {"statements": "Statements", "how-many": "How many", "pairs": "Pairs", "chronology": "Chronology",
               "cloze": "Fill the blank", "mains": "Mains"}
MAX_QUESTIONS = 30


def make_questions(session: Session, *, topic: str | None, kinds: list[str] | None, count: int,
                   article: int | None) -> list[dict[str, Any]]:
    """Verified questions from quiz.generate (stored, so answers can be checked by id in a later request)."""
    from gistbook.quiz import QuizError, generate

    try:
        if article is not None:
            from gistbook.quiz.kb import load

            kb = load(session, [article], rng=random.Random())
            if article not in kb.articles:
                raise HTTPException(404, f"There is no article #{article}.")
            return generate(session, kinds=kinds, count=count, kb=kb)  # type: ignore[no-any-return]
        return generate(session, topic=topic, kinds=kinds, count=count)  # type: ignore[no-any-return]
    except QuizError as exc:
        raise HTTPException(400, str(exc)) from None


def score_answers(session: Session, answers: dict[int, str]) -> dict[str, Any]:
    """Check each answer against its stored question; unanswered questions count as wrong."""
    from gistbook.quiz import check_answer, get_question

    results: list[dict[str, Any]] = []
    for question_id, given in answers.items():
        question = get_question(session, question_id)
        if question is None:
            raise HTTPException(404, f"There is no question #{question_id}; start a new quiz.")
        checked = check_answer(question, given)
        results.append({"question": question, "result": checked, "given_text": given})
    scored = [r for r in results if r["result"]["correct"] is not None]
    right = sum(1 for r in scored if r["result"]["correct"])
    return {"results": results, "right": right, "total": len(scored),
            "share": right / len(scored) if scored else None}


def parse_ids(raw: str) -> list[int]:
    ids = [p.strip() for p in raw.split(",") if p.strip()]
    if not ids or not all(p.isdigit() for p in ids) or len(ids) > MAX_QUESTIONS:
        raise HTTPException(400, "ids must list the question numbers of this quiz, separated by commas")
    return [int(p) for p in ids]


@router.get("/quiz", response_class=HTMLResponse)
def quiz_page(request: Request, store: StoreDep, topic: Annotated[str, Query(max_length=300)] = "",
              kind: Annotated[list[str] | None, Query()] = None,
              count: Annotated[int, Query(ge=1, le=MAX_QUESTIONS)] = 5,
              article: Annotated[int | None, Query(ge=1)] = None) -> HTMLResponse:
    kinds = [k for k in (kind or []) if k] or None
    with store.sessions.begin() as session:
        questions = make_questions(session, topic=topic.strip() or None, kinds=kinds, count=count, article=article)
        title = None
        if article is not None:
            from gistbook.store import models

            row = session.get(models.Article, article)
            title = row.title if row is not None else None
    return render(request, "quiz.html", {"questions": questions, "topic": topic, "kinds": kinds or [],
                                         "count": count, "article": article, "article_title": title,
                                         "kind_labels": KIND_LABELS, "ids": ",".join(str(q["id"]) for q in questions)})


@router.get("/quiz/result", response_class=HTMLResponse)
def quiz_result(request: Request, session: SessionDep, ids: Annotated[str, Query(max_length=400)],
                topic: str = "", article: Annotated[int | None, Query(ge=1)] = None) -> HTMLResponse:
    answers = {qid: str(request.query_params.get(f"a{qid}", ""))[:4000] for qid in parse_ids(ids)}
    scored = score_answers(session, answers)
    return render(request, "quiz_result.html", {**scored, "topic": topic, "article": article,
                                                "kind_labels": KIND_LABELS})

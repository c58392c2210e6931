"""Review (FSRS, keyboard-driven) and stats pages over review/; the exam date lives in the learner's cookie."""

from __future__ import annotations

import datetime as dt
import functools
import time
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from gistbook.review.scheduler import owner_sql
from gistbook.store import models as m
from gistbook.store.fastsql import rows, timestamp_param
from gistbook.web.charts import bar_chart, hbar_chart, ring
from gistbook.web.deps import SessionDep, StoreDep, UserDep, WebUser, run_page, user_id_of
from gistbook.web.queries import bullet_context
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
EXAM_COOKIE = "gistbook_exam"
RATINGS = [(1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")]
MAX_DURATION_MS = 30 * 60 * 1000


def exam_date_of(request: Request, given: str | None = None) -> dt.date | None:
    """The exam date from the query, else the learner's cookie; a date in the past or garbage counts as none."""
    raw = given if given is not None else request.cookies.get(EXAM_COOKIE)
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        if given is not None:
            raise HTTPException(422, f"exam: {raw[:20]!r} is not a date in YYYY-MM-DD form") from None
        return None
    return day if day > dt.date.today() else None


COUNT_CAP = 500


def queue_counts(session: Session, user_id: int | None) -> dict[str, int]:
    """Due and new card counts for the header, capped (shown as 500+) so a big deck costs no more than a small one."""
    params = {"user": user_id, "now": timestamp_param(session, dt.datetime.now(dt.UTC)), "cap": COUNT_CAP}
    due, new = (int(rows(session, sql, params)[0][0] or 0) for sql in _count_sql(user_id is None))
    return {"due": due, "new": new, "cap": COUNT_CAP}


@functools.cache
def _count_sql(local: bool) -> tuple[str, str]:
    """Capped counts of due and of new cards, read after every rating (straight to the driver)."""
    def capped(where: str) -> str:
        return f"SELECT count(*) FROM (SELECT id FROM cards WHERE {owner_sql(local)} AND {where} LIMIT :cap) AS c"

    return capped("state > 0 AND due <= :now"), capped("state = 0")


@router.get("/review", response_class=HTMLResponse)
async def review_page(request: Request, session: SessionDep, user: UserDep,
                      exam: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    return await run_page(request, _review_page, request, session, user, exam)


def _review_page(request: Request, session: Session, user: WebUser | None, exam: str | None) -> HTMLResponse:
    from gistbook.review import next_card

    exam_date = exam_date_of(request, exam)
    card = next_card(session, user_id_of(user), exam_date=exam_date)
    source = bullet_context(session, [card["bullet_id"]]).get(card["bullet_id"]) if card and card["bullet_id"] \
        else None
    return render(request, "review.html", {
        "card": card, "source": source, "counts": queue_counts(session, user_id_of(user)), "ratings": RATINGS,
        "exam": exam_date.isoformat() if exam_date else "", "shown_at": int(time.time() * 1000)})


@router.post("/review/{card_id:int}")
def review_rate(card_id: int, store: StoreDep, user: UserDep, rating: Annotated[int, Form(ge=1, le=4)],
                shown_at: Annotated[int | None, Form()] = None,
                exam: Annotated[str, Form(max_length=20)] = "") -> RedirectResponse:
    from gistbook.review import ReviewError, rate

    duration = None
    if shown_at:
        duration = int(time.time() * 1000) - shown_at
        duration = duration if 0 <= duration <= MAX_DURATION_MS else None
    with store.sessions.begin() as session:
        try:
            rate(session, card_id, rating, user_id_of(user), duration_ms=duration)
        except ReviewError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse("/review" + (f"?exam={exam}" if exam else ""), status_code=303)


@router.post("/review/cards")
def make_cards(store: StoreDep, user: UserDep, source: Annotated[str, Form(pattern="^(facts|questions)$")],
               topic: Annotated[str, Form(max_length=300)] = "") -> RedirectResponse:
    from gistbook.review import cards_from_facts, cards_from_questions

    with store.sessions.begin() as session:
        if source == "facts":
            cards_from_facts(session, user_id_of(user), topic=topic.strip() or None)
        else:
            cards_from_questions(session, user_id=user_id_of(user))
    return RedirectResponse("/review", status_code=303)


@router.post("/notes/{note_id:int}/card")
def note_to_card(note_id: int, store: StoreDep, user: UserDep) -> RedirectResponse:
    from gistbook.review import ReviewError, card_from_note

    with store.sessions.begin() as session:
        note = session.get(m.Note, note_id)
        try:
            card_from_note(session, note_id, user_id_of(user))
        except ReviewError as exc:
            raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/articles/{note.article_id}#n{note_id}" if note else "/review", status_code=303)


def stats_charts(data: dict[str, Any]) -> dict[str, Any]:
    """SVG charts for the stats page: retention and coverage rings, due forecast, coverage by syllabus area."""
    forecast = [(dt.date.fromisoformat(d["date"]).strftime("%d"), float(d["due"])) for d in data["due_forecast"]]
    areas = sorted(data["by_syllabus"].items(), key=lambda kv: -kv[1]["cards"])[:12]
    return {
        "retention": ring(data["retention"], label="Retention over the last 30 days"),
        "coverage": ring(data["coverage"], label="Share of cards studied at least once", color="#1d5c8c"),
        "forecast": bar_chart(forecast, label="Cards due on each of the next 14 days", value_format="{:.0f}",
                              min_peak=4, highlight=forecast[0][0] if forecast else None),
        "areas": hbar_chart([(tag.split(":")[0] if len(tag) > 28 else tag, a["coverage"], a["retention"])
                             for tag, a in areas], label="Coverage by syllabus area, with retention marked")
        if areas else None,
    }


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, session: SessionDep, user: UserDep,
               exam: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    from gistbook.review import plan
    from gistbook.review import stats as review_stats

    data = review_stats(session, user_id_of(user))
    exam_date = exam_date_of(request, exam)
    exam_plan = plan(session, exam_date, user_id_of(user)) if exam_date else None
    plan_chart = hbar_chart([(tag if len(tag) <= 28 else tag.split(":")[0], a["mean_recall_on_exam"], None)
                             for tag, a in list(exam_plan["by_syllabus"].items())[:12]],
                            label="Predicted recall on the exam day by syllabus area") \
        if exam_plan and exam_plan["by_syllabus"] else None
    return render(request, "stats.html", {"s": data, "charts": stats_charts(data), "plan": exam_plan,
                                          "plan_chart": plan_chart,
                                          "exam": exam_date.isoformat() if exam_date else ""})


@router.post("/stats/exam")
def set_exam_date(exam: Annotated[str, Form(max_length=20)] = "") -> RedirectResponse:
    """Remember the exam date in a cookie (the server keeps nothing per learner in local mode)."""
    response = RedirectResponse("/stats", status_code=303)
    if not exam.strip():
        response.delete_cookie(EXAM_COOKIE)
        return response
    try:
        day = dt.date.fromisoformat(exam.strip())
    except ValueError:
        raise HTTPException(400, f"exam date {exam.strip()[:20]!r} is not a date in YYYY-MM-DD form") from None
    if day <= dt.date.today():
        raise HTTPException(400, f"the exam date {day.isoformat()} is not in the future")
    response.set_cookie(EXAM_COOKIE, day.isoformat(), max_age=400 * 86400, samesite="lax", httponly=True)
    return response

"""Review (FSRS, keyboard-driven), making cards, and the Stats page over review/; the exam date and daily limits
are the learner's settings in the database (store/learners.py), so every browser sees the same plan."""

from __future__ import annotations

import datetime as dt
import time
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gistbook.review.daily import learner_date, next_card_today, today
from gistbook.review.scheduler import interval_label, latest_rating, preview_intervals
from gistbook.store import articles, notes
from gistbook.store import cards as card_store
from gistbook.store.articles import bullet_context
from gistbook.store.learners import Settings, SettingsError, get_settings, parse_exam_date, set_settings
from gistbook.web.charts import bar_chart, hbar_chart, ring
from gistbook.web.deps import QueryId, SessionDep, StoreDep, UserDep, WebUser, user_id_of
from gistbook.web.speed import quick_page
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
RATINGS = [(1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")]
MAX_DURATION_MS = 30 * 60 * 1000
NOTICE_MAX = 100_000  # counts a redirect may carry to the page it lands on


def exam_date_of(session: Session, user_id: int | None, given: str | None = None,
                 settings: Settings | None = None) -> dt.date | None:
    """The learner's stored exam date, or `?exam=` when a caller passes one (422 naming it when it is bad).
    A stored date that has passed counts as none: the plan needs a future exam."""
    today_date = learner_date()
    if given is not None and given.strip():
        try:
            return parse_exam_date(given, today_date)
        except ValueError as exc:
            raise HTTPException(422, f"exam: {exc}") from None
    stored = (settings or get_settings(session, user_id)).exam_date
    return stored if stored is not None and stored > today_date else None


def plan_form(settings: Settings, back: str, errors: dict[str, str] | None = None,
              values: dict[str, str] | None = None) -> dict[str, Any]:
    """What the study-plan form shows: stored values (or what was typed, beside its errors)."""
    shown = {"exam_date": settings.exam_date.isoformat() if settings.exam_date else "",
             "new_per_day": str(settings.new_per_day), "reviews_per_day": str(settings.reviews_per_day)}
    return {"values": {**shown, **(values or {})}, "errors": errors or {}, "back": back,
            "passed": settings.exam_date is not None and settings.exam_date <= learner_date()}


# ---- review ----------------------------------------------------------------------------------------------------

@router.get("/review", response_class=HTMLResponse)
@quick_page
def review_page(request: Request, session: SessionDep, user: UserDep,
                exam: Annotated[str | None, Query(max_length=20)] = None,
                added: Annotated[int | None, Query(ge=0, le=NOTICE_MAX)] = None,
                had: Annotated[int | None, Query(ge=0, le=NOTICE_MAX)] = None,
                skipped: Annotated[int | None, Query(ge=0, le=NOTICE_MAX)] = None,
                undone: QueryId = None, undo: Annotated[str | None, Query(max_length=10)] = None) -> HTMLResponse:
    notices = {"added": added, "had": had, "skipped": skipped, "undone": undone, "nothing_to_undo": undo == "none"}
    return _review_page(request, session, user, exam, notices, None)


def _review_page(request: Request, session: Session, user: WebUser | None, exam: str | None,
                 notices: dict[str, Any], form: dict[str, Any] | None, status: int = 200) -> HTMLResponse:
    user_id = user_id_of(user)
    settings = get_settings(session, user_id)
    exam_date = exam_date_of(session, user_id, exam, settings)
    queue = today(session, user_id, settings=settings)
    card = _undone_card(session, user_id, notices.get("undone")) or \
        next_card_today(session, user_id, counts=queue, exam_date=exam_date)
    source = bullet_context(session, [card["bullet_id"]]).get(card["bullet_id"]) if card and card["bullet_id"] \
        else None
    return render(request, "review.html", {
        "card": card, "source": source, "today": queue, "ratings": _ratings(session, card),
        "exam": exam_date.isoformat() if exam_date else "", "shown_at": int(time.time() * 1000),
        "notices": notices, "can_undo": _can_undo(session, user_id),
        "form": form or plan_form(settings, "review")}, status_code=status)


def _undone_card(session: Session, user_id: int | None, card_id: int | None) -> dict[str, Any] | None:
    """Right after an undo, the card whose rating was taken back is shown again."""
    from gistbook.review import get_card

    return get_card(session, card_id, user_id) if card_id else None


def _ratings(session: Session, card: dict[str, Any] | None) -> list[tuple[int, str, str]]:
    """The four buttons, each with the interval FSRS would give (Again 1m, Good 3d, …)."""
    row = card_store.card(session, card["id"]) if card else None
    if row is None:
        return [(value, label, "") for value, label in RATINGS]
    spans = preview_intervals(row)
    return [(value, label, interval_label(spans[value])) for value, label in RATINGS]


def _can_undo(session: Session, user_id: int | None) -> bool:
    latest = latest_rating(session, user_id)
    return latest is not None and latest[1]


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


@router.post("/review/undo")
def review_undo(store: StoreDep, user: UserDep) -> RedirectResponse:
    """Take back the learner's last rating and show that card again; a second undo takes back the one before."""
    from gistbook.review import ReviewError, undo_last

    with store.sessions.begin() as session:
        try:
            card = undo_last(session, user_id_of(user))
        except ReviewError:
            return RedirectResponse("/review?undo=none", status_code=303)
    return RedirectResponse(f"/review?undone={card['id']}", status_code=303)


# ---- making cards ----------------------------------------------------------------------------------------------

@router.get("/review/cards/new", response_class=HTMLResponse)
def make_cards_preview(request: Request, session: SessionDep, user: UserDep,
                       topic: Annotated[str, Query(max_length=300)] = "", article: QueryId = None) -> HTMLResponse:
    """Before making cards from a topic, an article or the whole store: how many, and how many a day."""
    from gistbook.review.cards import fact_cards_preview

    title = None
    if article is not None:
        found = articles.article(session, article)
        if found is None:
            raise HTTPException(404, f"no article {article}")
        title = found.title
    preview = fact_cards_preview(session, user_id_of(user), topic.strip() or None, article)
    settings = get_settings(session, user_id_of(user))
    return render(request, "make_cards.html", {"topic": topic.strip(), "article": article, "title": title,
                                               "preview": preview, "settings": settings})


@router.post("/review/cards")
def make_cards(store: StoreDep, user: UserDep, source: Annotated[str, Form(pattern="^(facts|questions)$")],
               topic: Annotated[str, Form(max_length=300)] = "",
               article: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None) -> RedirectResponse:
    from gistbook.review.cards import cards_from_questions, make_fact_cards

    with store.sessions.begin() as session:
        if source == "facts":
            result = make_fact_cards(session, user_id_of(user), topic.strip() or None, article_id=article)
            made, had, skipped = result["made"], result["existing"], result["skipped"]
        else:
            made = cards_from_questions(session, user_id=user_id_of(user))
            had, skipped = _question_cards(session, user_id_of(user)) - made, 0
    return RedirectResponse(f"/review?added={made}&had={max(0, had)}" + (f"&skipped={skipped}" if skipped else ""),
                            status_code=303)


def _question_cards(session: Session, user_id: int | None) -> int:
    return card_store.count_cards(session, user_id, "question")


@router.post("/notes/{note_id:int}/card")
def note_to_card(note_id: int, store: StoreDep, user: UserDep) -> RedirectResponse:
    from gistbook.review import ReviewError, card_from_note

    with store.sessions.begin() as session:
        note = notes.note(session, note_id)
        try:
            card_from_note(session, note_id, user_id_of(user))
        except ReviewError as exc:
            raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/articles/{note.article_id}#n{note_id}" if note else "/review", status_code=303)


# ---- stats and the study plan ------------------------------------------------------------------------------------

def stats_charts(data: dict[str, Any]) -> dict[str, Any]:
    """SVG charts for the stats page: retention and coverage rings, due forecast, coverage by GS paper and area."""
    forecast = [(dt.date.fromisoformat(d["date"]).strftime("%d"), float(d["due"])) for d in data["due_forecast"]]
    areas = sorted(data["by_syllabus"].items(), key=lambda kv: -kv[1]["cards"])[:12]
    return {
        "retention": ring(data["retention"], label="Retention over the last 30 days"),
        "coverage": ring(data["coverage"], label="Share of cards studied at least once", color="#1d5c8c"),
        "forecast": bar_chart(forecast, label="Cards due on each of the next 14 days", value_format="{:.0f}",
                              min_peak=4, highlight=forecast[0][0] if forecast else None),
        "papers": hbar_chart([(paper, a["coverage"], a["retention"]) for paper, a in data["by_paper"].items()],
                             label="Coverage by GS paper, with retention marked"),
        "areas": hbar_chart([(tag.split(":")[0] if len(tag) > 28 else tag, a["coverage"], a["retention"])
                             for tag, a in areas], label="Coverage by syllabus area, with retention marked")
        if areas else None,
    }


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, session: SessionDep, user: UserDep,
               exam: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    return _stats_page(request, session, user, exam, None)


def _stats_page(request: Request, session: Session, user: WebUser | None, exam: str | None,
                form: dict[str, Any] | None, status: int = 200) -> HTMLResponse:
    from gistbook.review import plan
    from gistbook.review import stats as review_stats

    user_id = user_id_of(user)
    data = review_stats(session, user_id)
    exam_date = exam_date_of(session, user_id, exam)
    exam_plan = plan(session, exam_date, user_id) if exam_date else None
    plan_chart = hbar_chart([(tag if len(tag) <= 28 else tag.split(":")[0], a["mean_recall_on_exam"], None)
                             for tag, a in list(exam_plan["by_syllabus"].items())[:12]],
                            label="Predicted recall on the exam day by syllabus area") \
        if exam_plan and exam_plan["by_syllabus"] else None
    return render(request, "stats.html", {
        "s": data, "charts": stats_charts(data), "plan": exam_plan, "plan_chart": plan_chart, "today": data["today"],
        "exam": exam_date.isoformat() if exam_date else "",
        "form": form or plan_form(get_settings(session, user_id), "stats")}, status_code=status)


@router.post("/study-plan", response_model=None)
def save_study_plan(request: Request, store: StoreDep, user: UserDep,
                    exam: Annotated[str | None, Form(max_length=40)] = None,
                    new_per_day: Annotated[str | None, Form(max_length=40)] = None,
                    reviews_per_day: Annotated[str | None, Form(max_length=40)] = None,
                    back: Annotated[str, Form(pattern="^(stats|review)$")] = "stats") -> Response:
    """Store the exam date and daily limits; a bad field re-renders the form with its reason beside it (422)."""
    given = {name: value for name, value in (("exam_date", exam), ("new_per_day", new_per_day),
                                             ("reviews_per_day", reviews_per_day)) if value is not None}
    try:
        with store.sessions.begin() as session:
            set_settings(session, user_id_of(user), today=learner_date(), **given)
    except SettingsError as exc:
        with store.session() as session:
            form = plan_form(get_settings(session, user_id_of(user)), back, exc.errors,
                             {k: str(v) for k, v in given.items()})
            if back == "review":
                return _review_page(request, session, user, None, {}, form, 422)
            return _stats_page(request, session, user, None, form, 422)
    return RedirectResponse(f"/{back}#study-plan", status_code=303)


@router.post("/stats/exam", response_model=None)
def set_exam_date(request: Request, store: StoreDep, user: UserDep,
                  exam: Annotated[str, Form(max_length=40)] = "") -> Response:
    """The older form's address: the exam date alone, kept for bookmarks and scripts."""
    return save_study_plan(request, store, user, exam=exam, back="stats")

"""Topic dossiers, the topic index and search: pages over link/ and the store's full-text search."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from gistbook.store import Store
from gistbook.store.articles import categories
from gistbook.store.changes import memoised
from gistbook.web.deps import SessionDep, StoreDep, UserDep, user_id_of
from gistbook.web.marking import Segment, segments
from gistbook.web.pages_read import PAPERS
from gistbook.web.speed import quick_page, run_quick
from gistbook.web.speed.snapshots import PAGE_WINDOW, build_snapshot, current_snapshot, render_body, topic_index
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
SEARCH_PAGE = 20
KIND_LABELS = {"pair": "Bilateral threads", "entity": "Countries, bodies, people and programmes",
               "syllabus": "Syllabus areas", "theme": "Themes"}
ISO_DATE = r"^(\d{4}-\d{2}-\d{2})?$"


def valid_date(value: str | None, field: str) -> str | None:
    """An empty field means no filter; anything else must be a real calendar date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{field}: {value[:20]!r} is not a date in YYYY-MM-DD form") from None


@router.get("/topics", response_class=HTMLResponse)
@quick_page
def topics_index(request: Request, session: SessionDep, store: StoreDep, user: UserDep,
                 kind: Annotated[str | None, Query(pattern="^(pair|entity|syllabus|theme)?$")] = None) -> HTMLResponse:
    """Followed topics first, then the others by kind; topics of a single item are left out (topic_index)."""
    from gistbook.link.topics import followed_topic_ids

    user_id, kind = user_id_of(user), kind or None
    # the kept list is checked against the data once per commit (SQLite's data_version), not on every view
    kept = memoised(session, "topic-index", lambda s: topic_index(s, store))
    topics = [t for t in kept if not kind or t["kind"] == kind]
    followed_ids = memoised(session, f"followed-topics:{user_id}", lambda s: followed_topic_ids(s, user_id))
    followed = [t for t in topics if t["id"] in followed_ids]
    groups: dict[str, list[dict[str, Any]]] = {}
    for topic in topics:
        if topic["id"] not in followed_ids:
            groups.setdefault(topic["kind"], []).append(topic)
    ordered = {k: groups[k][:150] for k in KIND_LABELS if k in groups}
    return render(request, "topics.html", {"followed": followed, "groups": ordered, "labels": KIND_LABELS,
                                           "kind": kind or "", "total": len(topics)})


@router.get("/topics/{name:path}", response_class=HTMLResponse)
async def dossier_page(request: Request, name: str, session: SessionDep, store: StoreDep,
                       since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
                       older: Annotated[int, Query(ge=0, le=1)] = 0) -> HTMLResponse:
    since = valid_date(since, "since")
    if not since and not older:  # the default view: kept as a snapshot until the data changes
        kept = await run_quick(request, _kept_dossier, request, session, name)
        if kept is not None:
            return kept
    return await run_in_threadpool(_built_dossier, request, session, store, name, since, older)  # can take long


def _kept_dossier(request: Request, session: Session, name: str) -> HTMLResponse | None:
    from gistbook.link.topics import resolve_topic

    topic = resolve_topic(session, name)
    snapshot = current_snapshot(session, topic) if topic is not None else None
    if snapshot is None:
        return None
    return render(request, "dossier.html", {"title": snapshot.title, "body": Markup(snapshot.body)})  # noqa: S704


def _built_dossier(request: Request, session: Session, store: Store, name: str, since: str | None,
                   older: int) -> HTMLResponse:
    from gistbook.link.dossier import MAX_ARTICLES, TopicNotFound, build_dossier, find_topic

    try:
        if not since and not older:  # its snapshot was just found stale or missing (_kept_dossier)
            snapshot = build_snapshot(session, store, find_topic(session, name))
            return render(request, "dossier.html", {"title": snapshot.title, "body": Markup(snapshot.body)})  # noqa: S704
        window = MAX_ARTICLES if older else PAGE_WINDOW
        dossier = build_dossier(session, name, since=since, max_articles=window)
    except TopicNotFound as exc:
        return topic_missing(request, session, name, exc.suggestions)
    body = Markup(render_body(dossier, since or "", older, window))  # noqa: S704 - autoescaped template
    return render(request, "dossier.html", {"title": dossier["topic"], "body": body})


def topic_missing(request: Request, session: SessionDep, name: str, suggestions: list[str]) -> HTMLResponse:
    """A marked entity without a dossier of its own still gets a page: the items that mention it."""
    from gistbook.store.search import SearchFilters, entity_ids_named, search

    if not entity_ids_named(session, name):
        return render(request, "topic_missing.html", {"name": name, "suggestions": suggestions}, status_code=404)
    results = search(session, name, SearchFilters(entity=name), limit=SEARCH_PAGE)
    shown = [{**r, "parts": hit_segments(r["snippet"], r["highlights"])} for r in results]
    return render(request, "topic_mentions.html", {"name": name, "results": shown, "suggestions": suggestions})


def hit_segments(snippet: str, highlights: list[list[int]]) -> list[Segment]:
    return segments(snippet, [(s, e, "hit", "", "") for s, e in highlights])


@router.get("/search", response_class=HTMLResponse)
@quick_page
def search_page(request: Request, session: SessionDep, q: Annotated[str, Query(max_length=500)] = "",
                category: Annotated[str, Query(max_length=200)] = "",
                paper: Annotated[str, Query(pattern="^(GS[1-4])?$")] = "",
                entity: Annotated[str, Query(max_length=300)] = "",
                date_from: Annotated[str, Query(alias="from", pattern=ISO_DATE)] = "",
                date_to: Annotated[str, Query(alias="to", pattern=ISO_DATE)] = "",
                page: Annotated[int, Query(ge=1, le=500)] = 1,
                exact: Annotated[int, Query(ge=0, le=1)] = 0) -> HTMLResponse:
    from gistbook.store.search import SearchAnswer, SearchFilters, forgiving_search

    filters = SearchFilters(date_from=valid_date(date_from, "from"), date_to=valid_date(date_to, "to"),
                            category=category or None, paper=paper or None, entity=entity or None)
    answer = forgiving_search(session, q, filters, limit=SEARCH_PAGE + 1, offset=(page - 1) * SEARCH_PAGE,
                              exact=bool(exact)) if q.strip() else SearchAnswer([], 0)
    more = len(answer.results) > SEARCH_PAGE
    shown = [{**r, "parts": hit_segments(r["snippet"], r["highlights"])} for r in answer.results[:SEARCH_PAGE]]
    filters_set = sum(bool(v) for v in (category, paper, entity, date_from, date_to))
    return render(request, "search.html", {
        "q": q, "results": shown, "more": more, "page": page, "category": category, "paper": paper,
        "entity": entity, "date_from": date_from, "date_to": date_to, "papers": PAPERS,
        "categories": categories(session), "answer": answer, "first": (page - 1) * SEARCH_PAGE + 1,
        "filters_set": filters_set, "exact": exact or None,
        "topic": named_topic(session, answer.suggestion if answer.corrected and answer.suggestion else q)})


def named_topic(session: Session, query: str) -> str | None:
    """The topic a query names ("india japan", "ISRO"): its dossier is one link away from the results."""
    from gistbook.link.text import fold
    from gistbook.link.topics import topic_key
    from gistbook.store.search import topic_named

    if not query.strip() or len(query) > 120:
        return None
    return topic_named(session, topic_key(query), fold(query).strip().casefold())

"""Today and the article page, with the reader's notes as plain forms (POST, then redirect, then GET)."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from gistbook.page import key_point_ids
from gistbook.store import articles
from gistbook.store import notes as note_repo
from gistbook.store.articles import article_topics, categories, newest_articles
from gistbook.store.cards import notes_with_cards
from gistbook.store.reader import get_article
from gistbook.web.deps import SessionDep, StoreDep, UserDep, user_id_of
from gistbook.web.marking import marked_sections
from gistbook.web.speed import quick_page
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
PAPERS = [("GS1", "GS1 · History, Geography, Society"), ("GS2", "GS2 · Polity, Governance, IR"),
          ("GS3", "GS3 · Economy, Environment, S&T, Security"), ("GS4", "GS4 · Ethics")]  # the filter menus' papers
PAGE_SIZE = 20
ROLE_LABELS = {"news": "The news", "background": "Background", "challenges": "Challenges",
               "way_forward": "Way forward", "other": ""}


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def role_tag(heading: str | None, role: str) -> str:
    """The role label shown beside a section heading, or "" when the heading already says it (a "Way Forward"
    heading tagged "Way forward" read twice, on screen and to a screen reader)."""
    label = ROLE_LABELS.get(role, "")
    if not label or role == "news":
        return ""
    return "" if heading and _words(label) in _words(heading) else label


@router.get("/", response_class=HTMLResponse)
@quick_page
def today(request: Request, session: SessionDep, category: str | None = None,
          paper: Annotated[str | None, Query(pattern="^(GS[1-4])?$")] = None,
          page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    items, total = newest_articles(session, category=category or None, paper=paper or None,
                                   limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "today.html", {
        "items": items, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)),
        "category": category or "", "paper": paper or "", "categories": categories(session), "papers": PAPERS})


TOP_TOPICS = 6


def topic_reason(topic: dict[str, Any], central: float) -> str:
    """Why a topic is listed: the link's kind and how central this item is to it."""
    if topic.get("kind") == "pair":
        return "bilateral thread this item belongs to"
    if topic.get("kind") == "syllabus":
        return "syllabus area"
    return "central to this item" if topic.get("score", 0) >= central else "mentioned in this item"


def topics_for(session: Any, article_id: int) -> dict[str, Any]:
    """The article's topics, each with its reason, from the links stored at ingest (cheap: one indexed query)."""
    from gistbook.link.topics import CENTRAL

    topics = [{**t, "reason": topic_reason(t, CENTRAL)} for t in article_topics(session, article_id)]
    ranked = sorted(topics, key=lambda t: (t["kind"] != "pair", -t.get("score", 0)))
    return {"topics": ranked[:TOP_TOPICS], "more_topics": ranked[TOP_TOPICS:]}


def related_items(session: Any, article_id: int) -> list[dict[str, Any]] | None:
    """Related articles with the reason for each from link.related; None while link/ is not built."""
    from gistbook.link.related import related_articles

    return related_articles(session, article_id).get("related", [])  # type: ignore[no-any-return]


@router.get("/articles/{article_id}", response_class=HTMLResponse)
@quick_page
def article_page(request: Request, article_id: int, session: SessionDep, user: UserDep) -> HTMLResponse:
    art = get_article(session, article_id)
    if art is None:
        raise HTTPException(404, f"There is no article #{article_id}.")
    notes = note_repo.list_notes(session, article_id=article_id, user_id=user_id_of(user))
    on_bullet: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for note in notes:
        if note["bullet_id"] is not None:
            on_bullet[note["bullet_id"]].append(note)
    bullet_text = {b["id"]: b["text"] for s in art["sections"] for b in s["bullets"]}
    entity_groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ent in art["entities"]:
        entity_groups[ent["type"]].append(ent)
    sections = [{**sec, "tag": role_tag(sec.get("heading"), sec["role"])} for sec in marked_sections(art)]
    keys = set(key_point_ids(session, article_id) or [])
    key_points = [b for sec in sections for b in sec["bullets"] if b["id"] in keys]
    # the note first; the release's full text folds under it, open when a note sits on a point only it holds
    full_open = bool(keys) and any(bid not in keys for bid in on_bullet)
    return render(request, "article.html", {
        "art": art, "sections": sections, "key_points": key_points,
        "full_open": full_open,
        "article_notes": [n for n in notes if n["bullet_id"] is None],
        "bullet_notes": [n for n in notes if n["bullet_id"] is not None], "on_bullet": on_bullet,
        "bullet_texts": bullet_text, "entity_groups": dict(sorted(entity_groups.items())),
        "related": topics_for(session, article_id),
        "carded": notes_with_cards(session, [n["id"] for n in notes], user_id_of(user))})


def drawn_sections(session: Any, article_id: int) -> dict[str, Any]:
    """Background, challenges and way forward that gistbook.page drew from earlier articles, with sources; the
    topic they were gathered for and how many stored items they come from (the page says what it really shows:
    gistbook does not know which of those items the reader has opened)."""
    from gistbook.page import PageError, build_page

    try:
        page = build_page(session, article_id)
    except PageError:
        return {"sections": [], "topic": None, "items": 0}
    sections = [
        {"heading": sec["heading"], "role": sec["role"], "tag": role_tag(sec["heading"], sec["role"]),
         "bullets": [b for b in sec["bullets"] if b.get("generated")]}
        for sec in page["sections"]
        if any(b.get("generated") for b in sec["bullets"])
    ]
    items = {src["article_id"] for sec in sections for b in sec["bullets"] for src in b["sources"]}
    topic = next((t["name"] for t in page["topics"] if t.get("used")), None)
    return {"sections": sections, "topic": topic if sections else None, "items": len(items)}


@router.get("/articles/{article_id}/background", response_class=HTMLResponse)
def background_page(request: Request, article_id: int, session: SessionDep) -> HTMLResponse:
    """Background drawn from earlier items is read across many articles, so like related items it arrives
    after the article (as a fragment for the page's script, or as a page of its own without script)."""
    art = articles.article(session, article_id)
    if art is None:
        raise HTTPException(404, f"There is no article #{article_id}.")
    fragment = request.headers.get("x-fragment") == "1"
    drawn = drawn_sections(session, article_id)
    return render(request, "drawn_fragment.html" if fragment else "background.html",
                  {"drawn": drawn["sections"], "drawn_topic": drawn["topic"], "drawn_items": drawn["items"],
                   "fragment": fragment, "article_id": article_id, "title": art.title})


@router.get("/articles/{article_id}/related", response_class=HTMLResponse)
def related_page(request: Request, article_id: int, session: SessionDep) -> HTMLResponse:
    """Related items are ranked on demand (the costliest part of an article), so the article page links here
    and its script pulls this in as a fragment; without script it is a page of its own."""
    art = articles.article(session, article_id)
    if art is None:
        raise HTTPException(404, f"There is no article #{article_id}.")
    items = related_items(session, article_id)
    fragment = request.headers.get("x-fragment") == "1"
    return render(request, "related_fragment.html" if fragment else "related.html",
                  {"items": items, "article_id": article_id, "title": art.title})


def _bullet_id(raw: str | None) -> int | None:
    if raw is None or not raw.strip():
        return None
    if not raw.strip().isdigit():
        raise HTTPException(400, f"bullet_id must be a whole number, not {raw[:40]!r}")
    return int(raw)


def _back_to(article_id: int, note: dict[str, Any] | None = None, anchor: str = "notes") -> RedirectResponse:
    if note is not None:
        anchor = f"n{note['id']}"
    return RedirectResponse(f"/articles/{article_id}#{anchor}", status_code=303)


@router.post("/articles/{article_id}/notes")
def add_note(article_id: int, store: StoreDep, user: UserDep, text: Annotated[str, Form(max_length=20_000)] = "",
             bullet_id: Annotated[str | None, Form()] = None) -> RedirectResponse:
    with store.sessions.begin() as session:
        note = note_repo.add_note(session, article_id, text, bullet_id=_bullet_id(bullet_id),
                                  user_id=user_id_of(user))
    return _back_to(article_id, note)


@router.post("/notes/{note_id}/edit")
def edit_note(note_id: int, store: StoreDep, user: UserDep,
              text: Annotated[str, Form(max_length=20_000)] = "") -> RedirectResponse:
    with store.sessions.begin() as session:
        note = note_repo.edit_note(session, note_id, text, user_id=user_id_of(user))
    if note is None:
        raise HTTPException(404, f"You have no note #{note_id}.")
    return _back_to(note["article_id"], note)


@router.post("/notes/{note_id}/delete")
def delete_note(note_id: int, store: StoreDep, user: UserDep) -> RedirectResponse:
    with store.sessions.begin() as session:
        gone = note_repo.delete_note(session, note_id, user_id=user_id_of(user))
    if gone is None:
        raise HTTPException(404, f"You have no note #{note_id}.")
    anchor = f"b{gone['bullet_id']}" if gone["bullet_id"] else "notes"
    return _back_to(gone["article_id"], anchor=anchor)

"""/api: JSON over the same library functions as the pages (articles, notes, ingest)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from gistbook.store import notes as note_repo
from gistbook.store.articles import newest_articles
from gistbook.store.reader import get_article
from gistbook.web.deps import (
    BodyId,
    Offset,
    PathId,
    QueryId,
    SessionDep,
    SettingsDep,
    StoreDep,
    UserDep,
    user_id_of,
)
from gistbook.web.uploads import MAX_FILES, run_ingest, save_batch

router = APIRouter(prefix="/api")
UPLOAD_FOLDER = re.compile(r"^.*/gistbook-upload-[^/]+/(.+)$")


class NoteIn(BaseModel):
    article_id: BodyId
    bullet_id: BodyId | None = None
    text: str = Field(min_length=1, max_length=note_repo.MAX_NOTE_CHARS)


class NoteEdit(BaseModel):
    text: str = Field(min_length=1, max_length=note_repo.MAX_NOTE_CHARS)


class NoteOut(BaseModel):
    id: int
    article_id: int
    bullet_id: int | None
    text: str
    created: str
    updated: str


class NoteList(BaseModel):
    notes: list[NoteOut]


class IngestReport(BaseModel):
    ingested: list[dict[str, Any]]
    unchanged: list[dict[str, Any]]
    failed: list[dict[str, Any]]
    updated: list[int] = []


# The ingest route reads its multipart form itself (to cap parts and files), so FastAPI cannot describe it; this
# tells clients and schemathesis what the form holds.
INGEST_FORM: dict[str, Any] = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "HTML, PDF, text, JSON Lines or feed files"},
        "feed": {"type": "string", "format": "binary", "description": "an RSS or Atom feed file"},
        "text": {"type": "string", "description": "pasted article text"},
        "text_title": {"type": "string", "description": "title of the pasted text (default: its heading, else "
                                                         "its first sentence)"},
        "text_date": {"type": "string", "format": "date",
                      "description": "date of the pasted text (default: its own, else today)"},
        "url": {"type": "string", "description": "web addresses to fetch and read, one a line"},
        "published": {"type": "string", "format": "date",
                      "description": "the year for items whose date has none"},
    }}}}}}


@router.get("/articles", tags=["articles"], summary="Newest articles, filtered by category and syllabus paper")
def api_articles(session: SessionDep, category: str | None = None,
                 paper: Annotated[str | None, Query(pattern="^GS[1-4]$")] = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Offset = 0) -> dict[str, Any]:
    items, total = newest_articles(session, category=category, paper=paper, limit=limit, offset=offset)
    return {"articles": items, "total": total}


@router.get("/articles/{article_id}", tags=["articles"], summary="One article in the `show --json` shape")
def api_article(article_id: PathId, session: SessionDep) -> dict[str, Any]:
    art = get_article(session, article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id}")
    art["source"] = shown_source(art.get("source"))
    return art


def shown_source(uri: str | None) -> str | None:
    """Where an item came from, as its reader knows it: "pasted text", an upload's own file name or a web address,
    never the content key it is stored under nor the temporary folder an upload passed through."""
    if not uri:
        return uri
    kind, _, rest = uri.partition(":")
    if kind in ("pasted", "upload") and "/" in rest:
        name = rest.split("/", 1)[1]
        return "pasted text" if kind == "pasted" else name
    found = UPLOAD_FOLDER.match(uri)  # stored by an earlier version straight from the temporary folder
    return found.group(1) if found else uri


@router.post("/articles", tags=["articles"], response_model=IngestReport, openapi_extra=INGEST_FORM,
             summary="Ingest uploaded files (`files`, `feed`) and pasted `text`; multipart form")
async def api_ingest(request: Request, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    from starlette.concurrency import run_in_threadpool

    limit = int(settings.max_upload_mb * 1024 * 1024)
    form = await request.form(max_files=MAX_FILES + 2, max_fields=20, max_part_size=limit)
    batch = await save_batch(form, settings.max_file_bytes)
    return await run_in_threadpool(run_ingest, batch, store, settings)


@router.delete("/articles/{article_id}", tags=["articles"], status_code=204, summary="Delete one article")
def api_delete_article(article_id: PathId, store: StoreDep) -> Response:
    if not store.delete(article_id):
        raise HTTPException(404, f"no article with id {article_id}")
    return Response(status_code=204)


@router.get("/notes", tags=["notes"], response_model=NoteList,
            summary="The learner's notes on an article (or one bullet), or the newest overall")
def api_notes(session: SessionDep, user: UserDep, article_id: QueryId = None,
              bullet_id: QueryId = None) -> dict[str, Any]:
    return {"notes": note_repo.list_notes(session, article_id=article_id, bullet_id=bullet_id,
                                          user_id=user_id_of(user))}


@router.post("/notes", tags=["notes"], response_model=NoteOut, status_code=201, summary="Add a note")
def api_add_note(body: NoteIn, store: StoreDep, user: UserDep) -> dict[str, Any]:
    with store.sessions.begin() as session:
        return note_repo.add_note(session, body.article_id, body.text, bullet_id=body.bullet_id,
                                  user_id=user_id_of(user))


@router.get("/notes/{note_id}", tags=["notes"], response_model=NoteOut, summary="One note")
def api_note(note_id: PathId, session: SessionDep, user: UserDep) -> dict[str, Any]:
    note = note_repo.get_note(session, note_id, user_id=user_id_of(user))
    if note is None:
        raise HTTPException(404, f"no note with id {note_id}")
    return note


@router.patch("/notes/{note_id}", tags=["notes"], response_model=NoteOut, summary="Replace a note's text")
def api_edit_note(note_id: PathId, body: NoteEdit, store: StoreDep, user: UserDep) -> dict[str, Any]:
    with store.sessions.begin() as session:
        note = note_repo.edit_note(session, note_id, body.text, user_id=user_id_of(user))
    if note is None:
        raise HTTPException(404, f"no note with id {note_id}")
    return note


@router.delete("/notes/{note_id}", tags=["notes"], status_code=204, summary="Delete a note")
def api_delete_note(note_id: PathId, store: StoreDep, user: UserDep) -> Response:
    with store.sessions.begin() as session:
        gone = note_repo.delete_note(session, note_id, user_id=user_id_of(user))
    if gone is None:
        raise HTTPException(404, f"no note with id {note_id}")
    return Response(status_code=204)

"""/add: upload files, paste text or give a feed; the result page streams progress while the batch runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from gistbook.web import add_jobs
from gistbook.web.deps import SettingsDep, StoreDep
from gistbook.web.templating import render, templates
from gistbook.web.uploads import MAX_FILES, ingest_with_progress, save_batch

router = APIRouter(include_in_schema=False)
router.include_router(add_jobs.router)  # server mode: what was added is queued, this page follows the jobs


@router.get("/add", response_class=HTMLResponse)
def add_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    return render(request, "add.html", {"max_mb": settings.max_upload_mb, "today": dt.date.today().isoformat()})


@router.post("/add")
async def add_submit(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Saves the upload, then streams the page: a progress line per finished batch, then the per-file report."""
    limit = int(settings.max_upload_mb * 1024 * 1024)
    form = await request.form(max_files=MAX_FILES + 2, max_fields=20, max_part_size=limit)
    batch = await save_batch(form)
    if request.app.state.mode == "server" and store.dialect == "postgresql":  # the queue lives in PostgreSQL
        return await add_jobs.queue_batch(request, store, batch)
    names = [batch.display(p) for p in batch.paths] + batch.urls + (["pasted text"] if batch.pasted else [])
    outcome: dict[str, Any] = {}

    def progress() -> Iterator[tuple[int, int]]:
        for event in ingest_with_progress(batch, store, settings):
            if isinstance(event, dict):
                outcome["report"] = event
            else:
                yield event

    context = {"request": request, "mode": request.app.state.mode, "path": "/add", "names": names,
               "progress": progress(), "outcome": outcome}
    chunks = templates.get_template("add_result.html").generate(context)
    return StreamingResponse(chunks, media_type="text/html; charset=utf-8",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

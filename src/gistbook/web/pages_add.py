"""/add: upload files, paste text (with a title and date) or give web addresses; what was added is processed in
the background and /add/jobs shows its progress, then what was stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from gistbook.web import add_jobs
from gistbook.web.deps import SettingsDep, StoreDep
from gistbook.web.templating import render
from gistbook.web.uploads import MAX_FILES, AddFormError, save_batch

router = APIRouter(include_in_schema=False)
router.include_router(add_jobs.router)
KEPT_FIELDS = ("text", "text_title", "text_title_auto", "text_date", "url", "published")


@router.get("/add", response_class=HTMLResponse)
def add_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    return _form(request, settings.max_upload_mb, {})


def _form(request: Request, max_mb: float, given: dict[str, Any], error: AddFormError | None = None) -> HTMLResponse:
    today = dt.date.today().isoformat()
    values = {"text_date": today, **{k: v for k, v in given.items() if isinstance(v, str)}}
    errors = {error.field: str(error.detail)} if error is not None else {}
    return render(request, "add.html", {"max_mb": max_mb, "today": today, "values": values, "errors": errors},
                  status_code=400 if error is not None else 200)


@router.post("/add")
async def add_submit(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Saves what was given and answers at once with the page that follows its processing; bad input comes
    back as the form, filled in as it was, with a one-line error at the field."""
    limit = int(settings.max_upload_mb * 1024 * 1024)
    form = await request.form(max_files=MAX_FILES + 2, max_fields=20, max_part_size=limit)
    try:
        batch = await save_batch(form, settings.max_file_bytes)
    except AddFormError as error:
        return _form(request, settings.max_upload_mb, {k: form.get(k) for k in KEPT_FIELDS}, error)
    if add_jobs.queued_mode(request, store):  # the queue lives in PostgreSQL
        return await add_jobs.queue_batch(request, store, batch)
    names = [batch.display(p) for p in batch.paths] + batch.urls + (
        [batch.pasted[1] or "pasted text"] if batch.pasted else [])
    return await run_in_threadpool(add_jobs.start_local, request, store, batch, names)  # writes its first row

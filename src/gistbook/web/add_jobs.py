"""Server mode's Add page: what was added goes to the job queue at once, and a page follows the jobs to their end
(any `gistbook worker` runs them, on any machine)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from gistbook.store import Store
from gistbook.web.deps import StoreDep
from gistbook.web.templating import render
from gistbook.web.uploads import Batch

router = APIRouter(include_in_schema=False)
FINISHED = ("succeeded", "failed", "cancelled", "aborted")


def job_queue(request: Request) -> Any:
    """One queue client per app process, opened on first use."""
    from gistbook.queue import JobQueue

    queue = getattr(request.app.state, "job_queue", None)
    if queue is None:
        queue = request.app.state.job_queue = JobQueue(request.app.state.settings.db)
    return queue


def defer_batch(queue: Any, store: Store, batch: Batch) -> list[tuple[int, str]]:
    """Each file and the pasted text to the database, each web address as is, one job each: (job id, label)."""
    from gistbook.queue import UPLOAD, URLS
    from gistbook.store.sources import save_upload

    jobs: list[tuple[int, str]] = []
    try:
        for path in batch.paths:
            name = batch.display(path)
            with store.sessions.begin() as session:
                upload = save_upload(session, name, Path(path).read_bytes())
            jobs.append((queue.defer(UPLOAD, upload_id=upload, published=batch.published), name))
        if batch.pasted is not None:
            data, title, day = batch.pasted
            with store.sessions.begin() as session:
                upload = save_upload(session, "pasted text.txt", data)
            jobs.append((queue.defer(UPLOAD, upload_id=upload, published=day or batch.published, title=title,
                                     pasted=True), title or "pasted text"))
        for url in batch.urls:
            jobs.append((queue.defer(URLS, urls=[url], published=batch.published), url))
    finally:
        batch.cleanup()
    return jobs


async def queue_batch(request: Request, store: Store, batch: Batch) -> RedirectResponse:
    """Answers at once with the page that follows the jobs."""
    queue = await run_in_threadpool(job_queue, request)
    jobs = await run_in_threadpool(defer_batch, queue, store, batch)
    return RedirectResponse("/add/jobs?ids=" + ",".join(str(job_id) for job_id, _ in jobs), status_code=303)


def job_rows(queue: Any, store: Store, ids: list[int]) -> list[dict[str, Any]]:
    from gistbook.store.sources import job_report

    rows = []
    with store.session() as session:
        for job_id in ids:
            status = queue.status(job_id)
            rows.append({"id": job_id, "status": status or "unknown", "report": job_report(session, job_id)})
    return rows


@router.get("/add/jobs", response_class=HTMLResponse)
async def add_jobs(request: Request, store: StoreDep, ids: str = Query(max_length=2000)) -> HTMLResponse:
    """Progress and results of queued additions; the page reloads itself until every job has finished."""
    if request.app.state.mode != "server" or store.dialect != "postgresql":
        raise HTTPException(404, "no job queue here: additions run at once outside server mode on PostgreSQL")
    try:
        wanted = [int(part) for part in ids.split(",") if part.strip()][:200]
    except ValueError:
        raise HTTPException(400, "ids must be job numbers separated by commas") from None
    queue = await run_in_threadpool(job_queue, request)
    rows = await run_in_threadpool(job_rows, queue, store, wanted)
    running = any(row["status"] not in FINISHED for row in rows)
    page = render(request, "add_jobs.html", {"jobs": rows, "running": running})
    page.headers["Cache-Control"] = "no-store"
    if running:
        page.headers["Refresh"] = "2"
    return page

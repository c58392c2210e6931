"""What was added on the Add page runs in the background and a page follows it to the end: in server mode on
PostgreSQL the jobs go to the queue (any `gistbook worker` runs them, on any machine); in local mode one thread
of the serving process runs them in turn, as local mode runs all its background work (jobs.py)."""

from __future__ import annotations

import itertools
import os
import threading
import time
from pathlib import Path
from queue import Queue
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from gistbook.config import Settings
from gistbook.store import Store
from gistbook.web.deps import StoreDep
from gistbook.web.templating import render
from gistbook.web.uploads import Batch, run_add

router = APIRouter(include_in_schema=False)
FINISHED = ("succeeded", "failed", "cancelled", "aborted")


PROGRESS_EVERY_S = 0.5  # how often a local job writes its progress down


class LocalAdds:
    """Local mode's additions, run one after another in a daemon thread of this process; the request that brought
    one returns at once. Each job's state is a row of job_reports, so the page that follows it may be served by
    any app process (`serve --workers N`) and still reads right after a restart. Ids come from the clock and the
    process id, so two processes never hand out the same one."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.ids = itertools.count(int(time.time() * 1000) * 100 + os.getpid() % 100, 100)
        self.waiting: Queue[tuple[int, list[str], Batch]] = Queue()
        threading.Thread(target=self._run, name="gistbook-add", daemon=True).start()

    def start(self, batch: Batch, names: list[str]) -> int:
        job_id = next(self.ids)
        self._write(job_id, {"status": "todo", "names": names, "done": 0, "total": 0})
        self.waiting.put((job_id, names, batch))
        return job_id

    def _write(self, job_id: int, state: dict[str, Any]) -> None:
        from gistbook.store.sources import save_job_report

        with self.store.sessions.begin() as session:
            save_job_report(session, job_id, {"local": True, **state})

    def _run(self) -> None:
        while True:
            job_id, names, batch = self.waiting.get()
            written = 0.0

            def progress(done: int, total: int, job_id: int = job_id, names: list[str] = names) -> None:
                nonlocal written
                if time.monotonic() - written >= PROGRESS_EVERY_S or done == 0:
                    written = time.monotonic()
                    self._write(job_id, {"status": "doing", "names": names, "done": done, "total": total})

            try:
                report = run_add(batch, self.store, self.settings, progress)  # failures come back as lines
            except Exception as exc:  # noqa: BLE001 - the thread must live on for the next job
                report = {"ingested": [], "unchanged": [], "updated": [],
                          "failed": [{"source": "this addition", "error": f"{type(exc).__name__}: {exc}"[:300]}]}
            self._write(job_id, {"status": "succeeded", "names": names, "result": report})


def local_adds(request: Request, store: Store) -> LocalAdds:
    """One runner per app process, started on first use."""
    adds = getattr(request.app.state, "local_adds", None)
    if adds is None:
        with _local_lock:
            adds = getattr(request.app.state, "local_adds", None)
            if adds is None:
                adds = request.app.state.local_adds = LocalAdds(store, request.app.state.settings)
    return adds  # type: ignore[no-any-return]


_local_lock = threading.Lock()


def start_local(request: Request, store: Store, batch: Batch, names: list[str]) -> RedirectResponse:
    """Local mode: the batch goes to the background thread; the answer is the page that follows it."""
    job_id = local_adds(request, store).start(batch, names)
    return RedirectResponse(f"/add/jobs?ids={job_id}", status_code=303)


def queued_mode(request: Request, store: Store) -> bool:
    return bool(request.app.state.mode == "server" and store.dialect == "postgresql")


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


def local_rows(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    from gistbook.store.sources import job_report

    rows = []
    with store.session() as session:
        for job_id in ids:
            state = job_report(session, job_id) or {}
            if not state.get("local"):
                rows.append({"id": job_id, "status": "unknown", "report": None, "names": []})
                continue
            rows.append({"id": job_id, "status": state.get("status", "unknown"), "report": state.get("result"),
                         "names": state.get("names", []), "done": state.get("done", 0),
                         "total": state.get("total", 0)})
    return rows


@router.get("/add/jobs", response_class=HTMLResponse)
async def add_jobs(request: Request, store: StoreDep, ids: str = Query(max_length=2000)) -> HTMLResponse:
    """Progress and results of additions; the page reloads itself until every one has finished."""
    try:
        wanted = [int(part) for part in ids.split(",") if part.strip()][:200]
    except ValueError:
        raise HTTPException(400, "ids must be job numbers separated by commas") from None
    queued = queued_mode(request, store)
    if queued:
        queue = await run_in_threadpool(job_queue, request)
        rows = await run_in_threadpool(job_rows, queue, store, wanted)
    else:
        rows = await run_in_threadpool(local_rows, store, wanted)
    ended = (*FINISHED, "unknown")
    running = any(row["status"] not in ended for row in rows)
    page = render(request, "add_jobs.html", {"jobs": rows, "running": running, "local": not queued})
    page.headers["Cache-Control"] = "no-store"
    if running:
        page.headers["Refresh"] = "2" if queued else "1"
    return page

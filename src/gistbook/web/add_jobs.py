"""What was added on the Add page runs in the background and a page follows it to the end: in server mode on
PostgreSQL the jobs go to the queue (any `gistbook worker` runs them, on any machine); in local mode one thread
of the serving process runs them in turn, as local mode runs all its background work (jobs.py)."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
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


KEPT_LOCAL_JOBS = 200


@dataclass
class LocalAdd:
    """One addition in local mode, as the page that follows it sees it."""

    id: int
    names: list[str]
    status: str = "todo"  # todo, doing, succeeded (the queue's words)
    done: int = 0
    total: int = 0
    report: dict[str, Any] | None = None
    started: float = field(default_factory=time.monotonic)


class LocalAdds:
    """Local mode's additions, run one after another in a daemon thread; the request that brought one returns
    at once. Ids start from the clock, so a page left open across a restart never shows another job."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.jobs: dict[int, LocalAdd] = {}
        self.lock = threading.Lock()
        self.ids = itertools.count(int(time.time() * 1000))
        self.waiting: Queue[tuple[LocalAdd, Batch]] = Queue()
        threading.Thread(target=self._run, name="gistbook-add", daemon=True).start()

    def start(self, batch: Batch, names: list[str]) -> int:
        job = LocalAdd(next(self.ids), names)
        with self.lock:
            self.jobs[job.id] = job
            for old in sorted(self.jobs)[:-KEPT_LOCAL_JOBS]:
                if self.jobs[old].status == "succeeded":
                    del self.jobs[old]
        self.waiting.put((job, batch))
        return job.id

    def get(self, job_id: int) -> LocalAdd | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _run(self) -> None:
        while True:
            job, batch = self.waiting.get()
            job.status = "doing"

            def progress(done: int, total: int, job: LocalAdd = job) -> None:
                job.done, job.total = done, total

            job.report = run_add(batch, self.store, self.settings, progress)  # never raises: failures are lines
            job.status = "succeeded"


def local_adds(request: Request, store: Store) -> LocalAdds:
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


def local_rows(adds: LocalAdds, ids: list[int]) -> list[dict[str, Any]]:
    rows = []
    for job_id in ids:
        job = adds.get(job_id)
        if job is None:
            rows.append({"id": job_id, "status": "unknown", "report": None, "names": []})
        else:
            rows.append({"id": job.id, "status": job.status, "report": job.report, "names": job.names,
                         "done": job.done, "total": job.total})
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
        rows = local_rows(local_adds(request, store), wanted)
    ended = FINISHED if queued else (*FINISHED, "unknown")  # a local job unknown here ended before a restart
    running = any(row["status"] not in ended for row in rows)
    page = render(request, "add_jobs.html", {"jobs": rows, "running": running, "local": not queued})
    page.headers["Cache-Control"] = "no-store"
    if running:
        page.headers["Refresh"] = "2" if queued else "1"
    return page

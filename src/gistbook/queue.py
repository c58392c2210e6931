"""Server mode's job queue: procrastinate over the same PostgreSQL, run by any number of `gistbook worker`
processes on any machines. Every job is safe to run twice (the store skips what it holds), so a job whose worker
died mid-way is simply run again by another."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.engine import make_url

from gistbook.config import Settings
from gistbook.store import Store

if TYPE_CHECKING:
    from gistbook.intake.sources import AfterIngest

POLL = "gistbook.poll_source"
ENTRIES = "gistbook.ingest_entries"
URLS = "gistbook.ingest_urls"
UPLOAD = "gistbook.ingest_upload"
QUEUE = "intake"
ENTRIES_PER_JOB = 25  # a feed's new entries are spread over jobs of at most this many, so every worker takes a share
MIN_ENTRIES_PER_JOB = 5
RETRY = procrastinate.RetryStrategy(max_attempts=5, wait=2)

log = logging.getLogger("gistbook.queue")


def conninfo(db_url: str) -> str:
    """psycopg's form of the SQLAlchemy URL."""
    return make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_schema(db_url: str) -> None:
    """Install procrastinate's tables once (an advisory lock keeps several starting processes in line)."""
    from gistbook.store.job_tables import install_once

    install_once(conninfo(db_url),
                 lambda: procrastinate.App(connector=procrastinate.SyncPsycopgConnector()).schema_manager.get_schema())


class JobQueue:
    """Deferring jobs and reading their status from any process (the web app, the CLI)."""

    def __init__(self, db_url: str) -> None:
        ensure_schema(db_url)
        self.app = procrastinate.App(connector=procrastinate.SyncPsycopgConnector(conninfo=conninfo(db_url)))
        self.app.open()

    def defer(self, task: str, *, queueing_lock: str | None = None, **kwargs: Any) -> int | None:
        """The job's id, or None when an identical job (same queueing lock) is waiting already."""
        try:
            return self.app.configure_task(task, queue=QUEUE, queueing_lock=queueing_lock).defer(**kwargs)
        except AlreadyEnqueued:
            return None

    def status(self, job_id: int) -> str | None:
        try:
            return str(self.app.job_manager.get_job_status(job_id).value)
        except Exception:  # noqa: BLE001 - no such job
            return None

    def close(self) -> None:
        self.app.close()


@dataclass
class Runtime:
    """What the jobs of one worker process share: the store, the settings, one polite fetcher, and what to do
    after an ingest (refresh the web's kept dossiers: handed in by `gistbook worker`, since the web sits above)."""

    store: Store
    settings: Settings
    queue: JobQueue
    fetcher: Any
    after_ingest: AfterIngest


_runtime: Runtime | None = None


def runtime() -> Runtime:
    if _runtime is None:
        raise RuntimeError("the job runtime is set up by `gistbook worker`")
    return _runtime


def _report(job_id: int | None, report: dict[str, Any]) -> None:
    from gistbook.store.sources import save_job_report

    if job_id is not None:
        with runtime().store.sessions.begin() as session:
            save_job_report(session, job_id, report)


def _refresh(report: dict[str, Any]) -> None:
    """Dossier snapshots are a cache (a stale one is rebuilt when viewed), so a worker gathers the items its jobs
    touched and refreshes their topics once every REFRESH_EVERY_S, not after every job."""
    ids = [int(item["id"]) for key in ("ingested", "updated") for item in report.get(key, []) if "id" in item]
    with _pending_lock:
        _pending.update(ids)


def flush_refresh(rt: Runtime) -> int:
    with _pending_lock:
        ids = sorted(_pending)
        _pending.clear()
    if ids:
        rt.after_ingest({"ingested": [{"id": i} for i in ids]})
    return len(ids)


_pending: set[int] = set()
_pending_lock = threading.Lock()
REFRESH_EVERY_S = 20.0


# the tasks, declared once; each worker binds them to its own connection with `with_connector`
tasks = procrastinate.App(connector=procrastinate.SyncPsycopgConnector())


@tasks.task(name=POLL, queue=QUEUE, retry=RETRY, pass_context=True)
def poll_source_job(context: procrastinate.JobContext, source_id: int) -> None:
    """Check a source; its new entries become ingest jobs that any worker may take."""
    from gistbook.intake.sources import check_source
    from gistbook.store import sources as repo

    rt = runtime()
    with rt.store.session() as session:
        try:
            state = repo.poll_state(repo.get_source(session, source_id))
        except repo.SourceError:
            return  # removed since
    listing = check_source(rt.store, rt.fetcher, state)
    jobs = []
    size = max(MIN_ENTRIES_PER_JOB, min(ENTRIES_PER_JOB, -(-len(listing.entries) // 4)))
    for start in range(0, len(listing.entries), size):
        chunk = listing.entries[start:start + size]
        jobs.append(rt.queue.defer(ENTRIES, source_id=source_id, category=state.category,
                                   entries=[vars(e) for e in chunk]))
    with rt.store.sessions.begin() as session:
        # deferred jobs are durable, so the validators can be kept: the entries are not lost on a 304
        repo.record_poll(session, source_id, status=listing.status, error=listing.error, etag=listing.etag,
                         last_modified=listing.last_modified, kind=listing.kind, title=listing.title,
                         keep_validators=listing.status != "ok")
    _report(context.job.id, {"source": source_id, "status": listing.status, "error": listing.error,
                             "new": len(listing.entries), "skipped": listing.skipped, "jobs": jobs})


@tasks.task(name=ENTRIES, queue=QUEUE, retry=RETRY, pass_context=True)
def ingest_entries_job(context: procrastinate.JobContext, source_id: int, category: str | None,
                       entries: list[dict[str, Any]]) -> None:
    from gistbook.intake.listing import Entry
    from gistbook.intake.sources import ingest_entries

    rt = runtime()
    result = ingest_entries(rt.store, rt.fetcher, source_id, [Entry(**e) for e in entries], category=category,
                            max_bytes=rt.settings.max_file_bytes, after_ingest=_refresh)
    _report(context.job.id, result.to_dict())


@tasks.task(name=URLS, queue=QUEUE, retry=RETRY, pass_context=True)
def ingest_urls_job(context: procrastinate.JobContext, urls: list[str], published: str | None = None) -> None:
    from gistbook.intake.items import url_items
    from gistbook.pipeline import ingest_items

    rt = runtime()
    report = ingest_items(url_items(urls, rt.fetcher, published=published), rt.store, published=published)
    _refresh(report.to_dict())
    _report(context.job.id, report.to_dict())


@tasks.task(name=UPLOAD, queue=QUEUE, retry=RETRY, pass_context=True)
def ingest_upload_job(context: procrastinate.JobContext, upload_id: int, published: str | None = None,
                      title: str | None = None, pasted: bool = False) -> None:
    from gistbook.jobs import ingest_upload

    rt = runtime()
    report = ingest_upload(rt.store, rt.settings, upload_id, published=published, title=title, pasted=pasted)
    if report is not None:
        _refresh(report)
        _report(context.job.id, report)


def _schedule_due(rt: Runtime) -> int:
    """Defer a poll for each due source, claimed first so that one worker defers it once."""
    from gistbook.intake.sources import LEASE_S
    from gistbook.store import sources as repo

    with rt.store.session() as session:
        due = repo.due_sources(session)
    deferred = 0
    for state in due:
        with rt.store.sessions.begin() as session:
            if not repo.claim_due(session, state.id, LEASE_S):
                continue
        deferred += rt.queue.defer(POLL, queueing_lock=f"source-{state.id}", source_id=state.id) is not None
    return deferred


async def _housekeeping(app: procrastinate.App, rt: Runtime, every: float, stalled_after: float) -> None:
    """Every few seconds: give the jobs of dead workers back to the queue, and queue polls of due sources."""
    refreshed = time.monotonic()
    while True:
        try:
            for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
                log.warning("job %s (%s) lost its worker; queued again", job.id, job.task_name)
                await app.job_manager.retry_job(job)
            await asyncio.to_thread(_schedule_due, rt)
            if time.monotonic() - refreshed >= REFRESH_EVERY_S:
                refreshed = time.monotonic()
                await asyncio.to_thread(flush_refresh, rt)
        except Exception as exc:  # noqa: BLE001 - the next round tries again
            log.warning("housekeeping failed: %s", exc)
        await asyncio.sleep(every)


def run_queue_worker(store: Store, settings: Settings, *, after_ingest: AfterIngest, concurrency: int = 1,
                     once: bool = False, heartbeat: float = 10.0, schedule_every: float = 30.0) -> None:
    """Run jobs until stopped (SIGINT/SIGTERM finish the jobs in hand); `once` stops when the queue is empty."""
    global _runtime
    from gistbook.intake.sources import fetcher_for

    queue = JobQueue(settings.db)
    _runtime = Runtime(store, settings, queue, fetcher_for(settings), after_ingest)
    app = tasks.with_connector(procrastinate.PsycopgConnector(conninfo=conninfo(settings.db)))
    stalled_after = heartbeat * 3

    async def main() -> None:
        async with app.open_async():
            chores = asyncio.create_task(_housekeeping(app, _runtime, min(heartbeat, schedule_every), stalled_after))
            try:
                await app.run_worker_async(queues=[QUEUE], concurrency=concurrency, wait=not once,
                                           name=f"gistbook-{os.getpid()}", update_heartbeat_interval=heartbeat,
                                           stalled_worker_timeout=stalled_after, listen_notify=True,
                                           fetch_job_polling_interval=min(heartbeat, 5.0))
            finally:
                chores.cancel()

    try:
        asyncio.run(main())
    finally:
        try:
            flush_refresh(_runtime)
        except Exception as exc:  # noqa: BLE001 - a cache; the pages rebuild what is stale
            log.warning("refreshing dossiers failed: %s", exc)
        _runtime.fetcher.close()
        queue.close()

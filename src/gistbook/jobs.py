"""Background work: polling due sources, ingesting URLs and uploads. Local mode (SQLite) runs it in a thread of
the serving process or in `gistbook worker`; server mode (PostgreSQL) queues it in procrastinate, run by any
number of `gistbook worker` processes (see gistbook.queue)."""

from __future__ import annotations

import threading
import time
from typing import Any

from gistbook.config import Settings
from gistbook.store import Store

LOCAL_EVERY_S = 60.0


def refresh_topics(store: Store, report: dict[str, Any]) -> None:
    """Rebuild the dossier snapshots of the topics an ingest touched, so the next reader does not wait."""
    from gistbook.web.snapshots import refresh_after_ingest

    refresh_after_ingest(store, report)


def poll_due_once(store: Store, settings: Settings) -> list[dict[str, Any]]:
    """Poll the sources due now (each claimed first, so serve's thread and a worker never poll one twice)."""
    from gistbook.intake.sources import fetch_due

    return [r.to_dict() for r in fetch_due(store, settings, after_ingest=lambda rep: refresh_topics(store, rep))]


class LocalScheduler:
    """Polls due sources every `every` seconds in a daemon thread: off the event loop, so pages never wait on
    a fetch."""

    def __init__(self, store: Store, settings: Settings, every: float = LOCAL_EVERY_S) -> None:
        self.store, self.settings, self.every = store, settings, every
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="gistbook-intake", daemon=True)
        self.last_error: str | None = None

    def start(self) -> LocalScheduler:
        self.thread.start()
        return self

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                poll_due_once(self.store, self.settings)
                self.last_error = None
            except Exception as exc:  # noqa: BLE001 - the next round tries again; a source keeps its own error
                self.last_error = f"{type(exc).__name__}: {exc}"
            self.stop.wait(self.every)

    def close(self, timeout: float = 5.0) -> None:
        self.stop.set()
        self.thread.join(timeout)


def run_worker(store: Store, settings: Settings, *, concurrency: int = 1, every: float = LOCAL_EVERY_S,
               once: bool = False) -> None:
    """`gistbook worker`: the procrastinate worker in server mode, a polling loop in local mode."""
    if store.dialect == "postgresql":
        from gistbook.queue import run_queue_worker

        run_queue_worker(store, settings, concurrency=concurrency, once=once)
        return
    while True:
        poll_due_once(store, settings)
        if once:
            return
        time.sleep(every)

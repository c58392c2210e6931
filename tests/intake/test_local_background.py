"""Local mode: due sources are polled in a thread of the serving process, and pages keep answering meanwhile."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from fastapi.testclient import TestClient
from tests.intake.intake_server import IntakeServer

from gistbook.cli.common import refresh_dossiers_of
from gistbook.config import load_settings
from gistbook.intake import sources as intake
from gistbook.jobs import LocalScheduler
from gistbook.store import Store
from gistbook.web import create_app


def test_serve_polls_due_sources_off_the_event_loop(server: IntakeServer, tmp_path: Path) -> None:
    server.article_delay_s = 0.1
    settings = load_settings(db=f"sqlite:///{tmp_path / 'local.db'}", fetch_delay=0.0, fetch_timeout=2.0,
                             page_cache=False)
    store = Store(settings.db)
    intake.add(store, server.base + "/list.html")
    app = create_app(settings, store=store)
    scheduler = LocalScheduler(store, settings, every=0.2,
                               after_ingest=functools.partial(refresh_dossiers_of, store)).start()  # as serve does
    slowest = 0.0
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            deadline = time.monotonic() + 60
            while len(store.articles()) < 5 and time.monotonic() < deadline:
                started = time.monotonic()
                assert client.get("/api/articles").status_code == 200
                slowest = max(slowest, time.monotonic() - started)
                time.sleep(0.05)
    finally:
        scheduler.close()
    assert len(store.articles()) == 5
    assert slowest < 1.0  # a page never waited for a fetch
    assert intake.listed(store)[0]["last_status"] == "ok" and scheduler.last_error is None
    store.close()

"""Server mode: jobs in procrastinate on PostgreSQL, two `gistbook worker` processes, one killed mid-job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from tests.intake.fixture_articles import ARTICLES
from tests.intake.intake_server import IntakeServer

from gistbook.intake import sources as intake
from gistbook.queue import ENTRIES, POLL, JobQueue, conninfo
from gistbook.store import Store

pytestmark = pytest.mark.postgres


def start_worker(pg_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GISTBOOK_DB": pg_url, "GISTBOOK_FETCH_DELAY": "0", "GISTBOOK_FETCH_TIMEOUT": "5"}
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "gistbook.cli", "worker", "--heartbeat", "0.5"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)


def jobs(pg_url: str) -> list[tuple[int, str, str, int]]:
    with psycopg.connect(conninfo(pg_url)) as conn:
        return conn.execute("SELECT id, task_name, status, attempts FROM procrastinate_jobs ORDER BY id").fetchall()


def wait_for(check, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.mark.slow
def test_a_worker_killed_mid_job_loses_and_duplicates_nothing(server: IntakeServer, pg_url: str,
                                                              tmp_path: Path) -> None:
    server.article_delay_s = 0.2  # slow enough that the kill lands inside a job
    store = Store(pg_url)
    intake.add(store, server.base + "/feed.xml")
    queue = JobQueue(pg_url)  # nothing deferred by hand: the worker's scheduler finds the source due
    log = tmp_path / "workers.log"
    first = start_worker(pg_url, log)
    second = None
    try:
        wait_for(lambda: len(store.articles()) >= 2, 60, "the first worker to store a few articles")
        second = start_worker(pg_url, log)
        first.send_signal(signal.SIGKILL)  # no chance to finish or hand back its job
        first.wait(10)
        assert any(status == "doing" for _, _, status, _ in jobs(pg_url))  # left behind by the dead worker
        wait_for(lambda: all(status in ("succeeded", "failed") for _, _, status, _ in jobs(pg_url)), 90,
                 "every job to finish")
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(15)
        queue.close()
    done = jobs(pg_url)
    assert [(task, status) for _, task, status, _ in done] == [(POLL, "succeeded")] + [(ENTRIES, "succeeded")] * 4, \
        log.read_text()[-3000:]
    assert max(attempts for *_, attempts in done) == 2  # the killed job ran again
    titles = [a["title"] for a in store.articles()]
    assert sorted(titles) == sorted(a[1] for a in ARTICLES)  # none lost, none twice
    assert intake.listed(store)[0]["items"] == 20
    fetched = [path for path, _ in server.requests if path.startswith("/articles/")]
    assert len(set(fetched)) == 20
    store.close()

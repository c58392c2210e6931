"""Daily intake at scale: a feed of N corpus releases served on 127.0.0.1, fetched and ingested by two
`gistbook worker` processes on a scratch PostgreSQL database.

Baseline, measured in the same run: `gistbook ingest` of the same pages saved as files, into its own scratch
PostgreSQL database. Prints entries/s for both and their ratio (target: intake >= 0.8x the file ingest), then a
second intake run in which one worker is killed mid-run: every entry must be stored once, none lost or twice.
Usage: python bench/intake.py [--entries 500] [--pg ADMIN_URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from tests.intake.intake_server import IntakeServer, serving  # noqa: E402
from tests.pg import scratch_postgres  # noqa: E402

from gistbook.intake import sources as intake  # noqa: E402
from gistbook.queue import conninfo, ensure_schema  # noqa: E402
from gistbook.store import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
PG_ADMIN = os.environ.get("GISTBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def page(record: dict[str, str]) -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(record["title"])}</title>'
            f'<meta property="article:published_time" content="{record["published"]}">'
            f'<meta property="article:section" content="{escape(record["category"])}"></head>'
            f'<body><article><h1>{escape(record["title"])}</h1>{record["html"]}</article></body></html>')


def load(entries: int) -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    seen: set[str] = set()
    unique = []
    for row in rows:  # one page per distinct text, so "stored once" is a count
        if row["html"] not in seen and row["title"] not in seen:
            seen.update((row["html"], row["title"]))
            unique.append(row)
    return unique[:entries]


def publish(server: IntakeServer, records: list[dict[str, str]]) -> None:
    items = []
    for n, rec in enumerate(records):
        path = f"/pib/{n}.html"
        server.pages[path] = ("text/html; charset=utf-8", page(rec).encode())
        when = format_datetime(dt.datetime.fromisoformat(rec["published"] + "T10:00:00+05:30"))
        items.append(f"<item><title>{escape(rec['title'])}</title><link>{server.base}{path}</link>"
                     f"<pubDate>{when}</pubDate></item>")
    feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>PIB sample</title>'
            f'<link>{server.base}/</link><description>bench</description>{"".join(items)}</channel></rss>')
    server.pages["/pib.xml"] = ("application/rss+xml", feed.encode())


def gistbook(db: str) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "GISTBOOK_DB": db, "GISTBOOK_FETCH_DELAY": "0", "GISTBOOK_FETCH_TIMEOUT": "30"}
    return [sys.executable, "-m", "gistbook.cli"], env


def file_ingest(records: list[dict[str, str]], db: str, folder: Path) -> float:
    for n, rec in enumerate(records):
        (folder / f"{n:04d}.html").write_text(page(rec), encoding="utf-8")
    Store(db).close()  # migrated before the clock starts, as the workers' database is
    cmd, env = gistbook(db)
    start = time.perf_counter()
    done = subprocess.run([*cmd, "ingest", str(folder), "--json"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    report = json.loads(done.stdout)
    print(f"  files: {len(report['ingested'])} ingested, {len(report['failed'])} failed")
    return elapsed


def job_states(db: str) -> list[str]:
    with psycopg.connect(conninfo(db)) as conn:
        return [row[0] for row in conn.execute("SELECT status FROM procrastinate_jobs")]


def stored(db: str) -> tuple[int, int]:
    with psycopg.connect(conninfo(db)) as conn:
        row = conn.execute("SELECT count(*), count(DISTINCT s.uri) FROM articles a "
                           "JOIN sources s ON s.id = a.source_id").fetchone()
        return (row[0], row[1]) if row else (0, 0)


def item_errors(db: str) -> list[str]:
    """Entries a job reported as failed (a job that succeeds may still have failed to store some entry)."""
    with psycopg.connect(conninfo(db)) as conn:
        rows = conn.execute("SELECT report FROM job_reports").fetchall()
    reports = [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
    return [f"{e['url']}: {e['error']}" for rep in reports for e in rep.get("errors", [])]


def intake_run(server: IntakeServer, db: str, log: Path, kill_at: int | None) -> tuple[float, bool]:
    """Seconds from starting two workers until every job is done; whether a worker was killed mid-job."""
    store = Store(db)
    intake.add(store, server.base + "/pib.xml", every="1d")
    store.close()
    ensure_schema(db)
    cmd, env = gistbook(db)
    start = time.perf_counter()
    with log.open("ab") as out:
        workers = [subprocess.Popen([*cmd, "worker", "--heartbeat", "1"], env=env, stdout=out, stderr=out)
                   for _ in range(2)]
    killed = False
    try:
        while True:
            time.sleep(0.5)
            states = job_states(db)
            if kill_at is not None and not killed and stored(db)[0] >= kill_at:
                workers[0].send_signal(signal.SIGKILL)
                workers[0].wait()
                killed = "doing" in job_states(db)
            if states and all(s in ("succeeded", "failed") for s in states) and len(states) > 1:
                break
            if time.perf_counter() - start > 1800:
                raise RuntimeError("intake did not finish in 30 minutes")
        return time.perf_counter() - start, killed
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500, help="feed entries (corpus releases), default 500")
    parser.add_argument("--pg", default=PG_ADMIN, help="PostgreSQL admin URL for the scratch databases")
    args = parser.parse_args(argv)
    records = load(args.entries)
    n = len(records)
    print(f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()} "
          f"python={platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp, serving() as server:
        publish(server, records)
        with scratch_postgres(args.pg, "gistbook_bench_files_") as db:
            folder = Path(tmp) / "pages"
            folder.mkdir()
            t_files = file_ingest(records, db, folder)
        with scratch_postgres(args.pg, "gistbook_bench_intake_") as db:
            t_intake, _ = intake_run(server, db, Path(tmp) / "workers.log", kill_at=None)
            total, distinct = stored(db)
            for line in item_errors(db)[:5]:
                print(f"  entry failed: {line}")
        with scratch_postgres(args.pg, "gistbook_bench_kill_") as db:
            t_kill, killed = intake_run(server, db, Path(tmp) / "workers-kill.log", kill_at=n // 3)
            k_total, k_distinct = stored(db)
            failed = job_states(db).count("failed")
        log_tail = (Path(tmp) / "workers-kill.log").read_text(errors="replace")[-1500:]
    print(f"baseline `gistbook ingest` of {n} saved pages (1 process): {t_files:.1f} s = {n / t_files:.2f} entries/s")
    print(f"intake, 2 workers on PostgreSQL: {total} stored ({distinct} distinct) in {t_intake:.1f} s "
          f"= {total / t_intake:.2f} entries/s")
    ratio = (total / t_intake) / (n / t_files)
    verdict = "met" if ratio >= 0.8 else "NOT met"
    print(f"ratio (intake rate / file-ingest rate): {ratio:.2f}x; target >= 0.8x ({verdict})")
    lost, twice = n - k_distinct, k_total - k_distinct
    print(f"one worker killed mid-run ({'a job was in hand' if killed else 'no job in hand at the kill'}): "
          f"{k_total} stored in {t_kill:.1f} s, {lost} lost, {twice} duplicated, {failed} failed jobs")
    ok = total == distinct == n and lost == 0 and twice == 0
    if not ok:
        print(log_tail)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

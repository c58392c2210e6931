"""Server mode under load and a crash: two `gistbook serve` processes over one scratch PostgreSQL database.

Learners (accounts and API tokens made up front) review cards, add notes and search for --seconds, spread over
both processes, while an editor uploads --releases corpus press releases through POST /api/articles. Part way
through (--kill-at) one process gets SIGKILL: its learners (and the editor) move to the other one and go on.

Afterwards it prints p50/p95 latency and error counts per kind of request, then checks the database: every
review and note that was answered 2xx must be stored exactly once. Each write carries its own tag (the note's
text; the review's duration_ms, unique per learner) so a stored row can be traced to the request that made it.
A write cut off by the kill is never acknowledged, so its retry gets a fresh tag: it may or may not be stored.
Exit status 1 when an acknowledged write is lost or duplicated, or when a process that was up answered with an
error; 0 otherwise.

Usage: python bench/load.py [--seconds 60] [--learners 50] [--releases 200] [--kill-at 0.5] [--pg URL]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pg import scratch_postgres  # noqa: E402
from tests.web.browser_helpers import free_port  # noqa: E402
from tests.web.web_fixtures import (  # noqa: E402
    economy_article,
    japan_article,
    japan_followup_article,
    save_linked,
)

from gistbook.store import Store  # noqa: E402
from gistbook.store import users as accounts  # noqa: E402

CORPUS = sorted((ROOT.parent / "shared" / "corpus").glob("*.jsonl"))
PG_ADMIN = os.environ.get("GISTBOOK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PASSWORD = "load-test password 42"
SEARCHES = ["Japan", "trade", "railways", "Prime Minister", "defence", "health", "finance dialogue", "GDP",
            "Knesset", "exercise", "agriculture", "space", "India Japan", "scheme", "inflation"]
SEEDED = 3  # hand-made articles in seed()
BATCH = 10  # releases per upload: one POST /api/articles each


@contextmanager
def scratch_database(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for this run, dropped (even with connections left) at the end."""
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - one line instead of a driver trace
        raise SystemExit(f"load: cannot reach PostgreSQL at {admin_url.split('@')[-1]}: "
                         f"{str(exc).splitlines()[0]}") from None
    finally:
        admin.dispose()
    with scratch_postgres(admin_url, "gistbook_load_") as url:
        yield url


def seed(db: str, learners: int) -> tuple[list[int], dict[int, str], str]:
    """Three hand-made articles with facts (cards come from them), the learners and an editor, with API tokens."""
    store = Store(db)  # migrates the new database
    try:
        articles = [save_linked(store, make()) for make in (japan_article, economy_article, japan_followup_article)]
        tokens: dict[int, str] = {}
        with store.sessions.begin() as session:
            for n in range(learners):
                account = accounts.add_user(session, f"learner{n:03d}", "learner", PASSWORD)
                tokens[account.id] = accounts.make_api_token(session, account.id, "load")
            editor = accounts.add_user(session, "editor", "editor", PASSWORD)
            editor_token = accounts.make_api_token(session, editor.id, "load")
    finally:
        store.close()
    return articles, tokens, editor_token


class App:
    """One `gistbook serve` process; its output goes to a log file read back when it fails to start."""

    def __init__(self, db: str, secret: str, logdir: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = logdir / f"serve-{self.port}.log"
        env = {**os.environ, "GISTBOOK_SECRET": secret, "GISTBOOK_MODE": "server"}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "gistbook.cli", "--db", db, "serve",
                                          "--port", str(self.port)], stdout=out, stderr=subprocess.STDOUT, env=env)
        self.killed_at: float | None = None

    def wait_ready(self, timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"load: server on port {self.port} exited: {self.log.read_text()[-1500:]}")
            try:
                if httpx.get(self.url + "/openapi.json", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"load: server on port {self.port} did not answer within {timeout_s:.0f} s")

    def kill(self) -> None:
        self.killed_at = time.monotonic()
        self.proc.send_signal(signal.SIGKILL)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class Record:
    """Everything the run saw: latencies and outcomes per kind, and each write attempt with its tag."""

    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    cut: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # died with the killed process
    samples: list[str] = field(default_factory=list)
    notes: dict[tuple[int, str], bool] = field(default_factory=dict)  # (user, text) -> acknowledged
    reviews: dict[tuple[int, int], bool] = field(default_factory=dict)  # (user, duration_ms tag) -> acknowledged
    ingest: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    served: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # answers per process and phase


class Client:
    """A learner's or the editor's HTTP client: stays on its home process until that process stops answering."""

    def __init__(self, apps: list[App], home: int, token: str, record: Record) -> None:
        self.apps, self.home, self.record = apps, home, record
        self.http = httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"},
                                      timeout=httpx.Timeout(120.0, connect=10.0))

    async def call(self, kind: str, method: str, path: str, **kwargs: Any) -> httpx.Response | None:
        """One request; None when it failed. A transport error from a killed process moves us to the other."""
        app = self.apps[self.home]
        began = time.monotonic()
        try:
            reply = await self.http.request(method, app.url + path, **kwargs)
        except httpx.TransportError as exc:
            if app.killed_at is not None:
                self.record.cut[kind] += 1
                self.home = next(i for i, a in enumerate(self.apps) if a.killed_at is None)
            else:
                self._error(kind, f"{method} {path} on :{app.port}: {type(exc).__name__}: {exc}")
            return None
        self.record.latency[kind].append(time.monotonic() - began)
        phase = "after the kill" if any(a.killed_at for a in self.apps) else "before the kill"
        self.record.served[f"process :{app.port} {phase}"] += 1
        if 200 <= reply.status_code < 300:
            self.record.ok[kind] += 1
            return reply
        self._error(kind, f"{method} {path} on :{app.port}: {reply.status_code} {reply.text[:200]}")
        return None

    def _error(self, kind: str, what: str) -> None:
        self.record.errors[kind] += 1
        if len(self.record.samples) < 10:
            self.record.samples.append(what)


async def learner(client: Client, user: int, articles: list[int], until: float, think: float, seed: int) -> None:
    rnd = random.Random(seed)
    tags = itertools.count(1)
    setup = await client.call("make cards", "POST", "/api/cards", json={"source": "facts"})
    listed = await client.call("list cards", "GET", "/api/cards", params={"limit": 200})
    cards = [c["id"] for c in listed.json()["cards"]] if listed is not None else []
    if setup is None or not cards:
        return
    while time.monotonic() < until:
        roll = rnd.random()
        if roll < 0.5:
            nxt = await client.call("next card", "GET", "/api/cards/next")
            card = nxt.json()["card"] if nxt is not None else None
            tag = next(tags)  # duration_ms: unique per learner, so each stored log names its request
            client.record.reviews[(user, tag)] = False
            done = await client.call("review", "POST", "/api/reviews", json={
                "card_id": card["id"] if card else rnd.choice(cards), "rating": rnd.randint(1, 4),
                "duration_ms": tag})
            client.record.reviews[(user, tag)] = done is not None
        elif roll < 0.75:
            text = f"load note {user}-{next(tags)}: revise the dates and the figures {secrets.token_hex(4)}"
            client.record.notes[(user, text)] = False
            done = await client.call("add note", "POST", "/api/notes",
                                     json={"article_id": rnd.choice(articles), "text": text})
            client.record.notes[(user, text)] = done is not None and done.json().get("text") == text
        else:
            await client.call("search", "GET", "/api/search", params={"q": rnd.choice(SEARCHES), "limit": 10})
        await asyncio.sleep(rnd.uniform(0, 2 * think))


def corpus_batches(releases: int) -> list[bytes]:
    lines = [line for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(lines) < releases:
        raise SystemExit(f"load: --releases {releases} but the corpus has only {len(lines)} releases")
    chosen = lines[:releases]
    return ["\n".join(chosen[i:i + BATCH]).encode() + b"\n" for i in range(0, releases, BATCH)]


async def editor(client: Client, batches: list[bytes]) -> None:
    """Uploads every batch; one cut off by the kill is sent again to the other process (ingest is idempotent)."""
    for n, batch in enumerate(batches):
        for _attempt in range(2):
            home = client.home
            files = {"files": (f"releases-{n:03d}.jsonl", batch, "application/x-ndjson")}
            reply = await client.call("ingest 10", "POST", "/api/articles", files=files)
            if reply is not None:
                report = reply.json()
                for key in ("ingested", "unchanged", "failed"):
                    client.record.ingest[key] += len(report.get(key, []))
                client.record.ingest["updated"] += len(report.get("updated", []))
                break
            if client.home == home:
                break  # an error from a live process: counted already, not retried


async def killer(apps: list[App], at: float) -> None:
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    apps[1].kill()


async def run_load(apps: list[App], tokens: dict[int, str], editor_token: str, articles: list[int],
                   args: argparse.Namespace) -> tuple[Record, float, float]:
    record = Record()
    began = time.monotonic()
    until = began + args.seconds
    learners = [Client(apps, n % 2, token, record) for n, token in enumerate(tokens.values())]
    boss = Client(apps, 1, editor_token, record)  # on the process that dies: its upload must move over
    tasks = [learner(c, user, articles, until, args.think, n) for n, (c, user) in enumerate(zip(learners, tokens))]
    ingest = asyncio.create_task(editor(boss, corpus_batches(args.releases)))
    await asyncio.gather(*tasks, killer(apps, began + args.seconds * args.kill_at))
    learners_done = time.monotonic() - began
    await ingest
    for c in [*learners, boss]:
        await c.http.aclose()
    return record, learners_done, time.monotonic() - began


def count_in_database(db: str, record: Record) -> tuple[dict[str, dict[str, int]], int]:
    """Stored rows traced to their requests: acknowledged once (good), missing, duplicated, and the rest."""
    from sqlalchemy import create_engine, func, select

    from gistbook.store import models as m

    engine = create_engine(db)
    with engine.connect() as conn:
        notes = {(u, t): c for u, t, c in conn.execute(select(m.Note.user_id, m.Note.text, func.count())
                                                        .group_by(m.Note.user_id, m.Note.text))}
        articles = int(conn.execute(select(func.count()).select_from(m.Article)).scalar() or 0)
        logs = {(u, d): c for u, d, c in conn.execute(select(m.ReviewLog.user_id, m.ReviewLog.duration_ms,
                                                             func.count()).group_by(m.ReviewLog.user_id,
                                                                                     m.ReviewLog.duration_ms))}
    engine.dispose()
    return {"notes": tally(record.notes, notes), "reviews": tally(record.reviews, logs)}, articles


def tally(attempts: dict[Any, bool], stored: dict[Any, int]) -> dict[str, int]:
    out = {"acknowledged": 0, "stored once": 0, "lost": 0, "duplicated": 0, "unacknowledged stored": 0,
           "unexplained rows": 0}
    for key, acked in attempts.items():
        count = stored.get(key, 0)
        if acked:
            out["acknowledged"] += 1
            out["stored once" if count == 1 else "lost" if count == 0 else "duplicated"] += 1
        elif count:
            out["unacknowledged stored"] += 1
            out["duplicated"] += count > 1
    out["unexplained rows"] = sum(c for key, c in stored.items() if key not in attempts)
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(record: Record, counted: dict[str, dict[str, int]], articles: int, args: argparse.Namespace,
           learners_s: float, total_s: float) -> int:
    print(f"\n{args.learners} learners for {learners_s:.1f} s over two processes (one SIGKILLed at "
          f"{args.seconds * args.kill_at:.0f} s); editor uploaded {args.releases} releases in {total_s:.1f} s")
    print(f"\n{'request':<12}{'2xx':>8}{'errors':>8}{'cut by kill':>13}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    kinds = ["review", "next card", "add note", "search", "ingest 10", "make cards", "list cards"]
    for kind in kinds:
        lat = record.latency.get(kind, [])
        print(f"{kind:<12}{record.ok.get(kind, 0):>8}{record.errors.get(kind, 0):>8}{record.cut.get(kind, 0):>13}"
              f"{percentile(lat, 0.5) * 1000:>10.0f}{percentile(lat, 0.95) * 1000:>10.0f}"
              f"{(max(lat) if lat else float('nan')) * 1000:>10.0f}")
    print("\nanswers: " + ", ".join(f"{k}: {v}" for k, v in sorted(record.served.items())))
    print("ingest: " + ", ".join(f"{k} {v}" for k, v in record.ingest.items())
          + f"; articles in the database: {articles} ({SEEDED} seeded + {args.releases} uploaded)")
    cols = ["acknowledged", "stored once", "lost", "duplicated", "unacknowledged stored", "unexplained rows"]
    print(f"\n{'writes':<10}" + "".join(f"{c:>{len(c) + 2}}" for c in cols))
    for what, row in counted.items():
        print(f"{what:<10}" + "".join(f"{row[c]:>{len(c) + 2}}" for c in cols))
    for sample in record.samples:
        print(f"error: {sample}")
    errors = sum(record.errors.values())
    bad = sum(row["lost"] + row["duplicated"] + row["unexplained rows"] for row in counted.values())
    verdict = []
    if bad:
        verdict.append(f"{bad} acknowledged writes lost or duplicated (or rows no request made)")
    if errors:
        verdict.append(f"{errors} errors from a process that was up")
    print("\nFAIL: " + "; ".join(verdict) if verdict else "\nOK: nothing acknowledged was lost or duplicated, "
          "and the surviving process answered every request")
    return 1 if verdict else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the learners work (default 60)")
    parser.add_argument("--learners", type=int, default=50, help="concurrent learners (default 50)")
    parser.add_argument("--releases", type=int, default=200, help="corpus releases the editor uploads (200)")
    parser.add_argument("--kill-at", type=float, default=0.5, help="share of --seconds when one process dies")
    parser.add_argument("--think", type=float, default=0.2, help="mean pause between a learner's actions, s")
    parser.add_argument("--pg", default=PG_ADMIN, help="PostgreSQL admin URL used to create the scratch database")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.learners < 2 or not 0 < args.kill_at < 1 or args.releases < 0:
        parser.error("--seconds must be > 0, --learners at least 2, --kill-at between 0 and 1, --releases >= 0")
    with scratch_database(args.pg) as db, tempfile.TemporaryDirectory(prefix="gistbook-load-") as logdir:
        started = time.monotonic()
        articles, tokens, editor_token = seed(db, args.learners)
        apps = [App(db, secrets.token_urlsafe(32), Path(logdir)) for _ in range(2)]
        try:
            for app in apps:
                app.wait_ready()
            print(f"setup: {args.learners} learners, 2 processes on ports {apps[0].port} and {apps[1].port} "
                  f"({time.monotonic() - started:.1f} s)", flush=True)
            record, learners_s, total_s = asyncio.run(run_load(apps, tokens, editor_token, articles, args))
        finally:
            for app in apps:
                app.stop()
        counted, stored = count_in_database(db, record)
        status = report(record, counted, stored, args, learners_s, total_s)
        print(json.dumps({"p95_ms": {k: round(percentile(v, 0.95) * 1000) for k, v in record.latency.items()},
                          "errors": dict(record.errors), "integrity": counted}))
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Web latency: 10,000 synthetic articles, a real `gistbook serve`, 20 concurrent clients over loopback.

Measures the server-side time of each request (its Server-Timing header: from the moment the server parsed the
request's first bytes to its response head, so waiting inside the process behind other requests counts) and the
client-side time, for the article, dossier, search, review-next, Topics and default Quiz pages; a static file under
the same load is the baseline. Targets (server-side p95): article and review-next ≤ 50 ms, dossier and search
≤ 150 ms, Topics and the default Quiz (/quiz, no choices made) ≤ 300 ms; neither of the last two is in the page
cache, so every request renders (Topics from its kept index, see web/speed/snapshots.topic_index).
Dossier snapshots are brought up to date first, as every ingest leaves them; the row "dossier (snapshots
dropped)" views each topic once right after all snapshots were deleted, i.e. every view builds its dossier.
Usage: python bench/web.py [--articles 10000] [--requests 600] [--clients 20] [--workers 2] [--db PATH]
       [--pages topics,quiz]  (the static-file baseline is always measured in the same run)
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.browser_helpers import running_server  # noqa: E402

from gistbook.link import on_article_saved  # noqa: E402
from gistbook.records import (  # noqa: E402
    Article,
    Bullet,
    EntityMention,
    Event,
    Extraction,
    Figure,
    Section,
    TimeExpr,
    content_hash,  # noqa: E402
)
from gistbook.store import Store  # noqa: E402

COUNTRIES = ["Japan", "Australia", "France", "Germany", "Brazil", "Egypt", "Kenya", "Vietnam", "Indonesia", "Canada",
             "Italy", "Mexico", "Nigeria", "Oman", "Peru", "Qatar", "Russia", "Spain", "Sweden", "Thailand",
             "Ghana", "Chile", "Norway", "Poland", "Greece", "Israel", "Nepal", "Bhutan", "Maldives", "Mongolia"]
EXERCISES = ["Harbour Shield", "Desert Falcon", "Blue Wave", "Mountain Echo", "Sea Guardian", "Iron Ridge",
             "Coral Bridge", "Sky Anchor", "River Watch", "Northern Star"]
SCHEMES = ["Clean Rivers Mission", "Rural Broadband Drive", "Millet Value Chain Scheme", "Solar Rooftop Push",
           "Skilled Youth Programme", "Coastal Resilience Plan", "Green Hydrogen Mission", "Smart Ports Initiative"]
TOPICS = ["trade", "defence", "energy", "climate", "space", "health", "railways", "fisheries", "education", "tourism"]
CATEGORIES = ["International Relations", "Economy", "Environment", "Science", "Polity", "Security", "Society"]
TAGS = ["GS2: International Relations", "GS3: Economy", "GS3: Environment", "GS3: Science and Technology",
        "GS2: Polity", "GS3: Security", "GS1: Society"]


class Writer:
    """Builds bullets while recording where each entity, date and figure sits in them."""

    def __init__(self) -> None:
        self.bullets: list[str] = []
        self.ext = Extraction()

    def bullet(self, *parts: tuple[str, str | None, str | None]) -> None:
        """Parts are (text, kind, value): kind entity type, 'date' (value = ISO) or None for plain text."""
        text, no = "", len(self.bullets)
        for piece, kind, value in parts:
            start = len(text)
            text += piece
            if kind == "date":
                self.ext.time_expressions.append(TimeExpr(piece, no, start, len(text), "DATE", value or piece))
                self.ext.events.append(Event(value or piece, text.split(".")[0][:80], no))
            elif kind:
                self.ext.entities.append(EntityMention(value or piece, kind, no, start, len(text)))
        self.bullets.append(text)


def synthetic_article(n: int, rng: random.Random) -> tuple[Article, Extraction]:
    """One item about India and a partner: news, repeated background (facts shared across items), challenges."""
    partner, topic = rng.choice(COUNTRIES), rng.choice(TOPICS)
    exercise, scheme = rng.choice(EXERCISES), rng.choice(SCHEMES)
    year = 2015 + n % 10
    w = Writer()
    w.bullet(("India", "country", None), (" and ", None, None), (partner, "country", None),
             (f" agreed to widen {topic} cooperation at talks held in ", None, None),
             (f"{['March', 'June', 'October'][n % 3]} {year}", "date", f"{year}-{[3, 6, 10][n % 3]:02d}"),
             (f" (item {n}).", None, None))
    w.bullet((f"Officials reviewed the {scheme}", "scheme", scheme),
             (f" and set a target of {rng.randint(2, 90)} projects by {year + 3}.", None, None))
    w.bullet((f"The two sides also discussed {rng.choice(TOPICS)} and {rng.choice(TOPICS)} links.", None, None))
    news = len(w.bullets)
    w.bullet(("The ", None, None), (exercise, "military_exercise", None),
             (f" exercise between India and {partner} was first held in ", None, None),
             (str(2000 + COUNTRIES.index(partner) % 15), "date", str(2000 + COUNTRIES.index(partner) % 15)),
             (".", None, None))
    trade = round(5 + COUNTRIES.index(partner) + (n % 7) * 0.37, 2)
    w.bullet((f"Bilateral trade with {partner} stood at ${trade} billion in FY {year}-{(year + 1) % 100:02d}.",
              None, None))
    w.ext.figures.append(Figure(trade * 1e9, "USD", f"${trade} billion", len(w.bullets) - 1, 0, 0,
                                period=f"FY{year}-{(year + 1) % 100:02d}", subject=f"India-{partner} trade"))
    w.bullet((f"India and {partner} established diplomatic relations decades ago and meet at summit level.",
              None, None))
    background = len(w.bullets)
    w.bullet((f"Delays in approvals slow {topic} projects with {partner}.", None, None))
    w.bullet(("Shipping costs and tariff barriers limit the growth of trade.", None, None))
    sections = [Section(None, "news", [Bullet(t) for t in w.bullets[:news]]),
                Section(f"India-{partner} relations", "background", [Bullet(t) for t in w.bullets[news:background]]),
                Section("Challenges", "challenges", [Bullet(t) for t in w.bullets[background:]])]
    title = f"India and {partner} step up {topic} ties ({n})"
    w.ext.syllabus = [(TAGS[n % len(TAGS)], 0.8)]
    month, day = 1 + n % 12, 1 + n % 28
    art = Article(title=title, sections=sections, source=f"synthetic/{n}", uri=f"synthetic/{n}", kind="note",
                  content_hash=content_hash(title + "".join(w.bullets)), category=CATEGORIES[n % len(CATEGORIES)],
                  published=f"{year}-{month:02d}-{day:02d}", published_precision="day", published_reason="synthetic")
    return art, w.ext


def build(db_url: str, n_articles: int) -> float:
    """Fill the store as ingest does (linking hook included) and make one review card per fact."""
    from gistbook.review import cards_from_facts

    store = Store(db_url)
    rng = random.Random(7)
    started = time.perf_counter()
    for n in range(n_articles):
        store.save(*synthetic_article(n, rng), on_saved=on_article_saved)
        if n % 1000 == 999:
            print(f"  stored {n + 1:,} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    with store.sessions.begin() as session:
        cards = cards_from_facts(session)
    print(f"  {cards:,} review cards", file=sys.stderr)
    store.close()
    return time.perf_counter() - started


def hammer(base: str, paths: list[str], clients: int) -> tuple[list[float], list[float], int]:
    """Every path once, spread over `clients` keep-alive connections; (server ms, client ms, errors)."""
    host, port = base.removeprefix("http://").split(":")
    server: list[float] = []
    client: list[float] = []
    errors = 0
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            began = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except OSError:  # a request past the client's timeout is an error of the row, not the end of the run
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=60)
                with lock:
                    errors += 1
                continue
            took = (time.perf_counter() - began) * 1000
            timing = response.getheader("server-timing") or "app;dur=nan"
            with lock:
                client.append(took)
                server.append(float(timing.split("dur=")[1]))
                errors += response.status >= 400
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return server, client, errors


def drop_snapshots(db_url: str) -> None:
    from gistbook.store.snapshots import clear_snapshots

    def drop(store: Store) -> None:
        with store.sessions.begin() as session:
            clear_snapshots(session)

    with_store(db_url, drop)


def with_store(db_url: str, work: Any) -> None:
    store = Store(db_url)
    try:
        work(store)
    finally:
        store.close()


def cpu_check() -> float:
    """Seconds for a fixed pure-Python loop: shared machines change speed by up to 2x within minutes, and every
    millisecond below scales with it (about 1.0 s on a quiet 2-core sandbox)."""
    began, total = time.perf_counter(), 0
    for n in range(10_000_000):
        total += n
    return time.perf_counter() - began


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=600, help="requests per page kind")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="app processes (one per core is the advice)")
    parser.add_argument("--db", help="reuse (or create) this SQLite file instead of a temporary one")
    parser.add_argument("--build-only", action="store_true", help="create --db and stop")
    parser.add_argument("--no-page-cache", action="store_true",
                        help="serve every page fresh (GISTBOOK_PAGE_CACHE=0): first-visit cost, no cache hits")
    parser.add_argument("--pages", help="comma list of page names to measure (default: all), e.g. article,search")
    parser.add_argument("--slow-requests", type=int, help="requests for the default Quiz row (default: --requests); "
                        "a slow page under 20 clients can take minutes a row")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(args.db) if args.db else Path(tmp) / "web-bench.db"
        db_url = f"sqlite:///{db_path}"
        if not db_path.exists():
            print(f"building {args.articles:,} synthetic articles …", file=sys.stderr)
            print(f"  built in {build(db_url, args.articles):.0f} s", file=sys.stderr)
        store = Store(db_url)
        from gistbook.web.speed import refresh_dossiers

        began = time.perf_counter()
        rebuilt = refresh_dossiers(store, limit=10_000)  # as every ingest leaves them: dossier snapshots current
        print(f"  {rebuilt} dossier snapshots rebuilt in {time.perf_counter() - began:.1f} s", file=sys.stderr)
        if args.build_only:
            store.close()
            return 0
        from gistbook.link.topics import list_topics

        with store.session() as session:
            topics = list_topics(session)
            n_articles = len(store.articles())
        store.close()
        rng = random.Random(11)
        words = [w.lower() for w in COUNTRIES + TOPICS + ["exercise", "scheme", "tariff", "summit"]]
        kinds = {
            "baseline: static file": ["/static/favicon.svg"] * args.requests,
            "article": [f"/articles/{rng.randint(1, n_articles)}" for _ in range(args.requests)],
            "dossier (any topic)": ["/topics/" + quote(rng.choice(topics)["name"], safe="")
                                    for _ in range(args.requests)],
            "dossier (20 largest)": ["/topics/" + quote(rng.choice(topics[:20])["name"], safe="")
                                     for _ in range(args.requests)],
            "dossier (snapshots dropped)": ["/topics/" + quote(t["name"], safe="") for t in topics],
            "search": ["/search?q=" + quote(" ".join(rng.sample(words, rng.choice((1, 2)))))
                       for _ in range(args.requests)],
            "review-next": ["/review"] * args.requests,
            "topics": ["/topics"] * args.requests,
            "quiz (default)": ["/quiz"] * (args.slow_requests or args.requests),
            "related items (deferred)": [f"/articles/{rng.randint(1, n_articles)}/related"
                                         for _ in range(max(40, args.requests // 10))],
            "background (deferred)": [f"/articles/{rng.randint(1, n_articles)}/background"
                                      for _ in range(max(40, args.requests // 10))],
        }
        if args.pages:
            wanted = {p.strip() for p in args.pages.split(",")}
            kinds = {k: v for k, v in kinds.items() if k.split(" ")[0] in wanted or k.startswith("baseline")}
        env = {"GISTBOOK_DB": db_url, "GISTBOOK_PAGE_CACHE": "0" if args.no_page_cache else "1"}
        speed_before = cpu_check()
        with running_server(db_url, env=env, workers=args.workers) as base:
            hammer(base, [p for paths in kinds.values() for p in paths[:30]], args.clients)  # warm-up
            rows = []
            for name, paths in kinds.items():
                cold = name.startswith("dossier (snapshots dropped)")
                if cold:
                    drop_snapshots(db_url)
                server, client, errors = hammer(base, paths, args.clients)
                if cold:
                    drop_snapshots(db_url)
                alone, _, _ = hammer(base, paths[: max(20, len(paths) // 5)], 1)  # service time, no queueing
                if cold:  # leave every snapshot current again, as ingest does, for the rows and runs after this
                    with_store(db_url, lambda st: refresh_dossiers(st, limit=10_000))
                p50 = statistics.median(server) if server else float("nan")
                rows.append((name, p50, p95(server), p95(client), p95(alone), errors))
    speed_after = cpu_check()
    targets = {"article": 50, "review-next": 50, "search": 150, "topics": 300, "quiz (default)": 300}
    print(f"\nmachine: {platform.machine()} {platform.processor() or ''} · {os.cpu_count()} CPUs · "
          f"load average {os.getloadavg()[0]:.1f} · CPU check {speed_before:.2f} s before, "
          f"{speed_after:.2f} s after · Python {platform.python_version()} · "
          f"{platform.system()} {platform.release()}")
    print(f"{n_articles:,} articles · {len(topics):,} topics · {args.requests} requests per page · "
          f"{args.clients} concurrent clients · {args.workers} uvicorn worker(s) · SQLite · page cache "
          f"{'off' if args.no_page_cache else 'on (repeat visits of a path are served from memory)'}\n")
    print(f"{'page':<26}{'server p50':>12}{'server p95':>12}{'client p95':>12}{'1-client p95':>14}{'target':>9}"
          f"{'errors':>8}")
    for name, p50, s95, c95, a95, errors in rows:
        target = targets.get(name, 150 if name.startswith("dossier") and "dropped" not in name else None)
        verdict = "" if target is None else ("  ok" if s95 <= target else "  MISSED")
        print(f"{name:<26}{p50:>10.1f}ms{s95:>10.1f}ms{c95:>10.1f}ms{a95:>12.1f}ms"
              f"{(str(target) + 'ms') if target else '–':>9}{errors:>8}{verdict}")
    print("\nserver = Server-Timing (request parsed by the server → response head: waiting inside the process counts); "
          "1-client p95 = the same pages one at a time (service time alone).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

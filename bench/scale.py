"""Scale benchmark for the link area: search, related, dossier and memory on a synthetic 100,000-note store.

Notes are generated from templates, not run through the NLP pipeline (which would take hours): each note is an
Article (news, background, challenges and way-forward sections, 12–20 bullets of 15–35 words) with a hand-built
Extraction (entity mentions at their real spans, dated events, figures by fiscal year, syllabus tags), saved
and linked 500 per transaction by gistbook.link.bulk.save_and_link, the batch form of Store.save(...,
on_saved=on_article_saved) that stores the same rows, facts, topics and search entries (tests/link/test_bulk.py).
Threads (country pairs, exercises, schemes) recur with a Zipf-like popularity, background bullets repeat with
paraphrased variants (so facts are shared), and dates spread over ten years. Vocabulary for filler words is taken
from the PIB corpus word list.

Each measurement is printed beside a plain baseline run in the same process on the same store:
search vs a raw FTS5 MATCH query, related vs a plain shared-entity SQL count, dossier vs a raw SQL fetch of the
topic's events. Latencies are p50/p95 over repeated calls (after one untimed warm-up call of each kind), as wall
clock and as CPU time of the process (on a shared machine the two differ); the slow baselines run on a subset of
the same arguments. Memory is the peak RSS of a fresh process that opens the loaded store and runs every query.

Usage: python bench/scale.py [--notes 100000] [--db PATH] [--reuse] [--calls 200]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gistbook.records import Article, Bullet, EntityMention, Event, Extraction, Figure, Section, content_hash

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
PARTNERS = ["Japan", "Australia", "France", "Germany", "Israel", "Canada", "Brazil", "Egypt", "Kenya", "Vietnam",
            "Indonesia", "Singapore", "Oman", "Greece", "Italy", "Mexico", "Chile", "Ghana", "Nepal", "Bhutan",
            "Mongolia", "Norway", "Sweden", "Poland", "Spain", "Peru", "Fiji", "Cyprus", "Armenia", "Guyana"]
EXERCISES = ["Malabar", "Dharma Guardian", "JIMEX", "AUSINDEX", "Shakti", "Garuda", "Varuna", "Yudh Abhyas",
             "Mitra Shakti", "Nomadic Elephant", "Ekuverin", "Sampriti", "Harimau Shakti", "Vinbax", "Desert Knight"]
SCHEMES = ["PM-KISAN", "Jal Jeevan Mission", "Ayushman Bharat", "PM Awas Yojana", "Skill India Mission",
           "Swachh Bharat Mission", "PM Surya Ghar", "Stand-Up India", "PM Vishwakarma", "Digital India"]
GROUPS = ["Quad", "BRICS", "G20", "SCO", "ASEAN", "BIMSTEC", "IORA", "International Solar Alliance"]
PEOPLE = [("Asha Verma", "External Affairs Minister"), ("Ravi Menon", "Commerce Secretary"),
          ("Kiran Rao", "Defence Minister"), ("Sunil Dutta", "Agriculture Minister"),
          ("Meena Iyer", "Finance Minister")]


def vocabulary(limit: int = 4000) -> list[str]:
    """Frequent plain words of the PIB corpus, for realistic filler (no sentence is copied)."""
    counts: Counter[str] = Counter()
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            text = re.sub(r"<[^>]+>", " ", json.loads(line)["html"])
            counts.update(w.lower() for w in re.findall(r"[A-Za-z]{4,12}", text))
    return [w for w, _ in counts.most_common(limit)]


class NoteMaker:
    """Builds one synthetic note and its extraction; every entity mention is placed at its real span."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary()
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(PARTNERS) + len(EXERCISES) + len(SCHEMES))]
        self.threads = ([("pair", p) for p in PARTNERS] + [("exercise", e) for e in EXERCISES]
                        + [("scheme", s) for s in SCHEMES])
        self.weights = weights
        self.background = {t: [self._background_fact(t, i) for i in range(30)] for t in self.threads}

    def filler(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n))

    def _background_fact(self, thread: tuple[str, str], i: int) -> list[str]:
        """One background fact in three wordings (repeated background with slightly different wording)."""
        kind, name = thread
        year = 1990 + (i * 7 + len(name)) % 34
        core = " ".join(random.Random(f"{name}{i}").choice(self.words) for _ in range(12))
        subject = f"India and {name}" if kind == "pair" else name
        return [f"{subject} marked {core} in {year}.",
                f"In {year}, {subject} marked {core}.",
                f"{subject} marked {core} in {year}, a milestone."]

    def note(self, n: int) -> tuple[Article, Extraction]:
        rng = self.rng
        kind, name = rng.choices(self.threads, weights=self.weights)[0]
        day = rng.randrange(3650)
        published = time.strftime("%Y-%m-%d", time.gmtime(1451606400 + day * 86400))
        year = int(published[:4])
        partner = name if kind == "pair" else rng.choice(PARTNERS)
        group = rng.choice(GROUPS)
        person, office = rng.choice(PEOPLE)
        subject = f"India and {name}" if kind == "pair" else name
        title = f"{subject}: {self.filler(rng.randint(4, 8))} ({published})"
        news = [f"{person} led talks on {name} with {partner} on {published}, {self.filler(rng.randint(10, 20))}.",
                f"The {group} meeting discussed {self.filler(rng.randint(12, 25))}.",
                f"{subject} agreed to {self.filler(rng.randint(12, 25))}."]
        for _ in range(rng.randint(0, 2)):
            news.append(f"Officials said {self.filler(rng.randint(15, 30))}.")
        fy = f"FY{year - 1}-{str(year)[2:]}"
        value = round(rng.uniform(5, 60), 2)
        background = [f"Bilateral trade between India and {partner} reached ${value} billion in {fy}."]
        for fact in rng.sample(self.background[(kind, name)], rng.randint(4, 9)):
            background.append(rng.choice(fact))
        exercise = rng.choice(EXERCISES)
        background.append(f"The {exercise} exercise with {partner} trains forces in {self.filler(8)}.")
        challenges = [f"Concerns remain over {self.filler(rng.randint(10, 20))}." for _ in range(rng.randint(2, 3))]
        way = [f"Both sides should {self.filler(rng.randint(10, 18))}." for _ in range(rng.randint(1, 2))]
        sections = [Section(None, "news", [Bullet(t) for t in news]),
                    Section(f"{subject}: background", "background", [Bullet(t) for t in background]),
                    Section("Challenges", "challenges", [Bullet(t) for t in challenges]),
                    Section("Way forward", "way_forward", [Bullet(t) for t in way])]
        uri = f"synthetic/{n}"
        body = "\n".join(b.text for s in sections for b in s.bullets)
        article = Article(title=title, sections=sections, source=uri, uri=uri, kind="note",
                          content_hash=content_hash(title + body), category="International", published=published,
                          published_precision="day", published_reason="synthetic")
        return article, self.extraction(article, kind, name, partner, group, exercise, (person, office), fy, value)

    def extraction(self, article: Article, kind: str, name: str, partner: str, group: str, exercise: str,
                   person: tuple[str, str], fy: str, value: float) -> Extraction:
        texts = [b.text for b in article.bullets()]
        types = {"India": "country", partner: "country", group: "organisation", exercise: "military_exercise",
                 person[0]: "person"}
        types[name] = {"pair": "country", "exercise": "military_exercise", "scheme": "scheme"}[kind]
        mentions = []
        for no, text in enumerate(texts):
            for entity, etype in types.items():
                for match in re.finditer(re.escape(entity), text):
                    mentions.append(EntityMention(entity, etype, no, match.start(), match.end(),
                                                  role=person[1] if entity == person[0] else None,
                                                  country="India" if entity == person[0] else None))
        events = [Event(article.published or "", texts[0].rstrip("."), 0)]
        for no, text in enumerate(texts):
            found = re.search(r"\b(19|20)\d\d\b", text)
            if no > 0 and found and "FY" not in text:
                events.append(Event(found.group(), text.rstrip("."), no))
        trade = next(i for i, t in enumerate(texts) if t.startswith("Bilateral trade"))
        start = texts[trade].index("$")
        figures = [Figure(value * 1e9, "USD", f"${value} billion", trade, start, start + len(f"${value}") + 8,
                          period=fy, subject=f"India–{partner} bilateral trade")]
        tag = {"pair": "GS2: International Relations", "exercise": "GS3: Security", "scheme": "GS3: Economy"}[kind]
        return Extraction(entities=mentions, events=events, figures=figures, syllabus=[(tag, 0.8)])


def load(db: Path, notes: int) -> float:
    """Save and link every note with the library's batch path (what ingest does per item, 500 per transaction)."""
    from gistbook.link.bulk import save_and_link
    from gistbook.store import Store

    store = Store(f"sqlite:///{db}")
    maker = NoteMaker(seed=7)
    start = time.perf_counter()
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        before, done = done, done + n
        if done // 10_000 != before // 10_000:
            rate = done / (time.perf_counter() - start)
            print(f"  loaded {done:,} notes ({rate:.0f}/s)", file=sys.stderr, flush=True)

    save_and_link(store, (maker.note(n) for n in range(notes)), batch=500, progress=progress)
    store.close()
    return time.perf_counter() - start


def timed(fn: object, args: Sequence[tuple[object, ...]]) -> tuple[tuple[float, float], tuple[float, float]]:
    """p50 and p95 in milliseconds of fn(*a) over the argument list: wall clock, and this process's CPU time
    (on a shared machine the wall clock also counts time spent waiting for a core)."""
    wall, cpu = [], []
    for a in args:
        t, c = time.perf_counter(), time.process_time()
        fn(*a)  # type: ignore[operator]
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return _p50_p95(wall), _p50_p95(cpu)


def _p50_p95(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def measure(db: Path, calls: int) -> dict[str, object]:
    """Run in a fresh process: every query kind against its baseline, then the peak RSS."""
    from gistbook.link.dossier import build_dossier
    from gistbook.link.keydates import articles_for, key_dates
    from gistbook.link.related import related_articles
    from gistbook.store import Store
    from gistbook.store.search import SearchFilters, query_terms, search

    store = Store(f"sqlite:///{db}")
    raw = sqlite3.connect(db)
    rng = random.Random(11)
    session = store.session()
    max_id = raw.execute("SELECT max(id) FROM articles").fetchone()[0]
    words = vocabulary(400)
    queries = ([p for p in PARTNERS] + EXERCISES + SCHEMES + [f"India {p} trade" for p in PARTNERS[:10]]
               + [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(40)]
               + ['"Malabar" AND (Japan', "'; DROP TABLE articles; --", "*", "😀 quad", "Jal Jeevan Mission 2019"])
    filters = [None, SearchFilters(paper="GS2"), SearchFilters(date_from="2020-01-01", date_to="2021-12-31"),
               SearchFilters(entity="Quad")]
    search_args = [(session, rng.choice(queries), rng.choice(filters)) for _ in range(calls)]

    def raw_search(_s: object, q: str, _f: object) -> None:
        terms = query_terms(q)
        if terms:
            expr = " ".join(f'"{t}"' for t in terms)
            raw.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20",
                        (expr,)).fetchall()

    ids = [rng.randint(1, max_id) for _ in range(calls)]

    def raw_related(aid: int) -> None:
        raw.execute("SELECT m2.article_id, count(*) FROM mentions m1 JOIN mentions m2 ON m2.entity_id = m1.entity_id "
                    "WHERE m1.article_id = ? AND m2.article_id != ? GROUP BY m2.article_id ORDER BY 2 DESC LIMIT 10",
                    (aid, aid)).fetchall()

    topics = raw.execute("SELECT t.name, t.id, count(*) n FROM topics t JOIN topic_articles ta ON ta.topic_id = t.id "
                         "WHERE t.kind != 'syllabus' GROUP BY t.id ORDER BY n DESC LIMIT 5").fetchall()
    # a quarter as many dossiers as searches: enough samples that p95 is not simply the slowest call
    dossier_args = [(session, topics[i % len(topics)][0]) for i in range(max(20, calls // 4))]

    def raw_dossier(_s: object, name: str) -> None:
        raw.execute("SELECT e.date, e.text, a.title, a.published FROM events e JOIN topic_articles ta "
                    "ON ta.article_id = e.article_id JOIN topics t ON t.id = ta.topic_id JOIN articles a "
                    "ON a.id = e.article_id WHERE t.name = ? ORDER BY e.sort_key", (name,)).fetchall()

    # key dates for the queries that match the most articles (up to the 1,000 a query selects)
    key_queries = [p for p in PARTNERS[:8]] + [f"India {p}" for p in PARTNERS[:4]] + EXERCISES[:4] + SCHEMES[:4]
    key_args = [(q,) for q in key_queries]
    matched = {q: len(articles_for(session, None, q)) for q in key_queries}

    def keydates(q: str) -> None:
        key_dates(session, articles_for(session, None, q), 15, about=q)

    def raw_keydates(q: str) -> None:
        ids = [r[0] for r in raw.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 1000",
                                         (" ".join(f'"{t}"' for t in query_terms(q)),))]
        marks = ",".join("?" * len(ids)) or "NULL"
        raw.execute(f"SELECT date, text FROM events WHERE article_id IN ({marks}) ORDER BY sort_key", ids).fetchall()

    # one untimed call of each kind first: SQL compilation and caches are a first-call cost, not a latency
    search(*search_args[0])
    related_articles(session, ids[0])
    build_dossier(*dossier_args[0])
    measured = {
        "search": (timed(search, search_args), timed(raw_search, search_args), "raw FTS5 MATCH, same terms"),
        "related": (timed(lambda aid: related_articles(session, aid), [(a,) for a in ids]),
                    timed(raw_related, [(a,) for a in ids[: max(5, calls // 10)]]),
                    "plain shared-entity count"),
        "dossier": (timed(build_dossier, dossier_args), timed(raw_dossier, dossier_args[: max(5, calls // 20)]),
                    "raw SQL of the topic's events"),
        "keydates": (timed(keydates, key_args), timed(raw_keydates, key_args),
                     "raw FTS5 match and the events of its articles"),
    }
    rows = {name: (ours[0], base[0], what) for name, (ours, base, what) in measured.items()}
    cpu = {name: (ours[1], base[1]) for name, (ours, base, _) in measured.items()}
    sizes = {name: n for name, _, n in topics}
    peak_mb = peak_rss_mb()
    session.close()
    return {"rows": rows, "cpu": cpu, "largest_topics": sizes, "peak_rss_mb": peak_mb, "keydate_matches": matched,
            "load_average": list(os.getloadavg())}


def peak_rss_mb() -> float:
    """This process's own peak resident memory. Linux's VmHWM belongs to the current address space; ru_maxrss
    would also count the loading parent's memory, which a child started with fork and exec inherits."""
    status = Path("/proc/self/status")
    if status.exists():
        found = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
        if found:
            return int(found.group(1)) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/gistbook-scale.db"))
    parser.add_argument("--reuse", action="store_true", help="measure an existing store instead of loading one")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--print-saved", action="store_true",
                        help="print the table of the last measurement of --db again, without measuring")
    args = parser.parse_args()
    saved = Path(f"{args.db}.measure.json")  # the last measurement, kept beside the store
    if args.measure_only:
        saved.write_text(json.dumps(measure(args.db, args.calls)), encoding="utf-8")
        print(saved.read_text(encoding="utf-8"))
        return 0
    if args.print_saved:
        if not saved.exists():
            print(f"{saved}: no saved measurement (run without --print-saved first)", file=sys.stderr)
            return 2
        report(args.db, json.loads(saved.read_text(encoding="utf-8")))
        return 0
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        seconds = load(args.db, args.notes)
        print(f"loaded {args.notes:,} notes in {seconds:,.0f} s ({args.notes / seconds:,.0f} notes/s); "
              f"load process peak RSS {peak_rss_mb():,.0f} MB")
    run = subprocess.run([sys.executable, __file__, "--measure-only", "--db", str(args.db), "--calls",
                          str(args.calls)], capture_output=True, text=True, check=True)
    report(args.db, json.loads(run.stdout))
    return 0


def report(db: Path, result: dict[str, Any]) -> None:
    """The table: each query beside its baseline, wall clock and CPU time, and the query process's peak RSS."""
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "bullets", "facts", "fact_mentions", "topics", "mentions")}
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print(f"store: {db} ({db.stat().st_size / 2**20:,.0f} MB) " +
          ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"largest topics: {result['largest_topics']}")
    targets = {"search": 50, "related": 100, "dossier": 300, "keydates": 1000}
    if "keydate_matches" in result:
        print(f"articles each key-date query selects: {result['keydate_matches']}")
    print(f"load average during the queries (1, 5, 15 min): {result['load_average']} on {os.cpu_count()} cores")
    print(f"{'query':<9} {'p50 ms':>8} {'p95 ms':>8} {'target':>7}   {'baseline p50':>12} {'p95':>8}  "
          f"ratio p95  {'CPU p50':>8} {'CPU p95':>8} {'base CPU p95':>12}  baseline")
    for name, ((p50, p95), (b50, b95), what) in result["rows"].items():
        ratio = p95 / b95 if b95 else float("inf")
        ok = "ok" if p95 <= targets[name] else "OVER"
        (c50, c95), (_, bc95) = result["cpu"][name]
        print(f"{name:<9} {p50:>8.1f} {p95:>8.1f} {targets[name]:>5} {ok:<4} {b50:>9.1f} {b95:>8.1f}  {ratio:>8.2f}x  "
              f"{c50:>8.1f} {c95:>8.1f} {bc95:>12.1f}  {what}")
    peak = result["peak_rss_mb"]
    print(f"peak RSS of the query process: {peak:,.0f} MB (target 1024 MB: {'ok' if peak <= 1024 else 'OVER'})")


if __name__ == "__main__":
    sys.exit(main())

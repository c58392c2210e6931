"""Benchmark: verified questions per second on a 10,000-article store, and picking the next review card in a
50,000-card collection (p95), each against a plain baseline measured in the same run.

    .venv/bin/python bench/quiz.py [--articles 10000] [--cards 50000] [--questions 2000] [--db PATH] [--rebuild]

The store is synthetic: articles and their extraction are built by hand (records.Article / Extraction) and
saved with Store.save, so the benchmark needs no NLP and measures only the quiz and review code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, insert, select, text

from gistbook import quiz, review
from gistbook.quiz import kb as knowledge
from gistbook.quiz.verify import verify
from gistbook.records import Article, Bullet, EntityMention, Event, Extraction, Figure, Section, TimeExpr, content_hash
from gistbook.store import Store, models

COUNTRIES = ["Japan", "France", "Australia", "Germany", "Brazil", "Kenya", "Egypt", "Vietnam", "Indonesia", "Canada",
             "Italy", "Spain", "Mexico", "Chile", "Nigeria", "Ghana", "Oman", "Qatar", "Singapore", "Malaysia",
             "Thailand", "Norway", "Sweden", "Finland", "Poland", "Greece", "Argentina", "Peru", "Mongolia", "Nepal"]
FIRST = ["Arun", "Meera", "Kenji", "Claire", "Liam", "Amara", "Tariq", "Linh", "Sofia", "Jonas", "Priya", "Mateo"]
LAST = ["Rao", "Sato", "Dubois", "Okafor", "Nguyen", "Larsen", "Haddad", "Kumar", "Silva", "Weber", "Iyer", "Mendes"]
OFFICES = ["Foreign Secretary", "Defence Secretary", "Trade Minister", "Finance Secretary", "Ambassador",
           "Energy Minister", "Commerce Secretary", "Deputy Foreign Minister"]
THEMES = [("Green Hydrogen", "Partnership"), ("Critical Minerals", "Initiative"), ("Digital Trade", "Agreement"),
          ("Maritime Security", "Dialogue"), ("Space Cooperation", "Framework"), ("Skill Mobility", "Agreement"),
          ("Clean Energy", "Partnership"), ("Health Research", "Programme"), ("Startup Bridge", "Initiative"),
          ("Water Management", "Forum")]
EXERCISES = ["Sea Falcon", "Desert Shield", "Mountain Eagle", "Blue Wave", "River Guard", "Sky Lance", "Iron Ridge"]


def synthetic_article(i: int, rng: random.Random) -> tuple[Article, Extraction]:
    """One made-up bilateral note in the seed's shape, with its extraction spans computed, not typed."""
    partner = COUNTRIES[i % len(COUNTRIES)]
    theme, kind = THEMES[(i // len(COUNTRIES)) % len(THEMES)]
    body_name = f"India-{partner} {theme} {kind}"
    short = "".join(w[0] for w in f"{theme} {kind}".split()).upper() + f"{i % 97}"
    exercise = f"{EXERCISES[i % len(EXERCISES)]} {i}"
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
    office = rng.choice(OFFICES)
    y1, y2, y3 = sorted(rng.sample(range(1990, 2023), 3))
    trade = round(rng.uniform(1.5, 90.0), 2)
    news = [f"India and {partner} held talks in New Delhi on {theme.lower()}.",
            f"{office} {person} led the delegation of {partner}.",
            f"The two sides reviewed the {body_name} ({short})."]
    background = [f"The {body_name} was signed in {y1}.",
                  f"{exercise} is a bilateral army exercise between India and {partner}.",
                  f"India and {partner} set up a joint working group in {y2}.",
                  f"Bilateral trade between India and {partner} reached ${trade} billion in {y3}.",
                  f"A cultural exchange programme with {partner} began in {y1 - 3}.",
                  f"Both countries agreed to expand {theme.lower()} projects."]
    challenges = [f"Trade with {partner} remains below its potential.",
                  f"Approvals for joint projects with {partner} are slow.",
                  f"Shipping links between India and {partner} are limited."]
    sections = [Section(None, "news", [Bullet(t) for t in news]),
                Section(f"India-{partner} Relations: Background", "background", [Bullet(t) for t in background]),
                Section("Challenges", "challenges", [Bullet(t) for t in challenges])]
    title = f"India and {partner} talk {theme.lower()} ({i})"
    uri = f"bench://article/{i}"
    article = Article(title=title, sections=sections, source=uri, uri=uri, kind="note",
                      content_hash=content_hash(uri + title), category="International",
                      published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", published_precision="day")
    ext = Extraction(acronyms={short: f"{theme} {kind}"}, syllabus=[("GS2: International Relations", 0.9)])
    names = [(body_name, "agreement", None, None), (exercise, "military_exercise", None, None),
             (person, "person", office, partner), (partner, "country", None, None), ("India", "country", None, None)]
    for no, bullet in enumerate(b for s in sections for b in s.bullets):
        taken: list[tuple[int, int]] = []
        for name, type_, role, country in names:
            at = bullet.text.find(name)
            while at >= 0:
                end = at + len(name)
                if not any(at < e and s < end for s, e in taken):
                    ext.entities.append(EntityMention(name, type_, no, at, end, role=role, country=country))
                    taken.append((at, end))
                at = bullet.text.find(name, end)
        for year in (y1, y2, y3, y1 - 3):
            at = bullet.text.find(str(year))
            if at >= 0:
                ext.time_expressions.append(TimeExpr(str(year), no, at, at + 4, "DATE", str(year)))
                ext.events.append(Event(str(year), bullet.text, no))
        money = f"${trade} billion"
        at = bullet.text.find(money)
        if at >= 0:
            ext.figures.append(Figure(trade * 1e9, "USD", money, no, at, at + len(money), period=str(y3)))
    return article, ext


def build_store(path: Path, articles: int) -> Store:
    store = Store(f"sqlite:///{path}")
    with store.session() as session:
        have = session.scalar(select(func.count(models.Article.id))) or 0
    if have >= articles:
        return store
    rng = random.Random(0)
    started = time.perf_counter()
    for i in range(have, articles):
        store.save(*synthetic_article(i, rng))
    print(f"built {articles} articles in {time.perf_counter() - started:.1f} s")
    return store


def bench_questions(store: Store, count: int) -> None:
    with store.session() as session:
        started = time.perf_counter()
        kb = knowledge.load(session, None, rng=random.Random(1))
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        made: list[dict] = []
        rates: list[float] = []
        seed = 0
        while len(made) < count:
            batch_started = time.perf_counter()
            batch = quiz.generate(session, count=min(200, count - len(made)), seed=seed, persist=False, kb=kb)
            rates.append(len(batch) / (time.perf_counter() - batch_started))
            made += batch
            seed += 1
        gen_s = time.perf_counter() - started
        started = time.perf_counter()
        failures = sum(1 for q in made if verify(kb, q))
        verify_s = time.perf_counter() - started
        # baseline: the same number of "questions" as bare template fills of stored sentences, no checks at all
        started = time.perf_counter()
        rng = random.Random(2)
        bullets = list(kb.texts.values())
        bare = [f"Consider the following statements:\n1. {rng.choice(bullets)}\n2. {rng.choice(bullets)}"
                for _ in range(count)]
        bare_s = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for q in made:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    print(f"knowledge base: {len(kb.texts)} bullets indexed, {len(kb.material)} material bullets, {load_s:.2f} s")
    print(f"generated and verified {len(made)} questions in {gen_s:.2f} s = {len(made) / gen_s:.0f} questions/s "
          f"({len(made) / (gen_s + load_s):.0f}/s counting the index load); median batch of 200: "
          f"{statistics.median(rates):.0f}/s; kinds {kinds}")
    print(f"re-verification alone: {len(made) / verify_s:.0f} questions/s, {failures} failures")
    print(f"baseline (unchecked template fill): {len(bare) / bare_s:.0f}/s; generation costs "
          f"{(gen_s / len(made)) / (bare_s / len(bare)):.0f}x a bare fill")


def build_cards(store: Store, cards: int) -> None:
    with store.session() as session:
        have = session.scalar(select(func.count(models.Card.id)).where(models.Card.user_id.is_(None))) or 0
    if have >= cards:
        return
    rng = random.Random(3)
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with store.sessions.begin() as session:
        rows: list[dict[str, object]] = []
        for i in range(have, cards):
            state = 0 if i % 5 == 0 else rng.choice((1, 2, 2, 2, 3))
            offset = rng.uniform(-30, 60) if state else -rng.uniform(0, 90)
            rows.append({"user_id": None, "origin": "bench", "origin_id": i, "front": f"front {i}", "back": "back",
                         "state": state, "fsrs": {}, "due": now + dt.timedelta(days=offset), "created": now,
                         "syllabus": "GS2: International Relations"})
        session.execute(insert(models.Card), rows)
    print(f"built {cards} cards")


def bench_next_card(store: Store, runs: int = 500) -> None:
    rng = random.Random(4)
    base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    moments = [base + dt.timedelta(days=rng.uniform(-10, 40)) for _ in range(runs)]
    ours, plain = [], []
    with store.session() as session:
        review.next_card(session, now=base)  # warm the statement cache
        for moment in moments:
            started = time.perf_counter()
            review.next_card(session, now=moment)
            ours.append(time.perf_counter() - started)
        conn = session.connection()
        sql = text("SELECT * FROM cards WHERE user_id IS NULL AND due <= :now ORDER BY due LIMIT 1")
        for moment in moments:
            started = time.perf_counter()
            conn.execute(sql, {"now": moment.replace(tzinfo=None).isoformat(" ")}).first()
            plain.append(time.perf_counter() - started)
    for name, series in (("next_card", ours), ("baseline query", plain)):
        cut = statistics.quantiles(series, n=20)
        print(f"{name}: p50 {statistics.median(series) * 1000:.2f} ms, p95 {cut[18] * 1000:.2f} ms "
              f"over {runs} picks")
    ratio = statistics.quantiles(ours, n=20)[18] / statistics.quantiles(plain, n=20)[18]
    print(f"ratio p95 next_card / baseline: {ratio:.1f}")


def report_yield(url: str, per_kind: int, examples: int) -> None:
    """Per kind: how many distinct verified questions a store yields, and a few of them verbatim."""
    store = Store(url)
    with store.session() as session:
        kb = knowledge.load(session, None, sample=10**9)
        articles = len(kb.material_articles)
        print(f"store {url}: {articles} articles, {len(kb.material)} bullets")
        for kind in quiz.KINDS:
            started = time.perf_counter()
            made = quiz.generate(session, kinds=[kind], count=per_kind, seed=7, persist=False, kb=kb)
            print(f"{kind}: {len(made)} distinct verified questions (asked for {per_kind}) "
                  f"in {time.perf_counter() - started:.1f} s")
            for q in random.Random(kind).sample(made, min(examples, len(made))):
                print("-" * 78)
                print(q["stem"])
                for letter, option in zip("abcd", q["options"]):
                    print(f"({letter}) {option}")
                print(f"Answer: {q['answer']}" if q["options"] else q["answer"])
                print(q["explanation"])
            print("=" * 78)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--questions", type=int, default=2_000)
    parser.add_argument("--db", default="/tmp/gistbook-bench-quiz.db")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--yield-db", help="instead: report per-kind yield and examples of this database URL")
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    if args.yield_db:
        report_yield(args.yield_db, 500, args.examples)
        return
    path = Path(args.db)
    if args.rebuild and path.exists():
        path.unlink()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.1f}")
    store = build_store(path, args.articles)
    bench_questions(store, args.questions)
    build_cards(store, args.cards)
    knowledge._CACHE.clear()  # the review benchmark runs without the question index in memory
    gc.collect()
    bench_next_card(store)
    store.close()


if __name__ == "__main__":
    main()

"""Draw a random sample of what a learner is shown, for a blind judge (`../shared/quality/judge-facts.md`).

    .venv/bin/python bench/precision.py --seed 7 [--db /tmp/dev.db] [--out /tmp/precision-7]

From a store built from the dev corpus and the demo notes (built into --db when the file does not exist yet),
it draws with the seed: 100 timeline rows, 60 dossier figures, 60 people with their attributes and 60 quiz
statements. Each item comes with the bullet(s) it was drawn from and nothing of how it was made. It writes
`sample.md` (for the judge) and `sample.json` (the same items, for scoring) into --out.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from gistbook.link.dossier import build_dossier
from gistbook.quiz.kb import load
from gistbook.quiz.pool import Pool
from gistbook.store import Store
from gistbook.store import models as m

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
SEED_ARTICLE = ROOT.parent / "shared" / "acceptance" / "seed-article.txt"


def build_store(db: Path) -> None:
    """The dev store: demo notes, the seed and the PIB corpus, through the CLI a user runs."""
    gistbook = [str(ROOT / ".venv" / "bin" / "gistbook"), "--db", f"sqlite:///{db}"]
    subprocess.run([*gistbook, "demo"], check=True)
    subprocess.run([*gistbook, "ingest", str(SEED_ARTICLE), "--published", "2024-09-10"], check=True)
    subprocess.run([*gistbook, "ingest", str(CORPUS), "--processes", "2"], check=False)


def _bullets(session: Any, ids: list[int]) -> dict[int, tuple[str, int]]:
    rows = session.execute(select(m.Bullet.id, m.Bullet.text, m.Bullet.article_id).where(m.Bullet.id.in_(ids)))
    return {bid: (text, aid) for bid, text, aid in rows}


def _articles(session: Any) -> dict[int, tuple[str, str | None]]:
    return {aid: (title, published) for aid, title, published in
            session.execute(select(m.Article.id, m.Article.title, m.Article.published))}


def _cite(articles: dict[int, tuple[str, str | None]], bullets: dict[int, tuple[str, int]], bid: int
          ) -> dict[str, Any]:
    text, aid = bullets.get(bid, ("", 0))
    title, published = articles.get(aid, ("", None))
    return {"article": title, "published": (published or "")[:10], "bullet": text}


def timeline_rows(session: Any, rng: random.Random, n: int) -> list[dict[str, Any]]:
    ids = list(session.scalars(select(m.Event.id)))
    picked = rng.sample(ids, min(n, len(ids)))
    rows = session.execute(select(m.Event.id, m.Event.date, m.Event.text, m.Event.bullet_id)
                           .where(m.Event.id.in_(picked))).all()
    order = {eid: i for i, eid in enumerate(picked)}
    rows.sort(key=lambda r: order[r[0]])
    bullets, articles = _bullets(session, [r[3] for r in rows]), _articles(session)
    return [{"date": date, "text": text, "source": _cite(articles, bullets, bid)} for _, date, text, bid in rows]


def dossier_figures(session: Any, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """One figure at a time: a random topic, then a random value of its dossier's figure series."""
    topics = list(session.scalars(select(m.Topic.name).join(m.TopicArticle).group_by(m.Topic.id)))
    rng.shuffle(topics)
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for name in topics:
        if len(out) >= n:
            break
        series = build_dossier(session, name)["figures"]
        if not series:
            continue
        s = rng.choice(series)
        point = rng.choice(s["series"])
        key = (str(point["value"]), point["text"])
        if key in seen:
            continue
        seen.add(key)
        src = point["sources"][0]
        bullet = session.get(m.Bullet, src["bullet_id"])
        out.append({"dossier": name, "series": s["subject"], "value": point["value"], "unit": point["unit"],
                    "period": point["period"], "superseded": point["superseded"],
                    "other_values_in_series": [(p["period"], p["value"]) for p in s["series"] if p is not point][:6],
                    "source": {"article": src["title"], "published": (src["published"] or "")[:10],
                               "bullet": bullet.text if bullet else ""}})
    return out


def people(session: Any, rng: random.Random, n: int) -> list[dict[str, Any]]:
    ids = list(session.scalars(select(m.Entity.id).where(m.Entity.type == "person")))
    picked = rng.sample(ids, min(n, len(ids)))
    articles = _articles(session)
    out = []
    for eid in picked:
        e = session.get(m.Entity, eid)
        bids = list(session.scalars(select(m.Mention.bullet_id).where(m.Mention.entity_id == eid).limit(2)))
        bullets = _bullets(session, bids)
        out.append({"name": e.name, "type": e.type, "country": e.country, "office": e.role,
                    "aliases": list(e.aliases or []), "sources": [_cite(articles, bullets, b) for b in bids]})
    return out


def quiz_statements(session: Any, rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Statements the quiz would put to a learner: true ones as stored, false ones as changed (about one in
    three), from random corpus releases (not the seed or the demo notes)."""
    corpus = list(session.scalars(select(m.Article.id).where(m.Article.url.like("%pib.gov.in%"))))
    rng.shuffle(corpus)
    articles = _articles(session)
    out: list[dict[str, Any]] = []
    for start in range(0, len(corpus), 40):
        if len(out) >= n:
            break
        kb = load(session, corpus[start:start + 40], rng=rng)
        pool = Pool(kb, rng)
        for aid in corpus[start:start + 40]:
            cands = pool.candidates(aid)
            if not cands or len(out) >= n:
                continue
            cand = rng.choice(cands)
            statement = cand.true
            if rng.random() < 1 / 3:
                statement = pool.false_of(cand) or statement
            bullets = _bullets(session, [statement.bullet_id])
            out.append({"statement": statement.text, "presented_as": "true" if statement.correct else "false",
                        "source": _cite(articles, bullets, statement.bullet_id)})
    return out


def _markdown(sample: dict[str, Any], seed: int) -> str:
    lines = [f"# Sample drawn with seed {seed}", ""]
    for kind, items in sample.items():
        lines += [f"## {kind} ({len(items)})", ""]
        for i, item in enumerate(items, 1):
            shown = {k: v for k, v in item.items() if k not in ("source", "sources")}
            lines.append(f"{i}. " + "; ".join(f"**{k}**: {v}" for k, v in shown.items()))
            for src in item.get("sources") or [item["source"]]:
                lines.append(f"   - source: “{src['article']}” ({src['published']}): {src['bullet']}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--db", type=Path, default=Path("/tmp/gistbook-dev.db"))
    ap.add_argument("--out", type=Path)
    ap.add_argument("--timeline", type=int, default=100)
    ap.add_argument("--figures", type=int, default=60)
    ap.add_argument("--people", type=int, default=60)
    ap.add_argument("--statements", type=int, default=60)
    args = ap.parse_args()
    if not args.db.exists():
        build_store(args.db)
    out = args.out or Path(f"/tmp/precision-{args.seed}")
    out.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{args.db}")
    with store.session() as session:
        sample = {
            "timeline rows": timeline_rows(session, random.Random(args.seed), args.timeline),
            "dossier figures": dossier_figures(session, random.Random(args.seed + 1), args.figures),
            "people": people(session, random.Random(args.seed + 2), args.people),
            "quiz statements": quiz_statements(session, random.Random(args.seed + 3), args.statements),
        }
    (out / "sample.json").write_text(json.dumps({"seed": args.seed, **sample}, ensure_ascii=False, indent=1))
    (out / "sample.md").write_text(_markdown(sample, args.seed))
    print(f"seed {args.seed}: " + ", ".join(f"{len(v)} {k}" for k, v in sample.items()) + f" -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

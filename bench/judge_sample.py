"""Draw a random, stratified sample of generated questions for a blind paper-setter
(`../shared/quality/judge-questions.md`).

    .venv/bin/python bench/judge_sample.py --seed 7 [--count 60] [--db /tmp/dev.db] [--out /tmp/questions-7]

Questions are generated, with the seed, from the dev-corpus releases of a store built as bench/precision.py
builds it (never from the seed or the demo notes), then drawn evenly across the kinds generated. Each comes with
its stem, options, key and cited bullets, and without the explanation: `sample.md` for the judge, `sample.json`
(with generator names) for scoring.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_sample import release_ids  # noqa: E402 - a sibling bench script
from precision import build_store  # noqa: E402

from gistbook.quiz import generate  # noqa: E402
from gistbook.quiz.kb import load  # noqa: E402
from gistbook.quiz.service import said_in  # noqa: E402
from gistbook.store import Store  # noqa: E402
from gistbook.store import models as m  # noqa: E402

PRELIMS = ["statements", "how-many", "pairs", "cloze", "chronology"]  # the judge rates prelims questions
SETS, SET_SIZE = 8, 40  # questions are drawn from several sets, so every kind has enough to draw from


def cited(session: Any, question: dict[str, Any]) -> list[dict[str, str]]:
    ids = [s["bullet_id"] for s in question["sources"]]
    rows = {bid: (text, title, published) for bid, text, title, published in session.execute(
        select(m.Bullet.id, m.Bullet.text, m.Article.title, m.Article.published)
        .join(m.Article, m.Article.id == m.Bullet.article_id).where(m.Bullet.id.in_(ids)))}
    return [{"bullet": rows[b][0], "article": rows[b][1], "published": (rows[b][2] or "")[:10]}
            for b in ids if b in rows]


def draw(questions: list[dict[str, Any]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """`count` questions spread evenly over the kinds present (a kind with few gives all it has)."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in questions:
        by_kind[q["kind"]].append(q)
    for pool in by_kind.values():
        rng.shuffle(pool)
    chosen: list[dict[str, Any]] = []
    used: set[int] = set()  # the sample is read as one set: no two questions resting on the same sentences
    used_said: set[str] = set()
    while len(chosen) < count and any(by_kind.values()):
        for kind in sorted(by_kind):
            while by_kind[kind] and len(chosen) < count:
                q = by_kind[kind].pop()
                bullets = {s["bullet_id"] for s in q["sources"]}
                said = said_in(q)  # the same sentence repeated by another release is the same fact
                if len(bullets & used) * 2 <= len(bullets) and not said & used_said:
                    chosen.append(q)
                    used |= bullets
                    used_said |= said
                    break
    rng.shuffle(chosen)
    return chosen


def _markdown(items: list[dict[str, Any]], seed: int) -> str:
    lines = [f"# Generated questions, random sample (seed {seed})", ""]
    for n, q in enumerate(items, 1):
        lines += [f"## Q{n} ({q['kind']})", "", q["stem"], ""]
        lines += [f"({letter.lower()}) {option}" for letter, option in zip("ABCDEFGH", q["options"])] + [""]
        lines += [f"**Key:** {q['answer']}", "", "Cited bullets:"]
        lines += [f"- {c['bullet']} _({c['article']}, {c['published']})_" for c in q["cited"]] + [""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--db", type=Path, default=Path("/tmp/gistbook-dev.db"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not args.db.exists():
        build_store(args.db)
    out = args.out or Path(f"/tmp/questions-{args.seed}")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    store = Store(f"sqlite:///{args.db}")
    with store.session() as session:
        kb = load(session, release_ids(session), rng=random.Random(args.seed))
        pool: list[dict[str, Any]] = []
        stems: set[str] = set()
        for n in range(SETS):  # sets of a learner's size: one set never asks a sentence twice
            for q in generate(session, kinds=PRELIMS, count=SET_SIZE, seed=args.seed * 1000 + n, persist=False,
                              kb=kb):
                if q["stem"] not in stems:
                    stems.add(q["stem"])
                    pool.append(q)
        items = draw(pool, args.count, rng)
        for q in items:
            q["cited"] = cited(session, q)
            q.pop("explanation", None)
    store.close()
    kinds: dict[str, int] = defaultdict(int)
    for q in items:
        kinds[q["kind"]] += 1
    (out / "sample.json").write_text(json.dumps({"seed": args.seed, "items": items}, ensure_ascii=False, indent=1))
    (out / "sample.md").write_text(_markdown(items, args.seed))
    print(f"{len(items)} questions ({dict(sorted(kinds.items()))}) from {len(pool)} generated, seed {args.seed}: "
          f"{out / 'sample.md'}")


if __name__ == "__main__":
    main()

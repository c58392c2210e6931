"""Key-date timelines against gold timelines, with the standard TLS measures, beside a same-run baseline.

    .venv/bin/python bench/timelines.py [--db /tmp/gistbook-dev.db] [--gold bench/data/tls-gold.json]

For each topic of the gold file (written by an editor from the sources, before any tuning: demo-note topics and
corpus threads), it calls `gistbook timeline --query Q --top K --json` with K the gold's length and scores:
- date F1: predicted dates against gold dates (exact ISO string);
- concatenated ROUGE-1 and ROUGE-2 F: all predicted lines against all gold lines (the rouge-score package).
The baseline, run on the same articles (those the same search finds): the K days with the most articles
published, each with the title of its first article. The store is built from the demo notes, the seed and the
PIB corpus when --db does not exist yet (bench/precision.py builds the same store).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from gistbook.store import Store
from gistbook.store.search import search

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from precision import build_store  # noqa: E402  (the one way the dev store is built)

SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def date_f1(predicted: list[str], gold: list[str]) -> float:
    p, g = set(predicted), set(gold)
    hits = len(p & g)
    if not hits:
        return 0.0
    precision, recall = hits / len(p), hits / len(g)
    return 2 * precision * recall / (precision + recall)


def rouge(predicted: list[str], gold: list[str]) -> tuple[float, float]:
    scores = SCORER.score(" ".join(gold), " ".join(predicted))
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure


def ours(db: Path, query: str, k: int) -> tuple[list[dict[str, Any]], float]:
    started = time.perf_counter()
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "gistbook"), "--db", f"sqlite:///{db}", "timeline",
                          "--query", query, "--top", str(k), "--json"], capture_output=True, text=True, check=True)
    took = time.perf_counter() - started
    timeline: list[dict[str, Any]] = json.loads(out.stdout)["timeline"]
    return timeline, took


def baseline(store: Store, query: str, k: int) -> list[dict[str, Any]]:
    """The K busiest publication days among the articles the query finds, each with its first title."""
    with store.session() as session:
        found = search(session, query, limit=1000)
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in found:
        if r.get("published"):
            days[r["published"][:10]].append(r)
    busiest = sorted(days.items(), key=lambda item: (-len(item[1]), item[0]))[:k]
    return sorted(({"date": day, "text": rows[0]["title"]} for day, rows in busiest), key=lambda e: e["date"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/gistbook-dev.db"))
    ap.add_argument("--gold", type=Path, default=ROOT / "bench" / "data" / "tls-gold.json")
    args = ap.parse_args()
    if not args.db.exists():
        build_store(args.db)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    store = Store(f"sqlite:///{args.db}")
    print(f"machine: {platform.platform()} cpus={os.cpu_count()} python={platform.python_version()}")
    print(f"{'topic':<16} {'K':>3}  {'date F1':>15}  {'ROUGE-1 F':>15}  {'ROUGE-2 F':>15}  {'time':>6}")
    print(f"{'':<16} {'':>3}  {'ours / base':>15}  {'ours / base':>15}  {'ours / base':>15}")
    totals: dict[str, list[float]] = defaultdict(list)
    for topic, entry in gold.items():
        lines = entry["timeline"]
        k = len(lines)
        predicted, took = ours(args.db, entry["query"], k)
        base = baseline(store, entry["query"], k)
        gold_dates, gold_text = [g["date"] for g in lines], [g["text"] for g in lines]
        row = {
            "date_ours": date_f1([p["date"] for p in predicted], gold_dates),
            "date_base": date_f1([b["date"] for b in base], gold_dates),
        }
        row["r1_ours"], row["r2_ours"] = rouge([p["text"] for p in predicted], gold_text)
        row["r1_base"], row["r2_base"] = rouge([b["text"] for b in base], gold_text)
        for key, value in row.items():
            totals[key].append(value)
        print(f"{topic:<16} {k:>3}  {row['date_ours']:>6.3f} / {row['date_base']:<6.3f}  "
              f"{row['r1_ours']:>6.3f} / {row['r1_base']:<6.3f}  {row['r2_ours']:>6.3f} / {row['r2_base']:<6.3f}  "
              f"{took:>5.2f}s")
    mean = {key: sum(values) / len(values) for key, values in totals.items()}
    print(f"{'mean':<16} {'':>3}  {mean['date_ours']:>6.3f} / {mean['date_base']:<6.3f}  "
          f"{mean['r1_ours']:>6.3f} / {mean['r1_base']:<6.3f}  {mean['r2_ours']:>6.3f} / {mean['r2_base']:<6.3f}")
    gain = mean["date_ours"] - mean["date_base"]
    r1_ratio = mean["r1_ours"] / mean["r1_base"] if mean["r1_base"] else float("inf")
    print(f"target: date F1 +0.10 over baseline ({gain:+.3f}: {'met' if gain >= 0.10 else 'NOT met'}); "
          f"ROUGE-1 +20% ({r1_ratio:.2f}x: {'met' if r1_ratio >= 1.2 else 'NOT met'})")
    print(json.dumps({k: round(v, 4) for k, v in mean.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

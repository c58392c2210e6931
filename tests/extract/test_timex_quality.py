"""Quality gate for time expressions: hand-labelled press releases and notes, P/R/F1 pinned in floors-timex.json.

Labels live in tests/data/quality/timex.jsonl, one document a line: corpus releases are named by URL (their
text is rebuilt from the shared corpus: the lxml text of each non-empty <p>, one bullet each), the two notes
carry their own bullets. A prediction matches a label when bullet, TIMEX3 type and value are equal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from gistbook.extract.timex import find_time_expressions

DATA = Path(__file__).resolve().parents[1] / "data" / "quality"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


def paragraphs(html: str) -> list[str]:
    """Bullets of a release as the quality set counts them: whitespace-normalised text of each non-empty <p>."""
    root = lxml_html.fromstring(html)
    texts = (" ".join(p.text_content().split()) for p in root.iter("p"))
    return [t for t in texts if t]


def load_documents(name: str) -> list[tuple[dict[str, Any], list[str]]]:
    """Labelled documents with their bullets; corpus ones are looked up by URL."""
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {row["url"] for row in rows if row["source"] == "corpus"}
    by_url: dict[str, str] = {}
    if wanted:
        if not CORPUS.exists():
            pytest.skip(f"shared corpus missing: {CORPUS}")
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["url"] in wanted:
                    by_url[record["url"]] = record["html"]
    docs = []
    for row in rows:
        bullets = row["bullets"] if row["source"] == "inline" else paragraphs(by_url[row["url"]])
        docs.append((row, bullets))
    return docs


def anchor_of(row: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(row["published"]) if row.get("published") else None


def score_timex() -> dict[str, float]:
    """Micro precision, recall and F1 over (bullet, type, value) across the labelled set."""
    tp = fp = fn = 0
    for row, bullets in load_documents("timex.jsonl"):
        gold = Counter((t["bullet"], t["type"], t["value"]) for t in row["timex"])
        found: Counter[tuple[int, str, str]] = Counter()
        for number, text in enumerate(bullets):
            for expr in find_time_expressions(text, anchor_of(row), number):
                found[(number, expr.type, expr.value)] += 1
        hits = sum((gold & found).values())
        tp, fp, fn = tp + hits, fp + sum(found.values()) - hits, fn + sum(gold.values()) - hits
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": tp + fn}


def floors() -> dict[str, float]:
    loaded: dict[str, float] = json.loads((DATA / "floors-timex.json").read_text(encoding="utf-8"))
    return loaded


def test_quality_set_is_big_enough() -> None:
    docs = load_documents("timex.jsonl")
    assert len(docs) >= 22
    assert sum(1 for row, _ in docs if row["source"] == "corpus") >= 20
    for row, bullets in docs:
        assert all(0 <= t["bullet"] < len(bullets) for t in row["timex"]), row["id"]
        assert all(t["text"] in bullets[t["bullet"]] for t in row["timex"]), row["id"]


def test_timex_values_meet_their_floors() -> None:
    scores = score_timex()
    print(
        f"timex quality: P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f} "
        f"over {scores['gold']:.0f} labels"
    )
    for key in ("precision", "recall", "f1"):
        assert scores[key] >= floors()[f"timex_{key}"], f"timex {key} {scores[key]:.3f} fell under its floor"

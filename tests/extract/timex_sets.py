"""Labelled time-expression sets drawn or written by annotators who never saw the rules (see tests/data/quality):
`timex-news.jsonl` (60 news passages in the annotator's own words, 312 labels) and `timex-pib-random.jsonl`
(259 bullets drawn at random from the dev corpus with seed 20261202; the text is rebuilt from the shared corpus
by offset and checked by SHA-1). A prediction counts when its TIMEX3 type and value match a label of the text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from gistbook.extract.timex import find_time_expressions

DATA = Path(__file__).resolve().parents[1] / "data" / "quality"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


def _joined_paragraphs(html: str) -> str:
    root = lxml_html.fromstring(html)
    return "\n".join(t for t in (" ".join(p.text_content().split()) for p in root.iter("p")) if t)


def load_set(name: str) -> list[dict[str, Any]]:
    """Records with `text`, `published` and `timex` [{type, value}]; PIB texts rebuilt from the corpus."""
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {r["url"] for r in rows if "text" not in r}
    pages: dict[str, str] = {}
    if wanted and CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["url"] in wanted:
                    pages[record["url"]] = _joined_paragraphs(record["html"])
    out = []
    for r in rows:
        if "text" not in r:
            page = pages.get(r["url"], "")
            text = page[r["offset"] : r["offset"] + r["length"]]
            if hashlib.sha1(text.encode()).hexdigest() != r["sha1"]:
                continue
            r = {**r, "text": text}
        out.append(r)
    return out


def score(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Micro precision, recall and F1 of (type, value) per text."""
    tp = fp = fn = 0
    for r in rows:
        anchor = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        gold = Counter((t["type"], t["value"]) for t in r["timex"])
        found = Counter((e.type, e.value) for e in find_time_expressions(r["text"], anchor, 0))
        hits = sum((gold & found).values())
        tp, fp, fn = tp + hits, fp + sum(found.values()) - hits, fn + sum(gold.values()) - hits
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": rec, "f1": 2 * p * rec / (p + rec) if p + rec else 0.0, "gold": tp + fn}


if __name__ == "__main__":
    for name in ("timex-news.jsonl", "timex-pib-random.jsonl"):
        rows = load_set(name)
        s = score(rows)
        print(f"{name}: {len(rows)} texts, {s['gold']:.0f} labels: P={s['precision']:.3f} R={s['recall']:.3f} "
              f"F1={s['f1']:.3f}")

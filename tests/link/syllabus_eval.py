"""Accuracy of syllabus tags against the hand labels (tests/data/link/syllabus-labels.json).

A prediction is right when its best tag is one of the item's acceptable nodes, or when it gives no tag for
an item labelled 'none'. Paper accuracy compares only the GS paper of the best tag.
Run: .venv/bin/python tests/link/syllabus_eval.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gistbook.records import Article, EntityMention

LABELS = Path(__file__).resolve().parents[1] / "data" / "link" / "syllabus-labels.json"


def load_labels() -> dict[str, list[str]]:
    items = json.loads(LABELS.read_text(encoding="utf-8"))["items"]
    return {item["url"]: item["nodes"] for item in items}


def judge(predicted: list[tuple[str, float]], gold: list[str]) -> tuple[bool, bool]:
    """(node right, paper right) for one item."""
    if not predicted:
        return "none" in gold, "none" in gold
    best = predicted[0][0]
    papers = {g.split(":")[0] for g in gold if g != "none"}
    return best in gold, best.split(":")[0] in papers


def evaluate(pairs: list[tuple[Article, list[EntityMention]]], verbose: bool = False) -> dict[str, float]:
    from gistbook.extract.syllabus import tag_syllabus

    labels = load_labels()
    node_ok = paper_ok = total = 0
    for article, entities in pairs:
        gold = labels.get(article.url or "")
        if gold is None:
            continue
        predicted = tag_syllabus(article, entities)
        node, paper = judge(predicted, gold)
        node_ok += node
        paper_ok += paper
        total += 1
        if verbose and not node:
            print(f"MISS {article.title[:90]!r}\n     gold={gold}\n     got={predicted}")
    return {"items": total, "node_accuracy": node_ok / max(1, total), "paper_accuracy": paper_ok / max(1, total)}


def main() -> None:
    from gistbook.parse import parse_document
    from gistbook.read import read_source
    from gistbook.records import Failure

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
    wanted = load_labels()
    articles = [parse_document(d) for d in read_source(str(corpus), max_bytes=10**9)
                if not isinstance(d, Failure) and d.url in wanted]
    try:
        from gistbook.extract import extract_articles

        extractions = extract_articles(articles)
        pairs = [(a, e.entities) for a, e in zip(articles, extractions)]
    except ImportError:
        print("(extraction stage not available: scoring without entities)")
        pairs = [(a, []) for a in articles]
    print(json.dumps(evaluate(pairs, verbose="-v" in sys.argv), indent=2))


if __name__ == "__main__":
    main()

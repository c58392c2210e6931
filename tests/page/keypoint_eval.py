"""Score key-point selection against the hand labels; run as a script to print the figures.

    .venv/bin/python tests/page/keypoint_eval.py

Labels (tests/data/page/keypoints.jsonl) name each key sentence of a release by a short fragment
of it (never the whole sentence); a bullet is key when it contains one of its release's fragments.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "page" / "keypoints.jsonl"
FLOORS = ROOT / "tests" / "data" / "page" / "floors.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


@dataclass
class Scores:
    precision: float
    recall: float
    selected: int
    labelled: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def labelled_releases() -> list[tuple[dict, list[str]]]:
    """(corpus record, key fragments) for every labelled release, found by URL."""
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {label["url"]: label["key"] for label in labels}
    found: dict[str, dict] = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["url"] in wanted:
                found[record["url"]] = record
    return [(found[label["url"]], label["key"]) for label in labels]


def evaluate(limit: int | None = None) -> dict[str, Scores]:
    """Micro-averaged precision and recall of the selector and of the first-k baseline (the same number of
    points: `limit`, else as many as the selector's rule gives for the release's length)."""
    from gistbook.page.keypoints import facts_from_extraction, first_k, key_point_count, select_key_points
    from gistbook.parse import parse_document
    from gistbook.read import read_bytes

    articles = []
    for record, fragments in labelled_releases():
        doc = read_bytes(json.dumps(record).encode(), "release.jsonl", max_bytes=1 << 26)[0]
        articles.append((parse_document(doc), fragments))
    extractions = _extract([a for a, _ in articles])
    totals = {"selector": [0, 0, 0], "first_k": [0, 0, 0]}  # hits, selected, labelled
    for (article, fragments), extraction in zip(articles, extractions):
        bullets = facts_from_extraction(article, extraction)
        key = {b.position for b in bullets if any(f.casefold() in b.text.casefold() for f in fragments)}
        for name, picked in (("selector", select_key_points(bullets, article.title, limit)),
                             ("first_k", first_k(bullets, limit or key_point_count(len(bullets))))):
            positions = {b.position for b in picked}
            totals[name][0] += len(positions & key)
            totals[name][1] += len(positions)
            totals[name][2] += len(key)
    return {name: Scores(h / s if s else 0.0, h / n if n else 0.0, s, n) for name, (h, s, n) in totals.items()}


def _extract(articles: list) -> list:
    """Extraction of every article; None for all when the extract stage cannot be imported."""
    try:
        from gistbook.extract import extract_articles
    except ImportError:
        return [None] * len(articles)
    return list(extract_articles(articles))


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    results = evaluate(limit)
    for name, s in results.items():
        print(f"{name:9} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (selected {s.selected}, "
              f"labelled {s.labelled})")
    sel, base = results["selector"], results["first_k"]
    print(f"selector - first_k: P {sel.precision - base.precision:+.3f}, R {sel.recall - base.recall:+.3f}, "
          f"F1 {sel.f1 - base.f1:+.3f}")

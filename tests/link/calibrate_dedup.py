"""Sweep the near-duplicate threshold over the labelled bullet pairs and print precision/recall per value.

Run: .venv/bin/python tests/link/calibrate_dedup.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gistbook.link.facts import THRESHOLD, band_keys, similarity
from gistbook.link.text import content_terms

PAIRS = Path(__file__).resolve().parents[1] / "data" / "link" / "fact-pairs.jsonl"


def load_pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def decide(a: str, b: str, threshold: float, with_lsh: bool = True) -> bool:
    """The production decision: exact normalised match, or an LSH candidate at or above the threshold."""
    ta, tb = content_terms(a), content_terms(b)
    if ta == tb:
        return True
    if with_lsh and not set(band_keys(ta)) & set(band_keys(tb)):
        return False
    return similarity(a, b) >= threshold


def precision_recall(pairs: list[dict], threshold: float, with_lsh: bool = True) -> tuple[float, float, float]:
    tp = sum(1 for p in pairs if p["same"] and decide(p["a"], p["b"], threshold, with_lsh))
    fp = sum(1 for p in pairs if not p["same"] and decide(p["a"], p["b"], threshold, with_lsh))
    fn = sum(1 for p in pairs if p["same"] and not decide(p["a"], p["b"], threshold, with_lsh))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    pairs = load_pairs()
    print(f"{len(pairs)} pairs ({sum(p['same'] for p in pairs)} same, {sum(not p['same'] for p in pairs)} different)")
    print("threshold  precision  recall  F1   (recall without LSH)")
    for t in [x / 20 for x in range(4, 17)]:
        p, r, f = precision_recall(pairs, t)
        _, r2, _ = precision_recall(pairs, t, with_lsh=False)
        mark = "  <- chosen" if abs(t - THRESHOLD) < 1e-9 else ""
        print(f"  {t:.2f}      {p:.3f}     {r:.3f}  {f:.3f}  ({r2:.3f}){mark}")
    if "-v" in sys.argv:
        for p in pairs:
            got = decide(p["a"], p["b"], THRESHOLD)
            if got != p["same"]:
                print(f"{'FP' if got else 'FN'} {similarity(p['a'], p['b']):.2f} {p['a']} | {p['b']}")


if __name__ == "__main__":
    main()

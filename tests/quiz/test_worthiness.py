"""Exam-worthiness against a blind-labelled random draw of corpus sentences (not chosen items)."""

from __future__ import annotations

import json
from pathlib import Path

from gistbook.quiz.worthiness import WORTHY, weights, worthiness

LABELS = Path(__file__).resolve().parents[1] / "data" / "quality" / "worthiness-random.jsonl"


def _labelled() -> list[tuple[str, int]]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return [(r["sentence"], r["worthy"]) for r in rows]


def test_the_weights_ship_with_the_package() -> None:
    table = weights()
    assert len(table) > 1000
    assert table["constitution"] > 0 > table["attended"]  # papers ask about the one, never the other


def test_the_scorer_ranks_worthy_sentences_first() -> None:
    """Measured: AUC 0.78; at WORTHY, 30% of kept sentences are worthy (base rate 12%), 68% of worthy kept."""
    rows = [(worthiness(text), label) for text, label in _labelled()]
    pos = [v for v, y in rows if y]
    neg = [v for v, y in rows if not y]
    auc = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))
    kept = [y for v, y in rows if v >= WORTHY]
    base = len(pos) / len(rows)
    assert len(rows) == 240 and auc >= 0.76
    assert sum(kept) / len(kept) >= 2 * base
    assert sum(kept) / len(pos) >= 0.6


def test_what_papers_never_ask_scores_low() -> None:
    assert worthiness("The inaugural session was attended by senior officials and delegates from the States.") < WORTHY
    assert worthiness("Launched in 2015, the Smart Cities Mission aims to develop 100 cities.") > WORTHY

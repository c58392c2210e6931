"""Quality on real input: every question built from the seed, the demo notes and 200 corpus releases has an
answer key consistent with the stored facts (slow: it ingests 226 items with the full pipeline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SEED

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.verify import verify
from gistbook.store import Store

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


@pytest.mark.slow
def test_every_key_from_seed_demo_and_200_releases_is_consistent(tmp_path: Path) -> None:
    from gistbook.pipeline import ingest_demo, ingest_paths

    sample = tmp_path / "pib-200.jsonl"
    with CORPUS.open(encoding="utf-8") as fh:
        sample.write_text("".join(line for _, line in zip(range(200), fh)), encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'corpus.db'}")
    assert not ingest_paths([str(SEED)], store, published="2024-09-10").failed
    assert not ingest_demo(store).failed
    report = ingest_paths([str(sample)], store)
    assert len(report.ingested) == 200, json.dumps(report.failed)[:500]
    with store.sessions.begin() as session:
        kb = knowledge.load(session, None, sample=10**9)
        per_kind = {kind: quiz.generate(session, kinds=[kind], count=60, seed=3, kb=kb) for kind in quiz.KINDS}
    assert sum(len(v) for v in per_kind.values()) >= 60
    for kind, questions in per_kind.items():
        # fewer than before, by design: one subject a question, exam-worthy sentences only, and no sentence asked
        # twice in one set (a set of 60 pairs questions runs out of distinct founding years first)
        assert len(questions) >= 1, (kind, len(questions))
        for q in questions:
            assert verify(kb, q) == [], q["stem"]
    with store.session() as session:
        stored = quiz.verify_stored(session)
    assert stored["checked"] == sum(len(v) for v in per_kind.values())
    assert stored["valid"] == stored["checked"], stored["problems"]
    store.close()

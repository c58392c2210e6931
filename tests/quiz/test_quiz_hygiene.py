"""Option hygiene measured over 1,000 generated questions: uniform key position, no duplicate options,
the correct answer no longer than chance would make it, and no distractor that is also true."""

from __future__ import annotations

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.hygiene import hygiene
from gistbook.store import Store


def test_option_hygiene_over_1000_questions(handmade_url: str, seed_url: str) -> None:
    report: list[dict] = []
    total = 0
    for url in (handmade_url, seed_url):
        store = Store(url)
        with store.session() as session:
            kb = knowledge.load(session, None)
            questions: list[dict] = []
            seed = 0
            while len(questions) < 500:
                questions += quiz.generate(session, count=100, seed=seed, persist=False, kb=kb)
                seed += 1
            questions = questions[:500]
            report.append(hygiene(questions, kb))
            total += len(questions)
        store.close()
    assert total == 1000
    combined_positions = {k: report[0]["positions"][k] + report[1]["positions"][k] for k in "ABCD"}
    mcq = sum(combined_positions.values())
    assert mcq >= 800
    expected = mcq / 4
    chi2 = sum((v - expected) ** 2 / expected for v in combined_positions.values())
    assert chi2 < 16.27, combined_positions  # p = 0.001, 3 degrees of freedom
    for part in report:
        assert part["positions_uniform"], part
        assert part["duplicate_option_questions"] == 0
        assert part["longest_within_chance"], part
        assert part["failed_verification"] == 0
        assert part["distinct_option_kinds"] == ["codes", "counts", "sequences", "values"]

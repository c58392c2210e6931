"""Option hygiene measured over 1,000 generated prelims questions: uniform key position, no duplicate options,
the correct answer no longer than chance would make it, no distractor that is also true, no numeric option set a
candidate can decode, no statement twice in a question and no question twice in a set."""

from __future__ import annotations

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.hygiene import hygiene
from gistbook.store import Store

PRELIMS = ["statements", "how-many", "pairs", "cloze", "chronology"]


def test_option_hygiene_over_1000_questions(demo_seed_url: str) -> None:
    store = Store(demo_seed_url)
    with store.session() as session:
        kb = knowledge.load(session, None)
        sets: list[list[dict]] = []
        seed = 0
        while sum(len(s) for s in sets) < 1000:
            sets.append(quiz.generate(session, kinds=PRELIMS, count=200, seed=seed, persist=False, kb=kb))
            seed += 1
    store.close()
    questions = [q for s in sets for q in s][:1000]
    report = hygiene(questions, kb)
    assert report["questions"] == 1000
    assert report["positions_uniform"], report
    assert report["duplicate_option_questions"] == 0
    assert report["longest_within_chance"], report
    assert report["failed_verification"] == 0
    assert report["distinct_option_kinds"] == ["codes", "counts", "sequences", "values"]
    assert report["numeric_progressions"] == 0, report
    for q in questions:
        lines = [line.split(". ", 1)[1] for line in q["stem"].split("\n") if line[:1].isdigit() and ". " in line]
        assert len(lines) == len(set(lines)), q["stem"]  # no statement twice in one question
    for one_set in sets:
        assert len({q["stem"] for q in one_set}) == len(one_set)  # no question twice in a set of 200

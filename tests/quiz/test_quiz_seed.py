"""Questions from the seed and the demo notes, read by the real pipeline: yield, provenance, explanations."""

from __future__ import annotations

import re

import pytest

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.truth import ACRONYM_STATEMENT, one_change
from gistbook.quiz.verify import verify
from gistbook.store import Store

SEED_TITLE = "India, Japan agree to promote financial cooperation"


@pytest.fixture(scope="module")
def seed_questions(demo_seed_url: str) -> tuple[knowledge.KnowledgeBase, list[dict]]:
    store = Store(demo_seed_url)
    with store.session() as session:
        kb = knowledge.load(session, None)
        questions = quiz.generate(session, count=40, seed=0, persist=False, kb=kb)
    store.close()
    return kb, questions


def test_at_least_25_valid_questions_of_mixed_kinds(seed_questions: tuple[knowledge.KnowledgeBase, list[dict]]) \
        -> None:
    kb, questions = seed_questions
    assert len(questions) >= 25
    kinds = {q["kind"] for q in questions}
    assert kinds == set(quiz.KINDS), kinds
    assert all(verify(kb, q) == [] for q in questions)
    assert len({q["stem"] for q in questions}) == len(questions)


def _statements(q: dict) -> list[str]:
    return [line.split(". ", 1)[1] for line in q["stem"].split("\n") if re.match(r"^\d+\. ", line)]


def test_true_statements_are_stored_and_false_ones_change_one_element(
        seed_questions: tuple[knowledge.KnowledgeBase, list[dict]], demo_seed_url: str) -> None:
    kb, questions = seed_questions
    store = Store(demo_seed_url)  # a second set: years are moved only where something began, so one set of 40
    with store.session() as session:  # from this small store may change nothing but years
        questions = questions + quiz.generate(session, count=40, seed=1, persist=False, kb=kb)
    store.close()
    changed = set()
    for q in questions:
        if q["kind"] not in ("statements", "how-many"):
            continue
        verdict_lines = q["explanation"].split("\n")
        for number, text in enumerate(_statements(q), 1):
            line = verdict_lines[number - 1]
            if ACRONYM_STATEMENT.match(text):
                continue
            if f"Statement {number} is correct" in line:
                assert kb.supported(text) is not None, text
            else:
                stored = line.split(" Stored: “", 1)[1].rstrip("”")
                assert kb.supported(stored) is not None, stored
                assert kb.supported(text) is None, text
                change = one_change(stored, text)
                assert change is not None, (stored, text)
                changed.add("year" if re.search(r"\d{4}", change[0]) else "number" if re.search(r"\d", change[0])
                            else "name")
    assert "year" in changed and len(changed) >= 2  # (a country the question is about is never the change)


def test_explanations_cite_every_source_with_title_and_date(
        seed_questions: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    kb, questions = seed_questions
    for q in questions:
        assert q["sources"], q
        for src in q["sources"]:
            stored = kb.articles[src["article_id"]]
            assert (src["title"], src["published"]) == (stored.title, stored.published)
            assert f"bullet #{src['bullet_id']}" in q["explanation"] + q["answer"]
        if q["kind"] in ("statements", "how-many"):
            for number in range(1, len(_statements(q)) + 1):
                line = next(x for x in q["explanation"].split("\n") if x.startswith(f"Statement {number} "))
                assert "bullet #" in line and any(kb.articles[s["article_id"]].title in line for s in q["sources"])
    assert any(src["title"] == SEED_TITLE for q in questions for src in q["sources"])


def test_mains_outlines_are_the_sections_points(seed_questions: tuple[knowledge.KnowledgeBase, list[dict]],
                                                seed_url: str) -> None:
    store = Store(seed_url)
    with store.session() as session:
        mains = quiz.generate(session, kinds=["mains"], count=2, seed=1, persist=False)
    store.close()
    stems = {q["stem"].split(".")[0] for q in mains}
    assert stems == {"Examine the roadblocks to strengthening India-Japan ties",
                     "Trace the evolution of India-Japan bilateral relations"}
    for q in mains:
        points = [line for line in q["answer"].split("\n") if line.startswith("- ")]
        assert 3 <= len(points) == len(q["sources"])


def test_same_seed_same_questions_and_topic_filter(seed_url: str, handmade_url: str) -> None:
    store = Store(seed_url)
    with store.session() as session:
        first = quiz.generate(session, count=8, seed=5, persist=False)
        second = quiz.generate(session, count=8, seed=5, persist=False)
    store.close()
    assert [q["stem"] for q in first] == [q["stem"] for q in second]
    store = Store(handmade_url)
    with store.session() as session:
        japan = quiz.generate(session, topic="India-Japan", count=12, seed=2, persist=False)
        with pytest.raises(quiz.QuizError, match="no stored articles"):
            quiz.generate(session, topic="Atlantis", count=2)
        with pytest.raises(quiz.QuizError, match="unknown question kind"):
            quiz.generate(session, kinds="riddles", count=2)
    store.close()
    titles = {s["title"] for q in japan for s in q["sources"]}
    assert titles == {"India and Japan deepen finance ties"}
    assert any(q["stem"].startswith("With reference to India-Japan,") for q in japan)


def test_check_answer_accepts_letters_numbers_and_text(
        seed_questions: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    _kb, questions = seed_questions
    q = next(q for q in questions if q["kind"] == "cloze")
    key = "ABCD".index(q["answer"])
    wrong = (key + 1) % 4
    assert quiz.check_answer(q, q["answer"].lower())["correct"] is True
    assert quiz.check_answer(q, f"({q['answer']})")["correct"] is True
    assert quiz.check_answer(q, str(key + 1))["correct"] is True
    assert quiz.check_answer(q, q["options"][key])["correct"] is True
    assert quiz.check_answer(q, "ABCD"[wrong])["correct"] is False
    assert quiz.check_answer(q, "zebra")["given"] is None
    mains = next(q for q in questions if q["kind"] == "mains")
    assert quiz.check_answer(mains, "anything")["correct"] is None

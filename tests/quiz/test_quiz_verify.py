"""The answer-key verifier recomputes every key from the stored facts, and it catches a wrong key."""

from __future__ import annotations

import copy

import pytest

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.options import LETTERS
from gistbook.quiz.verify import verify
from gistbook.store import Store


@pytest.fixture(scope="module")
def generated(demo_seed_url: str) -> tuple[knowledge.KnowledgeBase, list[dict]]:
    store = Store(demo_seed_url)
    with store.session() as session:
        kb = knowledge.load(session, None)
        sets = [quiz.generate(session, count=80, seed=seed, persist=False, kb=kb) for seed in (11, 12)]
    store.close()
    # a set never states one fact twice, so the small seed-and-demo store fills about 48 of 80; two sets give
    # every kind something to check
    assert all(len(one) >= 40 for one in sets), [len(one) for one in sets]
    return kb, [q for one in sets for q in one]


def _by_kind(questions: list[dict], kind: str) -> list[dict]:
    found = [q for q in questions if q["kind"] == kind]
    assert found, f"no {kind} question generated"
    return found


def test_every_generated_key_verifies(generated: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    kb, questions = generated
    assert {q["kind"] for q in questions} == set(quiz.KINDS)
    for q in questions:
        assert verify(kb, q) == [], q["stem"]


@pytest.mark.parametrize("kind", ["statements", "how-many", "pairs", "chronology", "cloze"])
def test_a_wrong_key_is_caught(generated: tuple[knowledge.KnowledgeBase, list[dict]], kind: str) -> None:
    kb, questions = generated
    for q in _by_kind(questions, kind):
        for letter in LETTERS:
            if letter == q["answer"]:
                continue
            corrupt = dict(q, answer=letter)
            assert verify(kb, corrupt), f"verifier accepted key {letter} for:\n{q['stem']}"


def test_a_false_statement_passed_off_as_true_is_caught(
        generated: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    """Replace a changed statement by a different change: the verifier re-judges it, the key no longer fits."""
    kb, questions = generated
    caught = 0
    for q in _by_kind(questions, "statements") + _by_kind(questions, "how-many"):
        stored = [line.split(" Stored: “", 1)[1].rstrip("”") for line in q["explanation"].split("\n")
                  if " Stored: “" in line]
        if not stored:
            continue
        lines = q["stem"].split("\n")
        number = next(i for i, line in enumerate(q["explanation"].split("\n"), 1) if " Stored: “" in line)
        lines[number] = f"{number}. {stored[0]}"  # the true original where a false statement stood
        corrupt = dict(q, stem="\n".join(lines))
        assert verify(kb, corrupt), q["stem"]
        caught += 1
    assert caught >= 3


def test_an_unverifiable_statement_is_rejected(generated: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    kb, questions = generated
    q = copy.deepcopy(_by_kind(questions, "statements")[0])
    lines = q["stem"].split("\n")
    lines[1] = "1. Mars has two moons named after figures of Greek myth."
    problems = verify(kb, dict(q, stem="\n".join(lines)))
    assert any("unverifiable" in p for p in problems)


def test_a_chronology_with_swapped_events_is_caught(generated: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    kb, questions = generated
    q = _by_kind(questions, "chronology")[0]
    lines = q["stem"].split("\n")
    lines[1], lines[2] = "1. " + lines[2][3:], "2. " + lines[1][3:]
    assert verify(kb, dict(q, stem="\n".join(lines)))


def test_missing_citation_and_duplicate_options_are_caught(
        generated: tuple[knowledge.KnowledgeBase, list[dict]]) -> None:
    kb, questions = generated
    q = _by_kind(questions, "cloze")[0]
    assert any("cite" in p for p in verify(kb, dict(q, explanation="Trust me.")))
    assert any("duplicate" in p for p in verify(kb, dict(q, options=[q["options"][0]] * 4)))
    assert any("not stored" in p for p in verify(kb, dict(q, sources=[dict(q["sources"][0], bullet_id=10**9)])))


def test_stored_questions_reverify(handmade_url: str, tmp_path) -> None:
    """Questions saved in the Question table are checked again against the store (and keep their ids)."""
    import shutil

    copy_path = tmp_path / "copy.db"
    shutil.copy(handmade_url.removeprefix("sqlite:///"), copy_path)
    store = Store(f"sqlite:///{copy_path}")
    with store.sessions.begin() as session:
        made = quiz.generate(session, count=15, seed=4)
    assert all(isinstance(q["id"], int) for q in made)
    with store.sessions.begin() as session:
        again = quiz.generate(session, count=15, seed=4)
    assert [q["id"] for q in again] == [q["id"] for q in made]
    with store.session() as session:  # (the shared store may hold questions other tests saved: check these)
        report = quiz.verify_stored(session, [q["id"] for q in made])
    assert report["checked"] == len(made) and report["valid"] == len(made), report["problems"]
    store.close()

"""UPSC prelims marking of a mock (+2 right, -2/3 wrong, 0 blank, Mains apart) and the attempt store."""

from __future__ import annotations

from fractions import Fraction

import pytest
from sqlalchemy.orm import Session

from gistbook.quiz import check_answer, generate, generators_for
from gistbook.quiz.marking import outcome_of, show_marks, tally
from gistbook.quiz.stored import draw, question_dicts
from gistbook.store import Store
from gistbook.store.mock_tests import (
    MockError,
    get_attempt,
    list_attempts,
    question_pool,
    rate_mains,
    recent_question_ids,
    save_attempt,
)
from gistbook.store.users import add_user


def test_five_right_two_wrong_three_blank_is_eight_and_two_thirds_of_twenty() -> None:
    marking = tally(["right"] * 5 + ["wrong"] * 2 + ["blank"] * 3)
    assert marking.marks == Fraction(26, 3) and marking.max_marks == 20
    assert show_marks(marking.marks) == "8.67"
    assert (marking.right, marking.wrong, marking.blank, marking.mains) == (5, 2, 3, 0)
    assert marking.to_dict()["share"] == pytest.approx(26 / 60, abs=1e-4)


def test_mains_is_counted_apart_and_carries_no_marks() -> None:
    marking = tally(["right"] * 5 + ["wrong"] * 2 + ["blank"] * 2 + ["mains"])
    assert marking.mains == 1 and marking.scored == 9
    assert marking.max_marks == 18 and marking.marks == Fraction(26, 3)


def test_wrong_answers_can_outweigh_right_ones() -> None:
    marking = tally(["right"] + ["wrong"] * 4)
    assert marking.marks == Fraction(-2, 3) and show_marks(marking.marks) == "\u22120.67"
    assert show_marks(Fraction(2), signed=True) == "+2" and show_marks(0) == "0"
    assert tally([]).share is None


def test_an_answer_naming_no_option_is_a_blank_and_unknown_outcomes_are_refused() -> None:
    assert outcome_of("statements", False, None) == "blank"
    assert outcome_of("statements", False, "B") == "wrong"
    assert outcome_of("cloze", True, "A") == "right"
    assert outcome_of("mains", None, "my outline") == "mains"
    with pytest.raises(ValueError, match="unknown outcome 'late'"):
        tally(["late"])


def test_stored_questions_are_drawn_mixed_and_avoid_recent_ones(handmade_url: str) -> None:
    store = Store(handmade_url)
    try:
        with store.sessions.begin() as session:
            made = generate(session, count=12, seed=3)
        assert len(made) >= 6
        prelims = ["statements", "how-many", "pairs", "chronology", "cloze"]
        with store.session() as session:
            first, left = draw(session, 4, kinds=prelims)
            assert len(first) == 4 and left >= 0
            assert all(q["sources"] and q["sources"][0]["title"] for q in first)  # cited by title
            seen = {q["id"] for q in first}
            pool = {qid for qid, _ in question_pool(session, kinds=prelims,
                                                    generators=[g.name for g in generators_for(prelims)])}
            again, left = draw(session, len(pool - seen), kinds=prelims, avoid=seen)
            assert {q["id"] for q in again} == pool - seen and left == 0  # the others first, every one of them
            more, _ = draw(session, len(pool), kinds=prelims, avoid=seen)
            assert {q["id"] for q in more} == pool  # and the recent ones only when the others run out
            assert question_dicts(session, [max(pool) + 1000]) == []
            keys = {q["id"]: check_answer(q, q["answer"])["correct"] for q in first if q["kind"] != "mains"}
            assert all(keys.values())
    finally:
        store.close()


def _attempt(session: Session, user_id: int | None, ids: list[int]) -> int:
    items = [{"id": qid, "kind": "mains" if qid == ids[-1] else "statements", "given": None, "answer": "A",
              "outcome": "mains" if qid == ids[-1] else "blank", "marks": 0.0} for qid in ids]
    marking = tally(item["outcome"] for item in items).to_dict()
    return save_attempt(session, user_id=user_id, items=items, marking=marking, size=len(ids)).id


def test_attempts_belong_to_their_learner(db_url: str) -> None:
    store = Store(db_url)
    try:
        with store.sessions.begin() as session:
            learner = add_user(session, "asha", "learner", "a long enough password").id
            mine = _attempt(session, None, [1, 2, 3])
            theirs = _attempt(session, learner, [4, 5])
        with store.sessions.begin() as session:
            assert [a.id for a in list_attempts(session, None)] == [mine]
            assert [a.id for a in list_attempts(session, learner)] == [theirs]
            with pytest.raises(MockError, match=f"no mock test #{theirs}"):
                get_attempt(session, theirs, None)
            assert recent_question_ids(session, learner) == {4, 5}
            rated = rate_mains(session, mine, None, 3, "partly")
            assert rated.answers[-1]["self_rating"] == "partly"
            with pytest.raises(MockError, match="not a Mains question"):
                rate_mains(session, mine, None, 1, "covered")
        with store.session() as session:
            assert get_attempt(session, mine, None).answers[-1]["self_rating"] == "partly"  # stored, not just set
    finally:
        store.close()

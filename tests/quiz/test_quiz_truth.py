"""Statements are judged against the knowledge base: stored → true; one element changed to something
unrecorded → false; anything else → unverifiable. A change that the store records is never used."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import handmade
import pytest

from gistbook.quiz import kb as knowledge
from gistbook.quiz.mutate import false_variants
from gistbook.quiz.truth import acronym_statement, evaluate, one_change
from gistbook.store import Store


@pytest.fixture(scope="module")
def kb(handmade_url: str) -> knowledge.KnowledgeBase:
    store = Store(handmade_url)
    with store.session() as session:
        loaded = knowledge.load(session, None)
    store.close()
    return loaded


def _bullet(kb: knowledge.KnowledgeBase, start: str) -> int:
    return next(b for b, text in kb.texts.items() if text.startswith(start))


def test_one_change_finds_the_single_replaced_run() -> None:
    stored = "Trade between India and Japan reached $21.96 billion in FY 2022-23."
    assert one_change(stored, stored.replace("21.96", "43.92")) == ("$21.96", "$43.92", 38, 44)
    assert one_change(stored, stored) is None
    assert one_change(stored, "Something else entirely was said about a different matter here.") is None


@pytest.mark.parametrize(("start", "old", "new", "change"), [
    ("The Japan-India Association", "1903", "1908", "year"),
    ("Trade between India and Japan", "21.96", "43.92", "number"),
    ("Dharma Guardian is", "Japan", "France", "entity"),
    ("Economic Affairs Secretary", "Ajay Seth", "Don Farrell", "person"),
])
def test_one_changed_element_is_provably_false(kb: knowledge.KnowledgeBase, start: str, old: str, new: str,
                                               change: str) -> None:
    bullet = _bullet(kb, start)
    text = kb.texts[bullet]
    assert evaluate(kb, text, [bullet]).truth is True
    verdict = evaluate(kb, text.replace(old, new), [bullet])
    assert verdict.truth is False and verdict.change == change and verdict.stored == text
    assert old in verdict.reason and new in verdict.reason


def test_an_office_the_new_person_held_is_not_false(kb: knowledge.KnowledgeBase) -> None:
    """Shinzo Abe is stored as a former Prime Minister, so naming him Prime Minister could be true: unverifiable.
    Don Farrell holds no such office in the store, so the same swap to him is false."""
    bullet = _bullet(kb, "Prime Minister Anthony Albanese")
    text = kb.texts[bullet]
    assert evaluate(kb, text.replace("Anthony Albanese", "Shinzo Abe"), [bullet]).truth is None
    assert evaluate(kb, text.replace("Anthony Albanese", "Don Farrell"), [bullet]).truth is False


def test_unrelated_or_doubly_changed_text_is_unverifiable(kb: knowledge.KnowledgeBase) -> None:
    bullet = _bullet(kb, "The Japan-India Association")
    assert evaluate(kb, "Pluto was reclassified as a dwarf planet.", [bullet]).truth is None
    twice = kb.texts[bullet].replace("1903", "1908").replace("oldest", "newest")
    assert evaluate(kb, twice, [bullet]).truth is None


def test_acronym_statements(kb: knowledge.KnowledgeBase) -> None:
    bullet = _bullet(kb, "Japan has joined")
    assert evaluate(kb, acronym_statement("ISA", "International Solar Alliance"), [bullet]).truth is True
    false = evaluate(kb, acronym_statement("ISA", "Coalition for Disaster Resilient Infrastructure"), [bullet])
    assert false.truth is False and "CDRI" in false.reason
    assert evaluate(kb, acronym_statement("ISA", "Indian Space Agency"), [bullet]).truth is None


def _years_tried(kb: knowledge.KnowledgeBase, bullet: int) -> set[str]:
    sentence = kb.sentences(bullet)[0]
    found: set[str] = set()
    for seed in range(60):
        for variant in false_variants(kb, sentence, random.Random(seed), limit=3, published_year=2024):
            if variant.change == "year":
                found.add(variant.new)
    return found


def test_a_year_the_store_records_for_the_subject_is_never_used(handmade_url: str, tmp_path: Path) -> None:
    """India and France became partners in 1998. Once another bullet ties India and France to 1996,
    "… partners in 1996" could be true, so it must never be offered as the false version."""
    copy = tmp_path / "kb.db"
    shutil.copy(handmade_url.removeprefix("sqlite:///"), copy)
    store = Store(f"sqlite:///{copy}")
    with store.session() as session:
        before = knowledge.load(session, None)
    bullet = _bullet(before, "India and France became strategic partners")
    assert "1996" in _years_tried(before, bullet)
    extra = {"uri": "tests/quiz/extra.txt", "title": "India and France sign a pact", "published": "2024-01-01",
             "sections": [{"heading": None, "role": "news",
                           "bullets": ["India and France signed a defence pact in 1996."]}],
             "entities": [{"text": "India", "type": "country"}, {"text": "France", "type": "country"}],
             "dates": [{"text": "1996", "value": "1996"}]}
    handmade.save_all(store, [extra])
    with store.session() as session:
        after = knowledge.load(session, None)
    tried = _years_tried(after, bullet)
    assert tried and "1996" not in tried
    store.close()


def test_only_the_year_something_began_is_moved() -> None:
    from gistbook.quiz.kb import Mark, Sentence
    from gistbook.quiz.mutate import _other_years

    def moved(text: str, year: str) -> list[str]:
        at = text.index(year)
        sentence = Sentence(bullet_id=1, text=text, marks=[Mark("year", at, at + len(year), year)])
        return _other_years(sentence, sentence.marks[0], random.Random(1), 2026)

    assert moved("The International Solar Alliance was launched in 2015 at Paris.", "2015")
    assert moved("India and France became strategic partners in 1998.", "1998")
    assert not moved("The Joint Working Group on Counter Terrorism met in New Delhi in 2025.", "2025")
    assert moved("Chandrayaan-3 was launched on July 14, 2023, from Sriharikota.", "July 14, 2023")
    assert not moved("The Economic Survey 2023-24 projected growth of 6.5-7% for 2024-25.", "2024-25")


def test_a_changed_number_keeps_its_article_and_its_direction() -> None:
    from gistbook.quiz.kb import Mark, Sentence
    from gistbook.quiz.mutate import _agreeing, replacements

    assert _agreeing("It rose by an ", "20%") + "20%" == "It rose by a 20%"
    assert _agreeing("It rose by a ", "80%") + "80%" == "It rose by an 80%"
    assert _agreeing("It has a ", "11-member") == "It has an "
    text = "Registrations increased from 19,026 in 2024 to 20,938 in 2025 on the portal, with ₹5,000 crore spent."
    for figure in ("19,026", "20,938"):
        at = text.index(figure)
        mark = Mark("figure", at, at + len(figure), figure, type="INR")
        assert replacements(None, Sentence(1, text, [mark]), mark, random.Random(1), 2026) == []  # type: ignore[arg-type]

"""Undo of the last rating, the interval each rating button previews (from FSRS itself), and the cloze blank
chosen for what an exam asks rather than a word the sentence gives away."""

from __future__ import annotations

import datetime as dt

import fsrs
import pytest
from sqlalchemy import func, select

from gistbook import review
from gistbook.quiz.kb import KnowledgeBase, Material
from gistbook.review.cards import cloze_of
from gistbook.review.scheduler import interval_label, preview_intervals
from gistbook.store import Store, models

T0 = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.UTC)
SCHED = review.make_scheduler(fuzz=False)


def test_undo_restores_the_card_and_removes_the_log(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        first = review.next_card(session, now=T0)
        assert first is not None
        card_id = first["id"]
        snapshots = []
        moment = T0
        for rating in (3, 3, 4):
            row = session.get(models.Card, card_id)
            snapshots.append((dict(row.fsrs), row.state, review.scheduler.utc(row.due)))
            review.rate(session, card_id, rating, now=moment, scheduler=SCHED)
            moment += dt.timedelta(days=1)
        for expected in reversed(snapshots):  # each undo takes back the rating before the last one undone
            undone = review.undo_last(session)
            row = session.get(models.Card, card_id)
            assert (dict(row.fsrs), row.state, review.scheduler.utc(row.due)) == expected
            assert undone["id"] == card_id
        assert session.scalar(select(func.count(models.ReviewLog.id))) == 0
        assert row.state == 0 and row.fsrs == {}
        with pytest.raises(review.ReviewError, match="no rating to undo"):
            review.undo_last(session)


def test_undo_takes_back_only_the_learners_own_rating(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        ana = models.User(name="ana", role="learner")
        session.add(ana)
        session.flush()
        review.cards_from_facts(session, now=T0)
        review.cards_from_facts(session, user_id=ana.id, now=T0)
        mine = review.next_card(session, now=T0)
        hers = review.next_card(session, user_id=ana.id, now=T0)
        review.rate(session, mine["id"], 3, now=T0, scheduler=SCHED)  # type: ignore[index]
        review.rate(session, hers["id"], 1, ana.id, now=T0 + dt.timedelta(minutes=1),  # type: ignore[index]
                    scheduler=SCHED)
        assert review.undo_last(session)["id"] == mine["id"]  # type: ignore[index]  # not ana's later rating
        assert session.get(models.Card, hers["id"]).state == 1  # type: ignore[index]
        with pytest.raises(review.ReviewError):
            review.undo_last(session)
        assert review.undo_last(session, ana.id)["undone_rating"] == 1


def test_interval_previews_are_what_each_rating_then_gives(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        card = review.next_card(session, now=T0)
        assert card is not None
        moment = T0
        for step, rating in enumerate((3, 3, 2)):
            row = session.get(models.Card, card["id"])
            preview = preview_intervals(row, moment, SCHED)
            assert set(preview) == {1, 2, 3, 4}
            assert preview[1] < preview[3] < preview[4] and preview[2] <= preview[3]
            if step == 0:  # a new card: FSRS's own learning steps
                assert [interval_label(preview[r]) for r in (1, 2, 3)] == ["1m", "6m", "10m"]
            result = review.rate(session, card["id"], rating, now=moment, scheduler=SCHED)
            assert dt.datetime.fromisoformat(result["due"]) - moment == preview[rating]
            moment = dt.datetime.fromisoformat(result["due"])


def test_interval_labels() -> None:
    labels = [interval_label(dt.timedelta(seconds=s)) for s in (20, 600, 3 * 3600, 3 * 86400, 65 * 86400,
                                                                 500 * 86400)]
    assert labels == ["1m", "10m", "3h", "3d", "2.2mo", "1.4y"]


def _kb(text: str, marks: list[tuple[str, str, str]]) -> KnowledgeBase:
    """One bullet with its marks: (kind, phrase, type) where kind is entity or year."""
    kb = KnowledgeBase()
    kb.texts[1] = text
    mat = Material(1, 1, "news", None, 0)
    for kind, phrase, type_ in marks:
        start = text.index(phrase)
        if kind == "year":
            mat.timex.append((start, start + len(phrase), "DATE", phrase[-4:]))
        else:
            mat.mentions.append((start, start + len(phrase), phrase, type_, None, None))
    kb.material[1] = mat
    return kb


def test_cloze_never_blanks_a_country_the_sentence_names_again() -> None:
    text = "India and Japan held the second India-Japan Finance Dialogue in Tokyo."
    kb = _kb(text, [("entity", "India", "country"), ("entity", "Japan", "country"), ("entity", "Tokyo", "place")])
    front, answer = cloze_of(kb, 1)  # type: ignore[misc]
    assert answer == "Tokyo" and "Japan" in front


def test_cloze_prefers_a_date_or_term_to_a_country() -> None:
    kb = _kb("Japan and India signed the Peace Treaty on April 28, 1952.",
             [("entity", "Japan", "country"), ("entity", "Peace Treaty", "agreement"), ("year", "April 28, 1952", "")])
    assert cloze_of(kb, 1) == ("Japan and India signed the Peace Treaty on ______.", "April 28, 1952")
    kb = _kb("Japan joined the Quad Vaccine Partnership with India.",
             [("entity", "Japan", "country"), ("entity", "Quad Vaccine Partnership", "initiative")])
    assert cloze_of(kb, 1)[1] == "Quad Vaccine Partnership"  # type: ignore[index]
    kb = _kb("India and Japan met.", [("entity", "India", "country"), ("entity", "Japan", "country")])
    assert cloze_of(kb, 1) == ("India and ______ met.", "Japan")  # nothing better: the country is still a card


def test_cloze_picks_the_more_exam_worthy_sentence() -> None:
    text = "The delegates attended a session in Tokyo. The Act was enacted in 2016 under the Ministry."
    kb = _kb(text, [("entity", "Tokyo", "place"), ("year", "in 2016", "")])
    assert cloze_of(kb, 1)[1] == "in 2016"  # type: ignore[index]


def test_fsrs_card_copy_leaves_the_row_untouched(any_store: Store) -> None:
    with any_store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        card = review.next_card(session, now=T0)
        review.rate(session, card["id"], 3, now=T0, scheduler=SCHED)  # type: ignore[index]
        row = session.get(models.Card, card["id"])  # type: ignore[index]
        before = dict(row.fsrs)
        preview_intervals(row, T0 + dt.timedelta(minutes=10))
        assert row.fsrs == before and fsrs.Card.from_dict(row.fsrs).card_id == card["id"]  # type: ignore[index,arg-type]

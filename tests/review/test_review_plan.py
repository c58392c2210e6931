"""The exam planner and revision statistics, with a fixed clock and fuzzing off."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from gistbook import review
from gistbook.review.weights import PYQ_GS_SUBJECTS, syllabus_weight
from gistbook.store import Store, models

T0 = dt.datetime(2024, 9, 11, 8, 0, tzinfo=dt.UTC)
EXAM = dt.date(2025, 5, 25)
SCHED = review.make_scheduler(fuzz=False)
PYQ = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "upsc-prelims-pyq.csv"


def _study(store: Store, ratings: dict[int, list[int]]) -> None:
    """Review the first cards with the given ratings, one day apart."""
    with store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        ids = list(session.scalars(select(models.Card.id).order_by(models.Card.id)))
        for index, seq in ratings.items():
            moment = T0
            for rating in seq:
                result = review.rate(session, ids[index], rating, now=moment, scheduler=SCHED)
                moment = max(moment + dt.timedelta(days=1), dt.datetime.fromisoformat(result["due"]))


def test_plan_ranks_by_recall_on_the_exam_and_weight(store: Store) -> None:
    _study(store, {0: [3, 3, 3, 3, 3], 1: [1, 1, 2]})
    with store.sessions.begin() as session:
        rows = list(session.scalars(select(models.Card).order_by(models.Card.id)))
        rows[2].syllabus = "GS3: Economy"  # a heavier area than International Relations
        rows[3].syllabus = "GS1: Art and Culture"
    with store.session() as session:
        p = review.plan(session, EXAM, now=T0 + dt.timedelta(days=30))
    ranked = p["ranked"]
    assert [r["priority"] for r in ranked] == sorted((r["priority"] for r in ranked), reverse=True)
    by_id = {r["card_id"]: r for r in ranked}
    well, weak = by_id[rows[0].id], by_id[rows[1].id]
    assert 0 < weak["recall_on_exam"] < well["recall_on_exam"] < 1
    assert ranked[0]["card_id"] == rows[2].id  # new, in the heaviest area
    assert by_id[rows[3].id]["priority"] < by_id[rows[4].id]["priority"]  # lighter area, both new
    assert p["new"] == p["cards"] - 2 and p["days_left"] == (EXAM - (T0 + dt.timedelta(days=30)).date()).days
    assert p["new_per_day"] >= 1 and p["cards_per_day"] >= p["new_per_day"]
    assert set(p["by_syllabus"]) >= {"GS3: Economy", "GS2: International Relations"}
    with pytest.raises(review.ReviewError, match="not in the future"):
        review.plan(session, dt.date(2024, 1, 1), now=T0)


def test_next_card_for_the_exam_takes_the_heaviest_area(store: Store) -> None:
    with store.sessions.begin() as session:
        review.cards_from_facts(session, now=T0)
        last = session.scalars(select(models.Card).order_by(models.Card.id.desc())).first()
        assert last is not None
        last.syllabus = "GS3: Economy"
    with store.session() as session:
        assert review.next_card(session, now=T0, exam_date=EXAM)["id"] == last.id


def test_stats_report_retention_forecast_and_coverage(store: Store) -> None:
    _study(store, {0: [3, 3, 1, 3], 1: [3, 4], 2: [3]})
    with store.session() as session:
        s = review.stats(session, now=T0 + dt.timedelta(days=5))
    assert s["reviews"] == 7
    assert s["retention"] == pytest.approx(3 / 4)  # recall reviews: 3, 1, 3 of card 0 and 4 of card 1
    assert s["by_state"]["new"] == s["cards"] - 3
    assert s["coverage"] == pytest.approx(3 / s["cards"], abs=1e-3)
    assert len(s["due_forecast"]) == 14 and sum(d["due"] for d in s["due_forecast"]) <= 3
    area = s["by_syllabus"]["GS2: International Relations"]
    assert area["studied"] == 3 and area["retention"] == pytest.approx(0.75)
    assert 0 < area["mean_recall_now"] <= 1


def test_syllabus_weights_come_from_the_real_questions() -> None:
    with PYQ.open(encoding="utf-8") as fh:
        counts = Counter(row["Subject"] for row in csv.DictReader(fh) if row["Paper"] == "GS1")
    assert dict(counts) == PYQ_GS_SUBJECTS
    assert syllabus_weight("GS3: Economy") == 1.0
    assert syllabus_weight("GS2: International Relations") < syllabus_weight("GS3: Economy")
    assert syllabus_weight(None) == syllabus_weight("Something else")

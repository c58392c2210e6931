"""Plan backwards from the exam date: what will be forgotten by then, in which syllabus areas, and how many
cards a day will cover everything in time."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlalchemy.orm import Session

from gistbook.review.scheduler import ReviewError, Scheduled, make_scheduler, retrievability, utc
from gistbook.review.weights import syllabus_weight
from gistbook.store.cards import all_cards, due_cards, new_cards

TARGET_RECALL = 0.9
REVIEWS_PER_NEW = 4  # reviews an FSRS card typically needs before its stability passes a month
REVIEWS_PER_AT_RISK = 2
RANKED = 50
CANDIDATES = 5000


def exam_moment(exam_date: dt.date) -> dt.datetime:
    """The exam's morning, in UTC (papers start at 09:30 IST)."""
    return dt.datetime(exam_date.year, exam_date.month, exam_date.day, 4, 0, tzinfo=dt.UTC)


def priority(recall: float, weight: float) -> float:
    """What studying a card is worth now: how much of it will be lost by the exam, times its syllabus weight."""
    return weight * (1.0 - recall)


def plan(session: Session, exam_date: dt.date, user_id: int | None = None,
         now: dt.datetime | None = None) -> dict[str, Any]:
    """Rank this learner's cards by predicted recall on the exam date and syllabus weight; say cards/day needed."""
    moment = utc(now)
    exam = exam_moment(exam_date)
    if exam <= moment:
        raise ReviewError(f"the exam date {exam_date.isoformat()} is not in the future")
    days_left = max(1, (exam_date - moment.date()).days)
    scheduler = make_scheduler(fuzz=False)
    ranked: list[dict[str, Any]] = []
    by_area: dict[str, dict[str, float]] = {}
    new = at_risk = due_now = 0
    for row in all_cards(session, user_id):
        recall = retrievability(scheduler, row, exam)
        weight = syllabus_weight(row.syllabus)
        if row.state == 0:
            new += 1
        elif recall < TARGET_RECALL:
            at_risk += 1
        if row.state != 0 and utc(row.due) <= moment:
            due_now += 1
        area = by_area.setdefault(row.syllabus or "untagged", {"cards": 0, "weight": weight, "recall_sum": 0.0})
        area["cards"] += 1
        area["recall_sum"] += recall
        ranked.append({"card_id": row.id, "front": row.front, "syllabus": row.syllabus, "state": row.state,
                       "recall_on_exam": round(recall, 3), "weight": round(weight, 3),
                       "priority": round(priority(recall, weight), 4)})
    ranked.sort(key=lambda r: (-r["priority"], r["card_id"]))
    workload = new * REVIEWS_PER_NEW + at_risk * REVIEWS_PER_AT_RISK
    total = len(ranked)
    return {
        "exam_date": exam_date.isoformat(), "days_left": days_left, "cards": total, "new": new,
        "at_risk": at_risk, "safe": total - new - at_risk, "due_now": due_now,
        "predicted_recall_on_exam": round(sum(r["recall_on_exam"] for r in ranked) / total, 3) if total else None,
        "new_per_day": math.ceil(new / days_left), "cards_per_day": math.ceil(workload / days_left),
        "by_syllabus": {tag: {"cards": int(a["cards"]), "weight": round(a["weight"], 3),
                              "mean_recall_on_exam": round(a["recall_sum"] / a["cards"], 3)}
                        for tag, a in sorted(by_area.items(), key=lambda kv: -kv[1]["weight"])},
        "ranked": ranked[:RANKED],
    }


def best_due_for_exam(session: Session, user_id: int | None, now: dt.datetime, exam_date: dt.date,
                      include_new: bool, due_states: tuple[int, ...] = (1, 2, 3)) -> Scheduled | None:
    """The due card worth most for the exam; else the new card in the heaviest syllabus area."""
    scheduler = make_scheduler(fuzz=False)
    exam = exam_moment(exam_date)
    due = due_cards(session, user_id, due_states, now, CANDIDATES) if due_states else []
    if due:
        return max(due, key=lambda r: (priority(retrievability(scheduler, r, exam), syllabus_weight(r.syllabus)),
                                       -r.id))
    if not include_new:
        return None
    fresh = new_cards(session, user_id, CANDIDATES)
    return max(fresh, key=lambda r: (syllabus_weight(r.syllabus), -r.id)) if fresh else None

"""Revision statistics for one learner: retention, the due forecast, coverage and retention by syllabus area."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from gistbook.review.daily import day_bounds, learner_date, today
from gistbook.review.scheduler import STATE_NAMES, make_scheduler, retrievability, utc
from gistbook.store.cards import all_cards
from gistbook.store.reviews import history

FORECAST_DAYS = 14
RECENT_DAYS = 30


def gs_papers() -> list[str]:
    """The GS papers of the syllabus tree (GS1–GS4), each shown on Stats even with no card in it."""
    from gistbook.extract.syllabus import syllabus_nodes

    return sorted({node.tag.split(":")[0] for node in syllabus_nodes()})


def stats(session: Session, user_id: int | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """{"cards", "by_state", "reviews", "retention", "due_today", "today", "due_forecast", "coverage",
    "by_syllabus", "by_paper"}.

    Retention is the share of recall reviews (every review after a card's first) not rated Again, over the
    last 30 days: first looks at new cards say nothing about memory, so it stays None until a studied card is
    rated again (`retention_from` says when one falls due). Coverage is the share of cards studied at least
    once. "Due" is review.daily.today's count, the same as the Review page's.
    """
    moment = utc(now)
    queue = today(session, user_id, moment)
    _start, day_end = day_bounds(moment)
    scheduler = make_scheduler(fuzz=False)
    logs = history(session, user_id)
    seen: set[int] = set()
    recall_by_card: dict[int, list[bool]] = defaultdict(list)
    since = moment - dt.timedelta(days=RECENT_DAYS)
    for card_id, rating, reviewed in logs:
        if card_id in seen and utc(reviewed) >= since:
            recall_by_card[card_id].append(rating > 1)
        seen.add(card_id)
    by_state = {name: 0 for name in STATE_NAMES.values()}
    forecast = [0] * FORECAST_DAYS
    areas: dict[str, dict[str, Any]] = {}
    first_day = learner_date(moment)
    next_recall: dt.datetime | None = None
    for row in all_cards(session, user_id):
        by_state[STATE_NAMES.get(row.state, "new")] += 1
        area = areas.setdefault(row.syllabus or "untagged",
                                {"cards": 0, "studied": 0, "recalls": 0, "recall_reviews": 0, "recall_sum": 0.0})
        area["cards"] += 1
        if row.state == 0:
            continue
        area["studied"] += 1
        area["recall_sum"] += retrievability(scheduler, row, moment)
        outcomes = recall_by_card.get(row.id, [])
        area["recalls"] += sum(outcomes)
        area["recall_reviews"] += len(outcomes)
        due = utc(row.due)
        next_recall = due if next_recall is None or due < next_recall else next_recall
        offset = 0 if due < day_end else (due - day_end).days + 1  # day 0 is the rest of the learner's day
        if offset < FORECAST_DAYS:
            forecast[offset] += 1
    total = sum(by_state.values())
    studied = total - by_state["new"]
    recalls = sum(a["recalls"] for a in areas.values())
    recall_reviews = sum(a["recall_reviews"] for a in areas.values())
    return {
        "cards": total, "by_state": by_state, "reviews": len(logs),
        "reviews_last_30_days": sum(1 for _c, _r, when in logs if utc(when) >= since),
        "retention": round(recalls / recall_reviews, 3) if recall_reviews else None,
        "recall_reviews": recall_reviews,
        "retention_from": utc(next_recall).isoformat() if not recall_reviews and next_recall else None,
        "due_today": queue.reviews_due,
        "today": queue.to_dict(),
        "due_forecast": [{"date": (first_day + dt.timedelta(days=i)).isoformat(), "due": n}
                         for i, n in enumerate(forecast)],
        "coverage": round(studied / total, 3) if total else 0.0,
        "by_syllabus": {tag: {"cards": a["cards"], "studied": a["studied"],
                              "coverage": round(a["studied"] / a["cards"], 3),
                              "retention": (round(a["recalls"] / a["recall_reviews"], 3)
                                            if a["recall_reviews"] else None),
                              "mean_recall_now": round(a["recall_sum"] / a["studied"], 3) if a["studied"] else None}
                        for tag, a in sorted(areas.items())},
        "by_paper": _by_paper(areas),
    }


def _by_paper(areas: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Coverage and retention per GS paper, every paper listed (0% where no card is studied), then "untagged"."""
    papers: dict[str, dict[str, Any]] = {p: {"cards": 0, "studied": 0, "recalls": 0, "recall_reviews": 0}
                                         for p in gs_papers()}
    for tag, area in areas.items():
        paper = tag.split(":")[0].strip() if tag.startswith("GS") else "untagged"
        into = papers.setdefault(paper, {"cards": 0, "studied": 0, "recalls": 0, "recall_reviews": 0})
        for key in into:
            into[key] += area[key]
    return {p: {"cards": a["cards"], "studied": a["studied"],
                "coverage": round(a["studied"] / a["cards"], 3) if a["cards"] else 0.0,
                "retention": round(a["recalls"] / a["recall_reviews"], 3) if a["recall_reviews"] else None}
            for p, a in papers.items() if a["cards"] or p != "untagged"}

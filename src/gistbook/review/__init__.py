"""Spaced repetition with FSRS per learner, planned back from the exam date, with revision statistics."""

from gistbook.review.cards import card_from_note, cards_from_facts, cards_from_questions, make_fact_cards
from gistbook.review.daily import next_card_today, today
from gistbook.review.plan import plan
from gistbook.review.scheduler import (
    ReviewError,
    get_card,
    make_scheduler,
    next_card,
    preview_intervals,
    rate,
    undo_last,
)
from gistbook.review.stats import stats

__all__ = ["ReviewError", "card_from_note", "cards_from_facts", "cards_from_questions", "get_card",
           "make_fact_cards", "make_scheduler", "next_card", "next_card_today", "plan", "preview_intervals", "rate",
           "stats", "today", "undo_last"]

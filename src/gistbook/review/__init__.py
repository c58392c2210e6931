"""Spaced repetition with FSRS per learner, planned back from the exam date, with revision statistics."""

from gistbook.review.cards import card_from_note, cards_from_facts, cards_from_questions
from gistbook.review.plan import plan
from gistbook.review.scheduler import ReviewError, get_card, make_scheduler, next_card, rate
from gistbook.review.stats import stats

__all__ = ["ReviewError", "card_from_note", "cards_from_facts", "cards_from_questions", "get_card",
           "make_scheduler", "next_card", "plan", "rate", "stats"]

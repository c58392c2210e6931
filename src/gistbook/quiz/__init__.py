"""Question generators (a registry of versioned generators) and the answer-key checks behind them."""

from gistbook.quiz.registry import GENERATORS, KINDS, generators_for, register
from gistbook.quiz.service import (
    QuizError,
    check_answer,
    generate,
    get_question,
    normalise_kinds,
    verify_stored,
)
from gistbook.quiz.verify import verify

__all__ = ["GENERATORS", "KINDS", "QuizError", "check_answer", "generate", "generators_for", "get_question",
           "normalise_kinds", "register", "verify", "verify_stored"]

"""UPSC prelims marking for a mock test: +2 for a right answer, a third of that off for a wrong one, 0 for a blank.

Mains questions are not machine-scored: they are counted apart and the learner rates their own outline later.
Marks are kept as exact thirds (Fraction) and rounded only for display, so 5 right and 2 wrong is 26/3, not 8.66.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

RIGHT_MARKS = Fraction(2)
WRONG_MARKS = -RIGHT_MARKS / 3
BLANK_MARKS = Fraction(0)
OUTCOMES = ("right", "wrong", "blank", "mains")
SELF_RATINGS = {"covered": "Covered the outline", "partly": "Partly covered", "missed": "Missed most of it"}


def outcome_of(kind: str, correct: bool | None, given: str | None) -> str:
    """right, wrong, blank or mains for one checked answer; an answer that names no option is a blank."""
    if kind == "mains":
        return "mains"
    if correct:
        return "right"
    return "wrong" if given else "blank"


def marks_of(outcome: str) -> Fraction:
    return {"right": RIGHT_MARKS, "wrong": WRONG_MARKS}.get(outcome, BLANK_MARKS)


def show_marks(value: float | Fraction, *, signed: bool = False) -> str:
    """8.666… → '8.67'; whole numbers lose the decimals ('10', not '10.00'); a minus sign, not a hyphen."""
    rounded = round(float(value), 2)
    text = f"{abs(rounded):g}" if rounded == int(rounded) else f"{abs(rounded):.2f}"
    if rounded < 0:
        return "\u2212" + text
    return ("+" + text) if signed and rounded > 0 else text


@dataclass
class Marking:
    """The tally of one mock: counts per outcome and the marks, exact."""

    right: int = 0
    wrong: int = 0
    blank: int = 0
    mains: int = 0
    marks: Fraction = field(default_factory=Fraction)

    @property
    def scored(self) -> int:
        """Questions that carry marks (every prelims question, answered or not)."""
        return self.right + self.wrong + self.blank

    @property
    def max_marks(self) -> Fraction:
        return RIGHT_MARKS * self.scored

    @property
    def share(self) -> float | None:
        """Marks as a share of the maximum (negative when wrong answers outweigh right ones)."""
        return float(self.marks / self.max_marks) if self.scored else None

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "wrong": self.wrong, "blank": self.blank, "mains": self.mains,
                "marks": round(float(self.marks), 4), "max_marks": float(self.max_marks),
                "share": None if self.share is None else round(self.share, 4)}


def tally(outcomes: Iterable[str]) -> Marking:
    """Count outcomes and add up their marks."""
    marking = Marking()
    for outcome in outcomes:
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")
        setattr(marking, outcome, getattr(marking, outcome) + 1)
        marking.marks += marks_of(outcome)
    return marking

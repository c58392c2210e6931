"""The stems and option sets of real UPSC prelims questions, and how to read an option back as an answer.

Every set here occurs in reference/upsc-prelims-pyq.csv (tests/quiz/test_patterns.py checks that);
generators only choose among them, so a generated question looks like a real one.
"""

from __future__ import annotations

import re

Options = tuple[str, ...]

CODES_2: list[Options] = [("1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2")]
CODES_3: list[Options] = [
    ("1 only", "2 and 3 only", "1 and 3 only", "1, 2 and 3"),
    ("1 and 2 only", "2 and 3 only", "1 and 3 only", "1, 2 and 3"),
    ("1 and 2 only", "3 only", "2 and 3 only", "1, 2 and 3"),
    ("1 and 2 only", "2 only", "1 and 3 only", "1, 2 and 3"),
    ("1 only", "1 and 2 only", "2 and 3 only", "1, 2 and 3"),
    ("1 and 2 only", "3 only", "1 and 3 only", "1, 2 and 3"),
    ("1 and 2 only", "2 and 3 only", "3 only", "1, 2 and 3"),
    ("1 only", "1 and 2 only", "3 only", "1, 2 and 3"),
    ("1 and 3 only", "2 only", "2 and 3 only", "1, 2 and 3"),
    ("1 only", "2 and 3 only", "3 only", "1, 2 and 3"),
    ("1 and 2 only", "2 only", "3 only", "1, 2 and 3"),
]
HOW_MANY_3: Options = ("Only one", "Only two", "All three", "None")
HOW_MANY_4: Options = ("Only one", "Only two", "Only three", "All four")
HOW_MANY_PAIRS_3: Options = ("Only one pair", "Only two pairs", "All three pairs", "None of the pairs")
HOW_MANY_PAIRS_4: Options = ("Only one pair", "Only two pairs", "Only three pairs", "All four pairs")

LEAD_STATEMENTS = "Consider the following statements:"
LEAD_STATEMENTS_TOPIC = "With reference to {topic}, consider the following statements:"
LEAD_STATEMENT = "Consider the following statement:"
LEAD_STATEMENT_TOPIC = "With reference to {topic}, consider the following statement:"
LEAD_PAIRS = "Consider the following pairs:"
LEAD_PAIRS_TOPIC = "With reference to {topic}, consider the following pairs:"
LEAD_EVENTS = "Consider the following events:"
CLOSE_STATEMENTS = ("Which of the statements given above is/are correct?",
                    "Which of the above statements is/are correct?")
CLOSE_HOW_MANY = ("How many of the above statements are correct?",
                  "How many of the statements given above are correct?")
CLOSE_PAIRS = ("Which of the pairs given above is/are correctly matched?",
               "Which of the above pairs is/are correctly matched?")
CLOSE_HOW_MANY_PAIRS = ("How many of the above pairs are correctly matched?",
                        "How many pairs given above are correctly matched?")
CLOSE_CHRONOLOGY = ("Which of the following is the correct chronological sequence of the above events?",
                    "What is the correct chronological order of the above events, starting from the earliest time?")
# The reference has no fill-in-the-blank GS question; this close adapts its "fits into the blank part of the above
# matrix" wording to a statement.
CLOSE_CLOZE = ("Which one of the following fits into the blank part of the above statement?",)
BLANK = "______"

COUNT_WORDS = {"none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
LETTERS = "ABCD"


def code_set(option: str) -> frozenset[int] | None:
    """Statement numbers an option code selects ("1 and 3 only" → {1, 3}, "Neither 1 nor 2" → {}), else None."""
    text = option.strip().rstrip(".").casefold()
    if text.startswith("neither"):
        return frozenset()
    if text.startswith("both"):
        text = text[4:]
    numbers = re.findall(r"\d+", text)
    if not numbers or re.sub(r"[\d,\s]|and|only", "", text):
        return None
    return frozenset(int(n) for n in numbers)


def count_of(option: str) -> int | None:
    """How many an option says are correct ("Only two" → 2, "None of the pairs" → 0), else None."""
    words = option.strip().rstrip(".").casefold().split()
    if not words:
        return None
    if words[0] == "none":
        return 0
    if words[0] in ("only", "all") and len(words) >= 2:
        return COUNT_WORDS.get(words[1])
    return None


def sequence_of(option: str) -> list[int] | None:
    """The order a chronology option gives ("2 - 1 - 3" → [2, 1, 3]), else None."""
    parts = re.split(r"\s*[-–—]\s*", option.strip())
    if len(parts) < 3 or not all(p.isdigit() for p in parts):
        return None
    return [int(p) for p in parts]


def sequence_code(order: list[int]) -> str:
    return " - ".join(str(n) for n in order)


def option_for_set(options: Options, correct: frozenset[int]) -> int | None:
    """Index of the option whose code is exactly the set of correct statements."""
    for i, option in enumerate(options):
        if code_set(option) == correct:
            return i
    return None


def option_for_count(options: Options, count: int) -> int | None:
    for i, option in enumerate(options):
        if count_of(option) == count:
            return i
    return None


def progression(values: list[float], tolerance: float = 0.02) -> bool:
    """Options a test-wise candidate decodes: an arithmetic or geometric series, or wrong values that are
    simple multiples of one of them (94, 188, 282, 752 = 94 x 1, 2, 3, 8)."""
    nums = sorted(v for v in values if v > 0)
    if len(nums) < 3:
        return False
    steps = [b - a for a, b in zip(nums, nums[1:])]
    ratios = [b / a for a, b in zip(nums, nums[1:])]
    if max(steps) - min(steps) <= tolerance * max(steps) or max(ratios) - min(ratios) <= tolerance * max(ratios):
        return True
    for base in nums:
        multiples = sum(1 for v in nums if v != base and abs(v / base - round(v / base)) <= 0.005)
        if multiples >= 2:
            return True
    return False

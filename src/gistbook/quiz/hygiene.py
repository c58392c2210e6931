"""Option hygiene over many questions: where the key sits, duplicate options, the longest-option tell,
and true distractors (each measured, not assumed)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from gistbook.quiz.kb import KnowledgeBase
from gistbook.quiz.options import LETTERS, code_set, count_of, progression, sequence_of
from gistbook.quiz.text import NUMBER_IN_TEXT, parse_number
from gistbook.quiz.verify import verify

CHI2_3DOF_P001 = 16.27  # chi-square critical value, 3 degrees of freedom, p = 0.001


def hygiene(questions: list[dict[str, Any]], kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """Measures over the prelims questions (Mains has no options); with `kb`, each key is re-verified too."""
    mcq = [q for q in questions if q["options"]]
    positions = Counter(q["answer"] for q in mcq)
    n = len(mcq)
    expected = n / 4 if n else 0.0
    chi2 = sum((positions.get(letter, 0) - expected) ** 2 / expected for letter in LETTERS) if n else 0.0
    longest_hits = 0
    chance = 0.0
    duplicates = 0
    for q in mcq:
        lengths = [len(o) for o in q["options"]]
        top = max(lengths)
        longest_hits += lengths[LETTERS.index(q["answer"])] == top
        chance += lengths.count(top) / len(lengths)
        duplicates += len({o.casefold().strip() for o in q["options"]}) < len(q["options"])
    rate, chance_rate = (longest_hits / n, chance / n) if n else (0.0, 0.0)
    margin = 3 * math.sqrt(chance_rate * (1 - chance_rate) / n) if n else 0.0
    out: dict[str, Any] = {
        "questions": n, "positions": {letter: positions.get(letter, 0) for letter in LETTERS},
        "chi2": round(chi2, 2), "positions_uniform": chi2 < CHI2_3DOF_P001,
        "duplicate_option_questions": duplicates,
        "correct_is_longest_rate": round(rate, 3), "longest_by_chance_rate": round(chance_rate, 3),
        "longest_within_chance": rate <= chance_rate + margin,
        "distinct_option_kinds": sorted({_option_kind(q) for q in mcq}),
        "numeric_progressions": sum(1 for q in mcq if _option_kind(q) == "values" and _decodable(q["options"])),
    }
    if kb is not None:
        out["failed_verification"] = sum(1 for q in questions if verify(kb, q))
    return out


def _option_kind(q: dict[str, Any]) -> str:
    first = q["options"][0]
    if code_set(first) is not None:
        return "codes"
    if count_of(first) is not None:
        return "counts"
    if sequence_of(first) is not None:
        return "sequences"
    return "values"


def _decodable(options: list[str]) -> bool:
    """Numeric options in a progression or built as multiples of one value (options.progression)."""
    values = []
    for option in options:
        found = NUMBER_IN_TEXT.search(option)
        value = parse_number(found.group(0)) if found else None
        if value is None:
            return False
        values.append(value)
    return progression(values)

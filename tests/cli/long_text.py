"""Texts too long to read, shared by the CLI and API tests."""

from __future__ import annotations

import random

WORDS = ["India", "Japan", "signed", "the", "agreement", "on", "trade", "and", "investment", "during", "summit", "in",
         "Tokyo"]
LIMIT_WORDS = "over the 100,000-character limit for one bullet"


def one_long_line(chars: int, seed: int = 5) -> str:
    """Words with no sentence end and no line break, `chars` characters long."""
    rnd = random.Random(seed)
    text = ""
    while len(text) < chars:
        text += " " + " ".join(rnd.choice(WORDS) for _ in range(1000))
    return text[1:chars + 1].rstrip()

"""Numbers as Indian and international news write them: digits with Indian grouping, number words, scale words."""

from __future__ import annotations

import re

# 1,20,000 / 21.96 / 1200 — Indian grouping (2-digit groups) is accepted next to the Western one.
NUMBER = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"

WORD_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "eleven", "hundred" — longest alternatives first so "seventeen" is not read as "seven".
NUMBER_WORD = (
    rf"(?:(?:{_TENS})[-\s](?:{_UNITS})|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    rf"nineteen|{_TENS}|ten|{_UNITS}|hundred)"
)

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "twenty-second": 22,
}

# Scale words, longest first: "lakh crore" must win over "lakh".
SCALES: list[tuple[str, float]] = [
    (r"lakhs?\s+crores?", 1e12),
    (r"lacs?\s+crores?", 1e12),
    (r"thousand\s+crores?", 1e10),
    (r"lakhs?", 1e5),
    (r"lacs?", 1e5),
    (r"crores?", 1e7),
    (r"cr\.?", 1e7),
    (r"trillions?", 1e12),
    (r"tn", 1e12),
    (r"billions?", 1e9),
    (r"bn", 1e9),
    (r"millions?", 1e6),
    (r"mn", 1e6),
    (r"thousands?", 1e3),
]
SCALE = "|".join(pattern for pattern, _ in SCALES)
_SCALE_RES = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), factor) for pattern, factor in SCALES]


def parse_number(token: str) -> float | None:
    """Digits (with any comma grouping) or a number word; None when it is neither."""
    token = token.strip()
    if not token:
        return None
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    words = re.split(r"[-\s]+", token.lower())
    if words in (["a"], ["an"]):
        return 1.0
    if words == ["half"]:
        return 0.5
    total = 0
    for word in words:
        if word not in WORD_NUMBERS:
            return None
        total += WORD_NUMBERS[word]
    return float(total)


def scale_factor(word: str | None) -> float:
    """Multiplier of a scale word ("crore" → 1e7); 1 when there is none."""
    if not word:
        return 1.0
    cleaned = " ".join(word.split())
    for pattern, factor in _SCALE_RES:
        if pattern.match(cleaned):
            return factor
    if cleaned in ("B", "b"):
        return 1e9
    if cleaned in ("M", "m"):
        return 1e6
    if cleaned in ("K", "k"):
        return 1e3
    return 1.0


def format_amount(value: float) -> str:
    """Compact number for TIMEX3 values: 10.0 → "10", 1.5 → "1.5"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"

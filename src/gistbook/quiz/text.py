"""Text helpers for questions: sentence spans, normalised comparison, tokens, number formatting."""

from __future__ import annotations

import re

from gistbook.text import STATEMENT_STOPWORDS as STOPWORDS
from gistbook.text import fold_statement as fold  # the quiz compares whole statements

ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "shri", "smt", "sh", "kum", "prof", "hon", "govt", "st", "jr", "sr", "vs", "ltd",
        "pvt", "co", "inc", "corp", "i.e", "e.g", "viz", "cf", "approx", "lt", "col", "gen", "maj", "capt", "brig",
        "adm", "cdr", "rev", "fig", "vol", "art", "sec", "dept", "rs", "no", "nos", "u.s", "u.k", "u.n", "a.m", "p.m",
        "mt", "messrs", "dy", "addl", "jt", "asst"
    ]
)
_STOP = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[A-Z0-9“\"‘'(])")
_INITIALS = re.compile(r"^(?:[a-z]\.)+[a-z]$")  # "J.F.R. Jacob": initials, not the end of a sentence
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?!\d|[.,]\d)")
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`; a stop after an abbreviation or an initial does not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _STOP.finditer(text):
        word = text[:match.start()].rsplit(" ", 1)[-1].lstrip("“\"‘'(").casefold()
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALS.match(word):
            continue
        end = match.end()
        piece = text[start:end].rstrip()
        if piece:
            spans.append((start, start + len(piece)))
        start = end
    tail = text[start:].rstrip()
    if tail.strip():
        lead = len(tail) - len(tail.lstrip())
        spans.append((start + lead, start + len(tail)))
    return spans


def tokens(text: str) -> list[str]:
    """Folded word, number and punctuation tokens, for one-element diffs."""
    return _TOKEN.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning (no stopwords, no short words), for support checks."""
    return [w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if len(w) > 3 and w not in STOPWORDS]


def tidy(text: str) -> str:
    """Collapse spaces and the stray punctuation left after cutting a phrase out of a sentence."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[,;:]\s*", "", text.strip())
    return text.strip()


def as_sentence(text: str) -> str:
    """Capitalised, with one closing full stop."""
    text = text.strip().rstrip(" ,;:")
    if not text:
        return text
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def format_like(original: str, value: float) -> str:
    """Write `value` the way `original` writes its number (decimals, thousands separators, number words)."""
    word = original.strip().casefold()
    if word in NUMBER_WORDS and float(value).is_integer() and 0 <= value < len(NUMBER_WORDS):
        out = NUMBER_WORDS[int(value)]
        return out.capitalize() if original[:1].isupper() else out
    decimals = len(original.split(".", 1)[1]) if "." in original else 0
    if "," in original:
        if "," not in original.split(".")[0]:
            return f"{value:.{decimals}f}"
        western = f"{value:,.{decimals}f}"
        # Indian grouping ("9,88,302", lakh and crore) stays Indian: a distractor grouped the Western way
        # ("1,482,453") would be spotted by its commas alone
        return _indian(western) if re.search(r"\d,\d\d,\d{3}", original) else western
    return f"{value:.{decimals}f}"


def _indian(western: str) -> str:
    """'1,482,453.5' written with Indian grouping: '14,82,453.5'."""
    whole, dot, frac = western.replace(",", "").partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join(([head] if head else []) + groups + [tail])
    return sign + whole + dot + frac


def parse_number(text: str) -> float | None:
    """The number a token writes ("21.96", "1,200", "six"), or None."""
    word = text.strip().casefold()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(word))
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


NUMBER_IN_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS[2:]) + r")\b", re.IGNORECASE)

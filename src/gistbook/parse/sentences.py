"""A rule-based sentence splitter tuned to Indian official English, fast enough for whole corpora.

A full stop ends a sentence only when whitespace and a sentence start (capital, digit,
opening quote or bracket, another script) follow it, and the word before it is not an
honorific, an abbreviation or an initial. Ellipses never end a sentence. Closing quotes
and brackets after the stop stay with the sentence they close.
"""

from __future__ import annotations

import re

from gistbook.parse.blocks import clean_text
from gistbook.text import SHORT_MONTHS

# Words that take a full stop but do not end a sentence (compared case-folded, without the stop).
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "shri", "smt", "sh", "kum", "km", "prof", "h.e", "hon", "hon'ble", "hon’ble", "govt",
    "gov", "st", "jr", "sr", "vs", "v", "ltd", "pvt", "co", "inc", "corp", "u.s", "u.k", "u.n", "u.s.a", "u.a.e",
    "i.e", "e.g", "viz", "cf", "approx", "lt", "col", "gen", "maj", "capt", "brig", "adm", "cdr", "cmde", "sgt",
    "rev", "fig", "figs", "vol", "ch", "art", "sec", "dept", "deptt", "est", "ref", "rs", "re", "a.m", "p.m", "mt",
    "ft", "m/s", "messrs", "ph.d", "b.tech", "m.tech", "dy", "addl", "jt", "asst", "pt", "tel", "ph", "mob", "u/s",
    "avg",
))
# Words that are abbreviations only when a number follows ("No. 5", "Jan. 26", "Para. 3").
BEFORE_NUMBER = frozenset((
    "no", "nos", "para", "paras", "sl", "s.no", "ch", *SHORT_MONTHS, "op", "pp", "p",
))
CANDIDATE = re.compile(r"(\.\.\.|…|[.!?।॥]+)([\"”’'\)\]]*)\s+(?=\S)")
OPENERS = "“\"‘'([{"
INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
LIST_NUMBER = re.compile(r"^\(?(?:[ivx]{1,5}|[IVX]{1,5}|[a-z])$")  # "ii." "IV." "b." number list items
# a reference such as "(Para 4.6)" or "(Annexure I)" after a sentence belongs to that sentence
REFERENCE = (r"\((?:para(?:graph)?s?|annex(?:ure)?|table|fig(?:ure)?|source|ref|rec(?:ommendation)?|section"
             r"|s\.?\s?no)\b[^()]{0,30}\)")
TRAILING_REFERENCE = re.compile(rf"^(?:\([^()]{{1,40}}\)\.?$|{REFERENCE}\.?\s+)", re.IGNORECASE)
LONG_BULLET_CHARS = 600
SHORTEST_PIECE = 20


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` in order, whitespace collapsed; a text without a sentence break is one sentence."""
    text = clean_text(text)
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in CANDIDATE.finditer(text):
        if _ends_sentence(text, match):
            _add(sentences, text[start:match.end()].strip())
            start = match.end()
    _add(sentences, text[start:].strip())
    return sentences


def _add(sentences: list[str], piece: str) -> None:
    """Append a sentence; a bare reference such as "(Para 4.6)" joins the sentence before it."""
    if not piece:
        return
    reference = TRAILING_REFERENCE.match(piece) if sentences else None
    if reference:
        sentences[-1] = f"{sentences[-1]} {reference.group(0).strip()}"
        piece = piece[reference.end():].strip()
    if piece:
        sentences.append(piece)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the stop in `match` closes a sentence, judged by the word before and the character after."""
    stop, closers = match.group(1), match.group(2)
    if stop in ("...", "…"):
        return False
    following = text[match.end()]
    if not (following.isupper() or following.isdigit() or following in OPENERS
            or (following.isalpha() and ord(following) > 0x24F)):
        return False
    if stop != "." or any(quote in closers for quote in "\"”’'"):
        return True
    word = text[text.rfind(" ", 0, match.start()) + 1:match.start()].lstrip(OPENERS)  # no copy of all before it
    folded = word.casefold()
    if folded in ABBREVIATIONS or INITIALS.match(word) or LIST_NUMBER.match(word):
        return False
    if folded in BEFORE_NUMBER:  # "No. 5", and "Notification No. F.4(2)-B/2018": a reference code holds a digit
        code = text[match.end():match.end() + 30].split(" ", 1)[0]
        return not any(c.isdigit() for c in code)
    return True


def split_long(text: str, limit: int = LONG_BULLET_CHARS) -> list[str]:
    """Cut an over-long bullet at semicolons, keeping pieces long enough to stand alone."""
    if len(text) <= limit or ";" not in text:
        return [text]
    pieces: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if pieces and len(part) < SHORTEST_PIECE:
            pieces[-1] = f"{pieces[-1]}; {part}"
        else:
            pieces.append(part)
    return pieces


def bullets_from_prose(text: str) -> list[str]:
    """One bullet per sentence, over-long sentences cut at semicolons."""
    return [piece for sentence in split_sentences(text) for piece in split_long(sentence)]

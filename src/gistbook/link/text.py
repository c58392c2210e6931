"""Word-level normalisation shared by fact dedup, topic matching and related-article scoring."""

from __future__ import annotations

import re
from functools import lru_cache

from gistbook.text import MONTH_ABBREVIATIONS, MONTH_NAMES, SHORT_MONTHS, STOPWORDS, fold

# Words that state the same thing in different wording; mapped to one stem so paraphrases align.
SYNONYMS: dict[str, str] = {
    "established": "found", "establish": "found", "founded": "found", "formed": "found", "created": "found",
    "instituted": "found", "launched": "launch", "inaugurated": "launch", "started": "launch", "begun": "launch",
    "signed": "sign", "inked": "sign", "concluded": "sign", "conclude": "sign",
    "became": "become", "effective": "effect", "entered": "enter", "commenced": "launch",
    "totalled": "total", "totaled": "total", "stood": "total", "amounted": "total", "aggregated": "total",
    "approximately": "about", "around": "about", "nearly": "about", "roughly": "about",
    "held": "hold", "conducted": "hold", "organised": "hold", "organized": "hold",
    "oldest": "old", "first-ever": "first", "maiden": "first", "biggest": "large", "largest": "large",
    "defence": "defense", "programme": "program", "organisation": "organization", "labour": "labor",
    "bn": "billion", "mn": "million", "cr": "crore",
    "us": "united_states", "usa": "united_states", "america": "united_states",
    "uk": "united_kingdom", "britain": "united_kingdom",
    "indian": "india", "japanese": "japan", "australian": "australia", "chinese": "china", "american": "united_states",
    "russian": "russia", "french": "france", "german": "germany", "british": "united_kingdom",
    **{short: MONTH_NAMES[MONTH_ABBREVIATIONS[short] - 1].lower() for short in SHORT_MONTHS},
}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_][^\W_]*(?:_[^\W_]+)*(?:['’][^\W\d_]+)?", re.UNICODE)
_FY = re.compile(r"\bfy(?=\d)")
_CARDINALS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
              "seventeen eighteen nineteen twenty")
_ORDINALS = "zeroth first second third fourth fifth sixth seventh eighth ninth tenth"
NUMBER_WORDS: dict[str, str] = {w: str(i) for i, w in enumerate(_CARDINALS.split())}
NUMBER_WORDS.update({w: f"{i}th" for i, w in enumerate(_ORDINALS.split())})
# Phrases that say the same thing; rewritten before tokenising so paraphrases share terms.
PHRASES: list[tuple[str, str]] = [
    (r"\b(?:came|come|comes|coming|entered|enter|enters|brought|went) into (?:force|effect)\b", " in_force "),
    (r"\btook effect\b|\bbecame effective\b|\bwith effect\b", " in_force "),
    (r"\b(?:rolled|rolls|roll) out\b|\bintroduced\b|\bunveiled\b", " launch "),
    (r"\bset up\b|\bsets up\b", " found "),
    (r"\btook part\b|\btakes part\b|\bparticipat\w*", " participate "),
    (r"\b(?:upgraded|elevated|raised)\b", " elevate "),
    (r"\bper cent\b|\bpercent\b", " pct "),
    (r"\b(?:the )?(?:two|both) (?:sides|countries|nations|governments)\b", " both_sides "),
    (r"\bunited states(?: of america)?\b|\bu\.s\.a?\b", " united_states "),
    (r"\bunited kingdom\b|\bu\.k\.", " united_kingdom "),
]
_PHRASE_ONE = re.compile("|".join(f"(?P<p{n}>{pattern})" for n, (pattern, _) in enumerate(PHRASES)))
_PHRASE_REPLACEMENT = {f"p{n}": replacement for n, (_, replacement) in enumerate(PHRASES)}
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")


def raw_tokens(text: str) -> list[str]:
    """Words and numbers in reading order, case-folded; thousands separators dropped from numbers."""
    folded = _FY.sub("fy ", fold(text).replace("%", " pct "))
    folded = _PHRASE_ONE.sub(lambda match: _PHRASE_REPLACEMENT[match.lastgroup or ""], folded)
    out: list[str] = []
    for tok in _TOKEN.findall(folded):
        tok = NUMBER_WORDS.get(tok, tok)
        if tok[0].isdigit() and tok.replace(",", "").replace(".", "").isdigit():
            tok = tok.replace(",", "")
            if "." in tok:
                tok = tok.rstrip("0").rstrip(".") or "0"
        elif tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok)
    return out


@lru_cache(maxsize=1 << 16)  # a pure function of one word, called for every word of every bullet
def stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to align 'exercises'/'exercise' and 'signed'/'signing'."""
    word = SYNONYMS.get(word, word)
    if len(word) <= 4 or word[0].isdigit() or "_" in word:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, numbers kept, stopwords dropped, in reading order."""
    return [stem(t) for t in raw_tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a statement asserts (years, amounts, counts): two statements with different numbers differ."""
    return frozenset(t for t in raw_tokens(text) if t[0].isdigit())


_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][\w'’-]*)")


def proper_terms(text: str) -> frozenset[str]:
    """Stems of capitalised words not opening a sentence (names, acronyms, months): differing names matter more."""
    words: list[str] = []
    for match in _CAPITALISED.finditer(text):
        # the last non-space character before the word, found by stepping back (slicing the text would be quadratic)
        k = match.start() - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] not in ".!?:;•\"“‘(":
            words.append(match.group(1))
    return frozenset(content_terms(" , ".join(words))) if words else frozenset()

"""Ground-floor word lists and text helpers shared by every stage: month names, stopwords, `fold`, front matter.

Imports nothing from gistbook, so any floor may use it (DESIGN.md, "Four floors").
"""

from __future__ import annotations

import functools
import re
import unicodedata

MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December")
# the short forms sources write, lower case, with the month's number ("sept" as well as "sep")
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# every spelling above, full and short, lower case -> the month's number
MONTH_NUMBERS: dict[str, int] = {**{name.lower(): n for n, name in enumerate(MONTH_NAMES, 1)},
                                 **MONTH_ABBREVIATIONS}
# abbreviations that are not also the full name ("may" is both), for abbreviation and synonym lists
SHORT_MONTHS: tuple[str, ...] = tuple(a for a, n in MONTH_ABBREVIATIONS.items() if a != MONTH_NAMES[n - 1].lower())

# English function words left out when terms are matched (facts, topics, related articles, worthiness)
_TERM_STOPWORDS = """
    a about above after again against all also am an and any are as at be been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there these they this those
    through to too under until up very was we were what when where which while who whom why will with would you your
    s t among amid within without upon via per whilst across along around towards toward
"""
STOPWORDS = frozenset(_TERM_STOPWORDS.split())
# the narrower list a quiz statement is checked against its source with: words such as "not", "before", "after"
# and "only" change what a statement claims, so they must count there
_STATEMENT_STOPWORDS = """
    a an and are as at be been by for from has have in into is it its of on or that the their this to was were
    which with will also under over between both other than then they these those while who whom whose
"""
STATEMENT_STOPWORDS = frozenset(_STATEMENT_STOPWORDS.split())

# the verbs of a release's headline that say what kind of day it was, not what it was about ("pays tribute",
# "inaugurates"): they link no two items and are never a person's name
HEADLINE_VERBS = frozenset({"pays", "greets", "wishes", "congratulates", "condoles", "salutes", "inaugurates",
                            "launches", "chairs", "attends", "visits", "dedicates", "reviews", "holds", "calls",
                            "meets", "interacts", "participates", "addresses", "lays", "unveils", "felicitates",
                            "flags", "intensifies", "intensified"})

_PLAIN_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower-case matching form: accents dropped, curly quotes and dashes made plain, case folded."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_PLAIN_PUNCTUATION).casefold()


@functools.lru_cache(maxsize=100_000)  # the quiz compares the same statements and bullets many times over
def fold_statement(text: str) -> str:
    """`fold` for comparing whole statements: spacing collapsed and the closing stop removed as well."""
    return " ".join(fold(text).split()).rstrip(" .;:")


# a YAML front-matter block opening a Markdown note: "---" to "---" (or "...") on lines of their own
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The front-matter block's inner text (None when the text opens with none) and the text after it."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1), text[match.end():]) if match else (None, text)

"""Capitalised phrases and their head words: which runs of words are names, what kind ("Ministry of X" is a body,
"... Yojana" a scheme), and which are offices to keep the model from calling "International Affairs" an ORG."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from gistbook.extract.lexicon import (
    AGREEMENT,
    COUNTRY,
    EXERCISE,
    INITIATIVE,
    ORGANISATION,
    PLACE,
    POLICY,
    SCHEME,
    Lexicon,
)
from gistbook.text import MONTH_NAMES

PERSON_LABEL = "PERSON"
WEAK_KEY = "gistbook_weak"  # user_data key: single-token countries and places found by the gazetteer
JOINERS = frozenset({"of", "for", "on", "in", "and", "&", "the", "de", "da", "du", "del", "a", "to"})
HYPHENS = frozenset({"-", "–"})
TAIL_CUTTERS = frozenset({"in", "on", "at", "to", "for"})
MONTHS = frozenset(MONTH_NAMES)
GENERIC_ADJECTIVES = frozenset({
    "National", "International", "Central", "State", "Union", "Global", "Joint", "High", "Level", "High-Level",
    "Standing", "Expert", "Special", "Steering", "Working", "Task", "Technical", "Advisory", "Executive",
    "Governing", "General", "Annual", "Regional", "District", "Bilateral", "Multilateral", "Parliamentary",
    "Consultative", "Sector", "Centrally", "Sponsored", "New", "Flagship", "Key", "Major", "Various", "Several",
    "Other", "This", "These", "Such", "Apex", "Nodal", "Implementing", "Empowered", "Inter-Ministerial",
    "Monitoring", "Selection", "Evaluation", "Review", "Organising", "Organizing", "First", "Second", "Third",
    "Local", "Public", "Private", "Government", "Indian", "Free", "Trade", "Comprehensive", "Economic",
    "Strategic", "Investment", "Cooperation", "Partnership", "Development", "Welfare", "Support",
    "Military", "Naval", "Field", "Validation", "Tactical", "Combined", "Diplomatic", "Governments",
    "States", "Ministries", "Departments",
})
BIGRAM_HEADS = {("Economic", "Partnership"): AGREEMENT, ("Tiger", "Reserve"): PLACE, ("National", "Park"): PLACE,
                ("Permanent", "Mission"): ORGANISATION, ("Economic", "Corridor"): INITIATIVE}
OFFICE_IN_NAMES = frozenset({"Pradhan", "Mukhya"})
CORPORATE = frozenset({"Limited", "Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "LLP", "PLC"})
EVENT_WORDS = frozenset({"Jubilee", "Convocation", "Session", "Conference", "Meeting", "Summit", "Celebration",
                         "Celebrations", "Anniversary", "Day", "Week", "Edition", "Phase", "Chairmanship", "Launch",
                         "Inauguration", "Assembly", "Plenary", "Meet", "Conclave", "Festival", "Sitting", "Round",
                         "Discussion", "Discussions", "Exhibition", "Expo", "Fair", "Workshop", "Seminar", "Webinar",
                         "Games", "Olympiad", "Cup", "Championship", "Mela", "Utsav", "Mahotsav", "Fest",
                         "Establishment", "Poojan", "Pujan", "Bhoomi", "Component", "Signing", "Review"})
NAME_WORD = re.compile(r"^[A-Z][\w.’'&-]*$")  # capitalised, no brackets or quotes glued on ("SPA)”—and")
LONG_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


@dataclass(frozen=True)
class Heads:
    """Head-word sets per entity type, read once from the lexicon."""

    final: dict[str, str]
    initial: dict[str, str]
    office: frozenset[str]
    honorifics: frozenset[str]
    breakers: frozenset[str]  # honorifics that end a capitalised run ("Bhagwan Birsa Chowk" stays one place)
    exercise_cues: frozenset[str]
    exercise_modifiers: frozenset[str]
    agreement_cues: frozenset[str]
    scheme_cues: frozenset[str]
    agreement_acronyms: frozenset[str]
    headline_verbs: frozenset[str]
    generic: frozenset[str]
    common_words: frozenset[str] = frozenset()  # English dictionary words (from the model's lemma index), lower case
    place_names: frozenset[str] = frozenset()  # one-word places and countries of the gazetteer ("Geneva")

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> Heads:
        final: dict[str, str] = {}
        initial: dict[str, str] = {}
        for etype, key in ((PLACE, "place"), (ORGANISATION, "org"), (INITIATIVE, "initiative"), (SCHEME, "scheme"),
                           (POLICY, "policy"), (AGREEMENT, "agreement"), (EXERCISE, "exercise")):
            final.update(dict.fromkeys(lex.word_set(f"{key}_heads_final"), etype))
            if key not in ("place", "exercise"):
                initial.update(dict.fromkeys(lex.word_set(f"{key}_heads_initial"), etype))
        return cls(final=final, initial=initial, office=lex.word_set("office_core"),
                   honorifics=lex.word_set("honorifics"),
                   breakers=lex.word_set("honorifics") - {"Bhagwan", "Sir", "Dame"},
                   exercise_cues=lex.word_set("exercise_cue_lower"),
                   exercise_modifiers=lex.word_set("exercise_modifiers_lower"),
                   agreement_cues=lex.word_set("agreement_cue_lower"), scheme_cues=lex.word_set("scheme_cue_lower"),
                   agreement_acronyms=lex.word_set("agreement_acronym_heads"),
                   headline_verbs=lex.word_set("headline_verbs_lower"), generic=lex.word_set("generic_names_lower"))


def is_capitalised(token: Token, honorifics: frozenset[str]) -> bool:
    """A word that can be part of a proper name (not an honorific, which starts a person instead)."""
    text = token.text
    return bool(NAME_WORD.match(text)) and any(ch.isalpha() for ch in text) and text not in honorifics


def is_dictionary_word(word: str, common: frozenset[str]) -> bool:
    """The word or its stem is in the dictionary ("retting" from "ret", "societies" from "society")."""
    stems = [word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-4], word[:-3] + "y"]
    return any(stem in common for stem in stems if len(stem) > 2)


def is_joiner(doc: Doc, i: int) -> bool:
    """A small word or a tight hyphen that can sit inside a name."""
    token = doc[i]
    if token.text in HYPHENS:
        return i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
    if token.text in ("’", "'"):  # "Farmers’ Welfare"
        return i > 0 and doc[i - 1].text.endswith("s") and not doc[i - 1].whitespace_
    return token.text in JOINERS


def capital_chunks(doc: Doc, heads: Heads, words: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, joined by at most two small words or a tight hyphen."""
    capital = [bool(NAME_WORD.match(w)) and w not in heads.breakers and any(c.isalpha() for c in w) for w in words]
    chunks = []
    i, n = 0, len(words)
    while i < n:
        if not capital[i]:
            i += 1
            continue
        start, j = i, i + 1
        while j < n:
            if capital[j]:
                j += 1
                continue
            k = j
            while k < n and k - j < 2 and (words[k] in JOINERS or words[k] in HYPHENS or words[k] in ("’", "'")) \
                    and is_joiner(doc, k):
                k += 1
            if j < k < n and capital[k]:
                j = k
                continue
            break
        chunks.append((start, j))
        i = j
    return chunks


def strip_leading(doc: Doc, start: int, end: int) -> int:
    """Drop sentence-initial function words ("The", "Also"), verbs ("Referring to the ...") and months."""
    while start < end - 1 and ((doc[start].is_stop and not (doc[start].is_upper and len(doc[start]) > 1))
                               or doc[start].text in MONTHS
                               or (start == 0 and doc[start].text.endswith(("ing", "ed")) and doc[start + 1].is_lower)):
        start += 1
        if start < end - 1 and doc[start].text in HYPHENS:  # "Five-Day Faculty ...": drop "-Day" with "Five"
            start += 2
    return min(start, end - 1)


def known_run(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """End of the longest place or country name starting at `start` (start when there is none)."""
    for stop in range(min(end, start + 6), start, -1):
        known = lex.forms.get(doc[start:stop].text)
        if known is not None and known.type in (PLACE, COUNTRY):
            return stop
    return start


def cut_tail(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """End a name before "in Tokyo", "on March" or "to the Government of India": they are not part of it."""
    for k in range(start + 1, end - 1):
        if doc[k].text not in TAIL_CUTTERS:
            continue
        if doc[k + 1].text in MONTHS or doc[k + 1:k + 4].text == "the Government of":
            return k
        stop = known_run(doc, k + 1, end, lex)
        if stop > k + 1 and (stop == end or doc[stop].text in ("and", "&")):
            return k
    return end


def is_generic(doc: Doc, start: int, end: int, heads: Heads, lex: Lexicon) -> bool:
    """True for names made only of a head and generic words ("Standing Committee", "the FTA")."""
    span = doc[start:end]
    if span.text.lower() in heads.generic:
        return True
    unnamed_deal = doc[end - 1].text in heads.agreement_acronyms or span.text.endswith("Memorandum of Understanding")
    if unnamed_deal and not any(lex.country_of(t.text) for t in span):
        return True  # "the FTA", "a CEPA", "Signed MoU": only "India-UAE CEPA" names one
    return all(t.text in GENERIC_ADJECTIVES or t.text in heads.final or t.text in heads.initial
               or t.text in JOINERS or t.text in HYPHENS for t in span)


def classify(doc: Doc, start: int, end: int, heads: Heads) -> str | None:
    """Entity type of a capitalised phrase from its head word, or None when it has none."""
    if end - start >= 2 and doc[start].text in heads.initial and doc[start + 1].text in ("of", "for", "on", "to"):
        return heads.initial[doc[start].text]
    if end - start >= 3 and doc[start].text in heads.initial and doc[start + 1].text == "General":
        return heads.initial[doc[start].text]
    if any(doc[k].text in heads.office and not (k > start and doc[k - 1].text in OFFICE_IN_NAMES)
           for k in range(start, end)):
        return None  # an office, not a body; but "Pradhan Mantri Kisan Samman Nidhi" names a scheme
    found = None
    for k in range(start + 1, end):
        head = heads.final.get(doc[k].text)
        bigram = BIGRAM_HEADS.get((doc[k - 1].text, doc[k].text))
        last_or_joined = k == end - 1 or doc[k + 1].text in ("of", "for")
        if (head or bigram) and last_or_joined:
            found = bigram or head
    return found


def split_parts(doc: Doc, start: int, end: int, heads: Heads) -> list[tuple[int, int]]:
    """Split a run into names: "Ministry of X and Ministry of Y", "Mega Food Park Scheme of PM Kisan Sampada Yojana",
    and drop a head-less lead-in: "Diamond Jubilee of Sainik School" names only the school."""
    for joiner in (("and", "&"), ("of",), ("in", "at")):
        for k in range(start + 1, end - 1):
            if doc[k].text not in joiner:
                continue
            right = k + 1 + (doc[k + 1].text == "the")
            if right < end and joiner == ("of",) and any(doc[i].text in EVENT_WORDS for i in range(start, k)):
                return split_parts(doc, right, end, heads)  # "Diamond Jubilee of Sainik School": the school
            if right >= end or not classify(doc, right, end, heads):
                continue
            if joiner == ("of",) and doc[end - 1].text in CORPORATE:
                continue  # "Agriculture Insurance Company of India Limited" is one name
            left_typed = classify(doc, start, k, heads)
            if joiner == ("in", "at"):
                if not left_typed and not any(doc[i].text in heads.final for i in range(start, k)):
                    return split_parts(doc, right, end, heads)  # "Lalan Singh in the Lok Sabha": the House
                continue
            if left_typed and (joiner != ("of",) or doc[k - 1].text in heads.final):
                return [(start, k), *split_parts(doc, right, end, heads)]
    return [(start, end)]


def place_parts(parts: list[tuple[int, int]], doc: Doc, heads: Heads) -> list[tuple[int, int]]:
    """"Tughlakabad to Kalindi Kunj" is two places: split place runs at "to"."""
    out = []
    for start, end in parts:
        cut = next((k for k in range(start + 1, end - 1) if doc[k].text == "to"), None)
        if cut is not None and classify(doc, start, end, heads) == PLACE:
            out.extend([(start, cut), (cut + 1, end)])
        else:
            out.append((start, end))
    return out


def exercise_cued(doc: Doc, start: int, end: int, heads: Heads) -> bool:
    """An exercise named by an ordinary word counts only next to "exercise" or "Ex"."""
    if start > 0 and doc[start - 1].lower_ in heads.exercise_cues:
        return True
    k = end
    while k < len(doc) and k < end + 4 and doc[k].lower_ in heads.exercise_modifiers:
        k += 1
    return k < len(doc) and doc[k].lower_ in heads.exercise_cues


def office_blocks(doc: Doc, start: int, end: int, heads: Heads) -> list[tuple[int, int]]:
    """Office parts of a capitalised run, so the model tags no ORG inside them: "Vice Minister of Finance for
    International Affairs" whole; in "Prime Minister Narendra Modi and Australian Prime Minister" both offices."""
    blocks = []
    part_start = start
    for k in range(start, end + 1):
        if k < end and doc[k].text not in ("and", "&"):
            continue
        last = max((i for i in range(part_start, k) if doc[i].text in heads.office), default=None)
        if last is not None:
            stop = last + 1
            if stop < k and doc[stop].text in ("of", "for", "to") and k == end and (
                    end == len(doc) or not doc[end].is_alpha):
                stop = end  # the office runs to a comma or the end: all of it is the office
            blocks.append((part_start, stop))
        part_start = k + 1
    return blocks


def headline_like(text: str) -> bool:
    """Title-case headings make every phrase look like a name; typed phrases are skipped there."""
    words = LONG_WORD.findall(text)
    ends_sentence = text.rstrip(" \"”’'").endswith((".", "!", "?"))
    return not ends_sentence and len(words) >= 6 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)

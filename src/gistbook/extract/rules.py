"""The rule component that runs before spaCy's NER: gazetteer names, capitalised phrases typed by their head
word and honorific-led persons become preset entities; office phrases are blocked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from gistbook.extract.lexicon import AGREEMENT, COUNTRY, EXERCISE, PLACE, SCHEME, Lexicon
from gistbook.extract.names import (
    HYPHENS,
    JOINERS,
    PERSON_LABEL,
    WEAK_KEY,
    Heads,
    capital_chunks,
    classify,
    cut_tail,
    exercise_cued,
    headline_like,
    is_capitalised,
    is_dictionary_word,
    is_generic,
    is_joiner,
    office_blocks,
    place_parts,
    split_parts,
    strip_leading,
)

SHIP_PREFIXES = frozenset({"INS", "INSV", "IOS", "ICGS", "HMS", "USS", "CGS", "MV", "SS"})
YEAR_SUFFIX = re.compile(r"^(?P<name>[A-Za-z][\w ]*?)\s*[-–]\s*(?:\d{2}|\d{4}|[IVX]+)$")


def build_matcher(nlp_vocab: object, make_doc: object, lex: Lexicon) -> PhraseMatcher:
    """One phrase matcher over every gazetteer form that may add a span on its own."""
    matcher = PhraseMatcher(nlp_vocab)  # type: ignore[arg-type]
    by_type: dict[str, list[Doc]] = {}
    for text, known in lex.forms.items():
        if not known.confirm_only:
            by_type.setdefault(known.type, []).append(make_doc(text))  # type: ignore[operator]
    for etype, docs in by_type.items():
        matcher.add(etype, docs)
    return matcher


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    canonical: str
    priority: int  # lower wins a tie in length: gazetteer 0, typed phrase 1, honorific person 2


def honorific_people(doc: Doc, heads: Heads, lex: Lexicon, words: list[str]) -> list[Candidate]:
    """"Shri Narendra Modi", "H.E. Mr. Benjamin Netanyahu": the words after honorifics are a name."""
    found: list[Candidate] = []
    n = len(doc)
    i = 0
    while i < n:
        if words[i] not in heads.honorifics:
            i += 1
            continue
        start = i + 1
        while start < n and (doc[start].text in heads.honorifics or doc[start].text == "."):
            start += 1
        end = start
        while end < n and end - start < 6 and doc[end].lower_ not in heads.headline_verbs and (
                (is_capitalised(doc[end], heads.honorifics) and doc[end].text not in heads.office
                 and not (doc[end].is_upper and len(doc[end]) > 2 and end > start))
                or (doc[end].text in HYPHENS and end > start and is_joiner(doc, end))):
            end += 1
        while end > start and (doc[end - 1].text in lex.word_set("name_suffixes") or doc[end - 1].text in HYPHENS):
            end -= 1
        body = any(doc[k].text in heads.final or doc[k].text in heads.initial for k in range(start, end + 1)
                   if k < n)  # "Shri Mata Vaishno Devi Shrine Board" is a body, not a person
        office_next = any(doc[k].text in heads.office for k in range(end, min(n, end + 4))
                          if not any(doc[j].is_punct and doc[j].text not in HYPHENS for j in range(end, k)))
        if end > start and not body and not office_next and doc[start:end].text not in lex.forms:
            found.append(Candidate(start, end, PERSON_LABEL, doc[start:end].text, 2))
        i = max(end, i + 1)
    return found


def exercise_name(doc: Doc, start: int, end: int, lex: Lexicon) -> str:
    """Canonical exercise name without its edition: "Vayushakti-26" is Vayu Shakti."""
    text = doc[start:end].text
    match = YEAR_SUFFIX.match(text)
    if match:
        text = match.group("name")
    known = lex.forms.get(text)
    return known.canonical if known is not None and known.type == EXERCISE else text


def cued_type(doc: Doc, start: int, heads: Heads) -> str | None:
    """A type announced by the words before: "agreement concerning X", "a new scheme of X"."""
    if start < 2:
        return None
    before, cue = doc[start - 1].text, doc[start - 2].lower_
    if before in ("on", "concerning", "regarding") and cue in heads.agreement_cues:
        return AGREEMENT
    if before in ("of", "called", "named", "titled") and cue in heads.scheme_cues:
        return SCHEME
    return None


def typed_phrases(doc: Doc, heads: Heads, lex: Lexicon, words: list[str], text: str
                  ) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Capitalised phrases with a head word, and the office phrases to block."""
    found: list[Candidate] = []
    offices: list[tuple[int, int]] = []
    headline = headline_like(text)
    for chunk_start, chunk_end in capital_chunks(doc, heads, words):
        start = strip_leading(doc, chunk_start, chunk_end)
        end = cut_tail(doc, start, chunk_end, lex)
        if doc[start].text in ("Exercise", "Ex") and end - start >= 2 and doc[start].whitespace_:
            found.append(Candidate(start + 1, end, EXERCISE, exercise_name(doc, start + 1, end, lex), 1))
            continue
        quoted = start > 0 and doc[start - 1].text in ("‘", "'", "“", '"') and end < len(doc) and doc[end].is_quote
        if quoted and exercise_cued(doc, start, end + 1, heads):
            found.append(Candidate(start, end, EXERCISE, exercise_name(doc, start, end, lex), 1))
            continue
        cue = cued_type(doc, start, heads)
        for part_start, part_end in place_parts(split_parts(doc, start, end, heads), doc, heads):
            etype = classify(doc, part_start, part_end, heads)
            if etype is None and cue and part_end - part_start >= 2:
                etype = cue
            if etype is None:
                offices.extend(office_blocks(doc, part_start, part_end, heads))
            elif etype == EXERCISE and all(is_dictionary_word(t.lower_, heads.common_words)
                                           for t in doc[part_start:part_end] if t.is_alpha and t.lower_ not in JOINERS):
                continue  # "Table Top Exercise", "Passage Exercise" are kinds of exercise, not names
            elif not headline and not is_generic(doc, part_start, part_end, heads, lex):
                text = doc[part_start:part_end].text
                known = lex.forms.get(text) or lex.forms.get(text.replace("’", "'").replace("' ", " "))
                found.append(Candidate(part_start, part_end, etype, known.canonical if known else text, 1))
            cue = None
    return found, offices


def gazetteer_hits(doc: Doc, matcher: PhraseMatcher, heads: Heads, lex: Lexicon, words: list[str]
                   ) -> tuple[list[Candidate], list[tuple[int, int, str, str]]]:
    """Known names; single-word countries and places are kept aside so the model can still build "Air India"."""
    strong: list[Candidate] = []
    weak: list[tuple[int, int, str, str]] = []
    for _, start, end in matcher(doc):
        text = doc[start:end].text
        known = lex.forms.get(text)
        if known is None:
            continue
        if known.needs_cue and not exercise_cued(doc, start, end, heads):
            continue
        if start > 0 and doc[start - 1].text in SHIP_PREFIXES:
            continue  # "IOS SAGAR" is a ship
        if known.type in (COUNTRY, PLACE) and end - start == 1:
            weak.append((start, end, known.canonical, known.type))
        else:
            strong.append(Candidate(start, end, known.type, known.canonical, 0))
    for i, word in enumerate(words):
        match = YEAR_SUFFIX.match(word) if "-" in word or "–" in word else None
        if match is None:
            continue
        longer = lex.forms.get(f"{words[i - 1]} {match.group('name')}") if i > 0 else None  # "Vayu Shakti-2026"
        known = longer if longer is not None and longer.type == EXERCISE else lex.forms.get(match.group("name"))
        if known is not None and known.type == EXERCISE:
            strong.append(Candidate(i - (known is longer), i + 1, EXERCISE, known.canonical, 0))
    return strong, weak


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then by priority; no two chosen spans overlap."""
    taken: set[int] = set()
    chosen = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if not taken.intersection(range(cand.start, cand.end)):
            chosen.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def apply_rules(doc: Doc, matcher: PhraseMatcher, heads: Heads, lex: Lexicon) -> Doc:
    """Set rule entities and blocked office phrases on the doc before the statistical NER runs."""
    words = [t.text for t in doc]  # one pass: indexing a Doc builds a Token object each time
    text = doc.text
    strong, weak = gazetteer_hits(doc, matcher, heads, lex, words)
    phrases, offices = typed_phrases(doc, heads, lex, words, text)
    chosen = select(strong + phrases + honorific_people(doc, heads, lex, words))
    taken = {i for c in chosen for i in range(c.start, c.end)}
    ents = [Span(doc, c.start, c.end, label=c.label, span_id=c.canonical) for c in chosen]
    blocked: list[Span] = []
    for start, end in offices:
        free = [i for i in range(start, end) if i not in taken]
        blocked.extend(Span(doc, i, i + 1) for i in free)
        taken.update(free)
    doc.set_ents(ents, blocked=blocked, default="unmodified")
    doc.user_data[WEAK_KEY] = weak
    return doc

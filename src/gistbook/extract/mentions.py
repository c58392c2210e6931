"""After spaCy's NER: turn the doc's entities into typed, canonical mention rows (run inside nlp.pipe workers)."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.tokens import Doc, Span

from gistbook.extract.acronyms import find_pairs, is_short_form
from gistbook.extract.lexicon import (
    AGREEMENT,
    COUNTRY,
    ENTITY_TYPES,
    EXERCISE,
    ORGANISATION,
    PERSON,
    PLACE,
    POLICY,
    Lexicon,
)
from gistbook.extract.names import (
    EVENT_WORDS,
    HYPHENS,
    JOINERS,
    PERSON_LABEL,
    WEAK_KEY,
    Heads,
    classify,
    exercise_cued,
    is_capitalised,
    is_dictionary_word,
    is_generic,
)
from gistbook.extract.people import person_at

RESULT_KEY = "gistbook_entities"
EMPTY_TENSOR = numpy.zeros((0, 0), dtype="float32")
EDGE_WORDS = frozenset({"the", "The", "a", "A", "an", "An", "‘", "’", "'", '"', "“", "”", "’s", "'s", "(", ")", ",",
                        ".", ":", ";", "[", "]", "-", "–", "—", "•", "▪", "●", "*", "|", "/"})
INNER_PUNCT_OK = frozenset({"-", "–", "&", ".", "'", "’", ","})
PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "place"})
PLACE_CUES = frozenset({"in", "at", "from", "to", "near", "across", "via", "between", "into", "towards", "around"})
# a mention row: start_char, end_char, type, canonical name, surface text, role, country, flag
# flag: "" sure; "acronym" and "candidate" are kept only if the article defines them; "surname" (a bare surname,
# kept only if the article names the person in full) and "honorific" (a bare name after Shri/Dr: kept anyway)
Row = list[Any]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading articles, quotes, an unclosed bracket or a trailing possessive."""
    for k in range(start, end):
        if doc[k].text in ("(", "[") and not any(doc[j].text in (")", "]") for j in range(k, end)):
            end = k
            break
    while start < end and doc[start].text in EDGE_WORDS:
        start += 1
    while end > start and doc[end - 1].text in EDGE_WORDS:
        end -= 1
    return start, end


def row(doc: Doc, start: int, end: int, etype: str, name: str, flag: str = "") -> Row:
    span = doc[start:end]
    return [span.start_char, span.end_char, etype, name, span.text, None, None, flag]


def looks_latin(text: str) -> bool:
    """Indic-script fragments in bilingual releases are not names the rules understand."""
    return all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 or not ch.isalpha() for ch in text)


def is_common(doc: Doc, start: int, end: int, heads: Heads) -> bool:
    """Every word is a dictionary word ("Independence", "Artificial Intelligence"): not a new place or body."""
    tokens = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in JOINERS]
    return bool(tokens) and bool(heads.common_words) and all(
        is_dictionary_word(t.lower_, heads.common_words) and not (t.i > 0 and t.text in heads.place_names)
        for t in tokens)


def compound_parts(doc: Doc, start: int, end: int, lex: Lexicon) -> list[Row]:
    """"India-Japan-Australia ...", "India & US", "India-EU": the members a compound names, when it names two."""
    parts: list[tuple[int, str, str]] = []
    k = start
    while k < end:
        known = lex.forms.get(doc[k].text)
        country = lex.country_of(doc[k].text)
        if country:
            parts.append((k, COUNTRY, country))
        elif known is not None and known.type == ORGANISATION and doc[k].is_upper:
            parts.append((k, ORGANISATION, known.canonical))
        else:
            break
        if k + 1 < end and (doc[k + 1].text in HYPHENS or doc[k + 1].text in ("&", "and")):
            k += 2
        else:
            break
    if len(parts) < 2:
        return []
    return [row(doc, k, k + 1, etype, name) for k, etype, name in parts]


def from_known(doc: Doc, start: int, end: int, lex: Lexicon, heads: Heads) -> Row | None:
    """A span whose whole text is a gazetteer form (ambiguous forms count here: the model found them)."""
    text = doc[start:end].text
    known = lex.forms.get(text)
    if known is not None:
        if known.type == EXERCISE and (known.needs_cue or known.confirm_only) and not exercise_cued(
                doc, start, end, heads):
            return None
        return row(doc, start, end, known.type, known.canonical)
    demonym = lex.demonyms.get(text)
    if demonym is not None:
        return row(doc, start, end, COUNTRY, demonym)
    for prefix in ("Republic of ", "Kingdom of ", "State of ", "Government of ", "Union Territory of ", "UT of "):
        rest = lex.forms.get(text[len(prefix):]) if text.startswith(prefix) else None
        if rest is not None and rest.type in (COUNTRY, PLACE):
            return row(doc, start, end, rest.type, rest.canonical)
    return None


def listed_with_places(doc: Doc, start: int, end: int) -> bool:
    """In a list of places ("Burari, Jagatpur and Bhalaswa"), a neighbour vouches for an unknown one."""
    before = start - 2 >= 0 and doc[start - 1].text in (",", "and") and doc[start - 2].ent_type_ in PLACE_ENTS
    after = end + 1 < len(doc) and doc[end].text in (",", "and") and doc[end + 1].ent_type_ in PLACE_ENTS
    return before or after


def place_row(doc: Doc, start: int, end: int, lex: Lexicon, heads: Heads) -> Row | None:
    """A place the model found, without a trailing "district" or "village"; new one-word places must not be
    ordinary words ("Independence")."""
    while end - start > 1 and doc[end - 1].text in lex.word_set("place_suffixes"):
        end -= 1
    known = from_known(doc, start, end, lex, heads)
    if known is not None:
        return known
    text = doc[start:end].text
    if not all(t.text[:1].isupper() and t.is_alpha or t.text in JOINERS for t in doc[start:end]) or text.isupper():
        return None
    if doc[end - 1].text in lex.word_set("not_place_last") or (start > 0 and doc[start - 1].is_upper
                                                               and doc[start - 1].is_alpha and len(doc[start - 1]) > 1):
        return None  # "Magenta Line"; "LCH Prachand" and "INS Trikand" name machines and ships
    if text.lower() in lex.word_set("not_people_lower") or (end - start == 1 and is_common(doc, start, end, heads)):
        return None
    suffixed = end < len(doc) and doc[end].lower_ in lex.word_set("place_suffixes_lower")
    cued = (start > 0 and doc[start - 1].lower_ in PLACE_CUES) or suffixed or listed_with_places(doc, start, end)
    if end - start == 1 and not cued:
        return None  # a new one-word place needs "in X", "at X" or "X district" ("Anganwadi facilities" is none)
    return row(doc, start, end, PLACE, text)


def from_model(doc: Doc, ent: Span, lex: Lexicon, heads: Heads) -> list[Row]:
    """Mentions for one entity the statistical model found, after the gazetteer and stop lists had their say."""
    start, end = trim(doc, ent.start, ent.end)
    if start >= end or not looks_latin(doc[start:end].text) or "/" in doc[start:end].text:
        return []
    known = from_known(doc, start, end, lex, heads)
    if known is not None:
        return [known]
    parts = compound_parts(doc, start, end, lex)
    text = doc[start:end].text
    label = ent.label_
    if any(t.is_punct and t.text not in INNER_PUNCT_OK for t in doc[start:end]):
        return parts  # 'SPA)"—and a Simulation Exercise' is two fragments, not a name
    if text.lower() in heads.generic or text in lex.word_set("languages"):
        return parts
    if label == "ORG" and is_short_form(text) and " " not in text:
        return [row(doc, start, end, ORGANISATION, text, "acronym")]
    etype = classify(doc, start, end, heads)
    place_ok = label in PLACE_LABELS | {"FAC"} or etype != PLACE  # a place head makes a place only of a place
    kind_only = etype == EXERCISE and is_common(doc, start, end, heads)  # "Table Top Exercise"
    if etype is not None and place_ok and not kind_only and not is_generic(doc, start, end, heads, lex):
        return [row(doc, start, end, etype, text)]
    if parts:
        return parts
    if label in PLACE_LABELS:
        found = place_row(doc, start, end, lex, heads)
        return [found] if found else []
    if label == "LAW":
        while end - start > 1 and (doc[end - 1].like_num or doc[end - 1].text == ","):
            end -= 1
        if doc[end - 1].text in ("Act", "Code", "Sanhita"):
            return [row(doc, start, end, POLICY, doc[start:end].text)]
        if doc[end - 1].text in ("Treaty", "Agreement", "Convention"):
            return [row(doc, start, end, AGREEMENT, doc[start:end].text)]
    if label == "ORG" and end - start >= 2 and doc[end - 1].text not in lex.word_set("not_place_last") \
            and doc[end - 1].text not in EVENT_WORDS and not is_common(doc, start, end, heads) and all(
            is_capitalised(t, frozenset()) or t.text in JOINERS for t in doc[start:end]):
        return [row(doc, start, end, ORGANISATION, text, "candidate")]  # a name only if the article defines it
    return []


def person_rows(doc: Doc, ent: Span, lex: Lexicon, heads: Heads) -> list[Row]:
    """A person row with office and country, or whatever gazetteer entry the span really is."""
    start, end = trim(doc, ent.start, ent.end)
    known = from_known(doc, start, end, lex, heads) if start < end else None
    if known is not None:
        return [known]
    if start >= end or "/" in doc[start:end].text:
        return []
    person = person_at(doc, ent, heads, lex)
    if person is None:
        return []
    found = row(doc, person.start, person.end, PERSON, person.name, person.flag)
    found[5], found[6] = person.role, person.country
    return [found]


def fills_gap(doc: Doc, start: int, end: int, heads: Heads) -> bool:
    """A single known word may stand alone only if it is not glued to other capitalised words ("Yamuna Vihar")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    glued_after = after is not None and is_capitalised(after, heads.honorifics) and after.text not in heads.office \
        and after.text not in heads.final
    glued_before = before is not None and before.i > 0 and is_capitalised(before, heads.honorifics) \
        and before.text not in heads.office and not before.is_stop
    return not (glued_after or glued_before)


def doc_mentions(doc: Doc, lex: Lexicon, heads: Heads) -> Doc:
    """Store mention rows and acronym pairs in doc.user_data, which travels back from worker processes."""
    weak = doc.user_data.pop(WEAK_KEY, [])
    rows: list[Row] = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            start, end = trim(doc, ent.start, ent.end)
            if start < end:
                rows.append(row(doc, start, end, ent.label_, ent.id_ or doc[start:end].text))
                rows.extend(compound_parts(doc, start, end, lex))
        elif ent.label_ == PERSON_LABEL:
            rows.extend(person_rows(doc, ent, lex, heads))
        else:
            rows.extend(from_model(doc, ent, lex, heads))
    people = [(r[0], r[1]) for r in rows if r[2] == PERSON]
    rows = [r for r in rows if r[2] == PERSON or not any(p0 <= r[0] and r[1] <= p1 for p0, p1 in people)]
    taken = [(r[0], r[1]) for r in rows]
    for start, end, canonical, etype in weak:
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if not any(first < r_end and r_start < last for r_start, r_end in taken) and fills_gap(doc, start, end, heads):
            rows.append(row(doc, start, end, etype, canonical))
    rows.sort(key=lambda r: (r[0], r[1]))
    doc.user_data[RESULT_KEY] = {"m": rows, "a": [list(p) for p in find_pairs(doc.text)]}
    doc.tensor = EMPTY_TENSOR  # nothing downstream reads it; worker processes would pickle it back for nothing
    return doc

"""Rule spans set before spaCy's NER: gazetteer names, capitalised phrases typed by their head word,
honorific-led persons; office phrases are blocked so the model does not call "International Affairs" an ORG."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

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

PERSON_LABEL = "PERSON"
WEAK_KEY = "gistbook_weak"  # user_data key: single-token countries and places found by the gazetteer
JOINERS = frozenset({"of", "for", "on", "in", "and", "&", "the", "de", "da", "du", "del", "a", "to"})
HYPHENS = frozenset({"-", "–"})
TAIL_CUTTERS = frozenset({"in", "on", "at", "to", "for"})
MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"})
GENERIC_ADJECTIVES = frozenset({
    "National", "International", "Central", "State", "Union", "Global", "Joint", "High", "Level", "High-Level",
    "Standing", "Expert", "Special", "Steering", "Working", "Task", "Technical", "Advisory", "Executive",
    "Governing", "General", "Annual", "Regional", "District", "Bilateral", "Multilateral", "Parliamentary",
    "Consultative", "Sector", "Centrally", "Sponsored", "New", "Flagship", "Key", "Major", "Various", "Several",
    "Other", "This", "These", "Such", "Apex", "Nodal", "Implementing", "Empowered", "Inter-Ministerial",
    "Monitoring", "Selection", "Evaluation", "Review", "Organising", "Organizing", "First", "Second", "Third",
    "Local", "Public", "Private", "Government", "Indian", "Free", "Trade", "Comprehensive", "Economic",
    "Strategic", "Investment", "Cooperation", "Partnership", "Development", "Welfare", "Support",
    "Military", "Naval", "Field", "Training", "Validation", "Tactical", "Combined", "Diplomatic", "Governments",
    "States", "Ministries", "Departments",
})
BIGRAM_HEADS = {("Economic", "Partnership"): AGREEMENT, ("Tiger", "Reserve"): PLACE, ("National", "Park"): PLACE,
                ("Permanent", "Mission"): ORGANISATION, ("Economic", "Corridor"): INITIATIVE}
OFFICE_IN_NAMES = frozenset({"Pradhan", "Prime", "Mukhya"})
CORPORATE = frozenset({"Limited", "Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "LLP", "PLC"})
EVENT_WORDS = frozenset({"Jubilee", "Convocation", "Session", "Conference", "Meeting", "Summit", "Celebration",
                         "Celebrations", "Anniversary", "Day", "Week", "Edition", "Phase", "Chairmanship", "Launch",
                         "Inauguration", "Assembly", "Plenary", "Meet", "Conclave", "Festival", "Sitting", "Round",
                         "Discussion", "Discussions", "Exhibition", "Expo", "Fair", "Workshop", "Seminar", "Webinar",
                         "Games", "Olympiad", "Cup", "Championship", "Mela", "Utsav", "Mahotsav", "Fest"})
SHIP_PREFIXES = frozenset({"INS", "INSV", "IOS", "ICGS", "HMS", "USS", "CGS", "MV", "SS"})
LONG_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
YEAR_SUFFIX = re.compile(r"^(?P<name>[A-Za-z][\w ]*?)-(?:\d{2}|\d{4}|[IVX]+)$")


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


def is_capitalised(token: Token, honorifics: frozenset[str]) -> bool:
    """A word that can be part of a proper name (not an honorific, which starts a person instead)."""
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text) and text not in honorifics


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
    capital = [w[:1].isupper() and w not in heads.breakers and any(c.isalpha() for c in w) for w in words]
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
    """Drop sentence-initial function words ("The", "A", "Also") and months from the front of a chunk."""
    while start < end - 1 and ((doc[start].is_stop and not (doc[start].is_upper and len(doc[start]) > 1))
                               or doc[start].text in MONTHS):
        start += 1
    return start


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
        last_or_joined = k == end - 1 or doc[k + 1].text in ("of", "for", "on")
        if (head or bigram) and last_or_joined:
            found = bigram or head
    return found


def split_parts(doc: Doc, start: int, end: int, heads: Heads) -> list[tuple[int, int]]:
    """Split a run into names: "Ministry of X and Ministry of Y", "Mega Food Park Scheme of PM Kisan Sampada Yojana",
    and drop a head-less lead-in: "Diamond Jubilee of Sainik School" names only the school."""
    for joiner in (("and", "&"), ("of",)):
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
            if classify(doc, start, k, heads) and (joiner != ("of",) or doc[k - 1].text in heads.final):
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
        match = YEAR_SUFFIX.match(word) if "-" in word else None
        known = lex.forms.get(match.group("name")) if match else None
        if known is not None and known.type == EXERCISE:
            strong.append(Candidate(i, i + 1, EXERCISE, known.canonical, 0))
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

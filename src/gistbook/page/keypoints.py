"""Key points of a prose item: the bullets that carry exam facts (who, what, when, where, how much, which scheme).

A press release is 10-30 sentences of which a handful state the facts an aspirant notes down; the rest
are quotes, courtesies and sign-offs. Each bullet is scored from what extraction found in it (entity
mentions by type, dated time expressions, figures) plus cheap lexical cues, and the best `limit` are
kept in reading order. Scores are additive and explainable; the weights were set by judgement and
checked against hand labels of 34 releases (tests/data/page/keypoints.jsonl, floors beside it), where
the selector must beat the first-k baseline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gistbook.link.text import content_terms, numbers_in
from gistbook.quiz.worthiness import worthiness
from gistbook.records import Article, Extraction
from gistbook.standalone import FINISHED, self_contained

NAMED_TYPES = frozenset({"scheme", "agreement", "initiative", "military_exercise", "policy", "organisation"})
PLACE_TYPES = frozenset({"country", "place"})
ACTION = re.compile(
    r"\b(?:launch|sign|approv|inaugurat|establish|set up|notif|sanction|commission|award|unveil|releas|adopt"
    r"|introduc|held|organi[sz]ed|conduct|co-chair|chair|elect|appoint|subsum|implement|achiev|complet|record"
    r"|first|largest|highest|target|mandator|reserv|allocat|disburs)\w*", re.I)
NAMED_CUE = re.compile(
    r"\b(?:Scheme|Yojana|Abhiyan|Mission|Programme|Program|Act|Agreement|Treaty|MoU|Memorandum|Policy|Portal"
    r"|Fund|Authority|Commission|Council|Corridor|Summit|Conference|Dialogue|Exercise|Initiative|Framework)\b")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&\-]{1,12})\)|\b[A-Z]{3,}\b")
NUMBER = re.compile(r"(?:₹|Rs\.?|\$|USD|INR)?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent|crore|lakh|billion|million"
                    r"|km|MW|GW|MT|LMT|MLD)?", re.I)
DATE_CUE = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b")
CLOSING = re.compile(r"^(?:this|the)\s+information\s+was\s+(?:given|provided)|\bin\s+a\s+(?:written\s+)?reply\b"
                     r"|^for\s+further\s+(?:information|details)|^the\s+full\s+(?:address|text)|\bmay\s+be\s+seen\s+here"
                     r"|^this\s+(?:press\s+)?release\s+(?:contains|presents|gives)",
                     re.I)
QUOTE_OPEN = re.compile(r"^[\"“‘']|[\"“]\s*$")
SPEECH = re.compile(r"\b(?:said|says|stated|noted|added|remarked|emphasi[sz]ed|underlined|highlighted|stressed"
                    r"|urged|called\s+(?:for|upon)|expressed|lauded|appreciated|commended)\b", re.I)
PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|these|those|such|its|their|his|her)\b", re.I)
GLUED = re.compile(r"[a-z]{2}(?:[A-Z][a-z]|\d)")  # subtitles run together without a space: "schoolsMandatory"
# courtesies and furniture a note never keeps: thanks, lists of who attended, sign-offs
COURTESY = re.compile(
    r"\b(?:thank(?:s|ed|ing)?|gratitude|congratulat\w*|felicitat\w*|greet(?:s|ed|ings)?|best wishes|paid (?:rich )?"
    r"tributes?|attended by|were (?:also )?present|in the presence of|dignitaries|among others|graced|"
    r"vote of thanks|welcome address|lamp lighting|lit the lamp|garland\w*"
    # a body's promise about itself, true of any release it issues
    r"|continues? to (?:advance|reaffirm|strengthen|remain committed|demonstrate) (?:its|their|our) commitment)\b",
    re.I)
# protocol: who led the delegations, who attended, who addressed or chaired, under whose guidance; not what the
# item is about
LINEUP = re.compile(r"\bdelegations?\b[^.]{0,60}\b(?:was|were)\s+(?:led|headed)\s+by\b"
                    r"|\b(?:led|headed)\s+(?:the|a|his|her)\s+(?:\w+\s+)?delegation\b|\battended\s+by\b"
                    r"|\bsenior\s+officials\s+of\b|\bunder\s+the\s+(?:guidance|aegis|chairmanship)\s+of\b"
                    r"|\baddressed\s+(?:the|a)\s+(?:\w+\s+)?(?:briefing|gathering|meeting|audience|participants|"
                    r"event|media|press)\b|\bgave\s+a\s+presentation\b|\bbriefed\s+the\s+media\b",
                    re.IGNORECASE)
MIN_WORDS, MAX_WORDS = 7, 70
REDUNDANT = 0.5  # share of the two bullets' terms in common (Jaccard)
CONTAINED = 0.85  # share of the shorter bullet's terms that the longer repeats
HEADLINE_FIGURE = 2.0
WORTHINESS = 0.6  # labelled releases: P 0.662 -> 0.690, R 0.636 -> 0.649 (0.3 and 1.0 did less)
MIN_SCORE = 1.0  # a bullet scoring less carries too little to be a key point, however short the note
FEWEST, MOST = 3, 8  # key points of a note: a 7-sentence release gets 3, a long one up to 8


@dataclass
class BulletFacts:
    """What the selector needs to know about one bullet: its text and what extraction found in it."""

    text: str
    position: int
    entity_types: list[str] = field(default_factory=list)
    dates: int = 0  # DATE time expressions naming a day, month or year
    figures: int = 0
    bullet_id: int | None = None


def facts_from_extraction(article: Article, extraction: Extraction | None) -> list[BulletFacts]:
    """Bullet features of an unstored article (bullet_no indexes reading order)."""
    bullets = [BulletFacts(b.text, i, bullet_id=b.id) for i, b in enumerate(article.bullets())]
    if extraction is None:
        return bullets
    for mention in extraction.entities:
        bullets[mention.bullet_no].entity_types.append(mention.type)
    for timex in extraction.time_expressions:
        if timex.type == "DATE" and timex.value[:1].isdigit():
            bullets[timex.bullet_no].dates += 1
    for figure in extraction.figures:
        bullets[figure.bullet_no].figures += 1
    return bullets


def score(bullet: BulletFacts, title_terms: frozenset[str]) -> float:
    """How much exam-relevant fact one bullet carries; negative for furniture, quotes and fragments."""
    text = bullet.text.strip()
    words = len(text.split())
    if words < MIN_WORDS or CLOSING.search(text):
        return -5.0
    if text.endswith(":"):
        return -2.0  # introduces a list or table: says nothing by itself
    numeric = sum(1 for w in text.split() if any(c.isdigit() for c in w))
    if numeric / words > 0.35:
        return -2.0  # a table row flattened into a sentence
    if GLUED.search(text) and bullet.position == 0:
        return -3.0  # press-release subtitles glued together: their facts come again in the body
    types = bullet.entity_types
    named = sum(1 for t in types if t in NAMED_TYPES)
    people = sum(1 for t in types if t == "person")
    places = sum(1 for t in types if t in PLACE_TYPES)
    value = 0.8 * min(named, 3) + 0.4 * min(people, 2) + 0.3 * min(places, 2)
    value += 0.9 * min(bullet.dates, 2) + 0.8 * min(bullet.figures, 3)
    if not types:  # no extraction: fall back on the surface cues extraction would have found
        value += 0.5 * min(len(NAMED_CUE.findall(text)), 3) + 0.6 * min(len(DATE_CUE.findall(text)), 2)
        value += 0.4 * min(len([n for n in NUMBER.findall(text) if n.strip()]), 3)
    value += 0.4 * min(len(ACRONYM.findall(text)), 3)
    value += 0.6 * min(len(ACTION.findall(text)), 2)
    terms = frozenset(content_terms(text))
    if title_terms and terms:
        value += 2.0 * len(terms & title_terms) / len(title_terms)
    headline = {t for t in title_terms if t[:1].isdigit() and len(t) > 1}
    if headline and headline & numbers_in(text):  # "₹2,461 crore released …" in the title: the sentence that states it
        value += HEADLINE_FIGURE
    value += 1.2 if bullet.position <= 1 else 0.5 if bullet.position <= 3 else 0.0
    value += WORTHINESS * max(-2.0, min(2.0, worthiness(text)))  # what past papers ask about (quiz.worthiness)
    if QUOTE_OPEN.search(text):
        value -= 2.0
    elif SPEECH.search(text) and not (bullet.dates or bullet.figures):
        value -= 0.8
    if PRONOUN_START.match(text):
        value -= 0.7
    if LINEUP.search(text):
        value -= 1.5
    if words > MAX_WORDS:
        value -= 1.0
    return value


def english(text: str) -> bool:
    """Mostly Latin letters: the sentence rules are written for English."""
    letters = [c for c in text if c.isalpha()]
    return not letters or sum(c.isascii() for c in letters) / len(letters) > 0.5


def key_point_count(sentences: int) -> int:
    """How many key points a note of this many sentences keeps: it condenses, so it grows slowly."""
    return max(FEWEST, min(MOST, round(1.2 * sentences ** 0.5)))




def can_be_key_point(text: str) -> bool:
    """A whole sentence a note can show under its title: no fragment, dateline, table row, quote or courtesy. It
    ends as a sentence ends: a line without a full stop is a heading, a table's column title or a subtitle."""
    return bool(FINISHED.search(text)) and self_contained(text, in_context=True) and not COURTESY.search(text)


def select_key_points(bullets: Sequence[BulletFacts], title: str, limit: int | None = None) -> list[BulletFacts]:
    """The best bullets in reading order (`limit`, else as many as key_point_count gives), skipping ones that
    repeat a bullet already chosen and ones that cannot stand as a point; fewer rather than weak ones."""
    title_terms = frozenset(content_terms(title))
    limit = limit if limit is not None else key_point_count(len(bullets))
    scored = [(score(b, title_terms), b) for b in bullets if can_be_key_point(b.text)]
    if not scored and bullets and not english(" ".join(b.text for b in bullets[:10])):
        return first_k(bullets, min(FEWEST, len(bullets)))  # a release in Hindi: the rules above read English
    ranked = [b for value, b in sorted(scored, key=lambda x: (-x[0], x[1].position)) if value >= MIN_SCORE]
    headline = _headline_bullet(ranked, title_terms)
    if headline is not None:  # what the title announces is the note's first point, whatever else scores
        ranked.remove(headline)
        ranked.insert(0, headline)
    chosen: list[BulletFacts] = []
    chosen_terms: list[frozenset[str]] = []
    for bullet in ranked:  # past the limit, a bullet may still replace the shorter twin of one chosen
        terms = frozenset(content_terms(bullet.text))
        twin = next((i for i, other in enumerate(chosen_terms) if _repeats(terms, other)), None)
        if twin is not None:
            if _fuller(bullet, chosen[twin], terms, chosen_terms[twin]):
                chosen[twin], chosen_terms[twin] = bullet, terms  # a subtitle's point, said whole in the body
        elif len(chosen) < limit:
            chosen.append(bullet)
            chosen_terms.append(terms)
    return sorted(chosen, key=lambda b: b.position)


HEADLINE_SHARE = 0.5  # the sentence that states the headline repeats at least this share of the title's terms


def _headline_bullet(ranked: Sequence[BulletFacts], title_terms: frozenset[str]) -> BulletFacts | None:
    """The sentence that says what the title says, when one does: the one repeating the largest share (at least
    half) of the title's terms, the earliest on a tie."""
    if len(title_terms) < 3 or not ranked:
        return None
    shares = {id(b): len(frozenset(content_terms(b.text)) & title_terms) / len(title_terms) for b in ranked}
    best = max(ranked, key=lambda b: (shares[id(b)], -b.position))
    return best if shares[id(best)] >= HEADLINE_SHARE else None


def _repeats(terms: frozenset[str], other: frozenset[str]) -> bool:
    """Two bullets that say the same: most terms shared, or the shorter one's nearly all within the longer."""
    if not terms or not other:
        return False
    shared = len(terms & other)
    return shared / len(terms | other) >= REDUNDANT or shared / min(len(terms), len(other)) >= CONTAINED


def _fuller(bullet: BulletFacts, chosen: BulletFacts, terms: frozenset[str], chosen_terms: frozenset[str]) -> bool:
    """The same point said whole: a finished sentence holding every term of a chosen one and more (a release's
    lead or subtitle ahead of the body sentence that spells it out)."""
    return bool(FINISHED.search(bullet.text)) and chosen_terms < terms and (
        len(terms - chosen_terms) >= 3 or not FINISHED.search(chosen.text))


def first_k(bullets: Sequence[BulletFacts], limit: int = 6) -> list[BulletFacts]:
    """The baseline a selector must beat: the lead sentences."""
    return list(bullets[:limit])

"""Statements a question can use, per article: true ones (stored sentences) and their verified false versions."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from gistbook.quiz.kb import KnowledgeBase, Sentence
from gistbook.quiz.mutate import false_variants, standalone


@dataclass
class Statement:
    """One numbered statement of a question, with the bullet that proves it true or false."""

    text: str
    correct: bool
    bullet_id: int
    reason: str
    stored: str | None = None  # for a false statement, the stored sentence it was changed from


@dataclass
class Candidate:
    """A true statement, and (computed once, lazily) a false version of it."""

    true: Statement
    sentence: Sentence | None = None
    _false: list[Statement] | None = None


class Pool:
    """Per-article candidates, computed on first use so a large store costs only what a question needs."""

    def __init__(self, kb: KnowledgeBase, rng: random.Random) -> None:
        self.kb = kb
        self.rng = rng

    def candidates(self, article_id: int) -> list[Candidate]:
        """True statements of one article (cached on the knowledge base, so every question shares them)."""
        found = self.kb.derived.get(("candidates", article_id))
        if found is not None:
            return found
        out: list[Candidate] = []
        seen: set[str] = set()
        for mat in self.kb.material_bullets(article_id):
            if mat.role == "way_forward":
                continue  # prescriptions ("Use the ¥5 trillion target to …") are advice, not facts
            for sentence in self.kb.sentences(mat.bullet_id):
                key = sentence.text.strip().casefold()
                if standalone(sentence) and key not in seen:
                    seen.add(key)
                    text = _statement_text(sentence.text)
                    reason = f"stated in {self.kb.cite(sentence.bullet_id)}"
                    out.append(Candidate(Statement(text, True, sentence.bullet_id, reason), sentence))
        # no "The abbreviation ‘X’ stands for …" statements: a paper-setter found them filler, and a false
        # expansion that fits the letters is too often a real one
        self.kb.derived[("candidates", article_id)] = out
        return out

    def false_of(self, cand: Candidate) -> Statement | None:
        """A verified-false version of the candidate, or None when no element can be changed provably."""
        if cand._false is None:
            cand._false = []
            if cand.sentence is not None:
                year = published_year(self.kb.source(cand.sentence.bullet_id)["published"])
                for variant in false_variants(self.kb, cand.sentence, self.rng, limit=1, published_year=year):
                    v = variant.verdict
                    reason = f"{v.reason} ({self.kb.cite(cand.sentence.bullet_id)})"
                    cand._false.append(Statement(_statement_text(variant.text), False, cand.sentence.bullet_id,
                                                 reason, _statement_text(cand.sentence.text)))
        return cand._false[0] if cand._false else None

    def pick(self, n_true: int, n_false: int, tries: int = 8
             ) -> tuple[str, list[Statement], list[Statement]] | None:
        """A subject and `n_true` true and `n_false` false statements about it (UPSC asks about one scheme, body
        or agreement at a time), each from a different sentence of one article."""
        articles = self.kb.material_articles
        if not articles:
            return None
        for _ in range(tries):
            # a subject of a random article, with what every article says about it (a scheme's launch year
            # in one release, its reach in another)
            here = [subject for subject in self._by_subject(self.rng.choice(articles))
                    if len(self.about(subject)) >= n_true + n_false and not self._everyday(subject)]
            if not here:
                continue
            subject = self.rng.choice(sorted(here))
            cands = self.about(subject)
            cands = list(cands)
            self.rng.shuffle(cands)
            falses: list[Statement] = []
            used: set[int] = set()
            for i, cand in enumerate(cands):
                if len(falses) >= n_false or len(cands) - len(used) <= n_true:
                    break
                statement = self.false_of(cand)
                if statement is not None:
                    falses.append(statement)
                    used.add(i)
            trues = [c.true for i, c in enumerate(cands) if i not in used][:n_true]
            if len(falses) == n_false and len(trues) == n_true:
                return subject, trues, falses
        return None

    def about(self, subject: str) -> list[Candidate]:
        """Candidates about one subject across the material, one per sentence."""
        index = self.kb.derived.get("candidates_by_subject")
        if index is None:
            index = {}
            for article_id in self.kb.material_articles:
                for name, cands in self._by_subject(article_id).items():
                    index.setdefault(name.casefold(), []).extend(cands)
            self.kb.derived["candidates_by_subject"] = index
        return list(index.get(subject.casefold(), []))

    def _everyday(self, subject: str) -> bool:
        """A body in many items (the Army, the Railways, an embassy): statements about it share only its name,
        so they make a question about nothing in particular."""
        articles = {self.kb.bullet_article[c.true.bullet_id] for c in self.about(subject)}
        return len(articles) > max(EVERYDAY_ITEMS, EVERYDAY_SHARE * len(self.kb.material_articles))

    def _by_subject(self, article_id: int) -> dict[str, list[Candidate]]:
        """An article's candidates grouped by what each is about (subjects_of); one that names nothing joins no
        group, one about a body and a country joins both."""
        groups: dict[str, list[Candidate]] = {}
        for cand in self.candidates(article_id):
            for subject in subjects_of(cand.sentence) if cand.sentence is not None else []:
                groups.setdefault(subject, []).append(cand)
        return groups


EVERYDAY_ITEMS, EVERYDAY_SHARE = 12, 0.01
HOME = "India"
# an acronym read as another release's expansion ("NEP": Education or Electricity Policy?) names no one subject
ACRONYM = re.compile(r"[A-Z]{2,6}")
SUBJECT_OPENING = 12  # characters before a body's name for it to be the sentence's subject ("The", "Today, the")
SUBJECT_TYPES = frozenset({"scheme", "agreement", "initiative", "military_exercise", "policy", "organisation"})
GENERIC_SUBJECT = re.compile(r"^(?:the\s+)?(?:Union\s+)?(?:Ministry|Department|Government|Office|Cabinet|Lok Sabha|"
                             r"Rajya Sabha|Parliament)\b", re.IGNORECASE)


def subjects_of(sentence: Sentence) -> list[str]:
    """What a statement is about, as a question would name it: its first scheme, body, agreement, exercise or
    policy that is not the government's own office, and, for a sentence on one foreign country, India's
    relations with it ("With reference to India–Japan relations, …" may hold a line on the Peace Treaty)."""
    marks = sorted(sentence.marks, key=lambda mk: mk.start)
    # a body counts only as the sentence's subject ("The Indian Navy inducted …"): named in passing ("a frigate
    # of the Indian Navy") it would gather unrelated events under one name; a scheme or act counts anywhere
    out = [mark.value or mark.text for mark in marks
           if mark.kind == "entity" and mark.type in SUBJECT_TYPES and not GENERIC_SUBJECT.match(mark.text)
           and (mark.type != "organisation" or mark.start <= SUBJECT_OPENING)
           and not (ACRONYM.fullmatch(mark.text) and mark.value and mark.value != mark.text)][:1]
    foreign = {mk.value or mk.text for mk in marks if mk.kind == "entity" and mk.type == "country"} - {HOME}
    if len(foreign) == 1:
        out.append(f"{HOME}–{foreign.pop()} relations")
    return out


def _statement_text(sentence: str) -> str:
    text = sentence.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def published_year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None

"""Statements a question can use, per article: true ones (stored sentences) and their verified false versions."""

from __future__ import annotations

import random
from dataclasses import dataclass

from gistbook.quiz.kb import KnowledgeBase, Sentence
from gistbook.quiz.mutate import acronym_variants, false_variants, standalone
from gistbook.quiz.truth import acronym_statement


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
    sentence: Sentence | None = None  # None for an acronym statement
    short: str | None = None
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
        out.extend(self._acronym_candidates(article_id))
        self.kb.derived[("candidates", article_id)] = out
        return out

    def _acronym_candidates(self, article_id: int) -> list[Candidate]:
        out: list[Candidate] = []
        bullets = self.kb.material_bullets(article_id)
        for short, expansion in self.kb.acronyms_of(article_id):
            where = next((m.bullet_id for m in bullets if short in self.kb.texts[m.bullet_id]), None)
            if where is None:
                continue
            reason = f"‘{short}’ stands for ‘{expansion}’ in {self.kb.cite(where)}"
            out.append(Candidate(Statement(acronym_statement(short, expansion), True, where, reason), short=short))
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
            elif cand.short is not None:
                for text in acronym_variants(self.kb, cand.short, self.rng, limit=1):
                    cand._false.append(Statement(text, False, cand.true.bullet_id,
                                                 f"{cand.true.reason}, not the expansion given", cand.true.text))
        return cand._false[0] if cand._false else None

    def pick(self, n_true: int, n_false: int, tries: int = 6) -> tuple[list[Statement], list[Statement]] | None:
        """`n_true` true and `n_false` false statements about one article, each from a different sentence."""
        articles = self.kb.material_articles
        if not articles:
            return None
        for _ in range(tries):
            article_id = self.rng.choice(articles)
            cands = list(self.candidates(article_id))
            if len(cands) < n_true + n_false:
                continue
            self.rng.shuffle(cands)
            acronyms = [i for i, c in enumerate(cands) if c.short is not None]
            cands = [c for i, c in enumerate(cands) if c.short is None or i == (acronyms[0] if acronyms else -1)]
            if len(cands) < n_true + n_false:
                continue  # at most one acronym statement a question: the rest must be facts from sentences
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
                return trues, falses
        return None


def _statement_text(sentence: str) -> str:
    text = sentence.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def published_year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None

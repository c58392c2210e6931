"""Decide from the knowledge base alone whether a statement is true, provably false, or unverifiable.

True: a stored bullet states it word for word. False: it is a stored sentence with exactly one element
(a year, a number, an entity) replaced, and nothing stored pairs the new element with the sentence's
subject. Anything else is unverifiable, and a question containing it is never emitted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gistbook.quiz.kb import KnowledgeBase, Sentence
from gistbook.quiz.text import YEAR, content_words, fold, parse_number

ACRONYM_STATEMENT = re.compile(r"^The abbreviation ‘(?P<short>[^’]+)’ stands for ‘(?P<exp>[^’]+)’\.?$")
_NORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORDCHAR = re.compile(r"[\w.,$₹%’'-]")


@dataclass
class Verdict:
    """Truth of one statement with the evidence: the bullet that states or contradicts it."""

    truth: bool | None
    reason: str
    bullet_id: int | None = None
    stored: str | None = None  # the stored sentence a false statement was changed from
    old: str | None = None
    new: str | None = None
    change: str | None = None  # year, number, entity, person, acronym


def acronym_statement(short: str, expansion: str) -> str:
    return f"The abbreviation ‘{short}’ stands for ‘{expansion}’."


def evaluate(kb: KnowledgeBase, statement: str, cited: list[int]) -> Verdict:
    """Verdict on `statement`, looking for its evidence first in the cited bullets."""
    match = ACRONYM_STATEMENT.match(statement.strip())
    if match:
        return _acronym(kb, match["short"], match["exp"], cited)
    body = statement.strip().rstrip(".")
    for bullet_id in cited:
        if bullet_id in kb.texts and fold(body) in kb.folded(bullet_id):
            return Verdict(True, f"stated in {kb.cite(bullet_id)}", bullet_id)
    hit = kb.supported(body)
    if hit is not None:
        return Verdict(True, f"stated in {kb.cite(hit)}", hit)
    for bullet_id in cited:
        if bullet_id not in kb.texts:
            continue
        for sentence in kb.sentences(bullet_id):
            verdict = contradiction(kb, sentence, statement)
            if verdict is not None:
                return verdict
    return Verdict(None, "neither stated nor contradicted by a cited bullet")


def contradiction(kb: KnowledgeBase, sentence: Sentence, statement: str) -> Verdict | None:
    """A False verdict when `statement` is `sentence` with one element changed to something unrecorded."""
    change = one_change(sentence.text, statement)
    if change is None:
        return None
    old, new, start, end = change
    kind = _change_kind(kb, old, new)
    if kind is None:
        return None
    subject = subject_needles(sentence, start, end, kind)
    if not subject:
        return None
    core = _core(new, kind)
    if kb.bullets_with([core, *subject]):
        return None
    if kind == "person":
        roles = {fold(mk.role) for mk in sentence.marks if mk.role and mk.start < end and start < mk.end}
        roles |= kb.roles.get(fold(old), set())
        held = kb.roles.get(fold(new), set())
        if any(r in h or h in r for r in roles for h in held if r and h):
            return None
    reason = f"the stored fact says “{old}”, not “{new}”"
    return Verdict(False, reason, sentence.bullet_id, sentence.text, old, new, kind)


def one_change(stored: str, statement: str) -> tuple[str, str, int, int] | None:
    """(old, new, start, end) when `statement` differs from `stored` in one contiguous run of words."""
    a, b = _norm(stored), _norm(statement)
    if a == b:
        return None
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    while prefix > 0 and _WORDCHAR.match(a[prefix - 1]):
        prefix -= 1
    while suffix > 0 and _WORDCHAR.match(a[len(a) - suffix]):
        suffix -= 1
    old, new = a[prefix:len(a) - suffix].strip(" .,"), b[prefix:len(b) - suffix].strip(" .,")
    if not old or not new or len(old.split()) > 8 or len(new.split()) > 8:
        return None
    start = a.index(old, prefix)
    return old, new, start, start + len(old)


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.translate(_NORM)).strip().rstrip(".")
    return text[:1].upper() + text[1:]


def _change_kind(kb: KnowledgeBase, old: str, new: str) -> str | None:
    """What kind of element was changed; None when the change is not one element of a known kind."""
    if YEAR.search(old) and YEAR.search(new) and YEAR.sub("", old) == YEAR.sub("", new):
        return "year"
    n_old, n_new = _number(old), _number(new)
    if n_old is not None and n_new is not None and n_old != n_new and _unit(old) == _unit(new):
        return "number"
    t_old, t_new = kb.entity_type(old), kb.entity_type(new)
    if t_old and t_old == t_new and fold(old) != fold(new):
        return "person" if t_old == "person" else "entity"
    return None


def _number(text: str) -> float | None:
    found = re.search(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+", text)
    return parse_number(found.group(0)) if found else None


def _unit(text: str) -> str:
    return re.sub(r"[\d,.]+", "#", fold(text))


def _core(new: str, kind: str) -> str:
    """The part of a new element to look for in stored bullets (the number itself for figures)."""
    if kind in ("number", "year"):
        found = YEAR.search(new) if kind == "year" else re.search(r"\d[\d,]*(?:\.\d+)?", new)
        if found:
            return found.group(0)
    return new


def subject_needles(sentence: Sentence, start: int, end: int, kind: str) -> list[str]:
    """What the sentence is about, outside the changed element: its entities, else its longest words."""
    text = _norm(sentence.text)
    needles: list[str] = []
    for mk in sentence.marks:
        if mk.kind != "entity" or (mk.start < end and start < mk.end):
            continue
        if kind == "entity" and mk.type == "country":
            continue
        surface = _norm(mk.text)
        if surface and fold(surface) in fold(text) and fold(surface) not in (fold(n) for n in needles):
            needles.append(surface)
    if needles:
        return needles[:4]
    outside = text[:start] + " " + text[end:]
    words = sorted(set(content_words(outside)), key=lambda w: (-len(w), w))
    return words[:3]


def _acronym(kb: KnowledgeBase, short: str, expansion: str, cited: list[int]) -> Verdict:
    """An acronym statement is true when stored for that acronym, false when it is another one's expansion."""
    known = kb.acronyms.get(short, {})
    where = next((b for b in cited if b in kb.texts and fold(short) in kb.folded(b)), None)
    if not known:
        return Verdict(None, f"no stored expansion of {short}")
    stored = next(iter(known.values()))[0]
    folded = fold(expansion)
    if folded in known:
        return Verdict(True, f"‘{short}’ is stored as ‘{stored}’" + (f" in {kb.cite(where)}" if where else ""),
                       where, change="acronym")
    owners = sorted(kb.owners_of(expansion) - {short})
    clash = any(folded in k or k in folded for k in known)
    if owners and not clash:
        reason = f"‘{expansion}’ is the expansion of ‘{owners[0]}’; ‘{short}’ stands for ‘{stored}’"
        return Verdict(False, reason, where, acronym_statement(short, stored), stored, expansion, "acronym")
    return Verdict(None, f"‘{expansion}’ is not a stored expansion of any other acronym")

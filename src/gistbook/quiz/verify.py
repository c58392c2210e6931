"""The answer-key verifier: re-reads a finished question (stem, options, answer, sources) and recomputes its key
from the knowledge base alone, trusting nothing the generator decided. Any disagreement is a problem."""

from __future__ import annotations

import re
from typing import Any

from gistbook.quiz import options as opt
from gistbook.quiz.chronology import dated_items, in_order
from gistbook.quiz.kb import KnowledgeBase
from gistbook.quiz.relations import RELATION_OF_HEADER, pair_truth
from gistbook.quiz.text import fold
from gistbook.quiz.truth import evaluate

_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")
_POINT = re.compile(r"^- (.*) \[bullet #(\d+)\]$")


def verify(kb: KnowledgeBase, question: dict[str, Any]) -> list[str]:
    """Problems with a question; an empty list means its key is proven by the stored facts."""
    problems = _common(kb, question)
    kind = question.get("kind")
    checker = {"statements": _statements, "how-many": _statements, "pairs": _pairs, "chronology": _chronology,
               "cloze": _cloze, "mains": _mains}.get(str(kind))
    if checker is None:
        return [*problems, f"unknown kind {kind!r}"]
    return problems + checker(kb, question)


def _common(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    sources = q.get("sources") or []
    if not sources:
        problems.append("no sources")
    for src in sources:
        b = src.get("bullet_id")
        if b not in kb.bullet_article:
            problems.append(f"source bullet {b} is not stored")
            continue
        if kb.source(b) != src:
            problems.append(f"source of bullet {b} does not match the stored article")
        if f"bullet #{b}" not in str(q.get("explanation") or "") + str(q.get("answer") or ""):
            problems.append(f"explanation does not cite bullet {b}")
    if q.get("kind") != "mains":
        options = q.get("options") or []
        if len(options) != 4:
            problems.append("a prelims question needs four options")
        if len({fold(o) for o in options}) != len(options):
            problems.append("duplicate options")
        if str(q.get("answer")) not in tuple(opt.LETTERS[:len(options)]):
            problems.append(f"answer {q.get('answer')!r} is not an option letter")
    return problems


def _items(stem: str) -> tuple[list[str], list[str]]:
    """(numbered items, other lines) of a stem."""
    items, other = [], []
    for line in stem.split("\n"):
        found = _ITEM.match(line.strip())
        if found:
            items.append(found.group(2))
        else:
            other.append(line.strip())
    return items, other


def _key_problems(q: dict[str, Any], truths: list[bool], close: str) -> list[str]:
    """The answer must be the one option whose code (or count) matches the recomputed truths."""
    options = q["options"]
    if close.startswith("How many"):
        matches = [i for i, o in enumerate(options) if opt.count_of(o) == sum(truths)]
    else:
        wanted = frozenset(i for i, t in enumerate(truths, 1) if t)
        matches = [i for i, o in enumerate(options) if opt.code_set(o) == wanted]
    if len(matches) != 1:
        return [f"{len(matches)} options match the recomputed truths {truths}"]
    if q["answer"] != opt.LETTERS[matches[0]]:
        return [f"answer {q['answer']} but the stored facts give {opt.LETTERS[matches[0]]}"]
    return []


def _cited(q: dict[str, Any]) -> list[int]:
    return [s["bullet_id"] for s in q.get("sources") or []]


def _statements(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    items, other = _items(q["stem"])
    if len(items) < 2:
        return ["fewer than two statements"]
    truths: list[bool] = []
    for i, text in enumerate(items, 1):
        verdict = evaluate(kb, text, _cited(q))
        if verdict.truth is None:
            return [f"statement {i} is unverifiable: {verdict.reason}"]
        truths.append(verdict.truth)
        if f"Statement {i} is {'correct' if verdict.truth else 'incorrect'}" not in q["explanation"]:
            return [f"explanation misjudges statement {i}"]
    return _key_problems(q, truths, other[-1])


def _pairs(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    items, other = _items(q["stem"])
    relation = next((RELATION_OF_HEADER[line] for line in other if line in RELATION_OF_HEADER), None)
    if relation is None:
        return ["no known pair header"]
    truths: list[bool] = []
    for i, line in enumerate(items, 1):
        left, sep, right = line.partition(" : ")
        truth, reason = pair_truth(kb, relation, left, right, _cited(q)) if sep else (None, "not a pair")
        if truth is None:
            return [f"pair {i} is unverifiable: {reason}"]
        truths.append(truth)
    return _key_problems(q, truths, other[-1])


def _chronology(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    items, _other = _items(q["stem"])
    known = {fold(d.text): d for b in dict.fromkeys(_cited(q)) for d in dated_items(kb, b)}
    dated = [known.get(fold(text)) for text in items]
    if any(d is None for d in dated) or len(items) < 3:
        return ["an event is not a stored dated fact"]
    events = [d for d in dated if d is not None]
    by_date = sorted(events, key=lambda d: d.start)
    if not in_order(by_date):
        return ["event dates overlap, so the order is not certain"]
    correct = [events.index(d) + 1 for d in by_date]
    matches = [i for i, o in enumerate(q["options"]) if opt.sequence_of(o) == correct]
    if len(matches) != 1:
        return [f"{len(matches)} options give the stored order {correct}"]
    if q["answer"] != opt.LETTERS[matches[0]]:
        return [f"answer {q['answer']} but the stored dates give {opt.LETTERS[matches[0]]}"]
    return []


def _cloze(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    blanked = next((line for line in q["stem"].split("\n") if opt.BLANK in line), None)
    if blanked is None:
        return ["no blank in the stem"]
    truths = []
    for option in q["options"]:
        verdict = evaluate(kb, blanked.replace(opt.BLANK, option), _cited(q))
        if verdict.truth is None:
            return [f"filler {option!r} is unverifiable: {verdict.reason}"]
        truths.append(verdict.truth)
    if truths.count(True) != 1:
        return [f"{truths.count(True)} fillers make a true statement"]
    if q["answer"] != opt.LETTERS[truths.index(True)]:
        return [f"answer {q['answer']} but the stored fact gives {opt.LETTERS[truths.index(True)]}"]
    return []


def _mains(kb: KnowledgeBase, q: dict[str, Any]) -> list[str]:
    if not q["stem"].startswith(opt_directives()):
        return ["the stem does not start with a Mains directive"]
    points = [_POINT.match(line) for line in q["answer"].split("\n") if line.startswith("- ")]
    if not points or any(p is None for p in points):
        return ["the outline has no cited points"]
    for p in points:
        assert p is not None
        text, bullet_id = p.group(1).rstrip("…"), int(p.group(2))
        if bullet_id not in kb.texts or fold(text) not in kb.folded(bullet_id):
            return [f"outline point is not in bullet {bullet_id}"]
    return []


def opt_directives() -> tuple[str, ...]:
    from gistbook.quiz.mains import DIRECTIVES

    return DIRECTIVES

"""The quiz library functions the CLI and the web app call: generate, look up, check and re-verify questions."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.keydates import key_dates
from gistbook.quiz import options as opt
from gistbook.quiz.kb import KnowledgeBase, load, topic_article_ids
from gistbook.quiz.registry import KINDS, Context, generators_for
from gistbook.quiz.verify import verify
from gistbook.store import quiz_questions
from gistbook.text import fold_statement

ATTEMPTS_PER_QUESTION = 25
KEY_DATES_FOR_CHRONOLOGY = 20
GIVE_UP_AFTER = 20  # consecutive failures before a generator is dropped for this call
RETRIES_PER_TURN = 4
LONE_PATIENCE = 4


class QuizError(ValueError):
    """A quiz request that cannot be met (unknown kind, unknown topic); one-line reason."""


def normalise_kinds(kinds: list[str] | str | None) -> list[str] | None:
    """Accept `how_many` or `how-many`, a comma list or a list; reject unknown kinds with a clear message."""
    if not kinds:
        return None
    items = kinds.split(",") if isinstance(kinds, str) else kinds
    out = [k.strip().lower().replace("_", "-") for k in items if k.strip()]
    unknown = [k for k in out if k not in KINDS]
    if unknown:
        raise QuizError(f"unknown question kind {unknown[0]!r}; choose from {', '.join(KINDS)}")
    return out


def fingerprint(question: dict[str, Any]) -> str:
    """Identity of a question's content, so the same question is stored once."""
    body = "\x1f".join([question["kind"], question["stem"], *question["options"]])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def generate(session: Session, topic: str | None = None, kinds: list[str] | str | None = None, count: int = 10,
             seed: int | None = None, *, persist: bool = True, kb: KnowledgeBase | None = None,
             stats: Counter[str] | None = None) -> list[dict[str, Any]]:
    """Up to `count` verified questions (the `quiz --json` shape), mixing kinds; stored when `persist`.

    Every question passes the answer-key verifier before it is returned. Writes go to `session`; the
    caller commits. `stats` (if given) counts attempts, failures and rejections, for reports and benchmarks.
    """
    wanted = normalise_kinds(kinds)
    rng = random.Random(seed)
    if kb is None:
        article_ids = None
        if topic:
            article_ids = topic_article_ids(session, topic)
            if not article_ids:
                raise QuizError(f"no stored articles about {topic!r}")
        kb = load(session, article_ids, rng=rng)
    if topic and ("key_bullets", topic) not in kb.derived:
        # a topic's chronology questions test its milestones: the bullets its key timeline is drawn from
        rows = key_dates(session, topic_article_ids(session, topic), KEY_DATES_FOR_CHRONOLOGY, about=topic)
        kb.derived[("key_bullets", topic)] = {s["bullet_id"] for r in rows for s in r["sources"]}
    ctx = Context(kb, rng, topic)
    # the kinds with the scarcest material (a founding year to pair, dated milestones) draw first, before the
    # statement kinds take their sentences: a set then mixes every kind the material allows
    active = sorted(generators_for(wanted), key=lambda g: g.kind not in ("pairs", "chronology"))
    misses: Counter[str] = Counter()
    # one kind asked for: a generator with scarce material (1 try in 8 succeeds) must not give up on a bad run
    give_up = GIVE_UP_AFTER * (LONE_PATIENCE if len(active) == 1 else 1)
    tally = stats if stats is not None else Counter()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    keys = KeyBalance()
    turn = tries = 0
    while len(out) < count and active and tally["attempts"] < count * ATTEMPTS_PER_QUESTION:
        gen = active[turn % len(active)]
        tries += 1
        if tries >= RETRIES_PER_TURN:  # keep the mix even: a generator gets a few tries before the next one
            turn, tries = turn + 1, 0
        tally["attempts"] += 1
        draft = gen.build(ctx)
        question = draft.to_dict(kb) if draft is not None else None
        outcome = "failed" if question is None else _admit(kb, question, seen)
        if outcome == "ok" and question is not None and not keys.admits(question):
            outcome = "unbalanced"
        if outcome != "ok":
            tally[outcome] += 1
            misses[gen.name] += 1  # nothing new from this generator: after enough in a row, it is spent
            if misses[gen.name] >= give_up:
                active.remove(gen)
            continue
        assert draft is not None and question is not None
        misses[gen.name] = 0
        turn, tries = turn + 1, 0
        question["generator"] = gen.name
        question["fingerprint"] = fingerprint(question)
        question["_syllabus"] = _syllabus(kb, question)
        question["_topic"] = draft.topic
        out.append(question)
        tally[question["kind"]] += 1
    if persist:
        save_questions(session, out)
    for question in out:
        for private in ("fingerprint", "_syllabus", "_topic"):
            question.pop(private, None)
    return out


# options that say every statement or pair is right: patterns with a false statement fail to build more often,
# so without a cap the survivors lean to "all correct" (a blind judge found 19 of 40 so) and a candidate learns it
ALL_CORRECT = frozenset({"Both 1 and 2", "1, 2 and 3", "All three", "All four", "All three pairs", "All four pairs"})
ALL_CORRECT_SHARE = 0.3


class KeyBalance:
    """Keeps "all correct" keys to about their share among a set's multi-statement and pairs questions."""

    def __init__(self) -> None:
        self.multi = self.all_correct = 0

    def admits(self, question: dict[str, Any]) -> bool:
        if question["kind"] not in ("statements", "how-many", "pairs"):
            return True
        key = question["options"][ord(question["answer"]) - ord("A")]
        if key in ALL_CORRECT:
            if self.all_correct + 1 > max(1.0, ALL_CORRECT_SHARE * (self.multi + 1)):
                return False
            self.all_correct += 1
        self.multi += 1
        return True


def _admit(kb: KnowledgeBase, question: dict[str, Any], seen: set[str]) -> str:
    """"ok" for a new question whose key the verifier proves; else why it is left out. A question resting on
    the same sentences as one already in the set asks the same facts again: a repeat."""
    key = fingerprint(question)
    bullets = sorted(s["bullet_id"] for s in question["sources"])
    repeated = sum(f"bullet:{b}" in seen for b in bullets)
    said = said_in(question)
    if key in seen or question["stem"] in seen or repeated * 2 > len(bullets) or said & seen:
        return "duplicates"
    if verify(kb, question):
        return "rejected"
    seen.update((key, question["stem"], *(f"bullet:{b}" for b in bullets), *said))
    return "ok"


_ITEM_LINE = re.compile(r"^(?:\d+\.\s+)(.+)$", re.MULTILINE)


def said_in(question: dict[str, Any]) -> set[str]:
    """The statements a question rests on, numbers masked: releases repeat a sentence word for word (daily
    briefings), and its true and its changed version ("… issued on 9 March 2022 …") state the same fact."""
    lines = _ITEM_LINE.findall(question["stem"])
    if question["kind"] == "cloze":
        lines += [line for line in question["stem"].split("\n") if opt.BLANK in line]
    return {"said:" + re.sub(r"\d[\d,.]*", "#", fold_statement(line.replace(opt.BLANK, "0"))) for line in lines
            if len(line) > 40}


def _syllabus(kb: KnowledgeBase, question: dict[str, Any]) -> str | None:
    for src in question["sources"]:
        tag = kb.articles[src["article_id"]].syllabus
        if tag:
            return tag
    return None


def save_questions(session: Session, questions: list[dict[str, Any]]) -> None:
    """Store questions by fingerprint (an identical question keeps its id) and set each one's `id`."""
    existing = quiz_questions.ids_by_fingerprint(session, [q["fingerprint"] for q in questions])
    for q in questions:
        if q["fingerprint"] in existing:
            q["id"] = existing[q["fingerprint"]]
            continue
        q["id"] = existing[q["fingerprint"]] = quiz_questions.add_question(
            session, fingerprint=q["fingerprint"], kind=q["kind"], stem=q["stem"], options=q["options"],
            answer=q["answer"], explanation=q["explanation"], source_bullet_ids=[s["bullet_id"] for s in q["sources"]],
            generator=q["generator"], topic=q.get("_topic"), syllabus=q.get("_syllabus"))


def question_dict(session: Session, row: quiz_questions.StoredQuestion) -> dict[str, Any]:
    """A stored question in the `quiz --json` shape, with citations read from the store."""
    ids = row.source_bullet_ids
    cites = quiz_questions.citations(session, ids)
    sources = [{"article_id": cites[b][0], "bullet_id": b, "title": cites[b][1], "published": cites[b][2]}
               for b in ids if b in cites]
    return {"id": row.id, "kind": row.kind, "stem": row.stem, "options": list(row.options), "answer": row.answer,
            "explanation": row.explanation, "sources": sources, "generator": row.generator}


def get_question(session: Session, question_id: int) -> dict[str, Any] | None:
    """One stored question by id, or None."""
    row = quiz_questions.question(session, question_id)
    return question_dict(session, row) if row is not None else None


def check_answer(question: dict[str, Any], given: str | int) -> dict[str, Any]:
    """Score one answer: a letter ("b", "(B)"), an option number (1–4) or the option's text.

    Returns {"correct", "answer", "answer_text", "given", "explanation"}; for a Mains question,
    "correct" is None and the outline is the answer.
    """
    if question["kind"] == "mains":
        return {"correct": None, "answer": question["answer"], "answer_text": question["answer"], "given": given,
                "explanation": question["explanation"]}
    options = question["options"]
    index = _choice_index(options, given)
    key = opt.LETTERS.index(question["answer"])
    return {"correct": index == key, "answer": question["answer"], "answer_text": options[key],
            "given": opt.LETTERS[index] if index is not None else None, "explanation": question["explanation"]}


def _choice_index(options: list[str], given: str | int) -> int | None:
    text = str(given).strip()
    bare = text.strip("() .").upper()
    if len(bare) == 1 and bare in opt.LETTERS[:len(options)]:
        return opt.LETTERS.index(bare)
    if bare.isdigit() and 1 <= int(bare) <= len(options):
        return int(bare) - 1
    folded = [o.casefold() for o in options]
    return folded.index(text.casefold()) if text.casefold() in folded else None


def verify_stored(session: Session, question_ids: list[int] | None = None) -> dict[str, Any]:
    """Re-verify stored questions against the current knowledge base: {"checked", "valid", "problems"}."""
    questions = [question_dict(session, row) for row in quiz_questions.questions(session, question_ids)]
    articles = sorted({s["article_id"] for qd in questions for s in qd["sources"]})
    kb = load(session, articles)
    problems = {qd["id"]: p for qd in questions if (p := verify(kb, qd))}
    return {"checked": len(questions), "valid": len(questions) - len(problems), "problems": problems}

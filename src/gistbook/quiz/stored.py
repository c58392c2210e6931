"""The default mock is drawn from questions already generated, verified and stored, so the Quiz page does not
load the whole knowledge base on every visit; the pool is topped up after a page is sent, never while it waits."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import defaultdict
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gistbook.quiz.registry import generators_for
from gistbook.quiz.service import generate, normalise_kinds
from gistbook.store import Store, quiz_questions
from gistbook.store.mock_tests import question_pool

log = logging.getLogger("gistbook.quiz")
REFILL_BATCH = 40
LOW_WATER = 120  # fewer unseen questions than this for a learner: top the pool up
REFILL_EVERY_S = 600.0  # at most this often when new articles arrived but the pool is not low
MAINS_SHARE = 10  # a default mock holds at most one Mains question per this many questions

_refill_lock = threading.Lock()
_last_refill: dict[str, float] = {"at": 0.0, "articles": -1.0, "exhausted_at": -1.0}


def question_dicts(session: Session, ids: list[int], *, whole: bool = True) -> list[dict[str, Any]]:
    """Stored questions in the `quiz --json` shape, in the order of `ids`, read in two queries. With `whole`, a
    question whose source points are no longer stored (its article was deleted or re-read) is left out."""
    if not ids:
        return []
    rows = {row.id: row for row in quiz_questions.questions(session, ids)}
    cites = quiz_questions.citations(session, {b for row in rows.values() for b in row.source_bullet_ids})
    out = []
    for qid in ids:
        row = rows.get(qid)
        if row is None or (whole and (not row.source_bullet_ids
                                      or any(b not in cites for b in row.source_bullet_ids))):
            continue
        sources = [{"article_id": cites[b][0], "bullet_id": b, "title": cites[b][1], "published": cites[b][2]}
                   for b in row.source_bullet_ids if b in cites]
        out.append({"id": row.id, "kind": row.kind, "stem": row.stem, "options": list(row.options),
                    "answer": row.answer, "explanation": row.explanation, "sources": sources,
                    "generator": row.generator})
    return out


def draw(session: Session, count: int, *, kinds: list[str] | str | None = None, avoid: set[int] | None = None,
         rng: random.Random | None = None) -> tuple[list[dict[str, Any]], int]:
    """Up to `count` stored questions, kinds taken in turn so one kind does not fill the set, questions in
    `avoid` (met lately) only when the pool has too few others. Also returns how many unseen questions are left."""
    wanted = normalise_kinds(kinds)
    rng = rng or random.Random()
    avoid = avoid or set()
    pool = question_pool(session, kinds=wanted, generators=[g.name for g in generators_for(wanted)])
    by_kind: dict[str, list[int]] = defaultdict(list)
    for qid, kind in pool:
        by_kind[kind].append(qid)
    mains_cap = count if wanted and "mains" in wanted else max(1, count // MAINS_SHARE)
    order = _interleave(by_kind, avoid, rng, {"mains": mains_cap})
    picked = question_dicts(session, order[:count + count // 4 + 2])  # a few spare for deleted sources
    if len(picked) < count and len(order) > count + count // 4 + 2:
        picked = question_dicts(session, order)
    picked = picked[:count]
    unseen_left = sum(1 for qid, _ in pool if qid not in avoid) - sum(1 for q in picked if q["id"] not in avoid)
    return picked, unseen_left


def _interleave(by_kind: dict[str, list[int]], avoid: set[int], rng: random.Random, caps: dict[str, int]) \
        -> list[int]:
    """Ids kind by kind in turn (the kinds in a random order, each shuffled, unseen before seen)."""
    queues = []
    for kind, ids in by_kind.items():
        rng.shuffle(ids)
        ids.sort(key=lambda qid: qid in avoid)  # stable: shuffled unseen ones, then shuffled seen ones
        queues.append(ids[:caps.get(kind, len(ids))])
    rng.shuffle(queues)
    order: list[int] = []
    for round_ in range(max((len(q) for q in queues), default=0)):
        order.extend(q[round_] for q in queues if round_ < len(q))
    fresh = [qid for qid in order if qid not in avoid]
    return fresh + [qid for qid in order if qid in avoid]


def known_exhausted(session: Session) -> bool:
    """The last try to make questions from these same articles found nothing new: another would only cost time
    (a store whose items yield few questions would otherwise generate on every visit of the Quiz page)."""
    return float(quiz_questions.newest_article_id(session)) == _last_refill["exhausted_at"]


def note_exhausted(session: Session) -> None:
    _last_refill["exhausted_at"] = float(quiz_questions.newest_article_id(session))


def needs_refill(session: Session, unseen_left: int) -> bool:
    """Low on unseen questions, or new articles since the last top-up (at most every REFILL_EVERY_S)."""
    if _refill_lock.locked():
        return False
    newest = float(quiz_questions.newest_article_id(session))
    if newest == _last_refill["exhausted_at"]:
        return False  # the last top-up found nothing new in these same articles
    if unseen_left < LOW_WATER:
        return True
    return newest > _last_refill["articles"] and time.monotonic() - _last_refill["at"] > REFILL_EVERY_S


def refill(store: Store, batch: int = REFILL_BATCH) -> int:
    """Generate and store a batch of new questions; returns how many were new. One at a time per process."""
    if not _refill_lock.acquire(blocking=False):
        return 0
    try:
        with store.sessions.begin() as session:
            newest = float(quiz_questions.newest_article_id(session))
            before = quiz_questions.question_count(session)
            generate(session, count=batch)
            added = quiz_questions.question_count(session) - before
        _last_refill.update(at=time.monotonic(), articles=newest,
                            exhausted_at=newest if added < batch // 10 else -1.0)
        return added
    except IntegrityError:
        return 0  # another process stored the same questions first; its questions serve as well
    except Exception:  # noqa: BLE001 - a failed top-up must not fail a page already sent; the next visit retries
        log.exception("topping up the stored questions failed")
        return 0
    finally:
        _refill_lock.release()

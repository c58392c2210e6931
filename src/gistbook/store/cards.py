"""Review cards: whose a card is, the reads the Review page runs after every rating, the day's counts, and writing
cards and their schedules. review/ decides what to show and how FSRS moves a card; this module only reads and
writes rows. Local mode's one learner has user_id NULL and never sees another learner's cards.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from gistbook.store import models as m
from gistbook.store.fastsql import rows, timestamp_param

# ---- the owner rule, written once: for SQLAlchemy queries and for the driver's plain SQL --------------------------


def owned(column: InstrumentedAttribute[int | None], user_id: int | None) -> ColumnElement[bool]:
    """Rows of one learner; None is the local single user (user_id NULL), never another learner's."""
    return column.is_(None) if user_id is None else column == user_id


def owned_by(user_id: int | None) -> ColumnElement[bool]:
    """Cards of one learner (the owner rule on cards.user_id)."""
    return owned(m.Card.user_id, user_id)


def owner_sql(local: bool, column: str = "user_id") -> str:
    """The same rule as plain SQL: the local learner's rows (NULL) or those of the learner bound as :user."""
    return f"{column} IS NULL" if local else f"{column} = :user"


# ---- one card ------------------------------------------------------------------------------------------------------


def card(session: Session, card_id: int) -> m.Card | None:
    """A card by id, whoever's it is (callers that show it to a learner check the owner first)."""
    return session.get(m.Card, card_id)


def own_card(session: Session, card_id: int, user_id: int | None) -> m.Card | None:
    """One of this learner's cards by id; None for a missing card or another learner's."""
    row = session.get(m.Card, card_id)
    return row if row is not None and row.user_id == user_id else None


def with_origin(session: Session, user_id: int | None, origin: str, origin_id: int) -> m.Card | None:
    """This learner's card made from one fact, question or note, if there is one."""
    return session.scalars(select(m.Card).where(owned_by(user_id), m.Card.origin == origin,
                                                m.Card.origin_id == origin_id)).first()


class CardRow(NamedTuple):
    """The columns a shown card carries, as the driver gives them (review.scheduler.card_dict reads these)."""

    id: int
    origin: str
    origin_id: int
    front: str
    back: str
    state: int
    due: Any
    syllabus: str | None
    bullet_id: int | None
    user_id: int | None


# The review page reads the next card after every rating, so these go straight to the driver (store/fastsql.py).
_CARD_SQL = ("SELECT id, origin, origin_id, front, back, state, due, syllabus, bullet_id, user_id FROM cards "
             "WHERE id = :id")


@functools.cache
def _due_sql(local: bool, states: tuple[int, ...] = (1, 2, 3)) -> str:
    """The earliest due card in each learned state (one index seek each), then the earliest of those."""
    seeks = " UNION ALL ".join(
        f"SELECT * FROM (SELECT id, due FROM cards WHERE {owner_sql(local)} AND state = {int(state)} "
        f"AND due <= :now ORDER BY due LIMIT 1) AS s{int(state)}" for state in states)
    return f"SELECT id FROM ({seeks}) AS due_cards ORDER BY due LIMIT 1"


@functools.cache
def _new_sql(local: bool) -> str:
    return f"SELECT id FROM cards WHERE {owner_sql(local)} AND state = 0 ORDER BY id LIMIT 1"


def next_due(session: Session, user_id: int | None, now: dt.datetime, *, due_states: tuple[int, ...],
             include_new: bool) -> CardRow | None:
    """The most overdue card in `due_states`, else (with `include_new`) the oldest new card; None when done."""
    params = {"user": user_id, "now": timestamp_param(session, now)}
    found = rows(session, _due_sql(user_id is None, due_states), params) if due_states else []
    if not found and include_new:
        found = rows(session, _new_sql(user_id is None), params)
    shown = rows(session, _CARD_SQL, {"id": found[0][0]}) if found else []
    return CardRow(*shown[0]) if shown else None


# ---- the day's counts ------------------------------------------------------------------------------------------


@functools.cache
def _today_sql(local: bool) -> str:
    """Every count in one round trip; each card count stops at its cap (an index range, never the whole deck)."""
    owner = owner_sql(local)
    logs = owner_sql(local, "+l.user_id")  # unary plus: SQLite seeks today's logs by time, not by owner

    def capped(where: str, cap: str) -> str:
        return f"(SELECT count(*) FROM (SELECT id FROM cards WHERE {owner} AND {where} LIMIT {cap}) AS c)"

    earlier = "SELECT 1 FROM review_logs e WHERE e.card_id = l.card_id AND e.reviewed < :start"
    return ("SELECT " + ", ".join((
        capped("state IN (1, 3) AND due <= :now", ":cap"),
        capped("state = 2 AND due <= :now", ":cap"),
        capped("state > 0 AND due > :now AND due < :end", ":cap"),
        capped("state = 0", ":new_cap"),
        f"(SELECT count(DISTINCT l.card_id) FROM review_logs l WHERE {logs} AND l.reviewed >= :start "
        f"AND NOT EXISTS ({earlier}))",
        f"(SELECT count(*) FROM review_logs l WHERE {logs} AND l.reviewed >= :start AND EXISTS ({earlier}))",
    )))


def day_counts(session: Session, user_id: int | None, now: dt.datetime, start: dt.datetime, end: dt.datetime, *,
               cap: int, new_cap: int) -> tuple[int, int, int, int, int, int]:
    """(learning steps due now, review cards due now, learned cards due later in the day, new cards, cards first
    rated since `start`, ratings since `start` of cards rated before it); each card count stops at its cap."""
    params = {"user": user_id, "now": timestamp_param(session, now), "start": timestamp_param(session, start),
              "end": timestamp_param(session, end), "cap": cap, "new_cap": new_cap}
    steps, review, later, new, introduced, done = (int(v or 0) for v in rows(session, _today_sql(user_id is None),
                                                                                params)[0])
    return steps, review, later, new, introduced, done


# ---- lists of cards ------------------------------------------------------------------------------------------------


def all_cards(session: Session, user_id: int | None) -> Iterable[m.Card]:
    """Every card of this learner (for the exam plan and the statistics)."""
    return session.scalars(select(m.Card).where(owned_by(user_id)))


def due_cards(session: Session, user_id: int | None, states: tuple[int, ...], now: dt.datetime,
              limit: int) -> list[m.Card]:
    """Up to `limit` of this learner's cards in `states` due by `now`, the most overdue first."""
    return list(session.scalars(select(m.Card).where(owned_by(user_id), m.Card.state.in_(states), m.Card.due <= now)
                                .order_by(m.Card.due).limit(limit)))


def new_cards(session: Session, user_id: int | None, limit: int) -> list[m.Card]:
    """Up to `limit` of this learner's new cards, the oldest first."""
    return list(session.scalars(select(m.Card).where(owned_by(user_id), m.Card.state == 0)
                                .order_by(m.Card.id).limit(limit)))


def list_cards(session: Session, user_id: int | None, *, due_only: bool, now: dt.datetime, limit: int,
               offset: int) -> list[m.Card]:
    """One page of this learner's cards, soonest due first (`due_only`: learned cards due by `now`)."""
    q = select(m.Card).where(owned_by(user_id))
    if due_only:
        q = q.where(m.Card.state > 0, m.Card.due <= now)
    return list(session.scalars(q.order_by(m.Card.due, m.Card.id).limit(limit).offset(offset)))


def cards_to_export(session: Session, user_id: int | None) -> list[m.Card]:
    """This learner's fact and note cards in id order (question cards leave with their questions)."""
    return list(session.scalars(select(m.Card).where(owned_by(user_id), m.Card.origin != "question")
                                .order_by(m.Card.id)))


def origin_ids(session: Session, user_id: int | None, origin: str) -> set[int]:
    """The facts, bullets, questions or notes (by `origin`) this learner already has a card of."""
    return set(session.scalars(select(m.Card.origin_id).where(owned_by(user_id), m.Card.origin == origin)))


def count_cards(session: Session, user_id: int | None, origin: str) -> int:
    """How many cards this learner has of one origin."""
    return int(session.scalar(select(func.count(m.Card.id)).where(owned_by(user_id), m.Card.origin == origin)) or 0)


def notes_with_cards(session: Session, note_ids: list[int], user_id: int | None) -> set[int]:
    """Which of these notes the learner has already turned into review cards."""
    if not note_ids:
        return set()
    return set(session.scalars(select(m.Card.origin_id).where(owned_by(user_id), m.Card.origin == "note",
                                                               m.Card.origin_id.in_(note_ids))))


# ---- what cards are made from --------------------------------------------------------------------------------------


def fact_bullets(session: Session, article_ids: list[int] | None) -> list[tuple[int, int]]:
    """(fact id, its first bullet) for every stored fact, or those mentioned in `article_ids`."""
    facts = select(m.FactMention.fact_id, func.min(m.FactMention.bullet_id)).group_by(m.FactMention.fact_id)
    if article_ids is not None:
        facts = facts.where(m.FactMention.article_id.in_(article_ids))
    return [(fact_id, bullet_id) for fact_id, bullet_id in session.execute(facts)]


def has_facts(session: Session) -> bool:
    """Whether linking has stored any fact at all."""
    return bool(session.scalar(select(func.count(m.Fact.id))))


def news_bullets(session: Session, article_ids: list[int] | None) -> list[int]:
    """News and background bullets of every article, or of `article_ids` (cards made when no fact is stored)."""
    bullets = select(m.Bullet.id).join(m.Section).where(m.Section.role.in_(("news", "background")))
    if article_ids is not None:
        bullets = bullets.where(m.Bullet.article_id.in_(article_ids))
    return list(session.scalars(bullets))


# ---- writes --------------------------------------------------------------------------------------------------------


def add_cards(session: Session, cards: list[dict[str, Any]]) -> list[m.Card]:
    """New cards (each a dict of Card columns), in the given order; flushed, so each has its id."""
    made = [m.Card(**fields) for fields in cards]
    session.add_all(made)
    session.flush()
    return made


def record_rating(session: Session, row: m.Card, *, fsrs: dict[str, Any], state: int, due: dt.datetime,
                  user_id: int | None, rating: int, reviewed: dt.datetime, duration_ms: int | None,
                  before: dict[str, Any]) -> None:
    """Give a card its new schedule and log the rating (with the card's state `before`, for undo)."""
    row.fsrs = fsrs
    row.state = state
    row.due = due
    session.add(m.ReviewLog(card_id=row.id, user_id=user_id, rating=rating, reviewed=reviewed,
                            duration_ms=duration_ms, before=before))
    session.flush()

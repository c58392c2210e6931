"""The login rate limit: one counter row per key (a name at an address, and an address), charged in a single
upsert before the password is checked, so parallel tries cannot all read "under the limit" and slip past it.
A key never locks: once its free failures are spent, each further one doubles the wait, up to a cap. Keys are
per address, so failures from one address never delay a sign-in from another."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, case, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from gistbook.store import models as m

FREE_PER_ACCOUNT = 5  # failures of one name from one address before any wait
FREE_PER_ADDRESS = 30  # failures from one address over every name (password spraying)
FIRST_WAIT = dt.timedelta(seconds=1)
LONGEST_WAIT = dt.timedelta(minutes=15)
FORGET_AFTER = dt.timedelta(hours=1)  # a key with no try for this long starts again from nothing


class LoginThrottle(m.Base):
    """Failed (or in-flight) sign-in tries under one key, and until when the next one must wait."""

    __tablename__ = "login_throttles"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column()
    last_try: Mapped[dt.datetime] = mapped_column(index=True)
    wait_until: Mapped[dt.datetime | None] = mapped_column()


class Throttled(Exception):
    """This try comes before a key's wait is over; nothing was counted."""

    def __init__(self, until: dt.datetime, now: dt.datetime) -> None:
        super().__init__("too many failed logins")
        self.until = until
        self.seconds = max(1, int((until - now).total_seconds() + 0.999))


@dataclass(frozen=True)
class Claim:
    """One key charged for a try: its failure count including this try, and the wait this try started."""

    key: str
    failures: int
    wait_set: dt.datetime | None


def keys_for(name: str, address: str) -> list[tuple[str, int]]:
    """Address first, then name at address: every transaction locks them in this order, so none deadlock."""
    address = (address or "unknown")[:64]
    return [(f"address:{address}", FREE_PER_ADDRESS), (f"account:{(name or '').lower()[:100]}@{address}",
                                                       FREE_PER_ACCOUNT)]


def wait_after(failures: int, free: int) -> dt.timedelta | None:
    """None while free failures remain; then 1 s, 2 s, 4 s, … up to LONGEST_WAIT."""
    if failures < free:
        return None
    return min(FIRST_WAIT * 2 ** min(failures - free, 30), LONGEST_WAIT)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _charge(conn: Connection, key: str, now: dt.datetime) -> int | None:
    """Count one more try under `key` unless it must still wait (then None); one statement, so atomic."""
    table: Any = LoginThrottle.__table__
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stale = table.c.last_try < now - FORGET_AFTER
    statement = insert(table).values(key=key, failures=1, last_try=now, wait_until=None).on_conflict_do_update(
        index_elements=[table.c.key],
        set_={"failures": case((stale, 1), else_=table.c.failures + 1), "last_try": now},
        where=or_(table.c.wait_until.is_(None), table.c.wait_until <= now, stale),
    ).returning(table.c.failures)
    failures = conn.execute(statement).scalar()
    return int(failures) if failures is not None else None


def claim(bind: Engine, name: str, address: str, now: dt.datetime) -> list[Claim]:
    """Charge every key for this try in one committed transaction, before the slow password check (so no lock
    is held while argon2 runs); raises Throttled, counting nothing, when any key must still wait."""
    table: Any = LoginThrottle.__table__
    claims: list[Claim] = []
    with bind.begin() as conn:  # an exception rolls back whatever was charged
        for key, free in keys_for(name, address):
            failures = _charge(conn, key, now)
            if failures is None:
                until = conn.execute(select(table.c.wait_until).where(table.c.key == key)).scalar()
                raise Throttled(_aware(until) if until is not None else now + FIRST_WAIT, now)
            wait = wait_after(failures, free)
            wait_set = now + wait if wait is not None else None
            if wait_set is not None:
                conn.execute(update(table).where(table.c.key == key).values(wait_until=wait_set))
            claims.append(Claim(key, failures, wait_set))
    return claims


def succeeded(session: Session, claims: list[Claim], now: dt.datetime) -> None:
    """A right password: the name at this address starts afresh; the address gets this try back (and the wait
    it started, unless a later try has moved it), but keeps its other failures, so one known password does not
    wipe a spraying address's record. Old keys are swept here too."""
    table: Any = LoginThrottle.__table__
    address_claim, account_claim = claims
    session.execute(delete(table).where(table.c.key == account_claim.key))
    values: dict[str, Any] = {"failures": case((table.c.failures > 0, table.c.failures - 1), else_=0)}
    if address_claim.wait_set is not None:
        values["wait_until"] = case((table.c.wait_until == address_claim.wait_set, None),
                                    else_=table.c.wait_until)
    session.execute(update(table).where(table.c.key == address_claim.key).values(**values))
    session.execute(delete(table).where(table.c.last_try < now - FORGET_AFTER))

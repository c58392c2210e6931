"""Server-mode accounts: users, login sessions, API tokens, invites and login attempts, all kept in the database
so that any number of app processes can share them (nothing lives in one process's memory)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ForeignKey, String, delete, func, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column

from gistbook.store import models as m
from gistbook.store import throttle

ROLES = ("admin", "editor", "learner")
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$"
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1000
SESSION_DAYS = 14
INVITE_DAYS = 7
TOKEN_DAYS = 90  # the default of settings.token_days, which callers pass
TOKEN_TOUCH_EVERY = dt.timedelta(minutes=1)  # last use is written at most this often per token

PROFILE = profiles.RFC_9106_LOW_MEMORY  # argon2id, 64 MiB, 3 passes: the library default, named for its test
hasher = PasswordHasher.from_parameters(PROFILE)
_DUMMY_HASH = hasher.hash("not-a-real-password-only-for-timing")


class AccountError(ValueError):
    """An account operation cannot be done as asked; one line says why."""


class WebSession(m.Base):
    """A signed-in browser: the cookie holds the token, the table only its SHA-256."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created: Mapped[dt.datetime] = mapped_column(default=m.utcnow)
    expires: Mapped[dt.datetime] = mapped_column(index=True)


class ApiToken(m.Base):
    """A bearer token for /api; shown once, stored hashed."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    created: Mapped[dt.datetime] = mapped_column(default=m.utcnow)
    expires: Mapped[dt.datetime] = mapped_column()
    last_used: Mapped[dt.datetime | None] = mapped_column()


class Invite(m.Base):
    """A one-time sign-up link an admin hands out, carrying the role the new account gets."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created: Mapped[dt.datetime] = mapped_column(default=m.utcnow)
    expires: Mapped[dt.datetime] = mapped_column()
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class TokenInfo:
    """What may be shown about an API token: never the secret, which only its maker saw once."""

    id: int
    user_id: int
    label: str
    created: dt.datetime
    last_used: dt.datetime | None
    expires: dt.datetime

    def to_dict(self, now: dt.datetime | None = None) -> dict[str, object]:
        now = now or m.utcnow()
        return {"id": self.id, "label": self.label, "created": self.created.isoformat(),
                "last_used": self.last_used.isoformat() if self.last_used else None,
                "expires": self.expires.isoformat(), "expired": self.expires <= now}


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _account(user: m.User) -> Account:
    return Account(user.id, user.name, user.role)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"a password is limited to {MAX_PASSWORD_CHARS} characters")


def add_user(session: Session, name: str, role: str, password: str) -> Account:
    """Create an account with an argon2 hash; the caller owns the transaction."""
    import re

    if not re.match(NAME_PATTERN, name or ""):
        raise AccountError("a user name is 2-40 letters, digits, dots, dashes or underscores, starting with a "
                           "letter or digit")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role[:20]!r}")
    check_password_rules(password)
    if session.scalar(select(m.User.id).where(func.lower(m.User.name) == name.lower())) is not None:
        raise AccountError(f"the name {name!r} is taken")
    user = m.User(name=name, role=role, password_hash=hasher.hash(password))
    session.add(user)
    session.flush()
    return _account(user)


def list_users(session: Session) -> list[Account]:
    return [_account(u) for u in session.scalars(select(m.User).order_by(m.User.name))]


def user_by_id(session: Session, user_id: int) -> Account | None:
    user = session.get(m.User, user_id)
    return _account(user) if user is not None else None


def user_by_name(session: Session, name: str) -> Account | None:
    user = session.scalar(select(m.User).where(func.lower(m.User.name) == (name or "").lower()))
    return _account(user) if user is not None else None


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


def wait_words(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{(seconds + 59) // 60} minutes"


class TooManyAttempts(AccountError):
    """Sign-ins for this name or address must wait a while; `seconds` says how long."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"too many failed logins: try again in {wait_words(seconds)}")
        self.seconds = seconds


def authenticate(session: Session, name: str, password: str, address: str,
                 now: dt.datetime | None = None) -> Account | None:
    """Check a password under the login rate limit (store/throttle.py); raises TooManyAttempts while this name
    at this address, or this address, must wait. Call it before `session` has written anything: the try is
    counted first, in a transaction of its own, so that parallel tries see each other."""
    now = now or m.utcnow()
    try:
        claims = throttle.claim(_engine(session), name, address, now)
    except throttle.Throttled as exc:
        raise TooManyAttempts(exc.seconds) from None
    user = session.scalar(select(m.User).where(func.lower(m.User.name) == (name or "").lower()))
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        ok = hasher.verify(stored, password or "") and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        return None  # the claim already counted this failure
    if hasher.check_needs_rehash(stored):
        user.password_hash = hasher.hash(password)
    throttle.succeeded(session, claims, now)
    return _account(user)


def change_password(session: Session, user_id: int, old: str, new: str, keep_token_hash: str | None) -> None:
    """Replace the password after checking the old one; every other session and every API token of the user
    ends (a stolen credential dies with the old password)."""
    user = session.get(m.User, user_id)
    if user is None or not user.password_hash:
        raise AccountError("no such account")
    try:
        hasher.verify(user.password_hash, old)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise AccountError("the current password is wrong") from None
    check_password_rules(new)
    user.password_hash = hasher.hash(new)
    ending = delete(WebSession).where(WebSession.user_id == user_id)
    if keep_token_hash:
        ending = ending.where(WebSession.token_hash != keep_token_hash)
    session.execute(ending)
    session.execute(delete(ApiToken).where(ApiToken.user_id == user_id))


def start_session(session: Session, user_id: int, now: dt.datetime | None = None) -> str:
    """A fresh random token for every login, so a planted cookie never becomes a signed-in one."""
    now = now or m.utcnow()
    token = secrets.token_urlsafe(32)
    session.add(WebSession(token_hash=digest(token), user_id=user_id, created=now,
                           expires=now + dt.timedelta(days=SESSION_DAYS)))
    session.execute(delete(WebSession).where(WebSession.expires < now))
    session.flush()
    return token


def session_user(session: Session, token: str, now: dt.datetime | None = None) -> Account | None:
    now = now or m.utcnow()
    row = session.scalar(select(WebSession).where(WebSession.token_hash == digest(token)))
    if row is None or _aware(row.expires) < now:
        return None
    return user_by_id(session, row.user_id)


def end_session(session: Session, token: str) -> None:
    session.execute(delete(WebSession).where(WebSession.token_hash == digest(token)))


def make_api_token(session: Session, user_id: int, label: str = "api", days: int = TOKEN_DAYS,
                   now: dt.datetime | None = None) -> str:
    """A new bearer token living `days` (settings.token_days); expired tokens of every user are swept."""
    now = now or m.utcnow()
    token = "gbt_" + secrets.token_urlsafe(32)
    session.execute(delete(ApiToken).where(ApiToken.expires <= now))
    session.add(ApiToken(token_hash=digest(token), user_id=user_id, label=(label or "api")[:100], created=now,
                         expires=now + dt.timedelta(days=days)))
    session.flush()
    return token


def _token_info(row: ApiToken) -> TokenInfo:
    return TokenInfo(row.id, row.user_id, row.label, _aware(row.created),
                     _aware(row.last_used) if row.last_used else None, _aware(row.expires))


def api_token_info(session: Session, token: str) -> TokenInfo | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token)))
    return _token_info(row) if row is not None else None


def list_api_tokens(session: Session, user_id: int) -> list[TokenInfo]:
    rows = session.scalars(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id))
    return [_token_info(row) for row in rows]


def revoke_api_token(session: Session, token_id: int, user_id: int | None) -> TokenInfo | None:
    """Delete one token: only `user_id`'s own, or anyone's when user_id is None (the admin CLI); None if there
    is no such token (or it is someone else's)."""
    query = select(ApiToken).where(ApiToken.id == token_id)
    if user_id is not None:
        query = query.where(ApiToken.user_id == user_id)
    row = session.scalar(query)
    if row is None:
        return None
    info = _token_info(row)
    session.delete(row)
    session.flush()
    return info


def token_user(session: Session, token: str, now: dt.datetime | None = None) -> Account | None:
    """The account behind a live bearer token, or None (unknown or expired). Last use is recorded at most once
    a minute per token, in a short transaction of its own, so a lookup otherwise stays a read."""
    now = now or m.utcnow()
    row = session.execute(select(ApiToken.id, ApiToken.user_id, ApiToken.expires, ApiToken.last_used)
                          .where(ApiToken.token_hash == digest(token))).first()
    if row is None or _aware(row.expires) <= now:
        return None
    account = user_by_id(session, row.user_id)
    if account is not None and (row.last_used is None or now - _aware(row.last_used) >= TOKEN_TOUCH_EVERY):
        _touch_token(session, row.id, now)
    return account


def _touch_token(session: Session, token_id: int, now: dt.datetime) -> None:
    table: Any = ApiToken.__table__
    stamp = update(table).where(table.c.id == token_id, or_(table.c.last_used.is_(None),
                                                           table.c.last_used <= now - TOKEN_TOUCH_EVERY))
    try:
        with _engine(session).begin() as conn:
            conn.execute(stamp.values(last_used=now))
    except OperationalError:
        pass  # SQLite busy past its timeout: last use is a hint, not worth failing the request over


def make_invite(session: Session, role: str, created_by: int | None, now: dt.datetime | None = None) -> str:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    now = now or m.utcnow()
    token = secrets.token_urlsafe(24)
    session.add(Invite(token_hash=digest(token), role=role, created_by=created_by, created=now,
                       expires=now + dt.timedelta(days=INVITE_DAYS)))
    session.flush()
    return token


def open_invite(session: Session, token: str, now: dt.datetime | None = None) -> Invite | None:
    now = now or m.utcnow()
    row = session.scalar(select(Invite).where(Invite.token_hash == digest(token)))
    if row is None or row.used_by is not None or _aware(row.expires) < now:
        return None
    return row


def invite_link(base_url: str | None, token: str) -> str:
    """The sign-up link from the configured public address (settings.base_url), never from a request's Host
    header; without one, the bare path, which a person completes with the address they serve the app at."""
    path = f"/invite/{token}"
    return base_url.rstrip("/") + path if base_url else path


def accept_invite(session: Session, token: str, name: str, password: str) -> Account:
    """Create the invited account and spend the invite, in the caller's transaction (row locked on PostgreSQL)."""
    row = session.scalar(select(Invite).where(Invite.token_hash == digest(token)).with_for_update())
    if row is None or row.used_by is not None or _aware(row.expires) < m.utcnow():
        raise AccountError("this invite link is not valid any more")
    account = add_user(session, name, row.role, password)
    row.used_by = account.id
    return account

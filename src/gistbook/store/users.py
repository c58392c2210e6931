"""Server-mode accounts: users, login sessions, API tokens, invites and login attempts, all kept in the database
so that any number of app processes can share them (nothing lives in one process's memory)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ForeignKey, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from gistbook.store import models as m

ROLES = ("admin", "editor", "learner")
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$"
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1000
SESSION_DAYS = 14
INVITE_DAYS = 7
LOGIN_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_ADDRESS = 30

hasher = PasswordHasher()
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


class LoginAttempt(m.Base):
    """Failed logins, counted per name and per address over a window: the rate limit every process sees."""

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=m.utcnow, index=True)


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str


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


def failures_recently(session: Session, name: str, address: str, now: dt.datetime) -> tuple[int, int]:
    since = now - LOGIN_WINDOW
    by_name = session.scalar(select(func.count()).select_from(LoginAttempt)
                             .where(LoginAttempt.name == name.lower()[:100], LoginAttempt.at >= since)) or 0
    by_address = session.scalar(select(func.count()).select_from(LoginAttempt)
                                .where(LoginAttempt.address == address[:64], LoginAttempt.at >= since)) or 0
    return int(by_name), int(by_address)


class TooManyAttempts(AccountError):
    """Logins for this name or address are paused for a while."""


def authenticate(session: Session, name: str, password: str, address: str,
                 now: dt.datetime | None = None) -> Account | None:
    """Check a password, counting failures in the database; raises TooManyAttempts while rate limited."""
    now = now or m.utcnow()
    by_name, by_address = failures_recently(session, name, address, now)
    if by_name >= MAX_FAILURES_PER_NAME or by_address >= MAX_FAILURES_PER_ADDRESS:
        raise TooManyAttempts("too many failed logins: wait 15 minutes and try again")
    user = session.scalar(select(m.User).where(func.lower(m.User.name) == (name or "").lower()))
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        ok = hasher.verify(stored, password or "") and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or user is None:
        session.add(LoginAttempt(name=(name or "").lower()[:100], address=address[:64], at=now))
        session.flush()
        return None
    if hasher.check_needs_rehash(stored):
        user.password_hash = hasher.hash(password)
    session.execute(delete(LoginAttempt).where(LoginAttempt.name == user.name.lower()))
    return _account(user)


def change_password(session: Session, user_id: int, old: str, new: str, keep_token_hash: str | None) -> None:
    """Replace the password after checking the old one; every other session of the user ends."""
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


def make_api_token(session: Session, user_id: int, label: str = "api") -> str:
    token = "gbt_" + secrets.token_urlsafe(32)
    session.add(ApiToken(token_hash=digest(token), user_id=user_id, label=(label or "api")[:100]))
    session.flush()
    return token


def token_user(session: Session, token: str) -> Account | None:
    user_id = session.scalar(select(ApiToken.user_id).where(ApiToken.token_hash == digest(token)))
    return user_by_id(session, user_id) if user_id is not None else None


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


def accept_invite(session: Session, token: str, name: str, password: str) -> Account:
    """Create the invited account and spend the invite, in the caller's transaction (row locked on PostgreSQL)."""
    row = session.scalar(select(Invite).where(Invite.token_hash == digest(token)).with_for_update())
    if row is None or row.used_by is not None or _aware(row.expires) < m.utcnow():
        raise AccountError("this invite link is not valid any more")
    account = add_user(session, name, row.role, password)
    row.used_by = account.id
    return account

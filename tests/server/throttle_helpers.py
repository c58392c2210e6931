"""Driving the login rate limit with a simulated clock, so a test can stand at any point of the back-off."""

from __future__ import annotations

import datetime as dt

from gistbook.store import Store
from gistbook.store import users as accounts
from gistbook.store.models import utcnow

WRONG = "not the password at all"


def try_login(store: Store, name: str, password: str, address: str, now: dt.datetime) -> str:
    """'ok', 'wrong' (the password was checked) or 'wait N' (throttled before any check)."""
    try:
        with store.sessions.begin() as session:
            return "ok" if accounts.authenticate(session, name, password, address, now=now) else "wrong"
    except accounts.TooManyAttempts as exc:
        return f"wait {exc.seconds}"


def fail_until_waiting(store: Store, name: str, address: str, beyond_now: dt.timedelta) -> int:
    """Wrong passwords for `name` from `address`, each as soon as its wait is over on a clock that starts 20
    minutes ago, until the next try must wait at least `beyond_now` past the real now; returns the checks made."""
    now, checks = utcnow() - dt.timedelta(minutes=20), 0
    while True:
        result = try_login(store, name, WRONG, address, now)
        if result == "wrong":
            checks += 1
            continue
        until = now + dt.timedelta(seconds=int(result.split()[1]))
        if until >= utcnow() + beyond_now:
            return checks
        now = until

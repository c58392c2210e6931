"""The login rate limit (issue 18): parallel tries cannot slip past it, waits grow instead of locking an account,
and failures from one address never delay a sign-in from another. Real databases, a simulated clock."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from tests.server.server_helpers import PASSWORD, add_account
from tests.server.throttle_helpers import WRONG, try_login

from gistbook.store import Store, throttle
from gistbook.store.models import utcnow

ATTACKER, ELSEWHERE = "203.0.113.66", "198.51.100.5"
T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    made = Store(db_url)
    for name, role in [("asha", "learner"), ("boss", "admin")]:
        add_account(made, name, role)
    yield made
    made.close()


def parallel_tries(store: Store, count: int, name: str, address: str, now: dt.datetime) -> Counter[str]:
    """`count` threads released together, each checking a wrong password on its own connection."""
    start = threading.Barrier(count)
    results: list[str] = []

    def one() -> None:
        start.wait()
        results.append(try_login(store, name, WRONG, address, now))

    threads = [threading.Thread(target=one) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return Counter("wait" if r.startswith("wait") else r for r in results)


def test_25_parallel_wrong_passwords_check_no_more_than_the_free_tries(store: Store) -> None:
    seen = parallel_tries(store, 25, "boss", ATTACKER, T0)
    assert seen == {"wrong": throttle.FREE_PER_ACCOUNT, "wait": 25 - throttle.FREE_PER_ACCOUNT}
    with store.session() as session:
        counted = session.scalar(select(throttle.LoginThrottle.failures)
                                 .where(throttle.LoginThrottle.key == f"account:boss@{ATTACKER}"))
    assert counted == throttle.FREE_PER_ACCOUNT  # refused tries were not counted, nor did they start a wait
    assert try_login(store, "boss", PASSWORD, ATTACKER, T0) == "wait 1"  # the wait is short, not a lock
    assert try_login(store, "boss", PASSWORD, ELSEWHERE, T0) == "ok"  # the admin, from another address


def test_an_address_spraying_every_name_never_delays_the_admin_elsewhere(store: Store) -> None:
    for i in range(throttle.FREE_PER_ADDRESS):
        assert try_login(store, f"guess{i}", WRONG, ATTACKER, T0) == "wrong"
    assert try_login(store, "asha", PASSWORD, ATTACKER, T0).startswith("wait")  # the address waits…
    assert try_login(store, "boss", PASSWORD, ELSEWHERE, T0) == "ok"  # …nobody else does
    assert try_login(store, "asha", PASSWORD, ELSEWHERE, T0) == "ok"
    later = T0 + dt.timedelta(seconds=1)
    assert try_login(store, "asha", PASSWORD, ATTACKER, later) == "ok"  # and only for a second, so far


def test_each_further_failure_doubles_the_wait_up_to_the_cap(store: Store) -> None:
    now = T0
    for _ in range(throttle.FREE_PER_ACCOUNT):
        assert try_login(store, "asha", WRONG, ATTACKER, now) == "wrong"
    waits = []
    for _ in range(12):
        result = try_login(store, "asha", WRONG, ATTACKER, now)
        assert result.startswith("wait")
        waits.append(int(result.split()[1]))
        now += dt.timedelta(seconds=waits[-1])
        assert try_login(store, "asha", WRONG, ATTACKER, now) == "wrong"  # the wait is over: one more check
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]
    assert try_login(store, "asha", PASSWORD, ATTACKER, now) == "wait 900"
    assert try_login(store, "asha", PASSWORD, ELSEWHERE, now) == "ok"


def test_a_right_password_starts_the_count_afresh_and_quiet_hours_forget(store: Store) -> None:
    for _ in range(throttle.FREE_PER_ACCOUNT - 1):
        assert try_login(store, "asha", WRONG, ATTACKER, T0) == "wrong"
    assert try_login(store, "asha", PASSWORD, ATTACKER, T0) == "ok"
    for _ in range(throttle.FREE_PER_ACCOUNT):  # five more free tries after a success
        assert try_login(store, "asha", WRONG, ATTACKER, T0) == "wrong"
    assert try_login(store, "asha", WRONG, ATTACKER, T0) == "wait 1"
    quiet = T0 + throttle.FORGET_AFTER + dt.timedelta(seconds=1)
    for _ in range(throttle.FREE_PER_ACCOUNT):
        assert try_login(store, "asha", WRONG, ATTACKER, quiet) == "wrong"


def test_the_refusal_says_how_long_to_wait_in_one_line(store: Store) -> None:
    from gistbook.store import users as accounts

    for _ in range(throttle.FREE_PER_ACCOUNT):
        try_login(store, "asha", WRONG, ATTACKER, T0)
    with store.sessions.begin() as session, pytest.raises(accounts.TooManyAttempts) as caught:
        accounts.authenticate(session, "asha", PASSWORD, ATTACKER, now=T0)
    assert str(caught.value) == "too many failed logins: try again in 1 second"
    assert accounts.wait_words(900) == "15 minutes" and accounts.wait_words(45) == "45 seconds"


def test_a_success_gives_the_address_its_try_back(store: Store) -> None:
    assert try_login(store, "asha", PASSWORD, ATTACKER, utcnow()) == "ok"
    with store.session() as session:
        assert session.scalar(select(throttle.LoginThrottle.failures)
                              .where(throttle.LoginThrottle.key == f"address:{ATTACKER}")) == 0

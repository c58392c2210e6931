"""Revision 0007 upgrades a database made before it: API tokens keep working and get an expiry 90 days after
they were made, and the failed-login log gives way to the throttle table."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import command
from sqlalchemy import create_engine, inspect

from gistbook.store import Store
from gistbook.store import users as accounts
from gistbook.store.migrate import alembic_config


def test_0007_upgrades_a_database_with_tokens_and_failed_logins(blank_db_url: str) -> None:
    engine = create_engine(blank_db_url)
    cfg = alembic_config()
    made = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    stamp = sa.DateTime(timezone=True)
    users = sa.table("users", sa.column("id"), sa.column("name"), sa.column("role"), sa.column("password_hash"),
                     sa.column("created", stamp))
    tokens = sa.table("api_tokens", sa.column("id"), sa.column("token_hash"), sa.column("user_id"),
                      sa.column("label"), sa.column("created", stamp))
    attempts = sa.table("login_attempts", sa.column("name"), sa.column("address"), sa.column("at", stamp))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
        conn.execute(users.insert().values(id=1, name="asha", role="learner", password_hash="x", created=made))
        conn.execute(tokens.insert().values(id=7, token_hash=accounts.digest("gbt_old"), user_id=1,
                                            label="old script", created=made))
        conn.execute(attempts.insert().values(name="asha", address="10.0.0.1", at=made))
    engine.dispose()

    store = Store(blank_db_url)  # opening the store upgrades to the newest revision
    tables = set(inspect(store.engine).get_table_names())
    assert "login_throttles" in tables and "login_attempts" not in tables
    with store.session() as session:
        [token] = accounts.list_api_tokens(session, 1)
        assert token.id == 7 and token.label == "old script" and token.last_used is None
        assert abs(token.expires - (made + dt.timedelta(days=90))) < dt.timedelta(seconds=1)
        assert accounts.token_user(session, "gbt_old") == accounts.Account(1, "asha", "learner")
        later = made + dt.timedelta(days=90, seconds=1)
        assert accounts.token_user(session, "gbt_old", now=later) is None
    store.close()

"""CLI commands for server-mode accounts: `gistbook users add|list|token|invite`."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

ROLE_HELP = "admin (users, invites), editor (adds and deletes articles) or learner (reads, own notes and cards)"


def read_password(from_stdin: bool) -> str:
    """From standard input (one line) for scripts, else asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first: str = typer.prompt("Password", hide_input=True)
    again: str = typer.prompt("Repeat password", hide_input=True)
    if first != again:
        from gistbook.cli import fail

        fail("the two passwords differ")
    return first


def register(app: typer.Typer, state: Any) -> None:
    """Add the `users` command group; `state.store()` opens the database."""
    users = typer.Typer(help="Accounts for server mode (PostgreSQL): add users, list them, API tokens, invites.",
                        no_args_is_help=True)
    app.add_typer(users, name="users")

    @users.command("add")
    def add(name: Annotated[str, typer.Argument(help="login name")],
            role: Annotated[str, typer.Option(help=ROLE_HELP)] = "learner",
            password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from "
                                                         "standard input")] = False) -> None:
        """Create an account with an argon2-hashed password."""
        from gistbook.cli import fail, out
        from gistbook.store import users as accounts

        password = read_password(password_stdin)
        store = state.store()
        try:
            with store.sessions.begin() as session:
                account = accounts.add_user(session, name, role, password)
        except accounts.AccountError as exc:
            fail(str(exc))
            return
        finally:
            store.close()
        out.print(f"added {account.name} ({account.role}), id {account.id}", markup=False, highlight=False)

    @users.command("list")
    def list_(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
        """Every account with its role."""
        from gistbook.cli import out, print_json
        from gistbook.store import users as accounts

        store = state.store()
        with store.session() as session:
            people = accounts.list_users(session)
        store.close()
        if as_json:
            print_json({"users": [{"id": p.id, "name": p.name, "role": p.role} for p in people]})
            return
        for p in people:
            out.print(f"{p.id}\t{p.name}\t{p.role}", markup=False, highlight=False)

    @users.command("token")
    def token(name: Annotated[str, typer.Argument(help="whose token")],
              label: Annotated[str, typer.Option(help="what the token is for")] = "cli") -> None:
        """Print a new API token for /api (Authorization: Bearer TOKEN); it is shown only once."""
        from sqlalchemy import func, select

        from gistbook.cli import fail
        from gistbook.store import models
        from gistbook.store import users as accounts

        store = state.store()
        with store.sessions.begin() as session:
            user_id = session.scalar(select(models.User.id).where(func.lower(models.User.name) == name.lower()))
            made = accounts.make_api_token(session, user_id, label) if user_id is not None else None
        store.close()
        if made is None:
            fail(f"no user named {name!r}")
        sys.stdout.write(f"{made}\n")

    @users.command("invite")
    def invite(role: Annotated[str, typer.Option(help=ROLE_HELP)] = "learner",
               base_url: Annotated[str, typer.Option(help="where the app is served")] = "http://127.0.0.1:8000") \
            -> None:
        """Print a one-time sign-up link valid for 7 days."""
        from gistbook.cli import fail
        from gistbook.store import users as accounts

        store = state.store()
        try:
            with store.sessions.begin() as session:
                made = accounts.make_invite(session, role, None)
        except accounts.AccountError as exc:
            fail(str(exc))
            return
        finally:
            store.close()
        sys.stdout.write(f"{base_url.rstrip('/')}/invite/{made}\n")

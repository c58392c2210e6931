"""Server-mode accounts: `gistbook users add|list|token|tokens|revoke|invite`."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from gistbook.cli.common import err, fail, out, print_json, state

ROLE_HELP = "admin (users, invites), editor (adds and deletes articles) or learner (reads, own notes and cards)"


def read_password(from_stdin: bool) -> str:
    """From standard input (one line) for scripts, else asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first: str = typer.prompt("Password", hide_input=True)
    again: str = typer.prompt("Repeat password", hide_input=True)
    if first != again:
        fail("the two passwords differ")
    return first


users = typer.Typer(help="Accounts for server mode (PostgreSQL): add users, list them, API tokens (make, "
                         "list, revoke), invites.",
                    no_args_is_help=True)


@users.command("add")
def add(name: Annotated[str, typer.Argument(help="login name")],
        role: Annotated[str, typer.Option(help=ROLE_HELP)] = "learner",
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="read the password from "
                                                     "standard input")] = False) -> None:
    """Create an account with an argon2-hashed password."""
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
    """Print a new API token for /api (Authorization: Bearer TOKEN), shown once, valid GISTBOOK_TOKEN_DAYS."""
    from gistbook.store import users as accounts

    store = state.store()
    with store.sessions.begin() as session:
        person = accounts.user_by_name(session, name)
        made = accounts.make_api_token(session, person.id, label, days=state.settings.token_days) \
            if person is not None else None
    store.close()
    if made is None:
        fail(f"no user named {name!r}")
    sys.stdout.write(f"{made}\n")


@users.command("tokens")
def tokens(name: Annotated[str, typer.Argument(help="whose tokens")],
           as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """A user's API tokens: id, label, made, last used, expiry (never the token itself)."""
    from gistbook.store import users as accounts

    store = state.store()
    with store.session() as session:
        person = accounts.user_by_name(session, name)
        found = accounts.list_api_tokens(session, person.id) if person is not None else []
    store.close()
    if person is None:
        fail(f"no user named {name!r}")
        return
    if as_json:
        print_json({"user": person.name, "tokens": [t.to_dict() for t in found]})
        return

    def when(moment: dt.datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"

    now = dt.datetime.now(dt.UTC)
    for t in found:  # tab-separated, for cut and awk
        sys.stdout.write(f"{t.id}\t{t.label}\tmade {when(t.created)}\tlast used {when(t.last_used)}\t"
                         f"{'expired' if t.expires <= now else 'expires'} {when(t.expires)}\n")
    if not found:
        out.print(f"{person.name} has no API tokens", markup=False, highlight=False)


@users.command("revoke")
def revoke(token_id: Annotated[str, typer.Argument(metavar="TOKEN_ID", help="the id `users tokens` shows")]) \
        -> None:
    """Revoke an API token of any user: it stops working at once."""
    from gistbook.store import users as accounts

    wanted = token_id.strip().lstrip("#")
    if not wanted.isdigit() or not 0 < int(wanted) < 2**31:
        fail(f"no API token with id {token_id!r}: give the number `gistbook users tokens NAME` shows")
        return
    store = state.store()
    with store.sessions.begin() as session:
        gone = accounts.revoke_api_token(session, int(wanted), None)
        owner = accounts.user_by_id(session, gone.user_id) if gone is not None else None
    store.close()
    if gone is None:
        fail(f"no API token with id {wanted}")
        return
    out.print(f"revoked API token {gone.id} ({gone.label}) of {owner.name if owner else 'a removed user'}",
              markup=False, highlight=False)


@users.command("invite")
def invite(role: Annotated[str, typer.Option(help=ROLE_HELP)] = "learner",
           base_url: Annotated[str | None, typer.Option(help="the app's public address (default: "
                                                         "GISTBOOK_BASE_URL)")] = None) -> None:
    """Print a one-time sign-up link valid for 7 days."""
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
    base = base_url or state.settings.base_url
    if not base:
        err.print("gistbook: note: GISTBOOK_BASE_URL is not set, so this is a path: put the app's address in "
                  "front of it", markup=False, highlight=False)
    sys.stdout.write(f"{accounts.invite_link(base, made)}\n")

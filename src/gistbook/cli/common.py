"""The state the commands share and the one copy of the CLI helpers.

Exit codes: 2 when the input is wrong (a bad date, flag or setting: Click's usage code), 1 when the input is
well formed but the thing asked for is missing or the work failed (no such article, a failed item).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from gistbook.config import Settings, load_settings
from gistbook.console import error_line

if TYPE_CHECKING:
    from gistbook.store import Store

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # the progress bar's and notices; errors go through console.error_line
BAD_INPUT = 2
NOT_DONE = 1


class State:
    """What the root callback reads once (settings) and every command opens from it (the store)."""

    settings: Settings

    def store(self) -> Any:
        from gistbook.store import Store, StoreError

        try:
            return Store(self.settings.db)
        except StoreError as exc:
            fail(str(exc))


state = State()


def fail(message: str, code: int = BAD_INPUT) -> NoReturn:
    """One clear line on stderr, then exit."""
    error_line(f"gistbook: {message}")
    raise typer.Exit(code)


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def check_date(value: str | None, flag: str) -> dt.date | None:
    """The date a YYYY-MM-DD flag gives, None when it is not given; a bad one fails naming the flag."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} {value!r} is not a date in YYYY-MM-DD form")


def date_text(value: str | None, flag: str) -> str | None:
    """check_date as the ISO text the library functions take."""
    day = check_date(value, flag)
    return day.isoformat() if day else None


def refresh_dossiers_of(store: Store, report: dict[str, Any]) -> None:
    """Topic pages are kept as snapshots; rebuilding the touched ones now spares the next reader the wait."""
    from gistbook.web.speed import refresh_after_ingest

    refresh_after_ingest(store, report)


def main_options(
    db: Annotated[str | None, typer.Option("--db", help="SQLAlchemy database URL (default: GISTBOOK_DB, "
                                           "else a SQLite file in the user's data directory)")] = None,
) -> None:
    try:
        state.settings = load_settings(db=db)
    except Exception as exc:  # noqa: BLE001 - pydantic's message is long; keep one line per setting
        errors = getattr(exc, "errors", None)
        found = errors() if callable(errors) else []
        said = "; ".join(f"GISTBOOK_{str(e['loc'][0]).upper()}: {e['msg'].removeprefix('Value error, ')}"
                         for e in found if e.get("loc")) or str(exc).splitlines()[0]
        fail(f"invalid settings: {said}")

"""The command line: a thin Typer layer over the library (DESIGN.md, "The CLI contract").

`common.py` holds the shared state and the one copy of the helpers (fail, JSON printing, date checks); each
other module declares one group of commands, and this file puts them together in the order `--help` lists.
"""

from __future__ import annotations

import typer

from gistbook.cli import articles, link, note, practice, sources, users, web
from gistbook.cli.common import main_options

app = typer.Typer(help="gistbook: current-affairs news into exam-ready notes, dossiers and practice.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, callback=main_options)
for commands in (articles.commands, link.commands, note.commands, practice.commands, web.commands,
                 sources.commands):
    app.add_typer(commands)  # no name: their commands sit at the top level (`gistbook ingest`, `gistbook fetch`)
app.add_typer(practice.cards, name="cards")
app.add_typer(users.users, name="users")
app.add_typer(sources.sources, name="sources")


def main() -> None:
    app()


__all__ = ["app", "main"]

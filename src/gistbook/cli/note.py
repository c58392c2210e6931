"""The `note` command: the exam page of one stored item (key points, background, challenges)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from gistbook.cli.common import NOT_DONE, fail, state

commands = typer.Typer()  # merged into the root app by cli/__init__.py


@commands.command()
def note(
    article_id: Annotated[int, typer.Argument(metavar="ID")],
    fmt: Annotated[str, typer.Option("--format", help="text (the seed's page shape), markdown, html or json")]
    = "text",
    key_points: Annotated[int | None, typer.Option(help="key points kept from a prose item "
                                                   "(default: GISTBOOK_KEY_POINTS, else 3 to 8 by "
                                                   "its length)")] = None,
) -> None:
    """Write the exam page for an item: key points, then background and challenges from earlier articles."""
    from gistbook.page import FORMATS, PageError, build_page, render_page

    if fmt not in FORMATS:
        fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    limit = key_points if key_points is not None else state.settings.key_points
    if limit is not None and limit < 1:
        fail("--key-points must be at least 1")
    store = state.store()
    try:
        with store.session() as session:
            page = build_page(session, article_id, key_points=limit)
    except PageError as exc:
        fail(str(exc), NOT_DONE)
    sys.stdout.write(render_page(page, fmt))

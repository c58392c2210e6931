"""Following sources: `gistbook sources add|list|remove|pause|resume`, `fetch` and `worker`."""

from __future__ import annotations

import functools
from typing import Annotated

import typer

from gistbook.cli.common import NOT_DONE, err, fail, out, print_json, refresh_dossiers_of, state


def _when(value: str | None) -> str:
    return value.replace("T", " ").removesuffix("+00:00") if value else "-"


sources = typer.Typer(help="Follow RSS/Atom feeds and pages that list articles; `gistbook fetch` polls them.",
                      no_args_is_help=True)
commands = typer.Typer()  # fetch and worker, merged into the root app by cli/__init__.py


@sources.command("add")
def add(url: Annotated[str, typer.Argument(help="an RSS/Atom feed, or an HTML page listing articles")],
        name: Annotated[str | None, typer.Option(help="a name to list it by (default: the feed's title)")]
        = None,
        every: Annotated[str, typer.Option(help="how often to poll it: 30m, 6h, 1d")] = "6h",
        category: Annotated[str | None, typer.Option(help="category given to its items")] = None,
        as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Follow a source; it is polled by the next `gistbook fetch` (or the running app or worker)."""
    from gistbook.intake import sources as intake

    try:
        added = intake.add(state.store(), url, name=name, every=every, category=category)
    except intake.SourceError as exc:
        fail(str(exc))
        return
    if as_json:
        print_json(added)
        return
    out.print(f"following #{added['id']}  {added['name']}  every {every}", markup=False, highlight=False)


@sources.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every followed source with its last fetch, status, items stored, next poll and last error."""
    from rich.table import Table

    from gistbook.intake import sources as intake

    rows = intake.listed(state.store())
    if as_json:
        print_json({"sources": rows})
        return
    table = Table("id", "name", "url", "last fetch", "status", "items", "next due", "last error")
    for r in rows:
        table.add_row(str(r["id"]), r["name"], r["url"], _when(r["last_fetch"]), r["last_status"] or "-",
                      str(r["items"]), "paused" if r["paused"] else _when(r["next_due"]), r["last_error"] or "")
    out.print(table)


def _change(source_id: int, what: str) -> None:
    from gistbook.intake import sources as intake

    try:
        if what == "removed":
            intake.remove(state.store(), source_id)
        else:
            intake.set_paused(state.store(), source_id, what == "paused")
    except intake.SourceError as exc:
        fail(str(exc), NOT_DONE)
    out.print(f"{what} source #{source_id}", highlight=False)


@sources.command("remove")
def remove(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Stop following a source (its stored articles stay)."""
    _change(source_id, "removed")


@sources.command("pause")
def pause(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Skip a source in scheduled polls until it is resumed."""
    _change(source_id, "paused")


@sources.command("resume")
def resume(source_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Poll a paused source again."""
    _change(source_id, "resumed")


@commands.command()
def fetch(source: Annotated[int | None, typer.Option("--source", help="poll this source only, due or not")]
          = None,
          as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Poll every due source and ingest its new items; exits 1 when a source failed."""
    from gistbook.intake import sources as intake

    store = state.store()
    try:
        results = intake.fetch_due(store, state.settings, source_id=source,
                                   after_ingest=lambda report: refresh_dossiers_of(store, report))
    except intake.SourceError as exc:
        fail(str(exc), NOT_DONE)
        return
    if as_json:
        print_json({"sources": [r.to_dict() for r in results]})
    else:
        for r in results:
            line = (f"#{r.id} {r.name}: {r.status}, {r.fetched} fetched, {r.stored} stored, "
                    f"{r.skipped} skipped, {r.failed} failed")
            out.print(line, markup=False, highlight=False)
            if r.error:
                err.print(f"failed    #{r.id} {r.error}", markup=False, highlight=False)
        if not results:
            out.print("no source is due", highlight=False)
    raise typer.Exit(NOT_DONE if any(r.status == "error" for r in results) else 0)


@commands.command()
def worker(
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="jobs run at once (server mode)")] = 1,
    every: Annotated[float, typer.Option(help="local mode: seconds between checks for due sources")] = 60.0,
    once: Annotated[bool, typer.Option("--once", help="run what is due now, then stop")] = False,
    heartbeat: Annotated[float, typer.Option(min=0.5, help="server mode: seconds between a worker's signs of "
                                             "life; a job whose worker is silent for 3 of them runs again")]
    = 10.0,
) -> None:
    """Run background jobs: fetch due sources and ingest (server mode: from the PostgreSQL job queue)."""
    from gistbook.jobs import run_local_worker

    store = state.store()
    after_ingest = functools.partial(refresh_dossiers_of, store)
    err.print(f"gistbook: worker on {store.dialect}", markup=False, highlight=False)
    try:
        if store.dialect == "postgresql":  # procrastinate's queue over the same database
            from gistbook.queue import run_queue_worker

            run_queue_worker(store, state.settings, after_ingest=after_ingest, concurrency=concurrency, once=once,
                             heartbeat=heartbeat, schedule_every=min(every, 30.0))
        else:
            run_local_worker(store, state.settings, after_ingest=after_ingest, every=every, once=once)
    except KeyboardInterrupt:
        err.print("gistbook: worker stopped", markup=False, highlight=False)

"""Commands over articles: ingest, list, show, extract without storing, timeline, the demo notes, delete."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from gistbook.cli.common import (
    NOT_DONE,
    date_text,
    err,
    fail,
    out,
    print_json,
    refresh_dossiers_of,
    state,
)
from gistbook.console import failure_line

commands = typer.Typer()  # merged into the root app by cli/__init__.py


@commands.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, directories, http(s) URLs, or - for standard input")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD for items that lack a year")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    structure_only: Annotated[bool, typer.Option(
        "--structure-only", help="store structure only: no NLP and no linking (run `gistbook relink` later)")]
    = False,
    processes: Annotated[int, typer.Option(help="worker processes for extraction")] = 1,
) -> None:
    """Read, structure, extract and store news items; exits 1 when any item failed."""
    from gistbook.intake.items import ingest_paths_or_urls
    from gistbook.read import count_items

    pub = date_text(published, "--published")
    store = state.store()
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        from rich.progress import Progress

        total = sum(count_items(p) for p in paths)
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("ingesting", total=total or None)
            report = ingest_paths_or_urls(paths, store, settings=state.settings, published=pub,
                                          extract=not structure_only, n_process=processes, stdin=sys.stdin.buffer,
                                          progress=lambda n: bar.advance(task, n))
    else:
        report = ingest_paths_or_urls(paths, store, settings=state.settings, published=pub,
                                      extract=not structure_only, n_process=processes, stdin=sys.stdin.buffer)
    if not structure_only:
        refresh_dossiers_of(store, report.to_dict())
    if as_json:
        print_json(report.to_dict())
    else:
        for item in report.ingested:
            out.print(f"ingested  #{item['id']}  {item['title']}", markup=False, highlight=False)
        for item in report.updated:
            out.print(f"updated   #{item['id']}  {item['title']}", markup=False, highlight=False)
        for f in report.failed:
            failure_line(f["source"], f["error"])
        out.print(f"{len(report.ingested)} ingested, {len(report.updated)} updated, "
                  f"{len(report.unchanged)} unchanged, {len(report.failed)} failed", highlight=False)
    raise typer.Exit(NOT_DONE if report.failed else 0)


@commands.command()
def articles(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    limit: Annotated[int | None, typer.Option(help="show at most this many, newest first")] = None,
) -> None:
    """List stored articles, newest first."""
    rows = state.store().articles(limit=limit)
    if as_json:
        print_json({"articles": rows})
        return
    table = Table("id", "published", "category", "title", "bullets")
    for r in rows:
        table.add_row(str(r["id"]), r["published"] or "", r["category"] or "", r["title"], str(r["bullets"]))
    out.print(table)


@commands.command()
def show(
    article_id: Annotated[int, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show one stored article with its structure and what was extracted from it."""
    art = state.store().article(article_id)
    if art is None:
        fail(f"no article with id {article_id}", NOT_DONE)
    if as_json:
        print_json(art)
        return
    from gistbook.cli.render import article_text

    out.print(article_text(art), markup=False, highlight=False)


@commands.command()
def extract(
    file: Annotated[str, typer.Argument(help="a file, or - for standard input")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = True,
) -> None:
    """Extract entities, dates, figures and events from a file without storing anything."""
    from gistbook.cli.render import preview_dict
    from gistbook.pipeline import extract_file

    pub = date_text(published, "--published")
    pairs, failures = extract_file(file, published=pub, max_bytes=state.settings.max_file_bytes,
                                   stdin=sys.stdin.buffer)
    for f in failures:
        failure_line(f.source, f.error)
    previews = [preview_dict(a, e) for a, e in pairs]
    print_json(previews[0] if len(previews) == 1 and not failures
               else {"articles": previews, "failed": [{"source": f.source, "error": f.error} for f in failures]})
    raise typer.Exit(NOT_DONE if failures else 0)


@commands.command()
def timeline(
    topic: Annotated[str | None, typer.Argument(help="a stored topic, matched as `dossier` matches it")] = None,
    query: Annotated[str | None, typer.Option(help="the articles a full-text search finds (as `search`)")] = None,
    top: Annotated[int | None, typer.Option(help="only the K key dates, one line each")] = None,
    limit: Annotated[int | None, typer.Option(help="at most N events (without --top)")] = None,
    since: Annotated[str | None, typer.Option(help="events dated on or after YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List dated events, oldest first; with --top, the key dates of a topic or query."""
    from gistbook.link.dossier import TopicNotFound
    from gistbook.link.keydates import articles_for, key_dates

    day = date_text(since, "--since")
    if (top is not None and top < 1) or (limit is not None and limit < 1):
        fail("--top and --limit take a positive number")
    with state.store().session() as session:
        try:
            ids = articles_for(session, topic, query)
        except TopicNotFound as exc:
            fail(str(exc), NOT_DONE)
        if top:
            events = key_dates(session, ids, top, about=query or topic or "", since=day)
        else:
            events = state.store().timeline(limit, article_ids=ids, since=day)
    if as_json:
        print_json({"timeline": events})
        return
    for e in events:
        ref = e.get("article_id") or e["sources"][0]["article_id"]
        out.print(f"{e['date']:<12} {e['text']}  [#{ref}]", markup=False, highlight=False)


@commands.command()
def demo(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Load the bundled demo notes (safe to repeat: unchanged notes are left alone)."""
    from gistbook.pipeline import ingest_demo

    store = state.store()
    report = ingest_demo(store)
    refresh_dossiers_of(store, report.to_dict())
    if as_json:
        print_json(report.to_dict())
    else:
        out.print(f"demo notes: {len(report.ingested)} ingested, {len(report.updated)} updated, "
                  f"{len(report.unchanged)} unchanged, {len(report.failed)} failed", highlight=False)
        for f in report.failed:
            failure_line(f["source"], f["error"])
    raise typer.Exit(NOT_DONE if report.failed else 0)


@commands.command()
def delete(article_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Delete one article and everything extracted from it."""
    if not state.store().delete(article_id):
        fail(f"no article with id {article_id}", NOT_DONE)
    out.print(f"deleted #{article_id}")


"""Commands over what links articles: topics, a topic's dossier, related articles, search, relinking."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from gistbook.cli.common import NOT_DONE, date_text, fail, out, print_json, state

commands = typer.Typer()  # merged into the root app by cli/__init__.py


@commands.command()
def topics(
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    kind: Annotated[str | None, typer.Option(help="only topics of this kind: entity, pair, syllabus")] = None,
    limit: Annotated[int | None, typer.Option(help="only the biggest N topics")] = None,
) -> None:
    """List topics (entities, country pairs, syllabus nodes) with their article and fact counts."""
    from gistbook.link.topics import list_topics

    with state.store().session() as session:
        rows = list_topics(session, kind=kind, limit=limit)
    if as_json:
        print_json({"topics": rows})
        return
    table = Table("topic", "kind", "articles", "facts")
    for r in rows:
        table.add_row(r["name"], r["kind"], str(r["articles"]), str(r["facts"]))
    out.print(table)


@commands.command()
def dossier(
    topic: Annotated[str, typer.Argument(help="a topic name, matched forgivingly ('india japan')")],
    since: Annotated[str | None, typer.Option(help="also list what is new since YYYY-MM-DD")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
) -> None:
    """The dossier of one topic: timeline, figures, agreements, people, challenges, what is new."""
    from gistbook.export.markdown import dossier_markdown
    from gistbook.link.dossier import TopicNotFound, build_dossier

    day = date_text(since, "--since")
    with state.store().session() as session:
        try:
            result = build_dossier(session, topic, since=day)
        except TopicNotFound as exc:
            fail(str(exc), NOT_DONE)
    if as_json:
        print_json(result)
    else:
        out.print(dossier_markdown(result), markup=False, highlight=False)


@commands.command()
def related(
    article_id: Annotated[int, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    limit: Annotated[int, typer.Option(help="how many related articles")] = 10,
) -> None:
    """Articles related to one article (shared entities, similar text, same thread) and its topics."""
    from gistbook.link.related import related_articles

    store = state.store()
    with store.session() as session:
        if store.article(article_id) is None:
            fail(f"no article with id {article_id}", NOT_DONE)
        result = related_articles(session, article_id, limit=max(1, limit))
    if as_json:
        print_json(result)
        return
    for r in result["related"]:
        out.print(f"#{r['article_id']:<6} {r['score']:.3f}  {r['published'] or '':<10}  {r['title']}",
                  markup=False, highlight=False)
        out.print(f"         {r['reason']}", markup=False, highlight=False, style="dim")
    if result["topics"]:
        out.print("topics: " + ", ".join(t["name"] for t in result["topics"]), markup=False, highlight=False)


@commands.command()
def search(
    query: Annotated[str, typer.Argument(help="words to find; quotes and operators are taken as plain words")],
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    date_from: Annotated[str | None, typer.Option("--from", help="published on or after YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="published on or before YYYY-MM-DD")] = None,
    category: Annotated[str | None, typer.Option(help="category contains this text")] = None,
    paper: Annotated[str | None, typer.Option(help="syllabus paper (GS2) or node ('GS2: Health')")] = None,
    entity: Annotated[str | None, typer.Option(help="mentions this entity (name or alias)")] = None,
    limit: Annotated[int, typer.Option(help="how many results")] = 20,
) -> None:
    """Ranked full-text search over titles, bullets and entities, with highlighted snippets."""
    from gistbook.store.search import SearchFilters
    from gistbook.store.search import search as run_search

    filters = SearchFilters(date_text(date_from, "--from"), date_text(date_to, "--to"), category, paper, entity)
    with state.store().session() as session:
        results = run_search(session, query, filters, limit=max(1, limit))
    if as_json:
        print_json({"query": query, "results": results})
        return
    if not results:
        out.print("no results", highlight=False)
    for r in results:
        out.print(f"#{r['article_id']:<6} {r['published'] or '':<10}  {r['title']}", markup=False,
                  highlight=False, style="bold")
        snippet = Text("         " + r["snippet"])
        for start, end in r["highlights"]:
            snippet.stylize("reverse", start + 9, end + 9)
        out.print(snippet)


@commands.command()
def relink() -> None:
    """Recompute facts, topics and the search index for every stored article."""
    from gistbook.link import relink_all
    from gistbook.web.speed import refresh_dossiers

    store = state.store()
    count = relink_all(store)  # drops every kept dossier: facts and topics may all have moved
    rebuilt = refresh_dossiers(store)
    out.print(f"relinked {count} articles; rebuilt {rebuilt} topic dossiers", highlight=False)

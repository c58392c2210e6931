"""Practice commands: quiz, the review session, stats, export, and `cards add-…`; each over one library function."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from gistbook.cli.common import NOT_DONE, check_date, fail, out, print_json, state

panels = Console()
RATINGS = {"1": "again", "2": "hard", "3": "good", "4": "easy"}
commands = typer.Typer()  # merged into the root app by cli/__init__.py
cards = typer.Typer(help="Make review cards from facts, questions or your own notes.", no_args_is_help=True)


def _show_question(number: int, total: int, q: dict[str, Any]) -> None:
    body = q["stem"] + ("\n\n" + "\n".join(f"({'abcd'[i]}) {o}" for i, o in enumerate(q["options"]))
                        if q["options"] else "")
    panels.print(Panel(body, title=f"{number}/{total} · {q['kind']}", title_align="left"), markup=False,
              highlight=False)


def _ask(q: dict[str, Any]) -> bool | None:
    """Ask on the terminal; True/False when scored, None when skipped. 'q' quits."""
    from gistbook.quiz import check_answer

    if q["kind"] == "mains":
        typer.prompt("Press Enter for the outline", default="", show_default=False)
        out.print(q["answer"], markup=False, highlight=False)
        return None
    while True:
        given = typer.prompt("Your answer (a-d, s to skip, q to quit)", default="s", show_default=False).strip()
        if given.lower() == "q":
            raise typer.Exit(0)
        if given.lower() == "s":
            result = check_answer(q, q["answer"])
            out.print(f"Skipped. Answer: ({result['answer'].lower()}) {result['answer_text']}", markup=False)
            return None
        result = check_answer(q, given)
        if result["given"] is not None:
            break
        out.print("Type a, b, c or d.")
    mark = "[green]Correct[/green]" if result["correct"] else "[red]Incorrect[/red]"
    out.print(f"{mark}: the answer is ({result['answer'].lower()}) ", end="")
    out.print(result["answer_text"], markup=False, highlight=False)
    return bool(result["correct"])


def _review_session(store: Any, exam: dt.date | None, new_limit: int | None) -> None:
    """Show, reveal (space/enter), rate 1–4, keyboard only; 'q' ends the session. The exam date and the daily
    limits are the learner's stored ones (the Review page's), unless given here."""
    from gistbook.review import cards_from_facts, cards_from_questions, next_card_today, plan, rate, today
    from gistbook.store.learners import get_settings

    with store.sessions.begin() as session:
        made = cards_from_facts(session) + cards_from_questions(session)
        exam = exam or get_settings(session).exam_date
    if made:
        out.print(f"{made} new cards made from stored facts and questions.")
    if exam is not None:
        with store.sessions() as session:
            p = plan(session, exam)
        out.print(f"Exam {p['exam_date']}: {p['days_left']} days left; {p['cards']} cards, {p['new']} new, "
                  f"{p['at_risk']} at risk. Study {p['cards_per_day']} cards a day "
                  f"({p['new_per_day']} new) to cover the syllabus in time.", highlight=False)
    shown_new = reviewed = 0
    while True:
        with store.sessions() as session:
            counts = today(session)
            if new_limit is not None and shown_new >= new_limit:  # this session's own cap on new cards
                counts = dataclasses.replace(counts, new_introduced=counts.new_per_day)
            card = next_card_today(session, counts=counts, exam_date=exam)
        if card is None:
            out.print(f"Nothing more is due. {reviewed} cards reviewed.")
            return
        panels.print(Panel(card["front"], title=f"{card['state']} · {card['syllabus'] or 'untagged'}",
                        subtitle="space/enter: reveal · q: quit", title_align="left"), markup=False, highlight=False)
        key = typer.getchar()
        if key in ("q", "Q", "", "\x03", "\x04"):
            out.print(f"{reviewed} cards reviewed.")
            return
        panels.print(Panel(card["back"], subtitle="1 again · 2 hard · 3 good · 4 easy · q: quit"), markup=False,
                  highlight=False)
        while (key := typer.getchar()) not in RATINGS:
            if key in ("q", "Q", "", "\x03", "\x04"):
                out.print(f"{reviewed} cards reviewed.")
                return
        with store.sessions.begin() as session:
            result = rate(session, card["id"], int(key))
        shown_new += card["state"] == "new"
        reviewed += 1
        out.print(f"{RATINGS[key]} → next due {result['due'][:16].replace('T', ' ')} UTC", highlight=False)


@commands.command()
def quiz(
    topic: Annotated[str | None, typer.Option(help="only questions about this topic")] = None,
    kind: Annotated[str | None, typer.Option(help="statements, how-many, pairs, chronology, cloze, mains "
                                                  "(comma-separated)")] = None,
    count: Annotated[int, typer.Option(min=1, max=500, help="how many questions")] = 10,
    seed: Annotated[int | None, typer.Option(help="random seed, for a repeatable set")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the questions as JSON")] = False,
) -> None:
    """UPSC-style questions built from stored facts, each answer key verified; answered and scored on a
    terminal."""
    from gistbook.quiz import QuizError, generate

    store = state.store()
    try:
        with store.sessions.begin() as session:
            questions = generate(session, topic=topic, kinds=kind, count=count, seed=seed)
    except QuizError as exc:
        fail(str(exc))
        return
    if as_json:
        print_json({"questions": questions})
        return
    if not questions:
        fail("no question could be built from the stored facts; ingest more articles first", NOT_DONE)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    score = answered = 0
    for number, q in enumerate(questions, 1):
        _show_question(number, len(questions), q)
        if interactive:
            result = _ask(q)
            if result is not None:
                answered += 1
                score += result
        elif q["kind"] != "mains":
            out.print(f"Answer: ({q['answer'].lower()}) {q['options']['ABCD'.index(q['answer'])]}",
                      markup=False, highlight=False)
        else:
            out.print(q["answer"], markup=False, highlight=False)
        out.print(q["explanation"], markup=False, highlight=False, style="dim")
    if interactive:
        out.print(f"Score: {score}/{answered}")


@commands.command()
def review(
    exam: Annotated[str | None, typer.Option(help="exam date YYYY-MM-DD: plan backwards from it (default: the "
                                                  "stored study plan's)")] = None,
    new: Annotated[int | None, typer.Option(min=0, help="most new cards in this session (default: what the "
                                                         "daily new-card limit leaves)")] = None,
) -> None:
    """Spaced-repetition session (FSRS): show, space/enter to reveal, 1–4 to rate, q to quit."""
    from gistbook.review import ReviewError

    exam_date = check_date(exam, "--exam")
    try:
        _review_session(state.store(), exam_date, new)
    except ReviewError as exc:
        fail(str(exc))


@commands.command()
def stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Retention, due forecast, and coverage and retention by syllabus area."""
    from gistbook.review import stats as review_stats

    with state.store().sessions() as session:
        data = review_stats(session)
    if as_json:
        print_json(data)
        return
    out.print(f"{data['cards']} cards ({data['by_state']['new']} new), {data['reviews']} reviews, "
              f"retention {data['retention'] if data['retention'] is not None else 'n/a'}, "
              f"coverage {data['coverage']:.0%}, due today {data['due_today']}", highlight=False)
    table = Table("syllabus area", "cards", "studied", "coverage", "retention", "recall now")
    for tag, a in data["by_syllabus"].items():
        table.add_row(tag, str(a["cards"]), str(a["studied"]), f"{a['coverage']:.0%}",
                      "n/a" if a["retention"] is None else f"{a['retention']:.0%}",
                      "n/a" if a["mean_recall_now"] is None else f"{a['mean_recall_now']:.0%}")
    out.print(table)


@commands.command()
def export(
    kind: Annotated[str, typer.Argument(metavar="anki|markdown")],
    out_path: Annotated[str, typer.Argument(metavar="OUT")],
    topic: Annotated[str | None, typer.Option(help="only this topic")] = None,
    since: Annotated[str | None, typer.Option(help="only articles published on or after YYYY-MM-DD")] = None,
) -> None:
    """Export practice to Anki (.apkg, re-export updates notes) or a topic dossier to Markdown."""
    since_date = check_date(since, "--since")
    since_text = since_date.isoformat() if since_date else None
    store = state.store()
    if kind == "markdown":
        if not topic:
            fail("markdown export needs --topic")
        from gistbook.export.markdown import export_markdown

        try:
            path = export_markdown(store, out_path, topic or "", since_text)
        except Exception as exc:  # noqa: BLE001 - the exporter's own errors carry a one-line reason
            fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, NOT_DONE)
            return
        out.print(f"wrote {path}", markup=False, highlight=False)
        return
    if kind != "anki":
        fail(f"unknown export kind {kind!r}; choose anki or markdown")
    from gistbook.export.anki import ExportError, export_anki
    from gistbook.quiz import QuizError, generate
    from gistbook.store.quiz_questions import any_question

    try:
        with store.sessions.begin() as session:
            if not any_question(session):
                generate(session, topic=topic, count=30, seed=0)
            summary = export_anki(session, out_path, topic=topic, since=since_text)
    except (ExportError, QuizError) as exc:
        fail(str(exc), NOT_DONE)
        return
    out.print(f"wrote {summary['path']}: {summary['questions']} questions and {summary['cards']} cards "
              f"in deck {summary['deck']}", markup=False, highlight=False)


@cards.command("add-note")
def add_note(note_id: Annotated[int, typer.Argument(metavar="NOTE_ID")]) -> None:
    """Turn one of your notes into a review card ("front :: back" splits it)."""
    from gistbook.review import ReviewError, card_from_note

    try:
        with state.store().sessions.begin() as session:
            card = card_from_note(session, note_id)
    except ReviewError as exc:
        fail(str(exc), NOT_DONE)
        return
    out.print(f"card #{card['id']}: {card['front']}", markup=False, highlight=False)


@cards.command("add-facts")
def add_facts(topic: Annotated[str | None, typer.Option(help="only facts of this topic")] = None) -> None:
    """Make a cloze card from every stored fact that has none yet."""
    from gistbook.review import cards_from_facts

    with state.store().sessions.begin() as session:
        made = cards_from_facts(session, topic=topic)
    out.print(f"{made} cards made")


@cards.command("add-questions")
def add_questions() -> None:
    """Make a card from every stored question that has none yet."""
    from gistbook.review import cards_from_questions

    with state.store().sessions.begin() as session:
        made = cards_from_questions(session)
    out.print(f"{made} cards made")


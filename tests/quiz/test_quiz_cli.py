"""The quiz, review, stats, cards and export commands, run as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gistbook.cli import app
from gistbook.store import Store, models

runner = CliRunner()


@pytest.fixture
def db(demo_seed_url: str, tmp_path: Path) -> str:
    path = tmp_path / "cli.db"
    shutil.copy(demo_seed_url.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def test_quiz_json_shape(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "quiz", "--count", "6", "--seed", "1", "--json"])
    assert result.exit_code == 0, result.output
    questions = json.loads(result.output)["questions"]
    assert len(questions) == 6
    for q in questions:
        assert set(q) == {"id", "kind", "stem", "options", "answer", "explanation", "sources", "generator"}
        assert q["generator"].startswith("quiz.") and q["generator"].endswith(".v1")
        assert all(set(s) == {"article_id", "bullet_id", "title", "published"} for s in q["sources"])
    only = runner.invoke(app, ["--db", db, "quiz", "--kind", "how_many,pairs", "--count", "4", "--seed", "3", "--json"])
    assert {q["kind"] for q in json.loads(only.output)["questions"]} == {"how-many", "pairs"}


def test_quiz_errors_are_one_line(db: str) -> None:
    bad = runner.invoke(app, ["--db", db, "quiz", "--kind", "riddle"])
    assert bad.exit_code == 2 and "unknown question kind 'riddle'" in bad.output
    assert "Traceback" not in bad.output
    none = runner.invoke(app, ["--db", db, "quiz", "--topic", "Atlantis"])
    assert none.exit_code == 2 and "no stored articles about 'Atlantis'" in none.output


def test_quiz_prints_answers_when_not_on_a_terminal(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "quiz", "--count", "3", "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.count("Answer: (") + result.output.count("Outline:") == 3


def test_review_session_by_keyboard(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "review", "--exam", "2030-05-26", "--new", "2"], input=" 3\r4 3q")
    assert result.exit_code == 0, result.output
    assert "cards a day" in result.output and "good" in result.output and "easy" in result.output
    assert "2 cards reviewed" in result.output
    stats = json.loads(runner.invoke(app, ["--db", db, "stats", "--json"]).output)
    assert stats["reviews"] == 2 and stats["by_state"]["learning"] + stats["by_state"]["review"] == 2
    table = runner.invoke(app, ["--db", db, "stats"])
    assert "GS2:" in table.output and "coverage" in table.output


def test_cards_add_note_and_export(db: str, tmp_path: Path) -> None:
    store = Store(db)
    with store.sessions.begin() as session:
        note = models.Note(article_id=1, bullet_id=1, text="Finance Dialogue round? :: the second one")
        session.add(note)
        session.flush()
        note_id = note.id
    store.close()
    added = runner.invoke(app, ["--db", db, "cards", "add-note", str(note_id)])
    assert added.exit_code == 0 and "Finance Dialogue round?" in added.output
    missing = runner.invoke(app, ["--db", db, "cards", "add-note", "999"])
    assert missing.exit_code == 1 and "no note 999" in missing.output
    out = tmp_path / "deck.apkg"
    exported = runner.invoke(app, ["--db", db, "export", "anki", str(out)])
    assert exported.exit_code == 0, exported.output
    assert out.stat().st_size > 0 and "questions" in exported.output
    wrong = runner.invoke(app, ["--db", db, "export", "pdf", str(out)])
    assert wrong.exit_code == 2 and "choose anki or markdown" in wrong.output
    bad_date = runner.invoke(app, ["--db", db, "export", "anki", str(out), "--since", "soon"])
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output

"""`gistbook review` keeps the learner's stored study plan: the exam date and the daily new-card limit that the
Review page uses."""

from __future__ import annotations

import datetime as dt

from tests.conftest import SEED
from typer.testing import CliRunner

from gistbook.cli import app
from gistbook.store import Store
from gistbook.store.learners import set_settings


def test_review_uses_the_stored_exam_date_and_daily_limit(sqlite_url: str) -> None:
    runner = CliRunner()
    ingested = runner.invoke(app, ["--db", sqlite_url, "ingest", str(SEED), "--published", "2024-09-10"])
    assert ingested.exit_code == 0, ingested.output
    exam = dt.date.today() + dt.timedelta(days=200)
    store = Store(sqlite_url)
    with store.sessions.begin() as session:
        set_settings(session, exam_date=exam.isoformat(), new_per_day=2)
    # reveal with space and rate "good" as often as asked; the daily limit ends the session after two new cards
    result = runner.invoke(app, ["--db", sqlite_url, "review"], input=" 3" * 10)
    assert result.exit_code == 0, result.output
    assert f"Exam {exam.isoformat()}" in result.output
    assert "Nothing more is due. 2 cards reviewed." in result.output
    # the next session the same day introduces none: the limit is the day's, not the session's
    again = runner.invoke(app, ["--db", sqlite_url, "review"], input=" 3" * 4)
    assert "Nothing more is due. 0 cards reviewed." in again.output

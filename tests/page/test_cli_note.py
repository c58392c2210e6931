"""`gistbook note ID --format …` end to end, through the real command on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.page.conftest import SEED_DATE, SEED_NEWS

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GISTBOOK, "--db", db, *args], capture_output=True, text=True, timeout=600)


def test_note_formats_and_errors(sqlite_url: str) -> None:
    ingested = run(sqlite_url, "ingest", str(SEED_NEWS), "--published", SEED_DATE, "--json", "--structure-only")
    assert ingested.returncode == 0, ingested.stderr
    art_id = str(json.loads(ingested.stdout)["ingested"][0]["id"])

    text = run(sqlite_url, "note", art_id)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("• India\n  • Sep 10\n  • Kevin Savio Antony\n\nIndia and Japan to deepen")

    page = json.loads(run(sqlite_url, "note", art_id, "--format", "json").stdout)
    assert page["id"] == int(art_id) and [s["role"] for s in page["sections"]] == ["news"]
    assert all(b["sources"][0]["article_id"] == int(art_id) for b in page["sections"][0]["bullets"])

    assert run(sqlite_url, "note", art_id, "--format", "markdown").stdout.startswith("# India and Japan")
    assert "<article" in run(sqlite_url, "note", art_id, "--format", "html").stdout

    bad = run(sqlite_url, "note", art_id, "--format", "pdf")
    assert bad.returncode == 2 and bad.stderr.startswith("gistbook: --format 'pdf' is not one of")
    assert "Traceback" not in bad.stderr
    missing = run(sqlite_url, "note", "999")
    assert missing.returncode == 1 and missing.stderr.strip() == "gistbook: no article with id 999"

"""The main path as a user runs it: `sources add` a feed, `fetch --json` as real subprocesses over real HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import Result
from tests.intake.fixture_articles import ARTICLES
from tests.intake.intake_server import FEED_ETAG, FEED_MODIFIED, IntakeServer
from typer.testing import CliRunner

from gistbook.cli import app
from gistbook.store import Store


def gistbook(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GISTBOOK_DB": f"sqlite:///{db}", "GISTBOOK_FETCH_DELAY": "0", "GISTBOOK_FETCH_TIMEOUT": "2"}
    return subprocess.run([sys.executable, "-m", "gistbook.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_follow_a_feed_fetch_it_twice_and_list_a_broken_source(server: IntakeServer, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    added = gistbook(db, "sources", "add", server.base + "/feed.xml", "--every", "1h")
    assert added.returncode == 0, added.stderr
    broken_add = CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "sources", "add", server.base + "/always500.xml",
                                          "--name", "Broken desk"])
    assert broken_add.exit_code == 0, broken_add.stderr

    first = gistbook(db, "fetch", "--json")
    assert first.returncode == 1, first.stderr  # one source failed
    polls = {p["url"].rsplit("/", 1)[-1]: p for p in json.loads(first.stdout)["sources"]}
    feed, broken = polls["feed.xml"], polls["always500.xml"]
    assert (feed["status"], feed["fetched"], feed["stored"], feed["skipped"], feed["error"]) == ("ok", 20, 20, 0, None)
    assert feed["name"] == "Test Desk"
    assert broken["status"] == "error" and broken["stored"] == 0
    assert broken["error"] == f"{server.base}/always500.xml: HTTP 500 Internal Server Error (after 3 tries)"

    store = Store(f"sqlite:///{db}")
    articles = store.articles()
    assert sorted(a["title"] for a in articles) == sorted(a[1] for a in ARTICLES)
    assert {a["published"] for a in articles} == {a[2] for a in ARTICLES}
    shown = store.article(articles[0]["id"])
    assert shown is not None
    words = " ".join(b["text"] for s in shown["sections"] for b in s["bullets"])
    wanted = next(a for a in ARTICLES if a[1] == shown["title"])
    assert all(p in words for p in wanted[4])  # the full text, not the feed's one-line summary
    assert shown["url"] == f"{server.base}/articles/{wanted[0]}.html"

    second = gistbook(db, "fetch", "--json", "--source", "1")
    assert second.returncode == 0, second.stderr
    poll = json.loads(second.stdout)["sources"][0]
    assert (poll["status"], poll["stored"], poll["fetched"]) == ("not modified", 0, 0)
    conditional = [h for path, h in server.requests if path == "/feed.xml"][-1]
    assert conditional["if-none-match"] == FEED_ETAG and conditional["if-modified-since"] == FEED_MODIFIED
    assert sum(1 for path, _ in server.requests if path.startswith("/articles/")) == 20

    listed = json.loads(CliRunner().invoke(app, ["--db", f"sqlite:///{db}", "sources", "list", "--json"]).stdout)[
        "sources"]
    by_name = {s["name"]: s for s in listed}
    assert by_name["Test Desk"]["items"] == 20 and by_name["Test Desk"]["last_status"] == "not modified"
    assert by_name["Broken desk"]["last_status"] == "error" and "HTTP 500" in by_name["Broken desk"]["last_error"]
    assert set(by_name["Broken desk"]) >= {"id", "name", "url", "last_fetch", "last_status", "items", "next_due",
                                           "last_error"}
    store.close()


def test_source_commands_answer_in_one_line(server: IntakeServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(*args: str) -> Result:
        return CliRunner().invoke(app, ["--db", db, *args])

    bad = run("sources", "add", "ftp://example.org/feed")
    assert bad.exit_code == 2 and bad.stderr.strip() == "gistbook: 'ftp://example.org/feed' is not an http(s) URL"
    assert run("sources", "add", server.base + "/list.html", "--every", "2h").exit_code == 0
    again = run("sources", "add", server.base + "/list.html")
    assert again.exit_code == 2 and again.stderr.strip() == f"gistbook: {server.base}/list.html is already followed"
    assert run("sources", "pause", "1").stdout.strip() == "paused source #1"
    assert json.loads(run("fetch", "--json").stdout) == {"sources": []}  # nothing due: the one source is paused
    assert run("sources", "resume", "1").exit_code == 0
    gone = run("sources", "remove", "9")
    assert gone.exit_code == 1 and gone.stderr.strip() == "gistbook: no source with id 9"
    assert run("sources", "remove", "1").stdout.strip() == "removed source #1"

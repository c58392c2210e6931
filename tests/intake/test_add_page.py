"""The Add page takes a web address and a pasted text with its title and date; in server mode what was added is
queued and a page follows the jobs until a `gistbook worker` has run them."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.intake.intake_server import IntakeServer
from tests.server.server_helpers import SECRET, add_account, csrf_of, sign_in
from tests.web.web_fixtures import local_client

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app

PASTED = ("Cabinet clears a coastal shipping plan\n\n"
          "The Union Cabinet approved a plan to move more freight along the coast between Indian ports. "
          "Ministers said the plan would cut road traffic on busy highways.\n")


def test_local_add_fetches_an_address_and_a_pasted_text_lands_on_top_of_today(server: IntakeServer,
                                                                               tmp_path: Path) -> None:
    settings = load_settings(db=f"sqlite:///{tmp_path / 'add.db'}", fetch_delay=0.0, fetch_timeout=2.0,
                             page_cache=False)
    store = Store(settings.db)
    today = dt.date.today().isoformat()
    with local_client(create_app(settings, store=store), follow_redirects=False) as client:
        from tests.web.test_add import finished

        form = client.get("/add").text
        assert f'name="text_date" value="{today}"' in form and 'name="url"' in form and 'name="text_title"' in form
        reply = client.post("/add", data={"url": server.base + "/articles/naval-drill.html", "text": PASTED,
                                          "text_title": "Coastal shipping plan cleared", "text_date": today})
        assert '<span class="stat ok">2 added</span>' in finished(client, reply)  # processed in the background
        bad = client.post("/add", data={"url": "ftp://example.org/x"})
        assert bad.status_code == 400 and "is not an http(s) web address" in bad.text
        newest = store.articles()[0]
        assert (newest["title"], newest["published"]) == ("Coastal shipping plan cleared", today)
        first_link = re.search(r'<a href="/articles/(\d+)"', client.get("/").text)
        assert first_link and int(first_link.group(1)) == newest["id"]  # the top of Today
    assert {a["title"] for a in store.articles()} == {"Coastal shipping plan cleared",
                                                      "India and France hold the Varuna naval exercise off Goa"}
    store.close()


@pytest.mark.postgres
def test_server_add_answers_at_once_with_jobs_a_worker_then_runs(server: IntakeServer, pg_url: str) -> None:
    from fastapi.testclient import TestClient

    store = Store(pg_url)
    add_account(store, "trainer", "editor")
    app = create_app(load_settings(db=pg_url, secret=SECRET), store, mode="server")
    with TestClient(app, follow_redirects=False) as client:
        sign_in(client, "trainer")
        reply = client.post("/add", data={"csrf_token": csrf_of(client, "/add"), "text": PASTED,
                                          "url": server.base + "/articles/solar-villages.html",
                                          "text_title": "", "text_date": "2026-04-01"})
        assert reply.status_code == 303 and reply.headers["location"].startswith("/add/jobs?ids=")
        waiting = client.get(reply.headers["location"])
        assert waiting.status_code == 200 and waiting.headers.get("refresh") == "2" and "waiting" in waiting.text
        assert store.articles() == []  # nothing ran in the web process
        env = {**os.environ, "GISTBOOK_DB": pg_url, "GISTBOOK_FETCH_DELAY": "0"}
        done = subprocess.run([sys.executable, "-m", "gistbook.cli", "worker", "--once"], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        finished = client.get(reply.headers["location"])
        assert "refresh" not in finished.headers and finished.text.count(">done<") == 2
        assert "added <a href=" in finished.text and "Ministry widens rooftop solar scheme" in finished.text
    titles = {a["title"]: a["published"] for a in store.articles()}
    assert titles == {"Cabinet clears a coastal shipping plan": "2026-04-01",
                      "Ministry widens rooftop solar scheme to hill villages": "2026-03-02"}
    store.close()

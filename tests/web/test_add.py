"""/add and POST /api/articles through the real pipeline: the request answers at once and /add/jobs follows the
work in the background; the seed, a corpus batch with progress, pasted text with its title and date, bad input."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import SEED, corpus_records

from gistbook.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
PROSE = ("The Union Cabinet on Wednesday approved a scheme to put rooftop solar panels on homes in hill villages, "
         "with a central grant paying for forty per cent of the cost. Officials said it would reach two lakh homes "
         "by 2027.\n\nThe Ministry of New and Renewable Energy will run the scheme through state agencies.\n")


def finished(client: TestClient, reply: object, timeout: float = 240.0) -> str:
    """Follow the jobs page the Add form answered with until it stops refreshing; its final HTML."""
    assert reply.status_code == 303, reply.text[:500]  # type: ignore[attr-defined]
    where = reply.headers["location"]  # type: ignore[attr-defined]
    assert where.startswith("/add/jobs?ids=")
    deadline = time.monotonic() + timeout
    while True:
        page = client.get(where)
        assert page.status_code == 200
        if "refresh" not in page.headers:
            return page.text
        assert time.monotonic() < deadline, "the addition did not finish"
        time.sleep(0.2)


def test_add_the_seed_then_read_it(client: TestClient) -> None:
    with SEED.open("rb") as seed:
        reply = client.post("/add", files={"files": ("seed-article.txt", seed, "text/plain")},
                            data={"published": "2024-09-10"})
    page = finished(client, reply)
    assert '<span class="stat ok">1 added</span>' in page
    art_id = int(re.search(r'<a href="/articles/(\d+)">India, Japan agree', page).group(1))
    article = client.get(f"/articles/{art_id}").text
    assert "Roadblocks to strengthening India-Japan ties" in article
    assert 'href="/topics/Japan"' in article and "Sep 10, 2024" in article
    again = client.post("/api/articles", files={"files": ("seed-article.txt", SEED.read_bytes(), "text/plain")},
                        data={"published": "2024-09-10"}).json()
    assert again["unchanged"][0]["id"] == art_id and not again["ingested"]
    shown = client.get(f"/api/articles/{art_id}").json()["source"]
    assert shown == "seed-article.txt"  # the user's file name, not the temporary folder it passed through


def test_the_add_page_answers_at_once_while_the_work_goes_on(client: TestClient) -> None:
    started = time.perf_counter()
    reply = client.post("/add", data={"text": PROSE, "text_title": "", "text_date": "2026-04-01"})
    answered = time.perf_counter() - started
    assert reply.status_code == 303 and answered < 2.0, answered  # parsing and extraction happen afterwards
    first = client.get(reply.headers["location"])
    assert "progress" in first.text and ("refresh" in first.headers or 'id="report"' in first.text)
    page = finished(client, reply)
    assert '<span class="stat ok">1 added</span>' in page


def test_another_app_process_follows_the_same_addition(client: TestClient, store: Store) -> None:
    """`serve --workers N`: the page that follows an addition may come from a process that did not run it."""
    from tests.web.web_fixtures import local_client

    from gistbook.config import load_settings
    from gistbook.web import create_app

    reply = client.post("/add", data={"text": PROSE, "text_date": "2026-04-02"})
    finished(client, reply)
    other_app = create_app(load_settings(db=store.url, max_upload_mb=1), store, mode="local")
    with local_client(other_app, follow_redirects=False) as other:
        page = other.get(reply.headers["location"])
        assert "refresh" not in page.headers and '<span class="stat ok">1 added</span>' in page.text
        missing = other.get("/add/jobs?ids=12345")
        assert "refresh" not in missing.headers and "no record" in missing.text


def test_pasted_prose_gets_its_first_sentence_as_title_and_lands_on_top_of_today(client: TestClient,
                                                                                   store: Store) -> None:
    today = dt.date.today().isoformat()
    page = finished(client, client.post("/add", data={"text": PROSE, "text_title": PROSE[:80],
                                                      "text_title_auto": "1", "text_date": today}))
    art_id = int(re.search(r'<a href="/articles/(\d+)">', page).group(1))
    stored = client.get(f"/api/articles/{art_id}").json()
    assert stored["title"] == PROSE.split(". ")[0] + "."  # the whole first sentence, no "…" cut
    assert stored["published"] == today and stored["source"] == "pasted text"
    first_on_today = re.search(r'<h2><a href="/articles/(\d+)">', client.get("/").text).group(1)
    assert int(first_on_today) == art_id
    edited = client.post("/api/articles", data={"text": PROSE.replace("forty", "fifty"),
                                                "text_title": "Rooftop solar for hill homes",
                                                "text_date": "2026-03-30"}).json()
    again = client.get(f"/api/articles/{edited['ingested'][0]['id']}").json()
    assert (again["title"], again["published"]) == ("Rooftop solar for hill homes", "2026-03-30")


def test_a_paste_without_a_date_is_dated_the_day_it_was_added(client: TestClient) -> None:
    report = client.post("/api/articles", data={"text": "Quad ministers meet in Delhi\n\n" + PROSE}).json()
    stored = client.get(f"/api/articles/{report['ingested'][0]['id']}").json()
    assert stored["published"] == dt.date.today().isoformat() and stored["title"] == "Quad ministers meet in Delhi"
    assert report["ingested"][0]["source"] == "pasted text.txt"


def test_bad_input_is_a_one_line_field_error_and_stores_nothing(client: TestClient, store: Store) -> None:
    before = len(store.articles())
    cases = {"empty": ({"text": "   \n ", "text_title": "A title"}, "pasted text: it is empty"),
             "binary": ({"text": "\x00\x01\x02\x03garbage\x00\x07" * 20}, "pasted text: it looks like binary data"),
             "bad date": ({"text": PROSE, "text_date": "2026-02-30"}, "date '2026-02-30' is not a date"),
             "bad address": ({"url": "ftp://example.org/x"}, "web address 'ftp://example.org/x' is not an http(s)")}
    for name, (form, message) in cases.items():
        reply = client.post("/add", data=form)
        assert reply.status_code == 400, name
        assert message in html.unescape(reply.text), name
        assert 'class="field-error"' in reply.text and '<form class="add-form' in reply.text, name  # the form again
        if form.get("text", "").strip():
            assert "garbage" in reply.text or "rooftop solar" in reply.text  # what was pasted is kept
    huge = client.post("/add", data={"text": "word " * 260_000})  # over the 1 MB this test app allows a request
    assert huge.status_code == 413 and "upload too large: the limit is 1 MB" in huge.text
    assert len(store.articles()) == before


def test_an_address_that_fails_is_one_line_in_the_report(client: TestClient, store: Store) -> None:
    page = finished(client, client.post("/add", data={"url": "http://127.0.0.1:9/nothing-listens-here"}))
    failures = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td></tr>", page)
    assert len(failures) == 1 and failures[0][0] == "http://127.0.0.1:9/nothing-listens-here"
    assert "\n" not in failures[0][1].strip() and failures[0][1].strip()
    assert store.articles() == []


BATCH = 24  # releases in the uploaded batch: enough for the page to show progress while it runs


@pytest.mark.slow
def test_a_batch_shows_progress_and_lists_errors_per_file(client: TestClient, tmp_path: Path) -> None:
    batch = tmp_path / "pib-sample.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in corpus_records(BATCH)) + "\n", encoding="utf-8")
    files = [("files", ("pib-sample.jsonl", batch.read_bytes(), "application/json")),
             ("files", ("not-text.bin", (DATA / "not-text.bin").read_bytes(), "application/octet-stream")),
             ("files", ("empty.txt", b"", "text/plain"))]
    reply = client.post("/add", files=files)
    seen: set[tuple[str, str]] = set()
    where = reply.headers["location"]
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        page = client.get(where)
        seen.update(re.findall(r'<progress value="(\d+)" max="(\d+)">', page.text))
        if "refresh" not in page.headers:
            break
        time.sleep(0.1)
    assert any(int(done) > 0 for done, _ in seen) or len(seen) >= 1, seen  # progress was shown while it ran
    failures = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td></tr>", page.text)
    failed_files = {name.split("#")[0] for name, _ in failures}
    assert {"not-text.bin", "empty.txt"} <= failed_files, failures
    assert all(reason.strip() for _, reason in failures)
    added = int(re.search(r'<span class="stat ok">(\d+) added</span>', page.text).group(1))
    assert added == BATCH  # every release of the batch; the two bad files are listed, not counted

"""Following sources against a real server: each fault is recorded on its source and the others go on."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.intake.fixture_articles import ARTICLES, article_html
from tests.intake.intake_server import IntakeServer

from gistbook.config import load_settings
from gistbook.intake import sources as intake
from gistbook.intake.items import ingest_paths_or_urls
from gistbook.store import Store

FAULTS = {
    "/slow.xml": "timed out",
    "/always500.xml": "HTTP 500",
    "/loop-a": "more than 5 redirects",
    "/notxml.xml": "neither an RSS or Atom feed nor an HTML page",
    "/big.html": "over the 0.5 MB limit",
    "/bomb.html": "over the 0.5 MB limit",
    "/blocked/feed.xml": "robots.txt disallows",
    "/binary.bin": "is not HTML, XML, a feed, text or PDF",
}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'intake.db'}")


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_settings(db=f"sqlite:///{tmp_path / 'intake.db'}", fetch_timeout=0.4, fetch_delay=0.0,
                         max_file_mb=0.5)


def test_every_fault_is_recorded_on_its_source_and_the_others_are_fetched(server: IntakeServer, store: Store,
                                                                          settings) -> None:  # type: ignore[no-untyped-def]
    ids = {path: intake.add(store, server.base + path)["id"] for path in FAULTS}
    listing = intake.add(store, server.base + "/list.html", category="Desk picks")["id"]
    flaky = intake.add(store, server.base + "/flaky.xml", name="Flaky")["id"]
    results = {r.id: r for r in intake.fetch_due(store, settings, extract=False)}
    for path, reason in FAULTS.items():
        result = results[ids[path]]
        assert result.status == "error" and result.stored == 0, path
        assert reason in (result.error or ""), (path, result.error)
    assert results[listing].status == "ok" and results[listing].stored == 5
    # a 500, then the feed; its two items are among the listing's five, so they are skipped without a fetch
    assert (results[flaky].status, results[flaky].fetched, results[flaky].skipped) == ("ok", 0, 2)
    rows = {r["id"]: r for r in intake.listed(store)}
    for path, reason in FAULTS.items():
        row = rows[ids[path]]
        assert row["last_status"] == "error" and reason in row["last_error"] and "\n" not in row["last_error"]
        assert row["last_fetch"] and row["next_due"] > row["last_fetch"]
    assert rows[listing]["kind"] == "page" and rows[listing]["items"] == 5
    assert rows[flaky]["name"] == "Flaky" and rows[flaky]["items"] == 2
    assert {a["category"] for a in store.articles()} >= {"Desk picks"}
    assert intake.fetch_due(store, settings, extract=False) == []  # nothing is due until the interval passes
    assert server.hits["/robots.txt"] == 1  # once per host in a run, whatever the number of sources


def test_paused_sources_wait_and_removed_ones_go(server: IntakeServer, store: Store, settings) -> None:  # type: ignore[no-untyped-def]
    first = intake.add(store, server.base + "/list.html", every="30m")["id"]
    with pytest.raises(intake.SourceError, match="already followed"):
        intake.add(store, server.base + "/list.html")
    with pytest.raises(intake.SourceError, match="not a duration"):
        intake.add(store, server.base + "/feed.xml", every="often")
    intake.set_paused(store, first, True)
    assert intake.fetch_due(store, settings, extract=False) == []
    assert intake.listed(store)[0]["next_due"] is None
    intake.set_paused(store, first, False)
    assert [r.stored for r in intake.fetch_due(store, settings, extract=False)] == [5]
    intake.remove(store, first)
    assert intake.listed(store) == [] and len(store.articles()) == 5
    with pytest.raises(intake.SourceError, match="no source with id"):
        intake.remove(store, first)


def test_an_item_by_url_is_stored_once_by_url_and_by_content(server: IntakeServer, store: Store,
                                                             settings) -> None:  # type: ignore[no-untyped-def]
    page = server.base + "/articles/naval-drill.html"
    server.pages["/mirror/naval.html"] = ("text/html", article_html(*ARTICLES[4]).encode())
    first = ingest_paths_or_urls([page], store, settings=settings, extract=False)
    assert [a["title"] for a in first.ingested] == ["India and France hold the Varuna naval exercise off Goa"]
    again = ingest_paths_or_urls([page, server.base + "/mirror/naval.html", server.base + "/binary.bin"], store,
                                 settings=settings, extract=False)
    assert not again.ingested and len(again.unchanged) == 2
    assert again.failed == [{"source": server.base + "/binary.bin",
                             "error": "content type 'application/octet-stream' is not HTML, XML, a feed, text or PDF"}]
    stored = store.articles()
    assert len(stored) == 1 and stored[0]["published"] == "2026-03-06" and stored[0]["author"] == "Desk Writer"
    # the feed that lists it later skips it without fetching it again
    intake.add(store, server.base + "/feed.xml")
    result = intake.fetch_due(store, settings, extract=False)[0]
    assert (result.stored, result.skipped, result.fetched) == (19, 1, 19)

"""The dossier opens with a summary (key dates, the newest value of each figure series, open challenges) and
folds its long parts; the default view is still kept as a snapshot."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from gistbook.link.dossier import build_dossier, first_sentence
from gistbook.store import Store


def _summary(html: str) -> str:
    return html[html.index('id="summary"'):html.index('<nav class="jump"')]


def test_summary_holds_key_dates_latest_figures_and_challenges(client: TestClient, store: Store,
                                                               article_ids: dict[str, int]) -> None:
    html = client.get("/topics/India–Japan").text
    summary = _summary(html)
    assert "Key timeline" in summary and "1952-04-28" in summary
    dates = re.findall(r'<span class="when">([^<]+)</span>', summary)
    assert dates == sorted(dates) and 1 <= len(dates) <= 4
    assert "$22.85 billion" in summary and "FY2023-24" in summary  # the newest value of the trade series ...
    assert "$21.96 billion" not in summary  # ... and not the value it superseded
    assert "Military pressure from China" in summary
    assert html.index('id="summary"') < html.index('<details id="timeline"')
    with store.session() as session:
        dossier = build_dossier(session, "India–Japan")
    assert [f["text"] for f in dossier["summary"]["figures"]] == ["$22.85 billion"]


def test_long_parts_are_folded_and_since_opens_whats_new(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get("/topics/India–Japan").text
    folds = re.findall(r'<details id="([a-z_]+)" class="panel fold"( open)?>', html)
    ids = [i for i, _ in folds]
    for part in ("timeline", "figures", "agreements", "exercises", "people", "challenges", "new", "articles"):
        assert part in ids, part
    assert not any(is_open for _, is_open in folds)  # the summary is the first screen; the rest opens on demand
    assert all(f'href="#{i}"' in html for i in ids)  # each folded part is one jump away
    html = client.get("/topics/India–Japan", params={"since": "2025-01-01"}).text
    assert '<details id="new" class="panel fold" open>' in html


def test_default_view_is_served_from_its_snapshot(client: TestClient, store: Store,
                                                  article_ids: dict[str, int]) -> None:
    from gistbook.link.topics import resolve_topic
    from gistbook.web.speed.snapshots import current_snapshot

    first = client.get("/topics/India–Japan").text
    with store.session() as session:
        topic = resolve_topic(session, "India–Japan")
        assert topic is not None
        kept = current_snapshot(session, topic)
    assert kept is not None and 'id="summary"' in kept.body
    assert client.get("/topics/India–Japan").text == first


def test_first_sentence_keeps_a_whole_sentence() -> None:
    text = ("China is working to block the rise of both countries, by military pressure. China views stronger "
            "ties as a threat.")
    assert first_sentence(text) == "China is working to block the rise of both countries, by military pressure."
    assert first_sentence("Short point. Next.") == "Short point. Next."  # too short to cut
    one = "Trade stood at $21.96 billion in FY 2022-23."
    assert first_sentence(one) == one

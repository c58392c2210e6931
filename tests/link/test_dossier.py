"""Dossiers: merged timeline with sources, figure series with superseded values, people, challenges, news."""

from __future__ import annotations

from pathlib import Path

import pytest

from gistbook.export.markdown import dossier_markdown, export_markdown
from gistbook.link.dossier import TopicNotFound, build_dossier
from gistbook.store import Store

KEYS = {"topic", "timeline", "figures", "agreements", "exercises", "people", "initiatives", "challenges",
        "way_forward", "new_since", "articles"}


def test_dossier_shape_and_merged_timeline(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = notes_store
    with store.session() as s:
        d = build_dossier(s, "Japan–India relations")
    assert set(d) >= KEYS
    assert d["topic"] == "India–Japan"
    dates = [e["date"] for e in d["timeline"]]
    assert dates == sorted(dates)
    assert dates.count("1952-04-28") == 1  # two wordings of the treaty, one entry
    treaty = next(e for e in d["timeline"] if e["date"] == "1952-04-28")
    assert {s["article_id"] for s in treaty["sources"]} == {ids["link-notes/japan-finance.txt"],
                                                            ids["link-notes/japan-2plus2.txt"]}
    assert set(treaty["sources"][0]) == {"article_id", "bullet_id", "title", "published"}
    assert {a["article_id"] for a in d["articles"]} == {ids["link-notes/japan-finance.txt"],
                                                        ids["link-notes/japan-2plus2.txt"]}


def test_newer_period_supersedes_older_figure(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        d = build_dossier(s, "india japan")
    series = next(f for f in d["figures"] if f["subject"] == "bilateral trade")
    assert [(p["period"], p["superseded"]) for p in series["series"]] == [("FY2022-23", True), ("FY2023-24", False)]


def test_named_things_people_challenges_and_way_forward(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        d = build_dossier(s, "india japan")
    assert {e["name"] for e in d["exercises"]} == {"Malabar", "Dharma Guardian"}
    malabar = next(e for e in d["exercises"] if e["name"] == "Malabar")
    assert malabar["dates"] == ["2015"]
    cepa = next(a for a in d["agreements"] if a["name"].endswith("Partnership Agreement"))
    assert cepa["dates"] == ["2011-08-01"]
    people = {p["name"]: p for p in d["people"]}
    assert people["Gen Nakatani"]["role"] == "Defence Minister" and people["Gen Nakatani"]["country"] == "Japan"
    assert len(d["challenges"]) == 2  # the China-pressure point is repeated in both notes, kept once
    china = next(c for c in d["challenges"] if "China" in c["text"])
    assert len(china["sources"]) == 2
    assert [w["text"] for w in d["way_forward"]] == [
        "Both sides should co-develop defence equipment under the Make in India programme."]


def test_new_since_lists_only_what_is_new(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        d = build_dossier(s, "india japan", since="2025-01-01")
    texts = [i["text"] for i in d["new_since"]]
    assert any("22.85" in t for t in texts)
    assert not any("Malabar naval exercise in 2015" in t for t in texts)  # repeated background is not news
    assert all(i["date"] >= "2025-01-01" for i in d["new_since"])


def test_entity_topic_keeps_only_bullets_about_it(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = notes_store
    with store.session() as s:
        d = build_dossier(s, "malabar")
    assert all("Malabar" in e["text"] for e in d["timeline"])
    assert {a["article_id"] for a in d["articles"]} >= {ids["link-notes/quad-summit.txt"]}


def test_unknown_topic_raises_with_suggestions(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s, pytest.raises(TopicNotFound) as info:
        build_dossier(s, "india japn")
    assert "India–Japan" in info.value.suggestions
    assert "\n" not in str(info.value)


def test_markdown_export(sqlite_notes: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, _ = sqlite_notes
    path = export_markdown(store, tmp_path / "out" / "japan.md", "india japan", since="2025-01-01")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# India–Japan\n")
    for heading in ("## What is new since 2025-01-01", "## Timeline", "## Figures", "## Exercises", "## People",
                    "## Challenges", "## Way forward", "## Sources"):
        assert heading in text
    assert "USD 21.96 billion ~~superseded~~" in text
    assert "| 1952-04-28 |" in text
    with store.session() as s:
        assert dossier_markdown(build_dossier(s, "PM-KISAN")).startswith("# PM-KISAN")

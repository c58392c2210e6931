"""`gistbook timeline` (every event, filters, key dates) and the India–Japan dossier a learner sees, on a store
built from the demo notes and the seed through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.conftest import SEED

from gistbook.standalone import self_contained
from gistbook.store import Store
from gistbook.store.reader import timeline as stored_events

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


def stands_alone(text: str) -> bool:
    """The shown-statement rule; a headline (no closing stop) is checked as a headline, without the verb test."""
    return self_contained(text) if text.endswith(".") else self_contained(text + ".", need_verb=False)


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GISTBOOK, "--db", db, *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('timeline') / 'demo.db'}"
    assert run(url, "demo").returncode == 0
    assert run(url, "ingest", str(SEED), "--published", "2024-09-10").returncode == 0
    return url


def timeline(db: str, *args: str) -> list[dict[str, object]]:
    done = run(db, "timeline", *args, "--json")
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, object]] = json.loads(done.stdout)["timeline"]
    return rows


def test_key_dates_for_a_query(demo_db: str) -> None:
    rows = timeline(demo_db, "--query", "India Japan", "--top", "15")
    assert 0 < len(rows) <= 15
    dates = [str(r["date"]) for r in rows]
    years = {d[2:6] if d.startswith("FY") else d[:4] for d in dates}
    # the treaty, three partnership upgrades, CEPA, the nuclear agreement, ACSA and the 2025 investment target
    assert "1952-04-28" in dates and {"2000", "2006", "2014", "2011", "2016", "2020", "2025"} <= years
    target = next(r for r in rows if str(r["date"]).startswith("2025"))
    assert "¥10 trillion" in str(target["text"])
    for r in rows:
        assert stands_alone(str(r["text"])), r["text"]
        sources = r["sources"]
        assert isinstance(sources, list) and sources
        assert all({"article_id", "bullet_id"} <= set(s) for s in sources)
    keys = [d.replace("FY", "")[:7] for d in dates]
    assert keys == sorted(keys)  # oldest first


def test_every_event_without_a_cap_and_with_filters(demo_db: str) -> None:
    store = Store(demo_db)
    with store.session() as session:
        total = len(stored_events(session))
    store.close()
    assert len(timeline(demo_db)) == total  # no 500 cap, no silent limit
    limited = timeline(demo_db, "Japan", "--limit", "3", "--since", "2024-01-01")
    assert 0 < len(limited) <= 3 and all(str(r["date"]) >= "2024" for r in limited)


def test_a_topic_is_matched_as_the_dossier_matches_it(demo_db: str) -> None:
    by_pair = timeline(demo_db, "India–Japan")
    assert by_pair and timeline(demo_db, "india japan") == by_pair
    dossier = json.loads(run(demo_db, "dossier", "India–Japan", "--json").stdout)
    assert {r["article_id"] for r in by_pair} <= {a["article_id"] for a in dossier["articles"]}
    done = run(demo_db, "timeline", "india japn")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "India–Japan" in done.stderr


def test_bad_flags_are_one_line_errors(demo_db: str) -> None:
    for args in (("--since", "yesterday"), ("--top", "0")):
        done = run(demo_db, "timeline", *args)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


def test_the_india_japan_dossier_shows_one_trade_series_targets_and_right_people(demo_db: str) -> None:
    dossier = json.loads(run(demo_db, "dossier", "India–Japan", "--json").stdout)
    by_unit: dict[str, list[dict[str, object]]] = {}
    for series in dossier["figures"]:
        by_unit.setdefault(series["unit"], []).append(series)
    trade = [s for s in by_unit["USD"] if "trade" in (s["subject"] or "").lower()]
    assert len(trade) == 1
    points = [(p["period"], p["superseded"]) for p in trade[0]["series"]]
    assert points == [("FY2022-23", True), ("FY2023-24", False)]
    targets = {p["value"]: p for s in by_unit["JPY"] for p in s["series"]}
    assert targets[5e12]["superseded"] and not targets[10e12]["superseded"]
    assert targets[5e12]["period"] == "2022" and targets[10e12]["period"] == "2025"
    for series in dossier["figures"]:
        assert series["subject"], series  # every shown figure names what it measures
    countries = {p["name"]: p["country"] for p in dossier["people"]}
    assert countries["Narendra Modi"] == "India"
    for name in ("Fumio Kishida", "Shigeru Ishiba", "Yoko Kamikawa", "Minoru Kihara", "Yoshimasa Hayashi",
                 "Yasukazu Hamada"):
        assert countries[name] == "Japan", name
    for row in dossier["timeline"]:
        assert stands_alone(row["text"]), row["text"]


def test_a_topic_s_chronology_questions_test_its_key_dates(demo_db: str) -> None:
    done = run(demo_db, "quiz", "--topic", "India–Japan", "--kind", "chronology", "--count", "3", "--json")
    assert done.returncode == 0, done.stderr
    questions = json.loads(done.stdout)["questions"]
    assert questions
    store = Store(demo_db)
    with store.session() as session:
        from gistbook.link.keydates import key_dates
        from gistbook.quiz.kb import topic_article_ids

        rows = key_dates(session, topic_article_ids(session, "India–Japan"), 20, about="India–Japan")
    store.close()
    key_bullets = {s["bullet_id"] for r in rows for s in r["sources"]}
    for q in questions:
        assert {s["bullet_id"] for s in q["sources"]} <= key_bullets, q["stem"]

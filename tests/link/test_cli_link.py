"""The link commands of the CLI contract, through the real `gistbook` command on a SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import fill
from gistbook.store import Store

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'notes.db'}"
    store = Store(url)
    ids = fill(store)
    store.close()
    return url, ids


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GISTBOOK, "--db", url, *args], capture_output=True, text=True, timeout=300)


def test_topics_json(db: tuple[str, dict[str, int]]) -> None:
    done = run(db[0], "topics", "--json")
    assert done.returncode == 0, done.stderr
    topics = {t["name"]: t for t in json.loads(done.stdout)["topics"]}
    assert set(topics["India–Japan"]) >= {"name", "kind", "articles", "facts"}
    assert topics["India–Japan"]["kind"] == "pair"


def test_dossier_json_and_forgiving_names(db: tuple[str, dict[str, int]]) -> None:
    for name in ("india japan", "Japan–India", "India-Japan relations"):
        done = run(db[0], "dossier", name, "--json", "--since", "2025-01-01")
        assert done.returncode == 0, done.stderr
        dossier = json.loads(done.stdout)
        assert dossier["topic"] == "India–Japan"
        assert set(dossier) >= {"topic", "timeline", "figures", "agreements", "exercises", "people", "challenges",
                                "way_forward", "new_since", "articles"}
        assert dossier["new_since"]


def test_unknown_topic_is_one_line_exit_1(db: tuple[str, dict[str, int]]) -> None:
    done = run(db[0], "dossier", "india japn")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "India–Japan" in done.stderr
    assert "Traceback" not in done.stderr


def test_related_json(db: tuple[str, dict[str, int]]) -> None:
    url, ids = db
    done = run(url, "related", str(ids["link-notes/japan-finance.txt"]), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    top = result["related"][0]
    assert set(top) >= {"article_id", "title", "score", "reason"}
    assert top["article_id"] == ids["link-notes/japan-2plus2.txt"]
    assert "India–Japan thread" in top["reason"]
    assert {t["name"] for t in result["topics"]} >= {"India–Japan"}
    assert run(url, "related", "999999", "--json").returncode == 1


@pytest.mark.parametrize("query", ['"', "AND (", "*", "'; DROP TABLE articles; --", "😀", ""])
def test_search_junk_never_fails(db: tuple[str, dict[str, int]], query: str) -> None:
    done = run(db[0], "search", query, "--json")
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout)["results"], list)


def test_search_with_filters(db: tuple[str, dict[str, int]]) -> None:
    url, ids = db
    done = run(url, "search", "japan", "--json", "--from", "2025-01-01", "--paper", "GS2", "--entity", "Malabar")
    assert done.returncode == 0, done.stderr
    assert [r["article_id"] for r in json.loads(done.stdout)["results"]] == [ids["link-notes/japan-2plus2.txt"]]
    assert run(url, "search", "japan", "--from", "yesterday").returncode == 2


def test_export_markdown(db: tuple[str, dict[str, int]], tmp_path: Path) -> None:
    out = tmp_path / "japan.md"
    done = run(db[0], "export", "markdown", str(out), "--topic", "india japan")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# India–Japan")
    assert run(db[0], "export", "markdown", str(out), "--topic", "nowhere land").returncode == 1


def test_relink_rebuilds_the_kept_dossiers(tmp_path: Path) -> None:
    """Relinking drops every dossier snapshot (facts and topics may all have moved) and builds them again."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'relink.db'}"
    store = Store(url)
    fill(store)
    store.close()
    done = run(url, "relink")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "relink.db") as conn:
        kept = conn.execute("SELECT count(*) FROM page_snapshots").fetchone()[0]
        topics = conn.execute("SELECT count(DISTINCT topic_id) FROM topic_articles").fetchone()[0]
    assert kept == min(topics, 100) and kept > 0
    assert f"rebuilt {kept} topic dossiers" in done.stdout

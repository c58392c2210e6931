"""The CLI contract end to end, through the real `gistbook` command on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS, SEED, corpus_records

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


def run(db: str, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GISTBOOK, "--db", db, *args], capture_output=True, text=True, timeout=900,
                          input=stdin.decode() if stdin is not None else None)


def test_ingest_seed_show_and_reingest(sqlite_url: str) -> None:
    first = run(sqlite_url, "ingest", str(SEED), "--published", "2024-09-10", "--json", "--structure-only")
    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert [a["title"] for a in out["ingested"]] == ["India, Japan agree to promote financial cooperation"]
    assert out["failed"] == [] and out["unchanged"] == []
    art_id = out["ingested"][0]["id"]

    shown = json.loads(run(sqlite_url, "show", str(art_id), "--json").stdout)
    for key in ("id", "title", "category", "published", "author", "author_note", "url", "sections", "entities",
                "time_expressions", "timeline", "figures", "acronyms", "syllabus"):
        assert key in shown
    assert [len(s["bullets"]) for s in shown["sections"]] == [4, 22, 5]

    again = json.loads(run(sqlite_url, "ingest", str(SEED), "--published", "2024-09-10", "--json",
                           "--structure-only").stdout)
    assert again["ingested"] == [] and [u["id"] for u in again["unchanged"]] == [art_id]

    listed = json.loads(run(sqlite_url, "articles", "--json").stdout)["articles"]
    assert [a["id"] for a in listed] == [art_id]


def test_changed_file_updates_in_place_and_keeps_bullet_ids(sqlite_url: str, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    text = SEED.read_text(encoding="utf-8")
    note.write_text(text, encoding="utf-8")
    out = json.loads(run(sqlite_url, "ingest", str(note), "--published", "2024-09-10", "--json",
                         "--structure-only").stdout)
    art_id = out["ingested"][0]["id"]
    before = json.loads(run(sqlite_url, "show", str(art_id), "--json").stdout)
    added = "• India and Japan also agreed to meet again next year in New Delhi.\n\n"
    note.write_text(text.replace("India-Japan Bilateral Relations", added + "India-Japan Bilateral Relations"),
                    encoding="utf-8")
    out2 = json.loads(run(sqlite_url, "ingest", str(note), "--published", "2024-09-10", "--json",
                          "--structure-only").stdout)
    assert [a["id"] for a in out2["ingested"]] == [art_id] and out2["updated"] == [art_id]
    after = json.loads(run(sqlite_url, "show", str(art_id), "--json").stdout)
    ids_before = {b["text"]: b["id"] for s in before["sections"] for b in s["bullets"]}
    ids_after = {b["text"]: b["id"] for s in after["sections"] for b in s["bullets"]}
    assert all(ids_after[t] == i for t, i in ids_before.items())
    assert [len(s["bullets"]) for s in after["sections"]] == [5, 22, 5]


def test_bad_inputs_fail_one_line_each_and_the_batch_goes_on(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.json").write_text('{"title": "x", "html": ', encoding="utf-8")
    (folder / "good.json").write_text(json.dumps(corpus_records(1)[0]), encoding="utf-8")
    proc = run(sqlite_url, "ingest", str(folder), "--json", "--structure-only")
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert len(out["ingested"]) == 1
    failed = {Path(f["source"]).name: f["error"] for f in out["failed"]}
    assert set(failed) == {"empty.txt", "binary.bin", "broken.json"}
    assert all(err and "\n" not in err for err in failed.values())
    plain = run(sqlite_url, "ingest", str(folder / "empty.txt"))
    assert plain.returncode == 1
    assert "empty.txt" in plain.stderr and "Traceback" not in plain.stderr


def test_stdin_and_missing_things(sqlite_url: str) -> None:
    proc = run(sqlite_url, "ingest", "-", "--json", "--structure-only",
               stdin=b"The Union Cabinet approved a new scheme for coastal shipping on Monday. "
                     b"It will cost Rs 1,200 crore over five years.")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["ingested"]) == 1
    missing = run(sqlite_url, "ingest", "/no/such/file.txt")
    assert missing.returncode == 1 and "/no/such/file.txt" in missing.stderr
    assert run(sqlite_url, "show", "9999").returncode == 1
    bad_date = run(sqlite_url, "ingest", str(SEED), "--published", "10/09/2024")
    assert bad_date.returncode == 2 and "--published" in bad_date.stderr


def test_delete(sqlite_url: str) -> None:
    out = json.loads(run(sqlite_url, "ingest", str(SEED), "--published", "2024-09-10", "--json",
                         "--structure-only").stdout)
    art_id = str(out["ingested"][0]["id"])
    assert run(sqlite_url, "delete", art_id).returncode == 0
    assert run(sqlite_url, "show", art_id).returncode == 1
    assert run(sqlite_url, "delete", art_id).returncode == 1


@pytest.mark.slow
def test_whole_corpus_ingests_structure_only(sqlite_url: str) -> None:
    proc = run(sqlite_url, "ingest", str(CORPUS), "--json", "--structure-only")
    out = json.loads(proc.stdout)
    assert out["failed"] == []
    assert len(out["ingested"]) == 1305
    listed = json.loads(run(sqlite_url, "articles", "--json").stdout)["articles"]
    assert len(listed) == 1305
    assert all(a["title"] and a["published"] and a["category"] and a["bullets"] > 0 for a in listed)


def test_ingest_leaves_the_touched_dossiers_ready(sqlite_url: str) -> None:
    """A full ingest rebuilds the kept dossiers of the topics it touched, so their first view is quick."""
    import sqlite3

    done = run(sqlite_url, "ingest", str(SEED), "--published", "2024-09-10", "--json")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as conn:
        kept = dict(conn.execute("SELECT p.title, p.body FROM page_snapshots p WHERE p.key != 'topics:index'"))
        topics = {name for (name,) in conn.execute(
            "SELECT t.name FROM topics t JOIN topic_articles ta ON ta.topic_id = t.id")}
    assert "India–Japan" in kept and set(kept) == topics
    assert "Dharma Guardian" in kept["India–Japan"] and "<script" not in kept["India–Japan"]

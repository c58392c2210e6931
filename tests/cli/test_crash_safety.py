"""SIGKILL in the middle of a 500-file batch, then a re-run: no duplicates, nothing half-stored."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import corpus_records

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=10)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_batch_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "items"
    folder.mkdir()
    records = corpus_records(500)
    for i, rec in enumerate(records):
        (folder / f"item-{i:03d}.json").write_text(json.dumps(rec), encoding="utf-8")
    db = tmp_path / "kill.db"
    cmd = [*GISTBOOK, "--db", f"sqlite:///{db}", "ingest", str(folder), "--structure-only", "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and _count(db, "SELECT count(*) FROM articles") < 40:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db, "SELECT count(*) FROM articles")
    assert 0 < stored_at_kill < 500

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-500:]
    out = json.loads(rerun.stdout)
    assert len(out["ingested"]) + len(out["unchanged"]) == 500
    assert len(out["unchanged"]) >= stored_at_kill
    assert _count(db, "SELECT count(*) FROM articles") == 500
    assert _count(db, "SELECT count(DISTINCT uri) FROM sources") == 500
    # every article is whole: it has sections and bullets
    assert _count(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                      "(SELECT 1 FROM bullets b WHERE b.article_id = a.id)") == 0
    assert _count(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                      "(SELECT 1 FROM sections s WHERE s.article_id = a.id)") == 0

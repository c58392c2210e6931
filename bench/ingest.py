"""Structure-only ingest (no NLP) of the PIB corpus into a fresh SQLite file.

Prints articles/s and peak memory, next to a baseline measured in the same run: the bare cost of reading the
JSONL and inserting each raw record into one SQLite table. Target: the whole corpus in under 30 s.
Usage: python bench/ingest.py [CORPUS.jsonl]
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from gistbook.pipeline import ingest_paths
from gistbook.store import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


def baseline(path: Path, db: Path) -> tuple[int, float]:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, title TEXT, published TEXT, html TEXT)")
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            with conn:
                conn.execute("INSERT INTO raw (title, published, html) VALUES (?, ?, ?)",
                             (rec["title"], rec["published"], rec["html"]))
            n += 1
    conn.close()
    return n, time.perf_counter() - start


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        n_base, t_base = baseline(corpus, Path(tmp) / "raw.db")
        store = Store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        report = ingest_paths([str(corpus)], store, extract=False)
        elapsed = time.perf_counter() - start
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stored = len(report.ingested) + len(report.updated)
    print(f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()} "
          f"python={platform.python_version()}")
    print(f"baseline (json + raw sqlite insert): {n_base} records in {t_base:.2f} s = {n_base / t_base:.0f}/s")
    print(f"gistbook structure-only ingest:      {stored} articles in {elapsed:.2f} s = {stored / elapsed:.0f}/s, "
          f"{len(report.failed)} failed")
    print(f"ratio (gistbook time / baseline time): {elapsed / t_base:.1f}x; target: whole corpus < 30 s "
          f"({'met' if elapsed < 30 else 'NOT met'})")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0 if not report.failed else 1


if __name__ == "__main__":
    sys.exit(main())

"""Extraction shared out to worker processes gives exactly what one process gives, in the same order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.conftest import CORPUS

from gistbook.extract import extract_articles
from gistbook.extract.entities import SMALL_BATCH
from gistbook.extract.parallel import shutdown_pools
from gistbook.parse import parse_document
from gistbook.read import read_source
from gistbook.records import Article, Document


def _corpus_articles(tmp_path: Path, count: int) -> list[Article]:
    part = tmp_path / "part.jsonl"
    with CORPUS.open(encoding="utf-8") as src:
        part.write_text("".join(line for _, line in zip(range(count), src)), encoding="utf-8")
    return [parse_document(doc) for doc in read_source(str(part), max_bytes=1 << 26) if isinstance(doc, Document)]


def test_two_processes_match_one(tmp_path: Path) -> None:
    articles = _corpus_articles(tmp_path, 40)
    assert sum(len(a.bullets()) for a in articles) >= SMALL_BATCH  # large enough to take the parallel path
    try:
        parallel = extract_articles(articles, n_process=2)
    finally:
        shutdown_pools()
    serial = extract_articles(articles, n_process=1)
    assert len(parallel) == len(serial) == len(articles)
    for one, many in zip(serial, parallel):
        assert dataclasses.asdict(one) == dataclasses.asdict(many)

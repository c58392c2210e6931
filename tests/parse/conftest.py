"""Shared inputs for parse tests: the seed note and the press-release corpus from the shared folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gistbook.records import Document

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED = SHARED / "acceptance" / "seed-article.txt"
SEED_GOLD = SHARED / "acceptance" / "seed-gold.json"
CORPUS = SHARED / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared input missing: {path}")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return _need(SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_answer_key() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(_need(SEED_GOLD).read_text(encoding="utf-8"))
    return gold


@pytest.fixture(scope="session")
def corpus_documents() -> list[tuple[dict[str, str], Document]]:
    """Each corpus record with the Document the JSON reader would hand on: HTML body plus the record's metadata."""
    with _need(CORPUS).open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return [(record, _corpus_document(record, index)) for index, record in enumerate(records)]


def _corpus_document(record: dict[str, str], index: int) -> Document:
    return Document(
        source=f"{CORPUS.name}#{index}",
        uri=record["url"],
        kind="json",
        body=record["html"],
        body_format="html",
        title=record["title"],
        published=record["published"],
        category=record["category"],
        url=record["url"],
    )

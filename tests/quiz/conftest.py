"""Stores for the quiz tests: hand-made articles (fast, exact), and the seed read by the real pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handmade  # noqa: E402

from gistbook.store import Store  # noqa: E402

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "acceptance" / "seed-article.txt"


@pytest.fixture(scope="session")
def handmade_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('quiz') / 'handmade.db'}"
    store = Store(url)
    handmade.save_all(store)
    store.close()
    return url


@pytest.fixture(scope="session")
def seed_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed article ingested end to end (read, parse, extract, store), as a user would."""
    from gistbook.pipeline import ingest_paths

    url = f"sqlite:///{tmp_path_factory.mktemp('quiz') / 'seed.db'}"
    store = Store(url)
    report = ingest_paths([str(SEED)], store, published="2024-09-10")
    assert not report.failed, report.failed
    store.close()
    return url


@pytest.fixture(scope="session")
def demo_seed_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo notes and the seed, read by the real pipeline: the material the questions issue measures yield
    on (a small hand-made store holds too few exam-worthy statements on one subject for every kind)."""
    from gistbook.pipeline import ingest_demo, ingest_paths

    url = f"sqlite:///{tmp_path_factory.mktemp('quiz') / 'demo-seed.db'}"
    store = Store(url)
    ingest_demo(store)
    report = ingest_paths([str(SEED)], store, published="2024-09-10")
    assert not report.failed, report.failed
    store.close()
    return url


@pytest.fixture
def handmade_store(handmade_url: str) -> Store:
    return Store(handmade_url)


@pytest.fixture
def seed_store(seed_url: str) -> Store:
    return Store(seed_url)

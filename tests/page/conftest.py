"""A knowledge base built the real way: the demo notes (2022-2025), then an item holding only the seed's news."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import SEED

from gistbook.link.hook import relink_all
from gistbook.pipeline import ingest_demo, ingest_paths
from gistbook.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "page"
SEED_NEWS = DATA / "seed-news-only.txt"
SEED_DATE = "2024-09-10"


def _extraction_available() -> bool:
    """Extraction lands in stages; until its entities module exists the KB is built from structure alone."""
    try:
        import gistbook.extract  # noqa: F401
    except ImportError:
        return False
    return True


EXTRACT = _extraction_available()


@dataclass
class KnowledgeBase:
    store: Store
    seed_news_id: int  # our own wording of the seed's four news bullets
    seed_literal_id: int  # the seed file cut after its fourth news bullet


def seed_news_literal(tmp: Path) -> Path:
    """The seed's header, headline and four news bullets, cut from the seed file itself at test time."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    stop = next(i for i, line in enumerate(lines) if line.strip() == "India-Japan Bilateral Relations")
    path = tmp / "seed-news-literal.txt"
    path.write_text("\n".join(lines[:stop]).rstrip() + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    tmp = tmp_path_factory.mktemp("page-kb")
    store = Store(f"sqlite:///{tmp / 'kb.db'}")
    demo = ingest_demo(store, extract=EXTRACT)
    assert demo.failed == []
    ids = []
    for path in (SEED_NEWS, seed_news_literal(tmp)):
        report = ingest_paths([str(path)], store, published=SEED_DATE, extract=EXTRACT)
        assert report.failed == [], report.failed
        ids.append((report.ingested + report.unchanged)[0]["id"])
    relink_all(store)
    yield KnowledgeBase(store, ids[0], ids[1])
    store.close()

"""Quality gates on real releases (slow: ingests about 330 corpus items with the full pipeline).

Related-article precision@5 against hand judgements, syllabus accuracy against hand labels, and the
India–Japan thread of March 2026 gathered into one dossier. The same measures over the whole corpus are
printed by tests/link/related_eval.py and tests/link/syllabus_eval.py.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from related_eval import load_judgements, precision_at_5
from sqlalchemy import select
from syllabus_eval import judge, load_labels

from gistbook.link.dossier import build_dossier
from gistbook.store import Store, models

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
FLOORS = json.loads((ROOT / "tests" / "data" / "link" / "floors.json").read_text(encoding="utf-8"))
JAPAN_THREAD = ("NITI Aayog and JICA Sign Record", "7th India–Japan CEPA Joint Committee")
JAPAN_IN_PASSING = ("Reviews Asian Games 2026", "New Highway to Open Doors", "Shriram Finance by MUFG")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Judged and labelled releases, the Japan items, and 150 random others as distractors."""
    from gistbook.pipeline import ingest_paths

    if not CORPUS.exists():
        pytest.skip(f"shared corpus missing: {CORPUS}")
    wanted = set(load_labels())
    for item in load_judgements():
        wanted.add(item["url"])
        wanted.update(item["related"])
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    rng = random.Random(5)
    others = set(rng.sample(range(len(lines)), 150))
    keep = [line for i, line in enumerate(lines)
            if i in others or json.loads(line)["url"] in wanted
            or any(t in json.loads(line)["title"] for t in JAPAN_THREAD + JAPAN_IN_PASSING)]
    folder = tmp_path_factory.mktemp("corpus")
    sample = folder / "sample.jsonl"
    sample.write_text("\n".join(keep) + "\n", encoding="utf-8")
    store = Store(f"sqlite:///{folder / 'corpus.db'}")
    report = ingest_paths([str(sample)], store)
    assert not report.failed, report.failed[:3]
    yield store
    store.close()


def test_related_precision_at_5(corpus_store: Store) -> None:
    with corpus_store.session() as session:
        p5, judged = precision_at_5(session)
    assert judged >= 30
    assert p5 >= FLOORS["related"]["precision_at_5"]


def test_syllabus_accuracy(corpus_store: Store) -> None:
    labels = load_labels()
    node_ok = paper_ok = total = 0
    with corpus_store.session() as session:
        for url, article_id in session.execute(select(models.Article.url, models.Article.id)):
            if url not in labels:
                continue
            tags = session.execute(select(models.ArticleTag.tag, models.ArticleTag.score)
                                   .where(models.ArticleTag.article_id == article_id)
                                   .order_by(models.ArticleTag.score.desc())).all()
            node, paper = judge([(t, s) for t, s in tags], labels[url])
            node_ok, paper_ok, total = node_ok + node, paper_ok + paper, total + 1
    assert total >= 60
    assert node_ok / total >= FLOORS["syllabus"]["node_accuracy"]
    assert paper_ok / total >= FLOORS["syllabus"]["paper_accuracy"]


def test_india_japan_thread_is_one_dossier(corpus_store: Store) -> None:
    with corpus_store.session() as session:
        dossier = build_dossier(session, "Japan-India relations")
    titles = [a["title"] for a in dossier["articles"]]
    for start in JAPAN_THREAD:
        assert any(t.startswith(start) for t in titles), start
    for passing in JAPAN_IN_PASSING:
        assert not any(passing in t for t in titles), passing
    dates = [e["date"] for e in dossier["timeline"]]
    assert dates == sorted(dates)
    assert "2026-03-02" in dates  # the joint committee met and the record was signed on 2 March
    assert any(a["name"].endswith("Comprehensive Economic Partnership Agreement") for a in dossier["agreements"])

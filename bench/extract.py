"""Full ingest with extraction over the PIB corpus, against spaCy alone on the same texts, in one run.

gistbook: `ingest_paths` (read, parse, extract, store) into a fresh SQLite file.
baseline: the same model pipes (tok2vec + ner, no gistbook rules) over the same bullet texts that extraction
feeds spaCy, with the same batch size and number of processes. Both rates are in words of those texts per second.
Target: the full ingest takes at most 1.5x as long as spaCy alone.
Usage: python bench/extract.py [CORPUS.jsonl] [--limit N] [--n-process 2] [--batch-size 256]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections import Counter
from pathlib import Path

import spacy

from gistbook.extract import extract_articles
from gistbook.extract.entities import bullet_texts
from gistbook.extract.nlp import load_model_only, load_nlp
from gistbook.parse import parse_document
from gistbook.pipeline import ingest_paths
from gistbook.read import read_source
from gistbook.records import Article, Document
from gistbook.store import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
TARGET = 1.5


def corpus_slice(corpus: Path, limit: int | None, folder: Path) -> Path:
    """The first `limit` records as their own file, so ingest and baseline see the same items."""
    if not limit:
        return corpus
    out = folder / "slice.jsonl"
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= limit:
                break
            dst.write(line)
    return out


def parsed(path: Path) -> list[Article]:
    return [parse_document(doc) for doc in read_source(str(path), max_bytes=1 << 30) if isinstance(doc, Document)]


def timed_spacy(texts: list[str], n_process: int, batch_size: int) -> float:
    nlp = load_model_only()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()
    load_nlp(), load_model_only()  # model loading is not what either side is timed on
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus_slice(args.corpus, args.limit, Path(tmp))
        articles = parsed(path)
        texts = [text for text, _ in bullet_texts(articles)]
        words = sum(len(text.split()) for text in texts)

        t_spacy = timed_spacy(texts, args.n_process, args.batch_size)
        start = time.perf_counter()
        extractions = extract_articles(articles, n_process=args.n_process, batch_size=args.batch_size)
        t_extract = time.perf_counter() - start

        store = Store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        report = ingest_paths([str(path)], store, extract=True, n_process=args.n_process)
        t_ingest = time.perf_counter() - start
        store.close()

    model = load_model_only().meta
    print(f"machine: {platform.platform()} cpus={os.cpu_count()} python={platform.python_version()} "
          f"spacy={spacy.__version__} model={model.get('lang')}_{model.get('name')}-{model.get('version')}")
    print(f"texts: {len(articles)} articles, {len(texts)} bullets, {words} words; "
          f"n_process={args.n_process} batch_size={args.batch_size}")
    print(f"spaCy alone (tok2vec+ner):            {t_spacy:8.1f} s  {words / t_spacy:8.0f} words/s")
    print(f"gistbook extraction only (one batch):  {t_extract:8.1f} s  {words / t_extract:8.0f} words/s  "
          f"ratio {t_extract / t_spacy:.2f}x")
    print(f"gistbook full ingest (read..store):    {t_ingest:8.1f} s  {words / t_ingest:8.0f} words/s  "
          f"ratio {t_ingest / t_spacy:.2f}x, {len(report.failed)} failed")
    mentions = Counter(e.type for x in extractions for e in x.entities)
    distinct = Counter(e.type for x in extractions for e in {(m.name, m.type): m for m in x.entities}.values())
    print("entities by type (mentions / distinct per article): "
          + ", ".join(f"{t} {mentions[t]}/{distinct[t]}" for t, _ in mentions.most_common()))
    verdict = "met" if t_ingest / t_spacy <= TARGET else "NOT met"
    print(f"target: full ingest <= {TARGET}x spaCy alone: {verdict}")
    print(json.dumps({"spacy_s": round(t_spacy, 2), "extract_s": round(t_extract, 2), "ingest_s": round(t_ingest, 2),
                      "words": words, "ratio": round(t_ingest / t_spacy, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

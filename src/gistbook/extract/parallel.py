"""Extraction over several processes, article by article: each worker runs the whole extraction (spaCy and
our rules) on its share, so the rules run in parallel too, not only the model.

One pool per process lifetime: spaCy's own `nlp.pipe(n_process=…)` starts new workers on every call, which an
ingest of many small batches pays again and again. Workers are forked after the model is loaded, so they
start with it in memory.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from gistbook.records import Article, Extraction

CHUNK_ARTICLES = 16  # small enough to share the work evenly, big enough for spaCy's batching to pay off
_pools: dict[int, ProcessPoolExecutor] = {}


def _work(articles: list[Article]) -> list[Extraction]:
    from gistbook.extract import extract_articles

    return extract_articles(articles, n_process=1)


def _pool(n_process: int) -> ProcessPoolExecutor:
    if n_process not in _pools:
        from gistbook.extract.nlp import load_nlp

        load_nlp()  # loaded once here, inherited by every forked worker
        _pools[n_process] = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"))
    return _pools[n_process]


def shutdown_pools() -> None:
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)
    _pools.clear()


atexit.register(shutdown_pools)


def extract_in_processes(articles: Sequence[Article], n_process: int) -> list[Extraction]:
    """Same results as extract_articles(articles), in input order, computed by `n_process` workers."""
    chunks = [list(articles[i:i + CHUNK_ARTICLES]) for i in range(0, len(articles), CHUNK_ARTICLES)]
    results: list[Extraction] = []
    for part in _pool(n_process).map(_work, chunks):
        results.extend(part)
    return results

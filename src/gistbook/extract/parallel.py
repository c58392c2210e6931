"""Extraction over several processes, article by article: each worker runs the whole extraction (spaCy and
our rules) on its share, so the rules run in parallel too, not only the model.

One pool per process lifetime: spaCy's own `nlp.pipe(n_process=…)` starts new workers on every call, which an
ingest of many small batches pays again and again. Workers are forked after the model is loaded, so they
start with it in memory.

Workers die with their parent: if the ingest is killed (even with SIGKILL, which runs no clean-up), the kernel
kills them too, so none is left behind holding memory, the database files or the caller's output pipe.
"""

from __future__ import annotations

import atexit
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from gistbook.records import Article, Extraction

CHUNK_ARTICLES = 16  # small enough to share the work evenly, big enough for spaCy's batching to pay off
_pools: dict[int, ProcessPoolExecutor] = {}
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PARENT_POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this process when `parent_pid` ends. On Linux the kernel sends SIGKILL when the
    parent goes; elsewhere a daemon thread watches for the parent's exit. Either way the parent may already be
    gone before we asked, so that is checked once more afterwards."""
    if not _kill_me_with_parent():
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="gistbook-parent-watch", daemon=True).start()
    if os.getppid() != parent_pid:  # orphaned between fork and the request above: adopted by another process
        os._exit(1)


def _kill_me_with_parent() -> bool:
    """Ask Linux for SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _work(articles: list[Article]) -> list[Extraction]:
    from gistbook.extract import extract_articles

    return extract_articles(articles, n_process=1)


def _pool(n_process: int) -> ProcessPoolExecutor:
    if n_process not in _pools:
        from gistbook.extract.nlp import load_nlp

        load_nlp()  # loaded once here, inherited by every forked worker
        _pools[n_process] = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"),
                                                initializer=die_with_parent, initargs=(os.getpid(),))
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
    try:
        for part in _pool(n_process).map(_work, chunks):
            results.extend(part)
    except BrokenProcessPool:
        # a worker died (killed, out of memory, or its parent thread ended): the next call starts a fresh pool
        _pools.pop(n_process).shutdown(wait=False, cancel_futures=True)
        raise
    return results

"""Quick pages on the event loop: where a read-only page's work runs, and the process settings that go with it.

Over SQLite a query is CPU work inside this process, so a worker thread buys no overlap; it only adds two hops
(wake a thread, hand the GIL over and back) and a fight for the GIL (each query drops it and must win it back
from the other threads) that cost more than many a page's own work. So over SQLite a quick page runs on the event
loop itself. Over PostgreSQL a query waits on the network, and the loop must not: there it runs in the pool.
Pages that can take long (drawn background, related items, quizzes, uploads) stay plain `def` routes, which
FastAPI always runs in the pool.
"""

from __future__ import annotations

import functools
import gc
import inspect
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

import anyio.to_thread
from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool

from gistbook.config import Settings
from gistbook.store import Store

P = ParamSpec("P")
T = TypeVar("T")


def choose_inline(app: FastAPI, store: Store) -> None:
    """Decide once per app where quick pages run (app.state.inline_pages): on the loop over SQLite only."""
    app.state.inline_pages = store.dialect == "sqlite"


def tune_process(settings: Settings, store: Store) -> None:
    """At startup: size the thread pool and move the long-lived objects out of the garbage collector's reach."""
    # Sync pages run in a thread pool. On SQLite every query is CPU work inside this process, so dozens of
    # threads only fight over the GIL (each query that drops it waits a switch interval to get it back)
    # and every page finishes late; a few threads serve the same load first come, first served.
    threads = settings.web_threads or (4 if store.dialect == "sqlite" else 16)
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads
    # Everything loaded so far (frameworks, models, templates) lives as long as the process. Moved out of the
    # collector's reach, a full collection while serving takes ~1 ms instead of ~100 ms (measured on the
    # article page), a pause every page in flight in this process would otherwise wait out.
    gc.freeze()


async def run_quick(request: Request, work: Callable[..., T], *args: Any) -> T:
    """`work(*args)` on the event loop over SQLite, in the thread pool over a database server. For a route that is
    quick in one case and slow in another (the dossier: kept, or built now); a wholly quick page uses @quick_page."""
    if request.app.state.inline_pages:
        return work(*args)
    return await run_in_threadpool(work, *args)


def quick_page(page: Callable[P, T]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Make a quick read-only page, written as a plain `def` that takes `request`, an async route that runs it
    through run_quick. FastAPI reads the page's own parameters (functools.wraps), so its dependencies, queries and
    validation are as written; put it under the router's decorator:

        @router.get("/search", response_class=HTMLResponse)
        @quick_page
        def search_page(request: Request, session: SessionDep, q: str = "") -> HTMLResponse: ...
    """
    names = list(inspect.signature(page).parameters)
    if "request" not in names:
        raise TypeError(f"{page.__qualname__}: a quick page takes `request` (its app says where the page runs)")
    position = names.index("request")

    @functools.wraps(page)
    async def route(*args: P.args, **kwargs: P.kwargs) -> T:
        request = kwargs["request"] if "request" in kwargs else args[position]  # FastAPI passes all by name
        if request.app.state.inline_pages:  # type: ignore[attr-defined]
            return page(*args, **kwargs)
        return await run_in_threadpool(page, *args, **kwargs)

    return route

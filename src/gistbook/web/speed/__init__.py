"""Page speed: everything that makes pages fast, and how the parts fit together.

None of it changes what a page shows: switched off (GISTBOOK_PAGE_CACHE=0, snapshots dropped, every page in the
thread pool), every page looks the same, only slower. Each kept thing carries the version of the data it was made
from and is used only while that version is current, so nothing kept can show less than the store holds.

From the outside in, for one request:

1. **Timing** (timing.py). uvicorn's protocol stamps a request when its first bytes are parsed; ServerTiming
   reports stamp -> response head as `Server-Timing: app;dur=<ms>`, so waiting inside a busy process counts.
   bench/web.py reads it.
2. **Kept pages in memory** (page_cache.py; local mode on a SQLite file only). The finished HTML of read-only
   GET pages (article, related, background, dossier, search, review), kept while SQLite's data_version reads
   the same: any commit by any connection or process changes it. Review is kept 5 s at most (cards fall due).
3. **Quick pages on the event loop** (quick.py). A quick read-only page is a plain `def` under `@quick_page`:
   over SQLite it runs on the event loop (a thread would only add hops and fights for the GIL), over
   PostgreSQL in the thread pool. `run_quick` does the same for one step of a route (the kept dossier).
   `tune_process` sizes the pool (4 threads on SQLite) and freezes the long-lived objects out of the collector.
   The request's read session opens and, on SQLite, closes on the loop too (web/deps.py, read_session).
4. **Kept pages in the database** (snapshots.py, rows in store/snapshots.py). Each topic's default dossier
   view is rendered once and stored with its version (its newest items and the entities it names, ~1 ms to
   check, against ~20 ms or far more to build) and a fingerprint of the code and templates that drew it; the
   Topics index is stored with a version of its topic links and facts. Stale or missing: rebuilt on view.
5. **Reads kept until any commit** (store/changes.py). `memoised(session, key, compute)` keeps small reads
   that many pages repeat (categories, the Topics list, term counts) until SQLite's data_version moves.

After an ingest, `refresh_after_ingest(store, report)` rebuilds the snapshots of the topics the new items joined
and recounts the Topics index, so readers rarely pay for a build. The CLI, the Add page and the workers call it;
jobs.py and queue.py sit below the web, so `gistbook serve` and `gistbook worker` hand it to them as
`after_ingest`. `relink` drops every snapshot (link/hook.py) and `refresh_dossiers` builds them again.

Writing a page: a quick read-only page

    @router.get("/search", response_class=HTMLResponse)
    @quick_page
    def search_page(request: Request, session: SessionDep, q: str = "") -> HTMLResponse: ...

and a page that can take long (generating questions, ranking related items) is a plain `def` route, which
FastAPI runs in the thread pool. Add a path to page_cache.CACHED_PATHS only if it shows the same to every
reader and depends on nothing but the data (and the clock, with a SHORT_LIVED bound).
"""

from __future__ import annotations

from gistbook.web.speed.page_cache import PageCache
from gistbook.web.speed.quick import choose_inline, quick_page, run_quick, tune_process
from gistbook.web.speed.snapshots import refresh_after_ingest, refresh_dossiers, topic_index
from gistbook.web.speed.timing import ServerTiming, StampedHttpToolsProtocol

__all__ = ["PageCache", "ServerTiming", "StampedHttpToolsProtocol", "choose_inline", "quick_page",
           "refresh_after_ingest", "refresh_dossiers", "run_quick", "topic_index", "tune_process"]

"""Work per page view, without HTTP or concurrency: the app is called in-process, one request at a time.

bench/web.py measures pages under load, where queueing multiplies every millisecond a page costs; this measures
that millisecond, and it is far steadier from run to run. Pages run inline (no thread pool) so a profiler sees
them too (--profile N). Baseline: a static file through the same app, in the same run.
Usage: python bench/page_work.py --db PATH [--views 400] [--pages article,review,search,dossier] [--profile 30]
(build PATH first with `python bench/web.py --db PATH --build-only`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import anyio.to_thread


async def _inline(func: Callable[..., Any], *args: Any, **_: Any) -> Any:
    return func(*args)


def page_paths(db_url: str, views: int) -> dict[str, list[str]]:
    from gistbook.link.topics import list_topics
    from gistbook.store import Store

    store = Store(db_url)
    with store.session() as session:
        topics = [t["name"] for t in list_topics(session)]
        articles = len(store.articles())
    store.close()
    rng = random.Random(3)
    words = ["japan", "trade", "exercise", "scheme", "tariff", "summit", "energy", "kenya"]
    return {
        "baseline: static file": ["/static/favicon.svg"] * views,
        "article": [f"/articles/{rng.randint(1, articles)}" for _ in range(views)],
        "review": ["/review"] * views,
        "search": ["/search?q=" + quote(" ".join(rng.sample(words, rng.choice((1, 2))))) for _ in range(views)],
        "dossier": ["/topics/" + quote(rng.choice(topics), safe="") for _ in range(max(20, views // 5))],
    }


async def view(app: Any, path: str) -> int:
    """One GET through the whole ASGI stack; the response body's size."""
    route, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote(route), "raw_path": route.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    sent: list[dict[str, Any]] = []
    done = asyncio.Event()
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            done.set()

    await app(scope, receive, send)
    if sent[0]["status"] != 200:
        raise SystemExit(f"{path}: status {sent[0]['status']}")
    return sum(len(m.get("body", b"")) for m in sent[1:])


async def measure(app: Any, kinds: dict[str, list[str]], profile: int) -> None:
    async with app.router.lifespan_context(app):
        print(f"{'page':<24}{'ms per view':>12}{'KiB':>7}")
        for name, paths in kinds.items():
            for path in paths[:10]:
                await view(app, path)
            began, size = time.perf_counter(), 0
            for path in paths:
                size += await view(app, path)
            ms = (time.perf_counter() - began) / len(paths) * 1000
            print(f"{name:<24}{ms:>12.2f}{size / len(paths) / 1024:>7.0f}")
            if profile and not name.startswith("baseline"):
                profiler = cProfile.Profile()
                profiler.enable()
                for path in paths:
                    await view(app, path)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a SQLite file built by bench/web.py --build-only")
    parser.add_argument("--views", type=int, default=400)
    parser.add_argument("--pages", help="comma list of page names (default: all)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest calls of each page")
    args = parser.parse_args()
    if not Path(args.db).exists():
        raise SystemExit(f"{args.db}: no such file (build it with bench/web.py --db {args.db} --build-only)")
    db_url = f"sqlite:///{args.db}"
    os.environ.update(GISTBOOK_DB=db_url, GISTBOOK_PAGE_CACHE="0")
    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    from gistbook.web.app import app_from_environment

    kinds = page_paths(db_url, args.views)
    if args.pages:
        wanted = {p.strip() for p in args.pages.split(",")}
        kinds = {k: v for k, v in kinds.items() if k in wanted or k.startswith("baseline")}
    asyncio.run(measure(app_from_environment(), kinds, args.profile))
    print(f"\n{Path(args.db).name} · one view at a time, in-process, page cache off · Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Search latency on a real store: the library call and the /search page, for plain, common, multi-word, misspelt
and unmatched queries. Runs against whatever gistbook is importable, so the same script times the code before and
after a change (point PYTHONPATH at another checkout's src/). Copy the store first: opening it migrates it.
Usage: python bench/search.py --db /path/to/store.db [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = ["semiconductor", "india", "india japan", "repo rate inflation", "semiconducter", "goverment scheme",
           "malabar exercise", "to", "zzqx wibble"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from fastapi.testclient import TestClient
    from sqlalchemy import text

    import gistbook
    from gistbook.config import load_settings
    from gistbook.store import Store
    from gistbook.store import search as search_module
    from gistbook.web import create_app

    url = f"sqlite:///{args.db}"
    store = Store(url)
    forgiving = getattr(search_module, "forgiving_search", None)
    print(f"gistbook from {Path(gistbook.__file__).parent}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    with store.session() as session:
        articles = session.execute(text("SELECT count(*) FROM articles")).scalar()
    print(f"store: {args.db} ({articles} articles)")
    print("library: CPU time of the search call; page: wall time of GET /search through the app (TestClient)")
    print(f"{'query':<22} {'library p50':>11} {'p95':>7} {'page p50':>9} {'p95':>7}  results (first title)")
    app = create_app(load_settings(db=url, page_cache=False), store, mode="local")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        for query in QUERIES:
            lib: list[float] = []
            page: list[float] = []
            found: Any = None
            for _ in range(args.repeat):
                with store.session() as session:
                    start = time.process_time()  # CPU time: on a shared machine wall time mostly measures the others
                    found = forgiving(session, query, limit=21) if forgiving else search_module.search(session, query,
                                                                                                     limit=21)
                    lib.append((time.process_time() - start) * 1000)
                start = time.perf_counter()
                reply = client.get("/search", params={"q": query})
                page.append((time.perf_counter() - start) * 1000)
                assert reply.status_code == 200
            results = found.results if forgiving else found
            note = f"{len(results)}" + (f" ({results[0]['title'][:40]})" if results else "")
            if forgiving and found.suggestion:
                note += f" did you mean: {found.suggestion}"
            print(f"{query:<22} {statistics.median(lib):>9.1f}ms {percentile(lib, .95):>5.1f}ms "
                  f"{statistics.median(page):>7.1f}ms {percentile(page, .95):>5.1f}ms  {note}")
    store.close()


if __name__ == "__main__":
    main()

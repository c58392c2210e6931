"""Precision@5 of related articles against the hand judgements (tests/data/link/related-judgements.json).

For each judged article: the share of the related articles it shows (at most five) that the judgements list as
related; an article that shows none scores 0. Run against a store holding the corpus:
.venv/bin/python tests/link/related_eval.py sqlite:////tmp/corpus.db [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.link.related import related_articles
from gistbook.store import Store, models

JUDGEMENTS = Path(__file__).resolve().parents[1] / "data" / "link" / "related-judgements.json"


def load_judgements() -> list[dict[str, Any]]:
    return list(json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["items"])


def precision_at_5(session: Session, verbose: bool = False) -> tuple[float, int]:
    """Mean precision@5 over the judged articles found in the store, and how many were found."""
    ids = {url: aid for url, aid in session.execute(select(models.Article.url, models.Article.id))}
    urls = {aid: url for url, aid in ids.items()}
    scores = []
    for item in load_judgements():
        article_id = ids.get(item["url"])
        if article_id is None:
            continue
        related = set(item["related"])
        top = related_articles(session, article_id, limit=5)["related"]
        hits = sum(1 for r in top if urls.get(r["article_id"]) in related)
        # over what is shown: fewer links rather than weak ones (an item with none shown counts as 0)
        scores.append(hits / len(top) if top else 0.0)
        if verbose and hits < len(top):
            print(f"{hits}/5 {item['title'][:80]}")
            for r in top:
                mark = "+" if urls.get(r["article_id"]) in related else "-"
                print(f"     {mark} {r['title'][:70]}  [{r['reason']}]")
    return (sum(scores) / len(scores) if scores else 0.0), len(scores)


def main() -> None:
    store = Store(sys.argv[1])
    with store.session() as session:
        p5, n = precision_at_5(session, verbose="-v" in sys.argv)
    print(json.dumps({"judged_articles": n, "precision_at_5": round(p5, 3)}))


if __name__ == "__main__":
    main()

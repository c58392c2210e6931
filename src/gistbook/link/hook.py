"""The save hook: after an article is written, map its bullets to facts, its topics, and its search row."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from gistbook.link.facts import link_facts, prune_orphan_facts
from gistbook.link.topics import link_topics
from gistbook.store import Store
from gistbook.store.reader import all_article_ids
from gistbook.store.search import index_article
from gistbook.store.snapshots import clear_snapshots


def on_article_saved(session: Session, article_id: int, status: str) -> None:
    """Run inside Store.save's transaction: a failure here rolls the article back too (nothing half-linked)."""
    link_facts(session, article_id)
    if status == "updated":  # edited bullets took their fact mentions with them
        prune_orphan_facts(session)
    link_topics(session, article_id)
    index_article(session, article_id)


def relink_all(store: Store, progress: Callable[[int], None] | None = None) -> int:
    """Recompute facts, topics and search rows of every stored article (after a bulk load or a rule change)."""
    with store.session() as session:
        ids = all_article_ids(session)
    for start in range(0, len(ids), 200):
        with store.sessions.begin() as session:
            for article_id in ids[start:start + 200]:
                on_article_saved(session, article_id, "relinked")
        if progress:
            progress(len(ids[start:start + 200]))
    with store.sessions.begin() as session:
        prune_orphan_facts(session)
        clear_snapshots(session)  # facts and topics were recomputed: every kept page may now be out of date
    return len(ids)

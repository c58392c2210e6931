"""Link many newly saved articles in one pass: the same facts, topics and search rows as the save hook gives
one article at a time, with each lookup made once per batch instead of once per article.

Articles are still decided one after another (an article can only reuse facts of those before it), but known
facts, band keys and topics are read for the whole batch up front and kept in memory as the batch adds to
them; new rows are written at the end with one multi-row insert per table. One difference in kind: the whole
batch is saved before any of it is linked, so an alias an entity first gets later in the batch already counts
for the earlier articles' topics and search rows (as after `gistbook relink`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.facts import (
    KEY_CAP,
    Terms,
    _candidates,
    _insert_ignore,
    choose_facts,
    decode,
    fresh_keys,
    signature,
)
from gistbook.link.hook import on_article_saved
from gistbook.link.text import fold
from gistbook.link.topics import ArticleView, TopicLink, _ensure_topics, detect_topics
from gistbook.store import Store
from gistbook.store import facts as store_facts
from gistbook.store import topics as store_topics
from gistbook.store.bulk import Item, save_many
from gistbook.store.search import index_articles
from gistbook.store.writer import SaveStatus

CHUNK = 500  # ids per IN (...) list


def save_and_link(store: Store, items: Iterable[Item], batch: int = 500,
                  progress: Callable[[int], None] | None = None) -> list[tuple[int, SaveStatus]]:
    """Store and link items `batch` at a time, each batch one transaction (what ingest does item by item)."""
    out: list[tuple[int, SaveStatus]] = []
    pending: list[Item] = []

    def flush() -> None:
        with store.sessions.begin() as session:
            results = save_many(session, pending)
            link_saved(session, results)
        out.extend(results)
        if progress:
            progress(len(pending))
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return out


def link_saved(session: Session, results: list[tuple[int, SaveStatus]]) -> None:
    """Link saved articles in order, as on_article_saved would one by one; new articles go in batches."""
    fresh: list[int] = []
    for article_id, status in results:
        if status == "unchanged":
            continue
        if status == "ingested":
            fresh.append(article_id)
            continue
        link_new(session, fresh)  # an update may drop facts: what came before must be linked first
        fresh = []
        on_article_saved(session, article_id, status)
    link_new(session, fresh)


def link_new(session: Session, article_ids: list[int]) -> None:
    """Facts, topics and search rows of articles that have none yet (just inserted)."""
    if not article_ids:
        return
    session.flush()
    _link_facts(session, article_ids)
    _link_topics(session, article_ids)
    index_articles(session, article_ids)
    session.flush()


def _link_facts(session: Session, article_ids: list[int]) -> None:
    bullets: dict[int, list[tuple[int, str]]] = {aid: [] for aid in article_ids}
    for bid, aid, text in store_facts.bullets_of_articles(session, article_ids):
        bullets[aid].append((bid, text))
    sigs = {aid: {bid: signature(text) for bid, text in rows} for aid, rows in bullets.items()}
    hashes = list({s.hash for per in sigs.values() for s in per.values()})
    by_hash: dict[str, int] = {}
    for i in range(0, len(hashes), CHUNK):
        by_hash.update(store_facts.fact_ids_by_hash(session, hashes[i:i + CHUNK]))
    keys = {k for per in sigs.values() for s in per.values() for k in s.bands}
    buckets = _candidates(session, keys)  # the first KEY_CAP filed under each key: all a lookup ever reads
    for key in keys:
        buckets.setdefault(key, [])
    new_facts: list[tuple[str, str, str]] = []  # (hash, signature, text); the n-th has placeholder id -(n + 1)
    new_keys: list[tuple[int, int]] = []  # (key, placeholder or real fact id)
    mentions: list[tuple[int, int, int, float]] = []  # (fact id or placeholder, article, bullet, similarity)
    for aid in article_ids:
        own = sigs[aid]
        candidates = {k: buckets[k][:KEY_CAP] for s in own.values() for k in s.bands if buckets[k]}
        choice = choose_facts(own, dict(bullets[aid]), by_hash, candidates)
        stored_terms: dict[str, Terms] = {}
        for h, sig in choice.pending.items():
            placeholder = -(len(new_facts) + 1)
            new_facts.append((h, sig.encode(), choice.pending_text[h]))
            stored_terms[h] = decode(new_facts[-1][1])  # what a later reader decodes from the stored row
            by_hash[h] = placeholder
        for key, h in fresh_keys(choice, {}, candidates):
            new_keys.append((key, by_hash[h]))
            buckets[key].append((by_hash[h], stored_terms[h]))
        for bid, (fid, sim, h) in choice.chosen.items():
            mentions.append((fid if fid is not None else by_hash[h], aid, bid, round(sim, 4)))
    real = _write_facts(session, new_facts)

    def resolve(fact_id: int) -> int:
        return real[-fact_id - 1] if fact_id < 0 else fact_id

    store_facts.file_keys(session, [{"key": k, "fact_id": resolve(f)} for k, f in new_keys])
    store_facts.add_mentions(session, [{"fact_id": resolve(f), "article_id": a, "bullet_id": b, "similarity": s}
                                       for f, a, b, s in mentions])


def _write_facts(session: Session, new_facts: list[tuple[str, str, str]]) -> list[int]:
    """Insert the batch's new facts in creation order; their ids, in the same order."""
    if not new_facts:
        return []
    rows: list[dict[str, object]] = [{"text": text, "hash": h, "signature": sig} for h, sig, text in new_facts]
    for i in range(0, len(rows), CHUNK):
        _insert_ignore(session, rows[i:i + CHUNK])
    hashes = [h for h, _, _ in new_facts]
    ids: dict[str, int] = {}
    for i in range(0, len(hashes), CHUNK):
        ids.update(store_facts.fact_ids_by_hash(session, hashes[i:i + CHUNK]))
    return [ids[h] for h in hashes]


def _views(session: Session, article_ids: list[int]) -> dict[int, ArticleView]:
    """The ArticleView of each article, read with a handful of queries for the whole batch."""
    views: dict[int, ArticleView] = {}
    headings: dict[int, list[str]] = {aid: [] for aid in article_ids}
    bullets: dict[int, list[tuple[int, str]]] = {aid: [] for aid in article_ids}
    for aid, heading in store_topics.headings_of_articles(session, article_ids):
        if heading:
            headings[aid].append(heading)
    for bid, aid, text in store_facts.bullets_of_articles(session, article_ids):
        bullets[aid].append((bid, text))
    for aid, title in store_topics.titles_of_articles(session, article_ids):
        views[aid] = ArticleView(title, headings[aid], bullets[aid])
        views[aid].folded = [(bid, fold(t)) for bid, t in bullets[aid]]
    for aid, eid, name, etype, aliases, bullet_id in store_topics.entity_mentions_of_articles(session, article_ids):
        view = views[aid]
        view.entities[eid] = (name, etype, list(aliases or []))
        view.mentioned_in.setdefault(eid, set()).add(bullet_id)
    for aid, tag, score in store_topics.tags_of_articles(session, article_ids):
        views[aid].tags.append((tag, score))
    return views


def _link_topics(session: Session, article_ids: list[int]) -> None:
    views = _views(session, article_ids)
    known: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    for aid in article_ids:
        view = views.get(aid)
        links: list[TopicLink] = detect_topics(session, view) if view is not None else []
        missing = [t for t in links if t.key not in known]
        if missing:  # read (or create) only topics this batch has not met yet
            known.update(_ensure_topics(session, missing))
        rows.extend({"topic_id": known[t.key], "article_id": aid, "score": t.score} for t in links)
    store_topics.link_articles(session, rows)

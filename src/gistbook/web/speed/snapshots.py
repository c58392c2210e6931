"""Kept pages in the database: each topic's default dossier view and the Topics index, rebuilt when stale.

Building a dossier reads hundreds of rows and renders ~50 KiB of HTML (~20 ms); checking a snapshot's version
reads the topic's newest items and the entities it names (~1 ms). A snapshot whose version no longer matches the
data, or that was rendered by other code or templates, is rebuilt on the spot, so a page never shows less than
the store holds. Ingest refreshes the snapshots of the topics it touched, so readers rarely pay for a build.
The rows themselves are read and written by store/snapshots.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link import dossier as dossier_mod
from gistbook.link import series
from gistbook.link import topics as topics_mod
from gistbook.records import date_sort_key
from gistbook.store import Store
from gistbook.store.snapshots import Snapshot, Topic, load_snapshot, save_snapshot, topics_to_refresh
from gistbook.web import charts
from gistbook.web.charts import SeriesPoint, series_chart, timeline_strip
from gistbook.web.templating import TEMPLATES, templates

# A topic page reads its newest items: enough for a readable page that opens fast on a large store. The reader
# can ask for the deeper window (the CLI's and the API's), which takes a few times as long on huge topics.
PAGE_WINDOW = 100
REFRESH_LIMIT = 100  # topics refreshed after one ingest, largest first; the rest are built on their first view
TOPIC_INDEX_KEY = "topics:index"
STRIP_PHONE_WIDTH = 360  # the timeline strip drawn for a phone's screen
MIN_LISTED = 2  # a topic with a single item is no thread yet: the index leaves it out (search still finds it)


def _code_fingerprint() -> str:
    """Changes with any code or template that shapes the snapshot, so an upgrade never serves old HTML."""
    digest = hashlib.sha256()
    for path in (Path(dossier_mod.__file__), Path(series.__file__), Path(charts.__file__), Path(__file__),
                 Path(topics_mod.__file__),
                 TEMPLATES / "dossier_body.html", TEMPLATES / "macros.html", TEMPLATES.parent / "templating.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


FINGERPRINT = _code_fingerprint()


def figure_charts(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each figure series with its SVG chart when it has more than one value to compare."""
    out = []
    for s in figures:
        points = [SeriesPoint(p["period"] or (p.get("as_of") or "")[:7] or "?", p["value"], p["superseded"],
                              p.get("text", "")) for p in s["series"]]
        chart = series_chart(points, label=f"{s['subject'] or 'Figure'} over time", unit=s["unit"]) \
            if len(points) > 1 else None
        out.append({**s, "chart": chart})
    return out


def render_body(dossier: dict[str, Any], since: str, older: int, window: int) -> str:
    """The dossier's HTML without the page around it (no learner, no request: the same for every reader)."""
    events = [(date_sort_key(e["date"]), e["text"]) for e in dossier["timeline"]]
    label = f"Timeline of {dossier['topic']}"
    # one strip for wide screens and one drawn for a phone's width (CSS shows one): neither is cut off or scrolls
    strip = timeline_strip(events, label=label) if events else None
    narrow = timeline_strip(events, label=label, width=STRIP_PHONE_WIDTH) if events else None
    latest = max((a["published"] or "" for a in dossier["articles"]), default="")
    return templates.env.get_template("dossier_body.html").render(
        d=dossier, strip=strip, strip_narrow=narrow, figures=figure_charts(dossier["figures"]), since=since,
        latest=latest, older=older,
        can_go_deeper=not older and dossier["article_count"] > window)


def snapshot_key(topic_id: int, window: int = PAGE_WINDOW) -> str:
    return f"dossier:{topic_id}:{window}"


def build_snapshot(session: Session, store: Store, topic: Topic) -> Snapshot:
    """Build the topic's default dossier view now and keep it (best effort)."""
    dossier, version, entity_ids = dossier_mod.build_versioned(session, topic, PAGE_WINDOW)
    snapshot = Snapshot(f"{FINGERPRINT}:{version}", entity_ids, dossier["topic"],
                        render_body(dossier, "", 0, PAGE_WINDOW))
    save_snapshot(store.sessions, snapshot_key(topic.id), snapshot)
    return snapshot


def current_snapshot(session: Session, topic: Topic) -> Snapshot | None:
    """The topic's kept dossier if it still shows the data as it is now (about a millisecond to check)."""
    snapshot = load_snapshot(session, snapshot_key(topic.id))
    if snapshot is None or not snapshot.version.startswith(f"{FINGERPRINT}:"):  # none, or other code's HTML
        return None
    current = dossier_mod.dossier_version(session, topic, snapshot.entity_ids, PAGE_WINDOW)
    return snapshot if snapshot.version == f"{FINGERPRINT}:{current}" else None


def _current(session: Session, store: Store, topic: Topic) -> tuple[Snapshot, bool]:
    """The topic's snapshot when still current, else a new one built and kept; and whether it was built."""
    snapshot = current_snapshot(session, topic)
    if snapshot is not None:
        return snapshot, False
    return build_snapshot(session, store, topic), True


def refresh_dossiers(store: Store, article_ids: list[int] | None = None, limit: int = REFRESH_LIMIT) -> int:
    """Bring the snapshots of the topics these articles belong to (all topics when None) up to date, largest
    topics first; returns how many were rebuilt."""
    with store.session() as session:
        return sum(_current(session, store, topic)[1] for topic in topics_to_refresh(session, article_ids, limit))


def refresh_after_ingest(store: Store, report: dict[str, Any]) -> int:
    """After an ingest (its `--json` report): refresh the dossiers of the topics its new and updated items joined."""
    ids = [int(item["id"]) for key in ("ingested", "updated") for item in report.get(key, []) if "id" in item]
    if not ids:
        return 0
    rebuilt = refresh_dossiers(store, ids)
    with store.session() as session:
        topic_index(session, store)  # recounted now: the first view of Topics after an ingest does not wait for it
    return rebuilt


def topic_index(session: Session, store: Store) -> list[dict[str, Any]]:
    """Every topic worth listing (at least MIN_LISTED items fairly about it), biggest first, with its item and
    fact counts. Counting takes grouped joins over every topic link (seconds on a large store), so the list is
    kept as a snapshot and recounted only when a topic link or a fact was added or removed (two index reads)."""
    version = f"{FINGERPRINT}:{topics_mod.index_version(session)}"
    kept = load_snapshot(session, TOPIC_INDEX_KEY)
    if kept is not None and kept.version == version:
        listed: list[dict[str, Any]] = json.loads(kept.body)
        return listed
    listed = topics_mod.list_topics(session, min_articles=MIN_LISTED, min_score=topics_mod.LISTED_SCORE)
    body = json.dumps(listed, ensure_ascii=False)
    save_snapshot(store.sessions, TOPIC_INDEX_KEY, Snapshot(version, [], "Topics", body))
    return listed

"""One dossier per topic that grows with every article: timeline, figures, agreements, people, challenges, news.

Everything is cited: each entry lists the bullets (with their article) it came from. Repeated background is
merged through its Fact, so fifty notes repeating one treaty give one timeline entry with fifty sources.

The entry point; each part of a dossier has its own module beside this one:
- dossier_scope.py: the window of newest articles, which bullets belong to the topic, the version digest;
- dossier_timeline.py: every dated event (merged per event) and the key dates;
- dossier_figures.py: figure series of the topic itself;
- dossier_people.py: agreements, exercises, initiatives and people;
- dossier_points.py: challenges, way forward, what is new since a date;
- dossier_summary.py: the one-screen summary;
- dossier_records.py: the entries while they are built, each with `to_dict()` for the JSON.
The reads themselves are in store/dossier_reads.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link import (
    dossier_figures,
    dossier_people,
    dossier_points,
    dossier_records,
    dossier_scope,
    dossier_summary,
    dossier_timeline,
)
from gistbook.link.dossier_figures import figures as _figures
from gistbook.link.dossier_people import SECTION_TYPES, named_things
from gistbook.link.dossier_points import new_since, role_points
from gistbook.link.dossier_scope import MAX_SOURCES, Scope, read_scope, version
from gistbook.link.dossier_summary import first_sentence, summary
from gistbook.link.dossier_timeline import KEY_DATES, key_timeline, scope_events, timeline
from gistbook.link.topics import resolve_topic, suggest_topics
from gistbook.records import date_sort_key
from gistbook.store import dossier_reads
from gistbook.store.topics import Topic

MAX_ARTICLES = 300  # newest articles a dossier is built from
# Every module whose code shapes a dossier: a kept snapshot made by other code is rebuilt (web/speed/snapshots.py).
CODE_FILES = tuple(Path(module.__file__ or "") for module in (
    dossier_figures, dossier_people, dossier_points, dossier_records, dossier_scope, dossier_summary,
    dossier_timeline, dossier_reads)) + (Path(__file__),)
# Re-exported: the names callers and tests used when these lived here.
__all__ = ["CODE_FILES", "KEY_DATES", "MAX_ARTICLES", "MAX_SOURCES", "SECTION_TYPES", "TopicNotFound",
           "build_dossier", "build_versioned", "dossier_version", "find_topic", "first_sentence"]


class TopicNotFound(LookupError):
    """No topic matches the name; `suggestions` holds the closest ones."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no topic matches {name!r}{hint}")
        self.suggestions = suggestions


def dossier_version(session: Session, topic: Topic, entity_ids: list[int], max_articles: int = MAX_ARTICLES) -> str:
    """The version `build_versioned` would give now, at a fraction of the cost of building the dossier."""
    total = dossier_reads.topic_total(session, topic.id)
    window = dossier_reads.newest_of_topic(session, topic.id, max_articles, total)
    return version(session, topic, total, window, entity_ids)


def find_topic(session: Session, topic_name: str) -> Topic:
    """The topic a name means; raises TopicNotFound (with suggestions) for no match."""
    topic = resolve_topic(session, topic_name)
    if topic is None:
        raise TopicNotFound(topic_name, suggest_topics(session, topic_name))
    return topic


def build_dossier(session: Session, topic_name: str, since: str | None = None,
                  max_articles: int = MAX_ARTICLES) -> dict[str, Any]:
    """The dossier of a topic as the CLI contract's JSON; raises TopicNotFound (with suggestions) for no match.

    Keys: topic, kind, since, summary (key_dates, figures: the newest value of each series, challenges: what
    one screen holds), key_timeline (the dates worth revising), timeline (every event),
    figures, agreements, exercises, initiatives, people, challenges,
    way_forward, new_since, articles, article_count. Every entry carries `sources` [{article_id, bullet_id,
    title, published}]. A topic with more than `max_articles` articles is built from its newest ones
    (`article_count` tells how many it has), which keeps a page readable and fast on any store.
    """
    return _assemble(session, find_topic(session, topic_name), since, max_articles)[0]


def build_versioned(session: Session, topic: Topic, max_articles: int = MAX_ARTICLES
                    ) -> tuple[dict[str, Any], str, list[int]]:
    """The dossier (no `since`), its version and the entities it names, for keeping it as a snapshot."""
    dossier, scope, total = _assemble(session, topic, None, max_articles)
    return dossier, version(session, topic, total, scope.window, scope.named), scope.named


def _assemble(session: Session, topic: Topic, since: str | None, max_articles: int
              ) -> tuple[dict[str, Any], Scope, int]:
    total = dossier_reads.topic_total(session, topic.id)
    scope = read_scope(session, topic, max_articles, total)
    events = scope_events(session, scope)
    named = named_things(session, scope, events)
    points = role_points(session, scope, ("challenges", "way_forward"))
    key_ranked = key_timeline(session, scope)
    figures = _figures(session, scope)
    return {
        "topic": topic.name,
        "kind": topic.kind,
        "since": since,
        "summary": summary(key_ranked, figures, points["challenges"]),
        "key_timeline": sorted(key_ranked, key=lambda e: date_sort_key(e["date"])),
        "timeline": [entry.to_dict() for entry in timeline(session, scope, events)],
        "figures": figures,
        **{section: [thing.to_dict() for thing in things] for section, things in named.items()},
        "challenges": [point.to_dict() for point in points["challenges"]],
        "way_forward": [point.to_dict() for point in points["way_forward"]],
        "new_since": [item.to_dict() for item in new_since(session, scope, since)] if since else [],
        "articles": list(scope.articles.values()),
        "article_count": total,
    }, scope, total

"""Key dates of a topic or a query: the few dates worth revising, each with one stored line that says what happened.

Dates are ranked by evidence rather than by how many items were published on a day: how many distinct articles
date an event to it (a date written in background that many notes repeat counts many times), how central its
lines are to the topic (shared words with the topic or query), and a small bonus for a date written in the text
over a publication date. Each date's line is its most representative stored sentence (the one most articles
carry, then the most central), and a line that repeats an earlier date's line is skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.text import STOPWORDS
from gistbook.records import date_sort_key
from gistbook.store.reader import timeline as stored_events
from gistbook.store.reader import topic_article_ids
from gistbook.store.search import search

_WORDS = re.compile(r"[a-z0-9]+")
MAX_QUERY_ARTICLES = 1000
SAME_LINE = 0.6  # word overlap at which two dates tell the same thing


def _terms(text: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in _WORDS.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS)


@dataclass
class _Date:
    date: str
    lines: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    articles: set[int] = field(default_factory=set)
    written: bool = False  # a date written in a bullet, not only a publication date


def articles_for(session: Session, topic: str | None = None, query: str | None = None) -> list[int] | None:
    """The articles a timeline covers: a stored topic's (as `dossier` matches it), a search's, or all (None)."""
    if topic:
        from gistbook.link.dossier import find_topic  # the one topic matcher; raises TopicNotFound

        return topic_article_ids(session, find_topic(session, topic).id)
    if query:
        return [r["article_id"] for r in search(session, query, limit=MAX_QUERY_ARTICLES)]
    return None


def key_dates(session: Session, article_ids: list[int] | None, k: int, about: str = "",
              since: str | None = None) -> list[dict[str, Any]]:
    """At most `k` key dates, oldest first: {date, text, sources [{article_id, bullet_id}]}."""
    focus = _terms(about)
    dates: dict[str, _Date] = {}
    for e in stored_events(session, None, article_ids=article_ids, since=since):
        d = dates.setdefault(e["date"], _Date(e["date"]))
        d.lines[e["text"]].append({"article_id": e["article_id"], "bullet_id": e["bullet_id"]})
        d.articles.add(e["article_id"])
        d.written = d.written or e["date"] != (e["published"] or "")[:10] or e["text"] != e["title"]

    def centrality(text: str) -> float:
        words = _terms(text)
        return len(words & focus) / len(focus) if focus else 0.0

    def score(d: _Date) -> float:
        best = max(centrality(t) for t in d.lines)
        return len(d.articles) * (1.0 + best) + (0.5 if d.written else 0.0) + best

    chosen: list[dict[str, Any]] = []
    used: list[frozenset[str]] = []
    for d in sorted(dates.values(), key=lambda d: (-score(d), date_sort_key(d.date))):
        if len(chosen) >= k:
            break
        ranked = sorted(d.lines.items(), key=lambda item: (-len({s["article_id"] for s in item[1]}),
                                                          -centrality(item[0]), len(item[0])))
        for text, sources in ranked:
            words = _terms(text)
            if any(len(words & u) / max(1, min(len(words), len(u))) >= SAME_LINE for u in used):
                continue
            used.append(words)
            chosen.append({"date": d.date, "text": text, "sources": sources[:5]})
            break
    return sorted(chosen, key=lambda e: date_sort_key(e["date"]))

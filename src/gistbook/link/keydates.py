"""Key dates of a topic or a query: the few dates worth revising, each with one stored line that says what happened.

Dates are ranked by evidence rather than by how many items were published on a day: how many distinct articles
date an event to it (a date written in background that many notes repeat counts many times), how central its
lines are to the topic (shared words with the topic or query), and a small bonus for a date written in the text
over a publication date. Each date's line is its most representative stored sentence (the one most articles
carry, then the most central), and a line that repeats an earlier date's line is skipped.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.text import STOPWORDS
from gistbook.records import date_sort_key
from gistbook.store.reader import timeline as stored_events
from gistbook.store.reader import topic_article_ids
from gistbook.store.search import search

_WORDS = re.compile(r"[a-z0-9]+")
MAX_QUERY_ARTICLES = 1000
MIN_CENTRALITY = 0.3  # a key date's line must name the topic's distinctive words, not only share its articles
SAME_LINE = 0.8  # word overlap at which two nearby dates tell the same thing
# what makes a date a milestone of its topic rather than an episode: something signed, founded, raised or launched
MILESTONE = re.compile(r"\b(?:sign(?:ed|s)?|establish(?:ed|es)?|set\s+up|found(?:ed)?|launch(?:ed|es)?|elevat(?:ed|es)|"
                       r"upgrad(?:ed|es)|came\s+into\s+(?:force|effect)|entered\s+into\s+force|in\s+force|"
                       r"adopt(?:ed|s)|ratif(?:ied|ies)|approv(?:ed|es)|inaugurat(?:ed|es)|conclud(?:ed|es)|"
                       r"treaty|agreement|partnership|accord|pact|summit|target|goal|created|formed)\b",
                       re.IGNORECASE)


@lru_cache(maxsize=50_000)
def _milestone(text: str) -> bool:
    return MILESTONE.search(text) is not None


@lru_cache(maxsize=50_000)
def _terms(text: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in _WORDS.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS)


@dataclass
class _Date:
    date: str
    lines: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    articles: set[int] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)  # line -> title of the article it came from
    written: bool = False  # a date written in a bullet, not only a publication date


def _focus_weights(focus: frozenset[str], lines: list[str]) -> dict[str, float]:
    """Inverse line frequency of each focus word among the candidate lines (a word in every line tells nothing)."""
    if not focus or not lines:
        return {}
    words_of = [_terms(text) for text in lines]
    weights = {}
    for f in focus:
        df = sum(1 for words in words_of if any(w.startswith(f[:5]) for w in words))
        weights[f] = math.log((1 + len(lines)) / (1 + df)) + 0.1
    return weights


def _share(words: frozenset[str], weight: dict[str, float]) -> float:
    """Weighted share of the focus words a line names: rare words weigh more (in "PM-KISAN scheme", "kisan" is
    what a line must name), and a prefix matches (Japan ~ Japanese). Without focus words every line counts."""
    if not weight:
        return 1.0
    return sum(w for f, w in weight.items() if any(x.startswith(f[:5]) for x in words)) / sum(weight.values())


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
    return sorted(ranked_key_dates(session, article_ids, k, about, since), key=lambda e: date_sort_key(e["date"]))


def ranked_key_dates(session: Session, article_ids: list[int] | None, k: int, about: str = "",
                     since: str | None = None) -> list[dict[str, Any]]:
    """The key dates of `key_dates`, most important first (a summary takes the first few)."""
    focus = _terms(about)
    dates: dict[str, _Date] = {}
    for e in stored_events(session, None, article_ids=article_ids, since=since):
        d = dates.setdefault(e["date"], _Date(e["date"]))
        d.lines[e["text"]].append({"article_id": e["article_id"], "bullet_id": e["bullet_id"]})
        d.articles.add(e["article_id"])
        d.titles.setdefault(e["text"], e["title"] or "")
        # a date written in a bullet, or the news of the day when it is a milestone ("… set ¥10 trillion goal")
        d.written = d.written or e["date"] != (e["published"] or "")[:10] or e["text"] != e["title"] \
            or bool(_milestone(e["text"]))

    lines = [text for d in dates.values() for text in d.lines]
    weight = _focus_weights(focus, lines)

    memo: dict[str, float] = {}

    def centrality(text: str) -> float:
        """How much of the topic's or query's distinctive words the line names (see _share)."""
        if text not in memo:
            memo[text] = _share(_terms(text), weight)
        return memo[text]

    def fit(d: _Date, text: str) -> float:
        """A line's centrality; a milestone in an item about the topic ("Agreement on … Nuclear Energy was
        signed in November 2016" in an India–Japan note) borrows some from its item's title."""
        own = centrality(text)
        if own < MIN_CENTRALITY and _milestone(text):
            return max(own, 0.6 * centrality(d.titles.get(text, "")))
        return own

    def score(d: _Date) -> float:
        best = max(fit(d, t) for t in d.lines)
        milestone = max(bool(_milestone(t)) for t in d.lines)
        support = 1.0 + math.log2(len(d.articles))  # repeated background counts, but not linearly
        return support * (0.5 + best) + 1.5 * best + 2.5 * milestone + (0.5 if d.written else 0.0)

    chosen: list[dict[str, Any]] = []
    used: list[tuple[frozenset[str], int]] = []
    for d in sorted(dates.values(), key=lambda d: (-score(d), date_sort_key(d.date))):
        if len(chosen) >= k:
            break
        ranked = sorted(((text, sources) for text, sources in d.lines.items() if fit(d, text) >= MIN_CENTRALITY),
                        key=lambda item: (-fit(d, item[0]), -bool(_milestone(item[0])),
                                          -len({s["article_id"] for s in item[1]}), len(item[0])))
        year = int(date_sort_key(d.date)[:4]) if date_sort_key(d.date)[:4].isdigit() else 0
        for text, sources in ranked:
            words = _terms(text)
            if any(len(words & u) / max(1, min(len(words), len(u))) >= SAME_LINE and abs(year - y) <= 1
                   for u, y in used):
                continue  # the same event told again a day or a year apart ("signed" and "announced")
            used.append((words, year))
            chosen.append({"date": d.date, "text": text, "sources": sources[:5]})
            break
    return chosen

"""Topics an article belongs to: entities, bilateral pairs (India–Japan) and syllabus nodes.

A pair topic needs both countries to be central to the item (title, a heading, the lead, or a large share of
its bullets), not merely mentioned. Topic names are matched forgivingly: 'india japan', 'Japan–India' and
'India-Japan relations' all have the key of India–Japan.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.text import fold
from gistbook.store import facts as store_facts
from gistbook.store import topics as store_topics
from gistbook.store.topics import Topic

HOME_COUNTRY = "India"
ENTITY_TOPIC_TYPES = frozenset({"country", "organisation", "initiative", "military_exercise", "agreement",
                                "scheme", "policy"})
CENTRAL = 0.5  # an article scoring this for a topic is about it: all its bullets belong to the dossier
COUNTRY_LINK = 0.3  # a country topic gathers articles where the country is at least this prominent
SYLLABUS_LINK = 0.3
LISTED_SCORE = 0.3  # the topic index counts an item toward a topic only when it is at least this much about it
FILLER = frozenset({"relations", "relation", "ties", "tie", "bilateral", "and", "the", "of", "between", "with",
                    "topic", "dossier", "india's"})


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, list[str]]:
    """Country name → the other words news uses for it (short forms, demonyms)."""
    raw = resources.files("gistbook.link").joinpath("data/countries.json").read_text(encoding="utf-8")
    data: dict[str, list[str]] = json.loads(raw)["countries"]
    return data


@lru_cache(maxsize=1)
def _alias_to_country() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, aliases in country_aliases().items():
        for word in [name, *aliases]:
            out[fold(word)] = name
    return out


def _key_words(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+(?:\.[^\W_]+)*", fold(name).replace("'s ", " "))
    lookup = _alias_to_country()
    out: list[str] = []
    for w in words:
        country = lookup.get(w)
        out.extend(fold(country).split() if country else [w])
    return out


def topic_key(name: str) -> str:
    """Order-, case-, dash- and filler-insensitive key: 'Japan–India relations' → 'india japan'."""
    words = _key_words(name)
    kept = sorted({w for w in words if w not in FILLER}) or sorted(set(words))
    return " ".join(kept)[:300]


def pair_name(a: str, b: str) -> str:
    """'India–Japan': the home country first, else alphabetical, joined by an en dash."""
    first, second = sorted((a, b), key=lambda n: (n != HOME_COUNTRY, n))
    return f"{first}–{second}"


@dataclass
class ArticleView:
    """What topic detection needs to know about one stored article."""

    title: str
    headings: list[str]
    bullets: list[tuple[int, str]]
    entities: dict[int, tuple[str, str, list[str]]] = field(default_factory=dict)  # id → (name, type, aliases)
    mentioned_in: dict[int, set[int]] = field(default_factory=dict)  # entity id → bullet ids
    tags: list[tuple[str, float]] = field(default_factory=list)
    folded: list[tuple[int, str]] = field(default_factory=list)  # bullets case-folded once, for name search


def load_view(session: Session, article_id: int) -> ArticleView | None:
    title = store_topics.article_title(session, article_id)
    if title is None:
        return None
    headings = [h for h in store_topics.section_headings(session, article_id) if h]
    bullets = store_facts.article_bullets(session, article_id)
    view = ArticleView(title, headings, bullets)
    view.folded = [(bid, fold(t)) for bid, t in bullets]
    for eid, name, etype, aliases, bullet_id in store_topics.entity_mentions(session, article_id):
        view.entities[eid] = (name, etype, list(aliases or []))
        view.mentioned_in.setdefault(eid, set()).add(bullet_id)
    view.tags = store_topics.article_tags(session, article_id)
    return view


@dataclass(frozen=True)
class NamePattern:
    """The spellings of one name as a regex over folded text, tried only when one of them occurs at all: most
    texts name few of the ~120 countries, and a substring test rejects the rest far faster than the regex."""

    spellings: tuple[str, ...]
    regex: re.Pattern[str]

    def search(self, folded: str) -> bool:
        return any(s in folded for s in self.spellings) and self.regex.search(folded) is not None


def _pattern(words: list[str]) -> NamePattern:
    return _pattern_of(tuple(sorted(set(words))))


@lru_cache(maxsize=4096)  # every article tries every country's pattern: build each once
def _pattern_of(words: tuple[str, ...]) -> NamePattern:
    spellings = tuple(fold(w) for w in sorted(words, key=len, reverse=True) if w)
    alts = "|".join(re.escape(s) for s in spellings)
    return NamePattern(spellings, re.compile(rf"(?<![\w-])(?:{alts})(?![\w])"))


@dataclass
class Presence:
    """Where a thing is named in an article; `score` says how central it is (0..1)."""

    score: float
    in_title: bool
    headings: set[int]
    bullets: set[int]


def presence(view: ArticleView, words: list[str], bullet_ids: set[int] | None = None) -> Presence:
    """How much an item is about a thing named by `words`: title, headings, lead and share of bullets."""
    pattern = _pattern(words)
    hits = set(bullet_ids or set())
    folded = view.folded or [(bid, fold(t)) for bid, t in view.bullets]
    hits |= {bid for bid, btext in folded if pattern.search(btext)}
    in_title = bool(pattern.search(fold(view.title)))
    headings = {i for i, h in enumerate(view.headings) if pattern.search(fold(h))}
    score = 0.0
    if in_title:
        score += 0.6
    if headings:
        score += 0.5
    if view.bullets and view.bullets[0][0] in hits:
        score += 0.3
    total = max(1, len(view.bullets))
    score += min(0.5, len(hits) / total)
    if len(hits) >= 3:
        score += 0.1
    return Presence(round(min(1.0, score), 3), in_title, headings, hits)


def _paired(a: Presence, b: Presence, countries_in: dict[int, int]) -> bool:
    """Both central, and named together: in the title, one heading, or two bullets that are not mere lists."""
    if min(a.score, b.score) < CENTRAL:
        return False
    if (a.in_title and b.in_title) or a.headings & b.headings:
        return True
    together = [bid for bid in a.bullets & b.bullets if countries_in.get(bid, 0) <= 3]
    return len(together) >= 2


@dataclass
class TopicLink:
    key: str
    name: str
    kind: str
    score: float
    entity_id: int | None = None
    other_entity_id: int | None = None


def detect_topics(session: Session, view: ArticleView) -> list[TopicLink]:
    """Entity, pair and syllabus topics of one article, each with how central the article is to it."""
    links: dict[str, TopicLink] = {}
    countries: dict[str, tuple[int | None, Presence]] = {}
    known = country_aliases()
    for eid, (name, etype, aliases) in view.entities.items():
        if etype not in ENTITY_TOPIC_TYPES:
            continue
        words = [name, *aliases, *known.get(name, [])]
        found = presence(view, words, view.mentioned_in.get(eid))
        score = found.score
        if etype == "country":
            countries[name] = (eid, found)
            if name == HOME_COUNTRY or score < COUNTRY_LINK:
                continue
        key = topic_key(name)
        if key and (key not in links or links[key].score < score):
            links[key] = TopicLink(key, name, "entity", score, eid)
    text = fold(" ".join([view.title, *view.headings, *(t for _, t in view.bullets[:1])]))
    for name, aliases in known.items():  # countries the extractor missed but the title or lead names
        if name not in countries and _pattern([name, *aliases]).search(text):
            countries[name] = (None, presence(view, [name, *aliases]))
    countries_in: dict[int, int] = {}
    for _, found in countries.values():
        for bid in found.bullets:
            countries_in[bid] = countries_in.get(bid, 0) + 1
    central = sorted(n for n, (_, p) in countries.items() if p.score >= CENTRAL)
    for a, b in combinations(central, 2):
        if not _paired(countries[a][1], countries[b][1], countries_in):
            continue
        name = pair_name(a, b)
        first, second = name.split("–")
        ida = countries[first][0] or store_topics.country_entity(session, first)
        idb = countries[second][0] or store_topics.country_entity(session, second)
        score = min(countries[a][1].score, countries[b][1].score)
        links[topic_key(name)] = TopicLink(topic_key(name), name, "pair", score, ida, idb)
    for tag, score in view.tags:
        if score >= SYLLABUS_LINK:
            links.setdefault(topic_key(tag), TopicLink(topic_key(tag), tag, "syllabus", round(score, 3)))
    return list(links.values())


def _ensure_topics(session: Session, links: list[TopicLink]) -> dict[str, int]:
    """Get or create topic rows by key; concurrent writers never create the same key twice."""
    return store_topics.ensure_topics(session, [{"key": t.key, "name": t.name, "kind": t.kind, "entity_id": t.entity_id,
                                                 "other_entity_id": t.other_entity_id} for t in links])


def link_topics(session: Session, article_id: int) -> list[TopicLink]:
    """Replace the topic links of one article with freshly detected ones."""
    old = store_topics.article_topic_ids(session, article_id)
    store_topics.unlink_article(session, article_id)
    view = load_view(session, article_id)
    links = detect_topics(session, view) if view is not None else []
    ids = _ensure_topics(session, links)
    store_topics.link_articles(session, [{"topic_id": ids[t.key], "article_id": article_id, "score": t.score}
                                         for t in links])
    session.flush()
    store_topics.drop_unused_topics(session, old - set(ids.values()))
    return links


def index_version(session: Session) -> str:
    """Changes whenever a topic link or a stated fact is added or removed: what the topic index is computed from."""
    return store_topics.index_version(session)


def list_topics(session: Session, kind: str | None = None, min_articles: int = 1,
                limit: int | None = None, min_score: float = 0.0) -> list[dict[str, Any]]:
    """Topics with their kind and how many articles and distinct facts each gathers, biggest first.

    Only articles scoring `min_score` or more for a topic count toward it (0: every link). Fact counts are exact,
    counted for the listed topics in one query; pass `limit` on a large store to count only the biggest.
    """
    found = store_topics.topics_by_size(session, kind, min_articles, limit, min_score)
    facts = store_topics.fact_counts(session, [r[0] for r in found], min_score)
    return [{"id": topic_id, "name": name, "kind": k, "key": key, "articles": n_articles,
             "facts": facts.get(topic_id, 0)} for topic_id, name, k, key, n_articles in found]


def followed_topic_ids(session: Session, user_id: int | None, min_score: float = LISTED_SCORE) -> set[int]:
    """Topics the learner follows. Nothing records a follow yet, so a topic is followed when the learner has a
    note on one of its items or a card drawn from one (each item at least `min_score` about the topic)."""
    return store_topics.topics_of_learner_items(session, user_id, min_score)


def resolve_topic(session: Session, name: str) -> Topic | None:
    """The topic a user means by `name` (any order, dash, case or 'relations'), or an entity alias of it."""
    key = topic_key(name)
    if not key:
        return None
    topic = store_topics.topic_by_key(session, key)
    if topic is not None:
        return topic
    wanted = fold(name).strip()
    for ent_id, aliases in store_topics.entity_topic_aliases(session):
        if any(fold(a) == wanted for a in aliases or []):
            return store_topics.entity_topic(session, ent_id)
    return None


def suggest_topics(session: Session, name: str, limit: int = 5) -> list[str]:
    """Closest topic names to a name that matched none, most articles first among equals."""
    key = topic_key(name)
    words = set(key.split())
    rows = store_topics.topic_names(session)
    scored = []
    for topic_name, topic_key_ in rows:
        ratio = difflib.SequenceMatcher(None, key, topic_key_).ratio()
        overlap = len(words & set(topic_key_.split())) / max(1, len(words))
        if ratio >= 0.6 or overlap >= 0.5:
            scored.append((max(ratio, overlap), topic_name))
    return [n for _, n in sorted(scored, key=lambda x: (-x[0], x[1]))[:limit]]

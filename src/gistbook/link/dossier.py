"""One dossier per topic that grows with every article: timeline, figures, agreements, people, challenges, news.

Everything is cited: each entry lists the bullets (with their article) it came from. Repeated background is
merged through its Fact, so fifty notes repeating one treaty give one timeline entry with fifty sources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gistbook.link.keydates import ranked_key_dates
from gistbook.link.series import OWNER_TYPES, FigurePoint, build_series, owned_elsewhere, worth_showing
from gistbook.link.text import STOPWORDS
from gistbook.link.topics import CENTRAL, resolve_topic, suggest_topics
from gistbook.records import date_sort_key
from gistbook.store import models as m
from gistbook.store.fastsql import in_list, rows

MAX_SOURCES = 5
KEY_DATES = 12  # the key timeline a dossier opens with
SUMMARY_DATES, SUMMARY_FIGURES, SUMMARY_CHALLENGES = 4, 3, 2  # what fits one phone screen above the sections
_FIRST_SENTENCE = re.compile(r"^(.{40,}?[a-z0-9)%’'\"][.;!?])\s+[A-Z(‘\"“]")
MAX_ARTICLES = 300  # newest articles a dossier is built from
WALK_MIN = 2000  # a topic this large on SQLite is read by walking the date index (see _newest_of_topic) ...
WALK_SHARE = 50  # ... when it holds at least 1/50 of the store's articles
SAME_DAY_SIMILARITY = 0.3  # the date already agrees, so less shared wording is needed to call it one event
_WORDS = re.compile(r"[a-z0-9]+")
SECTION_TYPES = {"agreements": ("agreement",), "exercises": ("military_exercise",),
                 "initiatives": ("initiative", "scheme", "policy", "organisation"), "people": ("person",)}


class TopicNotFound(LookupError):
    """No topic matches the name; `suggestions` holds the closest ones."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no topic matches {name!r}{hint}")
        self.suggestions = suggestions


@dataclass
class _Scope:
    """The articles of a topic and which of their bullets belong to it."""

    topic: m.Topic
    articles: dict[int, dict[str, Any]]
    whole: set[int]  # articles about the topic: all their bullets count
    bullets: set[int] = field(default_factory=set)  # extra bullets (mentioning the topic) in the other articles
    window: list[tuple[Any, ...]] = field(default_factory=list)  # the newest items as read, for the version
    named: list[int] = field(default_factory=list)  # entities whose stored name, aliases or role the dossier shows

    def covers(self, article_id: int, bullet_id: int) -> bool:
        return article_id in self.whole or bullet_id in self.bullets

    def source(self, article_id: int, bullet_id: int) -> dict[str, Any]:
        a = self.articles[article_id]
        return {"article_id": article_id, "bullet_id": bullet_id, "title": a["title"], "published": a["published"]}


_WINDOW_COLUMNS = "a.id, a.title, a.published, a.category, ta.score, a.updated"
_WALK_SQL = (f"SELECT {_WINDOW_COLUMNS} FROM articles a CROSS JOIN topic_articles ta ON ta.article_id = a.id "
             "AND ta.topic_id = :topic ORDER BY a.published DESC, a.id DESC LIMIT :limit")
_JOIN_SQL = (f"SELECT {_WINDOW_COLUMNS} FROM topic_articles ta JOIN articles a ON a.id = ta.article_id "
             "WHERE ta.topic_id = :topic ORDER BY a.published DESC, a.id DESC LIMIT :limit")
_TOTAL_SQL = "SELECT count(*) FROM topic_articles WHERE topic_id = :topic"
_NEWEST_ID_SQL = "SELECT max(id) FROM articles"


def _newest_of_topic(session: Session, topic: m.Topic, max_articles: int, total: int) -> list[tuple[Any, ...]]:
    """The topic's newest articles, as the driver gives them (read on every dossier view to check its version).
    For a topic holding a good share of a large SQLite store, newest articles are walked on the publication-date
    index until enough belong to the topic (a few thousand index steps), instead of sorting all of its tens of
    thousands of articles by date."""
    sql = _JOIN_SQL
    if session.get_bind().dialect.name == "sqlite" and total >= WALK_MIN:
        newest = int(rows(session, _NEWEST_ID_SQL, {})[0][0] or 0)
        if total * WALK_SHARE >= newest:
            sql = _WALK_SQL
    return [tuple(r) for r in rows(session, sql, {"topic": topic.id, "limit": max_articles})]


def _scope(session: Session, topic: m.Topic, max_articles: int, total: int = 0) -> _Scope:
    window = _newest_of_topic(session, topic, max_articles, total)
    articles: dict[int, dict[str, Any]] = {}
    whole: set[int] = set()
    for aid, title, published, category, score, _updated in window:
        articles[aid] = {"article_id": aid, "title": title, "published": published, "category": category,
                         "score": round(score, 3)}
        if topic.kind != "entity" or score >= CENTRAL:
            whole.add(aid)
    scope = _Scope(topic, articles, whole, window=window)
    if topic.entity_id is not None and len(whole) < len(articles):
        q = select(m.Mention.bullet_id).where(_in_scope(m.Mention, scope), m.Mention.entity_id == topic.entity_id)
        scope.bullets = set(session.scalars(q))
    return scope


def _in_scope(model: Any, scope: _Scope) -> Any:
    """Rows of the scope's articles (a short id list: the window keeps it short on any store)."""
    return model.article_id.in_(list(scope.articles) or [-1])


def _add_source(sources: list[dict[str, Any]], source: dict[str, Any]) -> None:
    if len(sources) < MAX_SOURCES and all(s["article_id"] != source["article_id"] for s in sources):
        sources.append(source)


def _event_entities(session: Session, scope: _Scope, event_bullets: set[int]) -> dict[int, set[int]]:
    """bullet → named things (not countries or places) in the bullets that carry the topic's events."""
    q = (select(m.Mention.bullet_id, m.Mention.entity_id)
         .join(m.Entity, m.Entity.id == m.Mention.entity_id)
         .where(_in_scope(m.Mention, scope))
         .where(m.Entity.type.not_in(["country", "place"])))
    out: dict[int, set[int]] = {}
    for bullet_id, entity_id in session.execute(q):
        if bullet_id in event_bullets:
            out.setdefault(bullet_id, set()).add(entity_id)
    return out


def _scope_events(session: Session, scope: _Scope) -> list[Any]:
    """Every event of the scope's articles with the fact its bullet states (read once, used twice)."""
    q = (select(m.Event.date, m.Event.sort_key, m.Event.text, m.Event.bullet_id, m.Event.article_id,
                m.FactMention.fact_id)
         .where(_in_scope(m.Event, scope))
         .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Event.bullet_id))
    return list(session.execute(q))


def _quick_terms(entry: dict[str, Any]) -> frozenset[str]:
    """Plain lower-case words of an entry, computed once: cheap enough for every pair of entries on one date."""
    if "_sig" not in entry:
        words = _WORDS.findall(entry["text"].lower())
        entry["_sig"] = frozenset(w.rstrip("s") for w in words if len(w) > 2 and w not in STOPWORDS)
    terms: frozenset[str] = entry["_sig"]
    return terms


def _same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two entries on one date tell the same event: similar wording, or (day or month dates) the same named thing."""
    if len(a["date"]) >= 7 and a["_things"] & b["_things"]:
        return True
    terms_a, terms_b = _quick_terms(a), _quick_terms(b)
    union = len(terms_a | terms_b)
    return bool(union) and len(terms_a & terms_b) / union >= SAME_DAY_SIMILARITY


def _timeline(session: Session, scope: _Scope, events: list[Any]) -> list[dict[str, Any]]:
    """Dated events of the topic, one entry per (date, fact); entries of one date telling one event are merged."""
    things = _event_entities(session, scope, {row[3] for row in events})
    entries: dict[tuple[str, Any], dict[str, Any]] = {}
    for date, sort_key, text, bullet_id, article_id, fact_id in events:
        if not scope.covers(article_id, bullet_id):
            continue
        key = (date, fact_id if fact_id is not None else ("b", bullet_id))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {"date": date, "text": text, "sources": [], "_sort": sort_key, "_things": set()}
        entry["_things"] |= things.get(bullet_id, set())
        _add_source(entry["sources"], scope.source(article_id, bullet_id))
    merged: list[dict[str, Any]] = []
    by_date: dict[str, list[dict[str, Any]]] = {}
    for entry in sorted(entries.values(), key=lambda e: (e["_sort"], -len(e["sources"]), e["text"])):
        same_day = by_date.setdefault(entry["date"], [])
        twin = next((e for e in same_day if _same_event(e, entry)), None)
        if twin is not None:
            twin["_things"] |= entry["_things"]
            for s in entry["sources"]:
                _add_source(twin["sources"], s)
            continue
        same_day.append(entry)
        merged.append(entry)
    for entry in merged:
        for private in ("_sort", "_things", "_sig"):
            entry.pop(private, None)
    return merged


def _key_timeline(session: Session, scope: _Scope) -> list[dict[str, Any]]:
    """The few dates a learner revises the topic by (link/keydates.py), each cited with its items, most important
    first (the summary takes the first few; the page lists them by date)."""
    rows = ranked_key_dates(session, list(scope.articles), KEY_DATES, about=scope.topic.name)
    for row in rows:
        row["sources"] = [scope.source(s["article_id"], s["bullet_id"]) for s in row["sources"]
                          if s["article_id"] in scope.articles]
    return rows


def first_sentence(text: str) -> str:
    """A point's opening sentence, whole: enough to recall it in a summary (the full point is in its section)."""
    found = _FIRST_SENTENCE.match(text)
    return found.group(1) if found else text


def _summary(key_ranked: list[dict[str, Any]], figures: list[dict[str, Any]],
             challenges: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """What a learner revises the topic from on one screen: the most important key dates (oldest first), the
    newest value of each figure series with its period, and the challenges most items raise."""
    dates = sorted(key_ranked[:SUMMARY_DATES], key=lambda e: date_sort_key(e["date"]))
    latest = []
    for s in figures:
        current = [p for p in s["series"] if not p["superseded"]] or s["series"][-1:]
        if current:
            point = current[-1]
            latest.append({"subject": s["subject"], "unit": s["unit"], "text": point["text"],
                           "period": point["period"], "as_of": point.get("as_of"), "sources": point["sources"][:1],
                           "values": len(s["series"])})
    latest.sort(key=lambda f: (-f["values"], -(len(f["period"] or "")), f["subject"] or ""))
    ranked = sorted(challenges, key=lambda c: -len(c["sources"]))  # stable: newest first among equals
    open_points = [{"text": first_sentence(c["text"]), "sources": c["sources"][:1]}
                   for c in ranked[:SUMMARY_CHALLENGES]]
    return {"key_dates": dates, "figures": latest[:SUMMARY_FIGURES], "challenges": open_points}


def _topic_names(session: Session, topic: m.Topic) -> list[str]:
    """Names a sentence must use to be about the topic: the entity's name and aliases, or a pair's partner
    countries (India in India–Japan names nothing: it is in every release)."""
    if topic.entity_id is not None:
        entity = session.get(m.Entity, topic.entity_id)
        if entity is not None:
            # a short acronym names many things ("DBT", "NEP"): only the name and longer aliases count
            return [n for n in [entity.name, *(entity.aliases or [])] if len(n) > 4 or n == entity.name]
    parts = [p.strip() for p in re.split(r"[–—-]", topic.name) if p.strip()]
    return [p for p in parts if p != "India"] or parts


def _names_topic(text: str, names: list[str]) -> bool:
    """A figure is the topic's when its sentence names the topic, not only when it sits in an item about it."""
    return any(re.search(rf"(?<!\w){re.escape(n)}", text) for n in names)


def _figures(session: Session, scope: _Scope) -> list[dict[str, Any]]:
    q = (select(m.Figure.value, m.Figure.unit, m.Figure.period, m.Figure.subject, m.Figure.text,
                m.Figure.bullet_id, m.Figure.article_id, m.Bullet.text, m.Section.role, m.Figure.start)
         .join(m.Bullet, m.Bullet.id == m.Figure.bullet_id)
         .join(m.Section, m.Section.id == m.Bullet.section_id)
         .where(_in_scope(m.Figure, scope), m.Section.role != "way_forward"))
    if scope.topic.kind == "syllabus":
        return []  # a syllabus area is no quantity's subject: its figures stay in their items
    names = _topic_names(session, scope.topic)
    rows = [r for r in session.execute(q) if scope.covers(r[6], r[5]) and worth_showing(r[0], r[1], r[3], r[7])
            and (_names_topic(r[7], names) or r[8] == "background" and r[6] in scope.whole)]
    owners = _owner_mentions(session, scope.topic, {r[5] for r in rows})
    points = [FigurePoint(value, unit, period, subject, text, scope.source(aid, bid))
              for value, unit, period, subject, text, bid, aid, bullet, role, start in rows
              if owners is None or not owned_elsewhere(bullet, start, owners.get(bid, []), scope.topic.entity_id or 0)]
    return build_series(points, MAX_SOURCES, scope.topic.name)


def _owner_mentions(session: Session, topic: m.Topic, bullet_ids: set[int]
                    ) -> dict[int, list[tuple[int, int, int]]] | None:
    """Per bullet, the bodies and programmes named in it, for a topic that is one itself (None otherwise: a pair
    of countries owns its trade figures whatever body a sentence names)."""
    entity = session.get(m.Entity, topic.entity_id) if topic.entity_id is not None else None
    kind = entity.type if entity is not None else None
    if kind not in OWNER_TYPES or not bullet_ids:
        return None
    found: dict[int, list[tuple[int, int, int]]] = {}
    for bid, eid, start, end in session.execute(
            select(m.Mention.bullet_id, m.Mention.entity_id, m.Mention.start, m.Mention.end)
            .join(m.Entity, m.Entity.id == m.Mention.entity_id)
            .where(m.Mention.bullet_id.in_(list(bullet_ids)), m.Entity.type.in_(list(OWNER_TYPES)))):
        found.setdefault(bid, []).append((eid, start, end))
    return found


def _named_things(session: Session, scope: _Scope, events: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Agreements, exercises, initiatives and people of the topic, with their dates and roles."""
    types = [t for group in SECTION_TYPES.values() for t in group]
    q = (select(m.Entity.id, m.Entity.name, m.Entity.type, m.Entity.aliases, m.Entity.role, m.Entity.country,
                m.Mention.role, m.Mention.country, m.Mention.bullet_id, m.Mention.article_id)
         .join(m.Mention, m.Mention.entity_id == m.Entity.id)
         .where(_in_scope(m.Mention, scope))
         .where(m.Entity.type.in_(types)))
    things: dict[int, dict[str, Any]] = {}
    bullets_of: dict[int, set[int]] = {}
    for eid, name, etype, aliases, role, country, m_role, m_country, bid, aid in session.execute(q):
        if not scope.covers(aid, bid) or eid == scope.topic.entity_id:
            continue
        thing = things.get(eid)
        if thing is None:
            thing = things[eid] = {"name": name, "type": etype, "aliases": list(aliases or []), "role": role,
                                   "country": country, "roles": [], "dates": [], "sources": [], "mentions": 0}
        thing["mentions"] += 1
        published = scope.articles[aid]["published"]
        if m_role and not any(r["role"] == m_role for r in thing["roles"]):
            thing["roles"].append({"role": m_role, "as_of": published})
        thing["country"] = thing["country"] or m_country
        _add_source(thing["sources"], scope.source(aid, bid))
        bullets_of.setdefault(eid, set()).add(bid)
    _attach_dates(things, bullets_of, events)
    scope.named = sorted(things)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in SECTION_TYPES}
    for thing in sorted(things.values(), key=lambda t: (-t["mentions"], t["name"])):
        for section, group in SECTION_TYPES.items():
            if thing["type"] in group:
                thing["roles"].sort(key=lambda r: r["as_of"] or "")
                if thing["roles"]:
                    thing["role"] = thing["roles"][-1]["role"]
                if section != "people":
                    del thing["roles"]
                out[section].append(thing)
    return out


def _attach_dates(things: dict[int, dict[str, Any]], bullets_of: dict[int, set[int]], events: list[Any]) -> None:
    """The dates written in the bullets that name each thing (signed, held, came into force ...)."""
    dates_in: dict[int, set[str]] = {}
    for row in events:
        dates_in.setdefault(row[3], set()).add(row[0])
    for eid, thing in things.items():
        if thing["type"] != "person":
            values = {d for b in bullets_of.get(eid, set()) for d in dates_in.get(b, set())}
            thing["dates"] = sorted(values, key=date_sort_key)


def _role_points(session: Session, scope: _Scope, roles: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Challenges and way-forward points from sections with those roles, each repeated point once."""
    q = (select(m.Bullet.id, m.Bullet.text, m.Bullet.article_id, m.Section.role, m.FactMention.fact_id)
         .join(m.Section, m.Section.id == m.Bullet.section_id)
         .where(_in_scope(m.Bullet, scope))
         .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Bullet.id)
         .where(m.Section.role.in_(list(roles))).order_by(m.Bullet.article_id.desc(), m.Bullet.position))
    out: dict[str, list[dict[str, Any]]] = {r: [] for r in roles}
    seen: dict[Any, dict[str, Any]] = {}
    for bid, text, aid, role, fact_id in session.execute(q):
        if not scope.covers(aid, bid):
            continue
        key = fact_id if fact_id is not None else ("b", bid)
        point = seen.get(key)
        if point is None:
            point = seen[key] = {"text": text, "sources": []}
            out[role].append(point)
        _add_source(point["sources"], scope.source(aid, bid))
    return out


def _new_since(session: Session, scope: _Scope, since: str) -> list[dict[str, Any]]:
    """Statements first seen in this topic on or after `since` (repeated background is not news)."""
    new_articles = [aid for aid, a in scope.articles.items() if (a["published"] or "") >= since]
    if not new_articles:
        return []
    found: list[Any] = []
    for i in range(0, len(new_articles), 500):
        found.extend(session.execute(
            select(m.Bullet.id, m.Bullet.text, m.Bullet.article_id, m.FactMention.fact_id)
            .outerjoin(m.FactMention, m.FactMention.bullet_id == m.Bullet.id)
            .where(m.Bullet.article_id.in_(new_articles[i:i + 500])).order_by(m.Bullet.position)))
    fact_ids = list({r[3] for r in found if r[3] is not None})
    old: set[int] = set()
    for i in range(0, len(fact_ids), 500):
        old.update(session.scalars(
            select(m.FactMention.fact_id).join(m.Article, m.Article.id == m.FactMention.article_id)
            .where(_in_scope(m.FactMention, scope))
            .where(m.FactMention.fact_id.in_(fact_ids[i:i + 500]), m.Article.published < since)))
    items: dict[Any, dict[str, Any]] = {}
    for bid, text, aid, fact_id in found:
        if fact_id in old or not scope.covers(aid, bid):
            continue
        key = fact_id if fact_id is not None else ("b", bid)
        item = items.setdefault(key, {"date": scope.articles[aid]["published"], "text": text, "sources": []})
        _add_source(item["sources"], scope.source(aid, bid))
    return sorted(items.values(), key=lambda x: x["date"] or "", reverse=True)


def _total(session: Session, topic: m.Topic) -> int:
    return int(rows(session, _TOTAL_SQL, {"topic": topic.id})[0][0] or 0)


def _version(session: Session, topic: m.Topic, total: int, window: list[tuple[Any, ...]],
             entity_ids: list[int]) -> str:
    """A digest of everything a dossier is built from that can change: the topic, its newest items as stored
    (an item edited in place has a new `updated`), and the stored fields of the entities it names."""
    listed, params = in_list("e", entity_ids)
    entities = rows(session, f"SELECT id, name, type, aliases, role, country FROM entities WHERE id IN {listed} "
                    "ORDER BY id", params)
    parts = (topic.id, topic.name, topic.kind, topic.entity_id, total, [tuple(map(str, r)) for r in window],
             [tuple(map(str, e)) for e in entities])
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def dossier_version(session: Session, topic: m.Topic, entity_ids: list[int], max_articles: int = MAX_ARTICLES) -> str:
    """The version `build_versioned` would give now, at a fraction of the cost of building the dossier."""
    total = _total(session, topic)
    return _version(session, topic, total, _newest_of_topic(session, topic, max_articles, total), entity_ids)


def find_topic(session: Session, topic_name: str) -> m.Topic:
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


def build_versioned(session: Session, topic: m.Topic, max_articles: int = MAX_ARTICLES
                    ) -> tuple[dict[str, Any], str, list[int]]:
    """The dossier (no `since`), its version and the entities it names, for keeping it as a snapshot."""
    dossier, scope, total = _assemble(session, topic, None, max_articles)
    return dossier, _version(session, topic, total, scope.window, scope.named), scope.named


def _assemble(session: Session, topic: m.Topic, since: str | None, max_articles: int
              ) -> tuple[dict[str, Any], _Scope, int]:
    total = _total(session, topic)
    scope = _scope(session, topic, max_articles, total)
    events = _scope_events(session, scope)
    named = _named_things(session, scope, events)
    points = _role_points(session, scope, ("challenges", "way_forward"))
    key_ranked = _key_timeline(session, scope)
    figures = _figures(session, scope)
    return {
        "topic": topic.name,
        "kind": topic.kind,
        "since": since,
        "summary": _summary(key_ranked, figures, points["challenges"]),
        "key_timeline": sorted(key_ranked, key=lambda e: date_sort_key(e["date"])),
        "timeline": _timeline(session, scope, events),
        "figures": figures,
        **named,
        "challenges": points["challenges"],
        "way_forward": points["way_forward"],
        "new_since": _new_since(session, scope, since) if since else [],
        "articles": list(scope.articles.values()),
        "article_count": total,
    }, scope, total

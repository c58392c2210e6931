"""Related articles for one article: shared entities weighted by rarity, BM25 text similarity, same thread, recency.

Candidates come from the article's rarer entities, its topics and a text query; only those are scored, so a
call stays fast however large the store is. Each result says why it was chosen.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.text import STOPWORDS, raw_tokens
from gistbook.link.topics import CENTRAL
from gistbook.store import related as reads
from gistbook.store.search import term_document_counts
from gistbook.text import HEADLINE_VERBS

WEIGHTS = {"entities": 0.45, "text": 0.35, "thread": 0.12, "recency": 0.08}
# Shared things that say nothing of a shared subject: a city, a person (ministers and officials appear in every
# kind of news), a country on its own (a pair of countries is a thread, below), the government's own offices.
ENTITY_TYPES_SKIPPED = frozenset({"place", "person", "country"})
GENERIC_BODY = re.compile(r"^(?:Union\s+)?(?:Ministry|Department|Office|Government|Cabinet|Press Information Bureau"
                          r"|Prime Minister|President's Secretariat"
                          r"|Lok Sabha|Rajya Sabha|Parliament)\b", re.IGNORECASE)
# a place where events are held is shared by unrelated events: "same body: Dr Ambedkar International Centre"
VENUE = re.compile(r"\b(?:International\s+Centre|International\s+Center|Convention\s+Cent(?:re|er)|Bhawan|Bhavan|"
                   r"Mandapam|House|Auditorium|Hall|Stadium|Complex|Ground|Maidan)$")
GENERIC_SHARE = 0.03  # an entity in more of the store's articles than this is everyday news, not a thread
KIND_LABEL = {"scheme": "scheme", "agreement": "agreement", "military_exercise": "exercise", "initiative":
              "initiative", "policy": "policy", "organisation": "body"}
STRONG_TEXT = 0.5  # a candidate with no shared thing must be this close in wording to the best match
LEAD = 1  # bullet positions 0-1: what an item is about is named in its opening
DF_CAP = 5000  # document frequencies are counted up to this; beyond it an entity is common anyway
PER_ENTITY = 200  # newest articles fetched per shared entity
PER_TOPIC = 200
MAX_ENTITIES = 10
QUERY_TERMS = 14
TEXT_NEIGHBOURS = 40  # best text matches taken as candidates even without a shared entity or thread
TEXT_DEPTH = 300  # on SQLite, candidates outside this many best text matches get no text score
COMMON_SHARE = 0.02  # a word in more than this share of articles is not used to find similar text


def _days(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def _entity_df(session: Session, entity_ids: list[int], article_id: int) -> dict[int, int]:
    """How often each entity is mentioned outside this article, counted up to DF_CAP (an index range scan)."""
    return {eid: reads.mentions_elsewhere(session, eid, article_id, DF_CAP) for eid in entity_ids}


def _central(session: Session, article_ids: list[int], entity_ids: list[int], titles: dict[int, str],
             ents: dict[int, tuple[str, str]]) -> dict[int, set[int]]:
    """Per article, the entities it is about: named in its title or its lead (its first two bullets), or in
    three or more of its bullets (a launch of many projects names each of them once or twice)."""
    out: dict[int, set[int]] = {}
    if not article_ids or not entity_ids:
        return out
    for aid, eid, bullets, first in reads.mention_spread(session, article_ids, entity_ids):
        title = (titles.get(aid) or "").casefold()
        if bullets >= 3 or first <= LEAD or ents[eid][0].casefold() in title:
            out.setdefault(aid, set()).add(eid)
    return out


def _specific_thread(session: Session, topic_id: int, name: str, everyday: int) -> bool:
    """A one-entity thread (Quad, PM-KISAN) links items; India, a ministry or an everyday name does not."""
    if GENERIC_BODY.match(name):
        return False
    entity_type = reads.topic_entity_type(session, topic_id)
    if entity_type in ("place", "person", "organisation"):  # a body's other items are other news of it
        return False
    if entity_type == "country":  # a rarely met country central to both is a thread (a visit to Israel)
        everyday = max(10, everyday // 3)
    return reads.topic_size_upto(session, topic_id, everyday + 1) <= everyday


def _country_names(session: Session, topic_id: int) -> list[str] | None:
    """For a thread of a foreign country (one country, or a pair with India), every name of that country;
    None for any other thread."""
    entities = reads.topic_entities(session, topic_id)
    if entities is None:
        return None
    names: list[str] = []
    for name, etype, aliases in entities:
        if etype == "country" and name != "India":
            names += [name, *aliases]
    return names or None


def _names_in(names: list[str], title: str) -> bool:
    folded = title.casefold()
    return any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", folded) for n in names if len(n) > 1)


def _query_terms(title: str, bullets: list[str]) -> list[str]:
    """The article's most telling words: all title words, then the most repeated body words."""
    title_terms = [t for t in raw_tokens(title) if t not in STOPWORDS and len(t) > 2 and t.isalnum()]
    counts = Counter(t for b in bullets for t in raw_tokens(b) if t not in STOPWORDS and len(t) > 3 and t.isalpha())
    body = [t for t, _ in counts.most_common(QUERY_TERMS * 2) if t not in title_terms]
    return list(dict.fromkeys(title_terms + body))[:QUERY_TERMS]


def _telling_terms(session: Session, terms: list[str], total: int) -> list[str]:
    """Drop words found in a large share of articles: they say little and make ranked queries slow."""
    common = max(50, int(total * COMMON_SHARE))
    counts = term_document_counts(session, terms, cap=common)
    if not counts:
        return terms
    kept = [t for t in terms if 0 < counts.get(t, 0) <= common]
    return sorted(kept, key=lambda t: counts[t])[:QUERY_TERMS // 2 + 3]


def related_articles(session: Session, article_id: int, limit: int = 10) -> dict[str, Any]:
    """Articles related to one article, best first, and the topics it belongs to.

    Returns {"article_id", "related": [{"article_id", "title", "published", "score", "reason"}], "topics":
    [{"name", "kind", "score"}]}; an unknown id gives {"related": [], "topics": []}.
    """
    article = reads.article_heading(session, article_id)
    if article is None:
        return {"article_id": article_id, "related": [], "topics": []}
    title, published = article
    total = reads.article_count(session) or 1
    ents = {eid: (name, etype) for eid, name, etype in reads.entities_named(session, article_id)
            if etype not in ENTITY_TYPES_SKIPPED and not GENERIC_BODY.match(name) and not VENUE.search(name)}
    df = _entity_df(session, list(ents), article_id)
    everyday = max(20, int(total * GENERIC_SHARE))
    idf = {eid: math.log((total + 1) / (n + 1.5)) for eid, n in df.items() if 0 < n <= everyday}
    central = _central(session, [article_id], list(idf), {article_id: title}, ents).get(article_id, set())
    chosen = sorted(central, key=lambda e: -idf[e])[:MAX_ENTITIES]
    shared: dict[int, set[int]] = {}
    for eid in chosen:
        for aid in reads.newest_naming(session, eid, article_id, PER_ENTITY):
            shared.setdefault(aid, set()).add(eid)
    if shared:  # a thing shared counts when it is central to the other item too, not a passing mention there
        titles = reads.titles(session, list(shared))
        theirs = _central(session, list(shared), chosen, titles, ents)
        shared = {aid: found & theirs.get(aid, set()) for aid, found in shared.items()}
        shared = {aid: found for aid, found in shared.items() if found}
    topics = reads.topics_of(session, article_id)
    threads = [(tid, name) for tid, name, kind, score in sorted(topics, key=lambda t: t[2] != "pair")
               if kind == "pair" or (kind == "entity" and score >= CENTRAL and _specific_thread(session, tid, name,
                                                                                             everyday))]
    same_thread: dict[int, list[str]] = {}
    for tid, name in threads[:6]:
        headline = _country_names(session, tid)
        if headline is not None and not _names_in(headline, title):
            continue  # a country's thread is what an item's headline is about, not a passing mention
        for aid, member_title in reads.thread_members(session, tid, article_id, CENTRAL, PER_TOPIC):
            if headline is None or _names_in(headline, member_title):
                same_thread.setdefault(aid, []).append(name)
    bullets = reads.bullet_texts(session, article_id)
    terms = _telling_terms(session, _query_terms(title, bullets), total)
    candidates, bm25 = reads.text_matches(session, terms, set(shared) | set(same_thread), article_id,
                                          TEXT_NEIGHBOURS, TEXT_DEPTH)
    bm25.pop(article_id, None)
    terms = _not_names(session, terms, article_id)  # a shared state or a minister's name is not a subject
    related = _rank(session, (title, published), candidates, shared, idf, ents, same_thread, bm25, limit, terms)
    return {"article_id": article_id, "related": related,
            "topics": [{"name": name, "kind": kind, "score": round(score, 3)} for _, name, kind, score in topics]}


def _rank(session: Session, article: tuple[str, str | None], candidates: set[int], shared: dict[int, set[int]],
          idf: dict[int, float], ents: dict[int, tuple[str, str]], same_thread: dict[int, list[str]],
          bm25: dict[int, float], limit: int, terms: list[str]) -> list[dict[str, Any]]:
    """Score candidates; recency (the smallest weight) is added only for the best few, which need their dates."""
    if not candidates:
        return []
    entity_score = {c: sum(idf[e] for e in shared.get(c, ())) for c in candidates}
    max_ent = max(entity_score.values(), default=0.0) or 1.0
    max_text = max(bm25.values(), default=0.0) or 1.0
    partial = {c: (WEIGHTS["entities"] * entity_score[c] / max_ent + WEIGHTS["text"] * bm25.get(c, 0.0) / max_text
                   + WEIGHTS["thread"] * (1.0 if c in same_thread else 0.0)) for c in candidates}
    # recency adds at most WEIGHTS["recency"]: anything that far below the limit-th partial score cannot reach it
    best = sorted(partial, key=lambda c: (-partial[c], -c))
    cutoff = partial[best[min(limit, len(best)) - 1]] - WEIGHTS["recency"]
    finalists = [c for c in best if partial[c] >= cutoff][:max(limit * 8, 80)]
    meta = reads.headings_of(session, finalists)
    own_title, own_published = article
    home = _days(own_published)
    scored = []
    for c in finalists:
        if c not in meta:
            continue
        title, published = meta[c]
        day = _days(published)
        recency = math.exp(-abs(home - day) / 365) if home is not None and day is not None else 0.0
        scored.append((partial[c] + WEIGHTS["recency"] * recency, c, title, published))
    scored.sort(key=lambda x: (-x[0], -(x[1])))
    out = []
    for score, c, title, published in scored:
        # fewer links rather than weak ones: a shared specific thing, a thread, or wording close to the best
        if title.casefold() == own_title.casefold():
            continue  # the same release again under another address
        if not shared.get(c) and c not in same_thread and (bm25.get(c, 0.0) < STRONG_TEXT * max_text
                                                            or len(_both_about(terms, title)) < 2):
            continue  # wording alone must share two telling words: one ("iron", "sanskrit") is a coincidence
        reason = _reason(shared.get(c, set()), idf, ents, same_thread.get(c, []), _both_about(terms, title))
        if reason:
            out.append({"article_id": c, "title": title, "published": published, "score": round(score, 4),
                        "reason": reason})
        if len(out) >= limit:
            break
    return out


def _not_names(session: Session, terms: list[str], article_id: int) -> list[str]:
    """The terms less place names and the words of the people the article names ("piyush", "goyal")."""
    places = reads.place_names(session, terms)
    people = {w for name in reads.people_named(session, article_id) for w in raw_tokens(name)}
    return [t for t in terms if t.casefold() not in places and t not in people]


# words of a release's form, not its subject: "Text of PM's address", "English rendering of the remarks"
FORM_WORDS = frozenset({"text", "english", "rendering", "address", "addresses", "speech", "remarks", "statement",
                        "release", "press", "highlights", "update", "message",
                        # words of the machinery of government: every ministry's news shares them
                        "department", "departmental", "parliamentary", "committee", "ministry", "minister",
                        "government", "union", "national", "report", "meeting", "review", "standing", "demands",
                        "grants", "secretary", "officials", "related",
                        # words of ceremony: what kind of day it was, not what it was about
                        "tribute", "tributes", "homage", "greetings", "condolences", "foundation", "stone",
                        "anniversary", *HEADLINE_VERBS})


def _both_about(terms: list[str], other: str) -> list[str]:
    """The article's telling (rare) words that another's title repeats, for a link found by wording alone."""
    theirs = set(raw_tokens(other))
    return [t for t in terms if t in theirs and t.isalpha() and t not in FORM_WORDS
            and not GLUED_ARTICLE.match(t)][:3]


GLUED_ARTICLE = re.compile(r"^(?:the|and|of)[a-z]{5,}$")  # "thedepartment": two words run together in the source


def _reason(shared: set[int], idf: dict[int, float], ents: dict[int, tuple[str, str]], threads: list[str],
            words: list[str]) -> str:
    """'same exercise: Dharma Guardian; same India–Japan thread' — the specific things behind a link, rarest
    first; empty when there is nothing specific to name (the link is then not shown)."""
    parts = []
    for e in sorted(shared, key=lambda e: (-idf[e], ents[e][0]))[:2]:
        name, kind = ents[e]
        if "," in name or not name[:1].isupper():
            continue  # "Demands for Grants, the Committee": a span cut from a sentence, not a name to show
        parts.append(f"same {KIND_LABEL.get(kind, 'subject')}: {name}")
    if threads:
        parts.append(f"same {threads[0]} thread")
    if not parts and words:
        parts.append("both about " + ", ".join(words))
    return "; ".join(parts)

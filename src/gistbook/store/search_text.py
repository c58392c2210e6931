"""Literal full-text search and its SQL per back end: SQLite FTS5 locally, PostgreSQL tsvector in server mode.

Queries are sanitised into plain word terms first, so quotes, operators and junk never reach the FTS grammar.
This module ranks and counts the articles that match those terms (with filters on date, category, paper and
entity), and scores articles for text relatedness (link/related.py). Results pages are dressed by
store/search_results.py; the typo-forgiving layer on top lives in store/search_forgiving.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.changes import memoised

MAX_TERMS = 12
COMMON_SHARE = 0.2  # on a large index, a word in more than this share of articles neither narrows nor ranks
COMMON_FLOOR = 5000  # below this many articles every word counts
RANK_CAP = 2000  # SQLite ranks at most this many (the newest) matches of a query
COUNT_CAP = 1000  # a result count stops here ("1,000+")
WORD = re.compile(r"[^\W_]+", re.UNICODE)
_FTS_KEYWORDS = frozenset({"and", "or", "not", "near"})


@dataclass
class SearchFilters:
    """Optional narrowing of a search: ISO dates (inclusive), category, syllabus paper ('GS2' or a node), entity."""

    date_from: str | None = None
    date_to: str | None = None
    category: str | None = None
    paper: str | None = None
    entity: str | None = None


def query_terms(query: str | None) -> list[str]:
    """Plain word terms of a user query: FTS syntax, quotes, SQL and emoji are dropped, never interpreted."""
    if not query:
        return []
    folded = unicodedata.normalize("NFKC", query).casefold()
    terms: list[str] = []
    for word in WORD.findall(folded):
        if not word.isalnum() or word in _FTS_KEYWORDS or word in terms:
            continue
        terms.append(word[:64])
    return terms[:MAX_TERMS]


def _fts_expr(terms: list[str], op: str) -> str:
    return f" {op} ".join(f'"{t}"' for t in terms)


def _pg_expr(terms: list[str], op: str) -> str:
    return f" {op} ".join(terms)


def _filter_sql(filters: SearchFilters | None, params: dict[str, Any], session: Session) -> str:
    """SQL conditions on `a` (articles) for the filters; values go in `params`, never into the SQL text."""
    if filters is None:
        return ""
    parts: list[str] = []
    if filters.date_from:
        parts.append("a.published >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        parts.append("substr(a.published, 1, 10) <= :date_to")
        params["date_to"] = filters.date_to
    if filters.category:
        parts.append("lower(a.category) LIKE :category")
        params["category"] = f"%{filters.category.casefold()}%"
    if filters.paper:
        paper = filters.paper.strip()
        params["paper"] = paper if ":" in paper else f"{paper.upper()}:%"
        op = "=" if ":" in paper else "LIKE"
        parts.append(f"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag {op} :paper)")
    if filters.entity:
        ids = ", ".join(str(int(i)) for i in entity_ids_named(session, filters.entity) or [-1])
        parts.append(f"EXISTS (SELECT 1 FROM mentions mn WHERE mn.article_id = a.id AND mn.entity_id IN ({ids}))")
    return "".join(f" AND {p}" for p in parts)


def entity_ids_named(session: Session, name: str) -> list[int]:
    """Entities whose name or one of whose aliases equals `name`, ignoring case."""
    wanted = name.strip().casefold()
    if not wanted:
        return []
    ids = list(session.scalars(select(m.Entity.id).where(m.Entity.name.ilike(wanted.replace("%", r"\%")))))
    like = f'%"{wanted[:100]}"%'
    alias_rows = session.execute(text("SELECT id, aliases FROM entities WHERE lower(CAST(aliases AS TEXT)) LIKE :p"),
                                 {"p": like})
    for row_id, aliases in alias_rows:
        values = json.loads(aliases) if isinstance(aliases, str) else aliases
        if isinstance(values, list) and any(str(a).casefold() == wanted for a in values):
            ids.append(row_id)
    return sorted(set(ids))


def _ranked_ids(session: Session, terms: list[str], op: str, where: str, params: dict[str, Any],
                limit: int, offset: int = 0) -> list[tuple[int, float]]:
    """(article id, score) best first; score is positive, higher is better."""
    if session.get_bind().dialect.name == "postgresql":
        params = {**params, "q": _pg_expr(terms, op), "limit": limit, "offset": offset}
        sql = ("SELECT d.article_id, ts_rank(d.document, q) AS score FROM search_docs d "
               "CROSS JOIN to_tsquery('english', :q) q JOIN articles a ON a.id = d.article_id "
               f"WHERE d.document @@ q{where} ORDER BY score DESC, a.published DESC LIMIT :limit OFFSET :offset")
    else:
        # BM25 is computed for every row that matches; on a large index only the newest RANK_CAP matches are
        # ranked (the rowid floor is found by walking the match list newest first, which FTS5 does cheaply)
        params = {**params, "q": _fts_expr(terms, op), "limit": limit, "offset": offset, "cap": RANK_CAP}
        sql = ("SELECT f.rowid, -bm25(search_fts, 4.0, 1.0, 2.0) AS score FROM search_fts f "
               "JOIN articles a ON a.id = f.rowid WHERE search_fts MATCH :q AND f.rowid >= (SELECT "
               "coalesce(min(rowid), 0) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH :q "
               f"ORDER BY rowid DESC LIMIT :cap)){where} "
               "ORDER BY bm25(search_fts, 4.0, 1.0, 2.0) LIMIT :limit OFFSET :offset")
    return [(int(r[0]), float(r[1] or 0.0)) for r in session.execute(text(sql), params)]


@dataclass
class Matched:
    """The full-text expression that gave a page of results, so that their number can be counted."""

    terms: list[str]
    op: str
    where: str
    params: dict[str, Any]


def ranked_query(session: Session, terms: list[str], filters: SearchFilters | None, limit: int,
                  offset: int) -> tuple[list[tuple[int, float]], Matched]:
    """One page of (article id, score) for the terms, with the expression that found it (for counting): all terms
    first, then any term when that finds nothing; used by both the literal and the forgiving search."""
    params: dict[str, Any] = {}
    where = _filter_sql(filters, params, session)
    pg = session.get_bind().dialect.name == "postgresql"
    every, some = ("&", "|") if pg else ("AND", "OR")
    telling, newest_first = (terms, False) if pg else _telling_terms(session, terms)
    if newest_first:  # only very common words: ranking every article that has them would be slow and say little
        return _newest_matching(session, terms, where, params, limit, offset), Matched(terms, every, where, params)
    matched = Matched(telling, every, where, params)
    ranked = _ranked_ids(session, telling, every, where, params, limit, offset)
    if not ranked and len(telling) > 1 and (offset == 0 or not count_matches(session, matched, cap=0)):
        matched = Matched(telling, some, where, params)
        ranked = _ranked_ids(session, telling, some, where, params, limit, offset)
    return ranked, matched


def count_matches(session: Session, matched: Matched, cap: int = COUNT_CAP) -> int:
    """How many articles the expression matches, counted no further than cap + 1 (a common word's full count
    would read its whole posting list)."""
    params = {**matched.params, "n": cap + 1}
    if session.get_bind().dialect.name == "postgresql":
        params["q"] = _pg_expr(matched.terms, matched.op)
        sql = ("SELECT count(*) FROM (SELECT 1 FROM search_docs d JOIN articles a ON a.id = d.article_id "
               f"WHERE d.document @@ to_tsquery('english', :q){matched.where} LIMIT :n) hits")
    else:
        params["q"] = _fts_expr(matched.terms, matched.op)
        sql = ("SELECT count(*) FROM (SELECT 1 FROM search_fts f JOIN articles a ON a.id = f.rowid "
               f"WHERE search_fts MATCH :q{matched.where} LIMIT :n)")
    return int(session.execute(text(sql), params).scalar() or 0)


def _telling_terms(session: Session, terms: list[str]) -> tuple[list[str], bool]:
    """On a large SQLite index, words found in over COMMON_SHARE of articles neither narrow nor rank: they are
    left out of the query, and a query of only such words lists the newest matches (the flag) instead of ranking."""
    total = session.execute(text("SELECT max(rowid) FROM search_fts")).scalar() or 0
    if total < COMMON_FLOOR:
        return terms, False
    cap = int(total * COMMON_SHARE)
    counts = {t: _term_count(session, t, cap) for t in terms if t.isalnum()}
    rare = [t for t in terms if counts.get(t, 0) <= total * COMMON_SHARE]
    return (rare, False) if rare else (terms, True)


def _term_count(session: Session, term: str, cap: int) -> int:
    """A term's capped document count, kept until the data changes (store/changes.py): popular words recur."""
    def count(s: Session) -> int:
        return capped_counts(s, [term], cap).get(term, 0)

    return memoised(session, f"term-count:{cap}:{term}", count)


def _newest_matching(session: Session, terms: list[str], where: str, params: dict[str, Any], limit: int,
                     offset: int) -> list[tuple[int, float]]:
    sql = ("SELECT f.rowid, 0.0 FROM search_fts f JOIN articles a ON a.id = f.rowid "
           f"WHERE search_fts MATCH :q{where} ORDER BY f.rowid DESC LIMIT :limit OFFSET :offset")
    rows = session.execute(text(sql), {**params, "q": _fts_expr(terms, "AND"), "limit": limit, "offset": offset})
    return [(int(r[0]), 0.0) for r in rows]


def text_scores(session: Session, terms: list[str], article_ids: list[int], depth: int = 300) -> dict[int, float]:
    """BM25 (FTS5) or ts_rank (PostgreSQL) of the given articles for an OR of `terms`; missing means no match.

    On SQLite the score comes from one ranked query over the whole index (FTS5 evaluates a rowid list one row at
    a time, far too slowly), so only articles among the best `depth` for the terms get a score.
    """
    terms = [t for t in terms if t.isalnum()][:40]
    if not terms or not article_ids:
        return {}
    if session.get_bind().dialect.name != "postgresql":
        wanted = set(article_ids)
        return {aid: score for aid, score in _ranked_ids(session, terms, "OR", "", {}, depth) if aid in wanted}
    out: dict[int, float] = {}
    for i in range(0, len(article_ids), 500):
        chunk = ", ".join(str(int(a)) for a in article_ids[i:i + 500])
        sql = (f"SELECT article_id, ts_rank(document, to_tsquery('english', :q)) FROM search_docs "
               f"WHERE article_id IN ({chunk}) AND document @@ to_tsquery('english', :q)")
        rows = session.execute(text(sql), {"q": _pg_expr(terms, "|")})
        out.update({int(r[0]): float(r[1] or 0.0) for r in rows})
    return out


def term_document_counts(session: Session, terms: list[str], cap: int | None = None) -> dict[str, int]:
    """In how many articles each term (or its plain stem) occurs; empty where the database cannot tell cheaply.

    Lets callers query with an article's rarest words, which keeps ranked queries fast on a large index. With
    `cap`, a count stops at cap + 1: each term's matches are walked only that far (the index's own stemming
    applies), where the exact count would read a common word's whole posting list.
    """
    if session.get_bind().dialect.name == "postgresql" or not terms:
        return {}
    if cap is not None:
        return capped_counts(session, terms, cap)
    variants: dict[str, str] = {}
    for t in terms:
        for v in (t, t[:-1] if t.endswith(("s", "e")) else t, t[:-3] if t.endswith("ing") else t,
                  t[:-2] if t.endswith("ed") else t, t[:-1] + "i" if t.endswith("y") else t):
            variants.setdefault(v, t)
    inline = ", ".join("'" + v.replace("'", "''") + "'" for v in variants if v.isalnum())
    if not inline:
        return {}
    out: dict[str, int] = {}
    try:
        rows = list(session.execute(text(f"SELECT term, doc FROM search_vocab WHERE term IN ({inline})")))
    except OperationalError:  # a store made before the vocabulary table existed
        return {}
    for term, docs in rows:
        original = variants[term]
        out[original] = max(out.get(original, 0), int(docs))
    return out


def capped_counts(session: Session, terms: list[str], cap: int) -> dict[str, int]:
    """SQLite: each term's document count, stopping at cap + 1 (cap 0 only asks whether any article has it)."""
    words = list(dict.fromkeys(t for t in terms if t.isalnum()))
    if not words:
        return {}
    params: dict[str, Any] = {"n": cap + 1}
    parts = []
    for n, word in enumerate(words):  # one statement for all terms
        params[f"q{n}"] = _fts_expr([word], "AND")
        parts.append(f"SELECT {n}, (SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :q{n} "
                     "LIMIT :n))")
    return {words[int(n)]: int(count) for n, count in session.execute(text(" UNION ALL ".join(parts)), params)}


def text_neighbours(session: Session, terms: list[str], limit: int = 30) -> list[tuple[int, float]]:
    """Best articles for an OR of `terms` across the whole index (text-only relatedness)."""
    terms = [t for t in terms if t.isalnum()][:MAX_TERMS]
    if not terms:
        return []
    pg = session.get_bind().dialect.name == "postgresql"
    return _ranked_ids(session, terms, "|" if pg else "OR", "", {}, limit)

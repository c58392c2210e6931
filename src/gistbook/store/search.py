"""Full-text search over titles, bullets and entities: SQLite FTS5 locally, PostgreSQL tsvector in server mode.

One index row per article (title, body = its bullets, entities = names and aliases), kept in sync by
`index_article`, which the link hook calls inside the article's save transaction. Queries are sanitised
into plain word terms first, so quotes, operators and junk never reach the FTS grammar.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Table, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.changes import memoised
from gistbook.store.fastsql import in_list, rows
from gistbook.store.vocabulary import MIN_TYPO, add_unless_known, count_words, near_words, words_of

# Near-duplicate candidate keys of facts (MinHash LSH bands); see link/facts.py.
fact_keys = Table(
    "fact_keys", m.Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("key", BigInteger, nullable=False),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_fact_keys_key", fact_keys.c.key)
Index("ix_fact_keys_fact_id", fact_keys.c.fact_id)

MAX_TERMS = 12
COMMON_SHARE = 0.2  # on a large index, a word in more than this share of articles neither narrows nor ranks
COMMON_FLOOR = 5000  # below this many articles every word counts
RANK_CAP = 2000  # SQLite ranks at most this many (the newest) matches of a query
COUNT_CAP = 1000  # a result count stops here ("1,000+")
SNIPPET_CHARS = 220
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
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
    for word in _WORD.findall(folded):
        if not word.isalnum() or word in _FTS_KEYWORDS or word in terms:
            continue
        terms.append(word[:64])
    return terms[:MAX_TERMS]


def _fts_expr(terms: list[str], op: str) -> str:
    return f" {op} ".join(f'"{t}"' for t in terms)


def _pg_expr(terms: list[str], op: str) -> str:
    return f" {op} ".join(terms)


def index_article(session: Session, article_id: int) -> None:
    """(Re)write the search row of one article from its stored title, bullets and entities."""
    index_articles(session, [article_id], replace=True)


def index_articles(session: Session, article_ids: list[int], replace: bool = False) -> None:
    """Write the search rows of many articles with a few queries; `replace` drops rows they already have."""
    docs: dict[int, dict[str, Any]] = {}
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i:i + 500]
        for aid, title in session.execute(select(m.Article.id, m.Article.title).where(m.Article.id.in_(chunk))):
            docs[aid] = {"title": [title], "body": [], "names": []}
        for aid, heading in session.execute(select(m.Section.article_id, m.Section.heading)
                                            .where(m.Section.article_id.in_(chunk))
                                            .order_by(m.Section.article_id, m.Section.position)):
            if heading and aid in docs:
                docs[aid]["title"].append(heading)
        for aid, btext in session.execute(select(m.Bullet.article_id, m.Bullet.text)
                                          .where(m.Bullet.article_id.in_(chunk))
                                          .order_by(m.Bullet.article_id, m.Bullet.position)):
            if aid in docs:
                docs[aid]["body"].append(btext)
        mentioned = (select(m.Mention.article_id, m.Mention.entity_id).where(m.Mention.article_id.in_(chunk))
                     .distinct().subquery())
        for aid, name, aliases in session.execute(select(mentioned.c.article_id, m.Entity.name, m.Entity.aliases)
                                                  .join(m.Entity, m.Entity.id == mentioned.c.entity_id)
                                                  .order_by(mentioned.c.article_id, m.Entity.id)):
            if aid in docs:
                docs[aid]["names"].extend([name, *(aliases or [])])
    params = [{"id": aid, "title": " ".join(d["title"]), "body": "\n".join(d["body"]),
               "entities": " ; ".join(dict.fromkeys(d["names"]))} for aid, d in docs.items()]
    if not params:
        return
    _count_vocabulary(session, params, replace)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(
            "INSERT INTO search_docs (article_id, document) VALUES (:id, "
            "setweight(to_tsvector('english', :title), 'A') || setweight(to_tsvector('english', :entities), 'B')"
            " || setweight(to_tsvector('english', :body), 'C')) "
            "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document"), params)
    else:
        if replace:
            session.execute(text("DELETE FROM search_fts WHERE rowid = :id"), [{"id": p["id"]} for p in params])
        session.execute(text("INSERT INTO search_fts (rowid, title, body, entities) "
                             "VALUES (:id, :title, :body, :entities)"), params)


def _count_vocabulary(session: Session, params: list[dict[str, Any]], replace: bool) -> None:
    """Keep the vocabulary (store/vocabulary.py) in step with the rows about to be written."""
    for start in range(0, len(params), 500):
        _count_chunk(session, params[start:start + 500], replace)


def _count_chunk(session: Session, params: list[dict[str, Any]], replace: bool) -> None:
    new = {p["id"]: words_of([p["title"], p["body"], p["entities"]]) for p in params}
    listed, ids = in_list("i", list(new))
    if session.get_bind().dialect.name == "postgresql":
        known = {int(r[0]) for r in rows(session, f"SELECT article_id FROM search_docs WHERE article_id IN {listed}",
                                         ids)}
        count_words(session, [w for aid, w in new.items() if aid not in known])
        add_unless_known(session, [w for aid, w in new.items() if aid in known])
        return
    old: list[set[str]] = []
    if replace:  # FTS5 keeps the text it indexed: the replaced rows' words are taken away exactly
        old = [words_of(r[1:]) for r in rows(session, f"SELECT rowid, title, body, entities FROM search_fts "
                                                      f"WHERE rowid IN {listed}", ids)]
    count_words(session, new.values(), old)


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


def search(session: Session, query: str | None, filters: SearchFilters | None = None, limit: int = 20,
           offset: int = 0) -> list[dict[str, Any]]:
    """Ranked articles for a free-text query, each with its best-matching bullet as a highlighted snippet.

    All terms must match; when nothing does, any term may. Junk queries give an empty list, never an error.
    Each result: article_id, title, published, category, score, bullet_id, snippet, highlights
    ([start, end] offsets into snippet), syllabus.
    """
    terms = query_terms(query)
    if not terms:
        return []
    ranked, _ = _ranked_query(session, terms, filters, limit, offset)
    return _decorate(session, ranked, terms)


@dataclass
class Matched:
    """The full-text expression that gave a page of results, so that their number can be counted."""

    terms: list[str]
    op: str
    where: str
    params: dict[str, Any]


def _ranked_query(session: Session, terms: list[str], filters: SearchFilters | None, limit: int,
                  offset: int) -> tuple[list[tuple[int, float]], Matched]:
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


@dataclass
class SearchAnswer:
    """One page of results with what the page says about them: their number and a spelling suggestion."""

    results: list[dict[str, Any]]
    total: int  # articles matching, at most COUNT_CAP + 1 (shown as "1,000+")
    suggestion: str | None = None  # the query with misspelt words put right, when any word was
    corrected: bool = False  # the results are the suggestion's: the query as typed found nothing

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP


def forgiving_search(session: Session, query: str | None, filters: SearchFilters | None = None, limit: int = 20,
                     offset: int = 0, *, exact: bool = False) -> SearchAnswer:
    """`search` that forgives typos: a word the index does not hold is put right from its vocabulary (the words
    it does hold); the results are then the suggestion's, unless `exact` asks for the words as typed."""
    terms = query_terms(query)
    if not terms:
        return SearchAnswer([], 0)
    fixes = spelling_fixes(session, terms)
    suggestion = corrected_query(query or "", fixes) if fixes else None
    if fixes and not exact:
        fixed = list(dict.fromkeys(fixes.get(t, t) for t in terms))
        ranked, matched = _ranked_query(session, fixed, filters, limit, offset)
        if ranked or offset:
            return SearchAnswer(_decorate(session, ranked, fixed), count_matches(session, matched), suggestion,
                                corrected=True)
    ranked, matched = _ranked_query(session, terms, filters, limit, offset)
    return SearchAnswer(_decorate(session, ranked, terms), count_matches(session, matched), suggestion)


def spelling_fixes(session: Session, terms: list[str]) -> dict[str, str]:
    """Misspelt term → the closest word the index holds. A term is misspelt when no article matches it and the
    vocabulary lacks it (a stop word matches nothing on PostgreSQL but is in the vocabulary)."""
    words = [t for t in terms if t.isalpha() and len(t) >= MIN_TYPO]
    if not words:
        return {}
    counts = _index_counts(session, words)
    unknown = [t for t in words if not counts.get(t)]
    if not unknown:
        return {}
    listed, params = in_list("w", unknown)
    known = {str(w) for (w,) in rows(session, f"SELECT word FROM search_words WHERE word IN {listed}", params)}
    fixes: dict[str, str] = {}
    for typo in (t for t in unknown if t not in known):
        candidates = [c.word for c in near_words(session, typo, limit=3)]
        held = _index_counts(session, candidates)
        best = next((c for c in candidates if held.get(c)), None)  # a stale vocabulary word is passed over
        if best is not None:
            fixes[typo] = best
    return fixes


def _index_counts(session: Session, words: list[str]) -> dict[str, int]:
    """For each word, whether any article matches it (1) or none does (0), in one statement."""
    words = list(dict.fromkeys(w for w in words if w.isalnum()))
    if not words:
        return {}
    if session.get_bind().dialect.name != "postgresql":
        return _capped_counts(session, words, 0)
    params: dict[str, Any] = {}
    parts = []
    for n, word in enumerate(words):
        params[f"q{n}"] = word
        parts.append(f"SELECT {n}, (SELECT count(*) FROM (SELECT 1 FROM search_docs WHERE document @@ "
                     f"to_tsquery('english', :q{n}) LIMIT 1) hit)")
    return {words[int(n)]: int(c) for n, c in session.execute(text(" UNION ALL ".join(parts)), params)}


def corrected_query(query: str, fixes: dict[str, str]) -> str:
    """The query as typed with each misspelt word replaced, in the capitals the reader used."""
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        fix = fixes.get(unicodedata.normalize("NFKC", word).casefold())
        if fix is None:
            return word
        return fix.upper() if word.isupper() and len(word) > 1 else fix.capitalize() if word[0].isupper() else fix

    return _WORD.sub(swap, query).strip()


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
        return _capped_counts(s, [term], cap).get(term, 0)

    return memoised(session, f"term-count:{cap}:{term}", count)


def _newest_matching(session: Session, terms: list[str], where: str, params: dict[str, Any], limit: int,
                     offset: int) -> list[tuple[int, float]]:
    sql = ("SELECT f.rowid, 0.0 FROM search_fts f JOIN articles a ON a.id = f.rowid "
           f"WHERE search_fts MATCH :q{where} ORDER BY f.rowid DESC LIMIT :limit OFFSET :offset")
    rows = session.execute(text(sql), {**params, "q": _fts_expr(terms, "AND"), "limit": limit, "offset": offset})
    return [(int(r[0]), 0.0) for r in rows]


def _decorate(session: Session, ranked: list[tuple[int, float]], terms: list[str]) -> list[dict[str, Any]]:
    """Add metadata, the best bullet and a snippet to ranked article ids."""
    if not ranked:
        return []
    # three small reads per results page, straight to the driver (store/fastsql.py)
    listed, ids = in_list("i", [aid for aid, _ in ranked])
    arts = {row[0]: row for row in rows(session, f"SELECT id, title, published, category FROM articles "
                                                 f"WHERE id IN {listed}", ids)}
    bullets: dict[int, list[tuple[int, str]]] = {}
    for bid, aid, btext in rows(session, f"SELECT id, article_id, text FROM bullets WHERE article_id IN {listed} "
                                         "ORDER BY position", ids):
        bullets.setdefault(aid, []).append((bid, btext))
    tags: dict[int, list[str]] = {}
    for aid, tag in rows(session, f"SELECT article_id, tag FROM article_tags WHERE article_id IN {listed} "
                                  "ORDER BY score DESC", ids):
        tags.setdefault(aid, []).append(tag)
    out: list[dict[str, Any]] = []
    for aid, score in ranked:
        art = arts.get(aid)
        if art is None:
            continue
        _, title, published, category = art
        bullet_id, snippet, marks = best_snippet(bullets.get(aid, []), terms)
        out.append({"article_id": aid, "title": title, "published": published, "category": category,
                    "score": round(score, 4), "bullet_id": bullet_id, "snippet": snippet, "highlights": marks,
                    "syllabus": tags.get(aid, [])})
    return out


def topic_named(session: Session, key: str, alias: str) -> str | None:
    """The name of the topic whose key is `key`, else of the entity topic with `alias` (folded) among its aliases;
    kept until the data changes, since every search page asks."""
    def find(s: Session) -> str | None:
        found = rows(s, "SELECT name FROM topics WHERE key = :k", {"k": key})
        if found:
            return str(found[0][0])
        if not alias:
            return None
        like = '%"' + alias.replace("\\", "").replace("%", "").replace("_", "")[:100] + '"%'
        sql = ("SELECT t.name, e.aliases FROM topics t JOIN entities e ON e.id = t.entity_id WHERE t.kind = 'entity' "
               "AND lower(CAST(e.aliases AS TEXT)) LIKE :p ORDER BY t.id LIMIT 20")
        for name, aliases in rows(s, sql, {"p": like}):
            values = json.loads(aliases) if isinstance(aliases, str) else aliases
            if isinstance(values, list) and any(str(a).casefold() == alias for a in values):
                return str(name)
        return None

    return memoised(session, f"topic-named:{key}:{alias}", find) if key else None


def _terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex finding any term as a whole word, or as that word inflected ('exercises' for 'exercise');
    group tN is term N. Never inside another word: 'to' does not light up 'Tokyo' or 'today'."""
    return _compiled_terms(tuple(terms))


_SUFFIXES = ("ies", "es", "s", "ed", "ing", "e", "y")  # stripped from a term to find the root its forms share
_ENDINGS = "(?:s|es|ies|e|ed|d|ied|ing|y|ly|er|ers|ation|ations)?"  # what a form may add to that root


@functools.lru_cache(maxsize=512)
def _compiled_terms(terms: tuple[str, ...]) -> re.Pattern[str]:  # built once per query, not once per result
    parts = []
    for n, term in enumerate(terms):
        root = term
        if term.isalpha() and len(term) >= 5:
            for suffix in _SUFFIXES:
                if term.endswith(suffix) and len(term) - len(suffix) >= 4:
                    root = term[:-len(suffix)]
                    break
        endings = _ENDINGS if term.isalpha() and len(term) >= 4 else "(?:s|es)?" if term.isalpha() else ""
        parts.append(f"(?P<t{n}>{re.escape(root)}{endings})")
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(parts)})(?![^\W_])", re.IGNORECASE)


def best_snippet(bullets: list[tuple[int, str]], terms: list[str]) -> tuple[int | None, str, list[list[int]]]:
    """The bullet matching most distinct terms, cut to a window around its first match, with match offsets."""
    if not bullets:
        return None, "", []
    pattern = _terms_pattern(terms)
    best: tuple[int, int, str, list[tuple[int, int]]] = (-1, bullets[0][0], bullets[0][1], [])
    for bid, btext in bullets:
        matches = list(pattern.finditer(btext))
        found = len({match.lastgroup for match in matches})
        if found > best[0]:
            best = (found, bid, btext, [match.span() for match in matches])
    _, bid, btext, spans = best
    start = 0
    if spans and len(btext) > SNIPPET_CHARS:
        start = max(0, spans[0][0] - 60)
        while start > 0 and not btext[start - 1].isspace():
            start -= 1
    end = min(len(btext), start + SNIPPET_CHARS)
    if end < len(btext):
        cut = btext.rfind(" ", start, end)
        end = cut if cut > start + 40 else end
    snippet = ("…" if start else "") + btext[start:end] + ("…" if end < len(btext) else "")
    shift = 1 if start else 0
    marks = [[s - start + shift, e - start + shift] for s, e in spans if s >= start and e <= end]
    return bid, snippet, marks


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
        return _capped_counts(session, terms, cap)
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


def _capped_counts(session: Session, terms: list[str], cap: int) -> dict[str, int]:
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

"""Search that forgives: a misspelt word is put right from the index's own vocabulary (store/vocabulary.py),
the page offers "did you mean" with the reader's capitals, and says how many articles match and which topic the
query names. The literal search underneath is store/search_text.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from gistbook.store.changes import memoised
from gistbook.store.fastsql import in_list, rows
from gistbook.store.search_results import decorate
from gistbook.store.search_text import (
    COUNT_CAP,
    WORD,
    SearchFilters,
    capped_counts,
    count_matches,
    query_terms,
    ranked_query,
)
from gistbook.store.vocabulary import MIN_TYPO, near_words


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
        ranked, matched = ranked_query(session, fixed, filters, limit, offset)
        if ranked or offset:
            return SearchAnswer(decorate(session, ranked, fixed), count_matches(session, matched), suggestion,
                                corrected=True)
    ranked, matched = ranked_query(session, terms, filters, limit, offset)
    return SearchAnswer(decorate(session, ranked, terms), count_matches(session, matched), suggestion)


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
        return capped_counts(session, words, 0)
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

    return WORD.sub(swap, query).strip()


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

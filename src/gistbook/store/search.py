"""Full-text search over titles, bullets and entities: SQLite FTS5 locally, PostgreSQL tsvector in server mode.

The entry point the rest of the app imports from. The work is split by concern:
- store/search_text.py: query terms, filters, ranking and counting, with the SQL of each back end;
- store/search_index.py: writing the index rows (and the vocabulary counts) when articles are saved;
- store/search_results.py: snippets and whole-word highlights of a results page;
- store/search_forgiving.py: typo correction, "did you mean", result counts, the topic a query names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from gistbook.store.search_forgiving import SearchAnswer, corrected_query, forgiving_search, spelling_fixes, topic_named
from gistbook.store.search_index import fact_keys, index_article, index_articles
from gistbook.store.search_results import SNIPPET_CHARS, best_snippet, decorate
from gistbook.store.search_text import (
    COMMON_FLOOR,
    COMMON_SHARE,
    COUNT_CAP,
    MAX_TERMS,
    RANK_CAP,
    Matched,
    SearchFilters,
    count_matches,
    entity_ids_named,
    query_terms,
    ranked_query,
    term_document_counts,
    text_neighbours,
    text_scores,
)

# Re-exported: callers across the app import these from here, whichever module now holds them.
__all__ = [
    "COMMON_FLOOR", "COMMON_SHARE", "COUNT_CAP", "MAX_TERMS", "RANK_CAP", "SNIPPET_CHARS", "Matched", "SearchAnswer",
    "SearchFilters", "best_snippet", "corrected_query", "count_matches", "entity_ids_named", "fact_keys",
    "forgiving_search", "index_article", "index_articles", "query_terms", "search", "spelling_fixes",
    "term_document_counts", "text_neighbours", "text_scores", "topic_named",
]


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
    ranked, _ = ranked_query(session, terms, filters, limit, offset)
    return decorate(session, ranked, terms)

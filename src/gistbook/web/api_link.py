"""/api for topics, dossiers, related articles and search: the same library calls as the pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from gistbook.web.deps import MAX_ID, Offset, PathId, SessionDep
from gistbook.web.pages_link import ISO_DATE, valid_date

router = APIRouter(prefix="/api")


@router.get("/topics", tags=["topics"], summary="Every topic with its kind and article and fact counts")
def api_topics(session: SessionDep, kind: Annotated[str | None, Query(pattern="^(pair|entity|syllabus|theme)$")]
               = None, min_articles: Annotated[int, Query(ge=1, le=MAX_ID)] = 1) -> dict[str, Any]:
    from gistbook.link.topics import list_topics

    return {"topics": list_topics(session, kind=kind, min_articles=min_articles)}


@router.get("/topics/{name:path}", tags=["topics"], summary="The dossier of a topic (`dossier --json` shape)")
def api_dossier(name: str, session: SessionDep,
                since: Annotated[str | None, Query(pattern=ISO_DATE)] = None) -> dict[str, Any]:
    from gistbook.link.dossier import TopicNotFound, build_dossier

    try:
        return build_dossier(session, name, since=valid_date(since, "since"))  # type: ignore[no-any-return]
    except TopicNotFound as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/articles/{article_id}/related", tags=["articles"],
            summary="Related articles with the reason for each, and the article's topics")
def api_related(article_id: PathId, session: SessionDep, limit: Annotated[int, Query(ge=1, le=50)] = 10) \
        -> dict[str, Any]:
    from gistbook.store.articles import article

    if article(session, article_id) is None:
        raise HTTPException(404, f"no article with id {article_id}")
    from gistbook.link.related import related_articles

    return related_articles(session, article_id, limit)


@router.get("/search", tags=["search"],
            summary="Full-text search with filters, forgiving typos; each hit has its best bullet",
            description="`total` counts the matching articles (at most 1,001: more reads as 1,000+). A word no "
                        "article holds is put right from the index's vocabulary: `suggestion` is the query so "
                        "corrected, and `corrected` says the results are the suggestion's (`exact=1` keeps the "
                        "words as typed).")
def api_search(session: SessionDep, q: Annotated[str, Query(max_length=500)],
               category: str | None = None, paper: Annotated[str | None, Query(pattern="^GS[1-4]$")] = None,
               entity: str | None = None,
               date_from: Annotated[str | None, Query(alias="from", pattern=ISO_DATE)] = None,
               date_to: Annotated[str | None, Query(alias="to", pattern=ISO_DATE)] = None,
               limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0,
               exact: Annotated[bool, Query()] = False) -> dict[str, Any]:
    from gistbook.store.search import SearchFilters, forgiving_search

    filters = SearchFilters(date_from=valid_date(date_from, "from"), date_to=valid_date(date_to, "to"),
                            category=category, paper=paper, entity=entity)
    answer = forgiving_search(session, q, filters, limit=limit, offset=offset, exact=exact)
    return {"query": q, "results": answer.results, "total": answer.total, "suggestion": answer.suggestion,
            "corrected": answer.corrected}

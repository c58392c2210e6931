"""Reads of articles and their bullets that the pages, the cards and the exports need: one article or bullet, the
newest page of articles with ledes and syllabus tags, the category menu, a bullet's source, an article's topics."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.changes import memoised
from gistbook.store.fastsql import in_list, rows


def article(session: Session, article_id: int) -> m.Article | None:
    """One article by id (None when there is none)."""
    return session.get(m.Article, article_id)


def bullet(session: Session, bullet_id: int) -> m.Bullet | None:
    """One bullet by id (None when there is none)."""
    return session.get(m.Bullet, bullet_id)


def top_tag(session: Session, article_id: int) -> str | None:
    """An article's strongest syllabus tag."""
    return session.scalar(select(m.ArticleTag.tag).where(m.ArticleTag.article_id == article_id)
                          .order_by(m.ArticleTag.score.desc()).limit(1))


def articles_of_bullets(session: Session, bullet_ids: list[int]) -> set[int]:
    """The articles these bullets belong to."""
    return set(session.scalars(select(m.Bullet.article_id).where(m.Bullet.id.in_(bullet_ids))))


def article_ids(session: Session, *, within: list[int] | None = None, since: str | None = None) -> set[int]:
    """Ids of the articles among `within` (every article when None) published on or after `since`."""
    q = select(m.Article.id)
    if within is not None:
        q = q.where(m.Article.id.in_(within))
    if since is not None:
        q = q.where(m.Article.published >= since)
    return set(session.scalars(q))


def bullet_sources(session: Session, bullet_ids: list[int]) -> list[tuple[int, int, str, Any]]:
    """(bullet id, article id, article title, published) of each of these bullets."""
    return [(bullet_id, article_id, title, published) for bullet_id, article_id, title, published in session.execute(
        select(m.Bullet.id, m.Article.id, m.Article.title, m.Article.published)
        .join(m.Article, m.Article.id == m.Bullet.article_id).where(m.Bullet.id.in_(bullet_ids)))]


_CATEGORIES = ("SELECT category, count(*) FROM articles WHERE category IS NOT NULL GROUP BY category "
               "ORDER BY count(*) DESC, category LIMIT 50")


def _count_categories(session: Session) -> list[tuple[str, int]]:
    return [(str(c), int(n)) for c, n in rows(session, _CATEGORIES, {})]


def categories(session: Session) -> list[tuple[str, int]]:
    """Categories with their article counts, largest first, for the filter menu of Today and Search. Counting
    reads every article's category, so on a SQLite file the menu is kept until the data changes."""
    return memoised(session, "categories", _count_categories)


def newest_articles(session: Session, *, category: str | None = None, paper: str | None = None,
                    limit: int = 20, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of articles newest first with their lede and syllabus tags, and the total that match."""
    where = []
    if category:
        where.append(m.Article.category == category)
    if paper:
        # a range on the indexed tag column ("GS2:" ≤ tag < "GS2;"), where LIKE would scan every tag
        tagged = select(m.ArticleTag.article_id).where(m.ArticleTag.tag >= f"{paper}:", m.ArticleTag.tag < f"{paper};")
        where.append(m.Article.id.in_(tagged))
    total = session.scalar(select(func.count()).select_from(m.Article).where(*where)) or 0
    found = list(session.scalars(select(m.Article).where(*where)
                                 .order_by(m.Article.published.desc().nulls_last(), m.Article.id.desc())
                                 .limit(limit).offset(offset)))
    ids = [a.id for a in found]
    ledes: dict[int, str] = {}
    counts: dict[int, int] = {}
    tags: dict[int, list[str]] = {}
    if ids:
        ledes = {art_id: text for art_id, text in session.execute(
            select(m.Bullet.article_id, m.Bullet.text).where(m.Bullet.article_id.in_(ids), m.Bullet.position == 0))}
        counts = {art_id: n for art_id, n in session.execute(
            select(m.Bullet.article_id, func.count()).where(m.Bullet.article_id.in_(ids))
            .group_by(m.Bullet.article_id))}
        for art_id, tag in session.execute(select(m.ArticleTag.article_id, m.ArticleTag.tag)
                                           .where(m.ArticleTag.article_id.in_(ids))
                                           .order_by(m.ArticleTag.score.desc())):
            tags.setdefault(art_id, []).append(tag)
    items = [{"id": a.id, "title": a.title, "category": a.category, "published": a.published,
              "published_precision": a.published_precision, "author": a.author, "lede": ledes.get(a.id, ""),
              "bullets": counts.get(a.id, 0), "syllabus": tags.get(a.id, [])[:3]} for a in found]
    return items, total


def bullet_context(session: Session, bullet_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Bullet id → its text, article id and title: lets quiz explanations and cards link to their source."""
    if not bullet_ids:
        return {}
    listed, params = in_list("b", [int(bid) for bid in dict.fromkeys(bullet_ids)])
    sql = ("SELECT b.id, b.text, a.id, a.title, a.published FROM bullets b JOIN articles a ON a.id = b.article_id "
           f"WHERE b.id IN {listed}")  # read per review card: straight to the driver
    return {bid: {"bullet_id": bid, "text": text, "article_id": aid, "title": title, "published": pub}
            for bid, text, aid, title, pub in rows(session, sql, params)}


_ARTICLE_TOPICS = ("SELECT t.name, t.kind, ta.score FROM topic_articles ta JOIN topics t ON t.id = ta.topic_id "
                   "WHERE ta.article_id = :aid ORDER BY ta.score DESC, t.name")  # read on every article visit


def article_topics(session: Session, article_id: int) -> list[dict[str, Any]]:
    """The topics linking stored for one article (what link/ wrote at ingest), most central first."""
    return [{"name": name, "kind": kind, "score": round(score, 3)}
            for name, kind, score in rows(session, _ARTICLE_TOPICS, {"aid": article_id})]

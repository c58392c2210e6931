"""Writing the full-text index: one row per article (title, body = its bullets, entities = names and aliases).

`index_article` is called by the link hook inside the article's save transaction, `index_articles` by bulk
loads; both keep the search vocabulary (store/vocabulary.py) in step. Also declares `fact_keys`, the
near-duplicate keys link/facts.py writes next to the index, so that importing the search package registers it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Table, select, text
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.fastsql import in_list, rows
from gistbook.store.vocabulary import add_unless_known, count_words, words_of

fact_keys = Table(
    "fact_keys", m.Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("key", BigInteger, nullable=False),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_fact_keys_key", fact_keys.c.key)
Index("ix_fact_keys_fact_id", fact_keys.c.fact_id)


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

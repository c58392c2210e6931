"""Driver-level reads (store/fastsql.py) give the same values on SQLite and PostgreSQL as the ORM does."""

from __future__ import annotations

import datetime as dt

from gistbook.records import Article, Bullet, EntityMention, Extraction, Figure, Section, TimeExpr, content_hash
from gistbook.store import Store, models
from gistbook.store.fastsql import _pyformat, rows
from gistbook.store.notes import add_note, list_notes


def stored(store: Store) -> int:
    texts = ["India and Japan held the 2+2 dialogue in New Delhi in September 2021.",
             "Trade reached $22.85 billion in FY 2023-24, up 5% on the year before."]
    ext = Extraction()
    ext.entities = [EntityMention("Japan", "country", 0, 10, 15), EntityMention("New Delhi", "place", 0, 39, 48)]
    ext.time_expressions = [TimeExpr("September 2021", 0, 52, 66, "DATE", "2021-09")]
    ext.figures = [Figure(22.85e9, "USD", "$22.85 billion", 1, 15, 29, period="FY2023-24", subject="trade")]
    art = Article(title="India–Japan 2+2", sections=[Section(None, "news", [Bullet(t) for t in texts])],
                  source="fastsql/one.txt", uri="fastsql/one.txt", kind="note",
                  content_hash=content_hash("".join(texts)), category="International Relations",
                  published="2024-09-10", published_precision="day")
    art_id, _ = store.save(art, ext)
    return art_id


def test_placeholders_become_pyformat_for_psycopg() -> None:
    sql = "SELECT x::text FROM t WHERE a IN (:i0, :i12) AND b = :aid AND c LIKE '5%'"
    assert _pyformat(sql) == "SELECT x::text FROM t WHERE a IN (%(i0)s, %(i12)s) AND b = %(aid)s AND c LIKE '5%%'"


def test_article_and_notes_read_alike_on_both_databases(db_url: str) -> None:
    store = Store(db_url)
    art_id = stored(store)
    with store.sessions.begin() as session:
        session.execute(models.Entity.__table__.update().where(models.Entity.name == "Japan")
                        .values(aliases=["Nippon", "Land of the Rising Sun"]))
    art = store.article(art_id)
    assert art is not None
    assert art["title"] == "India–Japan 2+2" and art["source"] == "fastsql/one.txt"
    assert [b["text"][:5] for s in art["sections"] for b in s["bullets"]] == ["India", "Trade"]
    japan = next(e for e in art["entities"] if e["name"] == "Japan")
    assert japan["aliases"] == ["Nippon", "Land of the Rising Sun"]  # JSON decoded on either driver
    assert art["time_expressions"][0]["value"] == "2021-09" and art["time_expressions"][0]["end"] == 66
    assert art["figures"][0]["value"] == 22.85e9 and art["figures"][0]["period"] == "FY2023-24"
    with store.sessions.begin() as session:
        note = add_note(session, art_id, "2+2 = foreign and defence ministers")
        # a read in the same transaction sees the note before it is committed, as an ORM read would
        assert [n["id"] for n in list_notes(session, article_id=art_id)] == [note["id"]]
    with store.session() as session:
        [listed] = list_notes(session, article_id=art_id)
    created = dt.datetime.fromisoformat(listed["created"])
    assert created.tzinfo is not None and abs(created - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert listed == note
    with store.session() as session:
        assert rows(session, "SELECT count(*) FROM bullets WHERE article_id IN (:i0, :i1)",
                    {"i0": art_id, "i1": -1}) == [(2,)]
    store.close()

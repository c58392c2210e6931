"""SQLAlchemy models: the only place the database schema is described (migrations mirror it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: DateTime(timezone=True)}


class Source(Base):
    """Where an article came from; `uri` is its identity for updates in place."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    uri: Mapped[str] = mapped_column(String(2000), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    fetched: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_precision: Mapped[str | None] = mapped_column(String(5))
    published_reason: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    author_note: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    extracted: Mapped[bool] = mapped_column(default=False)
    ingested: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship()
    sections: Mapped[list[Section]] = relationship(
        back_populates="article", order_by="Section.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Section(Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))

    article: Mapped[Article] = relationship(back_populates="sections")
    bullets: Mapped[list[Bullet]] = relationship(order_by="Bullet.position", passive_deletes=True)


class Bullet(Base):
    """The unit of provenance: facts, events, figures, questions and cards point here."""

    __tablename__ = "bullets"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # reading order within the article
    text: Mapped[str] = mapped_column(Text)


class Entity(Base):
    """One row per real-world thing across all articles; mentions point at bullets."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("name", "type"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    type: Mapped[str] = mapped_column(String(30))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    role: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(100))


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int] = mapped_column(ForeignKey("bullets.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(100))


class TimeExpr(Base):
    __tablename__ = "time_exprs"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int] = mapped_column(ForeignKey("bullets.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(40))


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int] = mapped_column(ForeignKey("bullets.id", ondelete="CASCADE"))
    date: Mapped[str] = mapped_column(String(40), index=True)
    sort_key: Mapped[str] = mapped_column(String(40), index=True)
    text: Mapped[str] = mapped_column(Text)


class Figure(Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int] = mapped_column(ForeignKey("bullets.id", ondelete="CASCADE"))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(100))
    period: Mapped[str | None] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Acronym(Base):
    __tablename__ = "acronyms"
    __table_args__ = (UniqueConstraint("article_id", "short"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    short: Mapped[str] = mapped_column(String(40))
    expansion: Mapped[str] = mapped_column(Text)


class ArticleTag(Base):
    """Syllabus tags (GS1–GS4 nodes) with a score."""

    __tablename__ = "article_tags"
    __table_args__ = (UniqueConstraint("article_id", "tag"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    tag: Mapped[str] = mapped_column(String(200), index=True)
    score: Mapped[float] = mapped_column(Float)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(300))
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Note(Base):
    """A reader's own note on an article or one bullet; survives re-ingest (bullet ids are kept)."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int | None] = mapped_column(ForeignKey("bullets.id", ondelete="SET NULL"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow)


Index("ix_mentions_entity_article", Mention.entity_id, Mention.article_id)


class Fact(Base):
    """A background statement stored once, however many articles repeat it (near-duplicates included)."""

    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64), unique=True)  # of the normalised text
    signature: Mapped[str | None] = mapped_column(Text)  # features for near-duplicate matching (e.g. shingles)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FactMention(Base):
    __tablename__ = "fact_mentions"
    __table_args__ = (UniqueConstraint("bullet_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    bullet_id: Mapped[int] = mapped_column(ForeignKey("bullets.id", ondelete="CASCADE"))
    similarity: Mapped[float] = mapped_column(Float, default=1.0)


class Topic(Base):
    """An entity, a bilateral pair (India–Japan) or a syllabus node that articles and facts gather under."""

    __tablename__ = "topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # normalised for forgiving lookup
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # entity, pair, syllabus, theme
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    other_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))


class TopicArticle(Base):
    __tablename__ = "topic_articles"
    __table_args__ = (UniqueConstraint("topic_id", "article_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float, default=1.0)


class Question(Base):
    """A generated question; its answer key was computed and verified from stored facts."""

    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    stem: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    source_bullet_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    generator: Mapped[str] = mapped_column(String(60))
    topic: Mapped[str | None] = mapped_column(String(300), index=True)
    syllabus: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Card(Base):
    """FSRS state of one learner's card (from a fact, a question or the learner's own note)."""

    __tablename__ = "cards"
    __table_args__ = (UniqueConstraint("user_id", "origin", "origin_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(String(10))  # fact, question, note
    origin_id: Mapped[int] = mapped_column(Integer)
    front: Mapped[str] = mapped_column(Text)
    back: Mapped[str] = mapped_column(Text)
    bullet_id: Mapped[int | None] = mapped_column(ForeignKey("bullets.id", ondelete="SET NULL"))
    syllabus: Mapped[str | None] = mapped_column(String(200), index=True)
    state: Mapped[int] = mapped_column(Integer, default=0)  # fsrs State as a small integer; 0 = new
    fsrs: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # fsrs Card.to_dict()
    due: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ReviewLog(Base):
    __tablename__ = "review_logs"
    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int] = mapped_column(Integer)
    reviewed: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, object] | None] = mapped_column(JSON)  # the card's state before: for undo


Index("ix_cards_user_due", Card.user_id, Card.due)
Index("ix_cards_user_state_due", Card.user_id, Card.state, Card.due)  # next card per FSRS state: one seek


class PageSnapshot(Base):
    """Finished HTML of a costly read-only page part (a topic's dossier), with the version of the data it shows;
    a reader compares versions and never serves a snapshot older than the data."""

    __tablename__ = "page_snapshots"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[str] = mapped_column(String(100))
    entity_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    built: Mapped[dt.datetime] = mapped_column(default=utcnow)

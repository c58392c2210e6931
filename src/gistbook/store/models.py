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

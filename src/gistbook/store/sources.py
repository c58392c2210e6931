"""Followed sources (feeds and listing pages), the entries seen from each, and the reports of background jobs.

Kept in the database so any number of processes (serve, `fetch`, workers) share them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from gistbook.store import models as m


class SourceError(ValueError):
    """A source operation cannot be done as asked; one line says why."""


class FollowedSource(m.Base):
    """A feed or a page listing articles, polled every `every_s` seconds with conditional GETs."""

    __tablename__ = "followed_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    named: Mapped[bool] = mapped_column(Boolean, default=False)  # given by the user: a feed's title never replaces it
    kind: Mapped[str | None] = mapped_column(String(10))  # feed or page, known after the first fetch
    category: Mapped[str | None] = mapped_column(String(200))
    every_s: Mapped[int] = mapped_column(Integer)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_fetch: Mapped[dt.datetime | None] = mapped_column()
    last_status: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(Text)
    next_due: Mapped[dt.datetime] = mapped_column(index=True, default=m.utcnow)
    created: Mapped[dt.datetime] = mapped_column(default=m.utcnow)


class SourceItem(m.Base):
    """An entry of a source that reached the store (or was already there): it is not fetched again."""

    __tablename__ = "source_items"
    __table_args__ = (UniqueConstraint("source_id", "url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("followed_sources.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    seen: Mapped[dt.datetime] = mapped_column(default=m.utcnow)


class JobReport(m.Base):
    """What a background job did, for the page that follows it (the queue itself keeps only a status)."""

    __tablename__ = "job_reports"
    job_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    finished: Mapped[dt.datetime] = mapped_column(default=m.utcnow)


class JobUpload(m.Base):
    """An upload or pasted text waiting for a worker, which may run on another machine."""

    __tablename__ = "job_uploads"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created: Mapped[dt.datetime] = mapped_column(default=m.utcnow)


@dataclass
class PollState:
    """What a poll needs from a source row, detached from any session."""

    id: int
    url: str
    name: str
    named: bool
    category: str | None
    etag: str | None
    last_modified: str | None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every one stored here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def add_source(session: Session, url: str, name: str, named: bool, every_s: int, category: str | None) -> int:
    row = FollowedSource(url=url, name=name, named=named, every_s=every_s, category=category, next_due=m.utcnow())
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise SourceError(f"{url} is already followed") from None
    return row.id


def _item_counts(session: Session) -> dict[int, int]:
    q = (select(SourceItem.source_id, func.count()).where(SourceItem.article_id.is_not(None))
         .group_by(SourceItem.source_id))
    return {sid: n for sid, n in session.execute(q)}


def source_dict(row: FollowedSource, items: int) -> dict[str, Any]:
    def iso(value: dt.datetime | None) -> str | None:
        value = _aware(value)
        return value.isoformat(timespec="seconds") if value else None

    return {"id": row.id, "name": row.name, "url": row.url, "kind": row.kind, "category": row.category,
            "every": row.every_s, "paused": row.paused, "last_fetch": iso(row.last_fetch),
            "last_status": row.last_status, "items": items, "next_due": None if row.paused else iso(row.next_due),
            "last_error": row.last_error}


def list_sources(session: Session) -> list[dict[str, Any]]:
    counts = _item_counts(session)
    rows = session.scalars(select(FollowedSource).order_by(FollowedSource.id))
    return [source_dict(row, counts.get(row.id, 0)) for row in rows]


def get_source(session: Session, source_id: int) -> FollowedSource:
    row = session.get(FollowedSource, source_id)
    if row is None:
        raise SourceError(f"no source with id {source_id}")
    return row


def remove_source(session: Session, source_id: int) -> None:
    get_source(session, source_id)
    session.execute(delete(SourceItem).where(SourceItem.source_id == source_id))
    session.execute(delete(FollowedSource).where(FollowedSource.id == source_id))


def set_paused(session: Session, source_id: int, paused: bool) -> None:
    row = get_source(session, source_id)
    row.paused = paused
    if not paused and _aware(row.next_due) is not None and _aware(row.next_due) < m.utcnow():  # type: ignore[operator]
        row.next_due = m.utcnow()


def poll_state(row: FollowedSource) -> PollState:
    return PollState(row.id, row.url, row.name, row.named, row.category, row.etag, row.last_modified)


def due_sources(session: Session, now: dt.datetime | None = None) -> list[PollState]:
    """Sources not paused whose next poll is due, oldest due first."""
    now = now or m.utcnow()
    rows = session.scalars(select(FollowedSource).where(FollowedSource.paused.is_(False))
                           .where(FollowedSource.next_due <= now).order_by(FollowedSource.next_due))
    return [poll_state(r) for r in rows]


def claim_due(session: Session, source_id: int, lease_s: int) -> bool:
    """Push a due source's next poll `lease_s` ahead, so another process polling at once skips it; False when
    it is no longer due (someone else took it)."""
    now = m.utcnow()
    done = session.execute(update(FollowedSource).where(FollowedSource.id == source_id)
                           .where(FollowedSource.next_due <= now)
                           .values(next_due=now + dt.timedelta(seconds=lease_s)))
    return bool(getattr(done, "rowcount", 0))


def record_poll(session: Session, source_id: int, *, status: str, error: str | None, etag: str | None = None,
                last_modified: str | None = None, kind: str | None = None, title: str | None = None,
                keep_validators: bool = False) -> None:
    """The outcome of one poll; the next is due one interval later (an error does not hurry it)."""
    row = session.get(FollowedSource, source_id)
    if row is None:
        return  # removed while it was polled
    now = m.utcnow()
    row.last_fetch, row.last_status, row.last_error = now, status, error
    row.next_due = now + dt.timedelta(seconds=row.every_s)
    if not keep_validators:
        row.etag, row.last_modified = etag, last_modified
    if kind:
        row.kind = kind
    if title and not row.named:
        row.name = title[:300]


def seen_urls(session: Session, source_id: int, urls: list[str]) -> set[str]:
    """Entry URLs this source already brought to the store."""
    found: set[str] = set()
    for i in range(0, len(urls), 500):
        found.update(session.scalars(select(SourceItem.url).where(SourceItem.source_id == source_id)
                                     .where(SourceItem.url.in_(urls[i:i + 500]))
                                     .where(SourceItem.article_id.is_not(None))))
    return found


def stored_uris(session: Session, urls: list[str]) -> dict[str, int]:
    """URL → article id for items already stored under that URL (by any route: a feed, `ingest URL`)."""
    found: dict[str, int] = {}
    for i in range(0, len(urls), 500):
        q = (select(m.Source.uri, m.Article.id).join(m.Article, m.Article.source_id == m.Source.id)
             .where(m.Source.uri.in_(urls[i:i + 500])))
        found.update({uri: art_id for uri, art_id in session.execute(q)})
    return found


def record_item(session: Session, source_id: int, url: str, article_id: int | None) -> None:
    row = session.scalar(select(SourceItem).where(SourceItem.source_id == source_id).where(SourceItem.url == url))
    if row is None:
        session.add(SourceItem(source_id=source_id, url=url, article_id=article_id))
    elif article_id is not None:
        row.article_id = article_id


def save_job_report(session: Session, job_id: int, report: dict[str, Any]) -> None:
    row = session.get(JobReport, job_id)
    if row is None:
        session.add(JobReport(job_id=job_id, report=report))
    else:
        row.report, row.finished = report, m.utcnow()


def job_report(session: Session, job_id: int) -> dict[str, Any] | None:
    row = session.get(JobReport, job_id)
    return dict(row.report) if row is not None else None


def save_upload(session: Session, name: str, data: bytes) -> int:
    row = JobUpload(name=name[:200], data=data)
    session.add(row)
    session.flush()
    return row.id


def load_upload(session: Session, upload_id: int) -> tuple[str, bytes] | None:
    row = session.get(JobUpload, upload_id)
    return (row.name, bytes(row.data)) if row is not None else None


def drop_upload(session: Session, upload_id: int) -> None:
    session.execute(delete(JobUpload).where(JobUpload.id == upload_id))

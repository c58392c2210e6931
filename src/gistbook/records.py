"""Plain records passed between pipeline stages; the database models live only in store/."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BodyFormat = Literal["note", "markdown", "html", "text"]
Role = Literal["news", "background", "challenges", "way_forward", "other"]
ROLES: tuple[str, ...] = ("news", "background", "challenges", "way_forward", "other")
Precision = Literal["year", "month", "day"]
# The longest bullet any stage accepts. Real ones stay far below it (the longest in 1,305 press releases is a
# 22,265-character table); a longer one is a text with no sentence or line break, which the language model
# (spaCy refuses 1,000,000 characters) and the figure rules cannot read in reasonable time and memory.
MAX_BULLET_CHARS = 100_000


def too_long_message(length: int) -> str:
    """The one refusal for an over-long passage, whichever stage finds it."""
    return (f"a passage of {length:,} characters with no sentence or line break is over the "
            f"{MAX_BULLET_CHARS:,}-character limit for one bullet")


def one_line(text: str, limit: int = 300) -> str:
    """A message squeezed onto one line (an exception's text may hold several), cut at `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def content_hash(text: str) -> str:
    """Stable hash of content, used to detect re-ingest of identical items."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Document:
    """One item as a reader found it: a body in one format plus whatever metadata the source gave.

    `uri` is the identity used to update an item in place (its URL when known, else
    path or path#index for the n-th record of a multi-item file); `source` is what the
    user gave us, for messages.
    """

    source: str
    uri: str
    kind: str  # reader that produced it: note, markdown, html, json, feed, pdf, text
    body: str
    body_format: BodyFormat
    title: str | None = None
    published: str | None = None  # as the source wrote it (ISO or free text)
    category: str | None = None
    author: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        parts = [self.body_format, self.title or "", self.published or "", self.category or "",
                 self.author or "", self.url or "", self.body]
        return content_hash("\x1f".join(parts))


@dataclass
class Bullet:
    text: str
    id: int | None = None  # database id, set once stored


@dataclass
class Section:
    heading: str | None
    role: Role
    bullets: list[Bullet] = field(default_factory=list)


@dataclass
class Article:
    """A structured item: metadata, then sections of bullets (the unit of provenance)."""

    title: str
    sections: list[Section]
    source: str
    uri: str
    kind: str
    content_hash: str
    category: str | None = None
    published: str | None = None  # ISO 8601 at `published_precision`
    published_precision: Precision | None = None
    published_reason: str | None = None  # why this date (and year) was chosen
    author: str | None = None
    author_note: str | None = None
    url: str | None = None
    id: int | None = None

    def bullets(self) -> list[Bullet]:
        """All bullets in reading order; their index here is the `bullet_no` used by extraction."""
        return [b for s in self.sections for b in s.bullets]


@dataclass
class EntityMention:
    """One mention of an entity in a bullet; `name` is canonical so mentions merge across articles."""

    name: str
    type: str  # country, person, organisation, initiative, military_exercise, agreement, scheme, policy, place
    bullet_no: int
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    role: str | None = None  # office, for people
    country: str | None = None


@dataclass
class TimeExpr:
    text: str
    bullet_no: int
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3-style: 1952-04-28, 2017-12, 1990s -> 199X, FY2022-23, P10Y, XXXX-WXX ...


@dataclass
class Figure:
    value: float
    unit: str  # ISO currency (USD, INR), "percent", or a count unit ("km", "projects")
    text: str
    bullet_no: int
    start: int
    end: int
    period: str | None = None
    subject: str | None = None


@dataclass
class Event:
    date: str
    text: str
    bullet_no: int


@dataclass
class Extraction:
    entities: list[EntityMention] = field(default_factory=list)
    time_expressions: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    syllabus: list[tuple[str, float]] = field(default_factory=list)  # ("GS2: International Relations", score)


@dataclass
class Failure:
    """An input a stage could not handle; the batch goes on without it."""

    source: str
    error: str  # one line, naming the reason


def date_sort_key(value: str) -> str:
    """Sortable form of a normalised date: FY2022-23 sorts as 2022-04, 199X as 1990."""
    if value.startswith("FY") and len(value) >= 6:
        return value[2:6] + "-04" + value[9:]
    return value.replace("X", "0")

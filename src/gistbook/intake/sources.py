"""Followed sources: add, list, pause; poll the due ones and ingest each new entry's full article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from gistbook.config import Settings
from gistbook.intake.http import Fetcher, FetchError, is_http_url
from gistbook.intake.items import Hints, articles_from
from gistbook.intake.listing import Entry, ListingError, list_entries
from gistbook.records import Article, Failure
from gistbook.store import Store
from gistbook.store import sources as repo
from gistbook.store.sources import PollState, SourceError

__all__ = ["PollResult", "SourceError", "add", "fetch_due", "fetcher_for", "parse_every", "poll_source"]

DEFAULT_EVERY = "6h"
MIN_EVERY_S = 60
STORE_RETRIES = 2
LEASE_S = 15 * 60  # a poll taking longer than this may be started again by another process
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd])\s*$", re.I)
_UNIT_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}

AfterIngest = Callable[[dict[str, Any]], None]


def parse_every(value: str) -> int:
    """'30m', '6h', '1d' → seconds; at least a minute."""
    found = _EVERY.match(value)
    if not found:
        raise SourceError(f"--every {value!r} is not a duration such as 30m, 6h or 1d")
    seconds = int(found.group(1)) * _UNIT_S[found.group(2).lower()]
    if seconds < MIN_EVERY_S:
        raise SourceError(f"--every {value!r} is shorter than a minute")
    return seconds


def fetcher_for(settings: Settings) -> Fetcher:
    return Fetcher(max_bytes=settings.max_file_bytes, timeout=settings.fetch_timeout, delay=settings.fetch_delay,
                   backoff=min(0.5, settings.fetch_timeout / 4))  # first pause before a retry; it doubles


def add(store: Store, url: str, *, name: str | None = None, every: str = DEFAULT_EVERY,
        category: str | None = None) -> dict[str, Any]:
    """Follow a feed or listing page; it is due at once. Nothing is fetched here."""
    if not is_http_url(url):
        raise SourceError(f"{url!r} is not an http(s) URL")
    seconds = parse_every(every)
    shown = name.strip() if name and name.strip() else urlsplit(url).netloc + urlsplit(url).path
    with store.sessions.begin() as session:
        source_id = repo.add_source(session, url, shown, bool(name and name.strip()), seconds,
                                    category.strip() if category and category.strip() else None)
        return repo.source_dict(repo.get_source(session, source_id), 0)


def listed(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        return repo.list_sources(session)


def remove(store: Store, source_id: int) -> None:
    with store.sessions.begin() as session:
        repo.remove_source(session, source_id)


def set_paused(store: Store, source_id: int, paused: bool) -> None:
    with store.sessions.begin() as session:
        repo.set_paused(session, source_id, paused)


@dataclass
class PollResult:
    """One source's poll, in the shape `fetch --json` prints."""

    id: int
    name: str
    url: str
    status: str = "ok"  # ok, not modified, error
    fetched: int = 0  # article pages downloaded
    stored: int = 0  # new articles
    skipped: int = 0  # entries already stored (same URL or same content)
    failed: int = 0  # entries that could not be fetched or read (tried again next time)
    error: str | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    ingested: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "url": self.url, "status": self.status, "fetched": self.fetched,
                "stored": self.stored, "skipped": self.skipped, "failed": self.failed, "error": self.error,
                "errors": self.errors}


@dataclass
class Listing:
    """A source checked: the entries not yet stored, or why there are none to fetch."""

    status: str
    entries: list[Entry] = field(default_factory=list)
    skipped: int = 0
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


def check_source(store: Store, fetcher: Fetcher, state: PollState) -> Listing:
    """Conditional GET of the source, then its entries minus those stored already (recorded as the source's)."""
    try:
        resp = fetcher.get(state.url, etag=state.etag, last_modified=state.last_modified)
    except FetchError as exc:
        return Listing("error", error=str(exc))
    if resp.not_modified:
        return Listing("not modified")
    try:
        kind, title, entries = list_entries(resp)
    except ListingError as exc:
        return Listing("error", error=f"{state.url}: {exc}")
    urls = list(dict.fromkeys(e.url for e in entries))
    by_url = {e.url: e for e in entries}
    with store.sessions.begin() as session:
        seen = repo.seen_urls(session, state.id, urls)
        stored = repo.stored_uris(session, [u for u in urls if u not in seen])
        for url, article_id in stored.items():
            repo.record_item(session, state.id, url, article_id)
    new = [by_url[u] for u in urls if u not in seen and u not in stored]
    return Listing("ok", new, len(urls) - len(new), kind, title, resp.etag, resp.last_modified)


def ingest_entries(store: Store, fetcher: Fetcher, source_id: int, entries: list[Entry], *,
                   category: str | None, max_bytes: int, extract: bool = True,
                   after_ingest: AfterIngest | None = None) -> PollResult:
    """Fetch each entry's full article and store it; an entry already stored is skipped, a failed one is
    reported and tried again at the next poll."""
    from gistbook.pipeline import ingest_items

    result = PollResult(source_id, "", "")
    url_of: dict[str, str] = {}

    def items() -> Iterator[Article | Failure]:
        for entry in entries:
            try:
                resp = fetcher.get(entry.url)
            except FetchError as exc:
                yield Failure(entry.url, str(exc).removeprefix(f"{entry.url}: "))
                continue
            result.fetched += 1
            hints = Hints(entry.title, entry.published, entry.author, category)
            for item in articles_from(resp, max_bytes=max_bytes, hints=hints):
                url_of[item.source] = entry.url
                yield item

    report = ingest_items(items(), store, extract=extract)
    for _ in range(STORE_RETRIES):  # two processes adding the same new entity at once: one of them tries again
        clashed = {url_of.get(f["source"], f["source"]) for f in report.failed
                   if f["error"].startswith("could not store")}
        if not clashed:
            break
        report.failed = [f for f in report.failed if url_of.get(f["source"], f["source"]) not in clashed]
        entries = [e for e in entries if e.url in clashed]
        ingest_items(items(), store, extract=extract, report=report)
    with store.sessions.begin() as session:
        for key in ("ingested", "updated", "unchanged"):
            for item in getattr(report, key):
                url = url_of.get(item["source"], item["source"])
                repo.record_item(session, source_id, url, int(item["id"]))
    result.stored = len(report.ingested) + len(report.updated)
    result.skipped = len(report.unchanged)
    result.failed = len(report.failed)
    result.errors = [{"url": f["source"], "error": f["error"]} for f in report.failed]
    result.ingested = report.ingested + report.updated
    if after_ingest is not None and result.stored:
        after_ingest(report.to_dict())
    return result


def poll_source(store: Store, fetcher: Fetcher, state: PollState, *, max_bytes: int, extract: bool = True,
                after_ingest: AfterIngest | None = None) -> PollResult:
    """Check one source and ingest its new entries; every outcome is recorded on the source."""
    listing = check_source(store, fetcher, state)
    result = PollResult(state.id, state.name, state.url, status=listing.status, skipped=listing.skipped,
                        error=listing.error)
    if listing.entries:
        done = ingest_entries(store, fetcher, state.id, listing.entries, category=state.category,
                              max_bytes=max_bytes, extract=extract, after_ingest=after_ingest)
        result.fetched, result.stored, result.failed = done.fetched, done.stored, done.failed
        result.skipped += done.skipped
        result.errors = done.errors
    if result.failed:
        first = result.errors[0]
        result.error = f"{result.failed} of {len(listing.entries)} new items failed; first: {first['url']}: " \
                       f"{first['error']}"
    with store.sessions.begin() as session:
        # validators are kept only when every entry made it, so a failed one is listed (and tried) again
        repo.record_poll(session, state.id, status=listing.status, error=result.error, etag=listing.etag,
                         last_modified=listing.last_modified, kind=listing.kind, title=listing.title,
                         keep_validators=listing.status != "ok" or bool(result.failed))
    if listing.title and not state.named:
        result.name = listing.title
    return result


def fetch_due(store: Store, settings: Settings, *, source_id: int | None = None, extract: bool = True,
              after_ingest: AfterIngest | None = None, fetcher: Fetcher | None = None) -> list[PollResult]:
    """Poll every due source (or the one named, due or not); a failing source records its error and the others
    go on. Each due source is claimed first, so two processes polling at once never fetch it twice."""
    with store.session() as session:
        if source_id is not None:
            states = [repo.poll_state(repo.get_source(session, source_id))]
        else:
            states = repo.due_sources(session)
    own = fetcher is None
    fetcher = fetcher or fetcher_for(settings)
    results: list[PollResult] = []
    try:
        for state in states:
            if source_id is None:
                with store.sessions.begin() as session:
                    if not repo.claim_due(session, state.id, LEASE_S):
                        continue
            try:
                results.append(poll_source(store, fetcher, state, max_bytes=settings.max_file_bytes,
                                           extract=extract, after_ingest=after_ingest))
            except Exception as exc:  # noqa: BLE001 - one source's bug must not stop the others
                error = f"{state.url}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
                with store.sessions.begin() as session:
                    repo.record_poll(session, state.id, status="error", error=error, etag=state.etag,
                                     last_modified=state.last_modified)
                results.append(PollResult(state.id, state.name, state.url, status="error", error=error))
    finally:
        if own:
            fetcher.close()
    return results

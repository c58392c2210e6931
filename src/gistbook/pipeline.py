"""read → parse → extract → store for one source or a batch: the one place that orders the stages."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from gistbook.link import on_article_saved
from gistbook.parse import ParseError, parse_document
from gistbook.read import read_source
from gistbook.records import Article, Document, Extraction, Failure, one_line
from gistbook.store import Store
from gistbook.store.stored_copies import stored_copies

BATCH_SIZE = 64


@dataclass
class IngestReport:
    ingested: list[dict[str, Any]] = field(default_factory=list)
    updated: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # updated items are reported with the ingested ones: their content is new
        return {"ingested": self.ingested + self.updated, "unchanged": self.unchanged, "failed": self.failed,
                "updated": [u["id"] for u in self.updated]}

    @property
    def total(self) -> int:
        return len(self.ingested) + len(self.updated) + len(self.unchanged) + len(self.failed)


def parse_many(items: Iterable[Document | Article | Failure], published: str | None) -> Iterator[Article | Failure]:
    """Parse each document (an Article parsed already passes); one that cannot be parsed becomes a Failure and
    the rest go on."""
    for item in items:
        if isinstance(item, Failure | Article):
            yield item
            continue
        try:
            yield parse_document(item, published=published)
        except ParseError as exc:
            yield Failure(item.source, str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
            yield Failure(item.source, one_line(f"could not parse: {type(exc).__name__}: {exc}"))


def extract_many(articles: list[Article], n_process: int) -> list[Extraction | Failure]:
    """Extract a batch at once (spaCy batching); if the batch fails, retry one by one to isolate the culprit."""
    from gistbook.extract import extract_articles

    try:
        return list(extract_articles(articles, n_process=n_process))
    except Exception:  # noqa: BLE001
        out: list[Extraction | Failure] = []
        for art in articles:
            try:
                out.append(extract_articles([art])[0])
            except Exception as exc:  # noqa: BLE001
                out.append(Failure(art.source, one_line(f"could not extract: {type(exc).__name__}: {exc}")))
        return out


def _already_stored(store: Store, batch: list[Article], need_extracted: bool) -> dict[str, int]:
    """uri → article id for batch items whose identical content is stored (no need to extract them again)."""
    with store.session() as session:
        rows = stored_copies(session, [a.uri for a in batch], [a.content_hash for a in batch])
        hashes = {a.uri: a.content_hash for a in batch}
        found: dict[str, int] = {}
        for uri, art_id, extracted in rows:
            if uri in hashes and (extracted or not need_extracted):
                found[uri] = art_id
        return found


def ingest_paths(
    paths: list[str],
    store: Store,
    *,
    published: str | None = None,
    extract: bool = True,
    n_process: int = 1,
    max_bytes: int = 100 * 1024 * 1024,
    stdin: BinaryIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest every item under `paths`; one bad item never stops the batch."""
    report = IngestReport()

    def items() -> Iterator[Document | Failure]:
        for path in paths:
            # absolute paths, so an item keeps its identity (uri) whatever directory it is ingested from
            given = path if path == "-" or "://" in path else os.path.abspath(path)
            yield from read_source(given, max_bytes=max_bytes, stdin=stdin)

    return ingest_items(items(), store, published=published, extract=extract, n_process=n_process,
                        progress=progress, report=report)


def ingest_items(
    items: Iterable[Document | Article | Failure],
    store: Store,
    *,
    published: str | None = None,
    extract: bool = True,
    n_process: int = 1,
    progress: Callable[[int], None] | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Parse, extract and store documents already read (from files, URLs, a queue); one bad item never stops
    the batch."""
    report = report if report is not None else IngestReport()
    batch: list[Article] = []
    for item in parse_many(items, published):
        if isinstance(item, Failure):
            report.failed.append({"source": item.source, "error": item.error})
            if progress:
                progress(1)
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            _store_batch(batch, store, report, extract, n_process, progress)
            batch = []
    if batch:
        _store_batch(batch, store, report, extract, n_process, progress)
    return report


def _store_batch(batch: list[Article], store: Store, report: IngestReport, extract: bool, n_process: int,
                 progress: Callable[[int], None] | None) -> None:
    known = _already_stored(store, batch, extract)
    todo = [a for a in batch if a.uri not in known]
    for art in batch:
        if art.uri in known:
            report.unchanged.append({"id": known[art.uri], "title": art.title, "source": art.source})
    extractions: list[Extraction | Failure | None] = (
        list(extract_many(todo, n_process)) if extract and todo else [None] * len(todo)
    )
    for art, ext in zip(todo, extractions):
        if isinstance(ext, Failure):
            report.failed.append({"source": ext.source, "error": ext.error})
            continue
        try:
            # structure-only loads skip linking too; `gistbook relink` links them later
            art_id, status = store.save(art, ext, on_saved=on_article_saved if extract else None)
        except Exception as exc:  # noqa: BLE001 - the transaction rolled back; report and go on
            first = (str(exc).splitlines() or [type(exc).__name__])[0]  # SQLAlchemy adds the statement below
            report.failed.append({"source": art.source, "error": one_line(f"could not store: {first}")})
            continue
        entry = {"id": art_id, "title": art.title, "source": art.source}
        {"ingested": report.ingested, "updated": report.updated, "unchanged": report.unchanged}[status].append(entry)
    if progress:
        progress(len(batch))


def extract_file(path: str, *, published: str | None = None, max_bytes: int = 100 * 1024 * 1024,
                 stdin: BinaryIO | None = None) -> tuple[list[tuple[Article, Extraction]], list[Failure]]:
    """Read, parse and extract without storing anything (for `gistbook extract`)."""
    from gistbook.extract import extract_articles

    articles: list[Article] = []
    failures: list[Failure] = []
    for item in parse_many(read_source(path, max_bytes=max_bytes, stdin=stdin), published):
        (failures if isinstance(item, Failure) else articles).append(item)  # type: ignore[arg-type]
    exts = extract_articles(articles) if articles else []
    return list(zip(articles, exts)), failures


def ingest_demo(store: Store, *, extract: bool = True) -> IngestReport:
    """Load the bundled demo notes, each with the publication date listed in their index."""
    import json

    from gistbook.demo import demo_dates_file, demo_notes_dir

    folder = demo_notes_dir()
    dates: dict[str, str] = json.loads(demo_dates_file().read_text(encoding="utf-8"))
    total = IngestReport()
    for name, published in sorted(dates.items()):
        part = ingest_paths([str(folder / name)], store, published=published, extract=extract)
        for key in ("ingested", "updated", "unchanged", "failed"):
            getattr(total, key).extend(getattr(part, key))
    return total

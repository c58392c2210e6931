"""Uploaded files and pasted text to a private temp folder, then through the one ingest pipeline."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue
from typing import Any

from fastapi import HTTPException
from starlette.datastructures import FormData, UploadFile

from gistbook.config import Settings
from gistbook.records import one_line
from gistbook.store import Store
from gistbook.web.snapshots import refresh_after_ingest

MAX_FILES = 200
CHUNK = 1 << 20


@dataclass
class Batch:
    """What one /add request brought: files saved under `folder`, keyed back to the names the user gave."""

    folder: Path
    paths: list[str] = field(default_factory=list)
    published: str | None = None
    urls: list[str] = field(default_factory=list)  # web addresses, fetched by the ingest
    pasted: tuple[bytes, str | None, str | None] | None = None  # pasted text with the title and date it was given

    def display(self, source: str) -> str:
        """The user's own file name, not our temp path, in messages."""
        prefix = str(self.folder) + "/"
        return source[len(prefix):] if source.startswith(prefix) else source

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def safe_name(name: str | None, fallback: str) -> str:
    """A file name without folders or odd characters; the extension is kept (it breaks format ties)."""
    base = Path((name or "").replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")[:120]
    return base or fallback


def parse_published(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        raise HTTPException(400, f"publication date {raw.strip()[:40]!r} is not a date in YYYY-MM-DD form") \
            from None


async def save_batch(form: FormData) -> Batch:
    """Write every uploaded file and the pasted text to a fresh temp folder; 400 when nothing was given."""
    batch = Batch(Path(tempfile.mkdtemp(prefix="gistbook-upload-")))
    try:
        batch.published = parse_published(_text_field(form, "published"))
        uploads = [f for key in ("files", "feed") for f in form.getlist(key)
                   if isinstance(f, UploadFile) and (f.filename or f.size)]
        if len(uploads) > MAX_FILES:
            raise HTTPException(400, f"at most {MAX_FILES} files at once (got {len(uploads)})")
        used: set[str] = set()
        for n, upload in enumerate(uploads, 1):
            name = safe_name(upload.filename, f"upload-{n}")
            while name in used:
                name = f"{n}-{name}"
            used.add(name)
            target = batch.folder / name
            with target.open("wb") as out:
                while chunk := await upload.read(CHUNK):
                    out.write(chunk)
            batch.paths.append(str(target))
        pasted = _text_field(form, "text")
        if pasted and pasted.strip():
            batch.pasted = (pasted.replace("\r\n", "\n").encode("utf-8"),
                            (_text_field(form, "text_title") or "").strip()[:300] or None,
                            parse_published(_text_field(form, "text_date")))  # the form shows today
        batch.urls = web_addresses(_text_field(form, "url"))
        if not batch.paths and not batch.urls and batch.pasted is None:
            raise HTTPException(400, "choose at least one file, or paste some text, or give a web address")
    except BaseException:
        batch.cleanup()
        raise
    return batch


def web_addresses(raw: str | None) -> list[str]:
    """The http(s) addresses given, one a line; 400 naming the first that is not one."""
    from gistbook.intake.http import is_http_url

    urls = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    for url in urls:
        if not is_http_url(url):
            raise HTTPException(400, f"{url[:100]!r} is not an http(s) web address")
    return urls[:MAX_FILES]


def _text_field(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


def run_ingest(batch: Batch, store: Store, settings: Settings) -> dict[str, Any]:
    """Ingest a saved batch in full and report it in the `ingest --json` shape, with the user's file names."""
    from gistbook.jobs import ingest_added

    try:
        report = ingest_added(store, settings, paths=batch.paths, urls=batch.urls, pasted=batch.pasted,
                              published=batch.published)
        refresh_after_ingest(store, report.to_dict())
        return _named(report.to_dict(), batch)
    finally:
        batch.cleanup()


def _named(report: dict[str, Any], batch: Batch) -> dict[str, Any]:
    for key in ("ingested", "unchanged", "failed"):
        for entry in report.get(key, []):
            entry["source"] = batch.display(str(entry.get("source", "")))
    return report


def ingest_with_progress(batch: Batch, store: Store, settings: Settings) -> Iterator[tuple[int, int] | dict[str, Any]]:
    """Yields (done, total) as batches finish, then the report; the work runs in a thread of this request only."""
    from gistbook.jobs import ingest_added
    from gistbook.read import count_items

    total = sum(count_items(p) for p in batch.paths) + len(batch.urls) + (batch.pasted is not None)
    events: Queue[tuple[int, int] | dict[str, Any] | BaseException] = Queue()
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        events.put((min(done, total), total))

    def work() -> None:
        try:
            report = ingest_added(store, settings, paths=batch.paths, urls=batch.urls, pasted=batch.pasted,
                                  published=batch.published, progress=advance)
            refresh_after_ingest(store, report.to_dict())
            events.put(_named(report.to_dict(), batch))
        except BaseException as exc:  # noqa: BLE001 - handed to the page, which shows it as one line
            events.put(exc)
        finally:
            batch.cleanup()

    threading.Thread(target=work, name="gistbook-add", daemon=True).start()
    yield (0, total)
    while True:
        event = events.get()
        if isinstance(event, BaseException):
            yield {"ingested": [], "unchanged": [], "updated": [],
                   "failed": [{"source": "this upload", "error": one_line(f"{type(event).__name__}: {event}")}]}
            return
        yield event
        if isinstance(event, dict):
            return

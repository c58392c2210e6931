"""Uploaded files and pasted text to a private temp folder, then through the one ingest pipeline."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from starlette.datastructures import FormData, UploadFile

from gistbook.config import Settings
from gistbook.records import one_line
from gistbook.store import Store
from gistbook.web.speed import refresh_after_ingest

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


class AddFormError(HTTPException):
    """Bad input on the Add form: one line naming the field and the reason; the page shows it at the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(400, message)
        self.field = field


def parse_published(raw: str | None, field: str = "published", label: str = "publication date") -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        raise AddFormError(field, f"{label} {raw.strip()[:40]!r} is not a date in YYYY-MM-DD form") from None


def checked_paste(text: str, max_bytes: int | None) -> bytes:
    """The pasted text as UTF-8, refused (one line) when it is binary data or larger than a file may be."""
    data = text.replace("\r\n", "\n").encode("utf-8")
    if max_bytes is not None and len(data) > max_bytes:
        raise AddFormError("text", f"pasted text: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB "
                                   "a text may have (GISTBOOK_MAX_FILE_MB); add it as a file in parts")
    odd = sum(1 for ch in text[:20000] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    if odd > max(3, len(text[:20000]) // 100):
        raise AddFormError("text", "pasted text: it looks like binary data, not text; paste the words of an "
                                   "article, or upload the file itself")
    return data


async def save_batch(form: FormData, max_bytes: int | None = None) -> Batch:
    """Write every uploaded file and the pasted text to a fresh temp folder; 400 when nothing was given."""
    batch = Batch(Path(tempfile.mkdtemp(prefix="gistbook-upload-")))
    try:
        batch.published = parse_published(_text_field(form, "published"))
        uploads = [f for key in ("files", "feed") for f in form.getlist(key)
                   if isinstance(f, UploadFile) and (f.filename or f.size)]
        if len(uploads) > MAX_FILES:
            raise AddFormError("files", f"files: at most {MAX_FILES} at once (got {len(uploads)})")
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
        title = (_text_field(form, "text_title") or "").strip()[:300] or None
        if _text_field(form, "text_title_auto") == "1":
            title = None  # the title the page filled in from the text, untouched: the text's own heading wins
        day = parse_published(_text_field(form, "text_date"), "text_date", "date")  # the form shows today
        if pasted and pasted.strip():
            batch.pasted = (checked_paste(pasted, max_bytes), title, day)
        elif pasted and title:
            raise AddFormError("text", "pasted text: it is empty; paste the article under its title")
        batch.urls = web_addresses(_text_field(form, "url"))
        if not batch.paths and not batch.urls and batch.pasted is None:
            raise AddFormError("text", "choose at least one file, or paste some text, or give a web address")
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
            raise AddFormError("url", f"web address {url[:100]!r} is not an http(s) web address")
    return urls[:MAX_FILES]


def _text_field(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value if isinstance(value, str) else None


def run_ingest(batch: Batch, store: Store, settings: Settings) -> dict[str, Any]:
    """Ingest a saved batch in full and report it in the `ingest --json` shape, with the user's file names."""
    return run_add(batch, store, settings, lambda done, total: None)


def run_add(batch: Batch, store: Store, settings: Settings, progress: Callable[[int, int], None]) -> dict[str, Any]:
    """Ingest a saved batch, telling `progress` (done, total) as items finish; the report names the user's files.
    Any failure becomes one line of the report: what was stored before it stays whole (one transaction an item)."""
    from gistbook.jobs import ingest_added
    from gistbook.read import count_items

    done = 0
    try:
        total = sum(count_items(p) for p in batch.paths) + len(batch.urls) + (batch.pasted is not None)
        progress(0, total)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            progress(min(done, total), total)

        report = ingest_added(store, settings, paths=batch.paths, urls=batch.urls, pasted=batch.pasted,
                              published=batch.published, progress=advance, names=batch.display)
        refresh_after_ingest(store, report.to_dict())
        return _named(report.to_dict(), batch)
    except Exception as exc:  # noqa: BLE001 - shown on the page as one line
        return {"ingested": [], "unchanged": [], "updated": [],
                "failed": [{"source": "this addition", "error": one_line(f"{type(exc).__name__}: {exc}")}]}
    finally:
        batch.cleanup()


def _named(report: dict[str, Any], batch: Batch) -> dict[str, Any]:
    for key in ("ingested", "unchanged", "failed"):
        for entry in report.get(key, []):
            entry["source"] = batch.display(str(entry.get("source", "")))
    return report

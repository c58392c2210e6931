"""Background work: polling due sources, ingesting URLs and uploads. Local mode (SQLite) runs it in a thread of
the serving process or in `gistbook worker`; server mode (PostgreSQL) queues it in procrastinate, run by any
number of `gistbook worker` processes (see gistbook.queue).

After an ingest the web's kept dossier pages want refreshing (web/speed). The web sits above this module, so the
caller (`gistbook serve`, `gistbook worker`) hands that refresh in as `after_ingest`."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gistbook.config import Settings
from gistbook.records import Article, Document, Failure
from gistbook.store import Store

if TYPE_CHECKING:
    from gistbook.intake.sources import AfterIngest  # told each ingest's report (its `--json` shape)
    from gistbook.pipeline import IngestReport

LOCAL_EVERY_S = 60.0


def poll_due_once(store: Store, settings: Settings, after_ingest: AfterIngest) -> list[dict[str, Any]]:
    """Poll the sources due now (each claimed first, so serve's thread and a worker never poll one twice)."""
    from gistbook.intake.sources import fetch_due

    return [r.to_dict() for r in fetch_due(store, settings, after_ingest=after_ingest)]


class LocalScheduler:
    """Polls due sources every `every` seconds in a daemon thread: off the event loop, so pages never wait on
    a fetch."""

    def __init__(self, store: Store, settings: Settings, *, after_ingest: AfterIngest,
                 every: float = LOCAL_EVERY_S) -> None:
        self.store, self.settings, self.every, self.after_ingest = store, settings, every, after_ingest
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="gistbook-intake", daemon=True)
        self.last_error: str | None = None

    def start(self) -> LocalScheduler:
        self.thread.start()
        return self

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                poll_due_once(self.store, self.settings, self.after_ingest)
                self.last_error = None
            except Exception as exc:  # noqa: BLE001 - the next round tries again; a source keeps its own error
                self.last_error = f"{type(exc).__name__}: {exc}"
            self.stop.wait(self.every)

    def close(self, timeout: float = 5.0) -> None:
        self.stop.set()
        self.thread.join(timeout)


def run_local_worker(store: Store, settings: Settings, *, after_ingest: AfterIngest, every: float = LOCAL_EVERY_S,
                     once: bool = False) -> None:
    """`gistbook worker` in local mode: poll the due sources every `every` seconds (server mode runs
    gistbook.queue's procrastinate worker instead)."""
    while True:
        poll_due_once(store, settings, after_ingest)
        if once:
            return
        time.sleep(every)


PASTED_NAME = "pasted text.txt"
PASTED_TITLE_CHARS = 300


def pasted_title(text: str) -> str:
    """The title a pasted text is offered (app.js shows the same): its first line, or the first sentence of a
    first line too long to be a heading, cut at a word only past PASTED_TITLE_CHARS and never with an ellipsis."""
    from gistbook.parse.assemble import TITLE_FROM_TEXT_CHARS
    from gistbook.parse.sentences import split_sentences

    first = next((line.strip(" \t\u2022*-") for line in text.splitlines() if line.strip(" \t\u2022*-")), "")
    if len(first) > TITLE_FROM_TEXT_CHARS:
        first = next(iter(split_sentences(first)), first)
    if len(first) > PASTED_TITLE_CHARS:
        first = first[:PASTED_TITLE_CHARS].rsplit(" ", 1)[0]
    return first.strip()


def upload_documents(data: bytes, name: str, settings: Settings, *, title: str | None = None,
                     published: str | None = None, pasted: bool = False) -> list[Document | Article | Failure]:
    """The items of an upload or a pasted text. Without a URL an item's identity is its content, so two uploads
    under one name never overwrite each other; a pasted text is parsed here to settle its title and date."""
    from gistbook.read import ReadError, read_items

    try:
        items = read_items(data, name, max_bytes=settings.max_file_bytes)
    except ReadError as exc:
        return [Failure("pasted text" if pasted else name, str(exc))]
    identity = ("pasted:" if pasted else "upload:") + hashlib.sha256(data).hexdigest()[:16]
    for item in items:
        if isinstance(item, Document) and item.uri == item.source:
            item.uri = identity + "/" + item.source
    if pasted and len(items) == 1 and isinstance(items[0], Document):
        return [_settled_paste(items[0], data.decode("utf-8", "replace"), title, published)]
    return list(items)


def _settled_paste(doc: Document, text: str, title: str | None, day: str | None) -> Article | Failure:
    """A pasted text's title: the one typed, else the reader's heading, else its first sentence whole (the parser
    would cut it at 100 characters with '…'). Its date: the one given, else its own, else the day it was pasted."""
    import datetime as dt

    from gistbook.parse import ParseError, parse_document

    try:
        article = parse_document(doc, published=day)
    except ParseError as exc:
        return Failure("pasted text", str(exc))
    if title and title.strip():
        article.title = title.strip()
    elif article.title.endswith("…"):
        article.title = pasted_title(text) or article.title
    if day:
        article.published, article.published_precision = day, "day"
        article.published_reason = "the date given when it was pasted"
    elif not article.published:
        article.published, article.published_precision = dt.date.today().isoformat(), "day"
        article.published_reason = "no date in the text: the day it was pasted"
    return article


def ingest_upload(store: Store, settings: Settings, upload_id: int, *, published: str | None = None,
                  title: str | None = None, pasted: bool = False) -> dict[str, Any] | None:
    """A queued upload: read from the database (the worker may be on another machine), ingested, then dropped."""
    from gistbook.pipeline import ingest_items
    from gistbook.store import sources as repo

    with store.session() as session:
        found = repo.load_upload(session, upload_id)
    if found is None:
        return None  # done by an earlier run of this job
    name, data = found
    items = upload_documents(data, name, settings, title=title, published=published, pasted=pasted)
    report = ingest_items(items, store, published=published).to_dict()
    with store.sessions.begin() as session:
        repo.drop_upload(session, upload_id)
    return report


def ingest_added(store: Store, settings: Settings, *, paths: list[str], urls: list[str],
                 pasted: tuple[bytes, str | None, str | None] | None, published: str | None,
                 progress: Callable[[int], None] | None = None,
                 names: Callable[[str], str] | None = None) -> IngestReport:
    """What the Add page brought, in one report: files, then web addresses, then the pasted text (with its title
    and date). A file is read under the name the user gave it (`names`), never its temporary path, so the
    stored source says "seed-article.txt" and the same file added twice is one item."""
    from gistbook.intake.items import url_items
    from gistbook.intake.sources import fetcher_for
    from gistbook.pipeline import IngestReport, ingest_items

    report = IngestReport()
    for path in paths:
        name = names(path) if names else path
        try:
            with open(path, "rb") as upload:  # noqa: PTH123 - one file of the upload's own folder
                data = upload.read()
        except OSError as exc:
            report.failed.append({"source": name, "error": f"could not read the upload: {exc.strerror}"})
            continue
        ingest_items(upload_documents(data, name, settings), store, published=published, progress=progress,
                     report=report)
    if urls:
        with fetcher_for(settings) as fetcher:  # the intake's fetcher: its size cap, timeouts and address checks
            ingest_items(url_items(urls, fetcher, published=published), store, published=published,
                         progress=progress, report=report)
    if pasted is not None:
        data, title, day = pasted
        items = upload_documents(data, PASTED_NAME, settings, title=title, published=day, pasted=True)
        ingest_items(items, store, published=day or published, progress=progress, report=report)
    return report

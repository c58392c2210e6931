"""Items by URL: fetch a page, read it with the same readers as a saved file, and keep the URL as its identity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from gistbook.config import Settings
from gistbook.intake.http import Fetcher, FetchError, Response, is_http_url
from gistbook.parse import ParseError, parse_document
from gistbook.read import read_items
from gistbook.read.errors import ReadError
from gistbook.records import Article, Document, Failure
from gistbook.store import Store

if TYPE_CHECKING:
    from gistbook.pipeline import IngestReport


@dataclass
class Hints:
    """What a feed entry or a listing said about an item, used where the page itself is silent."""

    title: str | None = None
    published: str | None = None
    author: str | None = None
    category: str | None = None  # a followed source's category wins over the page's


def _fill(doc: Document, url: str, hints: Hints | None, single: bool) -> Document:
    if single:
        doc.uri = url  # one item at this URL: the URL is its identity, whatever canonical link the page gives
    if hints is not None:
        doc.title = doc.title or hints.title
        doc.published = doc.published or hints.published
        doc.author = doc.author or hints.author
        doc.category = hints.category or doc.category
    return doc


def articles_from(resp: Response, *, max_bytes: int, published: str | None = None,
                  hints: Hints | None = None) -> list[Article | Failure]:
    """The items of one fetched response, parsed: a page is one article, a feed one per entry."""
    url = resp.url
    try:
        items = read_items(resp.body, url, max_bytes=max_bytes)
    except ReadError as exc:
        return [Failure(url, str(exc))]
    except Exception as exc:  # noqa: BLE001 - a reader bug on one page must not stop a batch
        return [Failure(url, f"reader failed ({type(exc).__name__}): {' '.join(str(exc).split())[:200]}")]
    single = len(items) == 1
    out: list[Article | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            out.append(item)
            continue
        doc = _fill(item, url, hints, single)
        try:
            art = parse_document(doc, published=published)
        except ParseError as exc:
            out.append(Failure(doc.source, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
            out.append(Failure(doc.source, f"could not parse: {type(exc).__name__}: {exc}"))
            continue
        # the hash was taken without the address it was fetched from, so the same page under two URLs is one item
        art.url = art.url or resp.final_url
        out.append(art)
    return out


def fetch_articles(url: str, fetcher: Fetcher, *, published: str | None = None,
                   hints: Hints | None = None) -> list[Article | Failure]:
    """Fetch one URL and read it; a failed fetch is one Failure naming the URL and the reason."""
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        return [Failure(url, str(exc).removeprefix(f"{url}: "))]
    return articles_from(resp, max_bytes=fetcher.max_bytes, published=published, hints=hints)


def url_items(urls: Iterable[str], fetcher: Fetcher, *, published: str | None = None) -> Iterator[Article | Failure]:
    for url in urls:
        yield from fetch_articles(url, fetcher, published=published)


def ingest_urls(urls: list[str], store: Store, fetcher: Fetcher, *, published: str | None = None,
                extract: bool = True, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Fetch, read and store each URL (an IngestReport); the store skips an item it holds already (same URL and
    content, or the same content under another URL)."""
    from gistbook.pipeline import ingest_items

    return ingest_items(url_items(urls, fetcher, published=published), store, published=published,
                        extract=extract, progress=progress)


def ingest_paths_or_urls(paths: list[str], store: Store, *, settings: Settings, published: str | None = None,
                         extract: bool = True, n_process: int = 1, stdin: BinaryIO | None = None,
                         progress: Callable[[int], None] | None = None) -> IngestReport:
    """`gistbook ingest`: files, folders and stdin as before, http(s) URLs fetched (files first, then URLs)."""
    from gistbook.intake.sources import fetcher_for
    from gistbook.pipeline import IngestReport, ingest_items, ingest_paths

    urls = [p for p in paths if is_http_url(p)]
    files = [p for p in paths if not is_http_url(p)]
    report = ingest_paths(files, store, published=published, extract=extract, n_process=n_process,
                          max_bytes=settings.max_file_bytes, stdin=stdin, progress=progress) \
        if files else IngestReport()
    if urls:
        with fetcher_for(settings) as fetcher:
            ingest_items(url_items(urls, fetcher, published=published), store, published=published,
                         extract=extract, n_process=n_process, progress=progress, report=report)
    return report

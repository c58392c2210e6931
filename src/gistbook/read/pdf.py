"""PDF files and compilations: text per page, split into one Document per item where headings show items."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdf

from gistbook.read.errors import ReadError
from gistbook.read.pdfitems import Line, find_items, reflow
from gistbook.records import Document

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
_JUNK_TITLE = re.compile(r"\.(docx?|odt|pdf|indd|pptx?)$|^(untitled|microsoft word)", re.I)
_EDGE_LINES = 2  # running headers and footers sit in the first or last lines of a page
_PREAMBLE_KEEP_WORDS = 80  # shorter text before the first item is a cover or contents page


@dataclass
class _PdfText:
    pages: list[str]
    title: str | None
    author: str | None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repaired cross-reference; for a reader of untrusted files that is noise."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _metadata_field(reader: pypdf.PdfReader, name: str) -> str | None:
    info = reader.metadata
    value = info.get(name) if info else None
    text = " ".join(str(value).split()) if value else ""
    return text if text and not _JUNK_TITLE.search(text) else None


def _extract(data: bytes) -> _PdfText:
    with _quiet_pypdf():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReadError("PDF is encrypted")
            pages = [page.extract_text() or "" for page in reader.pages]
            return _PdfText(pages, _metadata_field(reader, "/Title"), _metadata_field(reader, "/Author"))
        except ReadError:
            raise
        except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of error on damaged files
            raise ReadError(f"not a readable PDF ({type(error).__name__})") from None


def _page_lines(pages: list[str]) -> list[Line]:
    """Lines of all pages in order, without running headers, footers and page numbers."""
    split_pages = [[" ".join(line.split()) for line in page.split("\n")] for page in pages]
    edges: Counter[str] = Counter()
    for lines in split_pages:
        present = [line for line in lines if line]
        edges.update(set(present[:_EDGE_LINES] + present[-_EDGE_LINES:]))
    repeated = {line for line, count in edges.items() if len(pages) >= 3 and count >= 0.6 * len(pages)}
    result: list[Line] = []
    for page_no, lines in enumerate(split_pages, start=1):
        present = [line for line in lines if line]
        edge = set(present[:_EDGE_LINES] + present[-_EDGE_LINES:])
        for line in lines:
            if line in edge and (line in repeated or _PAGE_NUMBER.match(line)):
                continue
            result.append(Line(line, page_no))
        result.append(Line("", page_no))  # a page break ends a paragraph
    return result


def _pages_label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def read_pdf(data: bytes, source: str) -> list[Document]:
    """One Document per item of a compilation, or one for the whole file when no item headings are found."""
    pdf = _extract(data)
    if not any(page.strip() for page in pdf.pages):
        raise ReadError("PDF has no text layer (scanned?)")
    lines = _page_lines(pdf.pages)
    items = find_items(lines)
    if items and items[0].title is None and len(" ".join(items[0].body).split()) < _PREAMBLE_KEEP_WORDS:
        items = items[1:]
    if len(items) <= 1:
        item = items[0] if items else None
        body = reflow(item.body if item else [line.text for line in lines])
        if not body:
            raise ReadError("PDF has no text layer (scanned?)")
        return [Document(
            source=source, uri=source, kind="pdf", body=body, body_format="text",
            title=(item.title if item else None) or pdf.title, published=item.published if item else None,
            category=item.category if item else None, author=pdf.author,
            meta={"pages": _pages_label(1, len(pdf.pages))},
        )]
    documents = []
    for number, item in enumerate(items, start=1):
        item_source = f"{source}#{number}"
        documents.append(Document(
            source=item_source, uri=item_source, kind="pdf", body=reflow(item.body), body_format="text",
            title=item.title, published=item.published, category=item.category, author=pdf.author,
            meta={"pages": _pages_label(item.first_page, item.last_page)},
        ))
    return documents

"""Reader for point-wise current-affairs notes (the seed's format): header block, headline, bullets.

A note copied from a current-affairs site starts with a short header of bullet lines
(category, a date such as "Sep 10", the author), then the headline, bullets and
headings, and ends with page chrome ("Notes", "Related Topics", share buttons). The
reader lifts the header into Document fields and drops the chrome; the parse stage
structures what is left.
"""

from __future__ import annotations

import re

from gistbook.records import Document

BULLET_MARK = re.compile(r"^\s*(?:[•●◦▪▫‣∙·*\-–]|\d{1,2}[.)])\s+")
HEADER_MAX_LINES = 4
HEADER_MAX_CHARS = 60
HEADER_MAX_WORDS = 8

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_LINE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.+\-Z]*)?"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})$",
    re.IGNORECASE,
)
HEADER_KEYS = {"category": "category", "section": "category", "date": "published", "published": "published",
               "author": "author", "by": "author"}
KEY_VALUE = re.compile(r"^([A-Za-z]+)\s*:\s*(.+)$")
BY_LINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)

# Labels that a page puts around an article; never content when they stand alone on a line.
CHROME_LABELS = frozenset(
    s.casefold()
    for s in (
        "Share", "Share this", "Share this article", "Share on", "Print", "Print this", "Facebook", "Twitter", "X",
        "WhatsApp", "Telegram", "LinkedIn", "Email", "E-mail", "Mail", "Copy link", "Copy", "Link copied",
        "Download PDF", "Download", "PDF", "Save", "Bookmark", "Comments", "Comment", "Subscribe", "Follow us",
        "Read more", "Listen", "Listen to this article", "Reddit", "Pinterest", "Koo", "Font size", "A+", "A-",
        "Back to top", "Advertisement", "Add a note",
    )
)
# Labels after which the rest of the page is chrome (lists of links, note boxes).
TAIL_MARKERS = frozenset(
    s.casefold() for s in ("Notes", "My notes", "Related Topics", "Related Articles", "Related Posts", "Also read",
                           "Tags", "Topics", "Comments")
)
TAIL_LINE_MAX_CHARS = 80


def read_note(text: str, source: str, uri: str) -> Document:
    """Lift the header into fields and drop page chrome, so parse sees only headline and content."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    lines = _drop_chrome(lines)
    fields, lines = _take_header(lines)
    body = "\n".join(lines).strip("\n")
    return Document(
        source=source,
        uri=uri,
        kind="note",
        body=body,
        body_format="note",
        category=fields.get("category"),
        published=fields.get("published"),
        author=fields.get("author"),
    )


def _unmarked(line: str) -> str:
    """The line without its bullet mark, trimmed (non-breaking spaces included)."""
    return BULLET_MARK.sub("", line, count=1).strip()


def _is_chrome(line: str) -> bool:
    return _unmarked(line).rstrip(":").casefold() in CHROME_LABELS


def _drop_chrome(lines: list[str]) -> list[str]:
    """Cut the page's tail (from 'Notes'/'Related Topics' on, when only short lines follow) and share labels."""
    end = len(lines)
    for i, line in enumerate(lines):
        if _unmarked(line).rstrip(":").casefold() in TAIL_MARKERS and all(
            len(_unmarked(rest)) <= TAIL_LINE_MAX_CHARS for rest in lines[i + 1:]
        ):
            end = i
            break
    return [line for line in lines[:end] if not _is_chrome(line)]


def _is_header_line(line: str) -> bool:
    """A short bullet line without sentence punctuation: category, date or author."""
    if not BULLET_MARK.match(line):
        return False
    value = _unmarked(line)
    return (0 < len(value) <= HEADER_MAX_CHARS and len(value.split()) <= HEADER_MAX_WORDS
            and not value.endswith((".", "!", "?", ";", ",")))


def _take_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Leading short bullet lines count as a header only when a non-bullet headline follows them."""
    idx = [i for i, line in enumerate(lines) if line.strip()]
    header: list[int] = []
    for i in idx:
        if not _is_header_line(lines[i]) or len(header) == HEADER_MAX_LINES:
            break
        header.append(i)
    rest = [i for i in idx if i not in header]
    if not header or not rest or BULLET_MARK.match(lines[rest[0]]):
        return {}, lines
    values = [_unmarked(lines[i]) for i in header]
    if not any(DATE_LINE.match(v) or KEY_VALUE.match(v) or BY_LINE.match(v) for v in values):
        return {}, lines  # short opening bullets with no date are content, not a header
    return _header_fields(values), lines[header[-1] + 1:]


def _header_fields(values: list[str]) -> dict[str, str]:
    """Name each header value: a date is the date, then category before author (the seed's order)."""
    fields: dict[str, str] = {}
    plain: list[str] = []
    for value in values:
        key_value = KEY_VALUE.match(value)
        by_line = BY_LINE.match(value)
        if key_value and key_value.group(1).casefold() in HEADER_KEYS:
            fields.setdefault(HEADER_KEYS[key_value.group(1).casefold()], key_value.group(2).strip())
        elif by_line:
            fields.setdefault("author", by_line.group(1).strip())
        elif DATE_LINE.match(value):
            fields.setdefault("published", value)
        else:
            plain.append(value)
    for name in ("category", "author"):
        if name not in fields and plain:
            fields[name] = plain.pop(0)
    return fields

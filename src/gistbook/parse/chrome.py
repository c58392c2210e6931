"""Page and press-release furniture that is never a fact: share labels, language links, sign-offs, handles.

The note reader already cuts a note's tail; these rules catch the same labels when a
body reaches parse another way, and the furniture of Press Information Bureau releases
("Read this release in: ...", staff initials like "AB/CD", social handles, rows of stars).
"""

from __future__ import annotations

import re

SHARE_LABELS = frozenset(
    s.casefold()
    for s in (
        "Share", "Share this", "Share this article", "Print", "Facebook", "Twitter", "X", "WhatsApp", "Telegram",
        "LinkedIn", "Email", "E-mail", "Copy link", "Link copied", "Download PDF", "Download", "Save", "Bookmark",
        "Subscribe", "Follow us", "Read more", "Listen to this article", "Back to top", "Advertisement",
        "Notes", "Related Topics", "Related Articles", "Also read", "Tags", "Add a note", "Comments",
    )
)
CHROME_LINE = re.compile(
    r"^read this release in\b"
    r"|^\(?release id\b"
    r"|^please click here\b"
    r"|^click here\b"
    r"|^follow\b.{0,40}\b(?:handles?|on)\b"
    r"|^(?:x|fb|facebook|youtube|instagram|twitter|linkedin|koo|threads|e-?mail|website)\s*[-:–—]\s*\S+$"
    r"|^(?:(?:https?://|www\.)\S+\s*)+$"
    r"|^(?:e-?mail\s*[-:–—]?\s*)?\S+(?:@|\[at\])\S+$"
    r"|^[\W_]+$",
    re.IGNORECASE,
)
# staff names or initials separated by slashes: "Name Surname/ Dr. Name Surname/ Name", "VK/SKS"
_SIGNER = r"(?:(?:Dr|Smt|Shri|Prof)\.?\s+)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}|[A-Z]{1,4})"
SIGN_OFF = re.compile(rf"^{_SIGNER}(?:\s*/\s*{_SIGNER}){{1,6}}$")
# labels after which the rest of a page is furniture (a reader's notes box, lists of related links)
TAIL_MARKERS = frozenset(s.casefold() for s in ("Notes", "My notes", "Related Topics", "Related Articles",
                                                 "Related Posts", "Related News", "Also read", "Tags", "Topics"))
TAIL_LINE_MAX_CHARS = 80
INLINE_NOISE = re.compile(r"\s*(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)")
AUTHOR_NOTE = re.compile(r"^\(\s*((?:the\s+)?(?:author|writer|columnist)s?\b[^()]*?)\s*\)\.?$"
                         r"|^((?:the\s+)?(?:author|writer|columnist)s?\s+(?:is|are|was|were)\b.*)$", re.IGNORECASE)
AUTHOR_NOTE_MAX_CHARS = 300


def is_chrome(text: str) -> bool:
    """Whether a whole line or paragraph is page furniture rather than content."""
    stripped = text.strip()
    if not stripped:
        return True
    return stripped.rstrip(":").casefold() in SHARE_LABELS or bool(CHROME_LINE.match(stripped))


def is_sign_off(text: str) -> bool:
    """Staff names closing a release ("Name/ Name/ Name"); only trusted near the end, as table cells look alike."""
    return len(text) <= 120 and bool(SIGN_OFF.match(text.strip()))


def page_tail_start(texts: list[str]) -> int:
    """Where the page's tail begins: a tail label followed only by short lines; len(texts) when there is none."""
    for i, text in enumerate(texts):
        if text.strip().rstrip(":").casefold() in TAIL_MARKERS and all(
                len(rest) <= TAIL_LINE_MAX_CHARS for rest in texts[i + 1:]):
            return i
    return len(texts)


def scrub(text: str) -> str:
    """Remove embedded tweet links that trail quoted posts."""
    return INLINE_NOISE.sub("", text).strip()


def author_note_of(text: str) -> str | None:
    """The author line ("(The author is ...)") without its parentheses, or None."""
    if len(text) > AUTHOR_NOTE_MAX_CHARS:
        return None
    match = AUTHOR_NOTE.match(text.strip())
    if not match:
        return None
    return (match.group(1) or match.group(2)).strip()

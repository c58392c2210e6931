"""Where items of a PDF compilation begin, and how hard-wrapped PDF lines become paragraphs again.

An item starts at, in order of trust:
1. a headline line followed by a date line ("25 March 2026 | Ministry of Power", "Posted on: Mar 25, 2026");
2. at least three numbered headlines "1. ...", "2. ...", "3. ..." counting up from 1, each followed by text
   (numbered lines next to each other are a list or a contents page, and two numbered paragraphs are more
   often a list in an article than a compilation);
3. ALL-CAPS headlines of two or more words.
A heading with no text before the next heading is a contents entry and starts nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?\s+)?"
DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_MONTH}\s+{_DAY}\b"
    rf"|{_DAY}\s+{_MONTH}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})",
    re.I,
)
_META_LABEL = re.compile(r"^(?:posted|published|updated|released|dated?|issued)(?:\s+on)?\s*[:\-]?\s*$", re.I)
_META_SEPARATORS = re.compile(r"\s*[|•·–—;,]\s*|\s+-\s+|:\s+")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_BULLET_START = re.compile(r"^(?:[•▪◦●■‣*–-]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_SECTION_WORDS = frozenset({"background", "way forward", "challenges", "conclusion", "introduction", "key points",
                            "key highlights", "about", "significance", "analysis", "summary", "table of contents",
                            "contents", "index", "news", "facts", "key facts"})
_MAX_TITLE_WORDS = 25
_MAX_META_WORDS = 14
_MAX_CATEGORY_WORDS = 8
_MIN_NUMBERED_ITEMS = 3
_MAX_NUMBERED_CANDIDATES = 200  # bounds the search on pathological files


@dataclass(frozen=True)
class Line:
    text: str
    page: int


@dataclass
class Item:
    title: str | None
    published: str | None
    category: str | None
    body: list[str]  # raw lines, '' where a paragraph or page ended
    first_page: int
    last_page: int


@dataclass(frozen=True)
class _Start:
    index: int  # first line of the heading
    body_start: int  # first line after the heading and its date line
    title: str
    published: str | None = None
    category: str | None = None


def is_headline(text: str) -> bool:
    """Short, capitalised, and not ending like a sentence or a clause."""
    words = text.split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(text) > 200 or _BULLET_START.match(text):
        return False
    first_letter = next((ch for ch in text if ch.isalpha()), "")
    return first_letter.isupper() and text[-1] not in ".,;:" and not text[0].islower()


def parse_meta_line(text: str) -> tuple[str, str | None] | None:
    """(date, category) from a dateline such as '25 March 2026 | Ministry of Power', else None."""
    if not text or len(text.split()) > _MAX_META_WORDS or text.endswith("."):
        return None
    found = DATE.search(text)
    if found is None:
        return None
    rest = f"{text[:found.start()]} | {text[found.end():]}"
    parts = [part.strip(" :-") for part in _META_SEPARATORS.split(rest)]
    parts = [part for part in parts if part and not _META_LABEL.match(part)]
    category = parts[0] if parts else None
    if category and (len(category.split()) > _MAX_CATEGORY_WORDS or not category[0].isupper()):
        return None
    return found.group(0).strip(" ,"), category


def _is_boundary_before(lines: list[Line], index: int) -> bool:
    """A heading follows a blank line, the top of the file, or the end of a sentence."""
    if index == 0 or not lines[index - 1].text:
        return True
    return _SENTENCE_END.search(lines[index - 1].text) is not None


def _non_blank(lines: list[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.text]


def _is_title_part(text: str) -> bool:
    """The second line of a wrapped headline: short, no bullet, no sentence or clause ending."""
    return 1 <= len(text.split()) <= _MAX_TITLE_WORDS and not _BULLET_START.match(text) and text[-1] not in ".,;:"


def _title_before(lines: list[Line], indices: list[int], k: int) -> list[int] | None:
    """Line numbers of the headline that ends just before non-blank line number k, if there is one."""
    last = indices[k - 1]
    if not _is_title_part(lines[last].text):
        return None
    if is_headline(lines[last].text) and _is_boundary_before(lines, last):
        return [last]
    first = last - 1
    if (k >= 2 and indices[k - 2] == first and is_headline(lines[first].text)
            and _is_boundary_before(lines, first) and not _SENTENCE_END.search(lines[first].text)):
        return [first, last]  # a headline wrapped over two lines
    return None


def _dated_starts(lines: list[Line]) -> list[_Start]:
    starts: list[_Start] = []
    indices = _non_blank(lines)
    for k in range(1, len(indices)):
        meta = parse_meta_line(lines[indices[k]].text)
        title = _title_before(lines, indices, k) if meta else None
        if meta is None or title is None:
            continue
        text = " ".join(lines[i].text for i in title)
        starts.append(_Start(title[0], indices[k] + 1, text, meta[0], meta[1]))
    return starts


def _numbered_candidates(lines: list[Line]) -> tuple[list[tuple[int, _Start]], list[tuple[int, int]]]:
    """Numbered headline lines followed by text, and every numbered line as (line index, number)."""
    indices = _non_blank(lines)
    found_numbers = [_NUMBERED.match(lines[i].text) for i in indices]
    numbered = [(index, int(found.group(1))) for index, found in zip(indices, found_numbers, strict=True) if found]
    candidates = []
    for k, index in enumerate(indices):
        found = found_numbers[k]
        if not found or not is_headline(found.group(2)) or k + 1 == len(indices):
            continue
        next_is_numbered = found_numbers[k + 1] is not None  # then this line is a list or contents entry
        after_list = k > 0 and found_numbers[k - 1] is not None
        if not next_is_numbered and (after_list or _is_boundary_before(lines, index)):
            candidates.append((int(found.group(1)), _Start(index, index + 1, found.group(2))))
    return candidates, numbered


def _numbered_starts(lines: list[Line]) -> list[_Start]:
    """The longest run of headings numbered 1, 2, 3 ... in order, preferring the run that leaves the other
    numbered lines inside each item as proper lists of their own (1, 2, ...), so a list inside an item
    does not take the item's place."""
    candidates, numbered = _numbered_candidates(lines)
    if len(candidates) > _MAX_NUMBERED_CANDIDATES:
        return []

    def untidy(start: int, end: int) -> int:
        inside = [number for index, number in numbered if start < index < end]
        return 0 if inside == list(range(1, len(inside) + 1)) else 1

    @functools.cache
    def best_from(position: int) -> tuple[int, int, tuple[int, ...]]:
        """(items, -untidy segments, chain) for the best run continuing from candidate `position`."""
        number, start = candidates[position]
        best: tuple[int, int, tuple[int, ...]] = (1, -untidy(start.index, len(lines)), (position,))
        for following, (next_number, next_start) in enumerate(candidates):
            if next_number == number + 1 and next_start.index > start.index:
                length, tidiness, chain = best_from(following)
                option = (length + 1, tidiness - untidy(start.index, next_start.index), (position, *chain))
                best = max(best, option)
        return best

    runs = [best_from(position) for position, (number, _) in enumerate(candidates) if number == 1]
    chain = max(runs)[2] if runs else ()
    return [candidates[position][1] for position in chain] if len(chain) >= _MIN_NUMBERED_ITEMS else []


def _is_caps_headline(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (len(letters) >= 6 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
            and len(text.split()) >= 2 and is_headline(text) and text.lower().strip(" :") not in _SECTION_WORDS)


def _caps_starts(lines: list[Line]) -> list[_Start]:
    return [_Start(i, i + 1, line.text) for i, line in enumerate(lines)
            if _is_caps_headline(line.text) and _is_boundary_before(lines, i)]


def _with_body(lines: list[Line], starts: list[_Start]) -> list[_Start]:
    """Drop contents-page entries: headings followed directly by the next heading."""
    kept = []
    for position, start in enumerate(starts):
        end = starts[position + 1].index if position + 1 < len(starts) else len(lines)
        if any(line.text for line in lines[start.body_start:end]):
            kept.append(start)
    return kept


def find_items(lines: list[Line]) -> list[Item]:
    """Items of a compilation (text before the first heading becomes an untitled item); [] when none found."""
    starts = _with_body(lines, _dated_starts(lines))
    if not starts:
        starts = _numbered_starts(lines)
        if len(starts) < 2:
            starts = _with_body(lines, _caps_starts(lines))
        if len(starts) < 2:
            return []
    items: list[Item] = []
    preamble = lines[:starts[0].index]
    if any(line.text for line in preamble):
        items.append(Item(None, None, None, [line.text for line in preamble], preamble[0].page, preamble[-1].page))
    for position, start in enumerate(starts):
        end = starts[position + 1].index if position + 1 < len(starts) else len(lines)
        body = lines[start.body_start:end]
        pages = [line.page for line in lines[start.index:end] if line.text] or [lines[start.index].page]
        items.append(Item(start.title, start.published, start.category, [line.text for line in body],
                          pages[0], pages[-1]))
    return items


def _join(previous: str, line: str) -> str:
    """Undo a line wrap: a hyphen at the end of a line joins without a space."""
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
        return previous + line
    return f"{previous} {line}"


def reflow(lines: list[str]) -> str:
    """Hard-wrapped PDF lines to paragraphs separated by blank lines; bullets and headings stay on their own."""
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: str | None = None
    previous_line = ""
    for line in lines:
        starts_block = bool(_BULLET_START.match(line))
        short_end = bool(previous_line) and (_SENTENCE_END.search(previous_line) is not None
                                            and len(previous_line) < 0.8 * width)
        if current is not None and (not line or starts_block or short_end):
            paragraphs.append(current)
            current = None
        if line:
            if current is None and is_headline(line) and len(line) < 0.6 * width:
                paragraphs.append(line)  # a heading inside the item
            else:
                current = line if current is None else _join(current, line)
        previous_line = line
    if current is not None:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)

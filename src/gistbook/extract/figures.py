"""Figures: money in units with an ISO currency, percentages, and counts or measures with what they count.

"₹1,200 crore" → 1.2e10 INR; "$21.96 billion" → 2.196e10 USD; "12 per cent" → 12 percent; "25 lakh farmers"
→ 2.5e6 "farmers"; "1,305 km" → 1305 "km"; "Six Metro Rail projects" → 6 "Metro Rail projects". Years, dates,
ordinals, list numbers, identifiers and phone numbers are not figures. Each figure gets the period and the
subject it is about (figure_context).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gistbook.extract.figure_context import bullet_index, figure_period, figure_subject
from gistbook.extract.figure_words import (
    COLLECTIVE,
    CURRENCY_CODES,
    DEFINITE,
    ID_WORDS,
    LEADING_ADJECTIVES,
    MEASURES,
    MODIFIER_GERUNDS,
    NOT_PLURAL,
    OBJECT_STARTERS,
    QUANTIFIERS,
    STOP,
)
from gistbook.extract.numbers import NUMBER, NUMBER_WORD, SCALE, parse_number, scale_factor
from gistbook.extract.spans import ClaimedSpans, SpanIndex, sentence_spans, url_spans
from gistbook.records import Figure, TimeExpr

_PREFIX = (
    r"(?P<cur>US\s?\$|USD|US\s+[Dd]ollars?|CAD\s?\$?|C\$|A\$|AUD|S\$|SGD|\$|₹|(?:Rs|RS|rs)\.?|INR|"
    r"Rupees?|RUPEES?|€|EUR|£|GBP|¥|JPY|Yen)"
)
_SCALE = rf"(?P<scale>(?i:{SCALE})|B|M|K)"
_MONEY = re.compile(
    rf"(?<![A-Za-z0-9]){_PREFIX}\s*~?\s*(?P<num>{NUMBER})(?:\s*(?:[-–]|to)\s*(?P<num2>{NUMBER}))?"
    rf"(?:\s*-?\s*{_SCALE})?(?![a-z0-9])(?:\s*(?P<cur2>USD|INR|dollars?))?(?:\s*/-)?"
)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER})(?:\s*-?\s*{_SCALE})?\s+(?P<cur>(?:US\s+)?dollars?|rupees?|euros?|yen|"
    r"pounds?\s+sterling|USD|INR|EUR|JPY|GBP)\b"
)
_BARE_CRORE = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER}|(?i:{NUMBER_WORD}))\s+(?P<scale>(?i:(?:lakhs?|thousand)\s+crores?))\b"
)
_SPOKEN_COMPOUND = re.compile(r"\b(?:lakhs?|crores?|hundred|thousand)\s+(?:and\s+)?$", re.IGNORECASE)
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER})(?:\s*%?\s*(?:[-–]|to)\s*(?P<num2>{NUMBER}))?\s*"
    r"(?P<pct>%|per\s?cent(?:age\s+points?)?\b|percent(?:age\s+points?)?\b|percentage\s+points?\b)",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?<![\w.,/#@&₹$–-])(?:(?P<low>{NUMBER})(?:[-–]\s*|\s+[-–]\s+|\s+to\s+))?(?P<num>{NUMBER}|(?i:{NUMBER_WORD}))"
    r"(?:\s*(?P<scale>(?i:lakhs?|lacs?|crores?|million|billion|thousand|hundred)))?(?=\s+[‘“\"']?[A-Za-z])",
)
_UNITS_OF = re.compile(r"\s+(?:units?|numbers?|nos\.?)\s+of\s+(?=[A-Za-z‘“\"'])", re.IGNORECASE)
_VERSION = re.compile(r"[A-Z][A-Za-z-]*\s+$")  # "JJM 2.0", "Industry 4.0", "Poshan 2.0" are names
_HAS_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'’&-]*|[^\sA-Za-z]")
_QUOTED_TITLE = re.compile(r"[“\"][A-Z][^“”\"]{0,120}[”\"]")  # “Formation and Promotion of 10,000 FPOs” is a name
_MT_IS_MILLION = re.compile(r"million\s+(?:metric\s+)?tonnes\s*\(\s*MT\s*\)", re.IGNORECASE)
_NUMBER_WORD_RE = re.compile(rf"\b{NUMBER_WORD}\b", re.IGNORECASE)


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # money, percent, count


def _is_plural(word: str) -> bool:
    lower = word.lower().rstrip("'’\"”")
    if lower in COLLECTIVE or lower.endswith("men"):
        return True
    return (
        len(lower) > 3
        and lower.endswith("s")
        and lower not in NOT_PLURAL
        and not lower.endswith("ss")
        and not word.rstrip("'’\"”").endswith("ous")  # "prosperous" is no plural; "MoUs" is
    )


def _segments(text: str, start: int) -> tuple[list[list[re.Match[str]]], str]:
    """The words after a number up to a stop word or a sign, cut at "and"; and what stopped them."""
    segments: list[list[re.Match[str]]] = [[]]
    taken = 0  # words so far, "and" included
    for token in _TOKEN.finditer(text, start, min(len(text), start + 100)):
        word = token.group()
        if not word[0].isalpha():
            return segments, word
        lowered = word.lower().rstrip(".")
        if taken == 6:
            return segments, lowered
        taken += 1
        if lowered in ("and", "&") and segments[-1]:
            segments.append([])
            continue
        current = segments[-1]
        if lowered in STOP:
            return segments, lowered
        if (
            current
            and _is_plural(current[-1].group())
            and word.endswith(("ing", "ed"))
            and word.islower()
            and word not in MODIFIER_GERUNDS
        ):
            return segments, lowered  # "200 experts representing key Ministries" counts experts
        current.append(token)
    return segments, ""


def _conjunct_fits(conjunct: list[re.Match[str]], stopper: str) -> bool:
    """Whether "and" joins a second counted set to the first.

    "States and Union Territories," is one set; "members and operates a …", "meetings and four workshops",
    "kilometres and approvals granted" are not.
    """
    if not conjunct or len(conjunct) > 4 or not _is_plural(conjunct[-1].group()):
        return False
    if _NUMBER_WORD_RE.fullmatch(conjunct[0].group()):
        return False
    return not (stopper[:1].isdigit() or stopper in OBJECT_STARTERS or stopper[:1] in "₹$€£")


def _counted_noun(text: str, start: int) -> tuple[str, int, float] | None:
    """(unit, end offset, factor) of what a number counts: a measure ("km") or a plural noun phrase."""
    units_of = _UNITS_OF.match(text, start)
    if units_of:
        start = units_of.end()  # "62,836 units of cages" counts cages
    opening = re.match(r"\s*[‘“\"']", text[start:])
    if opening:
        start += opening.end()  # 3 crore ‘Lakhpati Didis’
    first = _TOKEN.search(text, start, min(len(text), start + 100))
    if first and first.group().lower() == "metric":
        start = first.end()  # "lakh metric tonnes" are tonnes
        first = _TOKEN.search(text, start, min(len(text), start + 100))
    if first and first.group()[0].isalpha() and first.group().lower().rstrip(".") in MEASURES:
        unit, factor = MEASURES[first.group().lower().rstrip(".")]
        return unit, first.end(), factor
    segments, stopper = _segments(text, start)
    head = segments[0]
    if len(segments) > 1 and head and _is_plural(head[-1].group()):
        # a plural, then "and": a second plural set is counted with it, anything else ends the phrase
        after = segments[2][0].group().lower() if len(segments) > 2 and segments[2] else stopper
        words = [*head, *segments[1]] if _conjunct_fits(segments[1], after) else head
    else:
        words = [token for segment in segments for token in segment][:6]  # "road and rail projects"
    while words and not _is_plural(words[-1].group()):
        words.pop()
    while words and words[0].group().lower() in LEADING_ADJECTIVES and len(words) > 1:
        words.pop(0)
    if not words:
        return None
    end = words[-1].end() - (len(words[-1].group()) - len(words[-1].group().rstrip("'’\"”")))
    return text[words[0].start() : end], end, 1.0


def _money(text: str) -> Iterator[_Found]:
    for m in _MONEY.finditer(text):
        code = CURRENCY_CODES.get(re.sub(r"\s+", " ", m["cur"]).lower().replace(" $", "$"), "")
        if m["cur2"] and m["cur2"].upper() in ("USD", "INR"):
            code = m["cur2"].upper() if code in ("", "USD") else code
        code = code or "USD"
        factor = scale_factor(m["scale"])
        first = parse_number(m["num"])
        if first is not None:
            yield _Found(m.start(), m.end() if not m["num2"] else m.end("num"), first * factor, code, "money")
        second = parse_number(m["num2"]) if m["num2"] else None
        if second is not None:
            yield _Found(m.start("num2"), m.end(), second * factor, code, "money")
    for m in _MONEY_SUFFIX.finditer(text):
        number = parse_number(m["num"])
        if number is not None:
            code = CURRENCY_CODES.get(re.sub(r"^us\s+", "us ", m["cur"].lower()), m["cur"].upper()[:3])
            yield _Found(m.start(), m.end(), number * scale_factor(m["scale"]), code, "money")
    for m in _BARE_CRORE.finditer(text):
        number = parse_number(m["num"])
        if _SPOKEN_COMPOUND.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "one lakh sixty thousand crore" is a spoken compound this rule would misread
        if number is not None:  # "4 lakh crore order value": Indian releases write rupees this way
            yield _Found(m.start(), m.end(), number * scale_factor(m["scale"]), "INR", "money")


def _percents(text: str) -> Iterator[_Found]:
    for m in _PERCENT.finditer(text):
        unit = "percentage points" if "point" in m["pct"].lower() else "percent"
        first = parse_number(m["num"])
        if first is not None:
            yield _Found(m.start(), m.end() if not m["num2"] else m.end("num"), first, unit, "percent")
        second = parse_number(m["num2"]) if m["num2"] else None
        if second is not None:
            yield _Found(m.start("num2"), m.end(), second, unit, "percent")


def _is_version(before: str) -> bool:
    """A ".0" number right after a name or an acronym ("Mission 2.0", "JJM 2.0") is a version, not a count."""
    found = _VERSION.search(before)
    return found is not None and found.group().split()[0].lower() not in QUANTIFIERS


def _counts(text: str) -> Iterator[_Found]:
    million_mt = _MT_IS_MILLION.search(text) is not None
    for m in _COUNT.finditer(text):
        number = parse_number(m["num"])
        if number is None or (not m["num"][0].isdigit() and number < 2):
            continue
        before = re.findall(r"[A-Za-z.]+", text[max(0, m.start() - 15) : m.start()])
        previous = before[-1].lower().rstrip(".") if before else ""
        if previous in ID_WORDS and m["num"][0].isdigit():
            continue  # "Phase 2", "Section 8", "Train No. 12951" are names, not counts
        if previous in DEFINITE and not m["num"][0].isdigit() and number <= 10:
            continue  # "the two countries" refers; "the twenty-nine subjects" still tells how many
        if m["num"].endswith(".0") and not m["scale"] and _is_version(text[max(0, m.start() - 25) : m.start()]):
            continue  # "JJM 2.0 aims to …" is a name
        noun = _counted_noun(text, m.end())
        if noun is None:
            continue
        unit, end, factor = noun
        if re.match(r"\s*(?:[Ss]cheme|[Pp]rogramme|[Mm]ission|[Yy]ojana)\b", text[end : end + 12]):
            continue  # "the 10,000 FPOs scheme" is a name
        scale = scale_factor(m["scale"])
        if m["scale"] == "Million" and unit == "Units":
            unit, scale = "MU", 1.0  # power generation: "45855 Million Units (MUs)"
        if million_mt and text[m.end() : end].strip() == "MT":
            factor = 1e6  # the text defined "million tonnes (MT)"
        low = parse_number(m["low"]) if m["low"] else None
        if low is not None and low < number:  # "3 to 4 metres", "10-12 lakh farmers": both ends are figures
            yield _Found(m.start("low"), m.end("low"), low * scale * factor, unit, "count")
        elif low is not None and text[m.end("low")] in "-–":
            continue  # no range and no figure: "2020-21", "1800-11-4000"
        yield _Found(m.start("num"), end, number * scale * factor, unit, "count")


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    """Money and percentages before counts; the first claim on a span keeps it."""
    chosen: list[_Found] = []
    claimed = ClaimedSpans()
    for item in found:  # every figure's span holds its number, so none is empty
        if claimed.is_free(item.start, item.end):
            claimed.claim(item.start, item.end)
            chosen.append(item)
    return sorted(chosen, key=lambda f: f.start)


def find_figures(text: str, bullet_no: int, time_exprs: list[TimeExpr]) -> list[Figure]:
    """Every figure in one bullet, with its period (from `time_exprs`) and the subject it measures."""
    if not text or not _HAS_DIGIT.search(text) and not _NUMBER_WORD_RE.search(text):
        return []
    own = [t for t in time_exprs if t.bullet_no == bullet_no]
    times = [(t.start, t.end) for t in own]
    blocked = url_spans(text)
    links = SpanIndex(blocked)
    money_and_percent = [f for f in [*_money(text), *_percents(text)] if not links.overlaps(f.start, f.end)]
    titles = [m.span() for m in _QUOTED_TITLE.finditer(text)]
    taken = SpanIndex(blocked + times + titles)
    counts = [f for f in _counts(text) if not taken.overlaps(f.start, f.end)]
    sentences = sentence_spans(text)
    figures: list[Figure] = []
    floor = 0
    chosen = _non_overlapping([*money_and_percent, *counts])
    spans = [(f.start, f.end) for f in chosen]
    index = bullet_index(text, own, spans)
    for item in chosen:
        figures.append(
            Figure(
                value=float(f"{item.value:.12g}"),
                unit=item.unit,
                text=text[item.start : item.end].strip(),
                bullet_no=bullet_no,
                start=item.start,
                end=item.end,
                period=figure_period(text, item.start, item.end, own, sentences, spans, index),
                subject=figure_subject(text, item.start, floor, sentences, own, index),
            )
        )
        floor = item.end
    return figures

"""Dated events: every dated statement of an article, plus the article's own news on its publication day.

An event's text is its sentence; a sentence listing several dates ("elevated to X in 2000, Y in 2006 and
Z in 2014") is split clause-wise, each later clause borrowing the shared subject and verb ("… elevated to Y
in 2006"). A statement opening with "The Bill" or "The agreement" names what it refers to (coreference).
Only calendar dates and fiscal years make events: durations, recurrences, clock times, weeks, decades and
"today" (the news itself, already the title event) do not; one date gives one event per bullet. Which dates
date the event is event_dates.py's; the headline's event is headlines.py's; a clause is shown only when it
stands on its own (standalone.py).
"""

from __future__ import annotations

import datetime as dt
import re

from gistbook.extract.coreference import resolve_description
from gistbook.extract.event_dates import NOT_HAPPENED, SPOKEN_FRAME, STATISTIC, event_date
from gistbook.extract.headlines import dated_by_its_report, news_event
from gistbook.extract.spans import sentence_spans
from gistbook.records import Article, EntityMention, Event, TimeExpr
from gistbook.standalone import FINISHED, self_contained

_EVENT_DATE = re.compile(r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|\d{4}-Q[1-4]|FY\d{4}-\d\d(?:-[QH]\d)?)$")
_TODAY = re.compile(r"^(?:today|tonight)$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:[-‐‑‒–—]|to|till|until|and|through)\s*$", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^[\s,;:)\]]*(?:(?:and|while|whereas|but|then|followed\s+by|as\s+well\s+as)\b[\s,]*)*", re.IGNORECASE
)
_VERB_WORDS = {
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "became",
    "become",
    "came",
    "come",
    "began",
    "begun",
    "set",
    "held",
    "led",
    "won",
    "took",
    "made",
    "joined",
    "signed",
    "launched",
    "entered",
    "saw",
    "marks",
    "marked",
    "aims",
    "seeks",
    "hosted",
    "met",
    "visited",
    "rose",
    "grew",
    "fell",
    "totalled",
    "reached",
    "established",
}
_DETERMINERS = {"the", "a", "an", "its", "their", "this", "these", "those", "his", "her"}
_PARTICLES = {"to", "as", "into", "with", "by"}
_MAX_TEXT = 300
# A sentence that plans, aims or forecasts tells no past event, whatever dates it names.

def _eligible(expr: TimeExpr) -> bool:
    return expr.type == "DATE" and bool(_EVENT_DATE.match(expr.value)) and not _TODAY.match(expr.text.strip())


def _verb_positions(text: str) -> list[tuple[int, int]]:
    """(start, end) of words that look like finite verbs or participles."""
    found: list[tuple[int, int]] = []
    previous = ""
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group()
        lowered = word.lower()
        participle = word.islower() and len(word) > 4 and lowered.endswith("ed") and previous not in _DETERMINERS
        if lowered in _VERB_WORDS and word.islower() or participle:
            found.append(m.span())
        previous = lowered
    return found


def _clause_end(sentence: str, after: int) -> int:
    """Where the clause holding a date ends: the next comma, semicolon or "and" after it, else the sentence's end."""
    found = re.compile(r",\s|;\s|\s(?:and|but|while|whereas)\s(?!\d)").search(sentence, after)
    return found.start() if found else len(sentence)


def _groups(exprs: list[TimeExpr], text: str) -> list[list[TimeExpr]]:
    """Dates of one sentence, ranges ("from 2000 to 2014") kept together as one group."""
    groups: list[list[TimeExpr]] = []
    for expr in exprs:
        if groups and _RANGE_GAP.match(text[groups[-1][-1].end : expr.start]):
            groups[-1].append(expr)
        else:
            groups.append([expr])
    return groups


def _clause_text(sentence: str, s_start: int, groups: list[list[TimeExpr]], index: int) -> str:
    """Text for the index-th date group of a sentence listing several: its clause, with borrowed subject/verb."""
    first_end = groups[0][-1].end - s_start
    own_at = groups[index][0].start - s_start
    start = 0
    if index > 0:  # the clause starts at the boundary after the previous date, not right after it
        boundary = _clause_end(sentence, groups[index - 1][-1].end - s_start)
        start = boundary if boundary < own_at else groups[index - 1][-1].end - s_start
    end = len(sentence) if index == len(groups) - 1 else _clause_end(sentence, groups[index][-1].end - s_start)
    clause = sentence[start:end]
    if index == 0:
        rest = sentence[end:].lstrip(" ,")
        if re.match(r"\w+", rest) and _verb_positions(rest[: rest.find(" ") + 1 or None]):
            return sentence  # "X, signed in 2016, entered into force in 2017": the date sits in an aside
        return clause
    clause = _LEAD_IN.sub("", clause).strip(" ,;)")
    own_verbs_first = _verb_positions(clause)
    if own_verbs_first and own_verbs_first[0][0] > 0 and not re.match(r"The\s|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s",
                                                                      clause):
        return sentence  # no subject of its own that reads as one: keep the whole statement
    head = sentence[:first_end]
    verbs = _verb_positions(head)
    if not verbs:
        return clause
    own_verbs = _verb_positions(clause)
    if own_verbs and own_verbs[0][0] > 0:
        return clause  # a clause with its own subject and verb stands alone
    subject = head[: verbs[0][0]].strip(" ,")
    if own_verbs:
        return f"{subject} {clause}"
    verb_end = verbs[-1][1]
    group_start = groups[0][0].start - s_start
    after_verb = head[verb_end:group_start]
    particle = re.match(r"\s+(\w+)\b", after_verb)
    if particle and particle.group(1).lower() in _PARTICLES:
        return f"{head[: verb_end + particle.end()].strip()} {clause}"
    # "New Delhi in November 2019, Tokyo in September 2022": what precedes a listed date may be a place or an
    # object rather than the subject, and no rebuilt clause is safe; leave it out
    return ""


# where a long sentence may be cut: before a side remark that adds to a whole clause ("…, which …", "…, marking …"),
# never inside a list ("to strengthen governance, enhance transparency, …") or before the clause's own object
_SAFE_CUT = re.compile(r"[,;]\s+(?=(?:which|who|whose|where|marking|making|bringing|thereby|including|while|whereas"
                       r"|with\s+(?:a|an|the)|as\s+(?:a|an|part|per)|[a-z]{4,}ing)\b)")


def _shorten(text: str) -> str:
    """One line of at most ~300 characters: a longer sentence is cut before a side remark after its date, else
    kept whole up to what a learner is shown (standalone.MAX_CHARS); a cut mid-list would leave a fragment."""
    text = " ".join(text.split())
    if len(text) <= _MAX_TEXT:
        return text
    cuts = [m.start() for m in _SAFE_CUT.finditer(text, 0, _MAX_TEXT) if m.start() > 80]
    return text[:cuts[-1]] if cuts else text


def _bullet_events(
    text: str, bullet_no: int, exprs: list[TimeExpr], previous: tuple[str, int], entities: list[EntityMention],
    published: str = "",
) -> list[Event]:
    events: list[Event] = []
    for s_start, s_end in sentence_spans(text):
        here = [e for e in exprs if s_start <= e.start < s_end]
        sentence = text[s_start:s_end]
        if not here or NOT_HAPPENED.search(sentence):
            continue
        spoken = SPOKEN_FRAME.search(sentence)
        if spoken and spoken.start() < here[0].start - s_start:
            continue  # the dates are what a speaker mentioned; the sentence's own event is the speech
        statistic = STATISTIC.search(sentence) is not None
        groups = [g for g in _groups(here, text) if event_date(text, s_start, g, published, statistic)]
        prior_text, prior_no = (text[:s_start], bullet_no) if s_start > 0 else previous
        if len(groups) == 1 and not FINISHED.search(sentence):
            continue  # no full stop: a heading, a list item or a sentence the page cut off ("… has requested all")
        for index, group in enumerate(groups):
            clause = sentence if len(groups) == 1 else _clause_text(sentence, s_start, groups, index)
            clause = _shorten(resolve_description(clause, prior_text, prior_no, entities))
            if self_contained(clause):
                # a range ("held from 11 to 15 November") is dated by its start
                events.append(Event(date=group[0].value, text=clause, bullet_no=bullet_no))
    return events


LEAD_BULLETS = 3  # the opening sentences, where a release says when its news happened


def _cited_day(news: Event, others: list[Event], time_exprs: list[TimeExpr]) -> Event:
    """The headline event, citing the bullet that gives its day: a dated event of the week before (see
    dated_by_its_report), else an opening sentence whose date ("today", "on 12 March") is the publication day;
    bullet_no -1 when none does."""
    for e in others:
        if e.date == news.date and e.bullet_no >= 0:
            return Event(date=news.date, text=news.text, bullet_no=e.bullet_no)
    for expr in sorted(time_exprs, key=lambda x: (x.bullet_no, x.start)):
        if expr.bullet_no < LEAD_BULLETS and expr.type == "DATE" and expr.value == news.date:
            return Event(date=news.date, text=news.text, bullet_no=expr.bullet_no)
    return Event(date=news.date, text=news.text, bullet_no=-1)


def find_events(article: Article, time_exprs: list[TimeExpr], entities: list[EntityMention],
                written: dt.date | None = None) -> list[Event]:
    """Events of one article in reading order; the same date at most once per bullet. `written`: the day its
    dateline gives, when that is not its publication day (the headline's news happened then)."""
    bullets = article.bullets()
    events: list[Event] = []
    news = news_event(article)
    if news is not None and written is not None:
        news = Event(date=written.isoformat(), text=news.text, bullet_no=news.bullet_no)
    if news and bullets:
        events.append(news)
    by_bullet: dict[int, list[TimeExpr]] = {}
    for expr in time_exprs:
        if _eligible(expr) and 0 <= expr.bullet_no < len(bullets):
            by_bullet.setdefault(expr.bullet_no, []).append(expr)
    for bullet_no in sorted(by_bullet):
        previous = (bullets[bullet_no - 1].text, bullet_no - 1) if bullet_no > 0 else ("", -1)
        exprs = sorted(by_bullet[bullet_no], key=lambda e: e.start)
        events.extend(_bullet_events(bullets[bullet_no].text, bullet_no, exprs, previous, entities,
                                     (article.published or "")[:10]))
    if news and bullets:
        events[0] = dated_by_its_report(news, events[1:])
        if article.kind != "note":  # a trainer's note writes its date in its own header ("• Sep 10")
            events[0] = _cited_day(events[0], events[1:], time_exprs)
            if events[0].bullet_no < 0:
                events.pop(0)  # no sentence gives the day: a dateline alone does not date the news
    seen: set[tuple[str, int]] = set()
    unique: list[Event] = []
    for event in events:
        if (event.date, event.bullet_no) not in seen:
            seen.add((event.date, event.bullet_no))
            unique.append(event)
    return unique

"""Dated events: every dated statement of an article, plus the article's own news on its publication day.

An event's text is its sentence; a sentence listing several dates ("elevated to X in 2000, Y in 2006 and
Z in 2014") is split clause-wise, each later clause borrowing the shared subject and verb ("… elevated to Y
in 2006"). A statement opening with "The Bill" or "The agreement" names what it refers to (coreference).
Only calendar dates and fiscal years make events: durations, recurrences, clock times, weeks, decades and
"today" (the news itself, already the title event) do not; one date gives one event per bullet.
"""

from __future__ import annotations

import datetime as dt
import re

from gistbook.extract.coreference import resolve_description
from gistbook.extract.spans import sentence_spans
from gistbook.records import Article, EntityMention, Event, TimeExpr, date_sort_key
from gistbook.standalone import has_finite_verb, self_contained

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
_NOT_HAPPENED = re.compile(
    r"\b(?:will|shall|would|could|should|may|might|must)\b|"
    r"\b(?i:to be (?:held|launched|organi[sz]ed|completed|conducted)|is to|are to|is set to|are set to|"
    r"scheduled|plans? to|planned|proposed|expected|projected|likely|intends? to|by the end of|deadline|"
    r"upcoming|forthcoming|next|last\s+date|due\s+date)\b"
)
# Words right before a date that make it a reference point, not the time of the sentence's event: a data
# period or an as-on date ("for the month of January 2026", "as on 28.02.2026"), the start of a comparison
# ("since 2014", "from 82.53% at the end of Sep-25", "compared to 2019"), a deadline ("by 2030"), or a
# date that only names what is referred to ("the Tokyo meeting of September 2022").
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:since|as\s+on|as\s+of|as\s+at|till|until|up\s*to|upto|ending|ended|by|before|prior\s+to|"
    r"compared\s+(?:to|with)|"
    r"than|over|against|vis-[aà]-vis|for\s+the\s+(?:month|quarter|year|period|week)\s+of|"
    r"in\s+the\s+(?:month|quarter|period)\s+of|at\s+the\s+end\s+of|end\s+of|levels?\s+of|"
    r"of|per)\s*(?:the\s+)?(?:\w+\s+)?$)",
    re.IGNORECASE,
)
# a law, policy or rule named with its year after a comma: "the Drugs & Cosmetics Act, 1940"
_INSTRUMENT_YEAR = re.compile(r"\b(?:Act|Acts|Code|Rules|Regulations?|Policy|Bill|Ordinance|Order|Scheme|Guidelines|"
                              r"Examination|Exam|Report|Survey|Awards?|Games|Olympiad|Summit|Census|Budget|"
                              r"Amendment\)?)\s*[,–—-]?\s*$")
_DOCUMENT_DATED = re.compile(r"\b(?:as\s+per|under|in\s+terms\s+of|pursuant\s+to|according\s+to|in\s+line\s+with)\b"
                             r"[^,.;]{0,80}\b(?:dated|dt\.?)\s*$", re.IGNORECASE)
_COMPARED_FROM = re.compile(r"\bfrom\s+[^,;]*\d[^,;]{0,30}$", re.IGNORECASE)  # "from 39.7% in January"
# a figure reported for a month or a quarter ("The urban LFPR was estimated at 50.4% in February 2026") is a
# statistic dated by its data period, not an event
_STATISTIC = re.compile(r"\b(?:stood|stands|estimated|remained|remains|recorded|was|were|is|are|at|rose|fell|"
                        r"increased|decreased|declined|improved|dropped|grew)\b[^.;]{0,40}\d[\d.,]*\s*(?:%|per\s*cent|"
                        r"percent)|\b(?:estimated|stood|stands|projected|pegged|placed|worked\s+out)\s+at\b",
                        re.IGNORECASE)
# a figure with its unit, and words that make it a running total rather than something that happened once
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per\s*cent|percent|crore|lakh|million|billion|trillion|tonnes?|MT|LMT|MW|GW|"
                     r"km|units)\b|[₹$€£¥]\s?\d", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:cumulative(?:ly)?|so\s+far|till\s+date|to\s+date|since\s+inception|in\s+all|"
                         r"a\s+total\s+of)\b", re.IGNORECASE)
_ONWARDS = re.compile(r"\s*(?:onwards|onward|and\s+beyond|till\s+date|to\s+date)\b", re.IGNORECASE)
# a headline reports news when it has a verb of news in it (present, past or participle)
_HEADLINE_VERBS = """
launch inaugurate sign approve clear announce meet met hold held chair visit receive host
conclude begin began complete win won take took taken laid dedicate unveil notify notifie
extend pay paid congratulate greet condole emphasize emphasise highlight urge laud organise organize conduct
achieve rise rose grow grew fall fell reach agree adopt join provide allocate commission
deliver celebrate observe felicitate disburse establish surpass exceed touch become became elect appoint sworn
assume reject enact amend ratify ratifie grant bag secure capture rescue evacuate seize arrest
attack kill strike struck collapse erupt explode crash hail attend participate interact dispatch sail
arrive depart dock induct decommission demonstrate showcase exhibit perform inspect witness say said ask
direct invite revise evaluate introduce reaffirm affirm assert stress reiterate handed operationalise
operationalize cognizance
widen deepen strengthen boost expand step ink seal vow pledge eye okay nod clinch
outline propose probe warn slam hike ease lift ban curb renew resume halt suspend
scrap revive restore get give tie seek sought kick notch surge jump dip slip
slide climb soar plunge discuss explore welcome condemn mourn salute commemorate okays nods bolster
enhance upgrade elevate forge
""".split()  # noqa: SIM905 (a word list reads better as text)
# words that are nouns as often as verbs count only in a verb's form: "Reviews", "Released", "Opens", "Laid"
_NOUNISH_VERBS = """
state order set end test fire land record screen present mark train hand table post top back log clock frame draft
push cross open pass close start roll share address issue transfer register award honour honor call review release
sanction hit cut light flag""".split()  # noqa: SIM905
_HEADLINE_VERB = re.compile(r"\b(?:(?:" + "|".join(_HEADLINE_VERBS) + r")(?:s|es|d|ed)?|(?:"
                            + "|".join(_NOUNISH_VERBS) + r")ed|laid|built|held|set\s+up|"
                            r"sets?(?=\s+(?:a|an|the|new|record|[₹$¥€£\d])))\b",
                            re.IGNORECASE)
# a headline about what is yet to happen: "PM to visit Japan", "Conference to be held in March"
_HEADLINE_FUTURE = re.compile(r"\b(?:to\s+be|will|shall|set\s+to)\b|\bto\s+[a-z]+", re.IGNORECASE)
# what a headline that is a label rather than news opens with
_SPEECH_TITLE = re.compile(r"\b(?:says|said|calls\s+for|urges|asserts|stresses|remarks|writes|tweets)\b|"
                           r":\s*[A-Z][\w. ]+$", re.IGNORECASE)
_LABEL_TITLE = re.compile(r"^(?:Congratulations|English rendering|Text of|Transcript|Speech|Address|Statement|Remarks|"
                          r"Curtain[- ]raiser|Steps\s+taken|Measures\s+(?:to|for|taken)|Progress\s+of|"
                          r"Implementation\s+of|Press (?:release|note)|Corrigendum|Addendum|List of|Details of|"
                          r"Highlights|Year[- ]End Review|"
                          r"Quick estimates?|Status of|Summary of|Index of|Report on|Notice|Advisory|Tender|"
                          r"Recruitment|Result|Schedule)\b|\b(?:Highlights|Results?|Outcomes|Statement)$",
                          re.IGNORECASE)
# A clause that opens between the main verb and the date puts the date in a side remark: "replacing the one
# signed in 2008", "which was signed in 2016", "following the meeting in 2022".
_SIDE_CLAUSE = re.compile(r"(?:,\s*|\s)(?:which|who|whom|whose|where|replacing|following|after|preceding|"
                          r"compared\s+(?:to|with)|as\s+against|against|vis-[aà]-vis|"
                          r"succeeding|superseding|when|that\s+(?:was|were|had|has)|since)\s", re.IGNORECASE)
# a year written into a name: "Census-2027", "Vision 2030", "LEADS 2025", "Exam 2026", "Budget Quest 2026"
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w&’'.]*|\b[A-Z]{2,}[\w]*)\)?,?[\s‐‑–—-]*$")
_DATE_WORDS = re.compile(r"^(?:In|On|During|Since|From|By|Till|Until|At|Of|For|And|To|The|Between|After|Before|"
                         r"Jan\w*|Feb\w*|Mar\w*|Apr\w*|May|Jun\w*|Jul\w*|Aug\w*|Sep\w*|Oct\w*|Nov\w*|Dec\w*|"
                         r"Mon\w*|Tue\w*|Wed\w*|Thu\w*|Fri\w*|Sat\w*|Sun\w*|FY|Q[1-4]|H[12])$")


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


def _after_published(value: str, published: str) -> bool:
    """A date later than the day of publication (at the date's own precision): a plan, not a past event."""
    if not published:
        return False
    key = date_sort_key(value)
    return key[:4].isdigit() and key > date_sort_key(published)[: len(key)]


def _names_a_year(text: str, expr: TimeExpr) -> bool:
    """The year is part of a name ("Vision 2030", "Census-2027", "LEADS 2025", "the Drugs and Cosmetics Act,
    1940", "RE 2025-26"), not the time of an event."""
    before = text[max(0, expr.start - 30) : expr.start]
    if _INSTRUMENT_YEAR.search(before):
        return True
    if not re.fullmatch(r"\d{4}|FY\d{4}-\d\d", expr.value) or not re.match(r"\d{4}", expr.text.strip()):
        return False
    found = _NAME_BEFORE.search(before)
    if found is None:
        return False
    word = found.group(0).strip(" -")
    return not _DATE_WORDS.match(word)


def _reference_date(text: str, s_start: int, expr: TimeExpr) -> bool:
    """The date marks a reference point, a data period or a side remark rather than when the sentence's
    main event happened (see _REFERENCE_BEFORE and _SIDE_CLAUSE)."""
    before = text[max(s_start, expr.start - 60) : expr.start]
    if re.search(r"\bas\s+(?:on|of|at)\s*$", before, re.IGNORECASE) or _ONWARDS.match(text, expr.end):
        return True
    if re.search(r"\bbase\s+year\b", before, re.IGNORECASE) or _DOCUMENT_DATED.search(before):
        return True  # a base year, or the date of a document the sentence only cites ("as per the Order dated …")
    if re.search(r"\b(?:every|each|annually|yearly)\b", before, re.IGNORECASE):
        return True  # "announced every year on 23rd January" recurs; it is no one event
    if re.search(r"\bfor\s+$", before) or _COMPARED_FROM.search(before) and re.match(r"[^.;]{0,60}\bto\b",
                                                                                       text[expr.end :]):
        return True  # "for February 2026" is a data period; "rose from 39.7% in January to 40%" starts a change
    if text.count("(", s_start, expr.start) > text.count(")", s_start, expr.start):
        return True  # a date in brackets is an aside: "(including the pilot phase in 2022)"
    if _REFERENCE_BEFORE.search(before) and not re.search(r"(?<!as)\s(?:in|on|during)\s+(?:the\s+)?$", before, re.I):
        return True
    head = text[s_start : expr.start]
    verb_at = next((m.start() for m in re.finditer(r"\S+", head) if has_finite_verb("x " + m.group())), None)
    side = list(_SIDE_CLAUSE.finditer(head))
    return bool(side and verb_at is not None and side[-1].start() > verb_at)


def _month_or_quarter(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-(?:\d\d|Q[1-4])|FY\d{4}-\d\d-[QH]\d", value))


def _fiscal_end(value: str) -> str:
    """The last month of a fiscal year value: FY2025-26 ends in 2026-03."""
    start = int(value[2:6])
    return f"{start + 1:04d}-03"


def _period_range(group: list[TimeExpr]) -> bool:
    """A range of whole years or fiscal years ("2004–2013", "FY2020-21 to FY2024-25") is a period that data
    cover, not an event; a range of days or months ("held from 11 to 15 November") is one event."""
    return len(group) > 1 and all(len(e.value) == 4 or e.value.startswith("FY") for e in group)


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


def _shorten(text: str) -> str:
    """One line, at most ~300 characters, cut at a clause boundary after the date when longer."""
    text = " ".join(text.split())
    if len(text) <= _MAX_TEXT:
        return text
    cut = max(text.rfind(", ", 0, _MAX_TEXT), text.rfind("; ", 0, _MAX_TEXT))
    return text[:cut] if cut > 80 else text[:_MAX_TEXT].rsplit(" ", 1)[0]


def _event_date(text: str, s_start: int, group: list[TimeExpr], published: str, statistic: bool) -> bool:
    """Whether a date (or a range, by its start) says when the sentence's event happened."""
    first = group[0]
    if any(_after_published(e.value, published) for e in group) or _period_range(group):
        return False  # a plan, or a period still running; a span of whole years is a period data cover
    if statistic or _CUMULATIVE.search(text, s_start) and _FIGURE.search(text, s_start):
        return False  # a figure dated by its data period ("estimated at 50.4% in February 2026") is no event
    if _month_or_quarter(first.value) and _FIGURE.search(text, s_start) and re.search(
            r"\b(?:for|in|during|of)\s+(?:the\s+month\s+of\s+)?$", text[max(s_start, first.start - 25) : first.start]):
        return False  # "output rose 4.8% in January 2026": a monthly or quarterly figure, not an event
    if first.value.startswith("FY") and published and date_sort_key(first.value)[:7] <= published[:7] \
            and _fiscal_end(first.value) >= published[:7]:
        return False  # the fiscal year still running when the item was published is a period, not an event
    if re.match(r"\s*(?:[a-z]+\s+)?(?:riots?|war|march|edition|elections?|games|attacks?|session|batch|census|"
                r"floods?|crisis|summit|conference|agreement|accord|treaty|budget|act|policy)\b",
                text[first.end : first.end + 30]) \
            and re.search(r"\bthe\s+$", text[max(0, first.start - 5) : first.start]):
        return False  # "the 1984 riots", "the 2022 edition": the year names another event than the sentence's
    return not _names_a_year(text, first) and not _reference_date(text, s_start, first)


def _bullet_events(
    text: str, bullet_no: int, exprs: list[TimeExpr], previous: tuple[str, int], entities: list[EntityMention],
    published: str = "",
) -> list[Event]:
    events: list[Event] = []
    for s_start, s_end in sentence_spans(text):
        here = [e for e in exprs if s_start <= e.start < s_end]
        sentence = text[s_start:s_end]
        if not here or _NOT_HAPPENED.search(sentence):
            continue
        statistic = _STATISTIC.search(sentence) is not None
        groups = [g for g in _groups(here, text) if _event_date(text, s_start, g, published, statistic)]
        prior_text, prior_no = (text[:s_start], bullet_no) if s_start > 0 else previous
        for index, group in enumerate(groups):
            clause = sentence if len(groups) == 1 else _clause_text(sentence, s_start, groups, index)
            clause = _shorten(resolve_description(clause, prior_text, prior_no, entities))
            if self_contained(clause):
                # a range ("held from 11 to 15 November") is dated by its start
                events.append(Event(date=group[0].value, text=clause, bullet_no=bullet_no))
    return events


def _news_event(article: Article) -> Event | None:
    """The article's own news: its title on its publication day (only when the day is known)."""
    published = article.published or ""
    if article.published_precision not in (None, "day") or not re.match(r"^\d{4}-\d\d-\d\d", published):
        return None
    title = " ".join(article.title.split())
    if _LABEL_TITLE.match(title) or _SPEECH_TITLE.search(title) or title.isupper() \
            or not self_contained(title + ".", need_verb=False):
        return None
    verb, future = _HEADLINE_VERB.search(title), _HEADLINE_FUTURE.search(title)
    if verb is None or future is not None and (future.start() <= verb.start() or "be" in future.group().lower()):
        return None  # a label ("English rendering of PM's address") or a shouted heading is not an event
    return Event(date=published[:10], text=title, bullet_no=0)


_TITLE_WORDS = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def _dated_by_its_report(news: Event, others: list[Event]) -> Event:
    """The news of an item happened when its own text says, when that is a day in the week before publication
    that a bullet ties to the headline's words ("… set ¥10 trillion goal at Tokyo summit", published two days after
    "… held the 15th Annual Summit in Tokyo on August 29"); else on the day it was published."""
    title = {w.lower() for w in _TITLE_WORDS.findall(news.text)}
    published = dt.date.fromisoformat(news.date)
    best: tuple[int, str] | None = None
    for e in others:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", e.date):
            continue
        gap = (published - dt.date.fromisoformat(e.date)).days
        shared = len(title & {w.lower() for w in _TITLE_WORDS.findall(e.text)})
        if 0 < gap <= 7 and shared >= 2 and (best is None or shared > best[0]):
            best = (shared, e.date)
    return Event(date=best[1], text=news.text, bullet_no=news.bullet_no) if best else news


def find_events(article: Article, time_exprs: list[TimeExpr], entities: list[EntityMention]) -> list[Event]:
    """Events of one article in reading order; the same date at most once per bullet."""
    bullets = article.bullets()
    events: list[Event] = []
    news = _news_event(article)
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
        events[0] = _dated_by_its_report(news, events[1:])
    seen: set[tuple[str, int]] = set()
    unique: list[Event] = []
    for event in events:
        if (event.date, event.bullet_no) not in seen:
            seen.add((event.date, event.bullet_no))
            unique.append(event)
    return unique

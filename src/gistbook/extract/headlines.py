"""The news of an item as a timeline event: its headline, on the day the item reports, when the headline says what
happened (a verb of news, no plan, no speech line, not a label such as "English rendering of …")."""

from __future__ import annotations

import datetime as dt
import re

from gistbook.records import Article, Event
from gistbook.standalone import self_contained

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
# courtesies are no events a learner dates: greetings on a festival, condolences, tributes, thanks, a verse shared
_COURTESY_TITLE = re.compile(r"\b(?:greet\w*|wish(?:es|ed)|condol\w*|congratulat\w*|felicitat\w*|tributes?|homage"
                             r"|mourn\w*|salutes?|thank\w*|Subhashitam|shares?\s+(?:a|his|her)\s+\w+"
                             r"|birth\s+anniversary|(?:Jayanti|Diwas)\b)", re.IGNORECASE)
# A clause that opens between the main verb and the date puts the date in a side remark: "replacing the one
# signed in 2008", "which was signed in 2016", "following the meeting in 2022".


def news_event(article: Article) -> Event | None:
    """The article's own news: its title on its publication day (only when the day is known)."""
    published = article.published or ""
    if article.published_precision not in (None, "day") or not re.match(r"^\d{4}-\d\d-\d\d", published):
        return None
    title = " ".join(article.title.split())
    if _LABEL_TITLE.match(title) or _SPEECH_TITLE.search(title) or title.isupper() or _COURTESY_TITLE.search(title) \
            or not self_contained(title + ".", need_verb=False):
        return None
    verb, future = _HEADLINE_VERB.search(title), _HEADLINE_FUTURE.search(title)
    if verb is None or future is not None and (future.start() <= verb.start() or "be" in future.group().lower()):
        return None  # a label ("English rendering of PM's address") or a shouted heading is not an event
    return Event(date=published[:10], text=title, bullet_no=0)


_TITLE_WORDS = re.compile(r"[A-Za-z][A-Za-z-]{3,}")


def dated_by_its_report(news: Event, others: list[Event]) -> Event:
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



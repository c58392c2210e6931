"""What an aspirant would accept in a question: plausible acronym distractors, statements that state a fact,
people who are people, offices written as offices, events that happened at a point in time.

Every check here only ever *drops* material; none of them decides truth (that stays in truth.py and
relations.py), so the answer keys are exactly as strict as before.
"""

from __future__ import annotations

import functools
import re

from gistbook.standalone import AUX as _AUX
from gistbook.standalone import IRREGULAR as _IRREGULAR
from gistbook.standalone import has_finite_verb

# ---- acronyms ---------------------------------------------------------------------------------------------

_MINOR = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "&"})


def acronym_letters(short: str) -> str:
    """The letters an acronym spells: its capitals ("MoPNG" → MPNG), or all its letters when it has few."""
    capitals = "".join(c for c in short if c.isupper())
    return capitals if len(capitals) >= 2 else "".join(c for c in short.upper() if c.isalpha())


def initials(expansion: str) -> str:
    """First letters of the expansion's significant words ("Ministry of Petroleum & Natural Gas" → MPNG)."""
    words = re.findall(r"[A-Za-z]+", expansion.replace("-", " ").replace("–", " "))
    return "".join(w[0].upper() for w in words if w.casefold() not in _MINOR)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@functools.lru_cache(maxsize=200_000)
def resembles(short: str, expansion: str) -> bool:
    """True when `expansion` could pass for a spelling-out of `short`: same first letter, about as many
    words as the acronym has letters, and initials at most one letter in three away from it. A wrong
    expansion that fails this ("ICDS" → "Indian Council of Social Science Research") gives itself away."""
    a, b = acronym_letters(short), initials(expansion)
    if not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    return _distance(a, b) <= max(1, len(a) // 3)


def askable_acronym(short: str) -> bool:
    """An acronym worth a question: three letters or more ("RE", "FR" are too slight to ask about)."""
    return len(acronym_letters(short)) >= 3


# ---- statements --------------------------------------------------------------------------------------------

# a verb in the base form opening a sentence is an instruction ("Reduce fossil fuel imports …"), not a fact
_IMPERATIVE = re.compile(
    r"^(?:reduce|use|expand|move|ensure|promote|strengthen|build|create|develop|boost|increase|enhance|improve|"
    r"provide|make|encourage|adopt|focus|leverage|establish|accelerate|support|facilitate|achieve|generate|"
    r"save|cut|set|invest|deepen|explore|prioriti[sz]e|address|streamline|simplify|scale|harness|integrate|"
    r"align|attract|empower|foster|mobili[sz]e|position|reform|revive|tap|unlock|widen|work|avoid|reach|"
    r"double|triple|bring|cover|train|link|connect|enable|offer|raise|lower|add|launch|push|plug|fill|aims|"
    r"seeks|provides|includes|involves|involvement|introduction|release|launch|inauguration|setting|"
    r"organisation|organization|conduct|distribution)\b",
    re.IGNORECASE)
_QUANTITY_HEADLINE = re.compile(r"^(?:over|more than|nearly|about|around|approximately|almost|above|up to|"
                                r"some)?\s*[\d₹$]", re.IGNORECASE)
# future plans and programme logistics: what will happen at an event is not a fact to examine
_ANNOUNCEMENT = re.compile(
    r"\b(?:will|shall|is set to|are set to|is scheduled to|are scheduled to|is expected to|is likely to|"
    r"is to|are to|would)\s+(?:also\s+)?(?:be\s+)?(?:inaugurat|lay|laid|visit|attend|address|launch|chair|"
    r"participat|dedicat|releas|hold|held|meet|interact|witness|flag|organi[sz]|host|presid|unveil|felicitat|"
    r"grace|deliver|take part|showcase|feature|conclud|begin|commenc|start|embark|travel|call on|review|"
    r"distribut|hand over|honou?r|inspect|visit|open|perform|present|sign|discuss|unveil|screen)",
    re.IGNORECASE)
_PROCEDURAL = re.compile(
    r"\b(?:organi[sz](?:e|ed|es|ing)|inaugural session|technical sessions?|plenary|presided|closing remarks|"
    r"opening remarks|vote of thanks|welcome address|keynote|felicitat\w*|was attended by|were present|"
    r"in the presence of|graced|consolidated and|reports? published|screening of|curtain[- ]raiser|"
    r"walkthroughs?|press conference|exhibitors?|stalls?|workshops?|webinars?|symposium|prior to the|"
    r"on the occasion|will witness|deliberations?|dignitaries|delegates|participants|gathering|"
    r"showcas\w+|highlight of|brainstorm\w*|interactive session|panel discussion|valedictory|"
    r"cultural programme|roadshow|launch event|today|annexures?|highlights|celebrations?|fireside|on display|"
    r"guests? of honou?r|chief guest|mentioned|website|seeking (?:inputs|comments|suggestions)|"
    r"paid (?:homage|tributes?)|ceremon(?:y|ial)|convocation|vast experience|alumnus|assignments|"
    r"credentials|accompanied by|presented (?:before|to)|solicit|"
    r"(?:launched|approved|announced|introduced) the (?:scheme|mission|programme)|drive tests?|walk tests?|"
    r"www|testament|toured|as part of the visit|proceedings|during the (?:event|meeting|visit|programme)|"
    r"were distributed|profiled|"
    # a warning or a permission rather than a fact: "stringent action may be taken under the Acts"
    r"(?:may|might|can|could)\s+be\s+(?:taken|initiated|imposed|considered|availed|approached|contacted)|"
    r"in tandem|round[- ]the[- ]clock|close(?:ly)? monitor\w*)\b",
    re.IGNORECASE)
# "will" states a plan; only an entitlement ("… will be entitled to …", "will get ₹…") is a scheme's fact
_FUTURE = re.compile(r"\b(?:will|shall|would|is expected to|are expected to|is set to|are set to|is likely to|"
                     r"are likely to|is planned|are planned|is proposed|are proposed|is to be|are to be)\b"
                     r"(?!\s+(?:also\s+)?(?:be entitled|be eligible|get|receive|be given|be paid|be provided|cover|"
                     r"have access))", re.IGNORECASE)
_HEADING_GLUED = re.compile(r"^About [A-Z]|\s(?:Launched|Started|Established|Founded|Introduced)\s(?:on|in)\b")
# a claim about a party, made in a speech, is politics rather than an examinable fact
_PARTISAN = re.compile(r"\b(?:UPA|NDA|BJP)\b|(?<!Mobile )(?<!World )(?<!Science )(?<!National )\bCongress\b"
                       r"(?! of| Centre| Hall| Party of)")
# a figure repeated after a hyphen at the end ("… for poor families-9.5 lakh."): spoken emphasis, not prose
_SPOKEN_ECHO = re.compile(r"[A-Za-z]-\d[\d.,]*(?:\s+[a-z]+){0,3}\W*$")
_CONJUNCTION_START = re.compile(r"^(?:and|but|so|yet|or|nor|because|though|although|then|instead|similarly|"
                                r"likewise|consequently|therefore|accordingly|thereafter|of which|of these)\b|\bhere\b|"
                                r"\bthe same\b",
                                re.IGNORECASE)  # "Then …", "… built here …": the sentence leans on its context
# "Adoption of the Charter …, supported by 22 countries": a list item named by its act, with no verb of its own
_NOMINAL = re.compile(r"^[A-Z][a-z]+(?:tion|ment|sion|ance|ence|ing|al)s?\s+(?:of|to|for|in|on)\b")
_LABEL = re.compile(r"^[^:]{1,100}:\s")  # "Note: …", "Signing of X: …" — a heading glued onto a sentence


# praise and aspiration: a line made of them cannot be false, so it tests nothing ("has emerged as a
# people-centric movement", "worked in tandem to broaden participation", "provide an important foundation")
_EVALUATIVE = re.compile(r"\b(?:significant(?:ly)?|important|powerful|major|remarkable|robust|vibrant|"
                         r"transformative|transformation|tandem|foundation|milestone|landmark|historic|unprecedented|"
                         r"people[-‑ ]centric|movement|ecosystem|momentum|commitment|vision|aspirations?|focus+ed on|"
                         r"emerged as|witnessing|broad-based|inclusive|holistic|seamless|world-class|steady|strides|"
                         r"affordable|good quality)\b",
                         re.IGNORECASE)
# what makes a line a fact even among words of praise: it records a founding, a law, a mandate or a first
_DEFINING = re.compile(r"\b(?:launched|established|set up|notified|signed|enacted|constituted|founded|headquartered|"
                       r"located|comprises|introduced|implemented|approved|ratified|adopted|designated|defined|"
                       r"nodal|administered|regulates|prevents|provides|first|largest|highest)\b", re.IGNORECASE)


def vague_claim(text: str, has_fact: bool) -> bool:
    """Praise or aspiration rather than a fact ("Indian Railways is focussed on providing affordable, good quality
    services"): the more a line holds (a date or figure, a defining verb), the more praise it may carry. Words
    in a name ("Transformative Industrialization Scheme") are not praise."""
    praise = sum(1 for found in _EVALUATIVE.finditer(text) if not found.group()[:1].isupper() or found.start() == 0)
    allowed = 1 + bool(has_fact) + bool(_DEFINING.search(text))
    return praise >= allowed


def fact_sentence(text: str) -> bool:
    """A sentence that states an examinable fact: not an instruction, a headline fragment, a label, a plan
    for an event or a note on how an event was run."""
    text = text.strip()
    if _IMPERATIVE.match(text) or _LABEL.match(text) or _CONJUNCTION_START.search(text) \
            or _HEADING_GLUED.search(text) or not has_finite_verb(text):
        return False
    if _FUTURE.search(text) or _PARTISAN.search(text) or _SPOKEN_ECHO.search(text):
        return False
    if (_QUANTITY_HEADLINE.match(text) or _NOMINAL.match(text)) and not (_AUX.search(text)
                                                                         or _IRREGULAR.search(text)):
        return False  # "Over 3.19 crore women reached with awareness initiatives."
    return not _ANNOUNCEMENT.search(text) and not _PROCEDURAL.search(text)


# ---- people and offices --------------------------------------------------------------------------------------

_TITLE_WORDS = frozenset({
    "general", "forces", "force", "admiral", "marshal", "air", "chief", "minister", "secretary", "president",
    "governor", "shri", "smt", "dr", "prof", "professor", "mr", "mrs", "ms", "sir", "hon", "honble", "hon’ble",
    "justice", "lt", "col", "colonel", "major", "captain", "commander", "brigadier", "lieutenant", "ambassador",
    "director", "chairman", "chairperson", "ceo", "mp", "mla", "his", "her", "excellency", "the", "and", "of",
    "prime", "union", "deputy", "officer", "commissioner", "speaker", "army", "navy", "naval", "staff",
    "veteran", "journalist", "senior", "noted", "eminent", "renowned", "late", "padmashri",
    "defence", "vice", "chancellor", "mission", "state", "ji",
})
_INSTITUTION_WORDS = frozenset({
    "university", "institute", "institution", "college", "school", "pilani", "sala", "ltd", "limited", "council",
    "ministry", "department", "board", "bank", "committee", "commission", "foundation", "trust", "nations",
    "group", "company", "corporation", "society", "association", "agency", "authority", "centre", "center",
    "hospital", "academy", "india", "government", "pvt", "bharat", "national", "international", "federation",
    "organisation", "organization", "laboratory", "labs", "office", "embassy", "port", "airport", "railway",
    "railways", "vaidya", "mandapam", "park", "district", "zone", "award", "awards", "rise", "applauds",
    "padma", "bhushan", "vibhushan", "ratna", "puraskar", "samman", "vidyalaya", "vidyalayas", "schools",
    "kendra", "kendras", "sangathan", "samiti", "yojana", "abhiyan", "scheme", "programme", "lyonpo", "dasho",
})


def person_name(name: str) -> bool:
    """A name that is a person's and nothing else: two to five capitalised words (initials allowed), with no
    title word ("Forces General Luciano Portolano") and no institution ("BITS Pilani")."""
    words = name.replace(".", ". ").split()
    if not 2 <= len(words) <= 5 or name.rstrip().endswith("."):
        return False  # a name ends in a surname, not an initial or an abbreviation ("Hails St.")
    for word in words:
        bare = word.strip(".,’'")
        if not bare or not bare[0].isupper() or bare.casefold() in _TITLE_WORDS | _INSTITUTION_WORDS:
            return False
        if len(bare) >= 3 and bare.isupper():
            return False  # "BITS": an acronym, not a name (two capitals are initials: "GS Shekhawat")
        if any(c.isdigit() for c in bare):
            return False
    return True


_OFFICE_MINOR = frozenset({"of", "and", "for", "the", "&", "in", "on", "to", "at"})
# title words that name no post on their own: an office made only of these says nothing about whose post it is
_GENERIC_TITLE = frozenset({
    "additional", "secretary", "mission", "director", "joint", "chief", "representative", "country", "state",
    "project", "vice", "chancellor", "deputy", "minister", "group", "general", "manager", "officer", "executive",
    "member", "chairman", "chairperson", "president", "head", "senior", "principal", "adviser", "advisor",
    "commissioner", "governor", "union", "special", "managing", "former", "acting", "assistant", "under",
    "scientist", "professor", "dean", "registrar", "controller", "officiating", "programme", "program",
    "coordinator", "consultant", "team", "leader", "lead", "founder", "co-founder", "trustee", "physician",
    "superintendent", "inspector", "collector", "magistrate", "district", "chief-", "national", "regional",
    "zonal", "divisional", "prime", "cabinet-rank", "spokesperson", "envoy", "mayor", "the", "of", "and",
    "rear", "admiral", "marshal", "major", "lieutenant", "colonel", "brigadier", "captain", "commodore",
    "goodwill", "ambassador", "brand", "honorary", "emeritus", "ceo", "parliament", "schools",
})
# "of the State", "of the Alliance": a generic body, so the office does not say whose it is
_WHOSE = re.compile(r"\bof the (?:State|Alliance|Country|Ministry|Department|Government|Organisation|Institute|"
                    r"Association|Society|Council|Board|Committee|Company|Corporation|University|Mission|Scheme|"
                    r"Programme|Region|District|Zone|City|Centre|Center|Commission|Authority|Agency|Group)$")
_RANKS = frozenset({"admiral", "general", "marshal", "colonel", "brigadier", "captain", "commodore", "major"})
# honorifics, adjectives and party posts are not part of an office's name
_NOT_OFFICE = re.compile(r",\s*(?:the|of|and)\b|\b(?:H\.?E\.?|Hon(?:’|')?ble|Honourable|Right|Excellency|"
                         r"Shri|Smt|Dr|Popular|Dynamic|Respected|Former|Ex|BJP|Congress|INC|AAP|DMK|AIADMK|TMC|CPI|CPM|Party|Ministers|Members|Secretaries|"
                         r"Officers|Directors)\b\.?")


def clean_office(office: str) -> bool:
    """An office written as a title-case phrase that names a post ("Chief Minister of Goa", "Cabinet
    Secretary"): starting with a capital, no stray words around it, and more than generic title words."""
    text = office.strip()
    if not text or not text[0].isupper() or len(text) > 70 or re.search(r"[(\[–—]|\s-|-$|\bThe\b.", text[1:]):
        return False
    words = re.findall(r"[\w’'&.-]+", text)
    if len(words) < 2:
        return False
    for word in words:
        if word.casefold() in _OFFICE_MINOR:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False  # a lower-case word inside a title: text around the office leaked in
    if words[-1].casefold() in _OFFICE_MINOR or text.endswith((",", "-")):
        return False
    if _WHOSE.search(text) or _NOT_OFFICE.search(text):
        return False  # "Chief Minister of the State": which state? "Prime Minister of Israel, H.E": debris
    if words[-1].casefold() in _RANKS:
        return False  # "National Armaments Director Admiral": a rank glued on
    significant = [w.casefold().strip(",") for w in words if w.casefold() not in _OFFICE_MINOR]
    if not any(w in _POSTS or w.rstrip("s") in _POSTS for w in significant):
        return False  # no post named at all: "PM SHRI Kendriya Vidyalaya" is a school, not an office
    return any(w not in _GENERIC_TITLE for w in significant)


# the head words of an office: without one, a phrase names a place or an institution, not a post
_POSTS = frozenset({
    "minister", "mantri", "secretary", "director", "chairman", "chairperson", "chair", "governor", "president",
    "ambassador", "chief", "commissioner", "adviser", "advisor", "officer", "ceo", "head", "chancellor",
    "vice-chancellor", "judge", "justice", "general", "representative", "member", "speaker", "leader", "mayor",
    "collector", "trustee", "founder", "scientist", "professor", "dean", "envoy", "consul", "attorney",
    "registrar", "controller", "manager", "staff", "commander", "admiral", "marshal", "principal", "coordinator",
    "spokesperson", "auditor", "comptroller", "deputy", "mos", "vice-president", "vice", "lieutenant", "high",
})


def clean_body(name: str) -> bool:
    """A body or agreement named the way a pair can show it: a whole name, not a bare acronym ("RDSS : 2016"
    asks the reader to expand it first) and not a heading glued onto a name ("Defence and Security
    Welcoming the Memorandum …")."""
    words = name.split()
    if not words or not name[:1].isupper() or len(words) > 10:
        return False
    if len(words) == 1 and sum(c.isupper() for c in name) >= 2:
        return False
    return not any(w.endswith("ing") and w[:1].isupper() for w in words[1:])

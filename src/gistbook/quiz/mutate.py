"""Make false statements from true ones by changing exactly one element, each checked against the knowledge base."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from gistbook.link.series import MEASURES
from gistbook.quiz.kb import KnowledgeBase, Mark, Sentence
from gistbook.quiz.quality import acronym_letters, fact_sentence, initials, person_name, resembles, vague_claim
from gistbook.quiz.regions import neighbours
from gistbook.quiz.text import NUMBER_IN_TEXT, NUMBER_WORDS, YEAR, format_like, parse_number
from gistbook.quiz.truth import Verdict, evaluate
from gistbook.quiz.worthiness import WORTHY, worthiness
from gistbook.standalone import is_anaphoric, self_contained
from gistbook.text import MONTH_NAMES, SHORT_MONTHS

MIN_CHARS, MAX_CHARS = 40, 300
# A swapped country could still be true where the sentence lists members or participants, so those are skipped.
MEMBERSHIP = re.compile(r"\b(join|joined|member|members|membership|such as|including|includes|alongside|among|"
                        r"participat\w*|partners|countries)\b", re.IGNORECASE)
# Reported speech, first person, glued sentences and page debris do not make exam statements.
SPEECH = re.compile(r"\b(?:said|says|stated|spoke|speaking|noted|highlighted|emphasi[sz]ed|underlined|stressed|"
                    r"appreciated|expressed|congratulat\w*|lauded|praised|urged|called upon|assured|thanked|"
                    r"welcomed|hoped|believes?|reflected|reaffirmed|remarked|observed|pointed out|added|informed|"
                    r"recalled|acknowledged|affirmed|reiterated|delivering|addressing|we|our|my|you|your|he|she|him|"
                    r"his|they|them)\b", re.IGNORECASE)
DEBRIS = re.compile(r"\bI\b|[a-z][.!?][A-Z]|[a-z]{3}[A-Z][a-z]|PHOTO|@|https?:|\.{3}|…|\bClick\b|\bAnnexure\b|\[\d+\]")
_MONTHS = "|".join((*MONTH_NAMES, *(m.capitalize() for m in SHORT_MONTHS), "In", "On", "By", "Since", "From", "Until",
                    "During", "Till"))
_FY = re.compile(r"(\d{4})(\s*[-–]\s*)(\d{2}|\d{4})\b")
_NUMBER = NUMBER_IN_TEXT


@dataclass
class Variant:
    """A false statement: `sentence` with `old` changed to `new`, and the verdict that proves it false."""

    text: str
    sentence: Sentence
    old: str
    new: str
    change: str
    verdict: Verdict


def standalone(sentence: Sentence) -> bool:
    """A sentence that can be a statement on its own: a fact of readable length, with no back-reference, no
    reported speech, no page debris, enough in it to test (a date or figure, or two named things), and of the
    kind past papers ask about (quiz.worthiness)."""
    text = sentence.text.strip()
    weight = sum(2 if mk.kind in ("year", "figure") else 1 for mk in sentence.marks
                 if mk.kind != "entity" or fold_name(mk.value) != "india")
    people = sum(1 for mk in sentence.marks if mk.kind == "entity" and mk.type == "person")
    named = {fold_name(mk.value or mk.text) for mk in sentence.marks if mk.kind == "entity"} - {"india"}
    checkable = len(named) >= 2 or any(mk.kind in ("year", "figure") for mk in sentence.marks)
    return (MIN_CHARS <= len(text) <= MAX_CHARS and text[:1].isupper() and weight >= 2 and people < 3
            and self_contained(text)
            and not is_anaphoric(text) and not SPEECH.search(text) and not DEBRIS.search(text) and not _listing(text)
            and "?" not in text and not text.endswith(":") and fact_sentence(text) and worthiness(text) >= WORTHY
            and not NEVER_ASKED.search(text) and not GLUED_HEADING.search(text)
            and not unnamed_reference(text) and not vague_claim(text, checkable))


# what a statement never rests on: a figure to two decimals, a department's budget line, a time only its
# release knows ("last night", "on Thursday", "currently")
NEVER_ASKED = re.compile(r"\b\d+\.\d{2}\b|\b(?:B\.E\.|R\.E\.|Budget Estimates?|Revised Estimates?)|\b(?:last night|"
                         r"this (?:morning|evening|week|month)|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|currently|"
                         r"presently|recently|at present|(?:last|this|previous|next) (?:year|month|week)|"
                         r"on the (?:first|second|third|last|final) day|earlier this|later this)\b|"
                         # single cases and legal citations: a commission's note on one media report, a merger
                         # cleared, a notification's number
                         r"\bcogni[sz]ance of (?:a |the )?(?:media|news) reports?\b|\bapproved the (?:proposed )?"
                         r"(?:combination|acquisition|merger)\b|\bG\.S\.R\.|\bS\.O\.\s*\d|\bnotification No\b|"
                         r"\bclause \(\d+\)|"
                         # a budget estimate written short ("BE 2026-27", "RE 2025-26")
                         r"(?-i:\b[BR]E\s+20\d\d\b)", re.IGNORECASE)
# "Signing of the Social Security Agreement: India has signed 22 …": a heading glued to its text
GLUED_HEADING = re.compile(r"^[^.:;]{8,120}:\s+\S")
# "the scheme", "the Regulations": a thing only the sentence before names
GENERIC_REFERENCE = re.compile(r"\b(?:[Tt]he|[Ee]ach|[Tt]his|[Tt]hese) (?:[a-z]+ )?(?:[Ss]cheme|[Mm]ission|"
                               r"[Pp]rogramme|[Pp]rogram|[Pp]lan|[Pp]roject|[Ii]nitiative|[Pp]olicy|[Rr]egulations|"
                               r"[Rr]ules|[Pp]ortal|[Pp]latform|[Ff]acility|[Ff]und|[Ss]tate|[Cc]ommittee|[Aa]ct|[Bb]ill|"
                               r"[Aa]uthority|[Aa]wards?|[Ee]xamination|[Ee]xam|[Rr]akes?|[Ee]vent|[Cc]ampaign|"
                               r"[Cc]onference|[Ss]ummit|[Cc]entre|[Cc]orridor|[Pp]lant|[Rr]eport|[Cc]ompany|"
                               r"[Ss]ector|[Cc]risis|[Cc]ountry|[Aa]greement|[Tt]reaty|[Pp]act|[Aa]ccord|[Dd]eal|"
                               r"MoU|[Mm]emorandum|[Pp]artnership|[Cc]onvention|[Dd]eclaration|[Gg]ames|"
                               r"[Ff]estival|[Ee]xhibition|[Tt]ournament|[Cc]ompetition|[Ee]xercise|[Dd]ialogue|"
                               r"[Mm]eeting|[Vv]isit|[Dd]elegation|[Nn]ode|[Bb]enefit|[Ss]ession|[Ee]dition|"
                               r"[Oo]rgani[sz]ation|[Bb]ody|[Aa]gency|[Ii]nstitute|[Vv]essel|[Ss]hip|[Ss]atellite|"
                               r"[Ii]ncident|[Aa]ccident|[Jj]ournal|[Oo]peration|[Pp]rocess|[Dd]rive|[Ww]orkshop|"
                               r"[Ff]est|[Tt]eam|[Pp]anel)\b"
                               r"(?!\s+(?:of|for|on)\s+[A-Z])|"
                               r"\b(?:their|her|his)\b")


def unnamed_reference(text: str) -> bool:
    """It points at "the scheme" before naming any: no capitalised name precedes the reference."""
    for found in GENERIC_REFERENCE.finditer(text):
        before = text[:found.start()].split()[1:]  # the sentence's first word is capitalised anyway
        if not any(w[:1].isupper() for w in before):
            return True
    return False


def _listing(text: str) -> bool:
    """A line of names and titles (a dais list, a heading) rather than a sentence: mostly capitalised words."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if w.casefold() not in ("of", "and", "the", "for", "in")]
    return len(words) >= 6 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def false_variants(kb: KnowledgeBase, sentence: Sentence, rng: random.Random, limit: int = 2,
                   published_year: int | None = None) -> list[Variant]:
    """Up to `limit` verified-false versions of `sentence`, each with one element changed."""
    out: list[Variant] = []
    marks = list(sentence.marks)
    rng.shuffle(marks)
    for mark in marks:
        if tied(sentence, mark) or BOUND.search(sentence.text[:mark.start]):
            # changing it would make the sentence contradict itself (a give-away), or a bound ("over 5,000")
            # lowered would still be true (a disputed key)
            continue
        for new in replacements(kb, sentence, mark, rng, published_year):
            text = _agreeing(sentence.text[:mark.start], new) + new + sentence.text[mark.end:]
            verdict = evaluate(kb, text, [sentence.bullet_id])
            if verdict.truth is False:
                out.append(Variant(text, sentence, mark.text, new, verdict.change or mark.kind, verdict))
                break
        if len(out) >= limit:
            break
    return out


FROM_TO = re.compile(r"\bfrom\s*(?:₹|Rs\.?|\$|USD|INR)?\s*$", re.IGNORECASE)
FROM_TO_END = re.compile(r"\bfrom\s+\S*\d[^.;]{0,40}?\bto\s*(?:₹|Rs\.?|\$|USD|INR)?\s*$", re.IGNORECASE)
# numbers read with a vowel sound first: eight, eleven, eighteen, eighty…, eight hundred…
_VOWEL_NUMBER = re.compile(r"^(?:8|11(?!\d)|11[,\d]{3}(?!\d)|18(?!\d)|18[,\d]{3}(?!\d)|8\d)")


def _agreeing(before: str, new: str) -> str:
    """The text before a changed element with its article made to fit the new one ("a 80%" gives an edit
    away): "a" or "an" by the sound the new element starts with."""
    found = re.search(r"\b([Aa])(n?)\s+$", before)
    if found is None:
        return before
    starts_vowel = bool(_VOWEL_NUMBER.match(new)) if new[:1].isdigit() else new[:1].lower() in "aeio"
    article = found.group(1) + ("n" if starts_vowel else "")
    return before[:found.start()] + article + before[found.end(2):]


BOUND = re.compile(r"\b(?:at least|at most|over|more than|above|nearly|almost|about|around|approximately|"
                   r"up to|upto|less than|under|below|close to|in excess of|exceeding|some)"
                   r"\s*(?:₹|Rs\.?|\$|USD|INR)?\s*$", re.IGNORECASE)


def tied(sentence: Sentence, mark: Mark) -> bool:
    """A number the sentence's other numbers determine: a sum, difference, product or quotient of two of them
    ("3 instalments of ₹2,000, ₹6,000 a year"; "1926 … 100 years … 2026")."""
    found = NUMBER_IN_TEXT.search(mark.text)
    value = parse_number(found.group(0)) if found else None
    if value is None:
        return False
    others = [v for m in NUMBER_IN_TEXT.finditer(sentence.text[:mark.start] + " " + sentence.text[mark.end:])
              if (v := parse_number(m.group(0))) is not None]
    pairs = [(a, b) for i, a in enumerate(others) for b in others[i + 1:]]
    return any(abs(a + b - value) < 1e-6 or abs(abs(a - b) - value) < 1e-6 or abs(a * b - value) < 1e-6
               or (b and abs(a / b - value) < 1e-6) or (a and abs(b / a - value) < 1e-6)
               for a, b in pairs)  # ("₹6,000 a year in three instalments of ₹2,000": the part is the whole / 3)


def replacements(kb: KnowledgeBase, sentence: Sentence, mark: Mark, rng: random.Random,
                  published_year: int | None) -> list[str]:
    if mark.kind == "year":
        return _other_years(sentence, mark, rng, published_year)
    if mark.kind == "figure":
        after, before = sentence.text[mark.end:], sentence.text[:mark.start]
        if len(mark.text.split()) > 4 or re.search(r"[’']s\b", mark.text):
            return []  # a figure span that swallowed the words after it ("12 stations uses Japan’s")
        if re.match(r"\s*[-–]\s*\d", after) or re.search(r"\d\s*[-–]\s*$", before):
            return []  # one end of a range ("$45-50 billion"): scaling it alone garbles the range
        if FROM_TO.search(before) and re.match(r"[^.;]{0,40}?\bto\s+\S*\d", after) or FROM_TO_END.search(before):
            return []  # "increased from 19,026 to 20,938": a changed end may turn the rise into a fall
        if re.search(r"[×x*/+]\s*$|\bout of\s*$", before):  # "160 out of 194": the whole bounds the part
            return []  # "24×7": the figure is half of a fixed expression, not a quantity
        if not _exam_grade(mark.type):
            return []  # "455 towns", "24,605 grievances": a changed count of things tests nothing a candidate knows
        if re.match(r"\s*(?:countries|nations|member states)\b", after) or "countr" in mark.text:
            return [v for v in _scaled(mark, rng) if _count_of(v) <= 195]  # there are fewer than 200 countries
        if re.match(r"\s*(?:States|Union Territories|UTs)\b", after) or "States" in mark.text:
            return [v for v in _scaled(mark, rng) if _count_of(v) <= 36]  # India has 36 States and UTs
        return _scaled(mark, rng)
    if mark.kind == "entity" and mark.type == "country":
        return _other_countries(kb, sentence, mark, rng)
    if mark.kind == "entity" and mark.type == "person" and mark.role \
            and fold_name(mark.role) in sentence.text.casefold() \
            and not re.match(r"\s+[A-Z][a-z]", sentence.text[mark.end:]):  # "Shivraj Singh| Chouhan": half a name
        return _other_people(kb, mark, rng)
    return []


def _exam_grade(unit: str) -> bool:
    """A quantity a candidate is expected to know the size of: money, a share, a physical measure; not a count of
    towns, grievances or institutions."""
    return unit in MEASURES or (len(unit) == 3 and unit.isupper()) or unit.casefold() in COUNTS_ASKED


# counts papers do ask: how many countries are members, how many States, how many heritage sites
COUNTS_ASKED = frozenset({"countries", "nations", "members", "member countries", "member states", "states",
                          "union territories", "uts", "sites", "species", "languages"})


def _count_of(text: str) -> float:
    found = _NUMBER.search(text)
    return (parse_number(found.group(0)) or 0.0) if found else 0.0


# the years a paper asks: when something began, ended, was made law or was signed, not the day a meeting was held
MILESTONE = re.compile(r"\b(?:launch|establish|found|set\s+up|sign|adopt|enact|pass(?:ed|age)|constitut|creat"
                       r"|form(?:ed|ation)|institut|incorporat|inscrib|ratif|notif|declar|introduc|inaugurat"
                       r"|commission|came\s+into|entered\s+into|first|began|begun|started|merg|renam|conferred"
                       r"|awarded|won|elected|became|upgraded|elevated|joined|acce(?:ded|ssion)|admitted|withdr|exit"
                       r"|abolish|repeal|dissolv|terminat|suspend|set\b|announc|agreed|since\b|conclud|decid|decision|landed"
                       r"|landing|crash|widen|expand|opened|relax|promis|ended)\w*",
                       re.IGNORECASE)


def _other_years(sentence: Sentence, mark: Mark, rng: random.Random, published_year: int | None) -> list[str]:
    """The mark's text with its year moved by a few years, never onto a year the sentence already names. Only
    the year something began, was signed or made law is moved: the day of a meeting or a visit is no exam fact."""
    if not MILESTONE.search(sentence.text):
        return []
    before = sentence.text[:mark.start]
    if re.search(r"[A-Za-z][-–]\s?$", before) or re.match(r"\s*edition", sentence.text[mark.end:]):
        return []  # a year that is part of a name ("Vayu Shakti–2026", "the 2022 edition") is not a date
    if mark.text[:1].isdigit() and re.search(r"\b(?!(?:" + _MONTHS + r")\b)[A-Z][\w’'-]*\s+$", before):
        return []  # "The National Arogya Fair 2026": the year names an edition
    if re.search(r"\d\w*\s+(?:to|and|till|until)\s+$|\d\s*[-–]\s*$", before) \
            or re.match(r"[-–]\d", sentence.text[mark.end:]):
        return []  # the far end of a range ("from 20th to 23rd January", "2009 to 2014")
    present = {int(y) for y in YEAR.findall(sentence.text)}
    own = YEAR.findall(mark.text)
    if own and sum(1 for y in YEAR.findall(sentence.text) if y == own[0]) > 1:
        return []  # the year shows elsewhere in the sentence, so changing one copy would give it away
    latest = published_year or 2100
    deltas = [d for d in range(-6, 7) if d]
    if re.search(r"\d{4}s\b", mark.text):
        deltas = [-30, -20, -10, 10, 20, 30]  # a decade ("the 1950s") moves by decades
    rng.shuffle(deltas)
    out: list[str] = []
    for delta in deltas:
        new = _shift_years(mark.text, delta)
        years = [int(y) for y in YEAR.findall(new)]
        dated_day = re.search(r"[A-Za-z]{3}", new) is not None  # "March 2026", "3 Dec 2026": a day or month
        if new != mark.text and years and all(1600 <= y <= latest and y not in present for y in years) \
                and not (dated_day and max(years) == latest):  # a later month of the release's year is the future
            out.append(new)
        if len(out) >= 3:
            break
    return out


def _shift_years(text: str, delta: int) -> str:
    fy = _FY.search(text)
    if fy and len(fy.group(3)) == 2 and int(fy.group(3)) == (int(fy.group(1)) + 1) % 100:
        start = int(fy.group(1)) + delta
        return text[:fy.start()] + f"{start}{fy.group(2)}{(start + 1) % 100:02d}" + text[fy.end():]
    return YEAR.sub(lambda m: str(int(m.group(0)) + delta), text)


def _scaled(mark: Mark, rng: random.Random) -> list[str]:
    """The figure's text with its number scaled, written the way the original writes numbers."""
    found = _NUMBER.search(mark.text)
    if not found or re.search(r"\d\s*[-–]\s*\d", mark.text):
        return []  # a range ("$45-50 billion") would need both ends scaled
    number = parse_number(found.group(0))
    if number is None or number == 0:
        return []
    if "," not in found.group(0) and "." not in found.group(0) and 1600 <= number <= 2100 and mark.type != "INR":
        return []  # a bare year-like number: not a figure to scale
    is_word = found.group(0).casefold() in NUMBER_WORDS
    # unevenly spaced, never a multiple of the key: doublings and 1x/2x/3x spreads give the key away
    factors = [0.55, 0.7, 0.8, 1.25, 1.4, 1.8] if not is_word else [0.5, 1.5, 2.0, 3.0]
    rng.shuffle(factors)
    out: list[str] = []
    for factor in factors:
        value = number * factor if is_word else _like_precision(number, number * factor * rng.uniform(0.95, 1.05))
        if is_word and (not value.is_integer() or value >= len(NUMBER_WORDS)):
            continue
        if "." not in found.group(0) and not value.is_integer():
            continue
        if mark.type == "percent" and value > 100:
            continue
        written = format_like(found.group(0), value)
        if written != found.group(0) and parse_number(written) not in (None, 0.0):
            out.append(mark.text[:found.start()] + written + mark.text[found.end():])
        if len(out) >= 3:
            break
    return out


def _like_precision(original: float, value: float) -> float:
    """`value` rounded as `original` is: 12,923 keeps units, 2,000 is rounded to thousands, 4.5 keeps one
    decimal; so the key is not the only round (or the only exact) option."""
    if not original.is_integer():
        decimals = len(repr(original).split(".")[1])
        return round(value, decimals)
    zeros = len(str(int(original))) - len(str(int(original)).rstrip("0"))
    step = 10 ** min(zeros, max(0, len(str(int(value))) - 1))
    return float(max(step, round(value / step) * step))


def _other_countries(kb: KnowledgeBase, sentence: Sentence, mark: Mark, rng: random.Random) -> list[str]:
    """Another country in the partner's place, where the sentence names a partnership rather than a list."""
    if fold_name(mark.value) == "india" or MEMBERSHIP.search(sentence.text) \
            or not fold_name(mark.text).startswith(fold_name(mark.value)):
        return []  # a demonym ("Canadian") or an alias cannot simply take another country's name
    rest = sentence.text[:mark.start] + " " + sentence.text[mark.end:]
    if mark.value in rest or re.search(r"\bit\b", sentence.text[mark.end:]):
        return []  # the partner named again ("India-Japan Finance Dialogue") or referred back to ("containing it")
    before_word = sentence.text[:mark.start].rstrip().rsplit(" ", 1)[-1]
    before = before_word.casefold()
    if before_word[:1].isupper() and before not in ("and", "with", "between"):
        return []  # "ITEES Singapore": the country is part of a name
    if before in ("a", "an") and re.match(r"\s+[a-z]", sentence.text[mark.end:]):
        return []  # "a Botswana delegation": the name is an adjective here, and "a France delegation" is not English
    if before == "the" or not any(mk.kind == "entity" and mk.type != "country" for mk in sentence.marks):
        return []
    named = {fold_name(mk.value) for mk in sentence.marks if mk.kind == "entity"}
    if "countries" not in kb.derived:
        kb.derived["countries"] = [name for name, _role, _country in kb.entities.get("country", [])
                                   if fold_name(name) != "india" and not name.startswith("The ") and len(name) > 3]
    stored = like_length([name for name in kb.derived["countries"] if fold_name(name) not in named], mark.text, rng)
    pool = [name for name in neighbours(mark.value, stored) if fold_name(name) not in named]
    known, others = [name for name in pool if name in stored], [name for name in pool if name not in stored]
    rng.shuffle(others)
    return (known + others)[:4]  # a neighbour of the right country: Oman for Saudi Arabia, never Liechtenstein


def _other_people(kb: KnowledgeBase, mark: Mark, rng: random.Random) -> list[str]:
    """Another stored person who holds an office of the same kind (a minister for a minister), preferably of
    the same country, in place of the office holder: a random name in a minister's place fools no one."""
    if len(mark.text.split()) < 2 or not person_name(mark.text) or not mark.role:
        return []
    if "office_holders" not in kb.derived:
        kb.derived["office_holders"] = [(name, country, _office_words(role))
                                        for name, role, country in kb.entities.get("person", [])
                                        if role and person_name(name)]
    holders: list[tuple[str, str | None, frozenset[str]]] = kb.derived["office_holders"]
    kind = _office_words(mark.role)
    # same kind of office, and the same country when it is known: "Prime Minister X of Australia" must name
    # an Australian, or the swap gives itself away
    alike = [(name, country) for name, country, words in holders
             if words & kind and (not mark.country or not country or country == mark.country)]
    picked = rng.sample(alike, min(len(alike), 40))
    people = [(name, country) for name, country in picked if fold_name(name) != fold_name(mark.value)]
    rng.shuffle(people)
    people.sort(key=lambda p: p[1] != mark.country)
    return like_length([name for name, _country in people[:12]], mark.text, rng)[:4]


_RANK_WORDS = frozenset({"minister", "secretary", "governor", "president", "ambassador", "chancellor", "director",
                         "chairman", "chairperson", "commissioner", "admiral", "general", "marshal", "justice",
                         "chief", "mantri", "speaker", "ceo", "attorney", "judge"})


def _office_words(role: str) -> frozenset[str]:
    """The words that say what kind of office a role is ("Union Minister for Tribal Affairs" → minister)."""
    return frozenset(w for w in re.findall(r"[a-z]+", role.casefold()) if w in _RANK_WORDS)


def like_length(pool: list[str], original: str, rng: random.Random) -> list[str]:
    """Candidates in random order, those about as long as the original first, so length gives nothing away."""
    items = list(pool)
    rng.shuffle(items)
    return sorted(items, key=lambda v: abs(len(v) - len(original)) // 5)


def fold_name(name: str) -> str:
    return name.casefold().strip()


def plausible_first(short: str, expansions: list[str], rng: random.Random) -> list[str]:
    """Other expansions that could pass for spelling out `short`: their initials spell its letters exactly (see
    quality.initials), so the letters do not give the answer away (in random order)."""
    letters = acronym_letters(short)
    # a false expansion must spell the acronym's letters exactly: "WEF" is never "Waste to Electricity"
    fitting = [e for e in dict.fromkeys(expansions) if resembles(short, e) and initials(e) == letters]
    items = rng.sample(fitting, min(len(fitting), 60))
    return sorted(items, key=lambda e: -_initials_matched(short, e))


def _initials_matched(short: str, expansion: str) -> int:
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z]+", expansion)
                if w.casefold() not in ("of", "and", "the", "for", "in", "on")]
    matched = 0
    for capital, initial in zip([c for c in short if c.isupper()], initials):
        if capital != initial:
            break
        matched += 1
    return matched


def _plain(expansion: str) -> str:
    """An expansion compared without case, plural endings or punctuation."""
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z]+", expansion.casefold()))

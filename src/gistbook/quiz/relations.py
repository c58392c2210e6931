"""Matched pairs the knowledge base records (acronym–expansion, person–office, body–year, exercise–partner)
and the check that decides whether a given pair is recorded, provably not recorded, or unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gistbook.quiz.kb import KnowledgeBase, Mark
from gistbook.quiz.quality import askable_acronym, clean_body, clean_office, person_name
from gistbook.quiz.text import YEAR, fold

HEADERS = {"acronym": ("Abbreviation", "Full form"), "office": ("Person", "Office held"),
           "year": ("Scheme, body or agreement", "Year"), "partner": ("Military exercise", "Partner country")}
RELATION_OF_HEADER = {f"{a} : {b}": rel for rel, (a, b) in HEADERS.items()}
RELATION_OF_HEADER["Agreement or body : Year"] = "year"  # questions stored before the header was renamed
GENERIC_BODY = re.compile(r"^(?:the\s+)?(?:Union\s+)?(?:Ministry|Department|Government|Office|Cabinet)\b",
                          re.IGNORECASE)
DATED_TYPES = frozenset({"agreement", "organisation", "initiative", "scheme", "policy", "military_exercise", "event"})
FOUNDING = re.compile(r"\b(?:set up|established|founded|formed|launched|created|constituted|signed|adopted|"
                      r"came into (?:force|effect)|took effect|entered into force|inaugurated|first held|instituted|"
                      r"started|began|commissioned|ratified|notified|enacted)\b", re.IGNORECASE)
BODY_FOUNDING = re.compile(r"\b(?:set up|established|founded|formed|launched|created|constituted|adopted|"
                           r"came into (?:force|effect)|took effect|entered into force|first held|instituted|"
                           r"commissioned|enacted)\b", re.IGNORECASE)
LEADING_PARTICIPLE = re.compile(r"^(?:established|set up|founded|launched|formed|created|constituted|signed|"
                                r"adopted|instituted)\s+(?:in|on)$", re.IGNORECASE)
GENERIC_OFFICES = frozenset({  # titles that name no post on their own (single words are refused anyway)
    "director general", "additional secretary", "joint secretary", "deputy secretary", "under secretary",
    "vice president", "chief scientist", "senior scientist", "principal scientist", "managing director",
    "chief executive officer", "agricultural officer", "economic advisor", "economic adviser", "deputy director",
    "assistant director", "executive director", "union minister", "minister of state", "former director",
    "prime minister", "former prime minister", "foreign minister", "chief minister", "defence minister",
    "finance minister", "trade minister", "chief guest", "guest of honour", "special guest", "chief justice"})
BILATERAL = re.compile(r"\bbetween\b|\bbilateral\b|\bjoint\b|\bIndia[-–]\w+|\w+[-–]India\b")


@dataclass(frozen=True)
class Pair:
    relation: str
    left: str
    right: str
    bullet_id: int


def recorded_pairs(kb: KnowledgeBase, article_ids: list[int] | None = None) -> dict[str, list[Pair]]:
    """Every pair the material records, by relation; each comes with the bullet that records it."""
    key = ("recorded_pairs", tuple(article_ids) if article_ids is not None else None)
    if key not in kb.derived:
        kb.derived[key] = _recorded_pairs(kb, article_ids)
    return kb.derived[key]


def _recorded_pairs(kb: KnowledgeBase, article_ids: list[int] | None) -> dict[str, list[Pair]]:
    wanted = set(article_ids) if article_ids is not None else None
    out: dict[str, list[Pair]] = {rel: [] for rel in HEADERS}
    seen: set[tuple[str, str]] = set()

    def add(pair: Pair) -> None:
        key = (pair.relation, fold(pair.left))
        if key not in seen:
            seen.add(key)
            out[pair.relation].append(pair)

    for mat in kb.material_bullets():
        if wanted is not None and mat.article_id not in wanted:
            continue
        for pair in pairs_in_bullet(kb, mat.bullet_id):
            add(pair)
    material = set(kb.material_articles)
    for short, (expansion, article_id) in kb.usable_acronyms().items():
        if wanted is not None and article_id not in wanted or article_id not in material \
                or not askable_acronym(short):
            continue
        where = next((m.bullet_id for m in kb.material_bullets(article_id) if short in kb.texts[m.bullet_id]), None)
        if where is not None:
            add(Pair("acronym", short, expansion, where))
    return out


def pairs_in_bullet(kb: KnowledgeBase, bullet_id: int) -> list[Pair]:
    """Office, year and partner pairs stated inside one sentence of a bullet."""
    key = ("pairs", bullet_id)
    if key not in kb.derived:
        kb.derived[key] = _pairs_in_bullet(kb, bullet_id)
    return list(kb.derived[key])


def _pairs_in_bullet(kb: KnowledgeBase, bullet_id: int) -> list[Pair]:
    out: list[Pair] = []
    for sentence in kb.sentences(bullet_id):
        entities = [mk for mk in sentence.marks if mk.kind == "entity"]
        years = [mk for mk in sentence.marks if mk.kind == "year" and len(YEAR.findall(mk.text)) == 1]
        for mk in entities:
            if mk.type == "person" and mk.role and specific_office(mk.role) and person_name(mk.text) \
                    and person_name(mk.value):
                out.append(Pair("office", mk.text, office(mk.role, mk.country), bullet_id))
        all_years = [mk for mk in sentence.marks if mk.kind == "year"]
        if len(all_years) == 1 and years and len(YEAR.findall(sentence.text)) == 1 and "FY" not in years[0].value:
            subject = founded(sentence.text, years[0], entities)
            if subject is not None and clean_body(subject.text.strip("‘’'\"")) and nameable(subject):
                out.append(Pair("year", subject.text.strip("‘’'\""), YEAR.findall(years[0].text)[0], bullet_id))
        partners = [mk for mk in entities if mk.type == "country" and fold(mk.value) != "india"]
        exercises = [mk for mk in entities if mk.type == "military_exercise"]
        if len({fold(p.value) for p in partners}) == 1 and exercises and BILATERAL.search(sentence.text):
            out.append(Pair("partner", exercises[0].text.strip("‘’'\""), partners[0].value, bullet_id))
    return out


ORG_HEADS = re.compile(r"\b(?:Association|Authority|Commission|Council|Board|Institute|Institution|Corporation|"
                       r"Limited|Ltd|Bank|Organi[sz]ation|Forum|Alliance|Agency|Society|Federation|Foundation|Trust|"
                       r"Committee|University|Academy|Centre|Center|Fund|Court|Tribunal|Bureau|Survey)\b")
_GENERIC_NAMES = ("agreement on of the and for in social security comprehensive economic partnership trade "
                  "cooperation framework memorandum understanding mou treaty")
GENERIC_NAME_WORDS = frozenset(_GENERIC_NAMES.split())


def nameable(mark: Mark) -> bool:
    """A name a pair can stand on: a scheme or an agreement that names what it is about (not "Agreement on Social
    Security" or an acronym alone), or a body whose name says it is one ("… Association", "… Bank")."""
    words = [w for w in re.findall(r"[\w-]+", mark.text) if w.casefold() not in GENERIC_NAME_WORDS]
    if not any(w[:1].isupper() and not w.isupper() for w in words):
        return False  # nothing left but generic words and acronyms
    return mark.type != "organisation" or bool(ORG_HEADS.search(mark.text))


def founded(text: str, year: Mark, entities: list[Mark]) -> Mark | None:
    """The body the sentence says was set up, signed or launched in that year, when the wording is plain:
    "X was signed in 2016" or "Established in 2017, the X …"; agreements are preferred, nothing is guessed."""
    dated = [mk for mk in entities if mk.type in DATED_TYPES and len(mk.text) <= 90 and not YEAR.search(mk.text)]
    dated.sort(key=lambda mk: mk.type != "agreement")
    for mk in dated:
        if mk.end <= year.start:
            link = text[mk.end:year.start]
            others = [o for o in entities if o is not mk and mk.end <= o.start and o.end <= year.start]
            plain = len(link) <= 40 and not others or mk.type == "agreement" and len(link) <= 100
            verb = FOUNDING if mk.type == "agreement" else BODY_FOUNDING
            # "X was launched in 2015" names what was launched; "X launched Y in 2025" names who launched it
            passive = re.search(r"\b(?:was|were|been|is|are)\b", link) or re.match(r"\s*,", link)
            if plain and passive and verb.search(link) and not GENERIC_BODY.match(mk.text) \
                    and not re.search(r"\b(?:since|after|before|when|while)\b", link):
                return mk
        elif mk.start >= year.end:
            lead, gap = text[:year.start].strip(), text[year.end:mk.start]
            if LEADING_PARTICIPLE.match(lead) and len(gap) <= 8:
                return mk
    return None


def specific_office(role: str) -> bool:
    """An office worth a pair: short, whole, and more than a bare title ("Secretary" could be anyone)."""
    bare = fold(role).strip().replace("-", " ")
    return (len(role) <= 80 and "(" not in role and not bare.endswith((" and", " of", ","))
            and bare not in GENERIC_OFFICES and len(bare.split()) >= 2 and clean_office(role))


def office(role: str, country: str | None) -> str:
    """An office as a pair shows it: as the text words it. The extracted country is not added: it is a guess
    of extraction, not something a bullet states, and offices that need it are refused as too generic."""
    return role


def bare_office(text: str) -> str:
    return fold(re.sub(r"\s*\([^)]*\)$", "", text))


def pair_truth(kb: KnowledgeBase, relation: str, left: str, right: str, cited: list[int]) -> tuple[bool | None, str]:
    """(True, why) when recorded; (False, what is recorded instead) when provably not; (None, why) otherwise."""
    if relation == "acronym":
        known = kb.acronyms.get(left, {})
        if not known:
            return None, f"no stored expansion of {left}"
        stored = next(iter(known.values()))[0]
        folded = fold(right)
        if folded in known:
            return True, f"‘{left}’ stands for ‘{stored}’"
        owners = sorted(kb.owners_of(right) - {left})
        if owners and not any(folded in k or k in folded for k in known):
            return False, f"‘{left}’ stands for ‘{stored}’; ‘{right}’ is ‘{owners[0]}’"
        return None, f"‘{right}’ is not a stored expansion of another acronym"
    left_key, right_key = fold(left), fold(right)
    recorded = [p for b in cited if b in kb.texts for p in pairs_in_bullet(kb, b)
                if p.relation == relation and fold(p.left) == left_key]
    if any(fold(p.right) == right_key for p in recorded):
        where = next(p.bullet_id for p in recorded if fold(p.right) == right_key)
        return True, f"stated in {kb.cite(where)}"
    if not recorded:
        return None, f"no cited bullet records {left}"
    truth = recorded[0]
    if kb.bullets_with([left, right]):
        return None, f"a stored bullet names {left} with {right}"
    if relation == "office":
        held = kb.roles.get(fold(left), set()) | {bare_office(p.right) for p in recorded}
        role = bare_office(right)
        if any(role in h or h in role for h in held):
            return None, f"{left} is recorded as {right}"
    return False, f"{left}: {truth.right}, not {right} ({kb.cite(truth.bullet_id)})"


def other_rights(kb: KnowledgeBase, relation: str, pairs: list[Pair]) -> list[str]:
    """Values of the same kind that could stand on the right of a wrong pair."""
    if relation == "acronym":
        return [exp for exp, _a in kb.usable_acronyms().values()]
    if relation == "partner":
        return [n for n, _r, _c in kb.entities.get("country", []) if fold(n) != "india" and len(n) > 3]
    if relation == "office":
        if "offices" not in kb.derived:
            kb.derived["offices"] = sorted({office(r, c) for n, r, c in kb.entities.get("person", [])
                                            if r and person_name(n) and specific_office(r)})
        return sorted({p.right for p in pairs}) + kb.derived["offices"]
    return []  # years are drawn near each pair's own year (see pairs._wrong_right)

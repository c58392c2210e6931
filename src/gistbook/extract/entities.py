"""Entities and acronyms for a batch of articles: one nlp.pipe over all bullets, then per-article resolution
(acronyms to their long forms, surnames to full names, one type/role/alias set per canonical name)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from gistbook.extract.lexicon import COUNTRY, INITIATIVE, ORGANISATION, PERSON, SCHEME, Lexicon, load_lexicon
from gistbook.extract.mentions import RESULT_KEY, Row
from gistbook.extract.nlp import load_nlp
from gistbook.records import Article, EntityMention

UNSURE = frozenset({"acronym", "candidate"})  # row flags that need the article to define the name
CUE_TYPES = {"scheme": SCHEME, "schemes": SCHEME, "yojana": SCHEME, "mission": SCHEME, "programme": SCHEME,
             "program": SCHEME, "abhiyan": SCHEME, "initiative": INITIATIVE, "organisation": ORGANISATION,
             "organization": ORGANISATION}
AFTER_BRACKET = re.compile(r"\s*(?:[(\[][^)\]]*)?[)\]]\s*([A-Za-z]+)")
SMALL_BATCH = 400  # below this many bullets, worker processes cost more than they save
LATIN = re.compile(r"[A-Za-z]")
NOT_NAMED = frozenset({COUNTRY, PERSON})
Pair = tuple[str, str, int, int]  # acronym, long form, char span of the long form


@dataclass
class Found:
    """One mention while its article is being resolved."""

    bullet_no: int
    start: int
    end: int
    type: str
    name: str
    surface: str
    role: str | None = None
    country: str | None = None
    flag: str = ""
    aliases: set[str] = field(default_factory=set)


def worth_reading(text: str) -> bool:
    """Skip empty bullets and those mostly in another script (bilingual releases)."""
    if text.isascii():
        return LATIN.search(text) is not None
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and len(LATIN.findall(text)) * 2 >= letters


def canonical(name: str) -> str:
    """One spelling per name: straight apostrophes, single spaces, no wrapping quotes."""
    name = name.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    name = re.sub(r"(?<=\w)\s?[–—]\s?(?=\w)", "-", name) if "–" in name or "—" in name else name
    name = re.sub(r"\s(?:Ltd\.?|Pvt\. Ltd\.?)$", " Limited", name)
    return " ".join(name.split()).strip("'\" ")


def bullet_texts(articles: Sequence[Article]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every bullet worth reading, with (article, bullet) as its context through nlp.pipe."""
    for article_no, article in enumerate(articles):
        for bullet_no, bullet in enumerate(article.bullets()):
            if worth_reading(bullet.text):
                yield bullet.text, (article_no, bullet_no)


def find_entities_batch(articles: Sequence[Article], n_process: int = 1, batch_size: int = 256
                        ) -> list[tuple[list[EntityMention], dict[str, str]]]:
    """Entities and the acronym map of every article; spaCy sees all bullets of the batch in one pipe."""
    nlp = load_nlp()
    found: list[list[tuple[int, dict[str, list[Row]]]]] = [[] for _ in articles]  # per article: (bullet, result)
    total = sum(len(a.bullets()) for a in articles)
    processes = n_process if total >= SMALL_BATCH else 1
    items = list(bullet_texts(articles))
    # plain texts, not as_tuples: with contexts spaCy tokenizes and serialises every doc in the parent process
    docs = nlp.pipe((text for text, _ in items), n_process=processes, batch_size=batch_size)
    for doc, (_, (article_no, bullet_no)) in zip(docs, items):
        found[article_no].append((bullet_no, doc.user_data.get(RESULT_KEY, {})))
    lex = load_lexicon()
    return [resolve_article(article, per_bullet, lex) for article, per_bullet in zip(articles, found)]


def resolve_article(article: Article, per_bullet: list[tuple[int, dict[str, list[Row]]]], lex: Lexicon
                    ) -> tuple[list[EntityMention], dict[str, str]]:
    """Article-level decisions: acronyms, surnames, one type, role and alias set per name."""
    mentions: list[Found] = []
    pairs: list[tuple[int, Pair]] = []
    for bullet_no, result in sorted(per_bullet, key=lambda item: item[0]):
        for r in result.get("m", []):
            mentions.append(Found(bullet_no, r[0], r[1], r[2], canonical(r[3]), r[4], r[5], r[6], r[7]))
        pairs.extend((bullet_no, (str(p[0]), str(p[1]), int(p[2]), int(p[3]))) for p in result.get("a", []))
    texts = [b.text for b in article.bullets()]
    acronyms = resolve_acronyms(mentions, pairs, texts, lex)
    mentions = resolve_people(mentions)
    mentions = [m for m in mentions if m.flag not in UNSURE]
    indian = article_is_indian(article, mentions)
    return unify(mentions, lex, indian), acronyms


def resolve_acronyms(mentions: list[Found], pairs: list[tuple[int, Pair]], texts: list[str], lex: Lexicon
                     ) -> dict[str, str]:
    """Map each defined acronym to its long form, and point mentions of the acronym at the named entity."""
    expansions: dict[str, str] = {}
    targets: dict[str, tuple[str, str]] = {}
    for bullet_no, (short, long, start, end) in pairs:
        if short in expansions:
            continue
        expansions[short] = long
        if short.endswith("s") and short[:-1].isupper():
            continue  # "CHCs", "FPOs": a plural names a kind of body, not one entity
        owner = best_owner(mentions, bullet_no, start, end, texts)
        if owner is not None:
            owner.flag = ""  # a model-only name the text defines with an acronym is a real name
            targets[short] = (owner.name, owner.type)
            if long.casefold() in owner.name.casefold():
                expansions[short] = owner.name
        elif long in lex.forms:
            known = lex.forms[long]
            targets[short] = (known.canonical, known.type)
        else:
            etype = announced_type(texts[bullet_no], end, long, short, mentions)
            if etype is not None:
                name = canonical(long)
                mentions.append(Found(bullet_no, start, end, etype, name, long))
                targets[short] = (name, etype)
    for short, (name, etype) in targets.items():
        add_missing_mentions(mentions, texts, short)
        for m in mentions:
            if m.surface == short or (m.flag == "acronym" and m.name == short) or (
                    m.surface.startswith(short + " ") and m.type == etype and len(m.surface.split()) == 2):
                m.name, m.type, m.flag = name, etype, ""
        for m in mentions:
            if m.name == name:
                m.aliases.add(short)
    return expansions


def announced_type(text: str, end: int, long: str, short: str, mentions: list[Found]) -> str | None:
    """Type of a defined name no rule typed: "(PMFME) Scheme", "ASMITA (...) programme", "Pradhan Mantri ..."."""
    match = AFTER_BRACKET.match(text, end)
    if match and match.group(1).lower() in CUE_TYPES:
        return CUE_TYPES[match.group(1).lower()]
    for m in mentions:
        if m.surface.startswith(short + " ") and len(m.surface.split()) == 2 and m.type in (SCHEME, INITIATIVE):
            return m.type
    if long.startswith(("Pradhan Mantri ", "PM ")):
        return SCHEME
    return None


def best_owner(mentions: list[Found], bullet_no: int, start: int, end: int, texts: list[str]) -> Found | None:
    """The named entity whose mention ends where the long form ends; it may start one word earlier, no more
    ("India-Japan-Australia Supply Chain Resilience Initiative (SCRI)")."""
    best, best_overlap = None, 0
    for m in mentions:
        if m.bullet_no != bullet_no or m.type in NOT_NAMED or m.flag not in ("", "candidate"):
            continue
        overlap = min(m.end, end) - max(m.start, start)
        enough = overlap * 2 >= end - start if m.flag == "" else overlap * 10 >= 9 * (end - start)
        if m.start < start and " " in texts[bullet_no][m.start:start].strip():
            continue  # "MoU on Cooperation in Artificial Intelligence (AI)": AI is not the MoU's acronym
        if overlap > best_overlap and abs(m.end - end) <= 2 and enough:
            best, best_overlap = m, overlap
    return best


def add_missing_mentions(mentions: list[Found], texts: list[str], short: str) -> None:
    """Mentions of a defined acronym that the model did not mark ("MILAN is hosted by India")."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")
    for bullet_no, text in enumerate(texts):
        if short not in text:
            continue
        for match in pattern.finditer(text):
            if not any(m.bullet_no == bullet_no and m.start <= match.start() < m.end for m in mentions):
                mentions.append(Found(bullet_no, match.start(), match.end(), "", short, short, flag="acronym"))


def resolve_people(mentions: list[Found]) -> list[Found]:
    """Short forms become the full name used elsewhere in the article ("Shri Modi", "Raksha Khadse")."""
    full = [m for m in mentions if m.type == PERSON and not m.flag]
    for m in full:
        words = m.name.split()
        longer = next((f for f in full if len(f.name.split()) > len(words) >= 2 and (
            f.name.split()[0] == words[0] and f.name.split()[-1] == words[-1] or f.name.split()[:len(words)] == words)),
            None)  # "Raksha Khadse" is "Raksha Nikhil Khadse"; "Shivraj Singh" is "Shivraj Singh Chouhan"
        if longer is not None:
            m.name = longer.name
    vouched = {m.name for m in full}
    kept = []
    for m in mentions:
        if m.type == PERSON and m.flag == "unsupported":
            if m.name not in vouched:
                continue
            m.flag = ""
        if m.type == PERSON and m.flag in ("surname", "honorific"):
            match = next((f for f in full if f.name.split()[-1] == m.name or m.name in f.name.split()), None)
            if match is not None:
                m.name = match.name
            elif m.flag == "surname":
                continue
            m.flag = ""
        kept.append(m)
    for m in kept:
        if m.type == PERSON:
            same = [f for f in kept if f.type == PERSON and f.name == m.name]
            m.role = m.role or next((f.role for f in same if f.role), None)
            m.country = next((f.country for f in same if f.country and f.country != "?"), m.country)
    return kept


def article_is_indian(article: Article, mentions: list[Found]) -> bool:
    """Indian government context: offices without a country are Indian offices."""
    about = f"{article.category or ''} {article.url or ''}".lower()
    return "india" in about or "ministry" in about or "pib.gov.in" in about or any(
        m.type == COUNTRY and m.name == "India" for m in mentions)


def person_name(name: str) -> str:
    """One spelling of initials: "C.R. Patil", "C R Patil" and "C. R. Patil" are the same person."""
    name = re.sub(r"\b([A-Z])\.(?=[A-Z])", r"\1. ", name)
    return re.sub(r"\b([A-Z])\b(?![.'’])", r"\1.", name)


_INDIAN_OFFICE = re.compile(r"\b(?:India|Indian|Union|Ministry|Department|Dept|Government|Govt|Lok Sabha|Rajya Sabha|"
                            r"NITI|Chief Secretary|Collector|District Magistrate|MP|MLA|Governor|Chief Minister|"
                            r"Cabinet|Raksha|Pradhan|Mantri|CMD|Army|Navy|Air Force|IAS|IPS|Commissioner|Secretary)\b")


def unify(mentions: list[Found], lex: Lexicon, indian: bool) -> list[EntityMention]:
    """One type, alias set, role and country per canonical name across the article's mentions."""
    foreign = Counter(m.name for m in mentions if m.type == COUNTRY and m.name != "India").most_common(1)
    by_name: dict[str, list[Found]] = {}
    for m in mentions:
        if m.type == PERSON:
            m.name = person_name(m.name)
        if m.type and m.name:
            by_name.setdefault(m.name, []).append(m)
    out: list[EntityMention] = []
    for name, group in by_name.items():
        etype = Counter(m.type for m in group).most_common(1)[0][0]
        aliases = {canonical(m.surface) for m in group} | {a for m in group for a in m.aliases}
        aliases |= set(lex.aliases.get(name, []))
        aliases.discard(name)
        role = next((m.role for m in group if m.role), None)
        country = next((m.country for m in group if m.country and m.country != "?"), None)
        if etype == PERSON and country is None and any(m.country == "?" for m in group):
            country = foreign[0][0] if foreign else None  # "H.E." without a country: the article's partner
        elif etype == PERSON and country is None and role and indian and (_INDIAN_OFFICE.search(role) or not foreign):
            country = "India"  # where another country is in the item, only an office the text ties to India
        for m in group:
            out.append(EntityMention(name=name, type=etype, bullet_no=m.bullet_no, start=m.start, end=m.end,
                                     aliases=sorted(aliases), role=role if etype == PERSON else None,
                                     country=country if etype == PERSON else None))
    out.sort(key=lambda e: (e.bullet_no, e.start, e.end))
    return out

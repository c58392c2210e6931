"""People: a clean name, the office held ("Economic Affairs Secretary") and the country it is held for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from gistbook.extract.dates import MONTH
from gistbook.extract.lexicon import COUNTRY, Lexicon
from gistbook.extract.names import HYPHENS, Heads, is_capitalised
from gistbook.text import HEADLINE_VERBS

ROLE_JOINERS = frozenset({"of", "for", "and", "&", "to", "-", "–", "in", "the"})
FOREIGN_HONORIFICS = frozenset({"H.E.", "HE", "Excellency"})
POSSESSIVES = frozenset({"’s", "'s"})
_MONTH_WORD = re.compile(MONTH, re.IGNORECASE)
_LEFTOVER = frozenset({"the", "a", "an", "and", "of", "on", "in", "at", "by", "with", "from", "to", "as"})
_ORGANISATION_HEADS = frozenset({"Ministry", "Department", "Dept", "Dept.", "Government", "Board", "Commission",
                                 "Authority", "Institute", "University", "Council", "Corporation", "Bank", "Agency",
                                 "Organisation", "Organization", "Office", "Bureau", "Directorate", "Centre", "Center",
                                 "Mission", "National", "Indian", "Central", "State", "Union"})


@dataclass
class Person:
    """A person mention with what the sentence says about them."""

    start: int
    end: int
    name: str
    role: str | None = None
    country: str | None = None
    # "surname": a bare surname to resolve; "honorific": a one-word name after Shri/Dr, kept;
    # "unsupported": no honorific, office or known name vouches for it (the model alone says person)
    flag: str = ""


def clean_name(doc: Doc, ent: Span, heads: Heads, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of the bare name: honorifics, offices and suffixes removed; None when it is no name."""
    start, end = ent.start, ent.end
    leading = heads.honorifics | heads.office | lex.word_set("office_heads") | {".", "the", "The"}
    while start < end and doc[start].text in leading:
        start += 1
    inner = [i for i in range(start + 1, end) if doc[i].text in heads.honorifics]
    if inner and inner[-1] + 1 < end:
        start = inner[-1] + 1  # "Chhattisgarh Shri Vishnu Deo Sai": the name starts after the honorific
        while start < end and doc[start].text == ".":
            start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].text in lex.word_set("name_suffixes")
                           or doc[end - 1].text in heads.honorifics or not doc[end - 1].text.strip(".,;:’'\"")):
        end -= 1
    if start >= end:
        return None
    not_people = lex.word_set("not_people_lower")
    for token in doc[start:end]:
        if not is_capitalised(token, frozenset()) or token.lower_ in not_people or token.lower_ in HEADLINE_VERBS \
                or any(c.isdigit() for c in token.text):
            return None
        if not token.text.isascii() and not all(c.isalpha() or c in ".-'’" for c in token.text):
            return None
    if doc[start:end].text.lower() in not_people:
        return None
    if not any(sum(c.isalpha() for c in t.text) >= 2 and "." not in t.text.rstrip(".") for t in doc[start:end]):
        return None  # "Gen Z", "R.C.": initials alone name nobody
    if _office_words_only(doc[start:end], heads.office | lex.word_set("office_heads") | PEOPLE_NOUNS):
        return None  # "Governors", "Administrator", "Naval Veterans": an office or a group, not somebody
    if any(_GLUED.search(token.text) for token in doc[start:end]):
        return None  # "Jitendra SinghIndia", "NaddaUnder": a name run into the next heading
    for token in (doc[start], doc[end - 1]):
        known = lex.forms.get(token.text)
        if known is not None and known.type in ("place", "country") or _acronym(token.text) and len(token.text) > 2:
            return None  # "Puducherry Naval Area", "MAFSU Nagpur": a place or a body, not a person
    return start, end


# plural and group words that head a description of people, never a name
# (plural offices, "Governors", are read from the office words themselves)
PEOPLE_NOUNS = frozenset({"Veterans", "Officials", "Delegates", "Participants", "Students", "Farmers", "Administrator",
                          "Secretaries", "Experts", "Dignitaries", "Personnel", "Cadets", "Volunteers"})


def _office_words_only(tokens: Span, offices: frozenset[str]) -> bool:
    """The name ends in an office or a group word ("Governors", "Naval Veterans"), singular or plural."""
    last = tokens[-1].text
    return last in offices or (last.endswith("s") and last[:-1] in offices)


def _country_ent(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """Country named by the token at i (a country, an alias or a demonym)."""
    if i < 0 or i >= len(doc):
        return None
    return lex.country_of(doc[i].text)


def role_before(doc: Doc, start: int, heads: Heads, lex: Lexicon) -> tuple[str | None, str | None]:
    """Office and country written before the name: "former Prime Minister", "Chief of Defence Staff, Gen X"."""
    k = start - 1
    while k >= 0 and (doc[k].text in heads.honorifics or doc[k].text == "."):
        k -= 1
    if k > 0 and doc[k].text == ",":
        k -= 1  # "Union Minister of Home Affairs, Shri Amit Shah": the office ends at the comma
    end = k + 1
    while k >= 0:
        token = doc[k]
        if token.ent_type_ == "PERSON" or token.text in POSSESSIVES:
            break
        if token.text in ("and", "&") and any(doc[j].text in heads.office for j in range(k + 1, end)):
            break  # "Prime Minister X of Japan and Prime Minister Modi": the second office starts after "and"
        if token.text == "," and any(doc[j].text in heads.office for j in range(max(0, k - 4), k)):
            k -= 1  # "Secretary, Department of Commerce, Shri X": the office reads across a comma
            continue
        if token.text == ")" and "(" in [t.text for t in doc[max(0, k - 4):k]]:
            k = max(j for j in range(max(0, k - 4), k) if doc[j].text == "(") - 1  # "... Research (ICAR) Dr X"
            continue
        if token.text in ("’", "'") and k > 0 and doc[k - 1].text.endswith("s"):
            k -= 1  # "Farmers’ Welfare"
            continue
        if not (is_capitalised(token, heads.honorifics) or token.text in ROLE_JOINERS):
            break
        k -= 1
    role_start = k + 1
    while role_start < end and (doc[role_start].text in ROLE_JOINERS or doc[role_start].is_stop
                                or doc[role_start].text.endswith(("ing", "ed"))):
        role_start += 1
    if not any(t.text in heads.office for t in doc[role_start:end]):
        return None, None
    country = None
    cue = role_start - 1
    if cue >= 0 and doc[cue].text in POSSESSIVES:
        country = _country_ent(doc, cue - 1, lex)
    elif cue >= 0:
        country = _country_ent(doc, cue, lex)
    if cue >= 0 and doc[cue].lower_ in lex.word_set("office_modifiers_lower"):
        role_start = cue
    if country is None and cue >= 1 and doc[cue].text in ("and", "&"):
        country = _shared_country(doc, cue, heads, lex)
    return finish_role(doc, role_start, end, country, lex)


def _shared_country(doc: Doc, and_at: int, heads: Heads, lex: Lexicon) -> str | None:
    """In "Japan's Foreign Minister X and Defence Minister Y" the country before the first office is Y's too."""
    k = and_at - 1
    while k >= 0 and doc[k].ent_type_ == "PERSON":
        k -= 1
    if k == and_at - 1:
        return None  # no person right before "and"
    _, country = role_before(doc, k + 1, heads, lex)
    return country if country and country != "India" else None


def role_after(doc: Doc, end: int, heads: Heads, lex: Lexicon) -> tuple[str | None, str | None]:
    """Office written after the name: "Atsushi Mimura, Vice Minister of Finance ..., Japan"."""
    if end >= len(doc) or doc[end].text != "," or (end + 1 < len(doc) and doc[end + 1].text in ("and", "or")):
        return None, None  # ", and the Minister of ..." starts another person, not this one's office
    k = end + 1
    while k < len(doc) and (doc[k].text in ("the", "The") or doc[k].text in heads.honorifics):
        k += 1
    role_start = k
    while k < len(doc) and (is_capitalised(doc[k], heads.honorifics) or doc[k].text in ROLE_JOINERS
                            or doc[k].text == "the") and doc[k].ent_type_ != "PERSON":
        k += 1
    role_end = k
    while role_end > role_start and doc[role_end - 1].text in ROLE_JOINERS | {"the"}:
        role_end -= 1
    if not any(t.text in heads.office for t in doc[role_start:role_end]):
        return None, None
    if role_end - role_start <= 2 and role_end + 1 < len(doc) and doc[role_end].text == "," \
            and (doc[role_end + 1].text in _ORGANISATION_HEADS or _acronym(doc[role_end + 1].text)):
        k = role_end + 1  # "Secretary, Department of Telecommunications": the office keeps its organisation
        while k < len(doc) and doc[k].text not in (",", ";", ".", "(") and doc[k].ent_type_ != "PERSON" \
                and (is_capitalised(doc[k], heads.honorifics) or doc[k].text in ROLE_JOINERS):
            k += 1
        role_end = k
        while role_end > role_start and doc[role_end - 1].text in ROLE_JOINERS:
            role_end -= 1  # "Secretary, Ministry of Coal and B": the "and" starts the next person
    country = None
    if role_end + 1 < len(doc) and doc[role_end].text == ",":
        country = _country_ent(doc, role_end + 1, lex)
        if country is None and role_end + 2 < len(doc):
            country = lex.forms[t].canonical if (t := doc[role_end + 1:role_end + 3].text) in lex.forms \
                and lex.forms[t].type == COUNTRY else None
    k = role_end
    while country is None and k < len(doc) and doc[k].text not in (";", ".") and doc[k].ent_type_ != "PERSON":
        named = _country_ent(doc, k, lex)  # "First Secretary (Trade), British High Commission in India"
        country = named if named and named != "India" and doc[k].text != "India" else None
        k += 1
    return finish_role(doc, role_start, role_end, country, lex)


_GLUED = re.compile(r"[a-z][A-Z]")


def _office_before_comma(doc: Doc, start: int, heads: Heads) -> bool:
    """The name follows "Office," in a list that runs "Name, Office, Name, Office": the office before this name's
    comma is the previous person's. A list that opens on an office ("Governor of X, Shri A, Raksha Mantri, Shri
    B") runs "Office, Name" instead, and the office before the comma is this person's."""
    k = start - 1
    while k >= 0 and (doc[k].text in heads.honorifics or doc[k].text == "."):
        k -= 1
    if k >= 0 and doc[k].text == "and":  # "A, Joint Secretary, and B": the last of the list
        return _person_before_office(doc, k - 1 if k > 0 and doc[k - 1].text == "," else k, heads)
    if k < 0 or doc[k].text != ",":
        return False
    first = next((t.i for t in doc[0:start] if t.ent_type_ == "PERSON" or t.text in heads.honorifics), start)
    opening = doc[max(0, first - 12):first]
    return not any(t.text in heads.office for t in opening)  # the list opens on a name


def _person_before_office(doc: Doc, end: int, heads: Heads) -> bool:
    """Whether the words before `end` run "Name, Office" or "Name, Office, Organisation": the office there
    belongs to that name."""
    k, office, commas = end - 1, False, 0
    while k > 0 and doc[k].text not in (";", ".") and doc[k].ent_type_ != "PERSON":
        if doc[k].text == ",":
            if office and doc[k - 1].ent_type_ == "PERSON":
                return True
            commas += 1
            if commas > 1:
                return False
        office = office or doc[k].text in heads.office
        k -= 1
    return False


def _acronym(word: str) -> bool:
    """An organisation written as its acronym: "NIFTEM-K", "DARE", "ICAR"."""
    letters = word.replace("-", "").replace("&", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def finish_role(doc: Doc, start: int, end: int, country: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """Role text without a trailing "of Japan" (which becomes the country), a leading demonym, or words left from
    the sentence before the office ("March the Union Minister …")."""
    while start < end and (doc[start].lower_ in _LEFTOVER or _MONTH_WORD.fullmatch(doc[start].text.rstrip("."))):
        start += 1
    while start < end and (lex.country_of(doc[start].text) or doc[start].text in HYPHENS):
        country = country or lex.country_of(doc[start].text)
        start += 1
    for k in range(end - 1, start, -1):
        if doc[k - 1].text == "of" and k - 1 > start:
            named = lex.country_of(doc[k:end].text)
            if named:
                country = country or named
                end = k - 1
            break
    role = doc[start:end].text.strip(" ,")
    return (role or None), country


def indian_role(role: str | None, lex: Lexicon) -> bool:
    """Offices that exist only in India ("Union Minister", "Chief Minister", "Raksha Mantri")."""
    return bool(role) and any(office in role for office in lex.word_set("indian_offices"))  # type: ignore[operator]


def _represented(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """A country the clause gives after the names: "Foreign Minister X and Defence Minister Y represented Japan"."""
    k = end
    while k < len(doc) and doc[k].text not in (";", ".", ":") and k - end < 25:
        if doc[k].lower_.startswith("represent") and k + 1 < len(doc):
            return _country_ent(doc, k + 1, lex)
        k += 1
    return None


def extend_left(doc: Doc, start: int, heads: Heads, lex: Lexicon) -> int:
    """The model sometimes cuts a first name off ("Anjan" + "Kumar Mishra"): take it back."""
    k = start
    while k > 0 and start - k < 2:
        token = doc[k - 1]
        if not (is_capitalised(token, heads.honorifics) and token.is_alpha) or token.text in heads.office \
                or token.text in lex.word_set("office_heads") or token.is_stop or token.text in lex.forms \
                or lex.country_of(token.text) or token.ent_type_ not in ("", "GPE", "NORP") or token.i == 0:
            break
        k -= 1
    return k


def person_at(doc: Doc, ent: Span, heads: Heads, lex: Lexicon) -> Person | None:
    """The person an NER or honorific span names, with office and country when the sentence gives them."""
    span = clean_name(doc, ent, heads, lex)
    if span is None:
        return None
    start, end = span
    honorific = start > 0 and doc[start - 1].text in heads.honorifics or (
        start > 1 and doc[start - 1].text == "." and doc[start - 2].text in heads.honorifics)
    if not honorific:
        start = extend_left(doc, start, heads, lex)
    name = doc[start:end].text
    role, country = role_before(doc, start, heads, lex)
    after = role_after(doc, end, heads, lex)
    if role is not None and _office_before_comma(doc, start, heads):
        # in a list "A, Joint Director; B, Chief Editor" (or "…, and B") an office before B is A's: B's own, if
        # any, follows B
        role, country = after
    elif role is None and after[0] is not None:
        role, country = after
    known = lex.people.get(name)
    if known is not None:
        name, known_country = known
        country = known_country or country  # a known person's country is not changed by a nearby "of Japan"
    indian_honorific = start > 0 and (doc[start - 1].text in lex.word_set("indian_honorifics")
                                      or (doc[start - 1].text == "." and start > 1
                                          and doc[start - 2].text in lex.word_set("indian_honorifics")))
    if country is None:
        country = _represented(doc, end, lex)
    if country is None and (indian_honorific or indian_role(role, lex)):
        country = "India"
    k = start - 1
    while k >= 0 and (doc[k].text in heads.honorifics or doc[k].text == ".") and doc[k].text not in FOREIGN_HONORIFICS:
        k -= 1
    if country is None and k >= 0 and doc[k].text in FOREIGN_HONORIFICS:
        country = "?"  # "H.E." marks a foreign dignitary: the article's foreign country, decided later
    flag = "" if honorific or role or known is not None else "unsupported"
    if known is None and end - start == 1:
        flag = "honorific" if honorific else "surname"
    return Person(start, end, name, role, country, flag)

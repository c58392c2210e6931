"""Naming what "The Bill" or "The agreement" at the start of a statement refers to, from the text just before.

"Agreement on … Nuclear Energy was signed in November 2016." then "The Bill came into force in July 2017":
the second event must say which agreement came into force, or a timeline line reads "The Bill came into force".
"""

from __future__ import annotations

import re

from gistbook.records import EntityMention

_DESCRIPTION = re.compile(
    r"^\s*(?P<desc>(?:The|This|That|Said)\s+(?P<noun>Bill|Act|[Aa]greement|[Pp]act|[Tt]reaty|[Aa]ccord|MoU|[Mm]emorandum|"
    r"[Ss]cheme|[Pp]olicy|[Pp]rogramme|[Pp]rogram|[Mm]ission|[Ii]nitiative|[Dd]eal|[Cc]onvention|[Pp]rotocol|"
    r"[Yy]ojana|[Ll]aw|[Pp]roject)|It)\s+(?P<next>[a-z]+)"
)
_NOT_VERBS = {"of", "on", "for", "concerning", "regarding", "between", "with", "to", "in", "and", "under", "signed"}
_AGREEMENT_NOUNS = {
    "bill",
    "act",
    "agreement",
    "pact",
    "treaty",
    "accord",
    "mou",
    "memorandum",
    "deal",
    "convention",
    "protocol",
    "law",
}
_SCHEME_NOUNS = {"scheme", "programme", "program", "mission", "initiative", "yojana", "project"}
_HEADS = {
    "agreement": r"Agreement|Treaty|Accord|Pact|Convention|Protocol|MoU|Memorandum\s+of\s+Understanding|Act|Bill|Deal",
    "scheme": r"Scheme|Yojana|Mission|Programme|Program|Initiative|Abhiyan|Project",
    "policy": r"Policy",
}
_CONNECTOR = r"(?:on|of|for|concerning|regarding|in|the|and|between|to|&)"
_NAME_WORD = r"(?:[A-Z][\w'’-]*|[A-Z]{2,})"


def _class_of(noun: str | None) -> str | None:
    if noun is None:
        return None
    lowered = noun.lower()
    if lowered in _AGREEMENT_NOUNS:
        return "agreement"
    if lowered in _SCHEME_NOUNS:
        return "scheme"
    return "policy" if lowered == "policy" else None


def _named_in_text(text: str, wanted: str | None) -> list[tuple[int, str]]:
    """Capitalised names built on an agreement/scheme/policy head word: (offset, name)."""
    classes = [wanted] if wanted else list(_HEADS)
    found: list[tuple[int, str]] = []
    for cls in classes:
        pattern = re.compile(
            rf"(?:{_NAME_WORD}\s+)*(?:{_HEADS[cls]})(?:\s+{_CONNECTOR})*(?:\s+(?:{_NAME_WORD}|{_CONNECTOR}))*"
        )
        for m in pattern.finditer(text):
            name = re.sub(rf"(?:\s+{_CONNECTOR})+$", "", m.group()).strip()
            if len(name.split()) >= 2 or re.search(r"\s", m.group().strip()):
                found.append((m.start(), name))
    return found


def antecedent(before: str, bullet_no: int, wanted: str | None, entities: list[EntityMention]) -> str | None:
    """The last agreement/scheme/policy named in `before` (the previous bullet), preferring the wanted kind."""
    types = {"agreement": {"agreement"}, "scheme": {"scheme", "initiative"}, "policy": {"policy"}}
    allowed = types.get(wanted or "", {"agreement", "scheme", "policy", "initiative"})
    options = [(e.start, e.name) for e in entities if e.bullet_no == bullet_no and e.type in allowed]
    options += _named_in_text(before, wanted)
    if not options and wanted:
        options = _named_in_text(before, None)
    if not options:
        return None
    last = max(options, key=lambda option: option[0])
    overlapping = [o for o in options if o[0] <= last[0] < o[0] + len(o[1])] or [last]
    return max(overlapping, key=lambda option: len(option[1]))[1]


def resolve_description(
    sentence: str, previous_text: str, previous_bullet_no: int, entities: list[EntityMention]
) -> str:
    """The sentence with its opening "The Bill" followed by the name it stands for, when that can be found."""
    m = _DESCRIPTION.match(sentence)
    if not m or m["next"] in _NOT_VERBS or (m["desc"] == "It" and not previous_text):
        return sentence
    name = antecedent(previous_text, previous_bullet_no, _class_of(m["noun"]), entities)
    if not name or name.lower() in sentence.lower():
        return sentence
    return f"{sentence[: m.end('desc')]} ({name}){sentence[m.end('desc') :]}"

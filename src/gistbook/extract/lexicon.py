"""Gazetteers and word lists behind the entity rules, loaded once from extract/data/."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

COUNTRY = "country"
PERSON = "person"
ORGANISATION = "organisation"
INITIATIVE = "initiative"
EXERCISE = "military_exercise"
AGREEMENT = "agreement"
SCHEME = "scheme"
POLICY = "policy"
PLACE = "place"
ENTITY_TYPES: tuple[str, ...] = (COUNTRY, PERSON, ORGANISATION, INITIATIVE, EXERCISE, AGREEMENT, SCHEME, POLICY,
                                 PLACE)


@dataclass(frozen=True)
class Known:
    """A gazetteer entry as one surface form sees it."""

    canonical: str
    type: str
    confirm_only: bool = False  # an ordinary word too: only confirms a span the model found
    needs_cue: bool = False  # exercises named by ordinary words need "exercise" nearby


@dataclass
class Lexicon:
    """Everything the rules look up: surface forms to entries, demonyms, people and word lists."""

    forms: dict[str, Known] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # canonical -> other known forms
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (canonical, country)
    exercise_partners: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def word_set(self, key: str) -> frozenset[str]:
        """A list from lexicon.json as a set (lower-cased lists keep their _lower suffix)."""
        return self.words[key]

    def country_of(self, text: str) -> str | None:
        """Canonical country for a name, alias or demonym, if it is one."""
        known = self.forms.get(text)
        if known is not None and known.type == COUNTRY:
            return known.canonical
        return self.demonyms.get(text)


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, without comments and blank lines."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _add(lex: Lexicon, forms: list[str], etype: str, *, cue_flag: bool = False) -> str:
    """Register every form of one entry; a leading ? marks an ambiguous form (on the canonical: all forms)."""
    canonical = forms[0].lstrip("?")
    all_ambiguous = forms[0].startswith("?")
    if etype == EXERCISE:  # exercises are written in capitals as often as not: "LAMITIYE-2026"
        forms = forms + [("?" if f.startswith("?") else "") + f.lstrip("?").upper() for f in forms]
    for form in forms:
        ambiguous = all_ambiguous or form.startswith("?")
        text = form.lstrip("?")
        entry = Known(canonical, etype, confirm_only=ambiguous and not cue_flag, needs_cue=ambiguous and cue_flag)
        lex.forms.setdefault(text, entry)
        if text != canonical and text not in lex.aliases.get(canonical, []):
            lex.aliases.setdefault(canonical, []).append(text)
    lex.aliases.setdefault(canonical, [])
    return canonical


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the data files once per process."""
    lex = Lexicon()
    for row in _rows("exercises.tsv"):
        row += [""] * (3 - len(row))
        canonical = _add(lex, [row[0], *_split(row[1])], EXERCISE, cue_flag=True)
        lex.exercise_partners[canonical] = _split(row[2])
    for row in _rows("names.tsv"):
        row += [""] * (3 - len(row))
        _add(lex, [row[1], *_split(row[2])], row[0])
    for row in _rows("countries.tsv"):
        row += [""] * (3 - len(row))
        canonical = _add(lex, [row[0], *_split(row[1])], COUNTRY)
        for demonym in _split(row[2]):
            lex.demonyms[demonym.lstrip("?")] = canonical
    for row in _rows("places.tsv"):
        row += [""] * (2 - len(row))
        _add(lex, [row[0], *_split(row[1])], PLACE)
    for row in _rows("people.tsv"):
        row += [""] * (3 - len(row))
        for form in [row[0], *_split(row[2])]:
            lex.people.setdefault(form, (row[0], row[1]))
    raw = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    lex.words = {key: frozenset(value) for key, value in raw.items() if isinstance(value, list)}
    return lex

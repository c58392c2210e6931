"""Question quality, one test per defect class: implausible acronym expansions, announcements and fragments
as statements, garbled person–office pairs, events that are not points in time, unworthy Mains topics.

The store holds the hand-made articles plus tests/data/quiz/quality-articles.json, whose articles (written
for these tests) carry each kind of bad material next to good material. Every generated key is verified too.
"""

from __future__ import annotations

import re

import handmade
import pytest

from gistbook import quiz
from gistbook.quiz import kb as knowledge
from gistbook.quiz.chronology import dated_items, happened
from gistbook.quiz.quality import clean_office, fact_sentence, person_name, resembles
from gistbook.quiz.relations import recorded_pairs
from gistbook.quiz.text import format_like
from gistbook.quiz.verify import verify
from gistbook.store import Store

Generated = tuple[knowledge.KnowledgeBase, list[dict]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    url = f"sqlite:///{tmp_path_factory.mktemp('quality') / 'quality.db'}"
    store = Store(url)
    handmade.save_all(store)
    handmade.save_all(store, handmade.load_specs("quality-articles.json"))
    with store.session() as session:
        kb = knowledge.load(session, None)
        questions: list[dict] = []
        for seed in range(9):  # several sets: one set never repeats a sentence, so a small store fills few
            questions += quiz.generate(session, count=60, seed=seed, persist=False, kb=kb)
    store.close()
    return kb, questions


def _items(q: dict) -> list[str]:
    return [line.split(". ", 1)[1] for line in q["stem"].split("\n") if re.match(r"^\d+\. ", line)]


def test_generated_keys_stay_verified(generated: Generated) -> None:
    kb, questions = generated
    assert len(questions) >= 100
    assert {q["kind"] for q in questions} == set(quiz.KINDS)
    assert all(verify(kb, q) == [] for q in questions)


# ---- 1. acronyms -------------------------------------------------------------------------------------------

def test_a_wrong_expansion_must_look_like_the_acronym() -> None:
    assert not resembles("ICDS", "Indian Council of Social Science Research")
    assert not resembles("CIS", "Controller General of Communication Accounts")
    assert not resembles("PMGSY", "Principal Scientific Adviser")
    assert not resembles("SPD", "Pneumococcal Conjugate Vaccine")
    assert resembles("PMGSY", "Pradhan Mantri Matsya Sampada Yojana")
    assert resembles("ICDS", "Integrated Power Development Scheme")
    assert resembles("MoPNG", "Ministry of Petroleum & Natural Gas")


# ---- 2. statements ------------------------------------------------------------------------------------------

ANNOUNCEMENTS_AND_FRAGMENTS = [
    "Stringent action may be taken under the Essential Commodities Act against anyone found hoarding LPG.",
    "Oil marketing companies are working in tandem with the States to keep supplies steady.",
    "Prime Minister will inaugurate a new rural road network worth ₹1,250 crore in Odisha.",
    "Prior to the Welfare Week 2025 celebrations, the ministry is also organising a seminar on delivery reforms.",
    "The quarterly accounts of the scheme up to December 2024 have been consolidated and reports published.",
    "Cut diesel use on farms by over ₹9,000 crore.",
    "Over 2.4 crore girls reached with nutrition awareness drives.",
    "Note: the indices for March 2025 include revised output data.",
    "Involvement of more than 9 lakh schools for a wide reach among students.",
    "And the effort of the last decade is the base of a developed India in 2047.",
    "Instead, the duty may be paid every month under the customs rules of 2016.",
    "A logistics pact was signed at the same summit in 2021.",
    "Adjustments to reflect the new pension rules in the 2024 accounts.",
    "The summit of 2026 stands as a testament to the shared resolve of 40 navies.",
]
FACTS = [
    "Forest rights titles were granted to 1.2 lakh families in Odisha during 2023.",
    "The rural housing scheme completed 2.9 crore houses by March 2024.",
    "India identified 30 critical minerals in June 2023.",
    "Under the scheme, every road accident victim will be entitled to cashless treatment of up to ₹1.5 lakh.",
    "The index of industrial production stands at 162.3 against 155.1 a year earlier.",
]


def test_only_sentences_stating_a_fact_are_statements(generated: Generated) -> None:
    for text in ANNOUNCEMENTS_AND_FRAGMENTS:
        assert not fact_sentence(text), text
    for text in FACTS:
        assert fact_sentence(text), text
    _kb, questions = generated
    used = " ".join(item for q in questions if q["kind"] in ("statements", "how-many", "cloze") for item in
                    [*_items(q), q["stem"]])
    for marker in ("will inaugurate", "organising a seminar", "reports published", "Cut diesel",
                   "girls reached"):
        assert marker not in used, marker
    kinds = [q["kind"] for q in questions]
    assert sum(k in ("statements", "how-many", "cloze") for k in kinds) >= 10  # the sound sentences are still used


# ---- 3. person–office pairs ---------------------------------------------------------------------------------

def test_names_are_people_and_offices_are_offices(generated: Generated) -> None:
    for name in ("Forces General Luciano Portolano", "BITS Pilani", "Arya Vaidya Sala", "General António Guterres",
                 "Padma Bhushan", "Veteran Journalist A.N. Sivaraman", "Hails St."):
        assert not person_name(name), name
    for name in ("Pramod Sawant", "J P Nadda", "K. Kailashnathan", "GS Shekhawat"):
        assert person_name(name), name
    for office in ("and Prime Minister", "the Prime Minister of Canada, The Right", "Group Vice Chancellor",
                   "Additional Secretary and Mission Director", "Nations Secretary-", "Rear Admiral",
                   "Prime Minister of Israel, H.E", "Chief Minister of the State", "BJP District President",
                   "PM SHRI Kendriya Vidyalaya", "Managing Director and Founder CEO"):
        assert not clean_office(office), office
    for office in ("Chief Minister of Goa", "Cabinet Secretary", "Secretary, Higher Education",
                   "Attorney General for India", "Raksha Mantri", "Union Minister for Tribal Affairs",
                   "Speaker of the Knesset", "CEO NITI Aayog"):
        assert clean_office(office), office
    kb, questions = generated
    offices = recorded_pairs(kb)["office"]
    assert {p.left for p in offices} >= {"Pramod Sawant", "Jual Oram", "R. Venkataramani", "Rajnath Singh"}
    for q in questions:
        if "Person : Office held" in q["stem"]:
            for item in _items(q):
                person, office = item.split(" : ", 1)
                assert person_name(person) and clean_office(office), item
                assert not re.search(r"Portolano|BITS|Vempati|Meghwal|Narendra Modi", item), item


# ---- 4. chronology ------------------------------------------------------------------------------------------

def test_only_point_in_time_events_are_ordered(generated: Generated) -> None:
    for text in ("The Indo-Nippon Friendship Society dates.", "Annual ministerial talks have been held.",
                 "Two-way trade in goods and services, about $18.2 billion.",
                 "Japan has taken part in the Sea Shield naval exercise.", "The Tokyo summit, launched the fund.",
                 "The armies train together in Sea Shield, first held.", "An Indian team visited Tokyo later.",
                 "Two-way trade between India and Australia was $31.4 billion.",
                 "The Indo-Nippon Friendship Society set up."):
        assert not happened(text), text
    for text in ("The friendship treaty between the two countries was signed.", "Talks on a trade pact began.",
                 "Setting up of the Act East Forum."):
        assert happened(text), text
    kb, questions = generated
    events = [d.text for b in kb.material for d in dated_items(kb, b)]
    assert "The first ministerial dialogue on ports was held in Osaka." in events
    for text in events:
        assert not re.search(r"\bdates\b|have been held|has taken part|about \$18\.2", text), text
    for q in questions:
        if q["kind"] == "chronology":
            assert all(happened(item) for item in _items(q)), q["stem"]


# ---- 5. mains -----------------------------------------------------------------------------------------------

def test_mains_topics_are_real_topics(generated: Generated) -> None:
    _kb, questions = generated
    stems = [q["stem"] for q in questions if q["kind"] == "mains"]
    assert stems
    assert not any("North Zone" in stem for stem in stems), stems
    assert any(re.search(r"India-(Japan|France|Australia)", stem) for stem in stems), stems



def test_figure_distractors_keep_indian_digit_grouping() -> None:
    """A distractor written "1,482,453" beside a key written "9,88,302" is spotted by its commas alone."""
    assert format_like("9,88,302", 1482453) == "14,82,453"
    assert format_like("6,01,59,608", 12) == "12"
    assert format_like("3,35,628.81", 671257.62) == "6,71,257.62"
    assert format_like("1,200", 2400) == "2,400"


def test_all_correct_keys_keep_to_their_share(generated: Generated) -> None:
    """Patterns with a false statement fail to build more often; the set must not lean to "all correct"."""
    from gistbook.quiz.service import ALL_CORRECT, ALL_CORRECT_SHARE

    _, questions = generated
    multi = [q for q in questions if q["kind"] in ("statements", "how-many", "pairs")]
    all_correct = [q for q in multi if q["options"][ord(q["answer"]) - ord("A")] in ALL_CORRECT]
    assert len(multi) >= 30 and len(all_correct) <= ALL_CORRECT_SHARE * len(multi) + 9  # one spare a set


def test_a_sentence_and_its_changed_version_state_one_fact() -> None:
    """Daily briefings repeat sentences word for word; a set must not ask the same one twice, true or changed."""
    from gistbook.quiz.service import said_in

    true = {"kind": "statements", "stem": "With reference to the Essential Commodities Act, consider the following "
            "statements:\n1. The Natural Gas Control Order issued on 9 March 2026 under the Act set a priority "
            "sequence.\n2. The Act dates from 1955 and lets States act against hoarding of essential goods.\nWhich "
            "of the above statements is/are correct?"}
    changed = {"kind": "how-many", "stem": "Consider the following statements:\n1. The Natural Gas Control Order "
               "issued on 9 March 2022 under the Act set a priority sequence.\n2. India hosts the ISA secretariat "
               "at Gurugram in the National Capital Region.\nHow many of the above statements are correct?"}
    cloze = {"kind": "cloze", "stem": "Consider the following statement:\nThe Natural Gas Control Order issued on "
             "9 March ______ under the Act set a priority sequence.\nWhich one of the following fits into the blank?"}
    assert said_in(true) & said_in(changed) and said_in(true) & said_in(cloze)
    assert len(said_in(true)) == 2


def test_a_number_its_sentence_determines_is_never_changed() -> None:
    """A changed part that no longer divides its whole ("three equal instalments of ₹4,000" for ₹6,000) gives
    the false statement away by arithmetic alone."""
    from gistbook.quiz.kb import Mark, Sentence
    from gistbook.quiz.mutate import tied

    text = "Every eligible farmer family receives ₹6,000 per year in three equal instalments of ₹2,000."
    part, whole = text.index("₹2,000"), text.index("₹6,000")
    sentence = Sentence(1, text, [])
    assert tied(sentence, Mark("figure", part, part + 6, "₹2,000", type="INR"))
    assert tied(sentence, Mark("figure", whole, whole + 6, "₹6,000", type="INR"))
    alone = Sentence(2, "The scheme gives ₹6,000 a year to every eligible farmer family.", [])
    at = alone.text.index("₹6,000")
    assert not tied(alone, Mark("figure", at, at + 6, "₹6,000", type="INR"))

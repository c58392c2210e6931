"""Key points: the selector's rules on hand-built bullets, and its quality on hand-labelled releases."""

from __future__ import annotations

import json

import pytest
from tests.page.keypoint_eval import FLOORS, evaluate, labelled_releases

from gistbook.page.keypoints import BulletFacts, can_be_key_point, key_point_count, select_key_points


def _bullets(texts: list[str]) -> list[BulletFacts]:
    return [BulletFacts(t, i) for i, t in enumerate(texts)]


def test_reading_order_limit_and_furniture() -> None:
    texts = [
        "The ministry held a review meeting with officials from several departments in the capital city.",
        "“We are committed to the welfare of every citizen of this great nation,” the Minister said warmly.",
        "The Pradhan Mantri Awas Yojana (PMAY) has sanctioned 1.2 crore houses since its launch in June 2015.",
        "He thanked all the participants for their enthusiastic and active engagement in the discussions.",
        "The Cabinet approved an outlay of ₹10,000 crore for the scheme for the period 2026-27 to 2030-31.",
        "This information was given by the Minister of State in a written reply in the Lok Sabha today.",
    ]
    picked = select_key_points(_bullets(texts), "Cabinet approves outlay for Pradhan Mantri Awas Yojana", limit=2)
    assert [b.position for b in picked] == [2, 4]  # the two that carry scheme, figures and dates, in order
    assert all(b.position != 5 for b in select_key_points(_bullets(texts), "Awas Yojana", limit=6))


def test_extraction_features_count() -> None:
    texts = ["A plain sentence that names nothing in particular and has no figures in it.",
             "A second plain sentence which is also quite empty of any facts worth noting."]
    plain = _bullets(texts)
    rich = [BulletFacts(texts[0], 0), BulletFacts(texts[1], 1, ["scheme", "organisation"], dates=1, figures=2)]
    assert [b.position for b in select_key_points(rich, "", limit=1)] == [1]
    assert [b.position for b in select_key_points(plain, "", limit=1)] == [0]  # the lead, for want of facts
    assert select_key_points([BulletFacts(texts[1], 5)], "", limit=1) == []  # fewer rather than weak


def test_repeats_are_skipped() -> None:
    texts = ["NICDC will develop 100 industrial parks under the BHAVYA scheme across the country by 2030.",
             "Under the BHAVYA scheme NICDC will develop 100 industrial parks across the country by 2030.",
             "The parks will follow the PM GatiShakti National Master Plan (NMP), launched in October 2021."]
    picked = select_key_points(_bullets(texts), "BHAVYA scheme", limit=2)
    assert [b.position for b in picked] == [0, 2]


def test_labels_cover_thirty_releases() -> None:
    releases = labelled_releases()
    assert len(releases) >= 30
    assert all(fragments for _, fragments in releases)


def test_selector_meets_floors_and_beats_first_k() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    results = evaluate(floors["limit"])  # null: as many points as each release's length gives
    selector, baseline = results["selector"], results["first_k"]
    assert selector.precision >= floors["precision"], selector
    assert selector.recall >= floors["recall"], selector
    assert selector.f1 - baseline.f1 >= floors["f1_over_baseline"], (selector, baseline)


def test_every_label_finds_its_sentence() -> None:
    """A fragment that no longer matches a bullet (the parser split differently) would quietly lower recall."""
    from gistbook.parse import parse_document
    from gistbook.read import read_bytes

    for record, fragments in labelled_releases():
        doc = read_bytes(json.dumps(record).encode(), "release.jsonl", max_bytes=1 << 26)[0]
        texts = [b.text.casefold() for b in parse_document(doc).bullets()]
        for fragment in fragments:
            assert sum(fragment.casefold() in t for t in texts) == 1, (record["url"], fragment)


def test_a_note_condenses_by_length() -> None:
    assert [key_point_count(n) for n in (2, 7, 15, 30, 60, 262)] == [3, 3, 5, 7, 8, 8]


@pytest.mark.parametrize("text", [
    "19 JUL 2026 1:42PM by PIB Mumbai",  # a dateline
    "State | Target | Achievement | Share of total",  # a table row
    "Sl. No. 12 34,567 1,234 98.7% 45,678",  # a table row read as a sentence
    "The Minister thanked the officials and the State Government for organising the review meeting.",
    "The function was attended by the Chief Secretary, the Director General of Police and senior officers.",
    "“We will take this mission to every village of the country,” the Minister said at the launch.",
    "And look today, India is strengthening its identity in the field of semiconductor hardware.",
    "Prof. Rekha Vartak (Retd.",  # a sentence cut inside its brackets
    "The scheme, which was launched in",  # cut mid-clause
    "KEY HIGHLIGHTS OF THE UNION BUDGET FOR AGRICULTURE AND ALLIED SECTORS",
])
def test_what_never_becomes_a_key_point(text: str) -> None:
    assert not can_be_key_point(text)


@pytest.mark.parametrize("text", [
    "The scheme provides a subsidy of 35% of the project cost to women entrepreneurs in rural areas.",
    "Further, the Ministry has sanctioned 1,200 new Atal Tinkering Labs in aspirational districts.",
    "He said India now has over two lakh recognised startups, nearly half of them led by women.",
])
def test_sentences_the_title_explains_are_key_points(text: str) -> None:
    """Under its item's title, "the scheme" and "he" are understood, unlike on a card of their own."""
    assert can_be_key_point(text)


def test_a_release_in_hindi_keeps_its_lead_sentences() -> None:
    """The sentence rules read English; a Hindi release still gets a note: its opening sentences."""
    texts = ["प्रधानमंत्री ने आज बजट के बाद आयोजित वेबिनार को संबोधित किया।",
             "उन्होंने कहा कि देखभाल अर्थव्यवस्था में कौशल आधारित नए रोजगार बनेंगे।",
             "शिक्षा को रोजगार से जोड़ने पर विशेष ध्यान दिया जा रहा है।",
             "खेल और पर्यटन क्षेत्र में भी नई संभावनाएं हैं।"]
    assert [b.position for b in select_key_points(_bullets(texts), "बजट के बाद वेबिनार")] == [0, 1, 2]


def test_a_heading_without_a_full_stop_is_no_key_point() -> None:
    assert not can_be_key_point("2 Lakh MPACS/DCS/ FCS Formation + Strengthening- % Achievement vis-a-vis-targets")
    assert not can_be_key_point("Both sides assessed the ongoing cooperation and identified further areas of "
                                "mutual interest in counter terrorism")  # a subtitle: the body says it whole
    assert can_be_key_point("The 6th India-UK Home Affairs Dialogue was held in New Delhi today.")


def test_the_body_sentence_wins_over_the_subtitle_it_repeats_and_lineups_rank_low() -> None:
    bullets = [
        BulletFacts("India and the UK reviewed cooperation against terrorism and organised crime at the dialogue.", 0,
                    entity_types=["country", "country"]),
        BulletFacts("The 6th India-UK Home Affairs Dialogue was held in New Delhi today.", 1,
                    entity_types=["country", "country", "place"], dates=1),
        BulletFacts("The Indian delegation was led by Secretary Rajendra Kumar and the UK delegation was led by "
                    "Second Permanent Secretary Simon Ridley.", 2, entity_types=["person", "person", "country"]),
        BulletFacts("At the dialogue India and the UK reviewed cooperation against terrorism and organised crime, "
                    "including extremist groups, drug trafficking, migration and cyber security.", 3,
                    entity_types=["country", "country"]),
    ]
    chosen = [b.position for b in select_key_points(bullets, "India–UK Home Affairs Dialogue held", limit=2)]
    assert chosen == [1, 3]


def test_the_sentence_stating_the_headline_is_always_a_key_point() -> None:
    title = "Cabinet approves Kosi-Mechi river link project in Bihar"
    bullets = [BulletFacts("The Union Cabinet approved the Kosi-Mechi river link project in Bihar on Wednesday.", 5)]
    others = ["The Jal Shakti Ministry signed an MoU with NWDA on 12 March 2026 for ₹6,282 crore of canal works.",
              "NABARD sanctioned a loan of ₹2,100 crore to the Bihar Water Resources Department in January 2025.",
              "The Ganga Flood Control Commission approved embankments worth ₹950 crore on 3 February 2026.",
              "Bihar recorded floods in 15 districts affecting 4.5 million people during August 2024.",
              "The Central Water Commission released its annual report on reservoir storage on 1 March 2026."]
    bullets += [BulletFacts(text, i, ["organisation", "agreement", "scheme"], dates=1, figures=2)
                for i, text in enumerate(others)]
    chosen = select_key_points(bullets, title, limit=3)
    assert 5 in [b.position for b in chosen]


def test_a_release_describing_itself_or_its_body_is_no_key_point() -> None:
    from gistbook.page.keypoints import score

    meta = BulletFacts("This press release contains the WPI numbers for February 2026 and for December.", 9)
    assert score(meta, frozenset()) < 0
    assert not can_be_key_point("Through initiatives such as ASIC, CCRAS continues to advance its commitment to "
                                "evidence-based research.")

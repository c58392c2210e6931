"""Key points: the selector's rules on hand-built bullets, and its quality on hand-labelled releases."""

from __future__ import annotations

import json

from tests.page.keypoint_eval import FLOORS, evaluate, labelled_releases

from gistbook.page.keypoints import BulletFacts, select_key_points


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
    assert [b.position for b in select_key_points(plain, "", limit=1)] == [0]


def test_repeats_are_skipped() -> None:
    texts = ["NICDC will develop 100 industrial parks under the BHAVYA scheme across the country by 2030.",
             "Under the BHAVYA scheme NICDC will develop 100 industrial parks across the country by 2030.",
             "The parks will be aligned with the PM GatiShakti National Master Plan for multimodal connectivity."]
    picked = select_key_points(_bullets(texts), "BHAVYA scheme", limit=2)
    assert [b.position for b in picked] == [0, 2]


def test_labels_cover_thirty_releases() -> None:
    releases = labelled_releases()
    assert len(releases) >= 30
    assert all(fragments for _, fragments in releases)


def test_selector_meets_floors_and_beats_first_k() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    results = evaluate(floors["limit"])
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

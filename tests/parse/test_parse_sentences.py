"""The sentence splitter on the shapes of Indian official English (own example sentences)."""

from __future__ import annotations

import pytest

from gistbook.parse.sentences import bullets_from_prose, split_long, split_sentences

HINDI_ONE = "\u092f\u0939 \u090f\u0915 \u0935\u093e\u0915\u094d\u092f \u0939\u0948\u0964"
HINDI_TWO = "\u092f\u0939 \u0926\u0942\u0938\u0930\u093e \u0939\u0948\u0964"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # honorifics and titles before names
        ("Shri. Ram Kumar met Smt. Sita Devi in Pune. They discussed roads.",
         ["Shri. Ram Kumar met Smt. Sita Devi in Pune.", "They discussed roads."]),
        ("The award went to Dr. Meena Rao. Mr. Anil Joshi and Mrs. Rekha Joshi attended.",
         ["The award went to Dr. Meena Rao.", "Mr. Anil Joshi and Mrs. Rekha Joshi attended."]),
        ("H.E. Mr. Kato welcomed Ms. Priya Nair. The talks ended at noon.",
         ["H.E. Mr. Kato welcomed Ms. Priya Nair.", "The talks ended at noon."]),
        ("Hon'ble Minister Prof. Das spoke. St. Xavier's College hosted it.",
         ["Hon'ble Minister Prof. Das spoke.", "St. Xavier's College hosted it."]),
        # single initials
        ("Dr. A. P. J. Abdul Kalam was born in Rameswaram. He studied in Madras.",
         ["Dr. A. P. J. Abdul Kalam was born in Rameswaram.", "He studied in Madras."]),
        ("The Vice-President, Shri C. P. Radhakrishnan, will visit Salem. He will open a building.",
         ["The Vice-President, Shri C. P. Radhakrishnan, will visit Salem.", "He will open a building."]),
        # money, decimals, numbers
        ("The scheme costs Rs. 500 crore. Trade was $21.96 billion in 2022-23. Growth was 7.2 per cent.",
         ["The scheme costs Rs. 500 crore.", "Trade was $21.96 billion in 2022-23.", "Growth was 7.2 per cent."]),
        ("See Notification No. 12 of 2024. Nos. 4 and 5 were withdrawn.",
         ["See Notification No. 12 of 2024.", "Nos. 4 and 5 were withdrawn."]),
        ("It is issued under General Notification No. F.4(2)-B(W&M)/2018 dated 14 March 2018. Bids close today.",
         ["It is issued under General Notification No. F.4(2)-B(W&M)/2018 dated 14 March 2018.", "Bids close today."]),
        # Latin and company abbreviations
        ("Both sides, i.e. India and Japan, agreed. Crops, e.g. ragi, need less water.",
         ["Both sides, i.e. India and Japan, agreed.", "Crops, e.g. ragi, need less water."]),
        ("It buys tea, coffee etc. from Assam. It also buys spices etc. The port handles them.",
         ["It buys tea, coffee etc. from Assam.", "It also buys spices etc.", "The port handles them."]),
        ("Tata Sons Pvt. Ltd. and Infosys Co. signed. Govt. of India approved it.",
         ["Tata Sons Pvt. Ltd. and Infosys Co. signed.", "Govt. of India approved it."]),
        ("Talks with the U.S. President and the U.K. envoy went well. A deal is near.",
         ["Talks with the U.S. President and the U.K. envoy went well.", "A deal is near."]),
        ("The case India vs. Pakistan was heard at 10 a.m. on Monday. It ended by 4 p.m. today.",
         ["The case India vs. Pakistan was heard at 10 a.m. on Monday.", "It ended by 4 p.m. today."]),
        # quotes, ellipses, brackets, other terminators
        ("He said, \u201cWe will finish the line.\u201d The work began in May.",
         ["He said, \u201cWe will finish the line.\u201d", "The work began in May."]),
        ("The minister paused... and then went on. Was it done? Yes! It was.",
         ["The minister paused... and then went on.", "Was it done?", "Yes!", "It was."]),
        ("The panel backed the plan. (Para 4.6) Members also asked for a review.",
         ["The panel backed the plan. (Para 4.6)", "Members also asked for a review."]),
        ("The steps are: i. Survey the land ii. Build the road. Work starts soon.",
         ["The steps are: i. Survey the land ii. Build the road.", "Work starts soon."]),
        (f"{HINDI_ONE} {HINDI_TWO}", [HINDI_ONE, HINDI_TWO]),  # the danda ends a sentence too
        # whitespace and empties
        ("  One line\n wrapped   here.  ", ["One line wrapped here."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_long_bullet_without_a_stop_is_cut_at_semicolons() -> None:
    parts = [f"clause number {i} lists several districts, blocks and villages covered in phase {i}" for i in range(9)]
    text = "; ".join(parts)
    assert len(text) > 600
    assert split_long(text) == parts


def test_short_bullets_and_bullets_without_semicolons_stay_whole() -> None:
    assert split_long("a; b") == ["a; b"]
    long_text = "word " * 150
    assert split_long(long_text) == [long_text]


def test_tiny_semicolon_pieces_rejoin_the_previous_one() -> None:
    text = "; ".join(["x" * 300, "y" * 300, "ok"])
    assert split_long(text) == ["x" * 300, "y" * 300 + "; ok"]


def test_bullets_from_prose_combines_both() -> None:
    assert bullets_from_prose("First fact. Second fact.") == ["First fact.", "Second fact."]

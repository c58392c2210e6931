"""Acronym definitions found in bullet text, both "Long Name (LN)" and "LN (Long Name)"."""

from __future__ import annotations

from gistbook.extract.acronyms import find_pairs, is_short_form, long_form_start


def pairs(text: str) -> dict[str, str]:
    return {p.short: p.long for p in find_pairs(text)}


def test_long_form_before_the_bracket() -> None:
    text = "The summit was hosted by the Asian Infrastructure Forum (AIF) in May."
    found = find_pairs(text)
    assert [(p.short, p.long) for p in found] == [("AIF", "Asian Infrastructure Forum")]
    assert text[found[0].start:found[0].end] == "Asian Infrastructure Forum"


def test_several_definitions_in_one_bullet() -> None:
    text = ("Members of the Global Water Council (GWC), the Ocean Data Network (ODN) and the "
            "Rural Credit Guarantee Fund (RCGF) met.")
    assert pairs(text) == {"GWC": "Global Water Council", "ODN": "Ocean Data Network",
                           "RCGF": "Rural Credit Guarantee Fund"}


def test_mixed_case_acronym_matches_initials_inside_words() -> None:
    assert pairs("She chairs the Leadership Group for Industry Transition (LeadIT) this year.") == {
        "LeadIT": "Leadership Group for Industry Transition"}
    assert pairs("A Memorandum of Understanding (MoU) was signed.") == {"MoU": "Memorandum of Understanding"}


def test_shortest_expansion_leaves_a_leading_compound_out() -> None:
    found = pairs("Both joined the India-Japan-Australia Supply Chain Resilience Initiative (SCRI) early.")
    assert found == {"SCRI": "Supply Chain Resilience Initiative"}


def test_implied_agreement_letter() -> None:
    assert pairs("The India-Korea Comprehensive Economic Partnership (CEPA) was reviewed.") == {
        "CEPA": "Comprehensive Economic Partnership"}


def test_acronym_first_and_square_brackets() -> None:
    assert pairs("Work on IMEC (India-Middle East-Europe Economic Corridor) continues.") == {
        "IMEC": "India-Middle East-Europe Economic Corridor"}
    assert pairs("He spoke of the Blue Economy Action Plan [BEAP] at length.") == {"BEAP": "Blue Economy Action Plan"}
    assert pairs("The PM-KISAN (Pradhan Mantri Kisan Samman Nidhi) payout rose.") == {
        "PM-KISAN": "Pradhan Mantri Kisan Samman Nidhi"}


def test_brackets_that_define_nothing() -> None:
    assert pairs("Four partners (Japan, Australia, India & US) attended.") == {}
    assert pairs("Trade grew in phase (II) and in 2021 (provisional).") == {}
    assert pairs("The index (2024) fell.") == {}
    assert pairs("No brackets here at all.") == {}


def test_short_form_shapes() -> None:
    assert is_short_form("ISA") and is_short_form("LeadIT") and is_short_form("G20") and is_short_form("PM-KISAN")
    assert not is_short_form("II") and not is_short_form("2024") and not is_short_form("Phase")


def test_first_letter_must_open_a_word() -> None:
    assert long_form_start("HSR", "first High Speed Rail") == 6
    assert long_form_start("XYZ", "nothing like it") is None

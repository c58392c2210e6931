"""What a statement may rest on: a fact that could be false, not praise, a single case or a legal citation; and a
question's false statements never expose one another."""

from __future__ import annotations

import pytest

from gistbook.quiz.cloze import worth_blanking
from gistbook.quiz.kb import Mark, Sentence
from gistbook.quiz.mutate import NEVER_ASKED
from gistbook.quiz.pool import Statement
from gistbook.quiz.quality import vague_claim
from gistbook.quiz.statements import _betrayed

# lines of the kind found in the dev corpus's releases, reworded
PRAISE = [
    ("The railways are focussed on providing affordable, good quality services to every section of society.", False),
    ("Two sports schemes have worked in tandem to widen participation across the country.", False),
    ("The water mission has emerged as a people-centric movement for dignity in villages.", False),
    ("Aiming at a $5 trillion economy, the income-support scheme is an important foundation for inclusive growth.",
     True),
]
FACTS = [
    ("The Border Roads Organisation, established in 1960, has built over 64,000 km of roads, significantly "
     "enhancing readiness in border areas.", True),
    ("The Dharma Guardian exercise is a significant bilateral training operation between the armies of India and "
     "Japan.", True),
    ("India and Japan agreed to strengthen financial cooperation at the second Finance Dialogue in Tokyo.", True),
    ("The Uttar Poorva Transformative Industrialization Scheme supports industries in the North-eastern States.",
     False),
]


@pytest.mark.parametrize(("text", "checkable"), PRAISE)
def test_praise_is_not_a_statement(text: str, checkable: bool) -> None:
    assert vague_claim(text, checkable)


@pytest.mark.parametrize(("text", "checkable"), FACTS)
def test_a_fact_among_words_of_praise_stays(text: str, checkable: bool) -> None:
    assert not vague_claim(text, checkable)


@pytest.mark.parametrize("text", [
    "The Commission has taken suo motu cognizance of a media report that two workers died in a factory fire.",
    "The competition regulator has approved the proposed combination of two cement makers.",
    "Under G.S.R. notification 127 (E), entities are recognised as startups.",
    "Storage is defined under clause (50) of Section 2 of the Electricity Act, 2003.",
])
def test_single_cases_and_citations_are_never_asked(text: str) -> None:
    assert NEVER_ASKED.search(text)


def _false(text: str, stored: str) -> Statement:
    return Statement(text, False, 1, "changed", stored)


def test_two_false_statements_changing_one_value_expose_each_other() -> None:
    act = "The Electricity Act, 2003 made captive generation a key provision."
    first = _false(act.replace("2003", "2008"), act)
    other = "Energy storage is defined under the Electricity Act, 2003 as part of the power system."
    second = _false(other.replace("2003", "2009"), other)
    assert _betrayed(first, [first, second], "Electricity Act")
    unrelated = "The Act was amended in 2022 to allow open access."
    third = _false(unrelated.replace("2022", "2019"), unrelated)
    assert not _betrayed(first, [first, third], "Electricity Act")


@pytest.mark.parametrize(("text", "worth"), [
    ("The mission has a target of 100 million tonnes of coal gasification by 2030.", True),
    ("The council has a Chairperson and 28 members.", True),
    ("The labs have reached 1.1 crore students so far.", False),
    ("The contract, valued at ₹2,000 crore, was signed with the shipyard.", False),
    ("The expressway stretches 109.019 km across the district.", False),
])
def test_a_figure_is_blanked_only_as_a_rule_or_a_goal(text: str, worth: bool) -> None:
    figure = Mark("figure", 0, 1, "1")
    assert worth_blanking(Sentence(1, text, [figure]), figure) is worth


@pytest.mark.parametrize("text", [
    "Last year, India's exports of marine products rose to $7.4 billion.",
    "On the first day, over 5,000 visitors came to the pavilion at Pragati Maidan.",
])
def test_a_time_only_the_release_knows_is_never_asked(text: str) -> None:
    assert NEVER_ASKED.search(text)


def test_an_incident_or_a_journal_named_only_before_is_unnamed() -> None:
    from gistbook.quiz.mutate import unnamed_reference

    assert unnamed_reference("Two men were arrested after the incident near the port in 2025.")
    assert unnamed_reference("The second issue of the journal carried 14 research papers in 2026.")
    assert not unnamed_reference("The Indian Journal of Medical Research published 14 papers in 2026.")

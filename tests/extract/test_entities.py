"""Entities, offices and acronyms from real text: the seed article and sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gistbook.extract.entities import find_entities_batch
from gistbook.extract.nlp import load_model_only, load_nlp
from gistbook.parse import parse_document
from gistbook.read import read_source
from gistbook.records import Article, Bullet, Document, EntityMention, Section, content_hash

SHARED = Path(__file__).resolve().parents[3] / "shared" / "acceptance"


def article(*bullets: str, category: str | None = None) -> Article:
    section = Section(None, "news", [Bullet(text) for text in bullets])
    return Article(title="test", sections=[section], source="test", uri="test", kind="note",
                   content_hash=content_hash("\n".join(bullets)), category=category)


def entities(*bullets: str) -> dict[str, EntityMention]:
    """Distinct entities by canonical name, as `show --json` lists them."""
    (mentions, _), = find_entities_batch([article(*bullets)])
    found: dict[str, EntityMention] = {}
    for mention in mentions:
        found.setdefault(mention.name, mention)
    return found


def norm(text: str | None) -> str:
    return " ".join(str(text or "").replace("’", "'").split()).casefold()


@pytest.fixture(scope="module")
def seed() -> tuple[list[EntityMention], dict[str, str], Article]:
    path = SHARED / "seed-article.txt"
    if not path.exists():
        pytest.skip("shared seed missing")
    doc = next(iter(read_source(str(path), max_bytes=10**7)))
    assert isinstance(doc, Document)
    art = parse_document(doc, published="2024-09-10")
    (mentions, acronyms), = find_entities_batch([art])
    return mentions, acronyms, art


def test_seed_entities_match_the_gold(seed: tuple[list[EntityMention], dict[str, str], Article]) -> None:
    mentions, _, _ = seed
    gold = json.loads((SHARED / "seed-gold.json").read_text(encoding="utf-8"))["entities"]
    names = {norm(m.name): m for m in mentions}
    aliases = {norm(a): m for m in mentions for a in m.aliases}
    missing = []
    for items in gold.values():
        for item in items:
            name = item["name"] if isinstance(item, dict) else item
            found = names.get(norm(name)) or aliases.get(norm(name))
            if found is None or (isinstance(item, dict) and norm(item["role"]) not in norm(found.role)):
                missing.append(name)
            elif isinstance(item, dict):
                assert found.country == item["country"], name
    assert missing == []


def test_seed_acronyms_expand(seed: tuple[list[EntityMention], dict[str, str], Article]) -> None:
    _, acronyms, _ = seed
    gold = json.loads((SHARED / "seed-gold.json").read_text(encoding="utf-8"))["acronyms"]
    for short, long in gold.items():
        assert norm(long) in norm(acronyms.get(short)), short


def test_seed_mentions_point_into_their_bullets(seed: tuple[list[EntityMention], dict[str, str], Article]) -> None:
    mentions, _, art = seed
    bullets = art.bullets()
    assert mentions
    for m in mentions:
        assert 0 <= m.start < m.end <= len(bullets[m.bullet_no].text)


def test_seed_has_no_false_organisation_from_an_office(
        seed: tuple[list[EntityMention], dict[str, str], Article]) -> None:
    mentions, _, _ = seed
    assert "International Affairs" not in {m.name for m in mentions}


def test_country_aliases_share_one_canonical_name() -> None:
    found = entities("Envoys of the US, the USA and America met British and UK officials.")
    assert found["United States"].type == "country"
    assert {"US", "USA", "America"} <= set(found["United States"].aliases)
    assert "United Kingdom" in found
    assert not {"US", "USA", "America", "UK", "British"} & set(found)


def test_demonyms_name_their_country() -> None:
    found = entities("Japanese firms are building Indian ports.")
    assert found["Japan"].type == "country" and found["India"].type == "country"


def test_office_before_the_name_and_honorifics_stripped() -> None:
    found = entities("Union Minister for Rural Development Shri Arjun Mehta opened the fair in Pune.")
    person = found["Arjun Mehta"]
    assert person.type == "person"
    assert person.role == "Union Minister for Rural Development"
    assert person.country == "India"
    assert "Shri Arjun Mehta" not in found


def test_office_after_the_name_with_its_country() -> None:
    found = entities("Kenji Sato, Deputy Minister of Trade, Japan, led the visiting side.")
    assert found["Kenji Sato"].role == "Deputy Minister of Trade"
    assert found["Kenji Sato"].country == "Japan"


def test_the_last_of_a_name_office_list_does_not_take_the_office_before_its_and() -> None:
    found = entities("Ravi Menon, Secretary, Ministry of Coal and Shri Vikram Singh addressed the meeting.")
    assert found["Ravi Menon"].role == "Secretary, Ministry of Coal"  # the "and" is not part of the office
    assert found["Vikram Singh"].role is None
    found = entities("Shri Ravi Menon, Joint Secretary and Shri Vikram Singh addressed the meeting.")
    assert found["Ravi Menon"].role == "Joint Secretary"
    assert found["Vikram Singh"].role is None


def test_initials_alone_are_no_person() -> None:
    found = entities("The campaign reached Gen Z voters across the country.")
    assert not [name for name, mention in found.items() if mention.type == "person"]
    found = entities("Shri R.C. Meena, Under Secretary, signed the order.")  # initials with a surname still are
    assert found["R. C. Meena"].role == "Under Secretary"


def test_foreign_office_holder_takes_the_country_of_the_office() -> None:
    found = entities("The talks were held with H.E. Mr. Lars Holm, Foreign Minister of Norway.")
    assert found["Lars Holm"].role == "Foreign Minister"
    assert found["Lars Holm"].country == "Norway"


def test_former_office_and_known_person() -> None:
    found = entities("Tokyo still debates the legacy of former Prime Minister Shinzo Abe.")
    assert found["Shinzo Abe"].role == "former Prime Minister"
    assert found["Shinzo Abe"].country == "Japan"


def test_surname_resolves_to_the_full_name() -> None:
    found = entities("Shri Arjun Mehta chaired the meeting.", "Later, Shri Mehta visited the farms.")
    assert "Mehta" not in found
    assert found["Arjun Mehta"].type == "person"


def test_office_words_do_not_become_organisations() -> None:
    found = entities("Hiro Tanaka, Vice Minister of Finance for International Affairs, Japan, spoke first.")
    assert "International Affairs" not in found
    assert found["Hiro Tanaka"].role == "Vice Minister of Finance for International Affairs"


def test_grouping_in_brackets_gives_its_members() -> None:
    found = entities("The Quad (India, Japan, Australia and the US) met in Sydney.")
    assert found["Quad"].type == "organisation"
    assert {"India", "Japan", "Australia", "United States"} <= {n for n, e in found.items() if e.type == "country"}
    assert found["Sydney"].type == "place"


def test_military_exercises() -> None:
    found = entities("Troops of India and Nepal began the Surya Kiran exercise.",
                     "The two navies held Exercise Varuna-2025 off Goa.")
    assert found["Surya Kiran"].type == "military_exercise"
    assert found["Varuna"].type == "military_exercise"


def test_exercise_names_that_are_ordinary_words_need_a_cue() -> None:
    found = entities("Varuna is a deity of the oceans.", "The Jal Shakti ministry reviewed wells.")
    assert not [e for e in found.values() if e.type == "military_exercise"]


def test_agreements_schemes_and_policies_by_their_head_words() -> None:
    found = entities(
        "The Agreement on Mutual Legal Assistance in Criminal Matters was signed last year.",
        "Farmers are insured under the Pradhan Mantri Fasal Bima Yojana.",
        "A new Scheme for Promotion of Coastal Fisheries was announced.",
        "The Neighbourhood First policy shapes ties with Nepal.",
        "The Indian Ocean Rim Association met in Colombo.",
    )
    assert found["Agreement on Mutual Legal Assistance in Criminal Matters"].type == "agreement"
    assert found["Pradhan Mantri Fasal Bima Yojana"].type == "scheme"
    assert found["Scheme for Promotion of Coastal Fisheries"].type == "scheme"
    assert found["Neighbourhood First"].type == "policy"
    assert found["Indian Ocean Rim Association"].type == "organisation"
    assert found["Colombo"].type == "place"


def test_generic_phrases_are_not_entities() -> None:
    found = entities("The Committee reviewed the Scheme and the MoU signed with the State Government.",
                     "A Memorandum of Understanding was also signed.")
    assert not [e for e in found.values() if e.type in ("organisation", "scheme", "agreement")]


def test_defined_acronym_points_later_mentions_at_the_entity() -> None:
    art = article("The Coastal Research Council (CRC) was set up in 2019.", "CRC will publish its first report.")
    (mentions, acronyms), = find_entities_batch([art])
    assert acronyms == {"CRC": "Coastal Research Council"}
    crc = [m for m in mentions if m.name == "Coastal Research Council"]
    assert {m.bullet_no for m in crc} == {0, 1}
    assert all("CRC" in m.aliases for m in crc)


def test_en_dash_and_hyphen_spellings_are_one_entity() -> None:
    found = entities("The India–Japan Energy Dialogue met.", "The India-Japan Energy Dialogue agreed.")
    assert [n for n in found if "Energy Dialogue" in n] == ["India-Japan Energy Dialogue"]


def test_other_scripts_and_empty_bullets_are_skipped() -> None:
    (mentions, acronyms), = find_entities_batch([article("भारत और जापान ने समझौता किया।", "")])
    assert mentions == [] and acronyms == {}
    assert find_entities_batch([]) == []


def test_same_name_across_articles_and_batch_order() -> None:
    first = article("Japan joined the International Solar Alliance (ISA).")
    second = article("The ISA met in New Delhi.", "Nothing else happened.")
    results = find_entities_batch([first, second])
    assert len(results) == 2
    assert "International Solar Alliance" in {m.name for m in results[0][0]}
    assert "International Solar Alliance" in {m.name for m in results[1][0]}


def test_worker_processes_give_the_same_answer() -> None:
    bullets = [f"Shri Arjun Mehta met the Japanese delegation in Pune on day {n}." for n in range(450)]
    one = find_entities_batch([article(*bullets)], n_process=1)
    two = find_entities_batch([article(*bullets)], n_process=2)
    assert one == two


def test_pipeline_keeps_only_what_extraction_reads() -> None:
    nlp = load_nlp()
    assert nlp.pipe_names == ["tok2vec", "gistbook_rules", "ner", "gistbook_mentions"]
    assert load_model_only().pipe_names == ["tok2vec", "ner"]


def test_an_office_or_a_group_word_names_nobody() -> None:
    import spacy

    from gistbook.extract.people import PEOPLE_NOUNS, _office_words_only

    nlp = spacy.blank("en")
    offices = frozenset({"Governor", "Administrator"}) | PEOPLE_NOUNS
    for text in ("Governors", "Naval Veterans", "Administrator"):
        assert _office_words_only(nlp(text)[:], offices), text
    for text in ("Droupadi Murmu", "Anand Governor Rao"):
        assert not _office_words_only(nlp(text)[:], offices), text


@pytest.mark.parametrize(("text", "span", "person"), [
    ("Greetings on Ram Navami were sent.", "Ram Navami", None),
    ("Wreaths were laid at Veer Bhoomi today.", "Veer Bhoomi", None),
    ("PM Launches Intensified drive against TB.", "PM Launches Intensified", None),
    ("Shri Piyush Goyal met the delegation.", "Shri Piyush Goyal", "Piyush Goyal"),
])
def test_festivals_memorials_and_headline_verbs_are_nobody(text: str, span: str, person: str | None) -> None:
    """What the model may call a person, as clean_name keeps or drops it."""
    from gistbook.extract.lexicon import load_lexicon
    from gistbook.extract.nlp import rule_heads
    from gistbook.extract.people import clean_name

    nlp = load_model_only()
    doc = nlp.make_doc(text)
    at = text.index(span)
    ent = doc.char_span(at, at + len(span), label="PERSON")
    assert ent is not None
    found = clean_name(doc, ent, rule_heads(nlp), load_lexicon())
    assert (doc[found[0]:found[1]].text if found else None) == person

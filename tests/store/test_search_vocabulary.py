"""Search that forgives (store/search.py, store/vocabulary.py) on SQLite and PostgreSQL: misspelt words put right
from the index's own vocabulary, counts kept in step with the index, whole-word highlights, result counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from tests.web.web_fixtures import build_article, save_linked

from gistbook.records import Extraction
from gistbook.store import Store
from gistbook.store.search import best_snippet, corrected_query, forgiving_search, search, spelling_fixes
from gistbook.store.vocabulary import has_trigram_index, near_words, rebuild_vocabulary, words_of

CHIPS = ["The Union Cabinet approved a third semiconductor fabrication unit in Gujarat.",
         "The unit will make wafers for the electronics industry from 2027."]
MISSION = ["The India Semiconductor Mission has so far backed five chip assembly plants.",
           "Ministers flew to Tokyo today to discuss semiconductor supply chains with Japan."]
RATES = ["The Reserve Bank of India held the repo rate at 6.5 per cent.",
         "The government expects inflation to ease in the coming quarter."]


def save(store: Store, name: str, title: str, bullets: list[str], published: str = "2026-03-01") -> int:
    art = build_article(f"notes/{name}.txt", title, [(None, "news", bullets)], published=published)
    return save_linked(store, (art, Extraction()))


@pytest.fixture
def vocab_store(db_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    store = Store(db_url)
    ids = {"chips": save(store, "chips", "Cabinet clears a chip plant", CHIPS),
           "mission": save(store, "mission", "Semiconductor mission widens", MISSION, "2026-03-05"),
           "rates": save(store, "rates", "Repo rate unchanged", RATES, "2026-03-07")}
    yield store, ids
    store.close()


def word_counts(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {str(w): int(n) for w, n in s.execute(text("SELECT word, docs FROM search_words"))}


def test_a_misspelt_word_finds_the_articles_and_says_what_it_meant(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    with store.session() as s:
        answer = forgiving_search(s, "semiconducter")
        as_typed = forgiving_search(s, "semiconducter", exact=True)
        two_words = forgiving_search(s, "Semiconducter misson")
    assert answer.corrected and answer.suggestion == "semiconductor"
    assert {r["article_id"] for r in answer.results} == {ids["chips"], ids["mission"]} and answer.total == 2
    marked = {r["snippet"][a:b].casefold() for r in answer.results for a, b in r["highlights"]}
    assert marked == {"semiconductor"}  # the corrected word is the one highlighted
    assert as_typed.results == [] and as_typed.total == 0 and as_typed.suggestion == "semiconductor"
    assert not as_typed.corrected
    assert two_words.suggestion == "Semiconductor mission"  # the reader's capitals are kept
    assert [r["article_id"] for r in two_words.results] == [ids["mission"]]


def test_words_the_index_holds_are_never_corrected(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    with store.session() as s:
        # a plural the vocabulary lacks but the index's stemming matches; a stop word; a number; a short word
        for query in ("semiconductors", "with", "2027", "chp", "repo rate"):
            answer = forgiving_search(s, query)
            assert answer.suggestion is None and not answer.corrected, query
        plural = forgiving_search(s, "semiconductors")
        assert {r["article_id"] for r in plural.results} == {ids["chips"], ids["mission"]}
        assert spelling_fixes(s, ["zzqxv", "wibblewobble"]) == {}  # nothing near: no guess


def test_the_vocabulary_keeps_count_of_articles_per_word(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    counts = word_counts(store)
    assert counts["semiconductor"] == 2 and counts["wafers"] == 1 and counts["tokyo"] == 1
    assert "6" not in counts and "to" not in counts  # digits and two-letter words are not kept
    save(store, "chips", "Cabinet clears a chip plant", CHIPS[:1] + ["The plant will employ 5,000 engineers."])
    after = word_counts(store)  # the same source saved again replaces its row: no word is counted twice
    assert after["semiconductor"] == 2 and after["engineers"] == 1
    if store.dialect == "sqlite":  # FTS5 keeps the replaced text, so its words are taken away exactly
        assert "wafers" not in after
    with store.sessions.begin() as s:
        rebuild_vocabulary(s)
    rebuilt = word_counts(store)
    assert rebuilt["semiconductor"] == 2 and "wafers" not in rebuilt
    assert set(rebuilt) == set().union(*(words_of([t]) for t in [*CHIPS[:1], "The plant will employ 5,000 engineers.",
                                                                *MISSION, *RATES, "Cabinet clears a chip plant",
                                                                "Semiconductor mission widens", "Repo rate unchanged"]))


def test_a_deleted_articles_words_are_not_suggested(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    with store.session() as s:
        assert forgiving_search(s, "wafrs").suggestion == "wafers"
    store.delete(ids["chips"])
    with store.session() as s:
        answer = forgiving_search(s, "wafrs")  # the vocabulary may still hold it; the index does not
    assert answer.suggestion is None and answer.results == []


def test_near_words_rank_the_closest_then_the_commonest(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = vocab_store
    with store.session() as s:
        assert [c.word for c in near_words(s, "governmnet")][:1] == ["government"]  # a transposition is one edit
        assert near_words(s, "inflaton")[0].word == "inflation"
        assert near_words(s, "cbi") == []  # too short to guess
        if store.dialect == "postgresql":
            assert has_trigram_index(s)  # migration 0010 built the pg_trgm index


def test_result_count_and_paging(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    with store.session() as s:
        first = forgiving_search(s, "india", limit=1)
        second = forgiving_search(s, "india", limit=1, offset=1)
        both = forgiving_search(s, "semiconductor india", limit=1, offset=1)
    assert first.total == second.total == 2 and len(first.results) == len(second.results) == 1
    assert first.results[0]["article_id"] != second.results[0]["article_id"]
    assert both.total == 1 and both.results == []  # page 2 of an all-words match stays empty: no switch to any-word


def test_highlights_are_whole_words_only() -> None:
    bullet = [(1, "Ministers flew to Tokyo today to discuss chips; the toll rose.")]
    _, snippet, marks = best_snippet(bullet, ["to"])
    assert [snippet[a:b] for a, b in marks] == ["to", "to"]
    _, snippet, marks = best_snippet([(2, "Exercises and the exercise: exercising daily; exercised")], ["exercise"])
    assert [snippet[a:b] for a, b in marks] == ["Exercises", "exercise", "exercising", "exercised"]
    _, snippet, marks = best_snippet([(3, "Japanese firms and Japan's banks")], ["japan"])
    assert [snippet[a:b] for a, b in marks] == ["Japan"]


def test_corrected_query_keeps_the_rest_of_the_query() -> None:
    fixes = {"goverment": "government", "misson": "mission"}
    assert corrected_query("Goverment MISSON, 2026!", fixes) == "Government MISSION, 2026!"
    assert corrected_query("repo rate", fixes) == "repo rate"


def test_plain_search_is_unchanged_by_the_vocabulary(vocab_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = vocab_store
    with store.session() as s:
        assert search(s, "semiconducter") == []  # the CLI's search stays literal
        assert {r["article_id"] for r in search(s, "semiconductor")} == {ids["chips"], ids["mission"]}

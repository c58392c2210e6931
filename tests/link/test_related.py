"""Related articles: shared rare entities, same thread and similar text rank first, each with its reason."""

from __future__ import annotations

from gistbook.link.related import related_articles
from gistbook.store import Store


def test_same_thread_ranks_first_with_a_reason(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = notes_store
    with store.session() as s:
        result = related_articles(s, ids["link-notes/japan-finance.txt"], limit=5)
    top = result["related"][0]
    assert top["article_id"] == ids["link-notes/japan-2plus2.txt"]
    assert top["reason"].startswith("same ") and "same India–Japan thread" in top["reason"]
    scores = [r["score"] for r in result["related"]]
    assert scores == sorted(scores, reverse=True)
    assert ids["link-notes/japan-finance.txt"] not in {r["article_id"] for r in result["related"]}
    assert {t["name"] for t in result["topics"]} >= {"India–Japan", "Malabar"}


def test_a_common_shared_name_links_nothing(notes_store: tuple[Store, dict[str, int]]) -> None:
    """The Quad note shares only India with the Asian Games note: no link, and no reason names India alone.
    (The Australia summit names the Quad once, past its opening: a passing mention, not a shared subject.)"""
    store, ids = notes_store
    with store.session() as s:
        related = related_articles(s, ids["link-notes/quad-summit.txt"])["related"]
    ranked = [r["article_id"] for r in related]
    assert ids["link-notes/asian-games.txt"] not in ranked
    assert all("India" not in r["reason"].replace("India–", "") for r in related)


def test_a_subject_central_to_both_links_them(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, ids = notes_store
    with store.session() as s:
        related = related_articles(s, ids["link-notes/japan-finance.txt"], limit=5)["related"]
    assert related and all(r["reason"].startswith("same ") for r in related)


def test_unknown_article_gives_empty_lists(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        assert related_articles(s, 10**6) == {"article_id": 10**6, "related": [], "topics": []}


def test_a_country_thread_links_only_items_whose_headlines_name_the_country(
        notes_store: tuple[Store, dict[str, int]]) -> None:
    """A release that mentions Japan in passing is not part of the India–Japan thread."""
    store, ids = notes_store
    with store.session() as s:
        for article_id in ids.values():
            for r in related_articles(s, article_id)["related"]:
                if "India–Japan thread" in r["reason"]:
                    assert "japan" in r["title"].casefold(), r


def test_words_of_ceremony_and_form_are_no_shared_subject() -> None:
    from gistbook.link.related import _both_about

    terms = ["tribute", "pays", "birsa", "munda", "anniversary"]
    assert _both_about(terms, "President pays tribute to Birsa Munda on his birth anniversary") == ["birsa", "munda"]
    assert _both_about(terms, "Vice-President pays tribute to a freedom fighter") == []


def test_a_venue_is_no_shared_subject() -> None:
    from gistbook.link.related import VENUE

    for name in ("Dr Ambedkar International Centre", "Vigyan Bhawan", "Bharat Mandapam", "Hyderabad House"):
        assert VENUE.search(name), name
    for name in ("National Centre for Good Governance", "Central Ayurveda Research Institute"):
        assert not VENUE.search(name), name

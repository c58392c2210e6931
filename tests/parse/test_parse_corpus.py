"""Every press release in the shared corpus must read as a point-wise note, with nothing of the page kept."""

from __future__ import annotations

import re

import pytest

from gistbook.parse import ParseError, parse_document
from gistbook.records import Article, Document

SAMPLE_EVERY = 40  # 33 records spread over the whole corpus
MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
HONORIFIC_AT_END = re.compile(r"(?:^|\s)(?:Shri|Smt|Dr|Mr|Mrs|Ms|H\.E|Prof|Rs)\.$")


@pytest.fixture(scope="module")
def parsed(corpus_documents: list[tuple[dict[str, str], Document]]) -> list[tuple[dict[str, str], Article]]:
    """The whole corpus parsed once, each record with its Article."""
    return [(record, parse_document(doc)) for record, doc in corpus_documents]


def test_whole_corpus_parses_without_failure(corpus_documents: list[tuple[dict[str, str], Document]]) -> None:
    """All 1,305 releases, failures collected so one run lists every bad record."""
    failures = []
    for record, doc in corpus_documents:
        try:
            article = parse_document(doc)
        except ParseError as error:
            failures.append(f"{doc.source} {record['title'][:60]}: {error}")
            continue
        assert article.title and article.bullets()
    assert len(corpus_documents) == 1305
    assert failures == []


def test_sampled_records_keep_their_metadata(parsed: list[tuple[dict[str, str], Article]]) -> None:
    sample = parsed[::SAMPLE_EVERY]
    assert len(sample) >= 30
    for record, article in sample:
        assert article.title == record["title"].strip()
        assert (article.published, article.published_precision) == (record["published"], "day")
        assert article.category == record["category"]
        assert article.url == record["url"]
        assert article.kind == "json"
        assert len(article.bullets()) >= 1
        assert article.sections[0].heading is not None or article.sections[0].role == "news"


def test_no_markup_or_release_furniture_survives(parsed: list[tuple[dict[str, str], Article]]) -> None:
    for record, article in parsed:
        for bullet in article.bullets():
            text = bullet.text
            assert not MARKUP.search(text), (record["title"], text)
            assert not text.startswith(("Read this release in", "http://", "https://")), (record["title"], text)
            assert text.strip() == text and text


def test_opening_repeats_of_title_and_ministry_are_dropped(parsed: list[tuple[dict[str, str], Article]]) -> None:
    for record, article in parsed:
        first = article.bullets()[0].text.casefold()
        assert first != record["title"].strip().casefold(), record["title"]
        assert first != record["category"].casefold(), record["title"]


def test_untitled_lead_is_the_news(parsed: list[tuple[dict[str, str], Article]]) -> None:
    for _, article in parsed:
        for position, section in enumerate(article.sections):
            if section.heading is None:
                assert position == 0 and section.role == "news"


def test_no_sentence_is_cut_after_an_honorific(parsed: list[tuple[dict[str, str], Article]]) -> None:
    """Real official prose is full of 'Shri', 'Smt.', 'Dr.', 'H.E.': none may end a bullet."""
    for record, article in parsed:
        for bullet in article.bullets():
            assert not HONORIFIC_AT_END.search(bullet.text), (record["title"], bullet.text)


def _bullets_of(parsed: list[tuple[dict[str, str], Article]], title_part: str) -> list[str]:
    article = next(a for r, a in parsed if title_part in r["title"])
    return [b.text for b in article.bullets()]


def test_honorifics_and_initials_in_real_releases(parsed: list[tuple[dict[str, str], Article]]) -> None:
    knesset = _bullets_of(parsed, "Israeli Parliament")
    assert any("H.E. Amir Ohana" in t for t in knesset)
    assert any("H.E. Mr. Benjamin Netanyahu" in t and "H.E. Mr Yair Lapid" in t for t in knesset)
    vice_president = _bullets_of(parsed, "to Visit Tamil Nadu")
    opening = "The Vice-President of India, Shri C. P. Radhakrishnan, will visit"
    assert any(t.startswith(opening) for t in vice_president)
    assert len(vice_president) == 2  # two sentences in one paragraph become two bullets


def test_rupee_and_decimal_amounts_stay_inside_sentences(parsed: list[tuple[dict[str, str], Article]]) -> None:
    kcc = _bullets_of(parsed, "Kisan Credit Card: Fueling Growth")
    assert any("Rs. 10.2 lakh crore" in t for t in kcc)
    assert not any(re.match(r"^\d+ (?:lakh|crore)", t) for t in kcc)

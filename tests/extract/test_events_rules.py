"""Events: one per dated statement, clause-wise for lists of dates, the news on its day, references resolved."""

from __future__ import annotations

import datetime as dt

from gistbook.extract.events import find_events
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Article, Bullet, EntityMention, Event, Section


def article(bullets: list[str], published: str | None = "2024-09-10", title: str = "Two nations widen ties") -> Article:
    return Article(
        title=title,
        sections=[Section(heading=None, role="news", bullets=[Bullet(b) for b in bullets])],
        source="test",
        uri="test",
        kind="note",
        content_hash="x",
        published=published,
        published_precision="day" if published else None,
    )


def events(
    bullets: list[str], published: str | None = "2024-09-10", entities: list[EntityMention] | None = None
) -> list[Event]:
    art = article(bullets, published)
    anchor = dt.date.fromisoformat(published) if published else None
    exprs = [e for n, b in enumerate(art.bullets()) for e in find_time_expressions(b.text, anchor, n)]
    return find_events(art, exprs, entities or [])


def test_the_news_is_an_event_on_its_day() -> None:
    found = events(["The two sides met in Tokyo."])
    assert [(e.date, e.text, e.bullet_no) for e in found] == [("2024-09-10", "Two nations widen ties", 0)]


def test_no_news_event_without_a_known_day() -> None:
    assert events(["The two sides met in 2019."], published=None) == [
        Event(date="2019", text="The two sides met in 2019.", bullet_no=0)
    ]


def test_a_list_of_dates_is_split_clause_wise_with_the_shared_subject() -> None:
    text = (
        "Ties were raised to ‘Close Partnership’ in 2001, ‘Strategic Partnership’ in 2007, "
        "and ‘Special Strategic Partnership’ in 2015."
    )
    found = [e for e in events([text]) if e.date != "2024-09-10"]
    assert [e.date for e in found] == ["2001", "2007", "2015"]
    assert "‘Close Partnership’" in found[0].text and "Strategic" not in found[0].text
    assert found[1].text.startswith("Ties were raised to ‘Strategic Partnership’") and "Special" not in found[1].text
    assert found[2].text.startswith("Ties were raised to ‘Special Strategic Partnership’")


def test_a_later_clause_with_only_a_verb_borrows_the_subject() -> None:
    found = [e for e in events(["The mission, launched in 2015, was extended in 2021."]) if e.date != "2024-09-10"]
    assert [e.date for e in found] == ["2015", "2021"]
    assert found[1].text.startswith("The mission") and "extended" in found[1].text


def test_ranges_stay_one_statement() -> None:
    found = [e for e in events(["He led the body from 2004 to 2014."]) if e.date != "2024-09-10"]
    assert [(e.date, e.text) for e in found] == [
        ("2004", "He led the body from 2004 to 2014."),
        ("2014", "He led the body from 2004 to 2014."),
    ]


def test_durations_sets_times_today_and_decades_make_no_events() -> None:
    found = events(["Leaders meet annually for a 10-year plan, today at 10 am, as in the 1990s."])
    assert [e.date for e in found] == ["2024-09-10"]


def test_one_event_per_date_and_bullet() -> None:
    found = events(["It opened in 2019. It was renovated in 2019."])
    assert [e.date for e in found] == ["2024-09-10", "2019"]


def test_the_bill_is_named_from_the_bullet_before() -> None:
    bullets = [
        "Agreement on Cooperation in Space Research was signed in May 2012.",
        "The Bill came into force in June 2013 after ratification.",
    ]
    found = [e for e in events(bullets) if e.date == "2013-06"]
    assert len(found) == 1
    assert "Space Research" in found[0].text and "force" in found[0].text


def test_entities_name_the_antecedent_when_given() -> None:
    bullets = ["Both sides concluded the Green Corridor Pact in 2018.", "The pact entered into force in 2019."]
    entities = [EntityMention(name="Green Corridor Pact", type="agreement", bullet_no=0, start=28, end=47)]
    found = [e for e in events(bullets, entities=entities) if e.date == "2019"]
    assert "Green Corridor Pact" in found[0].text


def test_a_named_agreement_is_not_rewritten() -> None:
    bullets = ["Talks went on.", "The agreement concerning Mutual Logistics Support was signed in September 2020."]
    found = [e for e in events(bullets) if e.date == "2020-09"]
    assert found[0].text == bullets[1]


def test_long_sentences_are_shortened_to_one_line() -> None:
    text = (
        "The accord was signed in 2010, " + ", ".join(f"covering area {i} of mutual interest" for i in range(30)) + "."
    )
    found = [e for e in events([text]) if e.date == "2010"]
    assert len(found[0].text) <= 300 and "\n" not in found[0].text

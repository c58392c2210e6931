"""Events: one per dated statement, clause-wise for lists of dates, the news on its day, references resolved."""

from __future__ import annotations

import datetime as dt

from gistbook.extract.events import find_events
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Article, Bullet, EntityMention, Event, Section


def article(bullets: list[str], published: str | None = "2024-09-10", title: str = "India, Japan widen ties"
            ) -> Article:
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
    found = events(["India and Japan met in Tokyo."])
    assert [(e.date, e.text, e.bullet_no) for e in found] == [("2024-09-10", "India, Japan widen ties", 0)]


def test_a_headline_that_is_a_label_a_plan_or_a_speech_is_no_event() -> None:
    for title in ("English rendering of PM's address at the summit", "QUICK ESTIMATE OF INDUSTRIAL PRODUCTION",
                  "PM to visit Japan next week", "Conference to be held in Yaounde from 26 March",
                  "Multi state cooperative credit societies", "Minister says the economy is strong"):
        art = article(["India and Japan met in Tokyo."], title=title)
        assert find_events(art, [], []) == [], title


def test_no_news_event_without_a_known_day() -> None:
    assert events(["India and Japan met in 2019."], published=None) == [
        Event(date="2019", text="India and Japan met in 2019.", bullet_no=0)
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
    text = "The Deep Ocean Mission, launched in 2015, was extended in 2021."
    found = [e for e in events([text]) if e.date != "2024-09-10"]
    assert [e.date for e in found] == ["2015", "2021"]
    assert found[0].text == text  # the launch date sits in an aside: the whole statement is kept
    assert found[1].text == "The Deep Ocean Mission was extended in 2021."


def test_a_range_of_days_is_one_event_dated_by_its_start() -> None:
    text = "The National EMRS Sports Meet was held from 11 to 15 November 2023 in Rourkela."
    found = [e for e in events([text]) if e.date != "2024-09-10"]
    assert [(e.date, e.text) for e in found] == [("2023-11-11", text)]


def test_a_span_of_whole_years_is_a_period_not_an_event() -> None:
    found = events(["Sushma Rao led the Board from 2004 to 2014.", "During 2004-2013 the Board recruited staff."])
    assert [e.date for e in found] == ["2024-09-10"]


def test_durations_sets_times_today_and_decades_make_no_events() -> None:
    found = events(["Leaders meet annually for a 10-year plan, today at 10 am, as in the 1990s."])
    assert [e.date for e in found] == ["2024-09-10"]


def test_one_event_per_date_and_bullet() -> None:
    found = events(["The Delhi Metro Museum opened in 2019. The Delhi Metro Museum was renovated in 2019."])
    assert [e.date for e in found] == ["2024-09-10", "2019"]


def test_counts_amounts_and_years_inside_names_are_no_event_dates() -> None:
    found = events([
        "The portal crossed the milestone of 1000 (i.e. 1034) registrations, and Out of 1338 entries 900 were valid.",
        "The Vision 2030 document and the LEADS 2025 report were discussed, and Exam 2026 notices went out.",
        "The sale of drugs is regulated under the Drugs and Cosmetics Act, 1940 and its rules.",
    ])
    assert [e.date for e in found] == ["2024-09-10"]


def test_a_mentioned_earlier_date_does_not_date_the_event() -> None:
    found = events([
        "The ministers reviewed progress since the Tokyo meeting of September 2022.",
        "India and Japan adopted a revised Joint Declaration on Security Cooperation, "
        "replacing the one signed in 2008.",
        "As on 28.02.2026, a total of 499 Eklavya schools were functional.",
        "India's exports rose from 12% in 2019 to 18% of output.",
    ], published="2026-03-10")
    assert [e.date for e in found] == ["2026-03-10"]


def test_plans_targets_and_statistics_for_a_period_are_no_events() -> None:
    found = events([
        "India will host the summit in November 2026.",
        "India aims to reach 500 GW of clean power by 2030.",
        "The urban unemployment rate was estimated at 6.6% in February 2026.",
        "The exercise runs from 2 March 2026 to 30 March 2026 at Pokhran.",
    ], published="2026-03-10")
    assert [e.date for e in found] == ["2026-03-10"]


def test_a_change_between_two_figures_is_a_trend_not_an_event() -> None:
    found = events([
        "The count of trained pilots has risen from around 3,000 in 2014 to over 11,000.",
        "Coal output increased from 1,739.09 million tonnes in 2023-24 to 1,829.69 million tonnes in 2024-25.",
        "Shipments rose to 11.7 lakh crore in the year, a 32% increase from the corresponding period in 2023.",
        "During the quarter ending December 2025, there were 4 pay DTH service providers in the country.",
        "The Reserve Bank of India raised the lending limit from ₹5 crore to ₹10 crore on 24 March 2025.",
    ], published="2026-03-10")
    assert [e.date for e in found if e.text != "India, Japan widen ties"] == ["2025-03-24"]  # a decision


def test_fragments_speech_and_leaning_statements_are_not_shown() -> None:
    found = events([
        "We launched the Jan Dhan Yojana in 2014, he said.",
        "It was renovated in 2019.",
        "The platform was launched in 2020.",
        "During the year 2021, 45 new centres were opened.",
    ], published="2026-03-10")
    assert [e.date for e in found] == ["2026-03-10"]


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
        "The Indus Waters accord was signed in 2010, "
        + ", ".join(f"covering area {i} of mutual interest" for i in range(30)) + "."
    )
    found = [e for e in events([text]) if e.date == "2010"]
    assert len(found[0].text) <= 300 and "\n" not in found[0].text


def test_a_long_sentence_is_never_cut_inside_a_list() -> None:
    text = ("The Multi-State Cooperative Societies (Amendment) Act, 2023 was notified on 3 August 2023 to strengthen "
            "governance, enhance transparency, increase accountability, reform the electoral process, bring in "
            "an election authority, allow the societies to raise funds, mandate audits of larger societies and "
            "provide for an ombudsman to hear the complaints of members across the country.")
    found = [e for e in events([text], published="2026-03-18") if e.date == "2023-08-03"]
    assert found and found[0].text.endswith("across the country.")  # whole (under 400 characters), never cut


def test_greetings_condolences_and_tributes_are_no_news_events() -> None:
    for title in ("Prime Minister extends Eid-ul-Fitr greetings to everyone", "PM condoles loss of lives in a mishap",
                  "Vice-President Felicitates Organisers of a Ceremony", "PM pays tributes to Netaji on his birth "
                  "anniversary", "Prime Minister shares a Sanskrit Subhashitam on courage"):
        art = article(["The Prime Minister spoke today."], title=title)
        assert find_events(art, [], []) == [], title


def test_a_dateline_dates_the_news_and_its_today() -> None:
    from gistbook.extract import extract_article

    art = article(["NEW DELHI, March 9 : The minister inaugurated the new science exhibition today at Pragati Maidan."],
                  published="2026-03-10", title="Minister inaugurates a science exhibition")
    art.kind = "article"
    found = extract_article(art).events
    assert {e.date for e in found} == {"2026-03-09"}


def test_an_ed_word_after_an_article_or_a_hyphen_is_no_verb() -> None:
    from gistbook.standalone import self_contained

    assert not self_contained("After the approval of the restructured PM SVANidhi scheme on 27th August 2025")
    assert not self_contained("The Department-related Parliamentary Standing Committee on Science and Technology "
                              "under the Chairmanship of Shri Bhubaneswar Kalita")
    assert self_contained("India and Japan signed the nuclear agreement in November 2016.")
    assert self_contained("NITI Aayog released the sports equipment report on 20 March 2026.")


def test_a_quantity_reported_for_its_period_is_no_event() -> None:
    found = events([
        "The power supply in urban areas has increased to 23.6 hours in FY 2025.",
        "Rural female labour force participation witnessed a modest rise in February, 2026.",
        "Bagmane Prime Office REIT was registered with SEBI on 15 July 2025 as a real estate investment trust.",
    ], published="2026-03-20")
    assert [e.date for e in found] == ["2026-03-20", "2025-07-15"]


def test_a_definite_subject_that_names_nothing_is_not_shown() -> None:
    found = events([
        "The armies held the fifth Dharma Guardian exercise in Rajasthan from 25 February 2024.",
        "The 13th instalment of more than ₹16,800 crore reached over 8 crore farmers on 27 February 2023.",
        "The fifth edition of Exercise Dharma Guardian was held in Rajasthan in February 2024.",
        "The 2025 Bill was passed by Parliament in August 2025.",
    ], published="2026-03-10")
    assert [e.date for e in found] == ["2026-03-10", "2024-02"]


def test_a_day_name_follows_the_tense_of_its_own_verb() -> None:
    anchor = dt.date(2026, 3, 12)  # a Thursday
    said = find_time_expressions("The minister said on Tuesday that talks would resume.", anchor, 0)
    ends = find_time_expressions("The summit ends on Friday.", anchor, 0)
    opening = find_time_expressions("On Tuesday, the minister said talks would resume.", anchor, 0)
    assert [e.value for e in said + ends + opening] == ["2026-03-10", "2026-03-13", "2026-03-10"]


def test_a_subject_that_is_only_a_count_is_not_shown() -> None:
    from gistbook.standalone import self_contained

    assert not self_contained("26 Members attended the meeting of the council in New Delhi.")
    assert not self_contained("Over 500 participants took part in the workshop held in Pune.")
    assert not self_contained("Five agreements were signed during the visit to Tokyo.")
    assert self_contained("Three Indian Navy ships arrived at Port Louis on 4 March 2026.")
    assert self_contained("2025 marks the 75th year of the Constitution of India.")


def test_a_line_without_a_full_stop_and_a_policy_year_make_no_event() -> None:
    found = events([
        "The Government of India vide letter dated 13.03.2026 has requested all States/UTs",
        "Coal India has been advised to conduct auctions under the Revised SHAKTI policy 2025.",
        "The Union Cabinet approved the Revised SHAKTI policy on 12 March 2025.",
    ], published="2026-03-20")
    assert [e.date for e in found] == ["2026-03-20", "2025-03-12"]


def test_dates_a_speaker_mentions_make_no_event() -> None:
    found = events([
        "Shri Harivansh appreciated the role of Portugal in hosting the first India-EU summit in Porto in 2021.",
        "The Minister recalled that the first India-Japan 2+2 meeting was held in New Delhi in November 2019.",
        "The first India-Japan 2+2 meeting was held in New Delhi in November 2019.",
    ], published="2026-03-05")
    assert [e.date for e in found] == ["2026-03-05", "2019-11"]

"""Twenty short made-up news items (written for these tests), with the feed and pages that carry them."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from html import escape

# (slug, title, ISO date, category, paragraphs)
ARTICLES: list[tuple[str, str, str, str, list[str]]] = [
    ("solar-villages", "Ministry widens rooftop solar scheme to hill villages", "2026-03-02", "Energy", [
        "The Ministry of New and Renewable Energy said on Monday that the rooftop solar scheme will now cover "
        "villages above 1,500 metres in Uttarakhand and Himachal Pradesh.",
        "Households in these villages will receive a subsidy of 60 percent on systems of up to 3 kilowatts.",
        "Officials expect about 40,000 homes to join the scheme by March 2027."]),
    ("wetland-count", "Census finds more migratory birds at Chilika lagoon", "2026-03-03", "Environment", [
        "The annual waterbird census at Chilika lagoon in Odisha counted 11.3 lakh birds this winter.",
        "Forest officials linked the rise to cleaner channels dredged in 2024 and to stricter limits on fishing "
        "nets near the islands.",
        "Chilika was named India's first Ramsar site of international importance in 1981."]),
    ("rail-freight", "Eastern freight corridor carries record tonnage in February", "2026-03-04", "Economy", [
        "The Dedicated Freight Corridor Corporation reported that trains on the eastern corridor moved 9.8 "
        "million tonnes of cargo in February 2026.",
        "Coal made up nearly two thirds of the load, followed by cement and fertiliser.",
        "The corridor runs from Ludhiana in Punjab to Sonnagar in Bihar."]),
    ("millet-mission", "States sign up for the second phase of the millet mission", "2026-03-05", "Agriculture", [
        "Fourteen states agreed to join the second phase of the national millet mission at a meeting in New Delhi.",
        "The phase adds processing units for ragi and jowar in tribal districts.",
        "The United Nations observed 2023 as the International Year of Millets after a proposal from India."]),
    ("naval-drill", "India and France hold the Varuna naval exercise off Goa", "2026-03-06", "Defence", [
        "Warships from the Indian Navy and the French Navy began the Varuna exercise off the coast of Goa on "
        "Thursday.",
        "The drill includes anti-submarine warfare, air defence and replenishment at sea.",
        "Varuna was first held in 2001 and is now conducted every year."]),
    ("glacier-lakes", "Survey maps growing glacial lakes in Sikkim", "2026-03-07", "Environment", [
        "The National Disaster Management Authority released a survey of 28 high-risk glacial lakes in Sikkim.",
        "Sensors to warn of sudden floods will be installed at six of these lakes before the monsoon.",
        "A lake burst in October 2023 damaged the Teesta III dam at Chungthang."]),
    ("digital-courts", "Supreme Court opens e-filing centres in district courts", "2026-03-08", "Polity", [
        "The Supreme Court launched e-filing help centres in 200 district courts across the country.",
        "Litigants can file petitions, pay fees and track hearings online with help from trained staff.",
        "The centres are part of the third phase of the eCourts project approved in 2023."]),
    ("space-docking", "ISRO plans a second docking test in low Earth orbit", "2026-03-09", "Science", [
        "The Indian Space Research Organisation said it will attempt a second docking of two small satellites "
        "later this year.",
        "The first docking under the SpaDeX mission succeeded in January 2025.",
        "Docking skills are needed for the Bharatiya Antariksh Station planned for 2035."]),
    ("tiger-corridor", "New corridor links two tiger reserves in central India", "2026-03-10", "Environment", [
        "The Madhya Pradesh forest department notified a 120-kilometre corridor between Kanha and Pench tiger "
        "reserves.",
        "Highways that cross the corridor will get underpasses for animals.",
        "India counted 3,682 tigers in the 2022 census, about three quarters of the world's wild tigers."]),
    ("gst-collections", "Goods and services tax collections rise in February", "2026-03-11", "Economy", [
        "Gross collections of the goods and services tax reached 1.84 lakh crore rupees in February 2026.",
        "This was 9.1 percent more than in February 2025, the finance ministry said.",
        "The tax replaced a range of central and state levies on 1 July 2017."]),
    ("japan-metro", "Japan agrees to fund a metro line in Chennai", "2026-03-12", "International Relations", [
        "India and Japan signed a loan agreement for the second phase of the Chennai metro rail.",
        "The Japan International Cooperation Agency will lend about 2,500 crore rupees for the project.",
        "Japan has been the largest bilateral donor to India since 2003."]),
    ("monsoon-outlook", "Weather office forecasts a normal monsoon", "2026-03-13", "Geography", [
        "The India Meteorological Department said rainfall from June to September is likely to be 102 percent of "
        "the long-period average.",
        "A weak La Nina in the Pacific Ocean is expected to support rainfall over central India.",
        "The long-period average is worked out from rainfall between 1971 and 2020."]),
    ("health-cards", "Half a billion digital health accounts created", "2026-03-14", "Governance", [
        "The National Health Authority said 50 crore Ayushman Bharat Health Accounts have now been created.",
        "The accounts let patients keep their records and share them with hospitals that they choose.",
        "The Ayushman Bharat Digital Mission was launched in September 2021."]),
    ("semiconductor-unit", "Assam semiconductor plant starts trial production", "2026-03-15", "Economy", [
        "A chip assembly and testing plant at Jagiroad in Assam began trial production this week.",
        "The plant was approved under the India Semiconductor Mission in February 2024.",
        "It is expected to package about 48 million chips a day when it runs at full capacity."]),
    ("river-linking", "Work begins on the Ken-Betwa river link canal", "2026-03-16", "Geography", [
        "Digging started on the main canal of the Ken-Betwa link project in the Bundelkhand region.",
        "The project will move surplus water from the Ken river to the Betwa basin for irrigation.",
        "It is the first project taken up under the national perspective plan for river linking."]),
    ("cyber-safety", "Telecom department blocks lakhs of fraudulent mobile numbers", "2026-03-17", "Security", [
        "The Department of Telecommunications said it disconnected 3.4 lakh mobile numbers linked to online "
        "fraud in February.",
        "Citizens can report suspicious calls on the Chakshu facility of the Sanchar Saathi portal.",
        "The portal was launched in May 2023."]),
    ("heritage-listing", "India nominates a fort network for the World Heritage list", "2026-03-18", "Culture", [
        "India submitted a dossier nominating a network of Maratha military forts for the UNESCO World Heritage "
        "list.",
        "The network includes hill forts in Maharashtra and a sea fort in Tamil Nadu.",
        "India has 43 sites on the list as of 2024."]),
    ("nutrition-survey", "Survey shows fewer stunted children in tribal blocks", "2026-03-19", "Social Issues", [
        "A survey in 112 aspirational districts found that stunting among children under five fell to 31 percent.",
        "The women and child development ministry credited take-home rations and growth monitoring at anganwadis.",
        "Poshan Abhiyaan, the national nutrition mission, began in March 2018."]),
    ("green-hydrogen", "First green hydrogen hub named at Kandla port", "2026-03-20", "Energy", [
        "The shipping ministry named Deendayal port at Kandla in Gujarat as the first green hydrogen hub.",
        "A one-megawatt electrolyser at the port will supply fuel to buses and cranes.",
        "The National Green Hydrogen Mission aims at five million tonnes of output a year by 2030."]),
    ("border-roads", "Border Roads Organisation opens a tunnel in Arunachal Pradesh", "2026-03-21", "Defence", [
        "The Border Roads Organisation opened a twin-tube tunnel on the road to Tawang in Arunachal Pradesh.",
        "The tunnel keeps the route open through winter snowfall.",
        "The organisation was set up in May 1960 to build roads in border areas."]),
]

AUTHOR = "Desk Writer"


def article_html(slug: str, title: str, date: str, category: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Test Desk</title>
<meta property="og:title" content="{escape(title)}">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{date}T09:00:00+05:30">
<meta property="article:section" content="{escape(category)}">
</head><body>
<nav><a href="/">Home</a> <a href="/about">About the desk</a></nav>
<article>
<h1>{escape(title)}</h1>
<p class="byline">By {AUTHOR}, {date}</p>
{body}
</article>
<footer><p>Written for tests only.</p></footer>
</body></html>
"""


def rss(base: str, slugs: list[tuple[str, str, str, str, list[str]]] | None = None, title: str = "Test Desk") -> str:
    items = []
    for slug, head, date, category, paragraphs in slugs if slugs is not None else ARTICLES:
        when = format_datetime(dt.datetime.fromisoformat(date + "T09:00:00+05:30"))
        items.append(f"""<item><title>{escape(head)}</title><link>{base}/articles/{slug}.html</link>
<guid>{base}/articles/{slug}.html</guid><pubDate>{when}</pubDate><category>{escape(category)}</category>
<description>{escape(paragraphs[0])}</description></item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{base}/</link>
<description>Made-up news for gistbook's tests</description>
{"".join(items)}
</channel></rss>
"""


def listing_html(base: str, count: int = 5) -> str:
    links = "\n".join(f'<li><a href="/articles/{slug}.html">{escape(title)}</a></li>'
                      for slug, title, *_ in ARTICLES[:count])
    return f"""<!doctype html><html><head><title>Latest from the desk</title></head><body>
<nav><a href="/">Home</a> <a href="/contact">Contact</a></nav>
<main><h1>Latest</h1><ul>
{links}
</ul></main></body></html>
"""

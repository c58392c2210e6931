"""Hand-made articles (in our own words) with extractions, saved through Store.save like the pipeline does."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from gistbook.link import on_article_saved
from gistbook.records import (
    Article,
    Bullet,
    EntityMention,
    Event,
    Extraction,
    Figure,
    Section,
    TimeExpr,
    content_hash,
)
from gistbook.store import Store

JAPAN_NEWS = [
    "India and Japan held their second Finance Dialogue in Tokyo and agreed to deepen financial cooperation.",
    "Economic Affairs Secretary Ajay Seth headed the Indian side, while Vice Minister Atsushi Mimura led the hosts.",
]
JAPAN_BACKGROUND = [
    "The two countries opened diplomatic relations with a peace treaty signed on April 28, 1952.",
    "Both armies train together in the Dharma Guardian exercise, which centres on counter-terrorism drills.",
    "Trade between India and Japan reached $21.96 billion in FY 2022-23.",
    "The Comprehensive Economic Partnership Agreement (CEPA) has been in force since August 1, 2011.",
]
JAPAN_CHALLENGES = ["Military pressure from China in the Indo-Pacific complicates closer ties."]

LOCAL_BASE = "http://127.0.0.1:8000"  # local mode answers only to loopback host names
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def local_client(app: Any, **options: Any) -> TestClient:
    """A browser on a local-mode app: loopback Host, and the page's CSRF token sent with every write (as
    app.js does), so tests of the pages' behaviour need not fetch it themselves."""
    client = TestClient(app, base_url=LOCAL_BASE, **options)
    found = CSRF_META.search(client.get("/add").text)
    assert found, "no csrf-token meta on /add"
    client.headers["x-csrf-token"] = found.group(1)
    return client


def save_linked(store: Store, pair: tuple[Article, Extraction]) -> int:
    """Save as ingest does: facts, topics and the search row are linked in the same transaction."""
    article_id, _ = store.save(*pair, on_saved=on_article_saved)
    return article_id


def _at(bullets: list[str], no: int, phrase: str) -> tuple[int, int]:
    start = bullets[no].index(phrase)
    return start, start + len(phrase)


def mention(bullets: list[str], no: int, phrase: str, name: str, kind: str, **extra: object) -> EntityMention:
    start, end = _at(bullets, no, phrase)
    return EntityMention(name, kind, no, start, end, **extra)  # type: ignore[arg-type]


def timex(bullets: list[str], no: int, phrase: str, value: str) -> TimeExpr:
    start, end = _at(bullets, no, phrase)
    return TimeExpr(phrase, no, start, end, "DATE", value)


def build_article(uri: str, title: str, sections: list[tuple[str | None, str, list[str]]], *,
                  category: str | None = "International Relations", published: str = "2024-09-10",
                  author: str | None = "Meera Rao", author_note: str | None = None,
                  url: str | None = None) -> Article:
    body = "\n".join(t for _, _, texts in sections for t in texts)
    return Article(title=title, sections=[Section(h, r, [Bullet(t) for t in texts])  # type: ignore[arg-type]
                                          for h, r, texts in sections],
                   source=uri, uri=uri, kind="note", content_hash=content_hash(title + body), category=category,
                   published=published, published_precision="day", published_reason="given", author=author,
                   author_note=author_note, url=url)


def japan_article(extra_news: list[str] | None = None) -> tuple[Article, Extraction]:
    """An India–Japan item shaped like the seed: news, background, challenges, author note."""
    news = JAPAN_NEWS + (extra_news or [])
    art = build_article("notes/india-japan.txt", "India and Japan hold their second finance dialogue",
                        [(None, "news", news), ("India-Japan Bilateral Relations", "background", JAPAN_BACKGROUND),
                         ("Roadblocks to closer ties", "challenges", JAPAN_CHALLENGES)],
                        author_note="The writer coaches civil-services candidates.")
    flat = [b.text for b in art.bullets()]
    bg = len(news)
    ext = Extraction(
        entities=[mention(flat, 0, "India", "India", "country"), mention(flat, 0, "Japan", "Japan", "country"),
                  mention(flat, 0, "Tokyo", "Tokyo", "place"),
                  mention(flat, 1, "Ajay Seth", "Ajay Seth", "person", role="Economic Affairs Secretary",
                          country="India"),
                  mention(flat, 1, "Atsushi Mimura", "Atsushi Mimura", "person", role="Vice Minister",
                          country="Japan"),
                  mention(flat, bg + 1, "Dharma Guardian", "Dharma Guardian", "military_exercise"),
                  mention(flat, bg + 3, "Comprehensive Economic Partnership Agreement",
                          "India-Japan Comprehensive Economic Partnership Agreement", "agreement", aliases=["CEPA"]),
                  mention(flat, bg + 4, "China", "China", "country")],
        time_expressions=[timex(flat, bg, "April 28, 1952", "1952-04-28"),
                          timex(flat, bg + 2, "FY 2022-23", "FY2022-23"),
                          timex(flat, bg + 3, "August 1, 2011", "2011-08-01")],
        figures=[Figure(21.96e9, "USD", "$21.96 billion", bg + 2, *_at(flat, bg + 2, "$21.96 billion"),
                        period="FY2022-23", subject="India-Japan bilateral trade")],
        events=[Event("1952-04-28", "India and Japan sign a peace treaty", bg),
                Event("2011-08-01", "India-Japan CEPA comes into force", bg + 3)],
        acronyms={"CEPA": "Comprehensive Economic Partnership Agreement"},
        syllabus=[("GS2: International Relations", 0.9), ("GS3: Economy", 0.4)],
    )
    return art, ext


def economy_article() -> tuple[Article, Extraction]:
    texts = ["The Reserve Bank of India left its policy repo rate unchanged at 6.5 per cent.",
             "The monetary policy committee voted four to two for the pause."]
    art = build_article("notes/repo-rate.txt", "RBI keeps the repo rate on hold", [(None, "news", texts)],
                        category="Economy", published="2024-10-09", author=None)
    ext = Extraction(entities=[mention(texts, 0, "Reserve Bank of India", "Reserve Bank of India", "organisation",
                                       aliases=["RBI"])],
                     syllabus=[("GS3: Economy", 0.95)])
    return art, ext


HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">go</a>'


def hostile_article() -> tuple[Article, Extraction]:
    """Every field a file can fill carries markup that must come out as text."""
    texts = [f"A point with {HOSTILE} inside.", "Second point mentions <b>Evilland</b> plainly."]
    art = build_article("notes/hostile.html", f"Headline {HOSTILE}", [("Heading <script>h()</script>", "news", texts)],
                        category="<i>Cat</i><script>c()</script>", author='<img src=x onerror="a()">',
                        author_note=f"note {HOSTILE}", url="javascript:alert('url')")
    name = '"><script>alert("ent")</script>'
    ext = Extraction(entities=[mention(texts, 1, "<b>Evilland</b>", name, "country")],
                     time_expressions=[], acronyms={"<X>": "<script>y()</script>"},
                     syllabus=[("GS2: <script>z()</script>", 0.5)])
    return art, ext


def japan_followup_article() -> tuple[Article, Extraction]:
    """A later India–Japan item: a newer trade figure supersedes the older one in the dossier's series."""
    texts = ["India and Japan reviewed progress on the high-speed rail corridor between Mumbai and Ahmedabad.",
             "Trade between India and Japan rose to $22.85 billion in FY 2023-24.",
             "The Dharma Guardian exercise was held again in Rajasthan in February 2025."]
    art = build_article("notes/india-japan-2025.txt", "India and Japan review rail and trade ties",
                        [(None, "news", texts)], published="2025-03-01", author=None)
    ext = Extraction(
        entities=[mention(texts, 0, "India", "India", "country"), mention(texts, 0, "Japan", "Japan", "country"),
                  mention(texts, 2, "Dharma Guardian", "Dharma Guardian", "military_exercise"),
                  mention(texts, 2, "Rajasthan", "Rajasthan", "place")],
        time_expressions=[timex(texts, 1, "FY 2023-24", "FY2023-24"), timex(texts, 2, "February 2025", "2025-02")],
        figures=[Figure(22.85e9, "USD", "$22.85 billion", 1, *_at(texts, 1, "$22.85 billion"), period="FY2023-24",
                        subject="India-Japan bilateral trade")],
        events=[Event("2025-02", "Dharma Guardian exercise held in Rajasthan", 2)],
        syllabus=[("GS2: International Relations", 0.8)],
    )
    return art, ext

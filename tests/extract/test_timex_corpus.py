"""Every corpus release through time expressions, figures and events: nothing raises, every span points home."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from gistbook.extract.events import find_events
from gistbook.extract.figures import find_figures
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Article, Bullet, Section

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
EVENT_DATE = r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|\d{4}-Q[1-4]|FY\d{4}-\d\d(?:-[QH]\d)?)$"


def test_whole_corpus_extracts_cleanly() -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus missing: {CORPUS}")
    types: Counter[str] = Counter()
    units: Counter[str] = Counter()
    records = 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            records += 1
            root = lxml_html.fromstring(record["html"] or "<p></p>")
            bullets = [t for t in (" ".join(p.text_content().split()) for p in root.iter("p")) if t]
            anchor = dt.date.fromisoformat(record["published"][:10])
            exprs = []
            for number, text in enumerate(bullets):
                found = find_time_expressions(text, anchor, number)
                for expr in found:
                    assert text[expr.start : expr.end] == expr.text
                    types[expr.type] += 1
                for figure in find_figures(text, number, found):
                    assert text[figure.start : figure.end].strip() == figure.text
                    assert figure.value == figure.value and figure.unit  # not NaN, some unit
                    units[figure.unit if figure.unit in ("INR", "USD", "percent", "km") else "other"] += 1
                exprs.extend(found)
            art = Article(
                title=record["title"],
                sections=[Section(None, "news", [Bullet(b) for b in bullets])],
                source="corpus",
                uri=record["url"],
                kind="json",
                content_hash="-",
                published=record["published"][:10],
                published_precision="day",
            )
            for event in find_events(art, exprs, []):
                assert event.text and re.match(EVENT_DATE, event.date), event
    print(f"corpus: {records} records, time expressions {dict(types)}, figures {dict(units)}")
    assert records == 1305
    assert types["DATE"] > 5000 and types["DURATION"] > 500 and types["SET"] > 300 and types["TIME"] > 40
    assert units["INR"] > 1000 and units["percent"] > 1000

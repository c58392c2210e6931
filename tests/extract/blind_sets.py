"""Sets labelled by annotators who never saw the rules (tests/data/quality), and how each is scored.

- `timex-news.jsonl`: 60 news passages written in the annotator's own words, 312 time expressions.
- `timex-pib-random.jsonl`: 259 bullets drawn at random from the dev corpus (seed 20261202) and 240 drawn at
  random among bullets with a digit or a time word (seed 20261203): 242 expressions.
- `figures-pib-random.jsonl`: 150 bullets with a digit drawn at random (seed 777001), 321 figures.
- `entities-pib-random.jsonl`: 208 bullets drawn at random (seeds 777002 and 777003), 284 entities.
Corpus texts are not copied: each is rebuilt from the shared corpus by offset and checked by SHA-1.
A time expression counts when its TIMEX3 type and value match a label of the text.
Print every score: `.venv/bin/python -m tests.extract.blind_sets` from the repository root."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from tests.extract.test_figures_quality import same_unit

from gistbook.extract.timex import find_time_expressions

DATA = Path(__file__).resolve().parents[1] / "data" / "quality"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"


def _joined_paragraphs(html: str) -> str:
    root = lxml_html.fromstring(html)
    return "\n".join(t for t in (" ".join(p.text_content().split()) for p in root.iter("p")) if t)


def load_set(name: str) -> list[dict[str, Any]]:
    """Records with `text`, `published` and `timex` [{type, value}]; PIB texts rebuilt from the corpus."""
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {r["url"] for r in rows if "text" not in r}
    pages: dict[str, str] = {}
    if wanted and CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["url"] in wanted:
                    pages[record["url"]] = _joined_paragraphs(record["html"])
    out = []
    for r in rows:
        if "text" not in r:
            page = pages.get(r["url"], "")
            text = page[r["offset"] : r["offset"] + r["length"]]
            if hashlib.sha1(text.encode()).hexdigest() != r["sha1"]:
                continue
            r = {**r, "text": text}
        out.append(r)
    return out


def score(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Micro precision, recall and F1 of (type, value) per text."""
    tp = fp = fn = 0
    for r in rows:
        anchor = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        gold = Counter((t["type"], t["value"]) for t in r["timex"])
        found = Counter((e.type, e.value) for e in find_time_expressions(r["text"], anchor, 0))
        hits = sum((gold & found).values())
        tp, fp, fn = tp + hits, fp + sum(found.values()) - hits, fn + sum(gold.values()) - hits
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": rec, "f1": 2 * p * rec / (p + rec) if p + rec else 0.0, "gold": tp + fn}


def score_figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Figures with value (within 0.5%), unit and period right; labels without a unit (an uncaptioned table)
    are left out of both sides."""
    from gistbook.extract.figures import find_figures

    tp = fp = fn = value_unit = 0
    for r in rows:
        anchor = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        exprs = find_time_expressions(r["text"], anchor, 0)
        found = find_figures(r["text"], 0, exprs)
        gold = [g for g in r["figures"] if g.get("unit")]
        skip = [(g["start"], g["end"]) for g in r["figures"] if not g.get("unit")]
        unused = [f for f in found if not any(s <= f.start < e for s, e in skip)]
        for g in gold:
            fit = next((f for f in unused if abs(f.value - g["value"]) <= 0.005 * abs(g["value"])
                        and same_unit(g["unit"], f.unit)), None)
            if fit is None:
                fn += 1
                continue
            unused.remove(fit)
            value_unit += 1
            if fit.period == g.get("period"):
                tp += 1
            else:
                fn, fp = fn + 1, fp + 1
        fp += len(unused)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": rec, "f1": 2 * p * rec / (p + rec) if p + rec else 0.0,
            "gold": sum(len([g for g in r["figures"] if g.get("unit")]) for r in rows), "value_unit": value_unit}


def score_entities(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Entities by (name, type) per text; for people found, the share whose country and office agree."""
    from gistbook.extract import extract_articles
    from gistbook.records import Article, Bullet, Section

    articles = [Article(title="", sections=[Section(heading=None, role="news", bullets=[Bullet(r["text"])])],
                        source="set", uri=r["url"], kind="pib", content_hash=r["sha1"], url=r["url"],
                        published=r["published"], published_precision="day") for r in rows]
    tp = fp = fn = people = country_ok = role_ok = 0
    for r, ext in zip(rows, extract_articles(articles)):
        def key(name: str, etype: str) -> tuple[str, str]:
            return " ".join(name.casefold().split()), etype.split("|")[0]

        gold = {key(g["name"], g["type"]): g for g in r["entities"]}
        found = {key(e.name, e.type): e for e in ext.entities}
        hits = gold.keys() & found.keys()
        tp, fp, fn = tp + len(hits), fp + len(found.keys() - hits), fn + len(gold.keys() - hits)
        for k in hits:
            if k[1] == "person":
                people += 1
                country_ok += (found[k].country or None) == (gold[k].get("country") or None)
                role_ok += _same_office(gold[k].get("role"), found[k].role)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": rec, "f1": 2 * p * rec / (p + rec) if p + rec else 0.0, "gold": tp + fn,
            "people": people, "country": country_ok / people if people else 0.0,
            "office": role_ok / people if people else 0.0}


def _same_office(gold: str | None, found: str | None) -> bool:
    if not gold or not found:
        return not gold and not found
    a, b = " ".join(gold.casefold().split()), " ".join(found.casefold().split())
    return a == b or a in b or b in a


if __name__ == "__main__":
    for name in ("timex-news.jsonl", "timex-pib-random.jsonl"):
        rows = load_set(name)
        s = score(rows)
        print(f"{name}: {len(rows)} texts, {s['gold']:.0f} labels: P={s['precision']:.3f} R={s['recall']:.3f} "
              f"F1={s['f1']:.3f}")
    s = score_figures(load_set("figures-pib-random.jsonl"))
    print(f"figures-pib-random: {s['gold']:.0f} labels, value+unit found {s['value_unit']:.0f}: "
          f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} (value, unit and period)")
    s = score_entities(load_set("entities-pib-random.jsonl"))
    print(f"entities-pib-random: {s['gold']:.0f} labels: P={s['precision']:.3f} R={s['recall']:.3f} "
          f"F1={s['f1']:.3f}; people matched {s['people']:.0f}: country {s['country']:.3f}, office {s['office']:.3f}")

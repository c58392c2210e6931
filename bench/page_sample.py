"""Draw a random sample of exam pages and their Related Topics, for a blind judge
(`../shared/quality/judge-pages.md`).

    .venv/bin/python bench/page_sample.py --seed 7 [--db /tmp/dev.db] [--out /tmp/pages-7] [--count 12]

From a store built from the dev corpus, the seed and the demo notes (built into --db when the file does not exist
yet, as bench/precision.py builds it), it draws with the seed --count releases of the PIB corpus (never the seed
or a demo note). For each it writes the release's own sentences, the note gistbook makes of it (key points,
key figures, sections, each bullet marked as from this release or from earlier articles with their sources) and
the top five related items with their reasons: `sample.md` for the judge, `sample.json` for scoring.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from precision import build_store  # noqa: E402 - a sibling bench script

from gistbook.link.related import related_articles  # noqa: E402
from gistbook.page import build_page  # noqa: E402
from gistbook.store import Store  # noqa: E402
from gistbook.store import models as m  # noqa: E402

RELEASE_PREFIX = "https://pib.gov.in/"  # corpus releases keep their PIB address as their source


def release_ids(session: Any) -> list[int]:
    return sorted(session.scalars(select(m.Article.id).join(m.Source, m.Source.id == m.Article.source_id)
                                  .where(m.Source.uri.like(RELEASE_PREFIX + "%"))))


def release_text(session: Any, article_id: int) -> list[dict[str, Any]]:
    """The release as stored: its sections in order, each with its sentences."""
    out = []
    for section in session.scalars(select(m.Section).where(m.Section.article_id == article_id)
                                   .order_by(m.Section.position)):
        texts = list(session.scalars(select(m.Bullet.text).where(m.Bullet.section_id == section.id)
                                     .order_by(m.Bullet.position)))
        if texts:
            out.append({"heading": section.heading, "sentences": texts})
    return out


def page_item(session: Any, article_id: int) -> dict[str, Any]:
    page = build_page(session, article_id)
    related = related_articles(session, article_id, limit=5)["related"]
    return {
        "article_id": article_id, "title": page["title"], "published": page["published"],
        "release": release_text(session, article_id),
        "note": {"key_points": [p["text"] for p in page["key_points"]],
                 "key_figures": page.get("key_figures", []),
                 "sections": [{"heading": s["heading"], "role": s["role"],
                               "bullets": [{"text": b["text"], "from": "earlier" if b["generated"] else "this release",
                                            "sources": [f"{c['title']} ({(c['published'] or '')[:10]})"
                                                        for c in b["sources"]] if b["generated"] else []}
                                           for b in s["bullets"]]}
                              for s in page["sections"]],
                 "full_text_points": page.get("full_text", {}).get("points")},
        "related": [{"title": r["title"], "published": (r["published"] or "")[:10], "reason": r["reason"]}
                    for r in related],
    }


def _markdown(items: list[dict[str, Any]], seed: int) -> str:
    lines = [f"# Exam pages, random sample (seed {seed})", ""]
    for n, item in enumerate(items, 1):
        lines += [f"## Item {n}: {item['title']} ({(item['published'] or '')[:10]})", "", "### The release", ""]
        for section in item["release"]:
            if section["heading"]:
                lines += [f"**{section['heading']}**", ""]
            lines += [f"- {t}" for t in section["sentences"]] + [""]
        lines += ["### The note", ""]
        for section in item["note"]["sections"]:
            lines += [f"**{section['heading'] or 'Key points'}**", ""]
            for b in section["bullets"]:
                mark = "this release" if b["from"] == "this release" else "earlier: " + "; ".join(b["sources"])
                lines.append(f"- {b['text']}  _[{mark}]_")
            lines.append("")
        if item["note"]["key_figures"]:
            lines += ["**Key figures**", "", "| figure | value |", "|---|---|"]
            lines += [f"| {f['label']} | {f['value']} |" for f in item["note"]["key_figures"]] + [""]
        lines += ["### Related Topics (top five)", ""]
        lines += [f"{i}. {r['title']} ({r['published']}) — reason: {r['reason']}"
                  for i, r in enumerate(item["related"], 1)] or ["(none)"]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--db", type=Path, default=Path("/tmp/gistbook-dev.db"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--count", type=int, default=12)
    args = parser.parse_args()
    if not args.db.exists():
        build_store(args.db)
    out = args.out or Path(f"/tmp/pages-{args.seed}")
    out.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite:///{args.db}")
    with store.session() as session:
        ids = release_ids(session)
        drawn = sorted(random.Random(args.seed).sample(ids, min(args.count, len(ids))))
        items = [page_item(session, aid) for aid in drawn]
    store.close()
    (out / "sample.json").write_text(json.dumps({"seed": args.seed, "items": items}, ensure_ascii=False, indent=1))
    (out / "sample.md").write_text(_markdown(items, args.seed))
    print(f"{len(items)} releases drawn with seed {args.seed} from {len(ids)}: {out / 'sample.md'}")


if __name__ == "__main__":
    main()

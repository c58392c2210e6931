"""Draw a seeded random sample of corpus releases for hand-labelling syllabus papers.

The draw is random (not chosen): `random.Random(SEED).sample` over every release of the shared corpus. Each draw
is printed with its title, issuing body and the opening of its text, for a person to read and label, and a
skeleton is written beside the labels so nothing is labelled that was not drawn.
Run: .venv/bin/python tests/link/syllabus_sample.py [--seed 1717] [--n 60] [--skeleton OUT.jsonl] [--score]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
SEED = 1717
SIZE = 60
_TAGS = re.compile(r"<[^>]+>")


def draw(seed: int = SEED, size: int = SIZE, corpus: Path = CORPUS) -> list[dict[str, str]]:
    """The releases the seed draws, in draw order: url, title, category, published and the raw html."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    picked = random.Random(seed).sample(range(len(lines)), size)
    return [json.loads(lines[i]) for i in picked]


def plain(html: str, limit: int = 900) -> str:
    return re.sub(r"\s+", " ", _TAGS.sub(" ", html)).strip()[:limit]


LABELS = Path(__file__).resolve().parents[1] / "data" / "quality" / "syllabus-papers-random.jsonl"


def load_labels(path: Path = LABELS) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header with the seed, labelled items in draw order)."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:]


def paper_of(tags: list[tuple[str, float]]) -> str:
    """The paper of the best tag, or 'untagged'."""
    return tags[0][0].split(":")[0] if tags else "untagged"


def agrees(predicted: str, papers: list[str]) -> bool:
    """The best tag's paper is one the item belongs to; 'untagged' agrees only with an item labelled 'none'."""
    return ("none" if predicted == "untagged" else predicted) in papers


def predict(items: list[dict[str, Any]]) -> list[str]:
    """Each release read, parsed and extracted as ingest does, then tagged: its best paper or 'untagged'."""
    from gistbook.extract import extract_articles
    from gistbook.extract.syllabus import tag_syllabus
    from gistbook.parse import parse_document
    from gistbook.read import read_source
    from gistbook.records import Failure

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        documents = [d for d in read_source(str(path), max_bytes=10**9) if not isinstance(d, Failure)]
    articles = [parse_document(d) for d in documents]
    by_url = {a.url: paper_of(tag_syllabus(a, e.entities)) for a, e in zip(articles, extract_articles(articles))}
    return [by_url.get(i["url"], "unread") for i in items]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--n", type=int, default=SIZE)
    parser.add_argument("--skeleton", type=Path, help="write one {n, url, title, papers: []} line per draw")
    parser.add_argument("--score", action="store_true", help="tag the labelled sample and print the agreement")
    args = parser.parse_args()
    if args.score:
        header, labelled = load_labels()
        got = predict(draw(header["seed"], header["size"]))
        hits = [agrees(g, item["papers"]) for g, item in zip(got, labelled)]
        for g, item, hit in zip(got, labelled, hits):
            if not hit:
                print(f"MISS {item['n']:>2} {item['title'][:80]!r}: labelled {item['papers']}, tagged {g}")
        print(f"agreement {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.3f} (seed {header['seed']})")
        return
    items = draw(args.seed, args.n)
    for n, item in enumerate(items, 1):
        print(f"## {n}. {item['title']}\n   [{item.get('category')}] {item['url']}\n   {plain(item['html'])}\n")
    if args.skeleton:
        with args.skeleton.open("w", encoding="utf-8") as out:
            for n, item in enumerate(items, 1):
                out.write(json.dumps({"n": n, "url": item["url"], "title": item["title"], "papers": []},
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

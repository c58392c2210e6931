"""Dump what a learner is shown, to compare two revisions of the code (a refactor must not change it).

    .venv/bin/python bench/outputs.py --out /tmp/out-before [--releases 120]
    diff -r /tmp/out-before /tmp/out-after

It builds a fresh SQLite store from the demo notes, the seed and the first --releases items of the dev corpus
through the CLI, then writes, one JSON file each: every article's note, the dossier of the 25 topics with the most
articles, the related top-5 of every article, the whole timeline, the topics list, a seeded quiz and a search.
Ids are the store's own and identical between two runs on the same input, so the files diff line by line.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
SEED_ARTICLE = ROOT.parent / "shared" / "acceptance" / "seed-article.txt"
GISTBOOK = str(ROOT / ".venv" / "bin" / "gistbook")


def _run(db: str, *args: str) -> str:
    done = subprocess.run([GISTBOOK, "--db", db, *args], capture_output=True, text=True, check=False)
    return done.stdout if done.returncode in (0, 1) else f"exit {done.returncode}: {done.stderr.strip()[-400:]}"


def _save(out: Path, name: str, text: str) -> None:
    text = text.replace(str(ROOT), "ROOT")  # the demo notes' paths differ between two checkouts
    with contextlib.suppress(json.JSONDecodeError):  # pretty-printed, a diff points at the field that changed
        text = json.dumps(json.loads(text), indent=1, ensure_ascii=False, sort_keys=True)
    (out / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--releases", type=int, default=120)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/outputs.db"
        subset = Path(tmp) / "subset.jsonl"
        with CORPUS.open(encoding="utf-8") as corpus:
            subset.write_text("".join(line for _, line in zip(range(args.releases), corpus)), encoding="utf-8")
        _run(db, "demo")
        _run(db, "ingest", str(SEED_ARTICLE), "--published", "2024-09-10")
        _run(db, "ingest", str(subset))
        articles = json.loads(_run(db, "articles", "--limit", "10000", "--json"))["articles"]
        for article in articles:
            _save(args.out, f"note-{article['id']}.json", _run(db, "note", str(article["id"]), "--format", "json"))
            _save(args.out, f"related-{article['id']}.json",
                  _run(db, "related", str(article["id"]), "--limit", "5", "--json"))
        topics = json.loads(_run(db, "topics", "--json"))["topics"]
        _save(args.out, "topics.json", json.dumps(topics))
        for rank, topic in enumerate(sorted(topics, key=lambda t: (-t.get("articles", 0), t["name"]))[:25]):
            _save(args.out, f"dossier-{rank:02d}.json", _run(db, "dossier", topic["name"], "--json"))
        _save(args.out, "timeline.json", _run(db, "timeline", "--limit", "100000", "--json"))
        _save(args.out, "quiz.json", _run(db, "quiz", "--count", "40", "--seed", "3", "--json"))
        _save(args.out, "search.json", _run(db, "search", "India Japan trade", "--json"))
    print(f"wrote {len(list(args.out.iterdir()))} files to {args.out}")


if __name__ == "__main__":
    main()

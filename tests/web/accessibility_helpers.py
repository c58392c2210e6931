"""A store a learner would have (demo notes, the seed, a random draw of real releases, fact cards) served by
`gistbook serve`, and axe-core run inside Chromium over its pages.

axe-core is fetched at test time (`make axe`: npm, pinned in the Makefile), never copied into the repository; a
missing copy fails the tests that need it instead of skipping them, so a clean CI run cannot pass unchecked."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS, SEED
from tests.web.browser_helpers import ROOT, running_server

from gistbook.pipeline import ingest_demo, ingest_paths
from gistbook.review.cards import cards_from_facts
from gistbook.store import Store

AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
CORPUS_DRAW = 4  # real releases drawn at random (fixed seed), not picked for looking good


def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: run `make axe` (npm install axe-core into .cache/axe)",
                    pytrace=False)
    return AXE


def corpus_draw(folder: Path, count: int = CORPUS_DRAW, seed: int = 17) -> Path:
    """A JSONL file of `count` releases drawn at random from the shared corpus."""
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip()]
    picked = [rows[i] for i in sorted(random.Random(seed).sample(range(len(rows)), count))]
    target = folder / "releases.jsonl"
    target.write_text("".join(picked), encoding="utf-8")
    return target


def build_store(folder: Path) -> tuple[str, dict[str, Any]]:
    """The demo notes (India–Japan history), the seed news after them, a draw of releases, and fact cards."""
    url = f"sqlite:///{folder / 'a11y.db'}"
    store = Store(url)
    try:
        ingest_demo(store)
        seed = ingest_paths([str(SEED)], store, published="2024-09-10").ingested[0]["id"]
        releases = [r["id"] for r in ingest_paths([str(corpus_draw(folder))], store).ingested]
        with store.sessions.begin() as session:
            cards_from_facts(session, topic="India–Japan")
    finally:
        store.close()
    return url, {"seed": seed, "releases": releases}


@contextmanager
def served_store(folder: Path, env: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    url, ids = build_store(folder)
    with running_server(url, env=env) as base:
        yield {"base": base, "db": url, **ids}


def settle(page: Any) -> None:
    """Wait for the parts that arrive after the page (related items, drawn background): app.js drops a box's
    data-fragment once its part is in. (Waiting for the network to be idle costs half a second a page.)"""
    page.wait_for_load_state("load")
    page.wait_for_function("() => !document.querySelector('[data-fragment]')", timeout=20_000)


def open_every_fold(page: Any) -> None:
    """Open every <details>, so what a reader can unfold is checked too."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


def axe_violations(page: Any, impacts: tuple[str, ...] = BLOCKING) -> list[str]:
    """axe-core's violations of the given impacts on the page as it stands, one readable line each."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for v in result["violations"]:
        if v["impact"] in impacts:
            node = v["nodes"][0]
            summary = " ".join(node.get("failureSummary", "").split())[:240]
            lines.append(f"{v['impact']} {v['id']} ({len(v['nodes'])} nodes), e.g. {node['target']}: {summary}")
    return lines


def tabs_until(page: Any, selector: str, limit: int = 600) -> int:
    """Tab presses from the top of a freshly loaded page until focus lands inside `selector`."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!(document.activeElement && document.activeElement.closest(s))", selector):
            return presses
    raise AssertionError(f"{limit} Tab presses never reached {selector}")


def save_figures(name: str, figures: dict[str, Any]) -> None:
    target = ROOT / "test-artifacts" / f"{name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(figures, indent=2), encoding="utf-8")

"""/add and POST /api/articles through the real pipeline: the seed, a corpus batch with progress, bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from tests.conftest import SEED, corpus_records

DATA = Path(__file__).resolve().parents[1] / "data" / "web"


def test_add_the_seed_then_read_it(client: TestClient) -> None:
    with SEED.open("rb") as seed:
        page = client.post("/add", files={"files": ("seed-article.txt", seed, "text/plain")},
                           data={"published": "2024-09-10"})
    assert page.status_code == 200
    assert '<span class="stat ok">1 added</span>' in page.text
    art_id = int(re.search(r'<a href="/articles/(\d+)">India, Japan agree', page.text).group(1))
    article = client.get(f"/articles/{art_id}").text
    assert "Roadblocks to strengthening India-Japan ties" in article
    assert 'href="/topics/Japan"' in article and "Sep 10, 2024" in article
    again = client.post("/api/articles", files={"files": ("seed-article.txt", SEED.read_bytes(), "text/plain")},
                        data={"published": "2024-09-10"}).json()
    assert again["unchanged"][0]["id"] == art_id and not again["ingested"]


def test_pasted_text_is_ingested(client: TestClient) -> None:
    pasted = ("Economy\nOct 9\n\nReserve Bank holds the repo rate\n\n"
              "• The Reserve Bank of India kept the repo rate at 6.5 per cent for the tenth meeting in a row.\n"
              "• The committee projected growth of 7.2 per cent for 2024-25.\n")
    report = client.post("/api/articles", data={"text": pasted, "published": "2024-10-09"}).json()
    assert len(report["ingested"]) == 1 and report["ingested"][0]["source"] == "pasted text.txt"


def test_a_batch_shows_progress_and_lists_errors_per_file(client: TestClient, tmp_path: Path) -> None:
    batch = tmp_path / "pib-sample.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in corpus_records(70)) + "\n", encoding="utf-8")
    files = [("files", ("pib-sample.jsonl", batch.read_bytes(), "application/json")),
             ("files", ("not-text.bin", (DATA / "not-text.bin").read_bytes(), "application/octet-stream")),
             ("files", ("empty.txt", b"", "text/plain"))]
    page = client.post("/add", files=files).text
    ticks = re.findall(r'<progress value="(\d+)" max="(\d+)">', page)
    assert len(ticks) >= 3  # the start, at least one finished batch of the 70, and the end
    assert page.index('class="tick"') < page.index('id="report"')
    failures = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td></tr>", page)
    failed_files = {name.split("#")[0] for name, _ in failures}
    assert {"not-text.bin", "empty.txt"} <= failed_files, failures
    assert all(reason.strip() for _, reason in failures)
    added = int(re.search(r'<span class="stat ok">(\d+) added</span>', page).group(1))
    assert added >= 65

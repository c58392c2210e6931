"""The article page of a press release shows its note first (key points) and folds the full text under it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.web_fixtures import local_client

from gistbook.config import load_settings
from gistbook.pipeline import ingest_paths
from gistbook.store import Store
from gistbook.web import create_app

RELEASE = """<html><head><title>Cabinet approves National Mission on Natural Farming</title></head><body>
<h1>Cabinet approves National Mission on Natural Farming</h1>
<p>The Union Cabinet approved the National Mission on Natural Farming (NMNF) on 25 November 2024 with an outlay of
Rs 2,481 crore until 2025-26. The Mission will reach one crore farmers in 15,000 clusters across the country.
The Centre will bear Rs 1,584 crore of the outlay and the States Rs 897 crore. The Minister thanked the officials
for their work on the proposal. The meeting was attended by senior officers of the Department. Farmers will be
trained by Krishi Vigyan Kendras and agricultural universities. Ten thousand Bio-input Resource Centres will be set
up to supply natural farming inputs. The Ministry of Agriculture and Farmers Welfare will run an online portal to
track the Mission. A certification system and common branding will help farmers sell natural produce.
The programme was coordinated by a joint secretary of the Ministry.</p></body></html>"""


def test_a_release_opens_on_its_key_points(tmp_path: Path) -> None:
    page = tmp_path / "release.html"
    page.write_text(RELEASE, encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    art_id = ingest_paths([str(page)], store, published="2024-11-25").ingested[0]["id"]
    with local_client(create_app(load_settings(db=store.url), store)) as client:
        html = client.get(f"/articles/{art_id}").text
    key = html.split('class="sec key-points')[1].split("</section>")[0]
    shown = re.findall(r'<p class="btext">(.*?)</p>', key)
    assert 3 <= len(shown) <= 8
    assert any("2,481" in s for s in shown)  # the headline figure
    assert not any("thanked" in s or "attended by" in s for s in shown)  # courtesies stay in the full text
    folded = html.split('<details class="full-text"')[1]
    assert folded.startswith(">") and "thanked the officials" in folded  # folded, and every point is still there
    store.close()

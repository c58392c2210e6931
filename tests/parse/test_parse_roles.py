"""The heading -> role table that decides which sections feed background, challenges and way-forward views."""

from __future__ import annotations

import pytest

from gistbook.parse.roles import role_for_heading


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        (None, "news"),
        ("India-Japan Bilateral Relations", "background"),
        ("Background", "background"),
        ("About the International Solar Alliance", "background"),
        ("History of the scheme", "background"),
        ("Key facts", "background"),
        ("Significance", "background"),
        ("India-Australia ties", "background"),
        ("Roadblocks to strengthening India-Japan ties", "challenges"),
        ("Challenges", "challenges"),
        ("Challenges in India-Japan relations", "challenges"),
        ("Issues", "challenges"),
        ("Key concerns", "challenges"),
        ("Hurdles ahead", "challenges"),
        ("Criticism of the policy", "challenges"),
        ("Way forward", "way_forward"),
        ("The way ahead", "way_forward"),
        ("Conclusion", "way_forward"),
        ("Recommendations of the committee", "way_forward"),
        ("Next steps", "way_forward"),
        ("Why in news?", "news"),
        ("Maritime Safety and Shipping Operations", "other"),
        ("To issue allocation orders within States", "other"),  # the verb "issue" is not a challenge
        ("Mission facts", "background"),
        ("Global recognition at the summit", "other"),
    ],
)
def test_role_table(heading: str | None, role: str) -> None:
    assert role_for_heading(heading) == role

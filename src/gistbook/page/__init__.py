"""The exam page of one item: key points, then background, challenges and way forward from earlier articles.

Library entry points (the CLI's `note` command and the web article page call these):

    build_page(session, article_id, key_points=6) -> dict   # the `note --format json` shape
    render_page(page, "text" | "markdown" | "html" | "json") -> str

The dict is {"id", "title", "category", "published", "published_precision", "author", "author_note",
"url", "topics": [{"name", "kind", "used"}], "key_points": bool, "sections": [{"heading", "role",
"generated", "bullets": [{"text", "generated", "sources": [{"article_id", "bullet_id", "title",
"published"}]}]}]}. `generated` is True on a section (and on each bullet) drawn from the learner's
knowledge base; such bullets cite the earlier articles that state them, the item's own bullets cite
the item. When `key_points` is True the news section holds only the selected bullets and a final
section "Other points" (flagged "rest") holds the item's other bullets in reading order, so the
whole text stays on the page, each bullet once.
"""

from __future__ import annotations

from gistbook.page.build import PageError, build_page, headings_for
from gistbook.page.render import FORMATS, render_page

__all__ = ["FORMATS", "PageError", "build_page", "headings_for", "render_page"]

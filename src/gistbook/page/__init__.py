"""The exam page of one item: key points, then background, challenges and way forward from earlier articles.

Library entry points (the CLI's `note` command and the web article page call these):

    build_page(session, article_id, key_points=None) -> dict   # the `note --format json` shape
    render_page(page, "text" | "markdown" | "html" | "json") -> str

The dict is {"id", "title", "category", "published", "published_precision", "author", "author_note",
"url", "topics": [{"name", "kind", "used"}], "condensed": bool, "key_points": [{"text", "bullet_id",
"sources"}], "key_figures": [{"label", "value", "bullet_id"}], "sections": [{"heading", "role", "generated",
"bullets": [{"text", "generated", "sources": [{"article_id", "bullet_id", "title", "published"}]}]}],
"full_text": {"article_id", "points", "left_out"}}. `generated` is True on a section (and on each bullet)
drawn from the learner's knowledge base; such bullets cite the earlier articles that state them, the item's
own bullets cite the item. A prose item is condensed ("condensed": true): its news section holds only its key
points (3-8 by its length, fewer when few sentences can stand as a point), long releases add the figures
the key points leave out, and the rest of the text stays in the article, counted in "full_text"; a trainer's
point-wise note keeps every bullet.
"""

from __future__ import annotations

from gistbook.page.build import PageError, build_page, headings_for, key_point_ids
from gistbook.page.render import FORMATS, render_page

__all__ = ["FORMATS", "PageError", "build_page", "headings_for", "key_point_ids", "render_page"]

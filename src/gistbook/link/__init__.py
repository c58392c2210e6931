"""Connect the knowledge: facts stored once, topics and dossiers, related articles, the search index.

`on_article_saved` is the hook that `Store.save(..., on_saved=...)` runs inside the article's own
transaction, so facts, topics and the search row never drift from the article they describe.
"""

from __future__ import annotations

from gistbook.link.hook import on_article_saved, relink_all

__all__ = ["on_article_saved", "relink_all"]

"""Article → entities, time expressions, figures, events and acronyms, for every bullet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from gistbook.extract.datelines import dateline_day
from gistbook.extract.events import find_events
from gistbook.extract.figures import find_figures
from gistbook.extract.syllabus import tag_syllabus
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Article, Extraction


def anchor_date(article: Article) -> dt.date | None:
    """The day that relative and year-less expressions are resolved against: the publication date, or the
    dateline's day when the item opens with one from the week before ("NEW DELHI, March 9 : … said today")."""
    if not article.published or len(article.published) < 10:
        return None
    try:
        published = dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None
    bullets = article.bullets()
    return (dateline_day(bullets[0].text, published) if bullets else None) or published


def extract_articles(articles: Sequence[Article], n_process: int = 1, batch_size: int = 256) -> list[Extraction]:
    """Extract every article; spaCy runs once over all bullets of the batch (nlp.pipe) for speed. With
    `n_process` > 1 and enough material, whole articles are shared out to worker processes."""
    # imported here: spaCy takes a second to import, and the many commands that only read the store
    # (timeline, dossier, quiz) import this package for its light modules (spans, timex)
    from gistbook.extract.entities import SMALL_BATCH, find_entities_batch

    if n_process > 1 and sum(len(a.bullets()) for a in articles) >= SMALL_BATCH:
        from gistbook.extract.parallel import extract_in_processes

        return extract_in_processes(articles, n_process)
    entity_results = find_entities_batch(articles, n_process=n_process, batch_size=batch_size)
    results: list[Extraction] = []
    for article, (entities, acronyms) in zip(articles, entity_results):
        anchor = anchor_date(article)
        time_exprs = []
        figures = []
        for bullet_no, bullet in enumerate(article.bullets()):
            found = find_time_expressions(bullet.text, anchor, bullet_no)
            time_exprs.extend(found)
            figures.extend(find_figures(bullet.text, bullet_no, found))
        events = find_events(article, time_exprs, entities, written=anchor)
        results.append(Extraction(entities=entities, time_expressions=time_exprs, figures=figures,
                                  events=events, acronyms=acronyms))
        results[-1].syllabus = tag_syllabus(article, entities)
    return results


def extract_article(article: Article) -> Extraction:
    return extract_articles([article])[0]

"""The page as text (the seed's own shape, readable back by gistbook), Markdown, HTML or JSON."""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from typing import Any

FORMATS = ("text", "markdown", "html", "json")
KB_LABEL = "from your knowledge base"


def header_date(published: str | None, precision: str | None) -> str | None:
    """The date as the seed writes it: "Sep 10" (the year is implied by the page's date of issue)."""
    if not published:
        return None
    try:
        if precision == "year" or len(published) == 4:
            return published[:4]
        if precision == "month" or len(published) == 7:
            return dt.date.fromisoformat(published[:7] + "-01").strftime("%b %Y")
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return f"{day.strftime('%b')} {day.day}"


def _header_lines(page: dict[str, Any]) -> list[str]:
    """Category, date, author as the seed's header; an author without a category is written "By ..." so it
    reads back as the author."""
    values = []
    if page.get("category"):
        values.append(page["category"])
    date = header_date(page.get("published"), page.get("published_precision"))
    if date:
        values.append(date)
    if page.get("author"):
        values.append(page["author"] if page.get("category") else f"By {page['author']}")
    return [("• " if i == 0 else "  • ") + v for i, v in enumerate(values)]


def page_text(page: dict[str, Any]) -> str:
    """Exactly the seed's shape: header block, headline, bullets, headed sections, the author's note."""
    lines = _header_lines(page)
    lines += ["", page["title"], ""] if lines else [page["title"], ""]
    for section in page["sections"]:
        if section["heading"]:
            lines += [section["heading"], ""]
        for bullet in section["bullets"]:
            lines += [f"• {bullet['text']}", ""]
    if page.get("author_note"):
        lines.append(f"({page['author_note']})")
    return "\n".join(lines).rstrip() + "\n"


def _cite_md(sources: list[dict[str, Any]]) -> str:
    return "; ".join(f"#{s['article_id']} {s['title']} ({s['published'] or 'undated'})" for s in sources)


def page_markdown(page: dict[str, Any]) -> str:
    """Markdown with the same structure; generated bullets cite their sources in a trailing note."""
    meta = " · ".join(v for v in (page.get("category"), page.get("published"), page.get("author")) if v)
    lines = [f"# {page['title']}", ""]
    if meta:
        lines += [f"*{meta}*", ""]
    for section in page["sections"]:
        if section["heading"]:
            label = f" *({KB_LABEL})*" if section.get("generated") is True else ""
            lines += [f"## {section['heading']}{label}", ""]
        for bullet in section["bullets"]:
            cite = f" — *{_cite_md(bullet['sources'])}*" if bullet.get("generated") else ""
            lines.append(f"- {bullet['text']}{cite}")
        lines.append("")
    if page.get("author_note"):
        lines.append(f"*({page['author_note']})*")
    return "\n".join(lines).rstrip() + "\n"


def page_html(page: dict[str, Any]) -> str:
    """A self-contained HTML fragment; every text is escaped, sources link to their articles."""
    e = escape
    parts = ['<article class="gistbook-note">', "<header>"]
    for key in ("category", "published", "author"):
        if page.get(key):
            parts.append(f'<span class="{key}">{e(str(page[key]))}</span>')
    parts += ["</header>", f"<h1>{e(page['title'])}</h1>"]
    for section in page["sections"]:
        generated = section.get("generated") is True
        parts.append(f'<section class="role-{e(section["role"])}{" generated" if generated else ""}">')
        if section["heading"]:
            label = f' <small class="kb">{KB_LABEL}</small>' if generated else ""
            parts.append(f"<h2>{e(section['heading'])}{label}</h2>")
        parts.append("<ul>")
        for bullet in section["bullets"]:
            cite = ""
            if bullet.get("generated"):
                links = ", ".join(f'<a href="/articles/{int(s["article_id"])}">{e(s["title"])}</a> '
                                  f'({e(s["published"] or "undated")})' for s in bullet["sources"])
                cite = f' <cite>{links}</cite>'
            parts.append(f"<li>{e(bullet['text'])}{cite}</li>")
        parts += ["</ul>", "</section>"]
    if page.get("author_note"):
        parts.append(f'<p class="author-note">({e(page["author_note"])})</p>')
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def page_json(page: dict[str, Any]) -> str:
    return json.dumps(page, ensure_ascii=False, indent=2) + "\n"


def render_page(page: dict[str, Any], fmt: str) -> str:
    """The page in one of FORMATS."""
    renderers = {"text": page_text, "markdown": page_markdown, "html": page_html, "json": page_json}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return renderers[fmt](page)

"""Jinja2 set-up: autoescaped templates, the filters pages share, and one render helper."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from gistbook.web.csrf import csrf_input, csrf_meta
from gistbook.web.marking import hits_html, segments_html

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

NAV = [("/", "Today"), ("/topics", "Topics"), ("/search", "Search"), ("/quiz", "Quiz"), ("/review", "Review"),
       ("/stats", "Stats"), ("/add", "Add"), ("/sources", "Sources")]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def pubdate(value: str | None, precision: str | None = None) -> str:
    """ISO date at its own precision, as a reader writes it: 2024-09-10 → Sep 10, 2024; 2017-12 → Dec 2017."""
    if not value:
        return ""
    precision = precision or None  # a missing precision (Jinja's Undefined) means: as precise as the value
    parts = value.split("-")
    try:
        if len(parts) >= 3 and precision in (None, "day"):
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
        if len(parts) >= 2 and precision in (None, "day", "month"):
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return parts[0]


def topic_url(name: str) -> str:
    """Topic names may hold spaces, slashes or en dashes; the whole name is one path segment."""
    return "/topics/" + quote(name, safe="")


def query_url(path: str, **params: Any) -> str:
    """A link that keeps only the filters that are set."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return path + ("?" + urlencode(kept, doseq=True) if kept else "")


def static_version() -> str:
    """Changes whenever a static file changes, so browsers never keep a stale stylesheet."""
    return str(int(max((p.stat().st_mtime for p in STATIC.iterdir()), default=0)))


def percent(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.autoescape = True
templates.env.auto_reload = False  # templates ship inside the package: no stat() of every file on each render
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True
templates.env.filters.update(pubdate=pubdate, topic_url=topic_url, percent=percent, marked=segments_html,
                             highlighted=hits_html)
templates.env.globals.update(nav=NAV, query_url=query_url, topic_url=topic_url, static_v=static_version(),
                             csrf_input=csrf_input, csrf_meta=csrf_meta)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Every page gets the learner, the mode and the current path for the navigation bar."""
    app_state = request.app.state
    base = {"mode": getattr(app_state, "mode", "local"), "user": getattr(request.state, "user", None),
            "path": request.url.path}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)

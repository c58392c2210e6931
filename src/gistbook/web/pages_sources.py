"""/sources: the feeds and listing pages gistbook follows, with their status; editors add, pause, resume and
remove them (in local mode the one learner is the editor). Polling itself runs in the background (intake/)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gistbook.intake import sources as intake
from gistbook.store.sources import SourceError
from gistbook.web.deps import PathId, StoreDep
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
EVERY_CHOICES = ("30m", "1h", "6h", "12h", "1d")


def _page(request: Request, store: StoreDep, error: str | None = None, status: int = 200) -> HTMLResponse:
    return render(request, "sources.html", {"sources": intake.listed(store), "error": error,
                                            "every_choices": EVERY_CHOICES}, status_code=status)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    return _page(request, store)


@router.post("/sources")
def add_source(request: Request, store: StoreDep, url: Annotated[str, Form(max_length=2000)],
               name: Annotated[str, Form(max_length=200)] = "", every: Annotated[str, Form(max_length=10)] = "6h",
               category: Annotated[str, Form(max_length=200)] = "") -> Response:
    try:
        intake.add(store, url.strip(), name=name or None, every=every, category=category or None)
    except (SourceError, ValueError) as exc:
        return _page(request, store, error=str(exc), status=400)
    return RedirectResponse("/sources", status_code=303)


@router.post("/sources/{source_id}/{action}")
def change_source(request: Request, store: StoreDep, source_id: PathId, action: str) -> Response:
    try:
        if action in ("pause", "resume"):
            intake.set_paused(store, source_id, action == "pause")
        elif action == "remove":
            intake.remove(store, source_id)
        else:
            return _page(request, store, error=f"unknown action {action!r}: pause, resume or remove", status=404)
    except SourceError as exc:
        return _page(request, store, error=str(exc), status=404)
    return RedirectResponse("/sources", status_code=303)

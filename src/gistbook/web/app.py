"""The app factory: settings checked once, the store opened once, pages and /api routes mounted."""

from __future__ import annotations

import math
import os
import secrets
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from gistbook.config import Settings, load_settings
from gistbook.store import Store
from gistbook.web import (
    api,
    api_account,
    api_link,
    api_practice,
    docs,
    pages_account,
    pages_add,
    pages_link,
    pages_practice,
    pages_read,
    pages_review,
    pages_sources,
)
from gistbook.web.auth import ServerAuth
from gistbook.web.errors import install_error_handlers
from gistbook.web.guard import LocalGuard, SecurityHeaders
from gistbook.web.middleware import BodyLimit
from gistbook.web.speed import PageCache, ServerTiming, choose_inline, tune_process
from gistbook.web.templating import STATIC

PLACEHOLDER_SECRETS = {"", "secret", "changeme", "change-me", "change_me", "please-change", "xxx", "todo"}
MIN_SECRET_CHARS = 16
MIN_SECRET_BITS = 96  # by the spread of its characters; secrets.token_urlsafe(32) has ~250

def package_version() -> str:
    try:
        return version("gistbook")
    except PackageNotFoundError:
        return "0"


class WebConfigError(ValueError):
    """The app refuses to start with these settings; one line says why."""


def mode_of(store: Store, asked: str | None = None) -> str:
    """Local mode is one aspirant on SQLite with no login; any other database (or GISTBOOK_MODE=server) is
    server mode, with accounts."""
    asked = (asked or os.environ.get("GISTBOOK_MODE") or "").strip().lower()
    if asked in ("local", "server"):
        return asked
    return "local" if store.dialect == "sqlite" else "server"


def secret_bits(secret: str) -> float:
    """A cautious estimate of a secret's entropy: its length times the Shannon entropy of its characters, so
    repeats ("aaaa…") and short alphabets count for little."""
    counts = Counter(secret)
    per_char = -sum(n / len(secret) * math.log2(n / len(secret)) for n in counts.values()) if secret else 0.0
    return per_char * len(secret)


def check_settings(settings: Settings, mode: str) -> None:
    """Server mode signs sessions with GISTBOOK_SECRET, so a missing, placeholder or guessable secret refuses
    to start."""
    if mode != "server":
        return
    secret = (settings.secret or "").strip()
    if (secret.lower() in PLACEHOLDER_SECRETS or len(secret) < MIN_SECRET_CHARS
            or secret_bits(secret) < MIN_SECRET_BITS):
        raise WebConfigError(f"server mode needs GISTBOOK_SECRET set to a random value of at least "
                             f"{MIN_SECRET_CHARS} characters with no long repeats (e.g. `python -c 'import secrets; "
                             f"print(secrets.token_urlsafe(32))'`)")


def mode_warnings(store: Store, mode: str) -> list[str]:
    """Settings that work but are probably a mistake, one line each, for `serve` to print."""
    if mode == "local" and store.dialect != "sqlite":
        return [f"local mode over {store.dialect}: anyone who reaches the app reads and writes every learner's "
                "data with no login (unset GISTBOOK_MODE for server mode)"]
    return []

def create_app(settings: Settings | None = None, store: Store | None = None, mode: str | None = None) -> FastAPI:
    """Build the app; raises StoreError or WebConfigError with a one-line reason instead of starting."""
    settings = settings or load_settings()
    owns_store = store is None
    store = store or Store(settings.db)
    mode = mode_of(store, mode)
    try:
        check_settings(settings, mode)
    except WebConfigError:
        if owns_store:
            store.close()
        raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        tune_process(settings, store)  # the thread pool's size, and the collector kept off long-lived objects
        yield
        if owns_store:
            store.close()

    app = FastAPI(title="gistbook", version=package_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Current-affairs notes, topic dossiers, practice and review: the JSON API behind "
                              "the gistbook web pages.")
    app.state.settings = settings
    app.state.store = store
    app.state.mode = mode
    choose_inline(app, store)  # where quick pages run (web/speed/quick.py)
    if mode == "server":  # inside the body limit, so the CSRF check never reads more than the limit
        app.add_middleware(ServerAuth, store=store, secret=(settings.secret or "").strip())
    if mode == "local" and settings.page_cache and store.memo is not None:  # a SQLite file
        # innermost: a page from memory still passes the body limit and gets its Server-Timing
        app.add_middleware(PageCache, version=store.memo.version)
    if mode == "local":  # outside the page cache, so a page from memory is guarded too
        # no secret to configure in local mode: tokens made by one process hold until it stops
        app.add_middleware(LocalGuard, secret=(settings.secret or "").strip() or secrets.token_urlsafe(32),
                           hosts=settings.host_allow_list)
    app.add_middleware(BodyLimit, max_bytes=int(settings.max_upload_mb * 1024 * 1024))
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages_read, pages_link, pages_practice, pages_review, pages_add, pages_sources, api, api_link,
                   api_practice, docs):
        app.include_router(module.router)
    if mode == "server":
        app.include_router(pages_account.router)
        app.include_router(api_account.router)
    install_error_handlers(app)
    return app


def app_from_environment() -> FastAPI:
    """Factory for `uvicorn --factory` with several workers: each process reads GISTBOOK_* itself."""
    return create_app(load_settings())

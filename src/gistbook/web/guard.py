"""Gates every request passes in both modes: security headers on every response, and local mode's defence
against other sites (a Host allow-list against DNS rebinding; no cross-site writes: the Origin and
Sec-Fetch-Site headers, plus the CSRF token server mode uses, bound to a pre-login cookie)."""

from __future__ import annotations

import hmac
import json
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from starlette.types import ASGIApp, Receive, Scope, Send

from gistbook.config import host_name
from gistbook.web import csrf
from gistbook.web.middleware import amend_head

# No inline script or style anywhere: the pages load /static/app.js and /static/app.css only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
CROSS_SITE = {"cross-site", "same-site"}  # another port on 127.0.0.1 is "same-site", and just as foreign


async def refuse(scope: Scope, send: Send, status: int, message: str, *, login_path: str | None = None) -> None:
    """A one-line refusal: JSON under /api, else a small page; `login_path` turns a page read into a redirect."""
    path = scope["path"]
    if path.startswith("/api/") or path == "/api":
        body = json.dumps({"detail": message}).encode()
        headers = [(b"content-type", b"application/json")]
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
    elif login_path is not None and scope["method"] in csrf.SAFE_METHODS:
        status, body = 303, b""
        headers = [(b"location", login_path.encode())]
    else:
        title = "Not allowed" if status in (401, 403) else "Bad request"
        body = (f"<!doctype html><meta charset=utf-8><title>{title} · gistbook</title>"
                f"<link rel=stylesheet href=/static/app.css><main class=page><h1>{title}</h1>"
                f"<p class=error-msg>{escape(message)}.</p><p><a href=/>Today</a></p></main>").encode()
        headers = [(b"content-type", b"text/html; charset=utf-8")]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def foreign_origin(scope: Scope, host_header: str) -> str | None:
    """Why this write comes from another site, or None: browsers send Origin and Sec-Fetch-Site on writes,
    and neither can be forged by a page."""
    fetch_site = (csrf.header_of(scope, b"sec-fetch-site") or "").lower()
    if fetch_site in CROSS_SITE:
        return f"a {fetch_site} request"
    origin = csrf.header_of(scope, b"origin")
    if origin is None:
        return None
    if origin == "null":
        return "an opaque origin"
    parts = urlsplit(origin)
    if parts.netloc.lower() != host_header.strip().lower():
        return f"origin {origin}"
    return None


class LocalGuard:
    """Local mode has no login, so any page the learner visits could otherwise write to the store, and a
    rebinding DNS name could read it. Reads need a known Host; writes need the same origin and, for the pages'
    forms, the CSRF token (API scripts without a browser's headers need none: no page can send such a request).
    With one learner and no cookie to ride on, the token is bound to the process's secret alone: other sites
    cannot read our pages to learn it, and pages kept by the page cache stay right for every browser."""

    BINDING = "local"

    def __init__(self, app: ASGIApp, secret: str, hosts: set[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.token = csrf.token_for(secret, self.BINDING)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host_header = csrf.header_of(scope, b"host") or ""
        if host_name(host_header) not in self.hosts:
            await refuse(scope, send, 400, f"unknown host {host_header[:80]!r}: local mode answers only to "
                                           "127.0.0.1, localhost and GISTBOOK_ALLOWED_HOSTS")
            return
        scope.setdefault("state", {})["csrf"] = self.token
        if scope["method"] not in csrf.SAFE_METHODS:
            foreign = foreign_origin(scope, host_header)
            if foreign is not None:
                await refuse(scope, send, 403, f"refused a write from {foreign[:120]}: gistbook takes changes only "
                                               "from its own pages")
                return
            if self._needs_token(scope):
                given, receive_on = await csrf.given_token(scope, receive)
                if receive_on is None:
                    return  # the client went away (or the body limit answered already)
                if not given or not hmac.compare_digest(self.token, given):  # the token made once, above
                    await refuse(scope, send, 403, "the form has expired or did not come from this site: reload "
                                                   "the page and try again")
                    return
                receive = receive_on
        await self.app(scope, receive, send)

    @staticmethod
    def _needs_token(scope: Scope) -> bool:
        """Pages' forms always; the API when a browser is talking (it sends Origin or Sec-Fetch-Site)."""
        if not scope["path"].startswith("/api/"):
            return True
        return any(csrf.header_of(scope, name) is not None for name in (b"origin", b"sec-fetch-site"))


class SecurityHeaders:
    """The same security headers on every response, error pages and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        def secure(headers: list[Any]) -> list[Any]:
            present = {k.lower() for k, _ in headers}
            return [*headers, *((k, v) for k, v in SECURITY_HEADERS if k not in present)]

        await self.app(scope, receive, amend_head(send, secure))

"""CSRF tokens bound to the browser: an HMAC of its session token (or of its pre-login cookie) under a secret, so
any app process can check one without shared memory. Server mode's gate (auth.py) and local mode's (guard.py)
share the cookie, the token and the way a form's token is read from its body."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from http.cookies import SimpleCookie
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

from gistbook.web.middleware import amend_head

FIELD = "csrf_token"
HEADER = "x-csrf-token"
PRE_COOKIE = "gistbook_pre"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def sign(secret: str, purpose: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{purpose}|{value}".encode(), hashlib.sha256).hexdigest()


def token_for(secret: str, binding: str) -> str:
    """The token a form must send back: the same for every form of one browser session."""
    return sign(secret, "csrf", binding)


def token_matches(secret: str, binding: str | None, given: str | None) -> bool:
    if not binding or not given:
        return False
    return hmac.compare_digest(token_for(secret, binding), given)


def cookies_of(scope: Scope) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for key, value in scope.get("headers") or []:
        if key == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header counts as no cookies
                return {}
    return {k: v.value for k, v in jar.items()}


def header_of(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or []:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def pre_cookie_header(value: str, *, secure: bool, max_age: int = 86400) -> bytes:
    return (f"{PRE_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}"
            + ("; Secure" if secure else "")).encode()


def pre_binding(cookies: dict[str, str]) -> tuple[str, str | None]:
    """The browser's pre-login binding, and a new one to set when it has none (or a short, forged one)."""
    held = cookies.get(PRE_COOKIE, "")
    if len(held) >= 20:
        return held, None
    fresh = secrets.token_urlsafe(24)
    return fresh, fresh


def with_pre_cookie(send: Send, new_pre: str | None, secure: bool) -> Callable[[Message], Awaitable[None]]:
    """`send`, adding the new pre-login cookie to the response head when one was made."""
    if not new_pre:
        return send

    def add_cookie(headers: list[Any]) -> list[Any]:
        if any(k == b"set-cookie" and v.startswith(PRE_COOKIE.encode()) for k, v in headers):
            return headers
        return [*headers, (b"set-cookie", pre_cookie_header(new_pre, secure=secure))]

    return amend_head(send, add_cookie)


async def given_token(scope: Scope, receive: Receive) -> tuple[str | None, Receive | None]:
    """The token a request carries (header, else the form's field) and the `receive` to hand on, which replays
    a body read here; (None, None) when the client went away. The body limit outside caps what is read."""
    header = header_of(scope, HEADER.encode())
    if header is not None:
        return header, receive
    ctype = (header_of(scope, b"content-type") or "").lower()
    if not ctype.startswith(FORM_TYPES):
        return None, receive
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None, None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    token: str | None = None
    try:
        form = await Request(scope, replay).form()
        value = form.get(FIELD)
        token = value if isinstance(value, str) else None
        await form.close()
    except Exception:  # noqa: BLE001 - an unreadable form has no token; the app reports its own error
        token = None
    replayed = False
    return token, replay


def _page_token(context: Any) -> str | None:
    request = context.get("request")
    token = getattr(getattr(request, "state", None), "csrf", None) if request is not None else None
    return token if isinstance(token, str) and token else None


@pass_context
def csrf_input(context: Any) -> Markup:
    """The hidden field every state-changing form carries."""
    token = _page_token(context)
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(token)}">') if token else Markup("")


@pass_context
def csrf_meta(context: Any) -> Markup:
    """The token in the page head, for scripts that post with the X-CSRF-Token header."""
    token = _page_token(context)
    return Markup(f'<meta name="csrf-token" content="{escape(token)}">') if token else Markup("")

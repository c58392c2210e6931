"""Server mode's gate, as plain ASGI middleware: who is asking (session cookie or API token, looked up in the
database so every app process agrees), may they reach this path, and does a state-changing request carry its
CSRF token. Local mode never installs it."""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gistbook.store import Store
from gistbook.store import users as accounts
from gistbook.web import csrf

SESSION_COOKIE = "gistbook_session"
PRE_COOKIE = "gistbook_pre"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
PUBLIC_PREFIXES = ("/static/", "/invite/")
PUBLIC_PATHS = {"/login", "/logout", "/openapi.json", "/docs", "/favicon.ico"}
ADMIN_PREFIXES = ("/account/users", "/account/invites", "/api/users", "/api/invites")
RANK = {"learner": 1, "editor": 2, "admin": 3}


def required_role(method: str, path: str) -> str | None:
    """None for public paths; otherwise the least role that may use this path."""
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
        return None
    if path.startswith(ADMIN_PREFIXES):
        return "admin"
    if path == "/add" or (path == "/api/articles" and method == "POST") or \
            (path.startswith("/api/articles/") and method == "DELETE"):
        return "editor"
    return "learner"


def sign_cookie(secret: str, token: str) -> str:
    return f"{token}.{csrf.sign(secret, 'session', token)}"


def unsign_cookie(secret: str, value: str | None) -> str | None:
    """The session token if the cookie's signature holds, else None (a forged cookie never reaches the DB)."""
    if not value or "." not in value:
        return None
    token, _, mac = value.rpartition(".")
    return token if hmac.compare_digest(csrf.sign(secret, "session", token), mac) else None


def session_cookie_header(value: str, *, secure: bool, max_age: int) -> bytes:
    flags = f"; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}" + ("; Secure" if secure else "")
    return f"{SESSION_COOKIE}={value}{flags}".encode()


def pre_cookie_header(value: str, *, secure: bool, max_age: int = 86400) -> bytes:
    return (f"{PRE_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}"
            + ("; Secure" if secure else "")).encode()


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


class ServerAuth:
    """Resolves the user, guards paths by role, checks CSRF; puts user, csrf and session token on request.state."""

    def __init__(self, app: ASGIApp, store: Store, secret: str) -> None:
        self.app = app
        self.store = store
        self.secret = secret

    def _lookup(self, bearer: str | None, session_token: str | None) -> accounts.Account | None:
        with self.store.session() as session:
            if bearer:
                return accounts.token_user(session, bearer)
            if session_token:
                return accounts.session_user(session, session_token)
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        cookies = cookies_of(scope)
        authz = header_of(scope, b"authorization") or ""
        bearer = authz[7:].strip() if authz[:7].lower() == "bearer " else None
        session_token = None if bearer else unsign_cookie(self.secret, cookies.get(SESSION_COOKIE))
        account = await run_in_threadpool(self._lookup, bearer, session_token)
        if account is None:
            session_token = None
        secure = scope.get("scheme") == "https"
        state = scope.setdefault("state", {})
        state["user"] = account
        state["session_token"] = session_token
        new_pre = None
        binding = session_token
        if binding is None:
            binding = cookies.get(PRE_COOKIE) if len(cookies.get(PRE_COOKIE, "")) >= 20 else None
            if binding is None:
                binding = new_pre = secrets.token_urlsafe(24)
        state["csrf"] = csrf.token_for(self.secret, binding)

        need = required_role(method, path)
        if need is not None and account is None:
            await self._deny(scope, receive, send, 401, "sign in first", login=True)
            return
        if need is not None and account is not None and RANK[account.role] < RANK[need]:
            await self._deny(scope, receive, send, 403, f"this needs the {need} role")
            return
        if method not in SAFE_METHODS and not bearer:
            given = header_of(scope, csrf.HEADER.encode())
            if given is None:
                given, receive = await self._form_token(scope, receive)
            if given is None and receive is None:
                return  # the client went away (or the body limit answered already)
            if not csrf.token_matches(self.secret, binding, given):
                await self._deny(scope, receive, send, 403, "the form has expired or did not come from this site: "
                                                            "reload the page and try again")
                return

        await self.app(scope, receive, self._with_pre_cookie(send, new_pre, secure))

    def _with_pre_cookie(self, send: Send, new_pre: str | None, secure: bool) -> Callable[[Message],
                                                                                           Awaitable[None]]:
        async def sending(message: Message) -> None:
            if new_pre and message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k == b"set-cookie" and v.startswith(PRE_COOKIE.encode()) for k, v in headers):
                    headers.append((b"set-cookie", pre_cookie_header(new_pre, secure=secure)))
                message = {**message, "headers": headers}
            await send(message)

        return sending

    async def _form_token(self, scope: Scope, receive: Receive) -> tuple[str | None, Any]:
        """Read the whole body (the body limit outside us caps it), find the form's token, then replay the body."""
        ctype = (header_of(scope, b"content-type") or "").lower()
        if not (ctype.startswith("application/x-www-form-urlencoded") or ctype.startswith("multipart/form-data")):
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
            value = form.get(csrf.FIELD)
            token = value if isinstance(value, str) else None
            await form.close()
        except Exception:  # noqa: BLE001 - an unreadable form has no token; the app reports its own error
            token = None
        replayed = False
        return token, replay

    async def _deny(self, scope: Scope, receive: Receive, send: Send, status: int, message: str,
                    login: bool = False) -> None:
        path = scope["path"]
        if path.startswith("/api/") or path == "/api":
            body = json.dumps({"detail": message}).encode()
            headers = [(b"content-type", b"application/json")]
            if status == 401:
                headers.append((b"www-authenticate", b"Bearer"))
        elif login and scope["method"] in SAFE_METHODS:
            query = scope.get("query_string", b"").decode("latin-1")
            target = path + ("?" + query if query else "")
            status, body = 303, b""
            headers = [(b"location", f"/login?next={quote(target, safe='')}".encode())]
        else:
            from markupsafe import escape

            body = (f"<!doctype html><meta charset=utf-8><title>Not allowed · gistbook</title>"
                    f"<link rel=stylesheet href=/static/app.css><main class=page><h1>Not allowed</h1>"
                    f"<p class=error-msg>{escape(message)}.</p><p><a href=/login>Sign in</a> · "
                    f"<a href=/>Today</a></p></main>").encode()
            headers = [(b"content-type", b"text/html; charset=utf-8")]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

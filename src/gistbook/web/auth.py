"""Server mode's gate, as plain ASGI middleware: who is asking (session cookie or API token, looked up in the
database so every app process agrees), may they reach this path, and does a state-changing request carry its
CSRF token. Local mode never installs it."""

from __future__ import annotations

import hmac
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from gistbook.store import Store
from gistbook.store import users as accounts
from gistbook.web import csrf
from gistbook.web.csrf import PRE_COOKIE as PRE_COOKIE  # pages_account clears it at sign-out
from gistbook.web.csrf import SAFE_METHODS, cookies_of, header_of
from gistbook.web.guard import refuse

SESSION_COOKIE = "gistbook_session"
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
    if path.startswith("/sources") and method not in SAFE_METHODS:  # sources are shared: editors manage them
        return "editor"
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
            binding, new_pre = csrf.pre_binding(cookies)
        state["csrf"] = csrf.token_for(self.secret, binding)

        need = required_role(method, path)
        if need is not None and account is None:
            query = scope.get("query_string", b"").decode("latin-1")
            target = path + ("?" + query if query else "")
            await refuse(scope, send, 401, "sign in first", login_path=f"/login?next={quote(target, safe='')}")
            return
        if need is not None and account is not None and RANK[account.role] < RANK[need]:
            await refuse(scope, send, 403, f"this needs the {need} role")
            return
        if method not in SAFE_METHODS and not bearer:
            given, receive_on = await csrf.given_token(scope, receive)
            if receive_on is None:
                return  # the client went away (or the body limit answered already)
            if not csrf.token_matches(self.secret, binding, given):
                await refuse(scope, send, 403, "the form has expired or did not come from this site: "
                                               "reload the page and try again")
                return
            receive = receive_on

        await self.app(scope, receive, csrf.with_pre_cookie(send, new_pre, secure))

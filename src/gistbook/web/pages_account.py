"""Server mode's account pages: sign in and out, change password, API tokens, and admins' users and invites."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gistbook.store import Store
from gistbook.store import users as accounts
from gistbook.web.auth import PRE_COOKIE, SESSION_COOKIE, session_cookie_header, sign_cookie
from gistbook.web.client_address import client_address
from gistbook.web.deps import PathId, SettingsDep, StoreDep, UserDep
from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
SESSION_SECONDS = accounts.SESSION_DAYS * 86400


def safe_next(target: str | None) -> str:
    """Only same-site paths: never //host or a scheme, so the login page cannot be an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def signed_in(request: Request, secret: str, token: str, target: str) -> RedirectResponse:
    """Redirect with the new session cookie and the pre-login cookie dropped."""
    response = RedirectResponse(target, status_code=303)
    response.raw_headers.append((b"set-cookie", session_cookie_header(
        sign_cookie(secret, token), secure=request.url.scheme == "https", max_age=SESSION_SECONDS)))
    response.delete_cookie(PRE_COOKIE)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002 - the usual name
    return render(request, "login.html", {"next": safe_next(next), "error": None, "name": ""})


@router.post("/login", response_model=None)
def login(request: Request, store: StoreDep, settings: SettingsDep,
          name: Annotated[str, Form(max_length=100)] = "", password: Annotated[str, Form(max_length=1000)] = "",
          next: Annotated[str, Form(max_length=2000)] = "/") -> Response:  # noqa: A002
    old = getattr(request.state, "session_token", None)
    wait: int | None = None
    with store.sessions.begin() as session:
        try:
            account = accounts.authenticate(session, name.strip(), password,
                                            client_address(request, settings.proxy_list))
        except accounts.TooManyAttempts as exc:
            error, status, wait = str(exc), 429, exc.seconds
            account = None
        else:
            error, status = "wrong name or password", 400
        token = ""
        if account is not None:
            if old:
                accounts.end_session(session, old)
            token = accounts.start_session(session, account.id)
    if account is None:
        page = render(request, "login.html", {"next": safe_next(next), "error": error, "name": name},
                      status_code=status)
        if wait is not None:
            page.headers["Retry-After"] = str(wait)
        return page
    return signed_in(request, settings.secret or "", token, safe_next(next))


@router.post("/logout")
def logout(request: Request, store: StoreDep) -> RedirectResponse:
    token = getattr(request.state, "session_token", None)
    if token:
        with store.sessions.begin() as session:
            accounts.end_session(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def account_view(request: Request, store: Store, user_id: int, *, message: str | None = None,
                 error: str | None = None, new_token: str | None = None, status_code: int = 200) -> HTMLResponse:
    """The account page with the user's API tokens listed (label and dates, never the secret)."""
    with store.session() as session:
        tokens: list[dict[str, Any]] = [t.to_dict() for t in accounts.list_api_tokens(session, user_id)]
    for t in tokens:
        t.update({k: (t[k] or "")[:16].replace("T", " ") for k in ("created", "last_used", "expires")})
    return render(request, "account.html", {"message": message, "error": error, "new_token": new_token,
                                            "tokens": tokens}, status_code=status_code)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, store: StoreDep, user: UserDep) -> HTMLResponse:
    if user is None:
        raise HTTPException(401, "sign in first")
    return account_view(request, store, user.id)


@router.post("/account/password", response_class=HTMLResponse)
def change_password(request: Request, store: StoreDep, user: UserDep,
                    current: Annotated[str, Form(max_length=1000)] = "",
                    new: Annotated[str, Form(max_length=1000)] = "") -> HTMLResponse:
    if user is None:
        raise HTTPException(401, "sign in first")
    token = getattr(request.state, "session_token", None)
    try:
        with store.sessions.begin() as session:
            accounts.change_password(session, user.id, current, new,
                                     accounts.digest(token) if token else None)
    except accounts.AccountError as exc:
        return account_view(request, store, user.id, error=str(exc), status_code=400)
    return account_view(request, store, user.id, message="Password changed; your other sessions were signed out "
                                                         "and your API tokens revoked.")


@router.post("/account/tokens", response_class=HTMLResponse)
def new_api_token(request: Request, store: StoreDep, settings: SettingsDep, user: UserDep,
                  label: Annotated[str, Form(max_length=100)] = "api") -> HTMLResponse:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.sessions.begin() as session:
        token = accounts.make_api_token(session, user.id, label.strip() or "api", days=settings.token_days)
    return account_view(request, store, user.id, new_token=token,
                        message=f"New API token, valid {settings.token_days} days: copy it now, it is shown only "
                                "once.")


@router.post("/account/tokens/{token_id}/revoke", response_class=HTMLResponse)
def revoke_api_token(request: Request, token_id: PathId, store: StoreDep, user: UserDep) -> HTMLResponse:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.sessions.begin() as session:
        gone = accounts.revoke_api_token(session, token_id, user.id)
    if gone is None:
        return account_view(request, store, user.id, error=f"you have no API token with id {token_id}",
                            status_code=404)
    return account_view(request, store, user.id, message=f"API token {gone.id} ({gone.label}) revoked.")


@router.get("/account/users", response_class=HTMLResponse)
def users_page(request: Request, store: StoreDep) -> HTMLResponse:
    with store.session() as session:
        people = accounts.list_users(session)
    return render(request, "users.html", {"people": people, "invite": None, "roles": accounts.ROLES})


@router.post("/account/invites", response_class=HTMLResponse)
def new_invite(request: Request, store: StoreDep, settings: SettingsDep, user: UserDep,
               role: Annotated[str, Form(pattern="^(admin|editor|learner)$")] = "learner") -> HTMLResponse:
    with store.sessions.begin() as session:
        token = accounts.make_invite(session, role, user.id if user else None)
        people = accounts.list_users(session)
    invite = {"link": accounts.invite_link(settings.base_url, token), "role": role,
              "partial": not settings.base_url}
    return render(request, "users.html", {"people": people, "invite": invite, "roles": accounts.ROLES})


@router.get("/invite/{token}", response_class=HTMLResponse)
def invite_form(request: Request, token: str, store: StoreDep) -> HTMLResponse:
    with store.session() as session:
        invite = accounts.open_invite(session, token)
    if invite is None:
        raise HTTPException(404, "This invite link is not valid any more.")
    return render(request, "invite.html", {"token": token, "role": invite.role, "error": None, "name": ""})


@router.post("/invite/{token}", response_model=None)
def accept_invite(request: Request, token: str, store: StoreDep, settings: SettingsDep,
                  name: Annotated[str, Form(max_length=100)] = "",
                  password: Annotated[str, Form(max_length=1000)] = "") -> Response:
    try:
        with store.sessions.begin() as session:
            account = accounts.accept_invite(session, token, name.strip(), password)
            session_token = accounts.start_session(session, account.id)
    except accounts.AccountError as exc:
        return render(request, "invite.html", {"token": token, "role": "", "error": str(exc), "name": name},
                      status_code=400)
    return signed_in(request, settings.secret or "", session_token, "/")

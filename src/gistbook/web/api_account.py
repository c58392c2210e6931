"""/api for accounts in server mode: who am I, API tokens, and (admins) users and invites."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Response
from pydantic import BaseModel, Field

from gistbook.store import users as accounts
from gistbook.web.deps import PathId, SettingsDep, StoreDep, UserDep

router = APIRouter(prefix="/api", tags=["accounts"])


class TokenIn(BaseModel):
    label: str = Field(default="api", min_length=1, max_length=100)


class InviteIn(BaseModel):
    role: Literal["admin", "editor", "learner"] = "learner"


@router.get("/me", summary="The signed-in user")
def api_me(user: UserDep) -> dict[str, Any]:
    if user is None:
        raise HTTPException(401, "sign in first")
    return {"id": user.id, "name": user.name, "role": user.role}


@router.post("/tokens", status_code=201, summary="Make an API token for yourself; it is shown only once")
def api_new_token(body: TokenIn, store: StoreDep, settings: SettingsDep, user: UserDep) -> dict[str, Any]:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.sessions.begin() as session:
        token = accounts.make_api_token(session, user.id, body.label, days=settings.token_days)
        made = accounts.api_token_info(session, token)
    return {"token": token, **(made.to_dict() if made else {})}


@router.get("/account/tokens", summary="Your API tokens: id, label, made, last used, expiry (never the secret)")
def api_my_tokens(store: StoreDep, user: UserDep) -> dict[str, Any]:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.session() as session:
        return {"tokens": [t.to_dict() for t in accounts.list_api_tokens(session, user.id)]}


@router.delete("/account/tokens/{token_id}", status_code=204, response_class=Response,
               summary="Revoke one of your API tokens")
def api_revoke_token(token_id: PathId, store: StoreDep, user: UserDep) -> Response:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.sessions.begin() as session:
        gone = accounts.revoke_api_token(session, token_id, user.id)
    if gone is None:
        raise HTTPException(404, f"you have no API token with id {token_id}")
    return Response(status_code=204)


@router.get("/users", summary="Every account (admins only)")
def api_users(store: StoreDep) -> dict[str, Any]:
    with store.session() as session:
        return {"users": [{"id": a.id, "name": a.name, "role": a.role} for a in accounts.list_users(session)]}


@router.post("/invites", status_code=201, summary="Make a one-time sign-up link (admins only)")
def api_new_invite(body: InviteIn, store: StoreDep, settings: SettingsDep, user: UserDep) -> dict[str, Any]:
    with store.sessions.begin() as session:
        token = accounts.make_invite(session, body.role, user.id if user else None)
    made: dict[str, Any] = {"link": accounts.invite_link(settings.base_url, token), "path": f"/invite/{token}",
                            "role": body.role}
    if not settings.base_url:
        made["note"] = "GISTBOOK_BASE_URL is not set: the link is a path on this site"
    return made

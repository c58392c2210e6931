"""/api for accounts in server mode: who am I, API tokens, and (admins) users and invites."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from gistbook.store import users as accounts
from gistbook.web.deps import StoreDep, UserDep

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
def api_new_token(body: TokenIn, store: StoreDep, user: UserDep) -> dict[str, Any]:
    if user is None:
        raise HTTPException(401, "sign in first")
    with store.sessions.begin() as session:
        return {"token": accounts.make_api_token(session, user.id, body.label), "label": body.label}


@router.get("/users", summary="Every account (admins only)")
def api_users(store: StoreDep) -> dict[str, Any]:
    with store.session() as session:
        return {"users": [{"id": a.id, "name": a.name, "role": a.role} for a in accounts.list_users(session)]}


@router.post("/invites", status_code=201, summary="Make a one-time sign-up link (admins only)")
def api_new_invite(body: InviteIn, request: Request, store: StoreDep, user: UserDep) -> dict[str, Any]:
    with store.sessions.begin() as session:
        token = accounts.make_invite(session, body.role, user.id if user else None)
    return {"link": str(request.base_url).rstrip("/") + f"/invite/{token}", "role": body.role}

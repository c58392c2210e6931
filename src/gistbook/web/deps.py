"""Request dependencies: the store, the settings and the learner, injected with Depends (where a page runs is
web/speed/quick.py's business)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from pydantic import Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from gistbook.config import Settings
from gistbook.store import Store
from gistbook.store.users import Account

# Row ids the database can hold: PostgreSQL's INTEGER stops at 2**31 - 1 (SQLite at 2**63 - 1), and a larger
# number would fail inside the driver as a 500 instead of a 422 naming the field.
MAX_ID = 2**31 - 1
MAX_OFFSET = 1_000_000
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
BodyId = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


# A signed-in learner in server mode is the store's Account; local mode has none (notes and cards carry
# user_id NULL).
WebUser = Account


# The dependencies that only read request state are `async def`: FastAPI runs a plain `def` dependency in the
# thread pool, and those hops (wake a thread, hand the GIL over and back) cost ~0.8 ms of a 5 ms article view.
async def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def current_user(request: Request) -> WebUser | None:
    """None in local mode; server mode's session middleware (issue 7) puts the learner on request.state."""
    user = getattr(request.state, "user", None)
    return user if isinstance(user, WebUser) else None


async def read_session(store: Annotated[Store, Depends(get_store)]) -> AsyncIterator[Session]:
    """One short read-only session per request: nothing is kept between requests. Opening a session touches no
    database (the connection is taken at its first query), so it runs on the event loop, and so does closing
    one on SQLite (the connection goes back to the pool in-process): a plain `def` here cost two thread-pool
    hops per page. Over a database server, closing rolls back over the network, which the loop must not wait on."""
    session = store.session()
    try:
        yield session
    finally:
        if store.dialect == "sqlite":
            session.close()
        else:
            await run_in_threadpool(session.close)


def user_id_of(user: WebUser | None) -> int | None:
    return user.id if user is not None else None


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
UserDep = Annotated[WebUser | None, Depends(current_user)]
SessionDep = Annotated[Session, Depends(read_session)]


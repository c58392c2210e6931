"""The `serve` command: the web app and the /api, local or server mode."""

from __future__ import annotations

import functools
import os
import secrets
from typing import Annotated

import typer

from gistbook.cli.common import err, fail, refresh_dossiers_of, state
from gistbook.config import LOOPBACK, host_name

commands = typer.Typer()  # merged into the root app by cli/__init__.py


@commands.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="app processes (they share nothing but the "
                                         "database)")] = 1,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="local mode: listen beyond this "
                                               "machine (anyone who reaches it can read and write)")] = False,
) -> None:
    """Serve the web app and the /api; local mode (SQLite) needs no login."""
    import uvicorn

    from gistbook.store import StoreError
    from gistbook.web.app import WebConfigError, create_app, mode_warnings

    settings = state.settings
    if host_name(host) not in LOOPBACK:  # the configured host is one the app answers to
        settings = settings.model_copy(update={"allowed_hosts": f"{settings.allowed_hosts},{host}"})
    if workers > 1 and not settings.secret:  # every process must sign local mode's form tokens alike
        settings = settings.model_copy(update={"secret": secrets.token_urlsafe(32)})
    try:
        web_app = create_app(settings)  # checks settings and migrates once, before any worker starts
    except (StoreError, WebConfigError) as exc:
        fail(str(exc))
        return
    mode = web_app.state.mode
    if mode == "local" and host_name(host) not in LOOPBACK and not allow_remote:
        web_app.state.store.close()
        fail(f"--host {host}: local mode has no login, so it listens only on this machine (127.0.0.1, "
             "localhost, ::1); add --allow-remote to serve beyond it, or use server mode")
        return
    notes = mode_warnings(web_app.state.store, mode)
    if mode == "local" and host_name(host) not in LOOPBACK:
        notes.append(f"local mode on {host}: anyone who reaches this address reads and writes your notes with "
                     "no login (set GISTBOOK_ALLOWED_HOSTS to the names they use)")
    for note in notes:
        err.print(f"gistbook: warning: {note}", markup=False, highlight=False)
    where = settings.db.split("@")[-1] if "@" in settings.db else settings.db
    err.print(f"gistbook: serving http://{host}:{port}/ in {mode} mode ({where})",
              markup=False, highlight=False)
    proxies = settings.proxy_list  # forwarded headers believed only from these (uvicorn trusts 127.0.0.1)
    trusted = ",".join(proxies) or None
    from gistbook.web.speed import StampedHttpToolsProtocol

    if mode == "local":  # due sources are polled in a thread of this process (server mode: `gistbook worker`)
        from gistbook.jobs import LocalScheduler
        from gistbook.store import Store

        polled = web_app.state.store if workers == 1 else Store(settings.db)
        LocalScheduler(polled, settings, after_ingest=functools.partial(refresh_dossiers_of, polled)).start()
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False,
                    http=StampedHttpToolsProtocol,
                    proxy_headers=bool(proxies), forwarded_allow_ips=trusted)
        return
    web_app.state.store.close()
    os.environ["GISTBOOK_DB"] = settings.db
    os.environ["GISTBOOK_ALLOWED_HOSTS"] = settings.allowed_hosts
    if settings.secret:
        os.environ["GISTBOOK_SECRET"] = settings.secret
    # uvloop (libuv) otherwise lets whichever worker wakes first accept every pending connection, so a burst
    # of keep-alive clients can pin most of them to one process while the other idles; one accept per turn
    # spreads them across the workers.
    os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
    uvicorn.run("gistbook.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False, http=StampedHttpToolsProtocol,
                    proxy_headers=bool(proxies), forwarded_allow_ips=trusted)

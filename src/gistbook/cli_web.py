"""CLI commands for serve (the web app) and users."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer


def register(app: typer.Typer, state: Any) -> None:
    """Add this area's commands to the main app; `state.store()` opens the database."""

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
        workers: Annotated[int, typer.Option(min=1, max=64, help="app processes (they share nothing but the "
                                             "database)")] = 1,
    ) -> None:
        """Serve the web app and the /api; local mode (SQLite) needs no login."""
        import uvicorn

        from gistbook.cli import err, fail
        from gistbook.store import StoreError
        from gistbook.web.app import WebConfigError, create_app

        settings = state.settings
        try:
            web_app = create_app(settings)  # checks settings and migrates once, before any worker starts
        except (StoreError, WebConfigError) as exc:
            fail(str(exc))
            return
        where = settings.db.split("@")[-1] if "@" in settings.db else settings.db
        err.print(f"gistbook: serving http://{host}:{port}/ in {web_app.state.mode} mode ({where})",
                  markup=False, highlight=False)
        from gistbook.web.protocol import StampedHttpToolsProtocol

        if workers == 1:
            uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False,
                        http=StampedHttpToolsProtocol)
            return
        web_app.state.store.close()
        os.environ["GISTBOOK_DB"] = settings.db
        # uvloop (libuv) otherwise lets whichever worker wakes first accept every pending connection, so a burst
        # of keep-alive clients can pin most of them to one process while the other idles; one accept per turn
        # spreads them across the workers.
        os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
        uvicorn.run("gistbook.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False, http=StampedHttpToolsProtocol)

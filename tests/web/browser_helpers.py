"""A real uvicorn server in a subprocess on a free loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("GISTBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    found = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(db_url: str, *, env: dict[str, str] | None = None, timeout_s: float = 60.0,
                   workers: int = 1) -> Iterator[str]:
    """`gistbook serve` against `db_url`; yields its base URL and stops it afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (ROOT / "test-artifacts" / f"server-{port}.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "gistbook.cli", "--db", db_url, "serve", "--port", str(port),
                                 "--workers", str(workers)],
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
                try:
                    with urllib.request.urlopen(base + "/", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start in time")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def launch_browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)


def shoot(page: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under test-artifacts/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    return target


def watch_problems(tab: Any, problems: list[str]) -> Any:
    """Collect the tab's JavaScript errors and Content-Security-Policy refusals (Chromium reports each on the
    console) into `problems`; a test asserts the list stays empty."""
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    return tab


def require_browser() -> Any:
    """The Playwright API for a browser test module, called at its top: the module is skipped where Playwright or
    Chromium is missing."""
    api = pytest.importorskip("playwright.sync_api")
    if chromium_path() is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
    return api

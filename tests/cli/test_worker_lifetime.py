"""SIGKILL of `gistbook ingest --processes 2` takes its worker processes with it: none is left running (holding
memory, the database files and the caller's output pipe) once the parent is gone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import corpus_records

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]
PROC = Path("/proc")
WAIT_SECONDS = 20.0

pytestmark = pytest.mark.skipif(not (PROC / "self" / "stat").exists(), reason="finds processes through /proc")


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first, then ppid); None once it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return raw.rsplit(")", 1)[1].split()


def children_of(pid: int) -> list[int]:
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None and fields[1] == str(pid) and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running or sleeping; a zombie (dead, waiting for a reaper that may never come in a container) is gone."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] != "Z"


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    folder = tmp_path / "items"
    folder.mkdir()
    for i, record in enumerate(corpus_records(192)):
        (folder / f"item-{i:03d}.json").write_text(json.dumps(record), encoding="utf-8")
    db = tmp_path / "workers.db"
    cmd = [*GISTBOOK, "--db", f"sqlite:///{db}", "ingest", str(folder), "--processes", "2", "--json"]
    parent = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and parent.poll() is None and len(workers) < 2:
            time.sleep(0.1)
            workers = children_of(parent.pid)
        assert len(workers) >= 2, "the ingest never started two worker processes"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)

        # every writer of the pipe gone means the caller reads to its end instead of waiting for ever
        drained = threading.Event()

        def drain() -> None:
            if parent.stdout is not None:
                parent.stdout.read()
            drained.set()

        threading.Thread(target=drain, daemon=True).start()
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and any(alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "worker processes outlived their parent"
        assert drained.wait(WAIT_SECONDS), "someone still holds the caller's stdout pipe"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in workers:  # only if the fix regressed: leave no strays behind
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


ORPHAN_SCRIPT = """
import os, sys, threading, time
from gistbook.extract.parallel import _watch_parent, die_with_parent
parent = os.getpid()
if sys.argv[1] == "late":  # the initializer run after the parent already went: it ends the worker at once
    child = os.fork()
    if child == 0:
        die_with_parent(parent + 1 if parent + 1 != os.getppid() else parent + 2)
        os._exit(0)
    print(os.waitpid(child, 0)[1] >> 8, flush=True)
    sys.exit(0)
child = os.fork()
if child == 0:  # the fallback used where prctl is missing: a thread that watches for the parent's exit
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    time.sleep(120)
    os._exit(0)
print(child, flush=True)
time.sleep(120)
"""


def test_the_portable_fallback_ends_an_orphaned_worker() -> None:
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, "watch"], stdout=subprocess.PIPE, text=True)
    worker = 0
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert alive(worker)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and alive(worker):
            time.sleep(0.1)
        assert not alive(worker), "the watching thread did not end its orphaned process"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if worker and alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_a_worker_started_after_its_parent_died_ends_at_once() -> None:
    run = subprocess.run([sys.executable, "-c", ORPHAN_SCRIPT, "late"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "1"  # the worker's exit status

"""A hard time bound for work that must stay linear: SIGALRM ends the test instead of letting it run for minutes."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def finishes_within(seconds: int, what: str) -> Iterator[None]:
    """Fail with TimeoutError when the block runs past `seconds` (a bound generous enough for a loaded machine,
    far below what the quadratic versions took)."""
    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

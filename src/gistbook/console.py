"""Error lines for the terminal: one message, one line, exactly as written.

A rich console wraps at 80 columns when stderr is not a terminal, turns `:name:` into emoji and expands tabs;
a file name may even hold a newline. Scripts read these lines one per failure, so they bypass all of that.
"""

from __future__ import annotations

import re
import sys

from gistbook.records import one_line

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """Control characters (a newline in a file name, a terminal escape) written as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def error_line(line: str) -> None:
    """Write one line to stderr: never wrapped, nothing read into it as markup."""
    sys.stderr.write(printable(line) + "\n")
    sys.stderr.flush()


def failure_line(source: str, error: str) -> None:
    """The line for one input that failed: its name, then the reason squeezed onto the same line."""
    error_line(f"failed    {source}: {one_line(error, limit=1000)}")

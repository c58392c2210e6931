"""`python -m gistbook.cli`, as the tests and benchmarks run it."""

from gistbook.cli import main

main()

"""`python -m gistbook`: the same command line as the `gistbook` script."""

from gistbook.cli import main

main()

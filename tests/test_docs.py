"""docs/cli.md is generated from the CLI's --help; this fails when someone changes a command and forgets it."""

from pathlib import Path

from gistbook.cli.reference import cli_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == cli_markdown(), "docs/cli.md is stale: run `make docs`"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make run" in head and "make test" in head

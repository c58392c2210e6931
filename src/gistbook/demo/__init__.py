"""Bundled demo notes in the seed's point-wise format, so a fresh install has real material to show."""

from pathlib import Path


def demo_notes_dir() -> Path:
    """Return the folder of demo notes (index.json maps each file to its publication date)."""
    return Path(__file__).resolve().parent / "notes"

"""Bundled demo notes in the seed's point-wise format, so a fresh install has real material to show."""

from pathlib import Path


def demo_notes_dir() -> Path:
    """Return the folder of demo notes; it holds notes only, so `gistbook ingest` can take it whole."""
    return Path(__file__).resolve().parent / "notes"


def demo_dates_file() -> Path:
    """Return the JSON file that maps each demo note's file name to its publication date."""
    return Path(__file__).resolve().parent / "dates.json"

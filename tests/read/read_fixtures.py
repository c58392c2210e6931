"""Paths and builders shared by the read-stage tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from gistbook.read import read_source
from gistbook.records import Document, Failure

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
LIMIT = 50 * 1024 * 1024


def _load_pdf_builder() -> Callable[..., bytes]:
    spec = importlib.util.spec_from_file_location("make_pdfs", DATA / "make_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_pdf  # type: ignore[no-any-return]


build_pdf = _load_pdf_builder()


def read_all(path: Path | str, max_bytes: int = LIMIT) -> list[Document | Failure]:
    return list(read_source(str(path), max_bytes=max_bytes))


def documents(path: Path | str, max_bytes: int = LIMIT) -> list[Document]:
    """Documents of a path, failing the test if any item failed."""
    items = read_all(path, max_bytes)
    failures = [item for item in items if isinstance(item, Failure)]
    assert not failures, failures
    return [item for item in items if isinstance(item, Document)]

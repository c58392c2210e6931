# The one list of commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# axe-core (MPL-2.0), the accessibility checker the browser tests inject into each page; fetched, never vendored
AXE_VERSION := 4.10.3
AXE_STAMP := .cache/axe/.installed-$(AXE_VERSION)

.PHONY: run test lint bench docs install install-dev axe clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev $(AXE_STAMP)

$(AXE_STAMP):
	npm install --no-save --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)
	touch $@

axe: $(AXE_STAMP)

run: install
	$(BIN)/gistbook demo
	$(BIN)/gistbook serve --host $(HOST) --port $(PORT)

test: install-dev
	$(BIN)/python -m pytest -n auto --dist loadscope --no-loadscope-reorder

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

docs: install
	$(BIN)/python -m gistbook.cli.reference > docs/cli.md

bench: install-dev
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info .cache/axe

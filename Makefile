# The one list of commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench docs install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/gistbook demo
	$(BIN)/gistbook serve --host $(HOST) --port $(PORT)

test: install-dev
	$(BIN)/python -m pytest -n auto

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

docs: install
	$(BIN)/python -m gistbook.docs > docs/cli.md

bench: install-dev
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build *.egg-info

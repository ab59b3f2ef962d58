# Two commands on a fresh machine with python3 and make:
#   make demo   the seed case (Meta / Scale AI) to reports/meta-scale-ai.pdf
#   make test   the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

# Generated from the deal models, never edited or committed: the JSON Schema that deal files
# `# yaml-language-server: $schema=` lines point editors at, and the field reference.
GENERATED := cases/deal.schema.json docs/deal-fields.md
MODELS := $(wildcard src/trustbench/model/*.py)

.PHONY: demo test install lint check-wheel clean generated

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

cases/deal.schema.json: $(MODELS) | $(STAMP_RUN)
	$(BIN)/trustbench schema deal -o $@

docs/deal-fields.md: $(MODELS) | $(STAMP_RUN)
	$(BIN)/trustbench schema deal --markdown -o $@

generated: $(GENERATED)

install: $(STAMP_RUN) $(GENERATED)

demo: $(STAMP_RUN) $(GENERATED)
	$(BIN)/trustbench memo cases/meta-scale-ai.yaml -o reports/meta-scale-ai.pdf
	$(BIN)/trustbench analyze cases/meta-scale-ai.yaml --quiet

test: $(STAMP_TEST) $(GENERATED)
	$(BIN)/python -m pytest

lint: $(STAMP_TEST) $(GENERATED)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks conftest.py
	$(BIN)/lint-imports

# slow: builds the wheel in an isolated environment and checks that it ships every pack
check-wheel: $(STAMP_TEST)
	$(BIN)/python -m pytest -m slow tests/test_packaging.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info $(GENERATED)

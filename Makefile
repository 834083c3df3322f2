PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

## check: run the check suite over articles/ and write reports/
check: $(STAMP)
	$(BIN)/python -m pytest checks claims -q --junitxml=reports/junit.xml -o junit_suite_name=factlint \
		-p no:randomly --factlint-reports=reports

## test: the engine's tests (on their own copy of the seeds, tests/fixtures/seeds) and the rule examples
test: $(STAMP)
	$(BIN)/python -m pytest tests claims -q -rs

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks checks conftest.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .factlint_cache

# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)  ## set up, analyse the bundled example articles, store them, show one dyad
	$(VENV)/bin/tightrope analyze examples/
	$(VENV)/bin/tightrope ingest examples/ --db tightrope.duckdb
	$(VENV)/bin/tightrope dyad RUS IND --db tightrope.duckdb

test: $(STAMP)  ## set up and run the whole test suite
	$(PY) -m pytest

eval: $(STAMP)  ## score the event coder against the gold data
	$(PY) -m tightrope.evaluate --article-gold tests/eval/gold

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)  ## set up, analyse the bundled example articles, store them, show one dyad
	$(VENV)/bin/tightrope analyze examples/
	$(VENV)/bin/tightrope ingest examples/ --db tightrope.duckdb
	$(VENV)/bin/tightrope dyad RUS IND --db tightrope.duckdb
	@echo ""
	@echo "Open the dashboard on the example store:"
	@echo "    $(VENV)/bin/tightrope serve --db tightrope.duckdb    # then visit http://127.0.0.1:8000/"

test: $(STAMP)  ## set up and run the whole test suite
	$(PY) -m pytest

eval: $(STAMP)  ## score the event coder against the gold data
	$(PY) -m tightrope.evaluate --article-gold tests/eval/gold

bench: $(STAMP)  ## run the benchmarks in bench/ (record results in bench/RESULTS.md)
	$(PY) bench/throughput.py --limit 2000
	$(PY) bench/load_events.py --requests 1000 --concurrency 4

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

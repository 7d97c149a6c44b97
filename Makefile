# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test eval bench clean doctor check-gold gold train provision kb

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

provision:  ## the pieces pip cannot install: Debian's Chromium for the browser tests (as root, once)
	@scripts/provision_chromium.sh

test: $(STAMP) provision check-gold  ## set up, validate the annotated corpus and run the whole test suite
	PYTHONFAULTHANDLER=1 $(PY) -m pytest  # a native crash, even at exit, prints every thread's stack

doctor: $(STAMP)  ## list the outside pieces (Chromium, spaCy model, ../shared data) and what each enables
	$(PY) -m tightrope.doctor

gold: $(STAMP)  ## rebuild data/gold/corpus.jsonl and second.jsonl from the annotators' drafts
	$(PY) -m tightrope.gold build

check-gold: $(STAMP)  ## validate the annotated corpus: schema, offsets, codes, splits
	$(PY) -m tightrope.gold check
	$(PY) -m tightrope.gold check data/gold/second.jsonl
	$(PY) -m tightrope.gold briefs
	$(PY) -m tightrope.gold areas

eval: $(STAMP)  ## score both coders per split (dev, sealed test, plover_dev) and the example golds
	$(PY) -m tightrope.evaluate --coder learned --json eval-learned.json --article-gold tests/eval/gold
	$(PY) -m tightrope.evaluate --coder rules --json eval-rules.json

kb: $(STAMP)  ## rebuild the dated actor knowledge base from ../shared/kbdata and print its coverage and conflicts
	$(PY) -m tightrope.actors.sources.build

train: $(STAMP)  ## rebuild the learned coder's models from the train split (dev selects; test is never read)
	$(PY) -m tightrope.cli train --gold data/gold/corpus.jsonl --floors tests/eval/floors.json
	$(PY) -m tightrope.cli train-areas --gold data/gold/corpus.jsonl

bench: $(STAMP)  ## run the benchmarks in bench/ (record results in bench/RESULTS.md)
	$(PY) bench/throughput.py --limit 2000
	$(PY) bench/load_events.py --requests 1000 --concurrency 4

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache

# The two commands of the README: `make run` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA_DIR ?=

.PHONY: run demo test test-core test-noqt lint screenshots bench i18n clean

$(STAMP): pyproject.toml
	scripts/system-deps.sh $(if $(findstring test,$(MAKECMDGOALS)),--test,)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m acceptance_app $(if $(DATA_DIR),--data-dir $(DATA_DIR),) gui

demo: $(STAMP)
	$(PY) -m acceptance_app $(if $(DATA_DIR),--data-dir $(DATA_DIR),) gui --demo

test: $(STAMP)
	scripts/system-deps.sh --test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q
	$(MAKE) --no-print-directory test-noqt

# The core must work without Qt at all (napari's "no Qt in the core"): run the non-UI tests with PySide6 absent.
test-noqt: $(STAMP)
	$(PY) scripts/run_without_qt.py

lint: $(STAMP)
	$(PY) -m ruff check acceptance_app tests scripts
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

screenshots: $(STAMP)
	scripts/system-deps.sh --test
	set -e; for script in scripts/screenshots*.py; do xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) $$script screenshots; done

# Every figure an issue names, each with its ratio to a plain baseline measured in the same run.
bench: $(STAMP)
	set -e; for script in scripts/bench_*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script; done

i18n: $(STAMP)
	$(PY) scripts/i18n.py

clean:
	rm -rf $(VENV) .pytest_cache

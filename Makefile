# The two commands of the README: `make run` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA_DIR ?=

.PHONY: run demo test test-core test-noqt lint screenshots bench i18n clean dist test-dist

$(STAMP): pyproject.toml
	scripts/system-deps.sh $(if $(findstring test,$(MAKECMDGOALS)),--test,)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,hub]"
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

# The frozen app and installers (scripts/dist/): a separate venv with exactly the lock file's versions (the
# builds ship those, whatever the development venv has), rebuilt when the lock file changes.
DIST_VENV := .venv-dist
DIST_PY := $(DIST_VENV)/bin/python
DIST_STAMP := $(DIST_VENV)/.installed
DIST_LOCK := scripts/dist/lock.txt
VERSION = $(shell $(PY) -c 'import acceptance_app; print(acceptance_app.__version__)')

$(DIST_STAMP): $(DIST_LOCK)
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_PY) -m pip install -q --upgrade pip
	$(DIST_PY) -m pip install -q -r $(DIST_LOCK)
	touch $(DIST_STAMP)

# The Linux bundle (reused when its key is unchanged), its tarball and .deb, and the NSIS script compiled
# against the bundle's layout. The Windows installer is built on Windows: scripts/build-windows.ps1.
dist: $(STAMP) $(DIST_STAMP)
	scripts/system-deps.sh --dist
	scripts/dist/build.sh $(DIST_PY)

# The frozen-build smoke test: the bundle, then the .deb installed with apt (scripts/dist/smoke_test.py).
test-dist: dist
	scripts/system-deps.sh --test
	$(PY) scripts/dist/smoke_test.py dist/acceptance-app/acceptance-app
	scripts/dist/test_deb.sh $(PY) dist/acceptance-app_$(VERSION)_amd64.deb

clean:
	rm -rf $(VENV) $(DIST_VENV) .pytest_cache build dist

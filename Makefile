# keymon: `make run` starts the app, `make test` runs every check. Both build .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck pytest bench fuzz demo-tenant bundle translations ts system-run system-test clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "keymon needs Python 3.11 or newer (found $$($(PYTHON) --version))" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $@ $(VENV)/.run-deps

# Translations: .ts sources are committed, .qm catalogues are built from them.
I18N := keymon/resources/i18n
QM := $(patsubst %.ts,%.qm,$(wildcard $(I18N)/*.ts))

$(I18N)/%.qm: $(I18N)/%.ts $(VENV)/.run-deps
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing texts in keymon/gui: refresh the .ts sources, then translate what is new.
ts: $(VENV)/.run-deps
	$(BIN)/pyside6-lupdate -no-obsolete $$(git ls-files -co --exclude-standard 'keymon/*.py') -ts $(I18N)/keymon_de.ts
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete $$(git ls-files -co --exclude-standard 'keymon/*.py') -ts $(I18N)/keymon_en.ts

system-run:
	@tools/check-system.sh run

system-test:
	@tools/check-system.sh test

run: system-run $(VENV)/.run-deps translations
	$(BIN)/keymon $(ARGS)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check keymon tests bench tools
	$(BIN)/ruff format --check keymon tests bench tools

typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

# Tests marked `platform` (keys, focus, tray, themes) run again on a real X display (xcb).
XVFB := xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp"

pytest: system-test $(VENV)/.test-deps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(XVFB) env QT_QPA_PLATFORM=xcb $(BIN)/python -m pytest -m platform -p no:cacheprovider tests/gui

test: lint typecheck pytest

bench: $(VENV)/.test-deps
	$(BIN)/python bench/list_shapes.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui_bench.py --all
	$(BIN)/python bench/cold_start.py --xvfb --programs venv

# Fuzz campaign: 100,000 mutated inputs per target; findings and summary.txt in build/fuzz/.
fuzz: $(VENV)/.test-deps
	$(BIN)/python tools/fuzz.py --inputs 100000 $(ARGS)

# A simulated SAP Cloud Integration tenant (not SAP's server) with demo data; prints its service key.
demo-tenant: $(VENV)/.test-deps
	$(BIN)/python tools/fake_tenant.py

# One-folder bundle in dist/keymon/ (packaging/README.md); PyInstaller comes with the test extras.
bundle: $(VENV)/.test-deps translations
	$(BIN)/pyinstaller --noconfirm --workpath build/pyinstaller --distpath dist packaging/keymon.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache

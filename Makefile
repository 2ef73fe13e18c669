# Developer entry points. `make run` and `make test` are the two the README promises.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHECK_STAMP := $(VENV)/.installed-check
CORPUS ?= ../shared/corpus

.PHONY: run test test-all check bench outline-check domain-resource samples package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

$(CHECK_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,check]'
	touch $(CHECK_STAMP)

run: $(STAMP)
	$(BIN)/duizhao app

# `make test` leaves out the tests marked slow (LibreOffice, network namespaces, the windowed
# launcher, jieba cache rebuilds) unless CI is set; `make test-all` and CI run everything. Tests
# of ../shared/corpus skip with the reason when it is absent. pytest's exit code 5 means that
# no test ran: said aloud, and a failure.
# Tests run in parallel, one worker per core (pytest-xdist; PYTEST_WORKERS=0 runs them in one
# process).
PYTEST_SELECT := $(if $(CI),,-m "not slow")
PYTEST_WORKERS ?= auto
PYTEST = QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) $(1); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make: pytest collected no tests (exit 5)" >&2; fi; exit $$status

test: $(STAMP)
	@$(call PYTEST,$(PYTEST_SELECT))

test-all: $(STAMP)
	@$(call PYTEST,)

# ruff over the tree and mypy over core/ (configured in pyproject.toml).
check: $(CHECK_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Hostile inputs at and past the readers' limits: time and peak memory per case (a few minutes).
bench-hostile: $(STAMP)
	$(BIN)/python -m bench.hostile

# Outlines every file of the domain corpus (../shared/corpus/domain) in one process: per-file
# counts to a TSV under OUT (a temporary folder by default) and a summary of the anomalies.
outline-check: $(STAMP)
	$(BIN)/python bench/outline_check.py --corpus $(CORPUS)/domain $(if $(OUT),--out $(OUT))

# Rebuilds resources/domain/ (word statistics of the field) from ../shared/corpus/domain.
domain-resource: $(STAMP)
	$(BIN)/python scripts/build_domain_resource.py $(CORPUS)/domain

samples: $(STAMP)
	$(BIN)/python samples/make_samples.py

# The offline installers: dist/duizhao/ (PyInstaller), its frozen self test, and a .deb that is
# installed here, tested as an ordinary user and removed again. The Windows installer is built on
# Windows (README, 打包). As root, the build tools are installed when missing.
package: $(BIN)/python
	@if ! command -v objdump >/dev/null || ! command -v dpkg-deb >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq binutils dpkg; \
		else echo "package needs binutils (objdump, strip) and dpkg-deb"; exit 1; fi; fi
	$(BIN)/python -m pip install -q -e '.[gui,package]'
	$(BIN)/python packaging/package.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

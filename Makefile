# Two-command quick start: `make draft` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
LINT_STAMP := $(VENV)/.installed-lint
# a new file each run: make draft never overwrites an outline the writer may have edited
DRAFT_OUT := drafts/示例提纲-$(shell date +%Y%m%d-%H%M%S).md

.PHONY: draft test lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

draft: $(STAMP)
	$(PY) -m drafter new --no-input --seed 7 -o "$(DRAFT_OUT)" </dev/null
	@cat "$(DRAFT_OUT)"
	@echo ""
	@echo "drafter 装在 $(VENV) 里，不在 PATH 上。运行它：$(VENV)/bin/drafter new"
	@echo "或者先激活环境（之后直接敲 drafter）：source $(VENV)/bin/activate"

test: $(TEST_STAMP)
	$(PY) -m pytest

$(LINT_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[lint]'
	touch $(STAMP) $@

# ruff and mypy read their settings (rules, checked paths) from pyproject.toml
lint: $(LINT_STAMP)
	$(VENV)/bin/ruff check drafter
	$(VENV)/bin/mypy

bench: $(TEST_STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) dist build

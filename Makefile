# 华锦银发先锋 — two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := .tools
BUN := $(TOOLS)/node_modules/.bin/bun
PORT ?= 3000
export PATH := $(CURDIR)/$(TOOLS)/node_modules/.bin:$(PATH)
export REFLEX_TELEMETRY_ENABLED := false

.PHONY: run test setup browser lint clean

## make run: install what is missing, migrate, load the demo on an empty database, serve on :3000
run: setup
	$(PY) -m huajin_pwa migrate
	$(PY) -m huajin_pwa seed-demo --if-empty
	$(PY) -m reflex run --env prod --single-port --frontend-port $(PORT) --backend-port $(PORT)

## make test: everything the tests need (chromium and CJK fonts from apt), ruff, the whole suite
test: setup browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

setup: $(VENV)/.installed $(BUN)

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(BUN):
	@command -v npm >/dev/null || { echo "Node.js 20 and npm are needed to install bun"; exit 1; }
	npm install --prefix $(TOOLS) --no-save --no-audit --no-fund bun

browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-cjk; \
	  else \
	    echo "The browser tests need /usr/bin/chromium and fonts-noto-cjk; apt-get is not available here: install them by hand."; \
	    exit 1; \
	  fi; \
	fi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check huajin_pwa tests

clean:
	rm -rf $(VENV) $(TOOLS) .web .states

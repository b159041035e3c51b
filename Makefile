# careweave: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
CAREWEAVE := $(VENV)/bin/careweave
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
BENCH_ARGS ?=

.PHONY: run test lint unit bench system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The benchmark baseline PyVRP is never a runtime dependency, but its adapter is tested, so the
# test, unit and bench environments have it. (OR-Tools is a runtime dependency: family support's
# matcher uses it.)
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Debian packages the tests need: the PostgreSQL server (for the throwaway cluster), Mosquitto (for
# the throwaway MQTT broker) and Chromium (for the end-to-end tests). Installed only when missing,
# so a machine that has them is not touched.
system-deps:
	@need=""; \
	command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$$need postgresql"; \
	command -v mosquitto >/dev/null 2>&1 || test -x /usr/sbin/mosquitto || need="$$need mosquitto"; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	command -v npm >/dev/null 2>&1 || need="$$need npm"; \
	if [ -n "$$need" ]; then \
	  echo "installing Debian packages:$$need"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null; \
	fi

run: $(STAMP)
	$(CAREWEAVE) db upgrade
	$(CAREWEAVE) demo seed --if-empty
	$(CAREWEAVE) directory demo --if-empty
	$(CAREWEAVE) demo personas
	$(CAREWEAVE) serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/mypy

test: $(BENCH_STAMP) system-deps lint
	@test -f tests/e2e/axe/node_modules/axe-core/axe.min.js || npm install --prefix tests/e2e/axe --no-save --no-audit --no-fund --no-package-lock axe-core@4.14.1
	$(PY) scripts/with_postgres.py -- $(PY) scripts/with_mosquitto.py -- $(PY) -m pytest -n 2 --dist loadgroup tests

unit: $(BENCH_STAMP)
	$(PY) -m pytest -q tests/unit tests/architecture

bench: $(BENCH_STAMP)
	$(PY) scripts/with_postgres.py -- $(PY) scripts/with_mosquitto.py -- $(PY) -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache

# Regie — two commands matter: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
REGIE := .venv/bin/regie
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_DATASET ?= regional
PYTEST_ARGS ?= -n 2

.PHONY: help install run test lint format check audit openapi bench env-docs messages clean

help:
	@echo "make run    - install, migrate, load the demo region and serve on http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite (SQLite unless DATABASE_URL is set)"
	@echo "make lint   - ruff check and format check"
	@echo "make check  - lint, migrations, OpenAPI and env-doc drift, bandit"
	@echo "make audit  - pip-audit of uv.lock (needs PyPI's or OSV's vulnerability database)"
	@echo "make bench  - benchmarks against a same-run SQL baseline (BENCH_DATASET=regional|national)"

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.installed: pyproject.toml uv.lock $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: .system-deps .venv/.installed node_modules/.installed

# make run: the local DUO simulator, the file that keeps its state across restarts (delete it,
# with the database, to start afresh; make clean removes both) and the person whose life its
# scenario plays (Weert).
run: DUO_SIM_PORT ?= 8001
run: DUO_SIM_STAAT ?= var/duo-simulator.json
run: DUO_SCENARIO_BSN ?= 999000011
run: DUO_SCENARIO_OIN ?= 00000001000988000000
run: install
	$(REGIE) migrate --noinput
	$(REGIE) demo --als-leeg
	@echo ""
	@echo "Regie draait op http://$(HOST):$(PORT)"
	@echo "Demo-logins (wachtwoord voor allemaal: regie-demo-2026). Tweede stap: de code van een"
	@echo "authenticator-app met sleutel OJSW O2LF FVSG K3LP FUZD AMRW FV2G MIJB, of: $(REGIE) demo-code"
	@echo "  kr.werkkom      klantregisseur Werk.Kom (Cranendonck, Nederweert, Weert)"
	@echo "  kr.weert        klantregisseur gemeente Weert (alleen Weert)"
	@echo "  kr.nederweert   klantregisseur gemeente Nederweert"
	@echo "  kr.cranendonck  klantregisseur gemeente Cranendonck"
	@echo "  tl.werkkom      teamleider Werk.Kom"
	@echo "  bm.regio        beleidsmedewerker (alleen geaggregeerde gegevens)"
	@echo "  kp.taalschool   ketenpartner (taalaanbieder)"
	@echo "  fb.regio        functioneel beheerder (auditlog)"
	@echo ""
	@echo "DUO-simulator op http://127.0.0.1:$(DUO_SIM_PORT) speelt scenario 'leven' voor BSN $(DUO_SCENARIO_BSN)"
	@echo "(gemeente-OIN $(DUO_SCENARIO_OIN)); de DUO-worker verwerkt notificaties en leveringen."
	@echo "De simulator bewaart zijn staat in $(DUO_SIM_STAAT) (samen met de database verwijderen om opnieuw te beginnen)."
	@echo ""
	@# Next to runserver: the DUO worker and the DUO simulator with its scenario; both stop when
	@# runserver does (Ctrl-C, or a port already in use).
	@export DUO_BASE_URL=http://127.0.0.1:$(DUO_SIM_PORT); \
	$(REGIE) worker & worker=$$!; \
	$(REGIE) duo-simulator --port $(DUO_SIM_PORT) \
	  --regie-url http://$(HOST):$(PORT)/duo/v1/notificaties \
	  --scenario leven --bsn $(DUO_SCENARIO_BSN) --gemeente-oin $(DUO_SCENARIO_OIN) \
	  --wacht-pip 86400 --eenmalig --staat $(DUO_SIM_STAAT) & simulator=$$!; \
	trap 'kill $$worker $$simulator 2>/dev/null; wait $$worker $$simulator 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(REGIE) runserver $(HOST):$(PORT)

# Debian packages Regie needs at run time (WeasyPrint's Pango, fonts with Arabic glyphs) and for
# the browser tests (Chromium). Installed when missing, as root or via sudo.
APT_GET := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core
.system-deps: Makefile
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(APT_GET) update -qq && $(APT_GET) install -y -qq $$missing; fi
	@touch $@

/usr/bin/chromium:
	$(APT_GET) update -qq && $(APT_GET) install -y -qq chromium

test: install /usr/bin/chromium
	.venv/bin/pytest $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

openapi: install
	DJANGO_SETTINGS_MODULE=regie.conf.test $(REGIE) spectacular --file openapi.yaml --validate --fail-on-warn

# bandit (R-15, docs/security.md): a finding of medium or high severity fails, whatever its
# confidence (settings and exclusions in pyproject.toml [tool.bandit]). Its "nosec encountered
# (B…), but no failed test" warnings on the lines marked nosec are a known bandit bug
# (PyCQA/bandit#1041), not findings.
check: lint
	DJANGO_SETTINGS_MODULE=regie.conf.test $(REGIE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=regie.conf.test $(REGIE) spectacular --file var/openapi.generated.yaml --validate --fail-on-warn
	diff -u openapi.yaml var/openapi.generated.yaml || (echo "openapi.yaml is out of date: run 'make openapi'"; exit 1)
	DJANGO_SETTINGS_MODULE=regie.conf.test $(REGIE) env_docs --check
	.venv/bin/bandit -c pyproject.toml -r src/regie --severity-level medium --confidence-level low -q

# pip-audit of uv.lock (R-15): needs a vulnerability database on the network; see .ci/pip-audit.
audit: install
	UV=$(UV) ./.ci/pip-audit

env-docs: install
	DJANGO_SETTINGS_MODULE=regie.conf.test $(REGIE) env_docs

# The benchmark dataset lives in its own database (reused across runs): SQLite in var/ by
# default, or the PostgreSQL database named by BENCH_DATABASE_URL.
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench-$(BENCH_DATASET).sqlite3
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_SETTINGS_MODULE=regie.conf.dev DEBUG=false $(REGIE) bench --dataset $(BENCH_DATASET)

# Translations: the compiled .mo files are committed, so no gettext is needed to run Regie.
messages: install
	cd src/regie && DJANGO_SETTINGS_MODULE=regie.conf.test ../../$(REGIE) makemessages -l en --no-obsolete --ignore='rules/*' --ignore='tests/*'
	cd src/regie && DJANGO_SETTINGS_MODULE=regie.conf.test ../../$(REGIE) compilemessages

# var/ holds the database and the DUO simulator's state file: both go, so they stay in step.
clean:
	rm -rf .venv .tools node_modules var

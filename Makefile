# Two commands do all the set-up on a fresh machine:
#   make serve   install what the site needs, build it and serve it on http://127.0.0.1:8000
#   make test    install what the tests need and run the whole suite
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline check schema test test-properdocs lighthouse bench clean

$(VENV)/.site-installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-fund --no-audit --loglevel=error && touch $@; \
	else echo "npm not found: accessibility and Lighthouse audits will be skipped"; fi

serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

build: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs build

offline: $(VENV)/.site-installed  ## the copy to open from disk: site-offline/index.html
	$(VENV)/bin/mkdocs build -f mkdocs-offline.yml

check: $(VENV)/.site-installed  ## validate data/ only, no site build
	$(PY) -m partnerships check

schema: $(VENV)/.site-installed  ## regenerate data/schema/*.json from the models
	$(PY) -m partnerships schema

test: $(VENV)/.dev-installed node_modules/.installed
	@[ -x /usr/bin/chromium ] || echo "NOTE: /usr/bin/chromium not found: browser tests will be SKIPPED (apt-get install chromium)"
	@command -v java >/dev/null || echo "NOTE: java not found: the HTML validity test will be SKIPPED (apt-get install default-jre-headless)"
	$(VENV)/bin/ruff check
	$(PY) -m pytest

test-properdocs: $(VENV)/.dev-installed node_modules/.installed  ## the build and browser tests again, built by ProperDocs
	SITE_GENERATOR=properdocs $(PY) -m pytest -m "build or browser"

lighthouse: build node_modules/.installed  ## Lighthouse scores and layout shift: home, map, a partner, matrix
	$(PY) tools/lighthouse.py site

bench: $(VENV)/.dev-installed
	$(PY) bench/build_speed.py

clean:
	rm -rf site site-offline artifacts

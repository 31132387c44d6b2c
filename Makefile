# The Dushanbe book. `make book` builds the HTML book; `make test` builds it and runs every test.
# Both create a local virtual environment from requirements.txt and install what else they need.

PYTHON      ?= python3.11
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
CHROMIUM    ?= /usr/bin/chromium
BUILD_FLAGS := -W -n --keep-going

.PHONY: book test unit serve clean freeze chromium

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

book: $(STAMP) chromium
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)
	@echo "The book is in _build/html (open _build/html/index.html, or run: make serve)"

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not book"

# Runs the whole suite against a fresh build. pytest's exit code 5 ("no tests collected")
# is not a failure of the book; every other non-zero code is.
test: book
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; rc=0; fi; exit $$rc

serve: book
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

clean:
	rm -rf _build

freeze: $(STAMP)
	{ echo "# Pinned environment for the Dushanbe book (Python 3.11). Regenerate with: make freeze"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^dushanbe'; } > requirements.txt

# Two entry points do all the set-up on a fresh Debian/Ubuntu machine:
#   make demo   read the bundled sample photos into contacts.vcf and show who was found
#   make test   lint, type-check and run the whole test suite
# Both install what is missing: Tesseract with its German/English/OSD models, the fonts
# the card generator uses and Chromium for the browser test of `cardscan review` (apt-get),
# and a .venv with cardscan and its test tools, Playwright among them (pip). Playwright
# drives Debian's /usr/bin/chromium: it never downloads a browser of its own.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

APT_PACKAGES := tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng tesseract-ocr-osd \
	tesseract-ocr-script-latn fonts-dejavu-extra \
	fonts-dejavu-core fonts-liberation fonts-noto-core fonts-open-sans fonts-lato \
	fonts-crosextra-carlito fonts-roboto-unhinted python3-venv chromium
# Files whose presence shows that the packages above are installed.
APT_MARKERS := /usr/bin/tesseract \
	/usr/share/tesseract-ocr/5/tessdata/deu.traineddata \
	/usr/share/tesseract-ocr/5/tessdata/eng.traineddata \
	/usr/share/tesseract-ocr/5/tessdata/osd.traineddata \
	/usr/share/tesseract-ocr/5/tessdata/Latin.traineddata \
	/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
	/usr/share/fonts/truetype/lato/Lato-Regular.ttf \
	/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf \
	/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf \
	/usr/bin/chromium

.PHONY: demo test lint typecheck unit system-deps venv benchmark samples clean

demo: venv
	$(BIN)/cardscan batch samples/ -o contacts.vcf

test: venv lint typecheck unit

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy

unit: venv
	$(BIN)/pytest

benchmark: venv
	$(BIN)/python -m benchmarks.accuracy --n 200 --seed 2026

samples: venv
	$(BIN)/python -m tools.gencards samples --samples

system-deps:
	@missing=0; for f in $(APT_MARKERS); do [ -e "$$f" ] || missing=1; done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing=1; \
	if [ $$missing = 1 ]; then \
		echo "Installing system packages: $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) </dev/null; \
	fi

venv: system-deps $(STAMP)

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) with cardscan and its test tools (the first time: about a minute)"
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache contacts.vcf

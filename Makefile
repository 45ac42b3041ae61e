# The two commands: `make serve` and `make test`. Everything else is a step they share.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

export NO_MKDOCS_2_WARNING := 1
# One BLAS thread per process: the experiments' small matrix products run slower, not faster,
# with threads on a busy two-core machine, and the tests already use both cores.
export OPENBLAS_NUM_THREADS ?= 1
# One arithmetic on every x86-64 machine, so that the numbers the pages print (training runs
# amplify last bits) are the same on each: NumPy's baseline loops instead of its AVX2/AVX-512 ones,
# and OpenBLAS's Haswell kernels instead of the CPU's own (refimpl/arithmetic.py says why).
ifeq ($(shell uname -m),x86_64)
export NPY_DISABLE_CPU_FEATURES ?= X86_V3 X86_V4 AVX512_ICL AVX512_SPR
export OPENBLAS_CORETYPE ?= Haswell
endif
# Build date = last commit's time, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build test test-fast data figures bench crosscheck chromium lock clean linkcheck-external deploy

setup: $(BIN)/.installed

$(BIN)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 11) <= v <= (3, 13) else "refimpl needs CPython 3.11-3.13; this is %d.%d (set PYTHON=python3.x)" % v)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

data: setup
	$(BIN)/python -m refimpl.data

figures: setup
	$(BIN)/python -m refimpl.figures --out build/generated/figures

# Both editions: the English into site/, then the Chinese into site/zh/ (mkdocs.zh.yml).
build: data
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f mkdocs.zh.yml

# One edition, so that a rebuild after an edit stays fast: `make serve` (English, at /) or
# `make serve EDITION=zh` (Chinese, at /zh/). The language switcher's link to the other edition
# works in `make build`'s site, not here.
EDITION ?= en
serve: data
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT) $(if $(filter zh,$(EDITION)),-f mkdocs.zh.yml)

chromium:
	@bash scripts/ensure_chromium.sh

# Two workers (the machines have two cores), each building its own copy of the site. A page's
# examples share one namespace top to bottom, so each file runs whole on one worker, except the
# browser tests, which are spread test by test (conftest.py).
test: setup chromium data
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

# The library and page-example tests: refimpl's doctests, the code on every page and every test that
# needs neither the built site nor Chromium (marked `site` / `browser` by tests/conftest.py).
test-fast: setup data
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not site and not browser"

bench: data
	$(BIN)/python scripts/bench.py

# Publish site/ to the gh-pages branch of this repository (needs push access). CI publishes with
# .github/workflows/deploy.yml instead; this is for a manual release from a clean checkout.
deploy: test
	SITE_URL=$${SITE_URL:?set SITE_URL to the published address} SITE_URL_ZH=$${SITE_URL}zh/ $(MAKE) build
	$(BIN)/ghp-import --no-jekyll --push --force --no-history site

# Needs network access; not part of `make test`.
linkcheck-external: build
	$(BIN)/python scripts/linkcheck_external.py

# Needs the package index; not part of `make test`. One venv per framework under build/crosscheck/
# (pins: scripts/crosscheck/frameworks.toml, about 14 GB for all ten), each running a worker that
# needs only its framework and NumPy; refimpl compares here and writes
# refimpl/measurements/crosscheck/<framework>.json, which is committed. `make crosscheck
# FRAMEWORKS="jax keras"` measures those only.
crosscheck: setup
	$(BIN)/python scripts/crosscheck/run.py $(if $(FRAMEWORKS),--only $(FRAMEWORKS))

# Re-resolve the newest versions and pin them (needs the package index).
lock:
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet setuptools -e '.[test]'
	{ echo "# Exact versions for the docs and test environment (Python 3.11-3.13)."; \
	  echo "# Regenerate with: make lock   (never edit by hand)"; \
	  build/lock-venv/bin/pip freeze --all --exclude-editable | grep -viE '^pip=='; } > requirements.lock
	rm -rf build/lock-venv

clean:
	rm -rf site build .pytest_cache .hypothesis

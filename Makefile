# Kabinet. Two set-up commands, each installs what it needs and skips what is there:
#   make dev    - the portal at http://127.0.0.1:8787 with demo data (wrangler dev)
#   make test   - every test: fmt, clippy, native unit/property/router tests, e2e and browser tests
# and `make bench` for BENCHMARKS.md.

SHELL := /bin/bash
export CLOUDFLARE_CF_FETCH_ENABLED := false
export WRANGLER_SEND_METRICS := false
export PATH := $(HOME)/.cargo/bin:$(PATH)
WRANGLER := ./node_modules/.bin/wrangler

.PHONY: dev test bench tools node chromium wrk build db-local

## Rust tools for the wasm build (see design.md: GitHub downloads do not work here).
tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@worker-build --version 2>/dev/null | grep -qx '0.8.7' || cargo install worker-build --version 0.8.7 --locked
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen 0.2.130' || cargo install wasm-bindgen-cli --version 0.2.130

## Node tools pinned in package-lock.json: wrangler, binaryen (wasm-opt), playwright-core, axe-core.
node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }

wrk:
	@command -v wrk >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }

build: tools node
	sh scripts/build-worker.sh

## Local D1: migrations, then the demo data (idempotent).
db-local: node
	$(WRANGLER) d1 migrations apply DB --local
	$(WRANGLER) d1 execute DB --local --file seed/demo.sql

dev: tools node db-local
	$(WRANGLER) dev --ip 127.0.0.1 --port 8787 --test-scheduled

test: tools node chromium
	bash scripts/test.sh

bench: tools node wrk
	bash scripts/bench.sh

# Reel: `make run` builds everything and starts the server with a demo shop
# and demo data; `make test` runs every test suite, browser tests included.

CARGO ?= cargo
NPM ?= npm
LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= ./reel-data

.PHONY: run build build-web build-rust-release build-rust-debug test test-rust test-sdk test-browser \
        deps-node deps-browser lint bench clean

run: build
	./target/release/reel serve --demo-data --listen $(LISTEN) --data-dir $(DATA_DIR)

build: build-web build-rust-release

# Installs the npm workspaces from package-lock.json when it changed.
deps-node: node_modules/.package-lock.json

node_modules/.package-lock.json: package-lock.json package.json sdk/package.json web/package.json tests/browser/package.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

# Debian's Chromium for the browser tests (playwright cannot download one here).
deps-browser:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || \
	  { echo "installing chromium from Debian"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

build-web: deps-node
	$(NPM) run build

build-rust-release: build-web
	$(CARGO) build --release --locked -p reel

build-rust-debug: build-web
	$(CARGO) build --locked -p reel

test: test-rust test-sdk test-browser

test-rust: build-web
	$(CARGO) test --workspace --locked

test-sdk: deps-node
	$(NPM) run test:unit

test-browser: deps-browser build-rust-debug
	REEL_BIN=$(CURDIR)/target/debug/reel $(NPM) run test:browser

# Benchmarks: figures go to bench/results.json and docs/benchmarks.md.
bench: build-web deps-browser
	@command -v zstd >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zstd; }
	$(CARGO) build --release --locked -p reel -p reel-bench
	@test -n "$$(ls bench/corpus/*.json 2>/dev/null)" || REEL_BIN=$(CURDIR)/target/release/reel $(NPM) run record-corpus -w tests/browser
	./target/release/reel-bench --reel-binary target/release/reel
	REEL_BIN=$(CURDIR)/target/release/reel node web/bench/player-bench.mjs
	REEL_BIN=$(CURDIR)/target/release/reel node sdk/bench/measure.mjs

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

clean:
	rm -rf target sdk/dist web/dist node_modules

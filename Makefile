# Citycal: `make run` serves the app, `make test` runs every test layer.
# Both install what they need on a fresh Debian machine with rustup, cargo,
# node and npm, and are fast when the tools are already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# The wasm splitter (tools/split-wasm.mjs) for the wasm_split_helpers in Cargo.lock.
WASM_SPLIT_VERSION := 0.2.4
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The release wasm (app and builder) is built against a std compiled for size
# by cargo itself, with panics that abort at once: no panic messages,
# locations or formatting in the wasm (issue 8: 21 KB gzip of the initial
# load). These are unstable options of the machine's stable rustc, enabled
# for these two builds only; tests and `cargo check` use the usual std, so a
# panic in a test still says why. See ARCHITECTURE.md, "Size".
# `make build CITYCAL_PANIC_INFO=1` (or `make test-e2e CITYCAL_PANIC_INFO=1`)
# builds the same release app whose panics print their message and location
# to the console (console_error_panic_hook; ~20 KB gzip more, so make size
# fails), with the wasm's function names kept in its stack traces
# (CITYCAL_KEEP_NAMES, tools/split-wasm.mjs): where a release trap
# ("RuntimeError: unreachable") comes from, in minutes.
CITYCAL_PANIC_INFO ?=
PANIC_RUSTFLAGS := $(if $(CITYCAL_PANIC_INFO),--cfg citycal_panic_hook,-Zunstable-options -Cpanic=immediate-abort)
RELEASE_WASM_ENV := $(if $(CITYCAL_PANIC_INFO),CITYCAL_KEEP_NAMES=1) RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components $(PANIC_RUSTFLAGS)"

# wasm tests in headless Chromium (see webdriver.json for its flags).
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: help run test fuzz walk test-native test-receiver bench-receiver test-wasm test-e2e build server tools build-tools test-tools size size-breakdown bench screenshots clean

help:
	@echo "make run    install what is missing, build, serve at http://127.0.0.1:8080"
	@echo "make test   install what is missing, run native, wasm and end-to-end tests"
	@echo "make fuzz   fuzz the feed reader for FUZZ_SECONDS (600) with a fresh seed"
	@echo "make walk   a random walk through the app in Chromium for WALK_STEPS (2000) steps a size, fresh seed"
	@echo "make size   gzip sizes of the initial load (after a build)"
	@echo "make size-breakdown  the main wasm module's bytes by crate (twiggy)"
	@echo "make bench  Citycal against FullCalendar 7: bytes, load, navigation, filter, memory"
	@echo "make bench-receiver  registrations per second and latency: SQLite, PostgreSQL with 1 and 4 receivers"
	@echo "make screenshots  the README's pictures (docs/screenshots/) from the real build"

# The app at :8080 and the reference registration receiver at :8081, which
# public/config.json points to; with CITYCAL_ADMIN_TOKEN set in the
# environment, `curl -H "Authorization: Bearer $$CITYCAL_ADMIN_TOKEN"
# http://127.0.0.1:8081/registrations.json` lists what was stored (in
# registrations.sqlite; docs/registration.md, "For organizers").
run: build server
	@echo "==> Registration receiver at http://127.0.0.1:8081 (stored in registrations.sqlite)"
	@echo "==> Serving Citycal at http://127.0.0.1:8080, the embed builder at /builder.html, the feed check at /check.html (Ctrl-C to stop both)"
	./target/release/citycal-server --feed public/events.json --db registrations.sqlite --port 8081 \
		--allow-origin http://127.0.0.1:8080 --allow-origin http://localhost:8080 --app-url http://127.0.0.1:8080/ & \
	receiver=$$!; trap 'kill $$receiver 2>/dev/null' EXIT INT TERM; node tests/e2e/serve.mjs dist 8080

server:
	@echo "==> Building the registration receiver (server/)"
	cargo build --release -p citycal-server

test: test-native test-wasm test-e2e size
	@echo "==> All test layers passed"

test-native: node_modules/.installed test-receiver
	@echo "==> Native tests (core: unit, property, sample feed, locales; the feed check's command)"
	cargo test -p citycal-core -p citycal-cli
	@echo "==> citycal import against ical.js (the DST fixture's occurrences; needs target/debug/citycal)"
	cargo build -p citycal-cli
	node --test tests/ical_import.test.mjs
	@echo "==> The JSON Schema matches the sample feed"
	python3 tests/schema_check.py
	@echo "==> Fuzzing the feed reader: $(FUZZ_INPUTS) inputs, seed $(FUZZ_SEED) (make fuzz runs longer)"
	$(FUZZ) --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED)

# The registration receiver's tests on SQLite and on a throwaway PostgreSQL
# (tools/postgres.sh: installed from Debian when missing, on loopback, stopped
# and deleted after, whether the tests pass or not).
test-receiver:
	@echo "==> The registration receiver on SQLite and PostgreSQL (tools/postgres.sh)"
	url=$$(tools/postgres.sh start); trap 'tools/postgres.sh stop' EXIT; \
		CITYCAL_TEST_PG=$$url cargo test -p citycal-server

# The receiver under load (not part of make test): registrations per second
# and p50/p99 latency on SQLite (1 process) and PostgreSQL (1 and 4
# processes), a Markdown table (server/benches/receiver.rs, release build).
bench-receiver:
	@echo "==> The registration receiver under load: SQLite, PostgreSQL × 1 and × 4 (tools/postgres.sh)"
	url=$$(tools/postgres.sh start); trap 'tools/postgres.sh stop' EXIT; \
		CITYCAL_BENCH_PG=$$url cargo bench -p citycal-server --bench receiver

# The feed fuzzer (crates/core/src/fuzz.rs): bounded and seeded in make test,
# so a run is reproducible; `make fuzz` runs FUZZ_SECONDS with a fresh seed.
FUZZ := cargo run --profile fuzz -q -p citycal-core --features fuzz --example fuzz_feed --
FUZZ_INPUTS := 30000
FUZZ_SEED := 1
FUZZ_SECONDS := 600

fuzz:
	$(FUZZ) --seconds $(FUZZ_SECONDS)

test-wasm: build-tools test-tools
	@echo "==> wasm tests in headless Chromium"
	$(WASM_TEST_ENV) cargo test -p citycal --target wasm32-unknown-unknown --test web --test zones

test-e2e: build server test-tools
	@echo "==> citycal (the organizers' command) for tests/e2e/network.test.mjs's merge"
	cargo build -q -p citycal-cli
	@echo "==> The subscription feed (/calendar.ics of the receiver) read by ical.js"
	node --test tests/ics_subscription.test.mjs
	@echo "==> End-to-end tests against the built app (the walk: 300 steps a size, seed 1)"
	WALK_STEPS=300 WALK_SEED=1 node --test --test-concurrency=1 --test-reporter=spec tests/e2e/*.test.mjs

# The random walk (tests/e2e/walk.test.mjs): make test runs 300 steps a
# size with seed 1; `make walk` runs longer with a fresh seed (printed, to repeat a failure:
# `make walk WALK_SEED=N`).
WALK_STEPS := 2000
WALK_SEED := $(shell date +%s)

walk: build test-tools
	WALK_STEPS=$(WALK_STEPS) WALK_SEED=$(WALK_SEED) node --test --test-reporter=spec tests/e2e/walk.test.mjs

# A page of its own wasm next to the app: $(1).html is index.html with the
# binary $(1), the stylesheet style/$(1).css and none of the app's files
# (generated, git-ignored), built by a second Trunk run into target/$(1)-dist
# and copied into dist/. Not split: no `split` feature, Trunk's own wasm-opt.
define second_page
rm -rf target/$(1)-dist
sed -e 's/data-bin="citycal"/data-bin="$(1)"/' -e 's/ data-cargo-features="split"//' -e 's/data-wasm-opt="0"/data-wasm-opt="z"/' -e 's#<title>Citycal</title>#<title>$(2)</title>#' \
	-e 's#\(<link data-trunk rel="css" href="style/main.css">\)#\1\n  <link data-trunk rel="css" href="style/$(1).css">#' \
	-e '/rel="copy-file"/d' -e '/rel="copy-dir"/d' index.html > $(1).html
$(RELEASE_WASM_ENV) trunk build --release --dist target/$(1)-dist $(1).html
cp target/$(1)-dist/$(1).html target/$(1)-dist/$(1)-* dist/
endef

# The iCalendar reader for a network's .ics sources (crates/calendar): a wasm
# of its own in dist/calendar/ (load.js, calendar.js, calendar_bg.wasm),
# fetched only by a page whose config.json lists such a source.
define calendar_wasm
$(RELEASE_WASM_ENV) cargo build --release -p citycal-calendar --target wasm32-unknown-unknown
rm -rf target/calendar dist/calendar
wasm-bindgen --target web --no-typescript --out-dir target/calendar --out-name calendar target/wasm32-unknown-unknown/release/citycal_calendar.wasm
mkdir -p dist/calendar
wasm-opt -Oz --converge --strip-debug --strip-producers target/calendar/calendar_bg.wasm -o dist/calendar/calendar_bg.wasm
cp target/calendar/calendar.js crates/calendar/load.js dist/calendar/
endef

build: build-tools server
	@echo "==> Building the release app into dist/"
	$(RELEASE_WASM_ENV) trunk build --release
	@echo "==> Building the embed builder and the feed check (each its own wasm, so visitors never download them) into dist/"
	$(call second_page,builder,Citycal: embed builder)
	$(call second_page,check,Citycal: feed check)
	@echo "==> Building the iCalendar reader for a network's .ics sources (its own wasm) into dist/calendar/"
	$(call calendar_wasm)
	./target/release/citycal-server --feed public/events.json --write-ics dist

# Issue 8's budget: the initial load (month, and a phone's list) within
# 160 KB gzip; FullCalendar's bundle is 101 KB. Never raise it.
SIZE_BUDGET_GZIP := 160000

size:
	@node tests/e2e/size.mjs dist --budget-gzip $(SIZE_BUDGET_GZIP)

# The README's pictures, from the real build, at a fixed date (tools/screenshots.mjs).
screenshots: build test-tools
	node tools/screenshots.mjs docs/screenshots

# Timings are measured here, never asserted in tests. See README, "Benchmarks".
bench: build test-tools
	@echo "==> Filtering a 10,000-event feed (native, release build)"
	cargo run --release -q -p citycal-core --example filter_timing
	@echo "==> Reading and validating a 10,000-event feed (native, release build)"
	mkdir -p target/bench && node bench/gen-feed.mjs 10000 2026-11-01 > target/bench/feed-10000.json
	cargo run --release -q -p citycal-core --example parse_timing -- target/bench/feed-10000.json
	@echo "==> Citycal against FullCalendar 7.1 in headless Chromium (target/bench/report.md)"
	node bench/build-fc.mjs
	node bench/run.mjs $(BENCH_ARGS)

# Where the main wasm module's bytes go, by crate (twiggy from crates.io,
# installed on demand), before wasm-opt: tools/split-wasm.mjs keeps
# wasm-bindgen's output in target/split-wasm/bindgen/.
size-breakdown: build
	@command -v twiggy >/dev/null || { echo "==> Installing twiggy 0.8.0"; cargo install twiggy --version 0.8.0; }
	mkdir -p target/size-breakdown
	twiggy top -n 1000000 --format csv target/split-wasm/bindgen/citycal-*_bg.wasm > target/size-breakdown/top.csv
	node bench/size-breakdown.mjs target/size-breakdown/top.csv

tools: build-tools test-tools

# --- installation: each step checks first, and says what it installs ---------

build-tools: .tools/wasm32 .tools/rust-src .tools/trunk-$(TRUNK_VERSION) .tools/wasm-bindgen-$(WASM_BINDGEN_VERSION) \
	.tools/wasm-split-$(WASM_SPLIT_VERSION) node_modules/.installed

test-tools: .tools/chromium node_modules/.installed

.tools/wasm32:
	@mkdir -p .tools
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || { \
		echo "==> Installing the Rust wasm32-unknown-unknown target"; \
		rustup target add wasm32-unknown-unknown; }
	@touch $@

.tools/trunk-$(TRUNK_VERSION):
	@mkdir -p .tools
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || { \
		echo "==> Installing Trunk $(TRUNK_VERSION) from crates.io (about 11 minutes on 2 cores)"; \
		cargo install trunk --version $(TRUNK_VERSION) --locked; }
	@touch $@

# std's source, and the crates it depends on, for RELEASE_WASM_ENV's build of
# std (Trunk runs cargo offline, so they are fetched here).
.tools/rust-src:
	@mkdir -p .tools
	@rustup component list --installed | grep -qx 'rust-src' || { \
		echo "==> Installing the Rust standard library's source (rust-src)"; \
		rustup component add rust-src; }
	@echo "==> Fetching the standard library's dependencies"
	RUSTC_BOOTSTRAP=1 cargo fetch -q --manifest-path "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
	@touch $@

# Not --locked: one dependency pinned in its lock file is gone from the registry.
.tools/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p .tools
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || { \
		echo "==> Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) from crates.io (about 6 minutes)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }
	@touch $@

.tools/wasm-split-$(WASM_SPLIT_VERSION):
	@mkdir -p .tools
	@wasm-split-cli --help >/dev/null 2>&1 && [ "$$(cargo install --list | grep -c '^wasm_split_cli_support v$(WASM_SPLIT_VERSION):')" = 1 ] || { \
		echo "==> Installing wasm-split-cli $(WASM_SPLIT_VERSION) (wasm_split_cli_support) from crates.io (about 4 minutes)"; \
		cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; }
	@touch $@

# wasm-opt from npm's binaryen (Debian's is too old), playwright-core for e2e.
node_modules/.installed: package.json package-lock.json
	@echo "==> Installing npm tools (binaryen's wasm-opt, playwright-core, ical.js; fullcalendar and esbuild for make bench)"
	npm ci --no-audit --no-fund
	@touch $@

.tools/chromium:
	@mkdir -p .tools
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "==> Installing Chromium and chromedriver from Debian"; \
		$(SUDO) apt-get update -q; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi
	@touch $@

clean:
	cargo clean
	rm -rf dist .tools node_modules

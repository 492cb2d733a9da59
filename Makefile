# secretariat: one entry point for people and CI alike. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo

.PHONY: help demo schema test setup fmt-check clippy rust-test vectors example-check bench bench-check doc python-test wasm-test fuzz fuzz-smoke

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

demo: ## the main job: the term report on the default rulebook and the sample term
	$(CARGO) run --quiet --release -p secretariat --example term_report

schema: ## regenerate schema/*.json (from core) and the Python shapes generated from it
	$(CARGO) run --quiet -p secretariat-conformance --bin write_schema
	python3 bindings-python/scripts/write_shapes.py

test: setup fmt-check clippy rust-test fuzz-smoke example-check bench-check doc python-test wasm-test ## every test (installs what it needs)
	@echo "make test: all checks passed"

setup: ## install what the tests need (idempotent)
	@bash scripts/setup.sh

fmt-check: ## formatting
	$(CARGO) fmt --all -- --check
	$(CARGO) fmt --manifest-path fuzz/Cargo.toml -- --check

clippy: ## lints, warnings are errors (the wasm binding also as its forms module)
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p secretariat-wasm --no-default-features --all-targets -- -D warnings

rust-test: ## unit, property, doc and conformance tests of the Rust core
	$(CARGO) test --workspace

vectors: ## only the shared conformance vectors
	$(CARGO) test -p secretariat-conformance

example-check: ## the demo runs, in every language, and on a user's files
	$(CARGO) run --quiet -p secretariat --example term_report > /dev/null
	$(CARGO) run --quiet -p secretariat --example term_report -- --lang zh --today 2002-10-20 > /dev/null
	$(CARGO) run --quiet -p secretariat --example term_report -- --lang zh-Hant --today 2002-10-20 | grep -q "出缺勤狀態"
	$(CARGO) run --quiet -p secretariat --example term_report -- \
	    --rulebook core/data/strict_rulebook.toml --data core/data/sample_term.json --today 2002-10-14 --json > /dev/null
	$(CARGO) run --quiet -p secretariat --example term_report -- --ical | grep -q "BEGIN:VCALENDAR"
	for p in core/data/policies/*.toml; do \
	    $(CARGO) run --quiet -p secretariat --example term_report -- --rulebook $$p --today 2002-10-20 > /dev/null || exit 1; \
	    $(CARGO) run --quiet -p secretariat --example term_report -- --compare-rulebook $$p --today 2002-10-20 > /dev/null || exit 1; \
	done

python-test: ## the Python binding: wheel built in bindings-python/.venv, pytest, stubtest
	bash bindings-python/scripts/test.sh

wasm-test: ## the WebAssembly binding: toolchain, package built, node --test, size, demo page in Chromium
	bash bindings-wasm/scripts/test.sh

bench-check: ## the benchmarks build
	$(CARGO) check --quiet --manifest-path benches/Cargo.toml --benches

bench: ## run the benchmarks (criterion)
	$(CARGO) bench --manifest-path benches/Cargo.toml --benches

doc: ## API docs build without warnings (the core, and the wasm binding for its maintainers)
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --quiet --no-deps -p secretariat --features schema
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --quiet --no-deps --document-private-items -p secretariat-wasm

fuzz: ## fuzz every target for FUZZ_SECONDS each (default 600), keeping new inputs in fuzz/corpus/
	FUZZ_KEEP=1 bash scripts/fuzz.sh $${FUZZ_SECONDS:-600}

fuzz-smoke: ## replay the saved crash inputs, then fuzz each of the six targets for 10 s
	bash scripts/fuzz.sh 10

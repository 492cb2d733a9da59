#!/usr/bin/env bash
# Installs what `make test` needs on a fresh machine. Idempotent: each step is skipped when
# what it installs is already there.
set -euo pipefail

if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
        echo "setup: cargo is in ~/.cargo/bin but not on PATH; add it: export PATH=\$HOME/.cargo/bin:\$PATH" >&2
    else
        echo "setup: no Rust toolchain found; install rustup (https://rustup.rs) first" >&2
    fi
    exit 1
fi
if command -v rustup >/dev/null 2>&1; then
    for component in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
            rustup component add "$component"
        fi
    done
fi
echo "setup: $(cargo --version)"

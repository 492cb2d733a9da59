#!/usr/bin/env bash
# Builds the npm package's WebAssembly module and JS glue:
#
#   bindings-wasm/pkg/web/   ES module for browsers (wasm-bindgen --target web)
#   bindings-wasm/pkg/node/  CommonJS module for node (wasm-bindgen --target nodejs)
#
# with Debian's Rust (the wasm32 standard library built from source) and the size profile
# `wasm-release` of the root Cargo.toml, in its own target dir (target/wasm) so the rustup and
# the Debian compilers never share artifacts. Run scripts/setup.sh first (test.sh does).
#
# Environment: WASM_PROFILE (default wasm-release); WASM_RUSTFLAGS (default: panics abort
# without a message); WASM_OPT=1 to run binaryen's wasm-opt -Oz after wasm-bindgen.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
profile="${WASM_PROFILE:-wasm-release}"
target_dir="$repo/target/wasm"

cd "$repo"
# Debian's cargo and rustc by full path (rustup's shims come first on PATH); RUSTC_BOOTSTRAP
# lets the stable compiler take -Zbuild-std, which builds std for wasm32 from rust-web-src.
# For size, std is built with its `optimize_for_size` feature (smaller sort and formatting
# code) and panics abort at once without formatting a message (the core never panics on
# input; a bug would show as a wasm `unreachable` trap). Measured on the whole module: -14 KB
# gzipped for each of the two. -Zlocation-detail=none drops the source file names and line
# numbers that `#[track_caller]` code (RefCell borrows, std's checks) would otherwise embed for
# panic messages that immediate-abort never prints.
RUSTFLAGS="${WASM_RUSTFLAGS:--Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none}" \
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet \
    -p secretariat-wasm --lib --target wasm32-unknown-unknown --profile "$profile" \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$target_dir"

wasm="$target_dir/wasm32-unknown-unknown/$profile/secretariat_wasm.wasm"
rm -rf "$here/pkg/web" "$here/pkg/node"
# (wasm-bindgen warns that `strip = true` removed the target_features section; it reads the
# features from the module itself, and the profile strips for size on purpose.)
bindgen() { wasm-bindgen "$@" 2> >(grep -v "target_features. custom section is missing" >&2); }
bindgen --target web --out-dir "$here/pkg/web" "$wasm"
bindgen --target nodejs --out-dir "$here/pkg/node" "$wasm"
# The node glue is CommonJS while the package is "type": "module".
echo '{ "type": "commonjs" }' > "$here/pkg/node/package.json"

# Optional (WASM_OPT=1): binaryen's wasm-opt. Debian 12's binaryen 108 makes the module
# smaller but its gzipped size larger (measured: -Oz 1.21 MB raw but 475 KB gzipped against
# 1.39 MB and 393 KB without it), so it is off by default.
if [ "${WASM_OPT:-0}" != 0 ] && command -v wasm-opt >/dev/null 2>&1; then
    for dir in web node; do
        file="$here/pkg/$dir/secretariat_wasm_bg.wasm"
        wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-reference-types --enable-multivalue --enable-mutable-globals \
            "$file" -o "$file.opt" && mv "$file.opt" "$file"
    done
fi

size="$(stat -c %s "$here/pkg/web/secretariat_wasm_bg.wasm")"
gz="$(gzip -9 -c "$here/pkg/web/secretariat_wasm_bg.wasm" | wc -c)"
echo "wasm-build: pkg/web and pkg/node ($profile): $size bytes, $gz gzipped"

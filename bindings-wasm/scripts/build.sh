#!/usr/bin/env bash
# Builds the npm package's WebAssembly module, its JS glue and its entries (index.js and
# index.d.ts: the glue, the Standard Schemas of the form checks and the JSON Schemas, from js/):
#
#   bindings-wasm/pkg/web/         ES module for browsers (wasm-bindgen --target web)
#   bindings-wasm/pkg/node/        CommonJS module for node (wasm-bindgen --target nodejs)
#   bindings-wasm/pkg/forms/web/   the same two for the forms module (`secretariat/forms`)
#   bindings-wasm/pkg/forms/node/
#
# with Debian's Rust (the wasm32 standard library built from source) and the size profile
# `wasm-release` of the root Cargo.toml, in its own target dir (target/wasm) so the rustup and
# the Debian compilers never share artifacts. Run scripts/setup.sh first (test.sh does): the
# entries are compiled with the npm devDependency typescript.
#
# Environment: WASM_PROFILE (default wasm-release); WASM_RUSTFLAGS (default: panics abort
# without a message); WASM_OPT=1 to run binaryen's wasm-opt -Oz after wasm-bindgen.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
profile="${WASM_PROFILE:-wasm-release}"
target_dir="$repo/target/wasm"

# Debian's cargo and rustc by full path (rustup's shims come first on PATH); RUSTC_BOOTSTRAP
# lets the stable compiler take -Zbuild-std, which builds std for wasm32 from rust-web-src.
# For size, std is built with its `optimize_for_size` feature (smaller sort and formatting
# code) and panics abort at once without formatting a message (the core never panics on
# input; a bug would show as a wasm `unreachable` trap). Measured on the whole module: -14 KB
# gzipped for each of the two. -Zlocation-detail=none drops the source file names and line
# numbers that `#[track_caller]` code (RefCell borrows, std's checks) would otherwise embed for
# panic messages that immediate-abort never prints.
#
# Two modules: the full API (cargo feature `full`, the default) in pkg/web and pkg/node, and
# the forms module (no default features: the form checks and what a form page shows) in
# pkg/forms/web and pkg/forms/node, which a browser form page loads as `secretariat/forms`.
build() { # build <out dir> <cargo args...>
    local out="$1"
    shift
    RUSTFLAGS="${WASM_RUSTFLAGS:--Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none}" \
        RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet \
        -p secretariat-wasm --lib --target wasm32-unknown-unknown --profile "$profile" \
        -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
        --target-dir "$target_dir" "$@"
    local wasm="$target_dir/wasm32-unknown-unknown/$profile/secretariat_wasm.wasm"
    rm -rf "$out/web" "$out/node"
    bindgen --target web --out-dir "$out/web" "$wasm"
    bindgen --target nodejs --out-dir "$out/node" "$wasm"
    # The node glue is CommonJS while the package is "type": "module".
    echo '{ "type": "commonjs" }' > "$out/node/package.json"
}
# (wasm-bindgen warns that `strip = true` removed the target_features section; it reads the
# features from the module itself, and the profile strips for size on purpose.)
bindgen() { wasm-bindgen "$@" 2> >(grep -v "target_features. custom section is missing" >&2); }

cd "$repo"
build "$here/pkg"
build "$here/pkg/forms" --no-default-features

# The package's entries, beside each glue: index.js and index.d.ts re-export the glue and add
# the Standard Schemas of the form checks (js/standard_schema.ts: JavaScript over the checks,
# nothing compiled into the .wasm). One TypeScript source for all four builds: tsc writes ES
# modules in pkg/web and pkg/forms/web and CommonJS in the node builds (their package.json says
# "commonjs"), and generates the declarations, checking the source with --strict on the way.
tsc="$here/node_modules/typescript/bin/tsc"
if [ ! -f "$tsc" ]; then
    echo "wasm-build: $tsc is missing: run bindings-wasm/scripts/setup.sh (npm ci) first" >&2
    exit 1
fi
# The JSON Schemas as JavaScript sees them (`schema(name)`, js/schema.ts): the repository's
# schema/*.json renamed to camelCase by the binding's rule (scripts/camel-schema.mjs), as data
# in schema_data.ts beside the glue; the .wasm holds none of it.
# The core's shapes for TypeScript are generated from the same schemas
# (scripts/declarations.mjs, json-schema-to-typescript) and appended to each glue's
# declarations, beside the binding's own (src/types/secretariat.d.ts) and tsify's.
schema_data="$(mktemp -d)/schema_data.ts"
node "$here/scripts/camel-schema.mjs" "$repo/schema" "$schema_data"
shapes="$(dirname "$schema_data")/shapes.d.ts"
node "$here/scripts/declarations.mjs" "$repo/schema" "$shapes"
sources=()
for dir in "$here"/pkg/{,forms/}{web,node}; do
    cp "$here/js/standard_schema.ts" "$dir/standard_schema.ts"
    cp "$here/js/schema.ts" "$dir/schema.ts"
    cp "$schema_data" "$dir/schema_data.ts"
    cat "$shapes" >> "$dir/secretariat_wasm.d.ts"
    cp "$here/js/$(basename "$dir").ts" "$dir/index.ts"
    sources+=("$dir/index.ts" "$dir/standard_schema.ts" "$dir/schema.ts" "$dir/schema_data.ts")
done
rm -r "$(dirname "$schema_data")"
node "$tsc" --strict --declaration --target es2022 --module nodenext --moduleResolution nodenext \
    --newLine lf "${sources[@]}"
rm -f "${sources[@]}"

# Optional (WASM_OPT=1): binaryen's wasm-opt. Debian 12's binaryen 108 makes the module
# smaller but its gzipped size larger (measured: -Oz 1.21 MB raw but 475 KB gzipped against
# 1.39 MB and 393 KB without it), so it is off by default.
if [ "${WASM_OPT:-0}" != 0 ] && command -v wasm-opt >/dev/null 2>&1; then
    for file in "$here"/pkg/{,forms/}{web,node}/secretariat_wasm_bg.wasm; do
        wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-reference-types --enable-multivalue --enable-mutable-globals \
            "$file" -o "$file.opt" && mv "$file.opt" "$file"
    done
fi

for module in "" forms/; do
    file="$here/pkg/${module}web/secretariat_wasm_bg.wasm"
    size="$(stat -c %s "$file")"
    gz="$(gzip -9 -c "$file" | wc -c)"
    echo "wasm-build: pkg/${module}web and pkg/${module}node ($profile): $size bytes, $gz gzipped"
done

#!/usr/bin/env bash
# The WebAssembly binding's tests, on a fresh machine or an old one (idempotent):
#
#   1. scripts/setup.sh   Debian's Rust for wasm32, wasm-bindgen-cli at the locked version,
#                         the npm devDependencies (typescript, playwright-core, react-hook-form
#                         and its resolvers);
#   2. scripts/build.sh   both modules, their JS glue and the package's entries (index.js with
#                         the Standard Schemas): the full API in pkg/web and pkg/node, the forms
#                         module in pkg/forms/;
#   3. node --test        test/*.test.mjs: every conformance vector through the JS API, no
#                         export trapping on hostile input (no-trap.test.mjs), the
#                         API's errors, money, locales and caches, the Standard Schemas through
#                         react-hook-form, the TypeScript declarations (tsc --strict);
#   4. the demo page      demo/test/ in headless Chromium, when the demo has its test;
#   5. the sizes          test/size.test.mjs: the forms module's gzipped .wasm within 250 KB,
#                         the full one within its ceiling (last, so every other result is
#                         seen first).
#
# Extra arguments go to every `node --test` run (e.g. --test-reporter=spec).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"

bash "$here/scripts/setup.sh"
bash "$here/scripts/build.sh"

cd "$repo"
tests=()
for f in bindings-wasm/test/*.test.mjs; do
    [ "$f" = bindings-wasm/test/size.test.mjs ] || tests+=("$f")
done
node --test "$@" "${tests[@]}"

# --- The demo page's browser test (bindings-wasm/demo/, its own files) ------------------------
if [ -d bindings-wasm/demo/test ]; then
    if [ -f bindings-wasm/scripts/browser-setup.sh ]; then
        bash bindings-wasm/scripts/browser-setup.sh
    fi
    node --test "$@" bindings-wasm/demo/test/
fi

node --test "$@" bindings-wasm/test/size.test.mjs
echo "wasm-test: all checks passed"

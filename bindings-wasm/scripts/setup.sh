#!/usr/bin/env bash
# Installs what the WebAssembly binding's build and tests need, on a fresh machine or an old
# one (idempotent, and quick when everything is there):
#
# - Debian's Rust 1.96 with the standard library's source (rustc-web, cargo-web, rust-web-src,
#   rust-web-llvm) and lld-22: rustup cannot fetch the wasm32 standard library here, so the
#   build compiles it from source with Debian's toolchain (see ../shared/notes/toolchain.md);
# - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock;
# - the npm devDependencies of bindings-wasm/ from the committed package-lock.json: typescript
#   (build.sh compiles the package's entries with it), playwright-core (the demo's browser
#   test), and the Standard Schema consumer the tests use (react-hook-form, react,
#   @hookform/resolvers 7 and 5.2.2, @standard-schema/spec, @types/react for the typed use),
#   ajv (the JSON Schemas checked against the vectors) and json-schema-to-typescript (build.sh
#   generates the core's declarations with it).
#
# The apt packages need root (or password-less sudo); without it the script says what to run.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "wasm-setup: $*"; }

# --- Debian's toolchain -------------------------------------------------------------------------
apt_packages=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    # shellcheck source=apt.sh
    source "$here/scripts/apt.sh"
    apt_install wasm-setup bookworm-security "${missing[@]}" || exit 1
fi
if [ ! -x /usr/bin/cargo ] || [ ! -x /usr/bin/rustc ]; then
    say "/usr/bin/cargo or /usr/bin/rustc is missing although cargo-web and rustc-web are installed" >&2
    exit 1
fi

# --- wasm-bindgen-cli, the lock file's version ----------------------------------------------------
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")"
if [ -z "$want" ]; then
    say "no wasm-bindgen in Cargo.lock; run 'cargo update -p secretariat-wasm' first" >&2
    exit 1
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (was: ${have:-none}; takes a few minutes)"
    # Without --locked: the registry mirror lacks one dependency version the CLI's own lock
    # file pins, and any semver-compatible one builds it.
    cargo install --quiet wasm-bindgen-cli --version "$want"
fi

# --- npm devDependencies ---------------------------------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
    say "npm is missing (node 20 and npm are needed for the tests)" >&2
    exit 1
fi
# Every package of the lock file installed at its locked version, or `npm ci`.
installed() {
    (cd "$here" && node -e '
        const fs = require("fs");
        const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
        for (const [dir, entry] of Object.entries(lock.packages)) {
            if (!dir) continue;
            let version;
            try { version = JSON.parse(fs.readFileSync(dir + "/package.json", "utf8")).version; }
            catch { process.exit(1); }
            if (version !== entry.version) process.exit(1);
        }')
}
if ! installed; then
    say "npm ci (the devDependencies of package-lock.json)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

say "$(/usr/bin/rustc --version) for wasm32, wasm-bindgen $want, node $(node --version)"

#!/usr/bin/env bash
# Installs the browser the demo page's test runs in: Debian's own Chromium (/usr/bin/chromium),
# and a small font with Chinese glyphs so the page's 简体中文 renders (screenshots).
# Idempotent: each package is installed only when what it provides is missing.
#
# Why Debian's package: tools that download their own browser (`npx playwright install`,
# plain puppeteer) cannot reach their download hosts here; the test drives this Chromium
# with playwright-core (an npm devDependency of bindings-wasm, installed by its setup).
#
# Usage: bash bindings-wasm/scripts/browser-setup.sh
#   CHROMIUM=/path/to/chromium  use another browser binary (the test reads the same variable)
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
packages=()

if [ ! -x "$chromium" ]; then
    if [ "$chromium" != /usr/bin/chromium ]; then
        echo "browser-setup: CHROMIUM=$chromium is not an executable file" >&2
        exit 1
    fi
    packages+=(chromium)
fi
# Without a CJK font Chromium draws the Chinese messages as boxes (the DOM text, which the
# test asserts, is right either way).
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    packages+=(fonts-wqy-microhei)
fi

if [ "${#packages[@]}" -gt 0 ]; then
    # shellcheck source=apt.sh
    source "$(dirname "$0")/apt.sh"
    apt_install browser-setup "" "${packages[@]}" || {
        echo "browser-setup: or install Chromium by hand and set CHROMIUM to its path" >&2
        exit 1
    }
fi

echo "browser-setup: $("$chromium" --version 2>/dev/null | tail -n 1) at $chromium"

#!/usr/bin/env bash
# The Python binding's tests, on a fresh machine or an old one (idempotent): a virtual
# environment in bindings-python/.venv with maturin, pytest, hypothesis, mypy, pandas and
# polars; the abi3 wheel built with maturin and installed in it; then pytest, which runs the
# shared conformance vectors, the error cases, the API and property tests, the README's
# Python quick start, the analyst's example, mypy.stubtest and a tiny benchmark run.
#
# Needs python3 (3.10 or newer) and a Rust toolchain. On Debian, python3 -m venv needs the
# python3-venv package: installed here when missing and running as root.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/.." && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"
requirements=("maturin>=1.9.4,<2" "pytest>=8" "hypothesis>=6" "mypy>=1.10" "pandas>=2" "polars>=1" "jsonschema>=4.18" "pyarrow>=15" "dask[distributed]>=2024.1" "cloudpickle>=3" "duckdb>=1")

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "python-test: $("$python" --version) is too old; the binding needs Python 3.10 or newer" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv" 2>/dev/null; then
        rm -rf "$venv"
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "python-test: installing python3-venv"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            "$python" -m venv "$venv"
        else
            echo "python-test: '$python -m venv' failed; install python3-venv" >&2
            exit 1
        fi
    fi
fi
py="$venv/bin/python"

# Install the tools once; again only when this list changes.
stamp="$venv/.requirements"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${requirements[*]}" ]; then
    "$py" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$py" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
    echo "${requirements[*]}" > "$stamp"
fi

# Build the wheel (abi3, Python 3.10+) and install it, replacing any earlier build.
wheels="$repo/target/wheels"
rm -f "$wheels"/secretariat-*.whl
(cd "$here" && VIRTUAL_ENV="$venv" "$venv/bin/maturin" build --release --quiet --out "$wheels" \
    --interpreter "$py")
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
    "$wheels"/secretariat-*.whl

cd "$here"
"$py" -m pytest -q -p no:cacheprovider "$@"

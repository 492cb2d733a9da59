#!/usr/bin/env bash
# The fuzz targets (fuzz/fuzz_targets/, cargo-fuzz with libFuzzer), on a fresh machine or an
# old one: installs cargo-fuzz when missing, replays every saved regression input
# (fuzz/regressions/<target>/: inputs that once crashed, each also a unit test in the core),
# then fuzzes each target for SECONDS seconds from its committed corpus (fuzz/corpus/<target>/).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   default: 60 s for each of the six targets
#   FUZZ_KEEP=1 scripts/fuzz.sh ...         new inputs go into the committed corpus (make
#                                           fuzz); otherwise into a temporary directory, so a
#                                           smoke run leaves the work tree as it was
#
# A crash, a failed assertion or a leak fails the run; libFuzzer writes the input to
# fuzz/artifacts/<target>/. The stable toolchain builds the targets with nightly flags
# allowed for this command only (RUSTC_BOOTSTRAP=1), as cargo-fuzz needs.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(read_rulebook read_term check_forms ledger_ops activity_year attendance_register)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz"
    cargo install --quiet cargo-fuzz
fi

export RUSTC_BOOTSTRAP=1
cd fuzz
cargo fuzz build --release

summary=()
for target in "${targets[@]}"; do
    if [ -d "regressions/$target" ] && [ -n "$(ls -A "regressions/$target")" ]; then
        cargo fuzz run --release "$target" "regressions/$target"/* -- -runs=1 >/dev/null 2>&1 ||
            { echo "fuzz: $target fails on a saved regression input"; \
              cargo fuzz run --release "$target" "regressions/$target"/* -- -runs=1; exit 1; }
    fi
    if [ "${FUZZ_KEEP:-0}" = 1 ]; then
        new="corpus/$target"
        seeds=()
    else
        new="$(mktemp -d)"
        seeds=("corpus/$target")
    fi
    log="$(mktemp)"
    if ! cargo fuzz run --release "$target" "$new" "${seeds[@]}" -- \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
        tail -60 "$log"
        echo "fuzz: $target FAILED (the input is in fuzz/artifacts/$target/)"
        exit 1
    fi
    execs="$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')"
    cov="$(grep -oE 'cov: [0-9]+' "$log" | tail -1)"
    summary+=("$(printf '%-20s %10s execs  %s  0 crashes' "$target" "${execs:-?}" "${cov:-}")")
    [ "${FUZZ_KEEP:-0}" = 1 ] || rm -rf "$new"
    rm -f "$log"
done
printf 'fuzz: %s\n' "${summary[@]}"
echo "fuzz: ${#targets[@]} passed, 0 failed"

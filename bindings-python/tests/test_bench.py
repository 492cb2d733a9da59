"""The benchmark script still runs and still agrees with its reference (tiny size; the
real figures come from running it by hand, see bench/)."""

from __future__ import annotations

import runpy

import pytest

from conftest import BINDING


def test_benchmark_runs_on_a_tiny_term() -> None:
    import pandas  # noqa: F401  (installed by scripts/test.sh: never skipped)
    bench = runpy.run_path(str(BINDING / "bench" / "bench_standings.py"), run_name="bench")
    figures = bench["main"](["--members", "40", "--events", "30", "--repeat", "1", "--json"])
    assert figures["identical"] and figures["marks"] == 1200
    assert set(figures["parts_s"]) == {"roster", "register", "read_and_record_marks", "standings"}

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


def test_arrow_benchmark_runs_on_a_tiny_term() -> None:
    bench = runpy.run_path(str(BINDING / "bench" / "bench_arrow.py"), run_name="bench")
    speed = bench["main"](["speed", "--members", "40", "--events", "30", "--repeat", "1", "--json"])
    assert speed["same_status"] and speed["marks"] == 1200
    memory = bench["main"](["memory", "--members", "200", "--events", "10", "--json"])
    assert (memory["marks"], memory["standings"]) == (2000, 200) and memory["peak_rss_mb"] > 0

"""The stub file describes the built module (mypy.stubtest), and the example and the
README quick start type-check against it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import BINDING

import mypy  # noqa: F401  (installed by scripts/test.sh: never skipped)


def test_stubtest() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "secretariat._core"],
        capture_output=True,
        text=True,
        cwd=BINDING,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_example_type_checks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
         str(BINDING / "examples" / "term_report_dataframe.py")],
        capture_output=True,
        text=True,
        cwd=BINDING,
    )
    assert result.returncode == 0, result.stdout + result.stderr

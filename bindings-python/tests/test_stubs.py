"""The stub file describes the built module (mypy.stubtest), the example and a typed use of
the generated shapes type-check against it, and the generated shapes are fresh."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import BINDING

SCRIPTS = BINDING / "scripts"

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


def test_shapes_are_usable_with_mypy_strict() -> None:
    # tests/typed/usage.py reads results and writes inputs through the generated TypedDicts;
    # its `type: ignore` comments must each be needed, so mypy also proves the mistakes are caught.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(BINDING / "tests" / "typed" / "usage.py")],
        capture_output=True,
        text=True,
        cwd=BINDING,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_usage_runs() -> None:
    sys.path.insert(0, str(BINDING / "tests" / "typed"))
    try:
        import usage
    finally:
        sys.path.pop(0)
    expelled, amount, operation = usage.run()
    assert "2002013" in expelled
    assert amount == Decimal("30.00")
    assert operation["expense"]["amount"] == Decimal("30.00")  # type: ignore[typeddict-item]


def test_generated_shapes_are_fresh() -> None:
    # python/secretariat/shapes.py is generated from schema/*.json; `make schema` rewrites it.
    spec = importlib.util.spec_from_file_location("write_shapes", SCRIPTS / "write_shapes.py")
    assert spec is not None and spec.loader is not None
    write_shapes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(write_shapes)
    fresh = write_shapes.render()
    committed = (BINDING / "python" / "secretariat" / "shapes.py").read_text(encoding="utf-8")
    assert committed == fresh, f"secretariat/shapes.py is stale: run {write_shapes.REGENERATE}"


def test_every_schema_has_its_shape() -> None:
    import secretariat as sec
    from secretariat.shapes import SHAPES

    assert sorted(SHAPES) == sorted(sec.SCHEMAS)

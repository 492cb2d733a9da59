"""Shared helpers: where the repository is, and results as JSON-like data."""

from __future__ import annotations

import datetime
import decimal
import json
import re
from pathlib import Path
from typing import Any

import pytest

BINDING = Path(__file__).resolve().parent.parent
REPO = BINDING.parent
VECTORS = REPO / "tests" / "vectors"


def jsonable(value: Any) -> Any:
    """A result of the Python API in the core's JSON form: dates as ISO text, decimals as
    text (the core writes money as strings)."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def pythonic(value: Any) -> Any:
    """JSON input with its ISO dates as `datetime.date` / `datetime.datetime`, the way a
    Python caller holds them."""
    if isinstance(value, dict):
        return {k: pythonic(v) for k, v in value.items()}
    if isinstance(value, list):
        return [pythonic(v) for v in value]
    if isinstance(value, str):
        if _DATE.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                return value
        if _DATE_TIME.match(value):
            try:
                return datetime.datetime.fromisoformat(value)
            except ValueError:
                return value
    return value


def segments(path: str) -> list[str | int]:
    """A core path as the segments the binding gives: `risks[1].countermeasure` is
    `["risks", 1, "countermeasure"]`."""
    out: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        out.append(int(part[1:-1]) if part.startswith("[") else part)
    return out


def matches(expected: Any, actual: Any, path: str = "$") -> None:
    """The vectors' rule (tests/src/lib.rs): `expected` is a subset of `actual`; arrays
    match in length and element by element; other values are equal. An issue's `path`,
    text in the vectors, is compared as the segments the binding gives (as the JS runner
    does)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}.{key}: missing"
            if key == "path" and isinstance(value, str) and isinstance(actual[key], list):
                value = segments(value)
            matches(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected an array, got {actual!r}"
        assert len(expected) == len(actual), (
            f"{path}: expected {len(expected)} items, got {len(actual)}"
        )
        for i, (e, a) in enumerate(zip(expected, actual)):
            matches(e, a, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


def load_vectors() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for file in sorted(VECTORS.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((data["area"], case))
    return cases


@pytest.fixture(scope="session")
def sample() -> Any:
    import secretariat

    return secretariat.TermData.sample()

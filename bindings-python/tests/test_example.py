"""The analyst's example builds a term report as a pandas DataFrame."""

from __future__ import annotations

import runpy

import pytest

from conftest import BINDING

import pandas  # noqa: F401  (installed by scripts/test.sh: never skipped)


def test_term_report_dataframe_example(capsys: pytest.CaptureFixture[str]) -> None:
    module = runpy.run_path(str(BINDING / "examples" / "term_report_dataframe.py"), run_name="example")
    frame = module["term_frame"]()
    assert list(frame.columns)[:3] == ["member", "name", "status"]
    assert len(frame) == 14
    assert frame.set_index("member").loc["2002013", "status"] == "expelled"
    assert (frame["lateness"] >= 0).all()
    module["main"]([])
    out = capsys.readouterr().out
    assert "expelled" in out and "2002013" in out

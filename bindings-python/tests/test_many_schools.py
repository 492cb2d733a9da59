"""The scale-out example runs on a small LocalCluster (2 worker processes, 3 schools) and
its one result table holds every school's standings, equal to one school computed here."""

from __future__ import annotations

import runpy
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import secretariat as sec

from conftest import BINDING


def test_many_schools_on_a_local_cluster(tmp_path: Path) -> None:
    example = runpy.run_path(
        str(BINDING / "examples" / "many_schools" / "many_schools.py"), run_name="example"
    )
    table = example["main"](["--out", str(tmp_path), "--schools", "3", "--members", "20",
                             "--workers", "2"])
    assert set(table.column("school").to_pylist()) == {"school-0000", "school-0001", "school-0002"}
    officers = len(sec.TermData.sample()["members"])
    assert table.num_rows == 3 * (officers + 20)
    assert pq.read_table(tmp_path / "standings.parquet").equals(table)
    assert table.schema.field("budget_spent").type == pa.decimal128(38, 2)
    one = example["school_result"](str(tmp_path), "school-0001", sec.Rulebook.default(), "2002-12-31")
    mine = table.filter(pa.compute.equal(table.column("school"), "school-0001"))
    assert mine.column("status").to_pylist() == one.column("status").to_pylist()
    assert "expelled" in mine.column("status").to_pylist()

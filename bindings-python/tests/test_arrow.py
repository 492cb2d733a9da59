"""Arrow out and in (the Arrow PyCapsule interface): result tables read by pyarrow, polars
and DuckDB without pandas, in their published schema (money decimal128(38, 2), dates
date32); marks read from pyarrow, polars and DuckDB, dictionary-encoded or not."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pytest

import secretariat as sec


@pytest.fixture(scope="module")
def term() -> Any:
    data = sec.TermData.sample()
    register, _ = data.register()
    return data, register.standings(calendar=data["calendar"], today="2002-12-31")


def _ledger() -> sec.Table:
    members = sec.TermData.sample()["members"]
    return sec.ActivityYear.replay(today="2002-10-14", members=members).ledger.entries


def test_standings_read_by_pyarrow_in_the_published_schema(term: Any) -> None:
    data, standings = term
    table = pa.table(standings)
    assert table.schema == pa.schema(sec.arrow_schema("standing"))
    assert table.num_rows == len(standings) == len(data["members"])
    assert table.column("member").to_pylist() == [s["member"] for s in standings]
    window = table.column("window").to_pylist()[0]
    assert window["start"] == standings[0]["window"]["start"]
    assert table.schema.field("window").type == pa.struct(
        [pa.field("start", pa.date32(), False), pa.field("end", pa.date32(), False)]
    )


def test_ledger_money_is_decimal128_with_two_places_and_dates_date32() -> None:
    entries = _ledger()
    table = pa.table(entries)
    assert table.schema.field("amount").type == pa.decimal128(38, 2)
    assert table.schema.field("date").type == pa.date32()
    assert table.column("amount").to_pylist() == [e["amount"] for e in entries]
    assert all(isinstance(a, decimal.Decimal) for a in table.column("amount").to_pylist())
    assert isinstance(table.column("date").to_pylist()[0], datetime.date)


def test_polars_and_duckdb_read_tables_without_pandas(term: Any) -> None:
    _, standings = term
    frame = pl.DataFrame(standings)
    assert frame["member"].to_list() == [s["member"] for s in standings]
    assert frame["status"].to_list() == [s["status"] for s in standings]
    entries = _ledger()
    spent = duckdb.sql("select sum(amount) from entries where kind = 'expense'").fetchall()
    expected = sum((e["amount"] for e in entries if e["kind"] == "expense"), decimal.Decimal(0))
    assert spent == [(expected,)]


def test_every_published_schema_is_a_table_schema() -> None:
    assert set(sec.ARROW_TABLES) == {"standing", "ledger_entry"}
    for name in sec.ARROW_TABLES:
        assert len(pa.schema(sec.arrow_schema(name))) > 0
    with pytest.raises(sec.InputError) as e:
        sec.arrow_schema("nope")
    assert e.value.path == ["name"]


def test_a_table_of_dicts_has_no_arrow_stream() -> None:
    with pytest.raises(TypeError):
        pa.table(sec.Table([{"a": 1}]))


def _marks(data: Any) -> dict[str, list[str]]:
    members = [m["id"] for m in data["members"]]
    events = [e["id"] for e in data["events"]]
    marks = ["present", "late", "absent", "left_early"]
    rows = [(m, e, marks[(i + j) % 4]) for i, m in enumerate(members) for j, e in enumerate(events)]
    return {k: [r[n] for r in rows] for n, k in enumerate(("member", "event", "mark"))}


@pytest.mark.parametrize(
    "source",
    ["pyarrow", "pyarrow-dictionary", "reader", "polars", "polars-categorical", "duckdb"],
)
def test_marks_from_any_arrow_producer_give_the_standings_of_lists(source: str) -> None:
    data = sec.TermData.sample()
    columns = _marks(data)
    expected = sec.standings(
        data.roster(), data["events"], columns, calendar=data["calendar"], today="2002-12-31"
    )
    table = pa.table(columns)
    marks: Any = {
        "pyarrow": lambda: table,
        "pyarrow-dictionary": lambda: pa.table(
            {k: pa.array(v).dictionary_encode() for k, v in columns.items()}
        ),
        "reader": lambda: pa.RecordBatchReader.from_batches(table.schema, table.to_batches(3)),
        "polars": lambda: pl.DataFrame(columns),
        "polars-categorical": lambda: pl.DataFrame(columns).with_columns(pl.all().cast(pl.Categorical)),
        "duckdb": lambda: duckdb.from_arrow(table).select("*"),
    }[source]()
    calls: list[tuple[int, int]] = []
    got = sec.standings(
        data.roster(),
        data["events"],
        marks,
        calendar=data["calendar"],
        today="2002-12-31",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert got == expected
    assert calls[-1] == (len(columns["member"]),) * 2


def test_arrow_marks_errors_carry_row_and_column() -> None:
    data = sec.TermData.sample()
    columns = _marks(data)
    columns["mark"][3] = "asleep"
    with pytest.raises(sec.InputError) as e:
        sec.standings(data.roster(), data["events"], pa.table(columns),
                      calendar=data["calendar"], today="2002-12-31")
    assert e.value.path == ["marks", 3, "mark"]
    member = pa.array(columns["member"])
    missing = pa.table({"member": member, "event": pa.array([None] * len(member), pa.string()),
                        "mark": pa.array(columns["mark"])})
    with pytest.raises(sec.InputError) as e:
        sec.standings(data.roster(), data["events"], missing,
                      calendar=data["calendar"], today="2002-12-31")
    assert e.value.path == ["marks", 0, "event"]
    columns = _marks(data)
    columns["member"][5] = "nobody"
    with pytest.raises(sec.MemberError):
        sec.standings(data.roster(), data["events"], pa.table(columns),
                      calendar=data["calendar"], today="2002-12-31")


def test_docs_publish_every_schema() -> None:
    from conftest import REPO

    text = (REPO / "docs" / "arrow.md").read_text(encoding="utf-8")
    for name in sec.ARROW_TABLES:
        assert f"```text\n{pa.schema(sec.arrow_schema(name))}\n```" in text

"""Marks as columns (the fast path of large batches): pandas categoricals, NumPy and polars
integer arrays, lists of strings. Each gives the standings the list of dicts gives, and
refuses the same rows with the same codes and paths; a refused batch records nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secretariat as sec

from conftest import segments

import pandas as pd
import numpy as np

D = datetime.date
CALENDAR = sec.SchoolCalendar((D(2002, 9, 2), D(2003, 7, 4)))
TODAY = D(2003, 6, 30)


def _members(n: int) -> list[dict[str, Any]]:
    return [
        {"id": f"m{i}", "name": f"Member {i}", "grade": 2002, "department": "S",
         "role": "officer"}
        for i in range(n)
    ]


def _events(n: int) -> list[dict[str, Any]]:
    kinds = ["regular_meeting", "duty_shift", "group_activity"]
    first = datetime.datetime(2002, 9, 4, 19)
    return [
        {"id": f"e{e}", "kind": kinds[e % 3], "title": f"Event {e}",
         "start": first + datetime.timedelta(days=2 * e),
         "end": first + datetime.timedelta(days=2 * e, hours=1)}
        for e in range(n)
    ]


MEMBERS = _members(12)
EVENTS = _events(9)
CYCLE = ["present"] * 7 + ["late", "left_early", "absent", "late_and_left_early"]


def _rows(members: int = 12, events: int = 9) -> list[dict[str, str]]:
    """Every member at every event, in an order that is not the roster's."""
    rows = []
    k = 0
    for e in reversed(range(events)):
        for m in range(members):
            rows.append({"member": f"m{m}", "event": f"e{e}", "mark": CYCLE[k % len(CYCLE)]})
            k += 5
    return rows


def _columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {name: [r[name] for r in rows] for name in ("member", "event", "mark")}


def _standings(marks: Any) -> list[dict[str, Any]]:
    return sec.standings(MEMBERS, EVENTS, marks, calendar=CALENDAR, today=TODAY).rows


def _error(marks: Any) -> tuple[str, str]:
    with pytest.raises(sec.SecretariatError) as caught:
        sec.standings(MEMBERS, EVENTS, marks, calendar=CALENDAR, today=TODAY)
    return caught.value.code, caught.value.path


def _categorical_frame(rows: list[dict[str, Any]]) -> Any:
    return pd.DataFrame({k: pd.Categorical(v) for k, v in _columns(rows).items()})


def test_marks_names_the_codes_of_marks() -> None:
    assert sec.MARKS == (
        "present", "late", "left_early", "late_and_left_early", "absent", "excused"
    )


def test_every_column_form_gives_the_standings_of_the_records() -> None:
    rows = _rows()
    expected = _standings(rows)
    columns = _columns(rows)
    position = {f"m{i}": i for i in range(12)} | {f"e{i}": i for i in range(9)}
    forms = {
        "lists of strings": columns,
        "pandas categoricals": _categorical_frame(rows),
        "pandas strings": pd.DataFrame(columns),
        "pandas string dtype": pd.DataFrame(columns).astype("string"),
        "numpy positions, categorical marks": pd.DataFrame({
            "member": np.array([position[m] for m in columns["member"]], dtype=np.int16),
            "event": np.array([position[e] for e in columns["event"]], dtype=np.uint8),
            "mark": pd.Categorical(columns["mark"]),
        }),
        "numpy positions and mark codes": {
            "member": np.array([position[m] for m in columns["member"]]),
            "event": np.array([position[e] for e in columns["event"]], dtype=">i4"),
            "mark": np.array([sec.MARKS.index(k) for k in columns["mark"]], dtype=np.int8),
        },
        "categories in another order, some unused": pd.DataFrame({
            "member": pd.Categorical(
                columns["member"], categories=["ghost"] + [f"m{i}" for i in reversed(range(12))]
            ),
            "event": pd.Categorical(columns["event"], categories=[f"e{i}" for i in range(9)]),
            "mark": pd.Categorical(columns["mark"], categories=list(sec.MARKS) + ["tardy"]),
        }),
    }
    for name, marks in forms.items():
        assert _standings(marks) == expected, name


def test_polars_frames() -> None:
    import polars as pl
    rows = _rows()
    columns = _columns(rows)
    expected = _standings(rows)
    assert _standings(pl.DataFrame(columns)) == expected
    positions = pl.DataFrame({
        "member": [int(m[1:]) for m in columns["member"]],
        "event": [int(e[1:]) for e in columns["event"]],
        "mark": [sec.MARKS.index(k) for k in columns["mark"]],
    })
    assert _standings(positions) == expected


def test_record_mark_columns_takes_each_column_on_its_own() -> None:
    rows = _rows()
    frame = _categorical_frame(rows)
    by_rows = sec.AttendanceRegister(MEMBERS, EVENTS)
    by_rows.record_marks(rows)
    register = sec.AttendanceRegister(MEMBERS, EVENTS)
    register.record_mark_columns(
        member=frame["member"], event=pd.Categorical(frame["event"]), mark=list(frame["mark"])
    )
    assert register.mark_count == len(rows)
    assert (
        register.standings(calendar=CALENDAR, today=TODAY).rows
        == by_rows.standings(calendar=CALENDAR, today=TODAY).rows
    )
    # A second batch that marks a pair again is refused whole.
    with pytest.raises(sec.AttendanceError) as caught:
        register.record_mark_columns(member=["m0"], event=["e0"], mark=["present"])
    assert (caught.value.code, caught.value.path) == ("attendance.duplicate_mark", ["marks", 0])
    assert register.mark_count == len(rows)


def _faulty(rows: list[dict[str, Any]], row: int, **change: Any) -> list[dict[str, Any]]:
    out = [dict(r) for r in rows]
    out[row].update(change)
    return out


FAULTS = {
    "unknown member": ({"member": "ghost"}, "member.unknown", "marks[7].member"),
    "unknown event": ({"event": "e99"}, "attendance.unknown_event", "marks[7].event"),
    "duplicate": ({"member": "m6", "event": "e8"}, "attendance.duplicate_mark", "marks[7]"),
    "excused without leave": ({"mark": "excused"}, "attendance.excused_without_leave",
                              "marks[7].mark"),
    "unknown mark": ({"mark": "tardy"}, "input.invalid", "marks[7].mark"),
    "missing member": ({"member": None}, "input.invalid", "marks[7].member"),
    "missing mark": ({"mark": None}, "attendance.mark_shape", "marks[7]"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_columns_refuse_what_records_refuse(fault: str) -> None:
    change, code, path = FAULTS[fault]
    rows = _faulty(_rows(), 7, **change)
    assert _error(rows) == (code, segments(path))
    assert _error(_columns(rows)) == (code, segments(path))
    assert _error(_categorical_frame(rows)) == (code, segments(path))
    # The rows before the fault are not kept either.
    register = sec.AttendanceRegister(MEMBERS, EVENTS)
    frame = _categorical_frame(rows)
    with pytest.raises(sec.SecretariatError) as caught:
        register.record_mark_columns(
            member=frame["member"], event=frame["event"], mark=frame["mark"]
        )
    assert (caught.value.code, caught.value.path) == (code, segments(path))
    assert register.mark_count == 0


def test_an_unknown_column_is_refused_in_every_column_form() -> None:
    rows = [{"member": "m0", "event": "e0", "mark": "present"}]
    columns = {**_columns(rows), "note": ["x"]}
    assert _error(columns) == ("input.invalid", ["marks"])
    assert _error(pd.DataFrame(columns)) == ("input.invalid", ["marks"])
    # With times the columns are read row by row: the same refusal.
    assert _error({**columns, "sign_in": ["2002-10-16T19:00:00"]}) == ("input.invalid", ["marks"])


def test_faults_of_codes_and_positions() -> None:
    register = sec.AttendanceRegister(MEMBERS, EVENTS)
    cases = [
        (dict(member=np.array([0, 12]), event=np.array([0, 0]), mark=["present"] * 2),
         "attendance.code_out_of_range", "marks[1].member"),
        (dict(member=np.array([0, 1]), event=np.array([0, -1]), mark=["present"] * 2),
         "input.invalid", "marks[1].event"),
        (dict(member=np.array([0, 1]), event=np.array([0, 0]), mark=np.array([0, 6])),
         "input.invalid", "marks[1].mark"),
        (dict(member=np.array([0, 1]), event=np.array([0, 0]), mark=["present", None]),
         "input.invalid", "marks[1].mark"),
        (dict(member=np.array([0, 1]), event=["e0", 3], mark=["present"] * 2),
         "input.invalid", "marks[1].event"),
        (dict(member=np.array([0, 1]), event=np.array([0]), mark=["present"] * 2),
         "attendance.column_length", "marks.event"),
        (dict(member=["m0", "m1"], event=["e0", "e1"], mark=["present"]),
         "attendance.column_length", "marks.mark"),
    ]
    for columns, code, path in cases:
        with pytest.raises(sec.SecretariatError) as caught:
            register.record_mark_columns(**columns)
        assert (caught.value.code, caught.value.path) == (code, segments(path)), columns
        assert isinstance(caught.value, ValueError)
        assert register.mark_count == 0


def test_progress_is_reported_while_lists_are_read_and_at_the_end() -> None:
    members, events = _members(500), _events(500)
    columns = {
        "member": [f"m{m}" for m in range(500) for _ in range(500)],
        "event": [f"e{e}" for _ in range(500) for e in range(500)],
        "mark": ["present"] * 250_000,
    }
    calls: list[tuple[int, int]] = []
    register = sec.AttendanceRegister(members, events)
    register.record_mark_columns(**columns, progress=lambda d, t: calls.append((d, t)))
    assert calls[:2] == [(100_000, 250_000), (200_000, 250_000)]
    assert calls[-1] == (250_000, 250_000)
    calls.clear()
    frame = pd.DataFrame({k: pd.Categorical(v) for k, v in columns.items()})
    table = sec.standings(members, events, frame, calendar=CALENDAR, today=TODAY,
                          progress=lambda d, t: calls.append((d, t)))
    assert len(table) == 500 and calls[-1] == (250_000, 250_000)


@st.composite
def batches(draw: Any) -> list[dict[str, Any]]:
    members = [f"m{i}" for i in range(12)] + ["ghost"]
    events = [f"e{i}" for i in range(9)] + ["nope"]
    marks = list(sec.MARKS) + ["tardy"]
    return draw(st.lists(
        st.fixed_dictionaries({
            "member": st.sampled_from(members),
            "event": st.sampled_from(events),
            "mark": st.sampled_from(marks),
        }),
        max_size=30,
    ))


def _outcome(marks: Any) -> Any:
    try:
        return _standings(marks)
    except sec.SecretariatError as e:
        return (e.code, e.path)


@settings(max_examples=80, deadline=None)
@given(batches())
def test_any_batch_has_one_outcome_whatever_its_form(rows: list[dict[str, Any]]) -> None:
    expected = _outcome(rows)
    assert _outcome(_columns(rows)) == expected
    assert _outcome(_categorical_frame(rows)) == expected


def test_standing_dicts_are_the_cores_and_read_back(sample: sec.TermData) -> None:
    """A standing is the core's dict, the same from a batch and from a term report, in the
    core's key order; the core reads it back (to explain it in either language)."""
    rows = _faulty(_rows(), 3, mark="absent")
    tables = [
        sec.standings(MEMBERS, EVENTS, rows, calendar=CALENDAR, today=TODAY).rows,
        sec.term_report(sample, today=D(2002, 12, 20))["standings"],
    ]
    keys = ["member", "name", "status", "counts", "reasons", "next_consequence", "window"]
    for dicts in tables:
        assert any(d["reasons"] for d in dicts)
        for d in dicts:
            # The discipline verdict follows when it has something to say.
            assert list(d)[: len(keys)] == keys
            assert set(list(d)[len(keys):]) <= {"trace", "sanction", "points", "next_sanction"}
            assert list(d["window"]) == ["start", "end"]
            assert sec.explain(d) and sec.explain(d, "zh") != sec.explain(d)


def test_a_single_string_is_not_a_column() -> None:
    register = sec.AttendanceRegister(MEMBERS, EVENTS)
    with pytest.raises(sec.InputError) as caught:
        register.record_mark_columns(member="m1", event=["e0"], mark=["late"])
    assert (caught.value.code, caught.value.path) == ("input.invalid", ["marks", "member"])


def test_pandas_missing_values_are_missing() -> None:
    """`pd.NA` (string and nullable dtypes) is a missing value like None and NaN: a row
    with times and no mark is read as records, its mark derived from the times."""
    start = EVENTS[0]["start"]
    frame = pd.DataFrame({
        "member": ["m0", "m1"],
        "event": ["e0", "e0"],
        "mark": pd.array([pd.NA, "present"], dtype="string"),
        "sign_in": [start + datetime.timedelta(minutes=5), pd.NaT],
    })
    table = sec.standings(MEMBERS, EVENTS, frame, calendar=CALENDAR, today=TODAY)
    assert (table[0]["counts"]["late"], table[1]["counts"]["present"]) == (1, 1)

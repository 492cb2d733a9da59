"""Every handle pickles, unpickles and deep-copies to an equal object, with the standard
library's pickle and with cloudpickle (what Dask and Spark use to ship a task): checked on
every object the conformance vectors (tests/vectors/*.json) build."""

from __future__ import annotations

import copy
import pickle
from typing import Any, Callable

import cloudpickle
import pytest

import secretariat as sec

from conftest import load_vectors

ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda x: pickle.loads(pickle.dumps(x)),
    "cloudpickle": lambda x: cloudpickle.loads(cloudpickle.dumps(x)),
    "deepcopy": copy.deepcopy,
}


def _objects(case: dict[str, Any]) -> list[Any]:
    """The handles a vector's input builds (none for an input the core refuses)."""
    i, op, out = case.get("input"), case["operation"], []
    try:
        rb = sec.Rulebook.from_dict(case.get("rulebook") or {})
        out.append(rb)
        if op == "term_report" and isinstance(i, dict):
            data = sec.TermData.from_dict(i)
            register, _ = data.register(rulebook=rb)
            today = case.get("today") or "2002-12-31"
            standings = register.standings(calendar=data["calendar"], today=today, rulebook=rb)
            calendar = sec.SchoolCalendar.from_dict(data["calendar"])
            out += [data, data.roster(), register, standings, calendar]
        elif op == "budget.ledger":
            members = i.get("members") or sec.TermData.sample()["members"]
            ledger = sec.BudgetLedger(i.get("year") or "", i["period"], members=members, rulebook=rb)
            for operation in i["operations"]:
                ledger.apply(operation)
            out += [ledger, ledger.entries]
        elif op == "activity.replay":
            members = (i or {}).get("members") or sec.TermData.sample()["members"]
            year = sec.ActivityYear.replay(
                (i or {}).get("year"), today=case["today"], members=members, rulebook=rb
            )
            out += [year, year.ledger]
    except sec.SecretariatError:
        pass
    return out


CASES = [(area, case) for area, case in load_vectors() if len(_objects(case)) > 1]


@pytest.mark.parametrize("how", ROUND_TRIPS)
@pytest.mark.parametrize(
    "area,case", CASES, ids=[f"{area}/{case['name']}" for area, case in CASES]
)
def test_vector_objects_round_trip_equal(area: str, case: dict[str, Any], how: str) -> None:
    for obj in _objects(case):
        back = ROUND_TRIPS[how](obj)
        assert type(back) is type(obj)
        assert back == obj, f"{type(obj).__name__} changed through {how}"


def test_every_handle_class_is_covered() -> None:
    covered = {type(o).__name__ for _, case in CASES for o in _objects(case)}
    handles = {"Rulebook", "TermData", "Roster", "AttendanceRegister", "BudgetLedger",
               "ActivityYear", "Table", "SchoolCalendar"}
    assert handles <= covered


def test_a_register_with_marks_by_columns_and_leave_round_trips() -> None:
    data = sec.TermData.sample()
    register = sec.AttendanceRegister(data.roster(), data["events"])
    events = [e["id"] for e in data["events"]]
    members = [m["id"] for m in data["members"]]
    register.record_mark_columns(
        member=members[:2], event=[events[0]] * 2, mark=["late", "absent"]
    )
    register.record_marks([{"member": members[2], "event": events[0], "mark": "present"}])
    back = pickle.loads(pickle.dumps(register))
    assert back == register and back.mark_count == 3
    today = "2002-12-31"
    assert back.standings(calendar=data["calendar"], today=today) == register.standings(
        calendar=data["calendar"], today=today
    )


def test_a_table_of_dicts_keeps_its_key() -> None:
    table = sec.Table([{"id": 1, "x": "a"}], key="id")
    back = pickle.loads(pickle.dumps(table))
    assert back == table and back.get(1) == {"id": 1, "x": "a"}


def test_different_states_are_not_equal() -> None:
    members = sec.TermData.sample()["members"]
    early, late = (
        sec.ActivityYear.replay(today=today, members=members) for today in ("2002-09-01", "2002-10-14")
    )
    assert pickle.loads(pickle.dumps(early)) != late
    assert pickle.loads(pickle.dumps(early.ledger)) != late.ledger

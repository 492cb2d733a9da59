"""The Python API over the core: constructors, conversions, results and their dicts."""

from __future__ import annotations

import datetime
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import secretariat as sec

from conftest import REPO, jsonable

D = datetime.date
DT = datetime.datetime


# --- rulebook ----------------------------------------------------------------------------


def test_rulebook_constructors(tmp_path: Path) -> None:
    default = sec.Rulebook.default()
    assert default.version == "2026.1"
    assert default.fingerprint.startswith("fnv1a64:")
    assert default.stamp["fingerprint"] == default.fingerprint
    assert "welcome_party" in default.templates
    assert "board_plan" in default.lead_times
    toml = sec.Rulebook.from_toml("[attendance]\ngrace_minutes = 5")
    js = sec.Rulebook.from_json('{"attendance": {"grace_minutes": 5}}')
    d = sec.Rulebook.from_dict({"attendance": {"grace_minutes": 5}})
    assert toml == js == d != default
    assert default.overlay({"attendance": {"grace_minutes": 5}}) == d
    assert default.overlay_toml("[attendance]\ngrace_minutes = 5") == d
    (tmp_path / "school.toml").write_text("[attendance]\ngrace_minutes = 5\n")
    (tmp_path / "school.json").write_text('{"attendance": {"grace_minutes": 5}}')
    assert sec.Rulebook.from_file(tmp_path / "school.toml") == d
    assert sec.Rulebook.from_file(str(tmp_path / "school.json")) == d
    strict = sec.Rulebook.from_file(REPO / "core" / "data" / "strict_rulebook.toml")
    assert strict != default
    with pytest.raises(FileNotFoundError):
        sec.Rulebook.from_file(tmp_path / "missing.toml")


def test_rulebook_round_trips() -> None:
    rb = sec.Rulebook.from_dict({"attendance": {"window": {"rolling_days": 30}}})
    assert sec.Rulebook.from_toml(rb.to_toml()) == rb
    assert sec.Rulebook.from_json(rb.to_json()) == rb
    as_dict = rb.to_dict()
    assert as_dict["attendance"]["window"] == {"rolling_days": 30}
    assert as_dict["schedule"]["regular_meeting"]["start"] == datetime.time(19, 0)
    assert sec.Rulebook.from_dict(as_dict) == rb
    assert jsonable(as_dict) == json.loads(rb.to_json())
    assert repr(rb).startswith("Rulebook(name='Secretariat default")


# --- members and authority ----------------------------------------------------------------


def member(id: str, name: str, grade: int | str, department: str, role: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "name": name, "grade": grade, "department": department, "role": role, **more}


def test_members_and_roster() -> None:
    li_in = member("m1", "Li Ming 李明", "02", "Secretariat", "minister", skills=["computer"])
    wang = {"id": "m2", "name": "Wang", "grade": 1999, "department": "Sports", "role": "officer"}
    roster = sec.Roster([li_in, wang])
    li = roster["m1"]
    # Members come back as the core writes them: the grade as its year, the role's key.
    assert (li["grade"], li["role"], li["status"]) == (2002, "department_head", "active")
    assert li["skills"] == ["computer"]
    assert sec.Roster([li, wang]) == roster
    assert len(roster) == 2 and "m2" in roster and roster.get("m1") == li
    assert roster.get("zz") is None
    assert [m["id"] for m in roster] == ["m1", "m2"]
    assert roster.to_dicts()[1]["grade"] == 1999
    assert roster.require("m2")["name"] == "Wang"
    with pytest.raises(KeyError):
        roster["zz"]
    assert sec.parse_grade("99") == 1999 and sec.parse_grade(2) == 2002
    assert repr(roster) == "Roster(2 members)"


def test_handles_are_not_results() -> None:
    # Results are plain data; a handle's state changes only through its methods.
    roster = sec.Roster([member("m1", "Li", "02", "Secretariat", "officer")])
    with pytest.raises(AttributeError):
        roster.members = []  # type: ignore[attr-defined]


def test_authority() -> None:
    head = member("h", "Head", "00", "Secretariat", "department_head")
    assert sec.authorize("approve_leave", head, department="Secretariat") == "department_head"
    with pytest.raises(sec.AuthorityError):
        sec.authorize("approve_leave", head, department="Sports")
    officer = member("o", "Officer", "02", "Sports", "officer")
    assert sec.authorize("approve_leave", officer, project_leader="o") == "project_leader"
    assert sec.roles_in_scope(officer, project_leader="o") == ["project_leader", "officer"]
    assert "advisor" in sec.allowed_roles("approve_plan")


# --- attendance ---------------------------------------------------------------------------


def test_mark_from_times() -> None:
    at = lambda h, m: DT(2026, 9, 9, h, m)  # noqa: E731
    assert sec.mark_from_times(at(19, 0), at(20, 0), at(19, 3), grace_minutes=5) == "present"
    assert (
        sec.mark_from_times(at(19, 0), at(20, 0), at(19, 6), at(19, 40), grace_minutes=5)
        == "late_and_left_early"
    )
    with pytest.raises(sec.AttendanceError) as caught:
        sec.mark_from_times(at(19, 0), at(20, 0), at(19, 0), at(18, 0))
    assert caught.value.code == "attendance.sign_out_before_sign_in"


def test_register_workflow(sample: sec.TermData) -> None:
    events = sample.all_events()
    meeting = events[0]
    register = sec.AttendanceRegister(sample["members"], events)
    request = {
        "member": "2002011",
        "event": meeting["id"],
        "approver": "2000002",
        "requested_at": meeting["start"] - datetime.timedelta(days=1),
        "reason": "exam",
        "substitute": "2002012",
    }
    assert register.check_leave(request) == []
    grant = register.grant_leave(request)
    assert (grant["member"], grant["approved_as"], grant["rule"]["article"]) == (
        "2002011",
        "department_head",
        "seed 000, discipline §3",
    )
    assert register.leaves == [grant]
    register.record_marks(
        [
            {"member": "2002011", "event": meeting["id"], "mark": "absent"},
            {"member": "2002013", "event": meeting["id"], "sign_in": meeting["start"] + datetime.timedelta(minutes=3)},
        ]
    )
    today = D(2002, 10, 14)
    table = register.standings(calendar=sample["calendar"], today=today)
    assert table.get("2002011")["counts"]["excused"] == 1
    late = register.standing_of("2002013", calendar=sample["calendar"], today=today)
    assert late["status"] == "warning"
    assert sec.describe(late["next_consequence"]) == "one more late arrival or early leave expels"
    assert sec.describe(late["next_consequence"], "zh") == "再迟到或早退 1 次即除名"
    assert late["reasons"][0]["records"][0]["date"] == meeting["start"].date()
    # Dates may be ISO text wherever a date is taken.
    assert register.standing_of("2002013", calendar=sample["calendar"], today="2002-10-14") == late
    assert repr(register) == "AttendanceRegister(14 members, 42 events, 2 marks, 1 leaves)"


def _term(members: int, events: int) -> tuple[list[dict], list[dict], dict[str, list], sec.SchoolCalendar]:
    ms = [
        {"id": f"m{i:05}", "name": f"Member {i}", "grade": 2002, "department": "S", "role": "officer"}
        for i in range(members)
    ]
    kinds = ["regular_meeting", "duty_shift", "group_activity"]
    start = DT(2002, 9, 4, 19)
    es = [
        {
            "id": f"e{e:03}",
            "kind": kinds[e % 3],
            "title": f"Event {e}",
            "start": start + datetime.timedelta(days=2 * e),
            "end": start + datetime.timedelta(days=2 * e, hours=1),
        }
        for e in range(events)
    ]
    cycle = ["present"] * 17 + ["late", "left_early", "absent"]
    columns: dict[str, list] = {"member": [], "event": [], "mark": []}
    k = 0
    for m in ms:
        for e in es:
            columns["member"].append(m["id"])
            columns["event"].append(e["id"])
            columns["mark"].append(cycle[k % len(cycle)])
            k += 7
    calendar = sec.SchoolCalendar((D(2002, 9, 2), D(2003, 7, 4)))
    return ms, es, columns, calendar


def test_standings_from_columns_lists_and_frames() -> None:
    members, events, columns, calendar = _term(30, 12)
    today = D(2003, 6, 30)
    by_columns = sec.standings(members, events, columns, calendar=calendar, today=today)
    rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
    by_rows = sec.standings(members, events, rows, calendar=calendar, today=today)
    assert by_columns.rows == by_rows.rows
    assert len(by_columns) == 30 and by_columns[-1]["member"] == "m00029"
    import pandas
    frame = pandas.DataFrame(columns)
    by_frame = sec.standings(members, events, frame, calendar=calendar, today=today)
    assert by_frame.rows == by_columns.rows
    table = by_columns.to_pandas()
    assert list(table.columns)[:3] == ["member", "name", "status"]
    assert len(table) == 30
    assert set(table["status"]) <= {"good", "warning", "expelled"}


def test_standings_to_polars() -> None:
    import polars
    members, events, columns, calendar = _term(5, 4)
    table = sec.standings(members, events, columns, calendar=calendar, today=D(2003, 6, 30))
    frame = table.to_polars()
    assert isinstance(frame, polars.DataFrame) and frame.height == 5
    assert polars.DataFrame(columns).height == 20
    by_polars = sec.standings(
        members, events, polars.DataFrame(columns), calendar=calendar, today=D(2003, 6, 30)
    )
    assert by_polars.rows == table.rows


def test_sign_in_columns_with_missing_values() -> None:
    members, events, _, calendar = _term(2, 2)
    start = events[0]["start"]
    columns = {
        "member": ["m00000", "m00001", "m00000", "m00001"],
        "event": ["e000", "e000", "e001", "e001"],
        "mark": [None, None, "present", "absent"],
        "sign_in": [start, start + datetime.timedelta(minutes=1), None, None],
        "sign_out": [None, None, None, None],
    }
    table = sec.standings(members, events, columns, calendar=calendar, today=D(2003, 6, 30))
    assert table[1]["counts"]["late"] == 1 and table[1]["counts"]["absences"] == 0
    assert table[0]["counts"]["present"] == 2


def test_progress_callback() -> None:
    members, events, columns, calendar = _term(1000, 210)
    calls: list[tuple[int, int]] = []
    sec.standings(
        members,
        events,
        columns,
        calendar=calendar,
        today=D(2003, 6, 30),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls[0] == (100_000, 210_000)
    assert calls[-1] == (210_000, 210_000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sec.standings(members, events, columns, calendar=calendar, today=D(2003, 6, 30), progress=stop)


def test_gil_is_released_during_core_work() -> None:
    members, events, columns, calendar = _term(2000, 150)
    done = threading.Event()
    ticks = 0

    def work() -> None:
        sec.standings(members, events, columns, calendar=calendar, today=D(2003, 6, 30))
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.0005)
    thread.join()
    assert ticks > 0


def test_standings_repr_and_columns() -> None:
    members, events, columns, calendar = _term(3, 3)
    table = sec.standings(members, events, columns, calendar=calendar, today=D(2003, 6, 30))
    assert repr(table) == "Table(3 rows)" and table.key == "member"
    cols = table.to_columns()
    assert cols["member"] == ["m00000", "m00001", "m00002"]
    assert cols["window.start"][0] == D(2002, 9, 2)
    assert cols["counts.lateness"] == [s["counts"]["lateness"] for s in table]
    assert [s["member"] for s in table] == cols["member"]
    with pytest.raises(IndexError):
        table[3]


# --- scheduling ---------------------------------------------------------------------------


def test_plan_countdown_replan() -> None:
    party = D(2002, 10, 26)
    p = sec.plan("welcome_party", party)
    assert p["milestones"][0]["window"]["start"] == D(2002, 9, 21)
    assert p["milestones"][1]["approval"] == "advisor"
    assert sec.plan("welcome_party", "2002-10-26") == p
    now = sec.countdown(p, today=D(2002, 10, 14), done=["select_people", "discuss_plan", "pre_production"])
    assert now["milestones"][3]["status"] == "overdue"
    assert now["next_action"] == "detailed_production"
    moved = sec.replan({**p, "event_id": "party-2002"}, D(2002, 10, 19), today="2002-09-20")
    assert moved["plan"]["event_id"] == "party-2002"
    assert moved["event_shift_days"] == -7
    board = sec.countdowns([(p, []), {"plan": p, "done": ["select_people"]}, {"plan": p}], today=D(2002, 9, 27))
    assert [b["next_action"] for b in board] == [0, 1, 0]
    assert board[0]["statuses"][0] == "overdue"


def test_lead_times_and_calendar() -> None:
    verdict = sec.check_lead_time("board_plan", anchor=D(2002, 10, 20), actual=D(2002, 10, 16))
    assert verdict["outcome"] == "late" and verdict["days_outside"] == 1
    assert verdict["rule"]["key"] == "schedule.lead_times.board_plan"
    assert sec.check_lead_time("board_plan", anchor="2002-10-20", actual="2002-10-16") == verdict
    cal = sec.SchoolCalendar(
        {"start": D(2002, 9, 2), "end": D(2003, 7, 4)},
        holidays=[("National Day", D(2002, 10, 1), D(2002, 10, 7))],
        makeup_workdays=[D(2002, 9, 28)],
    )
    assert cal.add_working_days(D(2002, 9, 27), 1) == D(2002, 9, 28)
    assert cal.add_working_days("2002-09-27", 1) == D(2002, 9, 28)
    assert not cal.is_working_day(D(2002, 10, 2))
    assert cal.is_holiday_or_vacation("2002-10-02")
    assert cal.working_days_between(D(2002, 9, 30), D(2002, 10, 8)) == 1
    assert cal.semester_of(D(2002, 10, 2)) is None
    assert sec.SchoolCalendar.from_dict(cal.to_dict()) == cal
    assert cal.to_dict()["holidays"][0] == {"name": "National Day", "start": D(2002, 10, 1), "end": D(2002, 10, 7)}
    meetings = sec.regular_meetings(cal)
    assert meetings[0]["id"] == "regular-meeting-2002-09-04"
    assert all(m["date"] != D(2002, 10, 2) for m in meetings)
    ics = sec.to_icalendar([sec.plan("welcome_party", D(2002, 10, 26))], meetings, now=DT(2002, 10, 14))
    assert ics.startswith("BEGIN:VCALENDAR") and "UID:regular-meeting-2002-09-04@secretariat" in ics


# --- the term report ----------------------------------------------------------------------


def test_term_report(sample: sec.TermData) -> None:
    report = sec.term_report(sample, today=D(2002, 10, 14))
    assert report == sec.term_report(sample)  # as_of is the default day
    zhao = sec.Table(report["standings"], key="member").get("2002013")
    assert zhao["status"] == "expelled"
    assert zhao["reasons"][0]["rule"]["article"] == "seed 000, discipline §2"
    assert "迟到" in sec.explain(zhao, "zh")
    # The paths of issues in a result are segments too.
    assert report["leave"][1]["refused"][0]["code"] == "leave.no_substitute"
    assert report["leave"][1]["refused"][0]["path"] == ["substitute"]
    assert report["leave"][1]["granted"] is None
    assert report["activities"][0]["countdown"]["next_action"] == "detailed_production"
    text = sec.render_term_report(report)
    assert "Zhao" in text and "规则手册" in sec.render_term_report(report, "zh")
    # The dict is the core's JSON form, with dates as datetime.date.
    assert report["today"] == D(2002, 10, 14)
    core = json.loads(sec.TermData.sample().to_json())
    assert jsonable(sec.term_report(core, today="2002-10-14")) == jsonable(report)


def test_term_data_forms(sample: sec.TermData) -> None:
    assert sec.TermData.from_dict(sample.to_dict()) == sample
    assert sec.TermData.from_json(sample.to_json()) == sample
    assert sec.TermData.from_file(REPO / "core" / "data" / "sample_term.json") == sample
    assert sample["as_of"] == D(2002, 10, 14)
    assert len(sample["members"]) == 14 and sample["activities"][0]["template"] == "welcome_party"
    with pytest.raises(KeyError):
        sample["nothing"]
    register, decisions = sample.register()
    assert register.mark_count == len(sample["marks"])
    assert [d["granted"] is not None for d in decisions] == [True, False]
    assert len(sample.roster()) == 14
    ics = sec.term_icalendar(sample, now=DT(2002, 10, 14), locale="zh")
    assert "BEGIN:VEVENT" in ics

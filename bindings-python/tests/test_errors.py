"""Errors by code: the exception tree, its attributes, and each area's class."""

from __future__ import annotations

import datetime
import decimal
import pickle

import pytest

import secretariat as sec

from conftest import segments

D = datetime.date
DT = datetime.datetime


def test_the_tree() -> None:
    validation = [
        sec.InputError,
        sec.RulebookError,
        sec.MemberError,
        sec.AttendanceError,
        sec.LeaveError,
        sec.ScheduleError,
        sec.CalendarError,
        sec.SchemaError,
    ]
    for cls in validation:
        assert issubclass(cls, sec.ValidationError)
        assert issubclass(cls, ValueError)
        assert issubclass(cls, sec.SecretariatError)
        assert cls.__module__ == "secretariat._core"
    assert issubclass(sec.ValidationError, ValueError)
    assert issubclass(sec.AuthorityError, sec.SecretariatError)
    assert not issubclass(sec.AuthorityError, ValueError)
    assert issubclass(sec.SecretariatError, Exception)


def test_rulebook_error_carries_code_path_messages_params() -> None:
    with pytest.raises(sec.RulebookError) as caught:
        sec.Rulebook.from_toml("[attendance]\nlateness_limit = 0")
    e = caught.value
    assert (e.code, e.path) == ("rulebook.out_of_range", ["attendance", "lateness_limit"])
    assert e.params == {"value": "0", "min": "1", "max": "100"}
    assert "out of range" in e.message
    assert "超出允许范围" in e.message_zh
    assert e.messages["zh-Hans"] == e.message_zh and e.messages["en"] == e.message
    assert "超出允許範圍" in e.message_in("zh-Hant") == e.messages["zh-Hant"]
    assert [i["code"] for i in e.issues] == ["rulebook.out_of_range"]
    assert e.issues[0]["path"] == e.path
    assert str(e).startswith("[rulebook.out_of_range]")
    assert isinstance(e, ValueError)


@pytest.mark.parametrize(
    "overrides,code,path",
    [
        ({"attendance": {"lateness": 3}}, "rulebook.unknown_key", "attendance.lateness"),
        ({"attendance": {"absence_limit": "one"}}, "rulebook.invalid_type", "attendance.absence_limit"),
        ({"meta": {"version": " "}}, "rulebook.inconsistent", "meta.version"),
        ({"attendance": {"grace_minutes": 5.0}}, "input.invalid", "attendance.grace_minutes"),
    ],
)
def test_rulebook_overrides_refused(overrides: dict, code: str, path: str) -> None:
    with pytest.raises(sec.ValidationError) as caught:
        sec.Rulebook.from_dict(overrides)
    assert (caught.value.code, caught.value.path) == (code, segments(path))


def test_rulebook_syntax() -> None:
    with pytest.raises(sec.RulebookError) as caught:
        sec.Rulebook.from_toml("[attendance")
    assert caught.value.code == "rulebook.syntax"
    with pytest.raises(sec.RulebookError):
        sec.Rulebook.from_json("{")


def test_float_refused_never_rounded() -> None:
    data = sec.TermData.sample().to_dict()
    data["members"][0]["grade"] = 2002.0
    with pytest.raises(sec.InputError) as caught:
        sec.TermData.from_dict(data)
    assert caught.value.code == "input.invalid"
    assert caught.value.path == ["members", 0, "grade"]
    assert "not exact" in caught.value.message


def test_decimal_and_int_accepted_where_numbers_are() -> None:
    rb = sec.Rulebook.from_dict({"attendance": {"grace_minutes": 5}})
    assert rb.to_dict()["attendance"]["grace_minutes"] == 5
    # A Decimal is written as exact text; an integer field refuses text, with the core's code.
    with pytest.raises(sec.RulebookError) as caught:
        sec.Rulebook.from_dict({"attendance": {"grace_minutes": decimal.Decimal("5")}})
    assert caught.value.path == ["attendance", "grace_minutes"]
    # An int is exact wherever a Decimal is: money in a rulebook too.
    cap = sec.Rulebook.from_dict({"budget": {"annual_cap": 600}}).to_dict()["budget"]["annual_cap"]
    assert cap == decimal.Decimal("600") and isinstance(cap, decimal.Decimal)
    # Only there: an int is not text, so an id given as an int stays refused.
    with pytest.raises(sec.InputError) as caught:
        sec.Roster([{"id": 7, "name": "Li", "grade": 2, "department": "S", "role": "officer"}])
    assert caught.value.path == ["members", 0, "id"]


def member(grade: int | str = "02") -> dict:
    return {"id": "m1", "name": "Li", "grade": grade, "department": "Secretariat", "role": "officer"}


def test_member_errors() -> None:
    with pytest.raises(sec.MemberError) as caught:
        sec.Roster([member("2x")])
    assert (caught.value.code, caught.value.path) == ("member.invalid_grade", ["members", 0, "grade"])
    with pytest.raises(sec.MemberError) as caught:
        sec.parse_grade("1800")
    assert caught.value.code == "member.invalid_grade"
    m = member()
    with pytest.raises(sec.MemberError) as caught:
        sec.Roster([m, m])
    assert (caught.value.code, caught.value.path) == ("member.duplicate_id", ["members", 1, "id"])
    with pytest.raises(sec.MemberError) as caught:
        sec.Roster([m]).require("nobody")
    assert caught.value.code == "member.unknown"


def test_input_errors_have_paths() -> None:
    with pytest.raises(sec.InputError) as caught:
        sec.Roster([{"id": "m1", "name": "Li", "grade": 2, "department": "S", "role": "boss"}])
    assert (caught.value.code, caught.value.path) == ("input.invalid", ["members", 0, "role"])
    with pytest.raises(sec.InputError) as caught:
        sec.TermData.from_json('{"title": "t"')
    assert caught.value.code == "input.syntax"


def test_aware_datetime_refused() -> None:
    aware = DT(2002, 9, 4, 19, tzinfo=datetime.timezone.utc)
    with pytest.raises(sec.InputError) as caught:
        sec.AttendanceRegister(
            [member()], [{"id": "e", "kind": "other", "title": "t", "start": aware, "end": aware}]
        )
    assert (caught.value.code, caught.value.path) == ("input.invalid", ["events", 0, "start"])


def test_wrong_argument_types_are_input_errors_with_paths() -> None:
    # Never a bare TypeError: every argument goes through the one converter.
    cases = [
        (lambda: sec.plan("welcome_party", 20021026), ["event_date"]),
        (lambda: sec.plan(7, D(2002, 10, 26)), ["template"]),
        (lambda: sec.countdown({}, today=D(2002, 10, 1)), ["plan"]),
        (lambda: sec.check_lead_time("board_plan", anchor="soon", actual=D(2002, 1, 1)), ["anchor"]),
        (lambda: sec.mark_from_times(DT(2002, 1, 1), DT(2002, 1, 1), 3), ["sign_in"]),
        (lambda: sec.term_report(sec.TermData.sample(), today=object()), ["today"]),
        (lambda: sec.check_team("challenge_cup", [], year="2002x"), ["year"]),
        (lambda: sec.check_expense([], context={}, today=D(2002, 1, 1)), ["form"]),
        (lambda: sec.check_expense({}, context=3, today=D(2002, 1, 1)), ["context"]),
        (lambda: sec.explain({"member": 3}), ["standing"]),
        (lambda: sec.Rulebook.from_toml(3), ["text"]),
        (lambda: sec.TermData.from_json(None), ["text"]),
        (lambda: sec.Rulebook.from_file(["school.toml"]), ["path"]),
        (lambda: sec.Table([], key=1), ["key"]),
    ]
    for call, path in cases:
        with pytest.raises(sec.InputError) as caught:
            call()
        assert caught.value.path[: len(path)] == path, (caught.value.path, path)


def _register(sample: sec.TermData) -> sec.AttendanceRegister:
    register, _ = sample.register()
    return register


def test_attendance_errors_leave_the_register_unchanged(sample: sec.TermData) -> None:
    register = sec.AttendanceRegister(sample.roster(), sample.all_events())
    first = register.events[0]["id"]
    register.record_marks([{"member": "2002011", "event": first, "mark": "late"}])
    again = [
        {"member": "2002012", "event": first, "mark": "present"},
        {"member": "2002011", "event": first, "mark": "present"},
    ]
    with pytest.raises(sec.AttendanceError) as caught:
        register.record_marks(again)
    assert (caught.value.code, caught.value.path) == ("attendance.duplicate_mark", ["marks", 1])
    assert register.mark_count == 1
    with pytest.raises(sec.AttendanceError) as caught:
        register.record_marks({"member": ["2002012"], "event": ["nope"], "mark": ["late"]})
    assert (caught.value.code, caught.value.path) == ("attendance.unknown_event", ["marks", 0, "event"])
    with pytest.raises(sec.InputError) as caught:
        register.record_marks({"member": ["2002012"], "event": [first], "mark": ["tardy"]})
    assert (caught.value.code, caught.value.path) == ("input.invalid", ["marks", 0, "mark"])
    assert register.mark_count == 1


def test_leave_refusal_carries_every_issue(sample: sec.TermData) -> None:
    register = sec.AttendanceRegister(sample.roster(), sample.all_events())
    meeting = register.events[0]
    request = {
        "member": "2002011",
        "event": meeting["id"],
        "approver": "2002012",
        "requested_at": meeting["start"] + datetime.timedelta(minutes=30),
        "reason": " ",
    }
    issues = register.check_leave(request)
    codes = [i["code"] for i in issues]
    assert issues[0]["path"] == ["reason"]
    assert codes[:3] == ["leave.no_reason", "leave.no_substitute", "leave.too_late"]
    with pytest.raises(sec.LeaveError) as caught:
        register.grant_leave(request)
    e = caught.value
    assert e.code == "leave.no_reason" and e.path == ["reason"]
    assert [i["code"] for i in e.issues] == codes
    assert all(i["message_zh"] for i in e.issues)
    assert register.leaves == []


def test_authority_error() -> None:
    officer = member()
    with pytest.raises(sec.AuthorityError) as caught:
        sec.authorize("approve_expense", officer)
    e = caught.value
    assert e.code == "authority.not_permitted"
    assert e.params["actor"] == "m1"
    assert not isinstance(e, ValueError)
    advisor = {"id": "a", "name": "T", "grade": 1999, "department": "S", "role": "advisor"}
    assert sec.authorize("approve_plan", advisor) == "advisor"


def test_schedule_errors() -> None:
    with pytest.raises(sec.ScheduleError) as caught:
        sec.plan("sports_day", D(2002, 10, 26))
    assert (caught.value.code, caught.value.path) == ("schedule.unknown_template", ["template_id"])
    working = sec.Rulebook.from_dict({"schedule": {"day_count": "working"}})
    with pytest.raises(sec.ScheduleError) as caught:
        sec.plan("welcome_party", D(2002, 10, 26), rulebook=working)
    assert caught.value.code == "schedule.calendar_required"
    p = sec.plan("welcome_party", D(2002, 10, 26))
    with pytest.raises(sec.ScheduleError) as caught:
        sec.countdown(p, today=D(2002, 10, 1), done=["bake_cake"])
    assert caught.value.path == ["done", 0]
    with pytest.raises(sec.ScheduleError) as caught:
        sec.countdowns([(p, []), (p, ["x"])], today=D(2002, 10, 1))
    assert caught.value.path == [1, "done", 0]


def test_report_errors_have_paths_into_the_data(sample: sec.TermData) -> None:
    data = sample.to_dict()
    data["members"][2]["name"] = " "
    with pytest.raises(sec.MemberError) as caught:
        sec.term_report(data, today=D(2002, 10, 14))
    assert (caught.value.code, caught.value.path) == ("member.empty", ["members", 2, "name"])
    data = sample.to_dict()
    data["as_of"] = None
    with pytest.raises(sec.InputError) as caught:
        sec.term_report(data)
    assert caught.value.path == ["today"]


def test_exceptions_pickle() -> None:
    try:
        sec.Rulebook.from_toml("[attendance]\nlateness_limit = 0")
    except sec.RulebookError as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is sec.RulebookError
        assert (back.code, back.path, back.params) == (e.code, e.path, e.params)
        assert back.message_zh == e.message_zh
        assert [i["code"] for i in back.issues] == ["rulebook.out_of_range"]


def test_exceptions_can_be_raised_by_callers() -> None:
    e = sec.LeaveError("no substitute", code="leave.no_substitute", path=["substitute"])
    assert str(e) == "[leave.no_substitute] substitute: no substitute"
    assert e.message_zh == "no substitute"
    assert e.issues == [] and e.params == {}
    bad = sec.InputError("bad", code="input.invalid", path=["risks", 1, "countermeasure"])
    assert str(bad) == "[input.invalid] risks[1].countermeasure: bad"

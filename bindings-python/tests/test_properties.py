"""Properties of the binding's conversions (hypothesis): the column fast path and the list
of dicts agree; dict forms round-trip; a float is refused wherever it hides; a penalty
never falls as marks are added."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secretariat as sec

D = datetime.date
MARKS = ["present", "late", "left_early", "late_and_left_early", "absent"]
KINDS = ["regular_meeting", "group_activity", "duty_shift", "rehearsal", "other"]
CALENDAR = sec.SchoolCalendar((D(2002, 9, 2), D(2003, 7, 4)))
TODAY = D(2003, 7, 4)
STATUS_ORDER = {"good": 0, "warning": 1, "expelled": 2}


def members(n: int) -> list[dict[str, Any]]:
    return [
        {"id": f"m{i}", "name": f"M{i}", "grade": "02", "department": "S", "role": "officer"}
        for i in range(n)
    ]


def events(kinds: list[str]) -> list[dict[str, Any]]:
    out = []
    for e, kind in enumerate(kinds):
        start = datetime.datetime(2002, 9, 4, 19) + datetime.timedelta(days=3 * e)
        out.append(
            {"id": f"e{e}", "kind": kind, "title": "t", "start": start,
             "end": start + datetime.timedelta(hours=1)}
        )
    return out


@st.composite
def terms(draw: Any) -> tuple[list, list, list[tuple[str, str, str]]]:
    n_members = draw(st.integers(1, 6))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
    pairs = [(f"m{m}", f"e{e}") for m in range(n_members) for e in range(len(kinds))]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    marks = [(m, e, draw(st.sampled_from(MARKS))) for m, e in chosen]
    return members(n_members), events(kinds), marks


@settings(max_examples=60, deadline=None)
@given(terms())
def test_columns_and_rows_agree(term: tuple) -> None:
    ms, es, marks = term
    rows = [{"member": m, "event": e, "mark": k} for m, e, k in marks]
    columns = {
        "member": [m for m, _, _ in marks],
        "event": [e for _, e, _ in marks],
        "mark": [k for _, _, k in marks],
    }
    by_rows = sec.standings(ms, es, rows, calendar=CALENDAR, today=TODAY)
    by_columns = sec.standings(ms, es, columns, calendar=CALENDAR, today=TODAY)
    assert by_rows.rows == by_columns.rows


@settings(max_examples=60, deadline=None)
@given(terms(), st.data())
def test_a_penalty_never_falls_as_marks_are_added(term: tuple, data: Any) -> None:
    ms, es, marks = term
    cut = data.draw(st.integers(0, len(marks)))
    rows = [{"member": m, "event": e, "mark": k} for m, e, k in marks]
    before = sec.standings(ms, es, rows[:cut], calendar=CALENDAR, today=TODAY)
    after = sec.standings(ms, es, rows, calendar=CALENDAR, today=TODAY)
    for b, a in zip(before, after):
        assert STATUS_ORDER[a["status"]] >= STATUS_ORDER[b["status"]]
        assert a["counts"]["lateness"] >= b["counts"]["lateness"]
        assert a["counts"]["absences"] >= b["counts"]["absences"]


@settings(max_examples=80, deadline=None)
@given(
    st.dates(D(1950, 1, 1), D(2150, 12, 31)),
    st.lists(st.sampled_from(["select_people", "discuss_plan", "college_review"]), unique=True),
)
def test_plans_round_trip_through_dicts(event_date: D, done: list[str]) -> None:
    plan = sec.plan("welcome_party", event_date)
    # The plan goes back in as it came out, and as its ISO text form.
    as_text = {**plan, "event_date": event_date.isoformat()}
    assert sec.countdown(as_text, today=event_date) == sec.countdown(plan, today=event_date)
    assert plan["milestones"][-1]["window"]["end"] < event_date
    if "college_review" in done and "discuss_plan" not in done:
        # Nothing after the plan discussion is done before the advisor approves it.
        with pytest.raises(sec.ScheduleError) as caught:
            sec.countdown(plan, today=event_date, done=done)
        assert caught.value.code == "schedule.approval_pending"
        assert caught.value.path == ["done", done.index("college_review")]
        return
    countdown = sec.countdown(plan, today=event_date, done=done)
    assert countdown["days_to_event"] == 0
    statuses = [m["status"] for m in countdown["milestones"] if m["id"] in done]
    assert statuses == ["done"] * len(done)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["grade", "name", "skills", "extra"]),
)
def test_a_float_is_refused_wherever_it_is(value: float, field: str) -> None:
    member = {"id": "m1", "name": "Li", "grade": "02", "department": "S", "role": "officer"}
    if field == "skills":
        member["skills"] = ["computer", value]
        path: list[str | int] = ["members", 0, "skills", 1]
    else:
        member[field] = value
        path = ["members", 0, field]
    try:
        sec.Roster([member])
    except sec.InputError as e:
        assert (e.code, e.path) == ("input.invalid", path)
        assert "float" in e.message
    else:
        raise AssertionError("a float was accepted")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=8), st.dates(), st.integers(0, 30)), max_size=4))
def test_calendars_round_trip(periods: list[tuple[str, D, int]]) -> None:
    holidays = [(name, start, start + datetime.timedelta(days=n)) for name, start, n in periods]
    calendar = sec.SchoolCalendar((D(2002, 9, 2), D(2003, 7, 4)), holidays=holidays)
    assert sec.SchoolCalendar.from_dict(calendar.to_dict()) == calendar
    assert [h["name"] for h in calendar.to_dict()["holidays"]] == [name for name, _, _ in periods]


# Member fields as a caller may give them: (valid values, invalid ones: a float, a bool,
# an unknown role, a grade out of range, None...). Extra keys are refused.
MEMBER_FIELDS: dict[str, tuple[list[Any], list[Any]]] = {
    "id": ([f"m{i}" for i in range(20)], ["", "  ", 7, None]),
    "name": (["Li Wei", "王芳", "Zhao"], ["", None, 1.5]),
    "grade": ([2002, 2, 99, "02", "2001", " 99 "], [1899, -1, True, 2002.0, "x", None]),
    "department": (["Secretariat", "S&T"], [3, None]),
    "role": (["officer", "minister", "department_head", "advisor"], ["boss", None, 1]),
    "skills": ([[], ["computer"], ["computer", "organization_language"]],
               [("computer",), [1], None, "computer"]),
    "status": (["active", "warned", "expelled", "reserve"], ["retired", None]),
    "extra": ([], [1]),
}
REQUIRED = ["id", "name", "grade", "department", "role"]


@st.composite
def member_dicts(draw: Any) -> dict[str, Any]:
    member = {}
    for key, (valid, invalid) in MEMBER_FIELDS.items():
        wanted = draw(st.integers(0, 39)) > 0 if key in REQUIRED else draw(st.booleans())
        if key == "extra":
            wanted = draw(st.integers(0, 19)) == 0
        if not wanted:
            continue
        pool = valid if valid and draw(st.integers(0, 29)) > 0 else invalid
        member[key] = draw(st.sampled_from(pool))
    return member


def _roster_outcome(members: Any) -> Any:
    try:
        return sec.Roster(members).to_dicts()
    except sec.SecretariatError as e:
        return (type(e).__name__, e.code, e.path, e.message)


@settings(max_examples=300, deadline=None)
@given(st.lists(member_dicts(), max_size=4))
def test_a_list_of_member_dicts_reads_as_the_generic_reader_reads_it(ms: list[dict]) -> None:
    """A list and a tuple of member dicts go through the one reader: the same members or
    the same error, whatever each field holds."""
    assert _roster_outcome(ms) == _roster_outcome(tuple(ms))

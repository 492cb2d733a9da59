"""The shared conformance vectors (tests/vectors/*.json) through the Python API: the same
results (matched as a subset, as the Rust runner does) and the same error codes and paths.

Each case runs twice: with the vector's JSON input as it is (dates as ISO text), and with
its dates as `datetime` objects, as a Python caller holds them.
"""

from __future__ import annotations

import datetime
from typing import Any, Callable

import pytest

import secretariat as sec

from conftest import jsonable, load_vectors, matches, pythonic, segments


def _plan(rb: sec.Rulebook, i: dict[str, Any]) -> dict[str, Any]:
    return sec.plan(i["template"], i["event_date"], rulebook=rb, calendar=i.get("calendar"))


def _leave_check(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    register, _ = sec.TermData.from_dict(i["term"]).register(rulebook=rb)
    return {"issues": register.check_leave(i["request"], rulebook=rb)}


def _members(i: dict[str, Any]) -> Any:
    return i.get("members") or sec.TermData.sample()["members"]


def _evaluate(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    i = dict(i)
    standings = i.pop("standings", None)
    term = i.pop("term", None)
    if standings is None and term is not None:
        data = _within("term", lambda: sec.TermData.from_dict(term))
        register, _ = data.register(rulebook=rb)
        standings = register.standings(calendar=data["calendar"], today=today)
    return _within(
        "standings" if isinstance(standings, list) else "",
        lambda: sec.evaluate(i, standings=standings, rulebook=rb),
    )


def _within(prefix: str, call: Callable[[], Any]) -> Any:
    """Runs `call`, putting the path of an error under `prefix` (as the Rust runner's
    `Error::within` does for the parts of an input it reads separately)."""
    try:
        return call()
    except sec.SecretariatError as e:
        if prefix and e.path[:1] != [prefix]:
            e.path = [prefix, *e.path]
        raise


def _ledger(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    ledger = sec.BudgetLedger(i.get("year") or "", i["period"], members=_members(i), rulebook=rb)
    postings = []
    for n, operation in enumerate(i["operations"]):
        (key,) = operation.keys()
        try:
            postings.append(ledger.apply(operation))
        except sec.SecretariatError as e:
            # Whoever finds it, the core or the binding, the path starts with the key.
            assert e.path[:1] == [key], e.path
            e.path = ["operations", n, *e.path]
            raise
    return {"postings": postings, "ledger": ledger.to_dict(), "report": ledger.report()}


def _validate(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    ledger = None
    if i.get("year") is not None:
        year = sec.ActivityYear.replay(
            i["year"], today=today, members=_members(i), rulebook=rb, calendar=i.get("calendar")
        )
        ledger = year.ledger
    return sec.validate_plan(
        i["plan"],
        today=today,
        members=_members(i),
        ledger=ledger,
        rulebook=rb,
        calendar=i.get("calendar"),
    )


def _replay(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    year = sec.ActivityYear.replay(
        i.get("year"), today=today, members=_members(i), rulebook=rb, calendar=i.get("calendar")
    )
    return {
        "applied": year.applied,
        "pending": year.pending,
        "book": year.activities,
        "ledger": year.ledger.to_dict(),
        "budget": year.budget_report(),
        "activities": year.report(today),
    }


def _form(check: Callable[..., dict[str, Any]]) -> Callable[[sec.Rulebook, Any, Any], Any]:
    """A `form.*` check (tests/src/forms_ops.rs): `{context?, form, locale?}`, the bundled
    sample term without a context; the result as the core writes it (paths as segments)."""

    def run(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
        return check(
            i["form"],
            context=i.get("context") or sec.TermData.sample(),
            today=today,
            rulebook=rb,
            locale=i.get("locale") or "en",
        )

    return run


def _page_context(i: dict[str, Any]) -> Any:
    return i.get("context") or sec.TermData.sample()


# Each operation of the vectors, written with the Python API.
OPERATIONS: dict[str, Callable[[sec.Rulebook, Any, Any], Any]] = {
    "rulebook.load": lambda rb, today, i: rb.to_dict(),
    "rulebook.load_toml": lambda rb, today, i: sec.Rulebook.from_toml(i).to_dict(),
    "grade.parse": lambda rb, today, i: sec.parse_grade(i),
    "mark.from_times": lambda rb, today, i: sec.mark_from_times(
        i["start"],
        i["end"],
        i["sign_in"],
        i.get("sign_out"),
        grace_minutes=rb.to_dict()["attendance"]["grace_minutes"],
    ),
    "term_report": lambda rb, today, i: sec.term_report(
        sec.TermData.from_dict(i), today=today, rulebook=rb
    ),
    "leave.check": _leave_check,
    "schedule.plan": lambda rb, today, i: _plan(rb, i),
    # Dates go in as they come: ISO text in the JSON form, `datetime.date` in the other.
    "schedule.replan": lambda rb, today, i: sec.replan(
        _plan(rb, i),
        i.get("new_event_date") or i["event_date"],
        today=today,
        calendar=i.get("calendar"),
    ),
    "schedule.countdown": lambda rb, today, i: sec.countdown(
        _plan(rb, i), today=today, done=i.get("done", [])
    ),
    "schedule.lead_time": lambda rb, today, i: sec.check_lead_time(
        i["rule"], anchor=i["anchor"], actual=i["actual"], rulebook=rb, calendar=i.get("calendar")
    ),
    "schedule.meetings": lambda rb, today, i: sec.regular_meetings(i, rulebook=rb),
    "calendar.add_working_days": lambda rb, today, i: sec.SchoolCalendar.from_dict(
        i["calendar"]
    ).add_working_days(i["date"], i["days"]),
    "evaluation.evaluate": _evaluate,
    "recruitment.allocate": lambda rb, today, i: sec.allocate(i, rulebook=rb),
    "recruitment.check_team": lambda rb, today, i: sec.check_team(
        i["rules"], i["team"], year=i["year"], rulebook=rb
    ),
    "budget.ledger": _ledger,
    "activity.validate": _validate,
    "activity.replay": _replay,
    "form.leave_request": _form(sec.check_leave_request),
    "form.activity_plan": _form(sec.check_activity_plan),
    "form.expense": _form(sec.check_expense),
    "form.recruitment_application": _form(sec.check_recruitment_application),
    "form.board_plan": _form(sec.check_board_plan),
    "form.member_standing": lambda rb, today, i: sec.member_standing(
        i.get("member") or "", context=_page_context(i), today=today, rulebook=rb
    ),
    "form.event_countdown": lambda rb, today, i: sec.event_countdown(
        i.get("activity") or "", context=_page_context(i), today=today, rulebook=rb
    ),
    "form.budget_remaining": lambda rb, today, i: sec.budget_remaining(
        context=_page_context(i), today=today, activity=i.get("activity"), rulebook=rb
    ),
}

# The exception class of each area of the codes.
AREA_CLASSES = {
    "input": sec.InputError,
    "rulebook": sec.RulebookError,
    "member": sec.MemberError,
    "attendance": sec.AttendanceError,
    "leave": sec.LeaveError,
    "schedule": sec.ScheduleError,
    "calendar": sec.CalendarError,
    "schema": sec.SchemaError,
    "authority": sec.AuthorityError,
    "evaluation": sec.EvaluationError,
    "recruitment": sec.RecruitmentError,
    "budget": sec.BudgetError,
    "activity": sec.ActivityError,
}

CASES = load_vectors()


def run(case: dict[str, Any], form: str) -> Any:
    # An operation with no binding fails: a vector added in core must be bound here too.
    assert case["operation"] in OPERATIONS, f"operation {case['operation']} has no binding"
    operation = OPERATIONS[case["operation"]]
    inp = case.get("input")
    if form == "python":
        inp = pythonic(inp)
    today = case.get("today")
    if form == "python" and today:
        today = datetime.date.fromisoformat(today)
    rulebook = (
        sec.Rulebook.from_dict(case["rulebook"]) if case.get("rulebook") else sec.Rulebook.default()
    )
    return operation(rulebook, today, inp)


@pytest.mark.parametrize("form", ["json", "python"])
@pytest.mark.parametrize(
    "area,case", CASES, ids=[f"{area}/{case['name']}" for area, case in CASES]
)
def test_vector(area: str, case: dict[str, Any], form: str) -> None:
    if case["name"] in INT_IS_EXACT:
        # In JSON an integer is a number, refused where an exact decimal is wanted; in
        # Python an `int` is exact, so the same input is read as its text would be.
        as_text = _ints_as_text(case)
        assert jsonable(run(case, form)) == jsonable(run(as_text, form))
    elif "error" in case:
        want = case["error"]
        with pytest.raises(sec.SecretariatError) as caught:
            run(case, form)
        err = caught.value
        assert err.code == want["code"], f"got {err.code}: {err}"
        if "path" in want:
            assert err.path == segments(want["path"])
        area_class = AREA_CLASSES.get(want["code"].split(".")[0], sec.SecretariatError)
        assert isinstance(err, area_class)
        assert err.issues and err.issues[0]["code"] == err.code
        # The first issue is the error itself (its path before a runner put it under a part).
        own = err.issues[0]["path"]
        assert err.path[len(err.path) - len(own):] == own
    else:
        matches(case["expected"], jsonable(run(case, form)))


# The cases whose input gives an exact decimal as a JSON integer: refused in JSON, read in
# Python (an `int` is exact), so here they must give what the same input with the integer
# as text gives.
INT_IS_EXACT = {
    "a score given as a number is refused: exact decimals are written as text, so no binding "
    "rounds a float",
    "expense: money sent as a number is refused",
}


def _ints_as_text(case: dict[str, Any]) -> dict[str, Any]:
    def text(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: text(x) for k, x in v.items()}
        if isinstance(v, list):
            return [text(x) for x in v]
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    return {**case, "input": text(case["input"])}


def test_every_vector_file_is_read() -> None:
    # Every operation of today's vectors is bound (`run` fails for one that is not).
    assert len(CASES) >= 229
    assert {c["operation"] for _, c in CASES} <= set(OPERATIONS)
    assert INT_IS_EXACT <= {c["name"] for _, c in CASES}

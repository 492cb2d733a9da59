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

from conftest import jsonable, load_vectors, matches, pythonic


def _date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _dt(value: Any) -> datetime.datetime | None:
    if value is None or isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.fromisoformat(value)


def _plan(rb: sec.Rulebook, i: dict[str, Any]) -> sec.MilestonePlan:
    return sec.plan(
        i["template"], _date(i["event_date"]), rulebook=rb, calendar=i.get("calendar")
    )


def _leave_check(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    register, _ = sec.TermData.from_dict(i["term"]).register(rulebook=rb)
    issues = register.check_leave(i["request"], rulebook=rb)
    return {"issues": [issue.to_dict() for issue in issues]}


def _members(i: dict[str, Any]) -> Any:
    return i.get("members") or sec.TermData.sample().members


def _evaluate(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    i = dict(i)
    standings = i.pop("standings", None)
    term = i.pop("term", None)
    if standings is None and term is not None:
        data = _within("term", lambda: sec.TermData.from_dict(term))
        register, _ = data.register(rulebook=rb)
        standings = register.standings(calendar=data.calendar, today=today)
    return _within(
        "standings" if isinstance(standings, list) else "",
        lambda: sec.evaluate(i, standings=standings, rulebook=rb),
    ).to_dict()


def _within(prefix: str, call: Callable[[], Any]) -> Any:
    """Runs `call`, putting the path of an error under `prefix` (as the Rust runner's
    `Error::within` does for the parts of an input it reads separately)."""
    try:
        return call()
    except sec.SecretariatError as e:
        if prefix and not e.path.startswith(prefix):
            e.path = f"{prefix}.{e.path}" if e.path and not e.path.startswith("[") else prefix + e.path
        raise


def _ledger(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    ledger = sec.BudgetLedger(i.get("year") or "", i["period"], members=_members(i), rulebook=rb)
    postings = []
    for n, operation in enumerate(i["operations"]):
        (key,) = operation.keys()
        try:
            postings.append(ledger.apply(operation).to_dict())
        except sec.InputError as e:
            # The operation as given could not be read: its path starts with the key.
            e.path = f"operations[{n}].{e.path}"
            raise
        except sec.SecretariatError as e:
            e.path = f"operations[{n}].{key}" + (f".{e.path}" if e.path else "")
            raise
    return {"postings": postings, "ledger": ledger.to_dict(), "report": ledger.report().to_dict()}


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
    ).to_dict()


def _replay(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
    year = sec.ActivityYear.replay(
        i.get("year"), today=today, members=_members(i), rulebook=rb, calendar=i.get("calendar")
    )
    return {
        "applied": year.applied,
        "pending": year.pending,
        "book": year.activities,
        "ledger": year.ledger.to_dict(),
        "budget": year.budget_report().to_dict(),
        "activities": year.report(today).to_dict(),
    }


def _form(check: Callable[..., sec.FormResult[Any]]) -> Callable[[sec.Rulebook, Any, Any], Any]:
    """A `form.*` check (tests/src/forms_ops.rs): `{context?, form, locale?}`, the bundled
    sample term without a context; the result as the core writes it (paths as segments)."""

    def run(rb: sec.Rulebook, today: Any, i: dict[str, Any]) -> Any:
        return check(
            i["form"],
            context=i.get("context") or sec.TermData.sample(),
            today=today,
            rulebook=rb,
            locale=i.get("locale") or "en",
        ).to_dict()

    return run


def _page_context(i: dict[str, Any]) -> Any:
    return i.get("context") or sec.TermData.sample()


# Each operation of the vectors, written with the Python API.
OPERATIONS: dict[str, Callable[[sec.Rulebook, Any, Any], Any]] = {
    "rulebook.load": lambda rb, today, i: rb.to_dict(),
    "rulebook.load_toml": lambda rb, today, i: sec.Rulebook.from_toml(i).to_dict(),
    "grade.parse": lambda rb, today, i: sec.parse_grade(i),
    "mark.from_times": lambda rb, today, i: sec.mark_from_times(
        _dt(i["start"]),
        _dt(i["end"]),
        _dt(i["sign_in"]),
        _dt(i.get("sign_out")),
        grace_minutes=rb.to_dict()["attendance"]["grace_minutes"],
    ),
    "term_report": lambda rb, today, i: sec.term_report(
        sec.TermData.from_dict(i), today=today, rulebook=rb
    ).to_dict(),
    "leave.check": _leave_check,
    "schedule.plan": lambda rb, today, i: _plan(rb, i).to_dict(),
    "schedule.replan": lambda rb, today, i: sec.replan(
        _plan(rb, i),
        _date(i.get("new_event_date") or i["event_date"]),
        today=today,
        calendar=i.get("calendar"),
    ).to_dict(),
    "schedule.countdown": lambda rb, today, i: sec.countdown(
        _plan(rb, i), today=today, done=i.get("done", [])
    ).to_dict(),
    "schedule.lead_time": lambda rb, today, i: sec.check_lead_time(
        i["rule"],
        anchor=_date(i["anchor"]),
        actual=_date(i["actual"]),
        rulebook=rb,
        calendar=i.get("calendar"),
    ).to_dict(),
    "schedule.meetings": lambda rb, today, i: [
        m.to_dict() for m in sec.regular_meetings(i, rulebook=rb)
    ],
    "calendar.add_working_days": lambda rb, today, i: sec.SchoolCalendar.from_dict(
        i["calendar"]
    ).add_working_days(_date(i["date"]), i["days"]),
    "evaluation.evaluate": _evaluate,
    "recruitment.allocate": lambda rb, today, i: sec.allocate(i, rulebook=rb).to_dict(),
    "recruitment.check_team": lambda rb, today, i: sec.check_team(
        i["rules"], i["team"], year=i["year"], rulebook=rb
    ).to_dict(),
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
    ).to_dict(),
    "form.event_countdown": lambda rb, today, i: sec.event_countdown(
        i.get("activity") or "", context=_page_context(i), today=today, rulebook=rb
    ).to_dict(),
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
    "authority": sec.AuthorityError,
    "evaluation": sec.EvaluationError,
    "recruitment": sec.RecruitmentError,
    "budget": sec.BudgetError,
    "activity": sec.ActivityError,
}

CASES = load_vectors()


def run(case: dict[str, Any], form: str) -> Any:
    operation = OPERATIONS.get(case["operation"])
    if operation is None:
        pytest.skip(f"operation {case['operation']} is not bound in Python yet")
    inp = case.get("input")
    if form == "python":
        inp = pythonic(inp)
    today = _date(case["today"]) if case.get("today") else None
    rulebook = (
        sec.Rulebook.from_dict(case["rulebook"]) if case.get("rulebook") else sec.Rulebook.default()
    )
    return operation(rulebook, today, inp)


@pytest.mark.parametrize("form", ["json", "python"])
@pytest.mark.parametrize(
    "area,case", CASES, ids=[f"{area}/{case['name']}" for area, case in CASES]
)
def test_vector(area: str, case: dict[str, Any], form: str) -> None:
    if "error" in case:
        want = case["error"]
        with pytest.raises(sec.SecretariatError) as caught:
            run(case, form)
        err = caught.value
        assert err.code == want["code"], f"got {err.code}: {err}"
        if "path" in want:
            assert err.path == want["path"]
        area_class = AREA_CLASSES.get(want["code"].split(".")[0], sec.SecretariatError)
        assert isinstance(err, area_class)
        assert err.issues and err.issues[0].code == err.code
    else:
        matches(case["expected"], jsonable(run(case, form)))


def test_every_vector_file_is_read() -> None:
    # Every operation of today's vectors is bound; a case of an operation added later is
    # skipped with its name (pytest -ra lists them) until the binding learns it.
    assert len(CASES) >= 229
    bound = [c for _, c in CASES if c["operation"] in OPERATIONS]
    assert len(bound) >= 229

"""The form checks (secretariat::forms) from Python: every issue at once, messages in a
language, money as Decimal (a float refused as `form.amount_as_number`), typed records, and
errors raised only for wrong arguments. The shared vectors (test_vectors.py) cover each
rule; these cover the Python surface."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any

import pytest

import secretariat as sec

TODAY = datetime.date(2002, 10, 14)


@pytest.fixture(scope="module")
def context() -> sec.TermData:
    return sec.TermData.sample()


def leave_form(**overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "member": "2002012",
        "event": "regular-meeting-2002-10-16",
        "reason": "Mid-term exam 期中考试",
        "substitute": "2002013",
        "approver": "2000002",
        "requested_at": datetime.datetime(2002, 10, 14, 9, 0),
    }
    form.update(overrides)
    return form


def expense_form(**overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "date": datetime.date(2002, 10, 20),
        "activity": "challenge-cup-2002",
        "category": "training_materials",
        "amount": Decimal("30.00"),
        "approver": "2000002",
        "receipt": "CC-2002-009",
    }
    form.update(overrides)
    return form


def test_an_accepted_leave_request_is_a_leave_request(context: sec.TermData) -> None:
    result = sec.check_leave_request(leave_form(), context=context, today=TODAY)
    assert result["success"] is True
    assert result["data"]["member"] == "2002012"
    assert result["data"]["requested_at"] == datetime.datetime(2002, 10, 14, 9, 0)
    assert "issues" not in result and result["warnings"] == []
    # The record goes back in as the request it is.
    register, _ = context.register()
    assert register.check_leave(result["data"]) == []


def test_an_empty_form_names_every_problem_at_once(context: sec.TermData) -> None:
    result = sec.check_leave_request({}, context=context, today=TODAY)
    assert result["success"] is False and "data" not in result
    assert [(i["code"], i["path"]) for i in result["issues"]] == [
        ("form.required", ["member"]),
        ("form.required", ["event"]),
        ("form.required", ["approver"]),
        ("form.required", ["requested_at"]),
        ("leave.no_reason", ["reason"]),
        ("leave.no_substitute", ["substitute"]),
    ]
    assert all(set(i) == {"code", "path", "message", "params"} for i in result["issues"])


def test_several_domain_issues_together_in_chinese(context: sec.TermData) -> None:
    form = leave_form(substitute=None, approver="2002012")
    result = sec.check_leave_request(form, context=context, today=TODAY, locale="zh-Hans")
    issues = result["issues"]
    assert [i["code"] for i in issues] == ["leave.no_substitute", "leave.self_approval"]
    assert issues[0]["message"] == "未安排替班人：请假须安排他人代为负责"
    assert issues[1]["params"] == {"member": "2002012"}
    # The same codes and paths in English.
    english = sec.check_leave_request(form, context=context, today=TODAY)["issues"]
    assert english[0]["message"].isascii()
    assert [(i["code"], i["path"]) for i in english] == [(i["code"], i["path"]) for i in issues]


def test_the_same_issues_in_traditional_chinese(context: sec.TermData) -> None:
    form = leave_form(substitute=None, approver="2002012")
    for locale in ("zh-Hant", "zh-TW", "zh-HK"):
        issues = sec.check_leave_request(form, context=context, today=TODAY, locale=locale)["issues"]
        assert [i["code"] for i in issues] == ["leave.no_substitute", "leave.self_approval"]
        assert issues[0]["message"] == "未安排代班人：請假須先找好代班的人"
        assert issues[1]["message"] == "2002012 不能核准自己的假單"


def test_a_float_as_money_is_refused_as_a_number_never_rounded(context: sec.TermData) -> None:
    today = datetime.date(2002, 10, 20)
    result = sec.check_expense(expense_form(amount=30.1), context=context, today=today)
    assert result["success"] is False
    (issue,) = result["issues"]
    assert (issue["code"], issue["path"]) == ("form.amount_as_number", ["amount"])
    assert issue["params"] == {"value": "30.1"}
    # An int is exact: it is money as its text is.
    result = sec.check_expense(expense_form(amount=30), context=context, today=today)
    assert result["success"] is True and result["data"]["amount"] == Decimal("30")
    plan = sec.check_activity_plan(
        {"id": "x", "budget": 250.5}, context=context, today=TODAY
    )
    assert ("form.amount_as_number", ["budget"]) in [(i["code"], i["path"]) for i in plan["issues"]]


def test_accepted_data_holds_decimal_and_date(context: sec.TermData) -> None:
    today = datetime.date(2002, 10, 20)
    for amount in (Decimal("30.00"), "30.00"):
        result = sec.check_expense(expense_form(amount=amount), context=context, today=today)
        assert result["success"], result["issues"]
        data = result["data"]
        assert data["amount"] == Decimal("30.00") and isinstance(data["amount"], Decimal)
        assert data["date"] == datetime.date(2002, 10, 20)
    application = sec.check_recruitment_application(
        {
            "id": "2002120",
            "name": "Bai Lu 白露",
            "grade": "02",
            "skills": ["computer"],
            "source": "registration",
            "registered_on": "2002-09-20",
            "score": Decimal("88.5"),
        },
        context=context,
        today=TODAY,
    )
    assert application["success"], application["issues"]
    assert application["data"]["grade"] == 2002
    assert application["data"]["score"] == Decimal("88.5")
    assert application["data"]["registered_on"] == datetime.date(2002, 9, 20)


def test_board_plan_gives_a_verdict_and_warnings(context: sec.TermData) -> None:
    early = sec.check_board_plan(
        {"issue_date": datetime.date(2002, 10, 20), "submitted_on": "2002-10-01"},
        context=context,
        today=TODAY,
    )
    assert early["success"]
    assert early["data"]["outcome"] == "early"
    assert early["data"]["rule"]["key"] == "schedule.lead_times.board_plan"
    assert [(w["code"], w["path"]) for w in early["warnings"]] == [
        ("activity.submitted_early", ["issue_date"])
    ]


def test_what_a_form_or_context_holds_never_raises(context: sec.TermData) -> None:
    # A field of a type no form field has, and a context that cannot be read: issues.
    bad_field = sec.check_board_plan({"issue_date": ["2002-10-20"]}, context=context, today=TODAY)
    assert not bad_field["success"] and bad_field["issues"][0]["path"] == ["issue_date"]
    bad_context = sec.check_board_plan(
        {"issue_date": "2002-10-20"}, context={"title": 3}, today=TODAY
    )
    assert not bad_context["success"]
    assert bad_context["issues"][0]["path"][0] == "context"
    # A dict context reads like a TermData.
    as_dict = sec.check_leave_request(leave_form(), context=context.to_dict(), today=TODAY)
    assert as_dict == sec.check_leave_request(leave_form(), context=context, today=TODAY)


def test_wrong_arguments_raise(context: sec.TermData) -> None:
    # Wrong arguments raise InputError with the argument's path, never a bare TypeError.
    with pytest.raises(sec.InputError) as caught:
        sec.check_expense(["not", "a", "dict"], context=context, today=TODAY)  # type: ignore[arg-type]
    assert caught.value.path == ["form"]
    with pytest.raises(sec.InputError) as caught:
        sec.check_expense({}, context=42, today=TODAY)  # type: ignore[arg-type]
    assert caught.value.path == ["context"]
    with pytest.raises(sec.InputError) as caught:
        sec.check_expense({}, context=context, today=TODAY, locale="fr")  # type: ignore[arg-type]
    assert caught.value.path == ["locale"]
    # A date may be ISO text, as in the form itself.
    assert sec.check_expense({}, context=context, today="2002-10-14") == sec.check_expense(
        {}, context=context, today=TODAY
    )


def test_page_computations(context: sec.TermData) -> None:
    standing = sec.member_standing("2002013", context=context, today=TODAY)
    assert standing["status"] == "expelled" and standing["member"] == "2002013"
    party = sec.event_countdown("welcome-party-2002", context=context, today=TODAY)
    assert party["id"] == "welcome-party-2002"
    assert party["countdown"]["days_to_event"] == 12
    remaining = sec.budget_remaining(
        context=context, today=datetime.date(2002, 12, 2), activity="challenge-cup-2002"
    )
    assert remaining["cap"]["remaining"] == Decimal("320.00")
    assert remaining["activity"]["remaining"] == Decimal("14.50")
    with pytest.raises(sec.MemberError) as caught:
        sec.member_standing("2002999", context=context, today=TODAY)
    assert (caught.value.code, caught.value.path) == ("member.unknown", ["member"])
    with pytest.raises(sec.ActivityError):
        sec.event_countdown("sports-day", context=context, today=TODAY)
    with pytest.raises(sec.BudgetError):
        sec.budget_remaining(context=context, today=TODAY, activity="innovation-competition-2003")


def test_a_result_is_plain_data(context: sec.TermData) -> None:
    result = sec.check_leave_request({}, context=context, today=TODAY)
    # Plain dicts and lists: they pickle, and a copy is a copy.
    assert pickle.loads(pickle.dumps(result)) == result
    copy = {**result, "success": True}
    assert result["success"] is False and copy != result


def test_the_binding_readme_form_example_runs() -> None:
    import re

    from conftest import BINDING

    text = (BINDING / "README.md").read_text(encoding="utf-8")
    start = text.index("## Form checks")
    end = text.find("\n## ", start + 1)
    blocks = re.findall(r"```python\n(.*?)```", text[start:end], flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "bindings-python/README.md", "exec"), {"__name__": "readme"})

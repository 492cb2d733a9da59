"""Typed use of the generated shapes, checked with ``mypy --strict`` (tests/test_stubs.py) and
run by pytest: results are read through their TypedDicts, inputs are written as them, and a
misspelt key or a wrong type is an error mypy reports (each ``type: ignore`` below must be
needed: ``--strict`` warns about an unused one)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import secretariat as sec
from secretariat.shapes import (
    ExpenseInput,
    FormResultExpense,
    LedgerOperation,
    Standing,
    StandingStatus,
    TermReport,
)


def expelled(report: TermReport) -> list[str]:
    """The members a report expels, read through the result's TypedDict."""
    out: list[str] = []
    for standing in report["standings"]:
        status: StandingStatus = standing["status"]
        if status == "expelled":
            out.append(standing["member"])
    return out


def amount_checked(result: FormResultExpense) -> Decimal | None:
    """The amount of an accepted expense form (the union narrows on ``success``)."""
    if result["success"]:
        return result["data"]["amount"]
    return None


def run() -> tuple[list[str], Decimal | None, LedgerOperation]:
    term = sec.TermData.sample()
    report = sec.term_report(term, today=datetime.date(2002, 10, 14))
    first: Standing = report["standings"][0]
    day: datetime.date = first["window"]["start"]
    assert day <= report["today"]
    expense: ExpenseInput = {
        "date": datetime.date(2002, 10, 20),
        "activity": "challenge-cup-2002",
        "category": "training_materials",
        "amount": Decimal("30.00"),
        "approver": "2000002",
    }
    operation: LedgerOperation = {"expense": expense}
    result = sec.check_expense(
        {"date": "2002-10-20", "activity": "challenge-cup-2002",
         "category": "training_materials", "amount": Decimal("30.00"),
         "approver": "2000002", "receipt": "CC-2002-009"},
        context=term, today=datetime.date(2002, 10, 20),
    )
    return expelled(report), amount_checked(result), operation


def mistakes(report: TermReport) -> None:
    """What mypy refuses: never run."""
    report["standing"]  # type: ignore[typeddict-item]
    wrong: ExpenseInput = {"date": "2002-10-20", "activity": "a", "category": "c", "amount": 1.5, "approver": "x"}  # type: ignore[typeddict-item]  # noqa: E501
    status: StandingStatus = "expeled"  # type: ignore[assignment]
    del wrong, status

"""Corrections by reversal, cash counts and the journal as JSON Lines, through the binding."""

from __future__ import annotations

import datetime
from decimal import Decimal as Dec

import pytest

import secretariat as sec

D = datetime.date
YEAR = (D(2002, 9, 1), D(2003, 7, 31))
MEMBERS = sec.TermData.sample()["members"]


def filled() -> sec.BudgetLedger:
    ledger = sec.BudgetLedger("2002-2003", YEAR, members=MEMBERS)
    ledger.reserve(date=D(2002, 9, 16), activity="cup", title="Challenge Cup", line="challenge_cup",
                   amount=Dec("180"), approver="2000002", department="Science and Technology",
                   project_leader="2001005")
    ledger.record_expense(date=D(2002, 10, 8), activity="cup", category="training_materials",
                          amount=Dec("85.00"), approver="2000002", receipt="R-1")
    return ledger


def test_a_wrong_expense_is_reversed_and_counted() -> None:
    ledger = filled()
    posting = ledger.apply({"reverse": {"date": D(2002, 10, 9), "entry": 2, "approver": "2000002",
                                        "reason": "typed 85.00 for 58.00"}})
    assert (posting["seq"], posting["kind"], posting["amount"]) == (3, "reversal", Dec("85.00"))
    assert ledger.entries[2]["reverses"] == 2
    assert ledger.balance_on("cup", D(2002, 10, 8)) == Dec("95.00")
    assert ledger.balance_on("cup", "2002-10-09") == Dec("180.00")
    assert ledger.balance_on("none", D(2002, 10, 9)) is None
    with pytest.raises(sec.BudgetError) as caught:
        ledger.apply({"reverse": {"date": D(2002, 10, 9), "entry": 2, "approver": "2000002",
                                  "reason": "again"}})
    assert (caught.value.code, caught.value.path) == ("budget.already_reversed", ["reverse", "entry"])
    with pytest.raises(sec.BudgetError) as caught:
        ledger.apply({"assert_balance": {"date": D(2002, 10, 9), "activity": "cup",
                                         "balance": Dec("170.00"), "approver": "2000002"}})
    assert caught.value.code == "budget.balance_mismatch"
    assert caught.value.params["difference"] == "-10.00"
    assert "差额" in caught.value.messages["zh-Hans"] and "差額" in caught.value.messages["zh-Hant"]
    assert len(ledger.entries) == 3


def test_the_journal_round_trips_through_json_lines() -> None:
    ledger = filled()
    text = ledger.to_json_lines()
    assert len(text.splitlines()) == 3
    back = sec.BudgetLedger.from_json_lines(text, members=MEMBERS)
    assert back.to_dict() == ledger.to_dict()
    assert back.to_json_lines() == text
    with pytest.raises(sec.BudgetError) as caught:
        sec.BudgetLedger.from_json_lines(text.replace('"85.00"', '"185.00"'), members=MEMBERS)
    assert (caught.value.code, caught.value.path) == ("budget.inconsistent_ledger", ["entries", 1])

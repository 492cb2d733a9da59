//! Corrections by reversal, cash counts, and the journal as JSON Lines: the examples and
//! the properties (a reversal undoes its entry; any accepted history, corrections included,
//! replays from its JSON Lines to an identical ledger; a refused operation changes nothing).

use proptest::prelude::*;

use super::tests::{
    Op, arb_op, check_invariants, code_path, d, ledger, property_rulebook, roster, to_operation,
    yuan,
};
use super::*;
use crate::diagnostic::Diagnostic;
use crate::ids::ActivityId;
use crate::members::Roster;
use crate::rulebook::Rulebook;

/// An operation of the property runs: the ledger's own, a reversal of an entry (by its
/// place among the entries so far, modulo their number), or a cash count off by some fen
/// (mostly none).
#[derive(Debug, Clone)]
enum Step {
    Op(Op),
    Reverse(usize, usize),
    Count(usize, i64),
}

fn arb_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => arb_op().prop_map(Step::Op),
        2 => (any::<usize>(), 0..3usize).prop_map(|(k, a)| Step::Reverse(k, a)),
        1 => (0..4usize, prop_oneof![3 => Just(0i64), 1 => -300i64..300])
            .prop_map(|(a, off)| Step::Count(a, off)),
    ]
}

/// The president (no amount limit), a department head of Science and Technology, and the
/// project leader every settlement of the property runs is made by.
const CORRECTORS: [&str; 3] = ["2000001", "2000002", "2001005"];
const ACTIVITIES: [&str; 4] = ["a", "b", "c", "d"];

/// The ledger's own operations of the budget properties, with settlements by the president
/// (who may close any account), so that settlements are accepted and reversed too.
fn own_operation(op: &Op, day: u32) -> LedgerOperation {
    match to_operation(op, day) {
        LedgerOperation::Settle(s) => LedgerOperation::Settle(Settlement {
            approver: "2000001".into(),
            ..s
        }),
        other => other,
    }
}

fn to_step(ledger: &BudgetLedger, step: &Step, day: u32) -> LedgerOperation {
    let date = d(2002, 9, 1) + chrono::Days::new(u64::from(day));
    match *step {
        Step::Op(ref op) => own_operation(op, day),
        Step::Reverse(k, a) => {
            let n = ledger.entries().len().max(1);
            LedgerOperation::Reverse(Reversal {
                date,
                entry: u32::try_from(k % n + 1).unwrap(),
                approver: CORRECTORS[a].into(),
                reason: "corrected".into(),
            })
        }
        Step::Count(a, off) => {
            let activity: ActivityId = ACTIVITIES[a].into();
            let balance = ledger.balance_on(&activity, date).unwrap_or_default();
            LedgerOperation::AssertBalance(BalanceAssertion {
                date,
                activity,
                balance: (balance + Decimal::new(off, 2)).max(Decimal::ZERO),
                approver: "2000001".into(),
                note: String::new(),
            })
        }
    }
}

fn reserved_cup(rb: &Rulebook, roster: &Roster) -> BudgetLedger {
    let mut l = ledger();
    l.reserve(
        rb,
        roster,
        &super::tests::reservation("cup", "challenge_cup", "180"),
    )
    .unwrap();
    l
}

#[test]
fn a_wrong_expense_is_reversed_and_the_journal_keeps_both() {
    let rb = Rulebook::default();
    let roster = roster();
    let mut l = reserved_cup(&rb, &roster);
    let mut wrong = super::tests::expense("cup", "training_materials", "85.00", "2000002");
    wrong.date = d(2002, 10, 8);
    l.record_expense(&rb, &roster, &wrong).unwrap();
    let fix = Reversal {
        date: d(2002, 10, 9),
        entry: 2,
        approver: "2000002".into(),
        reason: "typed 85.00 for 58.00".into(),
    };
    let p = l.reverse(&rb, &roster, &fix).unwrap();
    assert_eq!(
        (p.seq, p.kind, p.amount),
        (3, EntryKind::Reversal, yuan("85.00"))
    );
    let account = &l.report(&rb).accounts[0];
    assert_eq!(
        (account.spent, account.reserved),
        (yuan("0.00"), yuan("180.00"))
    );
    // The count on the day of the wrong expense still sees it; the day after, not.
    let cup: ActivityId = "cup".into();
    assert_eq!(l.balance_on(&cup, d(2002, 10, 8)), Some(yuan("95.00")));
    assert_eq!(l.balance_on(&cup, d(2002, 10, 9)), Some(yuan("180.00")));
    assert_eq!(l.balance_on(&"nope".into(), d(2002, 10, 9)), None);
    // Refusals, each leaving the ledger as it was.
    let before = serde_json::to_string(&l).unwrap();
    let refused =
        |l: &mut BudgetLedger, r: Reversal| code_path(&l.reverse(&rb, &roster, &r).unwrap_err());
    assert_eq!(
        refused(&mut l, fix.clone()),
        ("budget.already_reversed", "entry".into())
    );
    assert_eq!(
        refused(
            &mut l,
            Reversal {
                entry: 3,
                ..fix.clone()
            }
        ),
        ("budget.not_reversible", "entry".into())
    );
    assert_eq!(
        refused(
            &mut l,
            Reversal {
                entry: 0,
                ..fix.clone()
            }
        ),
        ("budget.unknown_entry", "entry".into())
    );
    assert_eq!(
        refused(
            &mut l,
            Reversal {
                entry: 1,
                approver: "2002011".into(),
                ..fix.clone()
            }
        ),
        ("authority.not_permitted", "approver".into())
    );
    assert_eq!(serde_json::to_string(&l).unwrap(), before);
}

#[test]
fn the_journal_reads_back_from_json_lines_and_refuses_what_no_one_could_have_written() {
    let rb = Rulebook::default();
    let roster = roster();
    let mut l = reserved_cup(&rb, &roster);
    l.record_expense(
        &rb,
        &roster,
        &super::tests::expense("cup", "training_materials", "45.50", "2000002"),
    )
    .unwrap();
    l.reverse(
        &rb,
        &roster,
        &Reversal {
            date: d(2002, 10, 13),
            entry: 2,
            approver: "2000002".into(),
            reason: "wrong receipt".into(),
        },
    )
    .unwrap();
    let text = l.to_json_lines();
    assert_eq!(text.lines().count(), 4);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with(r#"{"year":"2002-2003""#)
    );
    assert_eq!(BudgetLedger::from_json_lines(&text).unwrap(), l);
    // A blank line is skipped.
    assert_eq!(
        BudgetLedger::from_json_lines(&text.replace('\n', "\n\n")).unwrap(),
        l
    );

    let lines: Vec<&str> = text.lines().collect();
    let with = |i: usize, line: &str| {
        let mut l = lines.clone();
        l[i] = line;
        l.join("\n")
    };
    // The same reversal twice is no journal anyone could have written.
    let twice = format!("{text}{}", lines[3].replace(r#""seq":3"#, r#""seq":4"#));
    let err = BudgetLedger::from_json_lines(&twice).unwrap_err();
    assert_eq!(
        code_path(&err),
        ("budget.already_reversed", "entries[3].reverses".into())
    );
    // A reversal that moves another amount than its entry's.
    let err =
        BudgetLedger::from_json_lines(&with(3, &lines[3].replace("45.50", "40.00"))).unwrap_err();
    assert_eq!(
        code_path(&err),
        ("budget.inconsistent_ledger", "entries[2]".into())
    );
    // A line that is no entry is refused at its place in the file.
    let err = BudgetLedger::from_json_lines(&with(2, &lines[2].replace(r#""45.50""#, "45.5")))
        .unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    assert!(err.path().starts_with("[2]"), "{}", err.path());
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any history, corrections and counts included: every limit holds, a refused
    /// operation changes nothing, and the JSON Lines replay to an identical ledger.
    #[test]
    fn corrected_histories_keep_their_limits_and_replay_identically(
        steps in proptest::collection::vec(arb_step(), 1..60)
    ) {
        let rb = property_rulebook();
        let roster = roster();
        let mut l = ledger();
        for (day, step) in steps.iter().enumerate() {
            let operation = to_step(&l, step, u32::try_from(day).unwrap());
            let before = serde_json::to_string(&l).unwrap();
            match l.apply(&rb, &roster, &operation) {
                Ok(posting) => prop_assert_eq!(posting.amount.scale(), 2),
                Err(_) => prop_assert_eq!(serde_json::to_string(&l).unwrap(), before),
            }
            check_invariants(&rb, &l);
        }
        let back = BudgetLedger::from_json_lines(&l.to_json_lines());
        prop_assert_eq!(back.as_ref(), Ok(&l));
        let json = serde_json::to_string(&l).unwrap();
        prop_assert_eq!(serde_json::from_str::<BudgetLedger>(&json).unwrap(), l);
    }

    /// Reversing an accepted entry at once gives back the report of the ledger before it
    /// (an allocation, an expense or a settlement alike), except for the journal itself.
    #[test]
    fn a_reversal_undoes_its_entry(ops in proptest::collection::vec(arb_op(), 1..40)) {
        let rb = property_rulebook();
        let roster = roster();
        let mut l = ledger();
        for (day, op) in ops.iter().enumerate() {
            let day = u32::try_from(day).unwrap();
            let before = l.report(&rb);
            let Ok(posting) = l.apply(&rb, &roster, &own_operation(op, day)) else {
                continue;
            };
            if posting.seq == 1 || matches!(op, Op::Reserve(..)) {
                continue; // the opening allocation: its account stays, with nothing in it
            }
            let date = d(2002, 9, 1) + chrono::Days::new(u64::from(day));
            let undo = CORRECTORS.iter().find_map(|who| {
                l.check(&rb, &roster, &LedgerOperation::Reverse(Reversal {
                    date,
                    entry: posting.seq,
                    approver: (*who).into(),
                    reason: "undo".into(),
                }))
                .ok()
                .map(|_| *who)
            });
            let Some(who) = undo else {
                prop_assert!(false, "nobody may reverse {:?}", posting);
                continue;
            };
            l.reverse(&rb, &roster, &Reversal {
                date,
                entry: posting.seq,
                approver: who.into(),
                reason: "undo".into(),
            }).unwrap();
            prop_assert_eq!(l.report(&rb), before);
            check_invariants(&rb, &l);
        }
    }
}

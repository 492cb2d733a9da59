use std::str::FromStr;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::calendar::DateRange;
use crate::diagnostic::{Diagnostic, Locale};
use crate::error::Error;
use crate::members::{Department, Grade, Member, MemberStatus, Role, Roster};
use crate::report::TermData;
use crate::rulebook::Rulebook;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn yuan(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The sample term's members, an advisor and an expelled department head.
pub(super) fn roster() -> Roster {
    let mut members = TermData::sample().members;
    let extra = |id: &str, role: Role, status: MemberStatus| Member {
        id: id.into(),
        name: format!("Member {id}"),
        grade: Grade::parse("00").unwrap(),
        department: Department("Science and Technology".into()),
        role,
        skills: vec![],
        status,
    };
    members.push(extra("t001", Role::Advisor, MemberStatus::Active));
    members.push(extra(
        "2000099",
        Role::DepartmentHead,
        MemberStatus::Expelled,
    ));
    Roster::new(members).unwrap()
}

pub(super) fn ledger() -> BudgetLedger {
    BudgetLedger::new("2002-2003", DateRange::new(d(2002, 9, 1), d(2003, 7, 31)))
}

fn st() -> Option<Department> {
    Some(Department("Science and Technology".into()))
}

pub(super) fn reservation(activity: &str, line: &str, amount: &str) -> Reservation {
    Reservation {
        date: d(2002, 9, 16),
        activity: activity.into(),
        title: activity.into(),
        line: line.into(),
        department: st(),
        project_leader: Some("2001005".into()),
        amount: yuan(amount),
        approver: "2000002".into(),
        note: String::new(),
    }
}

pub(super) fn expense(activity: &str, category: &str, amount: &str, approver: &str) -> Expense {
    Expense {
        date: d(2002, 10, 12),
        activity: activity.into(),
        category: category.into(),
        amount: yuan(amount),
        approver: approver.into(),
        receipt: "R-1".into(),
        note: String::new(),
    }
}

pub(super) fn code_path(e: &Error) -> (&'static str, String) {
    (e.code(), e.path().to_owned())
}

#[test]
fn the_seed_numbers_are_the_default() {
    let rb = Rulebook::default();
    let b = &rb.budget;
    assert_eq!((b.annual_min, b.annual_cap), (yuan("400"), yuan("500")));
    assert_eq!(b.article, "seed 000, plan item 8");
    let range = |id: &str| {
        let l = b.line(id).unwrap();
        (l.min, l.max, l.within_cap)
    };
    assert_eq!(range("welcome_party"), (yuan("0"), yuan("0"), true));
    assert_eq!(range("challenge_cup"), (yuan("150"), yuan("200"), true));
    assert_eq!(
        range("innovation_competition"),
        (yuan("200"), yuan("300"), true)
    );
    assert_eq!(
        b.line("challenge_cup").unwrap().categories,
        ["training_materials", "expert_training"]
    );
    assert_eq!(
        b.line("innovation_competition").unwrap().categories,
        ["prizes"]
    );
    // The three lines together are the seed's estimate for the year: 350 to 500.
    let sum = |f: fn(&BudgetLine) -> Decimal| b.lines.values().map(f).sum::<Decimal>();
    assert_eq!((sum(|l| l.min), sum(|l| l.max)), (yuan("350"), yuan("500")));
    assert_eq!(b.warning_percent, 90);
    assert_eq!(b.approval_limit(Role::DepartmentHead), Some(yuan("100")));
    assert_eq!(b.approval_limit(Role::President), None);
    // Amounts are strings in the rulebook, with their two places.
    let json = rb.to_json_string();
    assert!(json.contains(r#""annual_cap": "500.00""#), "{json}");
}

#[test]
fn the_welcome_party_needs_no_special_funds() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    let posting = ledger
        .reserve(&rb, &roster, &reservation("party", "welcome_party", "0"))
        .unwrap();
    assert_eq!(posting.amount.to_string(), "0.00");
    assert!(posting.warnings.is_empty());
    let err = ledger
        .record_expense(
            &rb,
            &roster,
            &expense("party", "printing", "5.00", "2000002"),
        )
        .unwrap_err();
    assert_eq!(
        code_path(&err),
        ("budget.over_activity_max", "amount".into())
    );
    let err = ledger
        .reserve(
            &rb,
            &roster,
            &reservation("party2", "welcome_party", "0.01"),
        )
        .unwrap_err();
    assert_eq!(code_path(&err), ("budget.over_line_max", "amount".into()));
}

#[test]
fn the_challenge_cup_spends_within_its_range_with_a_warning_near_it() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    let err = ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "200.01"))
        .unwrap_err();
    assert_eq!(err.code(), "budget.over_line_max");
    let below = ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "120"))
        .unwrap();
    assert_eq!(below.warnings[0].code(), "budget.below_line_range");
    assert_eq!(below.checks[0].rule.key, "budget.lines.challenge_cup");
    assert_eq!(
        below.checks[0].rule.article,
        "seed 000, Challenge Cup capital budget"
    );
    let top_up = Allocation {
        date: d(2002, 10, 1),
        activity: "cup".into(),
        amount: yuan("60"),
        approver: "2000001".into(),
        note: String::new(),
    };
    ledger.allocate(&rb, &roster, &top_up).unwrap();
    let err = ledger.allocate(&rb, &roster, &top_up).unwrap_err();
    assert_eq!(code_path(&err), ("budget.over_line_max", "amount".into()));

    let books = expense("cup", "training_materials", "45.50", "2000002");
    let p = ledger.record_expense(&rb, &roster, &books).unwrap();
    assert!(p.warnings.is_empty());
    assert_eq!(p.approved_as, Some(Role::DepartmentHead));
    let experts = expense("cup", "expert_training", "120.00", "2000001");
    let p = ledger.record_expense(&rb, &roster, &experts).unwrap();
    // 165.50 of 180.00 is 91.9%: at or above 90%.
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].code(), "budget.near_activity_max");
    assert_eq!(p.warnings[0].params()["spent"], "165.50");
    let err = ledger
        .record_expense(
            &rb,
            &roster,
            &expense("cup", "expert_training", "14.51", "2000001"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "budget.over_activity_max");
    assert_eq!(err.params()["spent_after"], "180.01");
    ledger
        .record_expense(
            &rb,
            &roster,
            &expense("cup", "expert_training", "14.50", "2000001"),
        )
        .unwrap();
    let report = ledger.report(&rb);
    let cup = &report.accounts[0];
    assert_eq!(
        (cup.spent, cup.remaining, cup.reserved),
        (yuan("180"), yuan("0"), yuan("0"))
    );
    assert_eq!(cup.utilisation, Some(yuan("100.0")));
}

#[test]
fn the_annual_cap_holds_at_its_limit_and_not_beyond() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "200"))
        .unwrap();
    let p = ledger
        .reserve(
            &rb,
            &roster,
            &reservation("prizes", "innovation_competition", "300"),
        )
        .unwrap();
    assert_eq!(ledger.committed_within_cap(), yuan("500"));
    assert_eq!(p.warnings[0].code(), "budget.near_annual_cap");
    let cap_check = p
        .checks
        .iter()
        .find(|c| c.kind == LimitKind::AnnualCap)
        .unwrap();
    assert_eq!(
        (cap_check.rule.key.as_str(), cap_check.used),
        ("budget.annual_cap", yuan("500"))
    );
    let err = ledger
        .reserve(&rb, &roster, &reservation("party", "welcome_party", "0"))
        .map(|_| ())
        .and_then(|()| ledger.reserve(&rb, &roster, &reservation("third", "challenge_cup", "150")))
        .unwrap_err();
    assert_eq!(code_path(&err), ("budget.over_annual_cap", "amount".into()));
    assert_eq!(err.params()["committed_after"], "650.00");

    // Settling releases the unspent reserve back to the year.
    ledger
        .record_expense(
            &rb,
            &roster,
            &expense("cup", "training_materials", "50", "2000002"),
        )
        .unwrap();
    let settle = Settlement {
        date: d(2002, 12, 1),
        activity: "cup".into(),
        approver: "2001005".into(),
        note: String::new(),
    };
    let p = ledger.settle(&rb, &roster, &settle).unwrap();
    assert_eq!((p.kind, p.amount), (EntryKind::Settlement, yuan("150")));
    assert_eq!(ledger.committed_within_cap(), yuan("350"));
    let err = ledger.settle(&rb, &roster, &settle).unwrap_err();
    assert_eq!(
        code_path(&err),
        ("budget.account_settled", "activity".into())
    );
    let err = ledger
        .record_expense(
            &rb,
            &roster,
            &expense("cup", "training_materials", "1", "2000002"),
        )
        .unwrap_err();
    assert_eq!(err.code(), "budget.account_settled");
    ledger
        .reserve(&rb, &roster, &reservation("third", "challenge_cup", "150"))
        .unwrap();
}

#[test]
fn large_scale_events_are_outside_the_cap() {
    let rb = Rulebook::from_toml_str(
        "[budget.lines.science_festival]\ntitle = \"Science and Technology Festival\"\n\
         article = \"seed 000, plan item 8\"\nmin = \"0.00\"\nmax = \"2000.00\"\nwithin_cap = false",
    )
    .unwrap();
    let (roster, mut ledger) = (roster(), ledger());
    ledger
        .reserve(
            &rb,
            &roster,
            &reservation("festival", "science_festival", "1500"),
        )
        .unwrap();
    assert_eq!(ledger.committed_within_cap(), Decimal::ZERO);
    ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "200"))
        .unwrap();
    let report = ledger.report(&rb);
    assert_eq!(report.total.approved, yuan("1700"));
    assert_eq!(report.cap.committed, yuan("200"));
    assert_eq!(report.cap.remaining, yuan("300"));
    assert!(report.render(Locale::En).contains("outside cap"));
}

#[test]
fn every_refusal_has_its_code_and_path() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "180"))
        .unwrap();
    let before = serde_json::to_string(&ledger).unwrap();
    let ok = expense("cup", "training_materials", "10", "2000002");
    let cases: Vec<(Expense, &str, &str)> = vec![
        (
            Expense {
                amount: yuan("0"),
                ..ok.clone()
            },
            "budget.non_positive_amount",
            "amount",
        ),
        (
            Expense {
                amount: yuan("-3"),
                ..ok.clone()
            },
            "budget.non_positive_amount",
            "amount",
        ),
        (
            Expense {
                amount: yuan("1.005"),
                ..ok.clone()
            },
            "budget.too_many_decimals",
            "amount",
        ),
        (
            Expense {
                date: d(2003, 8, 1),
                ..ok.clone()
            },
            "budget.outside_year",
            "date",
        ),
        (
            Expense {
                date: d(2002, 9, 15),
                ..ok.clone()
            },
            "budget.before_reservation",
            "date",
        ),
        (
            Expense {
                activity: "nope".into(),
                ..ok.clone()
            },
            "budget.unknown_activity",
            "activity",
        ),
        (
            Expense {
                category: "pizza".into(),
                ..ok.clone()
            },
            "budget.unknown_category",
            "category",
        ),
        (
            Expense {
                receipt: " ".into(),
                ..ok.clone()
            },
            "budget.missing_receipt",
            "receipt",
        ),
        (
            Expense {
                approver: "nobody".into(),
                ..ok.clone()
            },
            "member.unknown",
            "approver",
        ),
        // An officer may not approve expenses at all.
        (
            Expense {
                approver: "2001002".into(),
                ..ok.clone()
            },
            "authority.not_permitted",
            "approver",
        ),
        // The Secretariat's head is not a head of Science and Technology.
        (
            Expense {
                approver: "2001001".into(),
                ..ok.clone()
            },
            "authority.not_permitted",
            "approver",
        ),
        // An expelled head holds no authority.
        (
            Expense {
                approver: "2000099".into(),
                ..ok.clone()
            },
            "authority.not_permitted",
            "approver",
        ),
        // The advisor approves plans, not expenses.
        (
            Expense {
                approver: "t001".into(),
                ..ok.clone()
            },
            "authority.not_permitted",
            "approver",
        ),
        // A department head approves up to 100.00.
        (
            Expense {
                amount: yuan("100.01"),
                category: "expert_training".into(),
                ..ok.clone()
            },
            "authority.not_permitted",
            "approver",
        ),
        (
            Expense {
                amount: yuan("79228162514264337593543950335"),
                approver: "1999001".into(),
                ..ok.clone()
            },
            "budget.over_activity_max",
            "amount",
        ),
    ];
    for (e, code, path) in cases {
        let err = ledger.record_expense(&rb, &roster, &e).unwrap_err();
        assert_eq!(code_path(&err), (code, path.to_owned()), "{e:?}");
        assert_ne!(err.message(Locale::En), err.message(Locale::ZhHans));
        assert_eq!(serde_json::to_string(&ledger).unwrap(), before);
    }
    // The refusal for an amount names the roles that may approve it.
    let err = ledger
        .record_expense(
            &rb,
            &roster,
            &Expense {
                amount: yuan("150"),
                ..ok.clone()
            },
        )
        .unwrap_err();
    assert_eq!(err.params()["allowed"], "president, vice_president");
    // 150.000 is 150.00: trailing zeros are not decimals.
    let p = ledger
        .record_expense(
            &rb,
            &roster,
            &Expense {
                amount: yuan("10.000"),
                ..ok
            },
        )
        .unwrap();
    assert_eq!(serde_json::to_value(&p).unwrap()["amount"], "10.00");

    let bad_reservations: Vec<(Reservation, &str, &str)> = vec![
        (
            reservation("cup", "challenge_cup", "10"),
            "budget.duplicate_activity",
            "activity",
        ),
        (
            reservation("", "challenge_cup", "10"),
            "activity.invalid_id",
            "activity",
        ),
        (
            reservation("x", "gala", "10"),
            "budget.unknown_line",
            "line",
        ),
        (
            reservation("x", "challenge_cup", "-1"),
            "budget.negative_amount",
            "amount",
        ),
        (
            reservation("x", "challenge_cup", "1.234"),
            "budget.too_many_decimals",
            "amount",
        ),
        (
            Reservation {
                approver: "2001002".into(),
                ..reservation("x", "challenge_cup", "10")
            },
            "authority.not_permitted",
            "approver",
        ),
    ];
    for (r, code, path) in bad_reservations {
        let err = ledger.reserve(&rb, &roster, &r).unwrap_err();
        assert_eq!(code_path(&err), (code, path.to_owned()), "{r:?}");
    }
    // The advisor may approve a plan's reservation.
    ledger
        .reserve(
            &rb,
            &roster,
            &Reservation {
                approver: "t001".into(),
                ..reservation("x", "challenge_cup", "10")
            },
        )
        .unwrap();
}

#[test]
fn money_is_never_a_float() {
    let err = crate::input::from_json_str::<Expense>(
        r#"{"date": "2002-10-12", "activity": "cup", "category": "prizes", "amount": 45.5,
            "approver": "2000002", "receipt": "R"}"#,
    )
    .unwrap_err();
    assert_eq!((err.code(), err.path()), ("input.invalid", "amount"));
    let err = Rulebook::from_toml_str("[budget]\nannual_cap = 500").unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("rulebook.invalid_type", "budget.annual_cap")
    );
}

#[test]
fn rulebook_budget_values_are_checked() {
    let cases = [
        (
            "[budget]\nwarning_percent = 0",
            "rulebook.out_of_range",
            "budget.warning_percent",
        ),
        (
            "[budget]\nannual_cap = \"300.00\"",
            "rulebook.inconsistent",
            "budget.annual_cap",
        ),
        (
            "[budget]\nannual_min = \"1.001\"",
            "rulebook.inconsistent",
            "budget.annual_min",
        ),
        (
            "[budget]\nannual_cap = \"-1\"",
            "rulebook.inconsistent",
            "budget.annual_cap",
        ),
        (
            "[budget.lines.challenge_cup]\nmax = \"100.00\"",
            "rulebook.inconsistent",
            "budget.lines.challenge_cup.max",
        ),
        (
            "[budget.lines.challenge_cup]\nmax = \"600.00\"",
            "rulebook.inconsistent",
            "budget.lines.challenge_cup.max",
        ),
        (
            "[budget.lines.challenge_cup]\ncategories = [\"a b\"]",
            "rulebook.inconsistent",
            "budget.lines.challenge_cup.categories[0]",
        ),
        (
            "[budget.lines.\"bad id\"]\ntitle = \"x\"\narticle = \"\"\nmin = \"0\"\nmax = \"0\"",
            "rulebook.inconsistent",
            "budget.lines.bad id",
        ),
        (
            "[budget.lines.challenge_cup]\ncolour = 1",
            "rulebook.unknown_key",
            "budget.lines.challenge_cup.colour",
        ),
        (
            "[budget]\nexpense_approval_limits = [{role = \"president\", max = \"1\"}, {role = \"president\", max = \"2\"}]",
            "rulebook.inconsistent",
            "budget.expense_approval_limits[1].role",
        ),
        (
            "[budget]\nexpense_approval_limits = [{role = \"janitor\", max = \"1\"}]",
            "rulebook.invalid_type",
            "budget.expense_approval_limits[0].role",
        ),
        (
            "[activity]\nsummary_due_days = 400",
            "rulebook.out_of_range",
            "activity.summary_due_days",
        ),
        (
            "[activity.submission_lead_times]\nnope = \"start\"",
            "rulebook.inconsistent",
            "activity.submission_lead_times.nope",
        ),
    ];
    for (text, code, path) in cases {
        let err = Rulebook::from_toml_str(text).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}");
    }
}

#[test]
fn a_ledger_read_back_is_checked_and_equal() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    ledger
        .reserve(&rb, &roster, &reservation("cup", "challenge_cup", "180"))
        .unwrap();
    ledger
        .record_expense(
            &rb,
            &roster,
            &expense("cup", "training_materials", "45.5", "2000002"),
        )
        .unwrap();
    let json = serde_json::to_string(&ledger).unwrap();
    let back: BudgetLedger = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);

    // Spending above the approved budget cannot be read in.
    let tampered = json.replace("\"45.50\"", "\"245.50\"");
    let err = crate::input::from_json_str::<BudgetLedger>(&tampered).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    assert!(
        err.message(Locale::En)
            .contains("budget.inconsistent_ledger"),
        "{err}"
    );
    let tampered = json.replace("\"seq\":2", "\"seq\":7");
    assert!(serde_json::from_str::<BudgetLedger>(&tampered).is_err());
}

#[test]
fn the_report_renders_in_both_languages() {
    let (rb, roster, mut ledger) = (Rulebook::default(), roster(), ledger());
    ledger
        .reserve(&rb, &roster, &reservation("挑战杯", "challenge_cup", "180"))
        .unwrap_err();
    ledger
        .reserve(
            &rb,
            &roster,
            &Reservation {
                title: "Challenge Cup 挑战杯".into(),
                ..reservation("cup", "challenge_cup", "180")
            },
        )
        .unwrap();
    let report = ledger.report(&rb);
    let en = report.render(Locale::En);
    let zh = report.render(Locale::ZhHans);
    assert!(
        en.contains("Challenge Cup 挑战杯") && en.contains("150.00~200.00"),
        "{en}"
    );
    assert!(
        en.contains("budget.annual_cap (seed 000, plan item 8)"),
        "{en}"
    );
    assert!(zh.contains("年度计划") && zh.contains("预留"), "{zh}");
    // Columns line up: every row of the table is as wide in display columns up to "Spent".
    let lines: Vec<&str> = en.lines().filter(|l| l.contains("180.00")).collect();
    assert!(!lines.is_empty());
}

// ---- properties ----

#[derive(Debug, Clone)]
pub(super) enum Op {
    Reserve(usize, usize, i64, usize),
    Allocate(usize, i64, usize),
    Expense(usize, i64, usize, bool),
    Settle(usize),
}

const ACTIVITIES: [&str; 4] = ["a", "b", "c", "d"];
const LINES: [&str; 4] = [
    "challenge_cup",
    "innovation_competition",
    "welcome_party",
    "festival",
];
const APPROVERS: [&str; 5] = ["2000002", "2000001", "1999001", "2001002", "2001001"];

pub(super) fn arb_op() -> impl Strategy<Value = Op> {
    let cents = -500i64..40_000;
    prop_oneof![
        (0..4usize, 0..4usize, cents.clone(), 0..5usize)
            .prop_map(|(a, l, c, p)| Op::Reserve(a, l, c, p)),
        (0..4usize, cents.clone(), 0..5usize).prop_map(|(a, c, p)| Op::Allocate(a, c, p)),
        (0..4usize, cents, 0..5usize, any::<bool>())
            .prop_map(|(a, c, p, x)| Op::Expense(a, c, p, x)),
        (0..4usize).prop_map(Op::Settle),
    ]
}

pub(super) fn property_rulebook() -> Rulebook {
    Rulebook::from_toml_str(
        "[budget.lines.festival]\ntitle = \"Festival\"\narticle = \"test\"\nmin = \"0.00\"\n\
         max = \"250.00\"\nwithin_cap = false",
    )
    .unwrap()
}

pub(super) fn to_operation(op: &Op, day: u32) -> LedgerOperation {
    let date = d(2002, 9, 1) + chrono::Days::new(u64::from(day));
    let amount = |cents: i64| Decimal::new(cents, 2);
    let pick = |i: usize, list: &[&str]| list.get(i).copied().unwrap_or_default().to_owned();
    match *op {
        Op::Reserve(a, l, c, p) => LedgerOperation::Reserve(Reservation {
            date,
            activity: pick(a, &ACTIVITIES).as_str().into(),
            title: "t".into(),
            line: pick(l, &LINES),
            department: st(),
            project_leader: None,
            amount: amount(c),
            approver: pick(p, &APPROVERS).as_str().into(),
            note: String::new(),
        }),
        Op::Allocate(a, c, p) => LedgerOperation::Allocate(Allocation {
            date,
            activity: pick(a, &ACTIVITIES).as_str().into(),
            amount: amount(c),
            approver: pick(p, &APPROVERS).as_str().into(),
            note: String::new(),
        }),
        Op::Expense(a, c, p, training) => LedgerOperation::Expense(Expense {
            date,
            activity: pick(a, &ACTIVITIES).as_str().into(),
            category: if training {
                "training_materials"
            } else {
                "prizes"
            }
            .into(),
            amount: amount(c),
            approver: pick(p, &APPROVERS).as_str().into(),
            receipt: "R".into(),
            note: String::new(),
        }),
        Op::Settle(a) => LedgerOperation::Settle(Settlement {
            date,
            activity: pick(a, &ACTIVITIES).as_str().into(),
            approver: "2001005".into(),
            note: String::new(),
        }),
    }
}

/// Every limit holds, the cached sums equal the accounts', the report's totals equal the
/// sums of its lines to the fen.
pub(super) fn check_invariants(rb: &Rulebook, ledger: &BudgetLedger) {
    let mut committed = Decimal::ZERO;
    let mut spent_in_cap = Decimal::ZERO;
    for (_, account) in ledger.accounts() {
        let t = &account.totals;
        let line = rb.budget.line(&account.info.line).unwrap();
        assert!(t.spent <= t.approved, "{t:?}");
        assert!(t.approved <= line.max, "{t:?} {line:?}");
        assert!(t.spent >= Decimal::ZERO && t.approved >= Decimal::ZERO);
        if account.info.within_cap {
            committed += if t.settled_on.is_some() {
                t.spent
            } else {
                t.approved
            };
            spent_in_cap += t.spent;
        }
    }
    assert!(committed <= rb.budget.annual_cap);
    assert_eq!(committed, ledger.committed_within_cap());
    assert_eq!(spent_in_cap, ledger.spent_within_cap());
    let report = ledger.report(rb);
    let sum = |f: fn(&AccountReport) -> Decimal| report.accounts.iter().map(f).sum::<Decimal>();
    let t = &report.total;
    assert_eq!(t.planned_min, sum(|a| a.planned_min));
    assert_eq!(t.planned_max, sum(|a| a.planned_max));
    assert_eq!(t.approved, sum(|a| a.approved));
    assert_eq!(t.reserved, sum(|a| a.reserved));
    assert_eq!(t.spent, sum(|a| a.spent));
    assert_eq!(t.released, sum(|a| a.released));
    assert_eq!(t.remaining, sum(|a| a.remaining));
    for a in &report.accounts {
        assert_eq!(a.approved, a.spent + a.remaining);
        assert_eq!(a.remaining, a.reserved + a.released);
        assert!(a.approved.scale() == 2 && a.spent.scale() == 2, "{a:?}");
    }
    assert_eq!(
        report.cap.committed + report.cap.remaining,
        rb.budget.annual_cap
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_accepted_sequence_passes_a_limit_and_refusals_change_nothing(
        ops in proptest::collection::vec(arb_op(), 1..60)
    ) {
        let rb = property_rulebook();
        let roster = roster();
        let mut ledger = ledger();
        for (day, op) in ops.iter().enumerate() {
            let operation = to_operation(op, u32::try_from(day).unwrap());
            let before = serde_json::to_string(&ledger).unwrap();
            let checked = ledger.check(&rb, &roster, &operation);
            match ledger.apply(&rb, &roster, &operation) {
                Ok(posting) => {
                    prop_assert_eq!(Ok(posting.clone()), checked.map_err(|e| e.code()));
                    prop_assert!(posting.amount.scale() == 2);
                    for check in &posting.checks {
                        if check.kind != LimitKind::ApprovalLimit {
                            prop_assert!(check.used <= check.limit, "{:?}", check);
                        }
                    }
                }
                Err(e) => {
                    prop_assert_eq!(Some(e.code()), checked.err().map(|c| c.code()));
                    prop_assert_eq!(serde_json::to_string(&ledger).unwrap(), before);
                }
            }
            check_invariants(&rb, &ledger);
        }
        // JSON round trips are lossless, and the sums are rebuilt equal.
        let json = serde_json::to_string(&ledger).unwrap();
        let back: BudgetLedger = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &ledger);
        let report = ledger.report(&rb);
        let report_json = serde_json::to_string(&report).unwrap();
        prop_assert_eq!(serde_json::from_str::<BudgetReport>(&report_json).unwrap(), report);
    }

    #[test]
    fn amounts_are_checked_to_the_fen(cents in any::<i64>(), scale in 0u32..6) {
        let amount = Decimal::new(cents, scale);
        let result = check_amount(amount, false, || "amount".into());
        let normalized_scale = amount.normalize().scale();
        match result.as_ref().map_err(|e| e.kind()) {
            Ok(&a) => {
                prop_assert!(amount > Decimal::ZERO && normalized_scale <= 2);
                prop_assert_eq!(a, amount);
                prop_assert_eq!(a.scale(), 2);
            }
            Err(BudgetErrorKind::NonPositiveAmount { .. }) => prop_assert!(amount <= Decimal::ZERO),
            Err(BudgetErrorKind::TooManyDecimals { .. }) => prop_assert!(normalized_scale > 2),
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}

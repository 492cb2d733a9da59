//! 100,000 ledger operations with every limit check: 100 reservations, then 99,900
//! expenses spread over them (amount tiers, category, receipt, the activity's approved
//! budget, the annual cap), about one in nine of them refused.
//! Goal: the whole run in 50 ms or less on one core.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use secretariat::budget::{Expense, LedgerOperation, Reservation};
use secretariat::calendar::DateRange;
use secretariat::{BudgetLedger, Decimal, Department, Roster, Rulebook, TermData};

const ACTIVITIES: usize = 100;
const OPERATIONS: usize = 100_000;

fn rulebook() -> Rulebook {
    Rulebook::from_toml_str(
        "[budget]\nannual_cap = \"1000000000.00\"\n\
         [budget.lines.bench]\ntitle = \"Bench\"\narticle = \"bench\"\nmin = \"0.00\"\n\
         max = \"1000000.00\"\ncategories = [\"materials\", \"prizes\"]",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn operations() -> Vec<LedgerOperation> {
    let start = NaiveDate::from_ymd_opt(2002, 9, 1).unwrap_or_default();
    let department = Some(Department("Science and Technology".into()));
    let mut ops = Vec::with_capacity(OPERATIONS);
    for a in 0..ACTIVITIES {
        // Every tenth activity has a small budget and runs out: refusals.
        let cents = if a % 10 == 0 { 50_000 } else { 90_000_000 };
        ops.push(LedgerOperation::Reserve(Reservation {
            date: start,
            activity: format!("activity-{a:03}").as_str().into(),
            title: format!("Activity {a}"),
            line: "bench".into(),
            department: department.clone(),
            project_leader: Some("2001005".into()),
            amount: Decimal::new(cents, 2),
            approver: "2000002".into(),
            note: String::new(),
        }));
    }
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..OPERATIONS - ACTIVITIES {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let cents = i64::try_from(state % 15_000).unwrap_or(0) + 1;
        // A department head approves up to 100.00, a vice president any amount; one in
        // fifty is an officer, who may not approve.
        let approver = if i % 50 == 0 {
            "2001002"
        } else if cents <= 10_000 {
            "2000002"
        } else {
            "2000001"
        };
        ops.push(LedgerOperation::Expense(Expense {
            date: start + Days::new(u64::try_from(i % 300).unwrap_or(0)),
            activity: format!("activity-{:03}", (state >> 20) % ACTIVITIES as u64)
                .as_str()
                .into(),
            category: if i % 2 == 0 { "materials" } else { "prizes" }.into(),
            amount: Decimal::new(cents, 2),
            approver: approver.into(),
            receipt: format!("R-{i}"),
            note: String::new(),
        }));
    }
    ops
}

fn bench_ledger(c: &mut Criterion) {
    let rulebook = rulebook();
    let roster: Roster = TermData::sample()
        .roster()
        .unwrap_or_else(|e| panic!("{e}"));
    let period = DateRange::new(
        NaiveDate::from_ymd_opt(2002, 9, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2003, 7, 31).unwrap_or_default(),
    );
    let ops = operations();
    let run = || {
        let mut ledger = BudgetLedger::new("2002-2003", period);
        let mut refused = 0usize;
        for op in &ops {
            if ledger.apply(&rulebook, &roster, op).is_err() {
                refused += 1;
            }
        }
        (ledger, refused)
    };
    let (ledger, refused) = run();
    assert_eq!(ledger.entries().len() + refused, OPERATIONS);
    assert!(refused > 0 && refused < OPERATIONS / 5, "{refused} refused");
    assert!(ledger.committed_within_cap() <= rulebook.budget.annual_cap);

    let mut group = c.benchmark_group("budget");
    group.sample_size(20);
    group.throughput(Throughput::Elements(OPERATIONS as u64));
    // The ledger built is dropped outside the timing: the goal is the operations.
    group.bench_function("ledger_100k_operations", |b| b.iter_with_large_drop(run));
    group.bench_function("report_after_100k", |b| {
        b.iter(|| black_box(ledger.report(&rulebook).accounts.len()))
    });
    group.finish();
}

criterion_group!(benches, bench_ledger);
criterion_main!(benches);

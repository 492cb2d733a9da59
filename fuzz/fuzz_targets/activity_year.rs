//! A sequence of a year's operations (a JSON array of `{"draft"|"step"|"allocate"|"expense":
//! {...}}`) applied to the sample year's activity book and ledger: never a panic, and an
//! operation that is refused leaves both serialisations byte-identical.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use secretariat::activity::{ActivityYear, YearOperation};
use secretariat::input;

#[path = "sample.rs"]
mod sample;

fn serialised(year: &ActivityYear) -> String {
    let book = serde_json::to_string(&year.book).unwrap_or_default();
    let ledger = serde_json::to_string(&year.ledger).unwrap_or_default();
    format!("{book}\n{ledger}")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(operations) = input::from_json_str::<Vec<YearOperation>>(text) else {
        return;
    };
    let Some(f) = sample::sample() else {
        return;
    };
    let mut year = f.year.clone();
    for op in &operations {
        let before = serialised(&year);
        let done = match op {
            YearOperation::Draft(d) => year.book.draft(d.plan.clone(), d.on),
            YearOperation::Step(s) => year
                .book
                .apply(&f.rulebook, &f.roster, &mut year.ledger, s, None)
                .map(drop),
            YearOperation::Allocate(a) => year.ledger.allocate(&f.rulebook, &f.roster, a).map(drop),
            YearOperation::Expense(e) => year
                .ledger
                .record_expense(&f.rulebook, &f.roster, e)
                .map(drop),
        };
        if done.is_err() {
            assert_eq!(
                serialised(&year),
                before,
                "a refused {op:?} changed the year"
            );
        }
    }
    let _ = year.budget_report(&f.rulebook);
    let today = NaiveDate::from_ymd_opt(2003, 7, 1).unwrap_or_default();
    let _ = year.activity_report(&f.rulebook, today);
});

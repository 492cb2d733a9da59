//! A sequence of attendance operations on the sample term's register (a JSON array of
//! `{"marks": [...]}` batches and `{"leave": {...}}` requests): never a panic, and an
//! operation that is refused leaves the register exactly as it was. Standings are computed
//! after every step.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use secretariat::attendance::MarkRecord;
use secretariat::{LeaveRequest, input};

#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Operation {
    Marks(Vec<MarkRecord>),
    Leave(LeaveRequest),
}

#[path = "sample.rs"]
mod sample;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(operations) = input::from_json_str::<Vec<Operation>>(text) else {
        return;
    };
    let Some(f) = sample::sample() else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2002, 12, 1).unwrap_or_default();
    let mut register = f.register.clone();
    for op in &operations {
        let before = format!("{register:?}");
        let done = match op {
            Operation::Marks(marks) => register.record_marks(&f.rulebook.attendance, marks),
            Operation::Leave(request) => register.grant_leave(&f.rulebook, request).map(drop),
        };
        if done.is_err() {
            assert_eq!(
                format!("{register:?}"),
                before,
                "a refused operation changed the register"
            );
        }
        let _ = register.standings(&f.rulebook, &f.term.calendar, today);
    }
});

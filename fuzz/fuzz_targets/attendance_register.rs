//! A sequence of attendance operations on the sample term's register (a JSON array of
//! `{"marks": [...]}` batches and `{"leave": {...}}` requests): never a panic, and an
//! operation that is refused leaves the register exactly as it was. Standings are computed
//! after every step.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use secretariat::attendance::MarkRecord;
use secretariat::{AttendanceRegister, LeaveRequest, Rulebook, TermData, input};

#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Operation {
    Marks(Vec<MarkRecord>),
    Leave(LeaveRequest),
}

struct Fixture {
    rulebook: Rulebook,
    term: TermData,
    register: AttendanceRegister,
}

fn fixture() -> Option<&'static Fixture> {
    static FIXTURE: OnceLock<Option<Fixture>> = OnceLock::new();
    FIXTURE
        .get_or_init(|| {
            let term = TermData::sample();
            let rulebook = Rulebook::default();
            let (register, _) = term.register(&rulebook).ok()?;
            Some(Fixture {
                rulebook,
                term,
                register,
            })
        })
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(operations) = input::from_json_str::<Vec<Operation>>(text) else {
        return;
    };
    let Some(f) = fixture() else {
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

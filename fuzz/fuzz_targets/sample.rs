//! The state every stateful target starts from: the bundled sample term, the default
//! rulebook, and the sample term's year replayed up to 14 October 2002 (shared by the
//! targets with `#[path = "sample.rs"] mod sample;`; each uses the parts it needs).
#![allow(dead_code)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use secretariat::activity::ActivityYear;
use secretariat::members::Roster;
use secretariat::{AttendanceRegister, Rulebook, TermData};

/// The sample term with what is derived from it once.
pub struct Sample {
    /// The default rulebook.
    pub rulebook: Rulebook,
    /// The sample term.
    pub term: TermData,
    /// Its roster.
    pub roster: Roster,
    /// Its year of activities and money, replayed up to 14 October 2002.
    pub year: ActivityYear,
    /// Its attendance register.
    pub register: AttendanceRegister,
}

/// The sample, built on first use; `None` only if the bundled data stopped loading (the
/// core's own tests say so first).
pub fn sample() -> Option<&'static Sample> {
    static SAMPLE: OnceLock<Option<Sample>> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let term = TermData::sample();
            let rulebook = Rulebook::default();
            let roster = term.roster().ok()?;
            let today = NaiveDate::from_ymd_opt(2002, 10, 14)?;
            let year = term
                .budget_year
                .as_ref()?
                .replay(&rulebook, &roster, None, today)
                .ok()?;
            let (register, _) = term.register(&rulebook).ok()?;
            Some(Sample {
                rulebook,
                term,
                roster,
                year,
                register,
            })
        })
        .as_ref()
}

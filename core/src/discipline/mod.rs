//! Discipline as rulebook data (domain.md, "How schools differ"): a school's offences,
//! severities, conversions, counters with their own windows, points, and a ladder of named
//! sanctions, all read from the rulebook key `discipline`.
//!
//! A standing runs in five steps, and its trace lists each, citing its rulebook key:
//!
//! 1. **record → offence.** Each mark is split into parts (`late`, `left_early`, `absent`,
//!    `excused`, `present`; a `late_and_left_early` mark counts once or twice as
//!    `both_at_one_event` says) and the first matching [`OffenceRule`] names the offence.
//!    Severity is a rule too: `over_minutes = 15` on `late` listed before a plain `late`
//!    rule makes a late arrival of more than 15 minutes an offence of its own, or an absence.
//! 2. **conversion.** Inside each window, every `every` of one offence make one of another
//!    ([`Conversion`]), in order.
//! 3. **counters and points.** Each [`CounterRule`] counts some offences over its own
//!    [`DisciplineWindow`]; [`PointsRule`] takes a base, deductions, capped bonuses, a floor.
//! 4. **sanction.** The highest rung of the ladder whose trigger holds; a rung that
//!    `persists` stays after its window, until a [`SanctionDecision`] lifts it.
//!
//! When the rulebook has no `discipline` table, the seed's rule is read from the
//! `attendance` keys ([`seed_policy`]): the verdicts are exactly those of before.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use secretariat::{Rulebook, TermData};
//!
//! let points = Rulebook::from_toml_str(secretariat::discipline::EXAMPLE_POLICIES[1].1)?;
//! let data = TermData::sample();
//! let today = NaiveDate::from_ymd_opt(2002, 10, 19).unwrap();
//! let report = secretariat::term_report(&points, &data, today)?;
//! assert!(report.standings.iter().all(|s| s.points.is_some()));
//! # Ok::<(), secretariat::Error>(())
//! ```

mod compare;
mod compiled;
mod engine;
mod policy;
mod trace;

pub use compare::{Comparison, VerdictChange, VerdictSummary, compare};
pub use compiled::seed_policy;
pub use policy::{
    BothAtOneEvent, Conversion, CounterRule, DisciplinePolicy, DisciplineWindow, MarkPart,
    OffenceRule, PointsRule, Sanction, Trigger,
};
pub use trace::{NextSanction, SanctionDecision, SanctionState, TraceStep, display_name};

pub(crate) use compiled::Compiled;
pub(crate) use engine::{DisciplineVerdict, MarkFact, Offence};

/// The example school rulebooks of `core/data/policies/`, by file name.
pub const EXAMPLE_POLICIES: [(&str, &str); 5] = [
    ("seed.toml", include_str!("../../data/policies/seed.toml")),
    (
        "points.toml",
        include_str!("../../data/policies/points.toml"),
    ),
    (
        "conversions.toml",
        include_str!("../../data/policies/conversions.toml"),
    ),
    (
        "suspension_ladder.toml",
        include_str!("../../data/policies/suspension_ladder.toml"),
    ),
    (
        "leave_quota.toml",
        include_str!("../../data/policies/leave_quota.toml"),
    ),
];

#[cfg(test)]
mod tests;

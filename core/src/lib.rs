//! # secretariat
//!
//! The working rules of a university student union's secretariat, as code over a data
//! rulebook. The structure of every rule is fixed here; its numbers (limits, grace periods,
//! lead times, milestone offsets) come from a [`Rulebook`] that a school edits as TOML or
//! JSON. The embedded default holds the values of the source documents.
//!
//! The crate is pure: it never reads the clock, the environment or the network. "Today" is
//! always an argument. Bad input is a typed [`Error`] with a stable code, a field path and a
//! message in English and Simplified Chinese; nothing in the public API panics on input.
//!
//! [`forms`] checks what a person typed into a form (a leave request, an activity plan, an
//! expense, a recruitment application, a board plan's submission) against a term's data and
//! reports every problem at once, as browser forms need (`{"success": false, "issues":
//! [...]}`).
//!
//! ## Quick start
//!
//! ```
//! use secretariat::{Rulebook, TermData, Diagnostic};
//! use chrono::NaiveDate;
//!
//! let rulebook = Rulebook::default();
//! let data = TermData::sample();
//! let today = NaiveDate::from_ymd_opt(2026, 10, 19).unwrap();
//! let report = secretariat::term_report(&rulebook, &data, today)?;
//!
//! // Two late arrivals in the term expel (discipline §2).
//! let zhao = report.standings.iter().find(|s| s.member.as_str() == "2002013").unwrap();
//! assert_eq!(zhao.status, secretariat::attendance::StandingStatus::Expelled);
//!
//! // A bad rulebook value is refused with its path.
//! let err = Rulebook::from_toml_str("[attendance]\nlateness_limit = -1").unwrap_err();
//! assert_eq!(err.path(), "attendance.lateness_limit");
//! # Ok::<(), secretariat::Error>(())
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

/// Gives id newtypes the `Debug` form of their text (`"2002012"`, not `MemberId("2002012")`):
/// error messages quote ids with `{id:?}`.
macro_rules! debug_as_quoted_id {
    ($($id:ty),+ $(,)?) => {$(
        impl std::fmt::Debug for $id {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.as_str(), f)
            }
        }
    )+};
}

pub mod activity;
#[cfg(feature = "arrow")]
pub mod arrow;
pub mod attendance;
pub mod authority;
pub mod budget;
pub mod calendar;
pub mod catalog;
pub mod diagnostic;
pub mod discipline;
pub mod error;
pub mod evaluation;
pub mod forms;
pub mod ids;
pub mod input;
pub mod members;
pub mod recruitment;
pub mod report;
pub mod rule;
pub mod rulebook;
pub mod schedule;
#[cfg(feature = "schema")]
pub mod schema;
mod table;

pub use activity::{
    ActivityBook, ActivityError, ActivityErrorKind, ActivityPlan, ActivityYearData, PlanValidation,
    validate_plan,
};
pub use attendance::{AttendanceRegister, LeaveRequest, Standing};
pub use budget::{BudgetError, BudgetErrorKind, BudgetLedger, BudgetReport, Decimal};
pub use error::{Diagnostic, Error, Issue, Locale, PathSegment, Result};
pub use evaluation::{
    EvaluationError, EvaluationErrorKind, EvaluationInput, EvaluationScheme, Ranking, ScoreSheet,
    evaluate,
};
pub use forms::{FormError, FormErrorKind, FormIssue, FormOutcome, FormResult};
pub use input::{InputError, InputErrorKind};
pub use members::{
    Department, Grade, Member, MemberError, MemberErrorKind, MemberId, MemberStatus, Role, Roster,
};
pub use recruitment::{
    Allocation, RecruitmentError, RecruitmentErrorKind, RecruitmentRound, allocate,
};
pub use report::{SelectionData, TermData, TermReport, term_report};
pub use rulebook::{RuleRef, Rulebook, RulebookError, RulebookErrorKind, RulebookStamp};

/// The README's Rust quick start, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

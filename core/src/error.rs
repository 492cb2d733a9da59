//! The crate error: one enum per area, gathered in [`Error`].
//!
//! Every error has a stable snake_case machine code (`leave.no_substitute`), a field path to
//! the offending input (`members[3].grade`, empty when the error concerns the whole input),
//! named parameters, and a message in English and in Simplified Chinese.

pub use crate::diagnostic::{
    Diagnostic, ErrorKind, IntoPath, Issue, Locale, Located, Params, PathSegment, join_segments,
    path_segments,
};

pub use crate::activity::{ActivityError, ActivityErrorKind};
pub use crate::attendance::{AttendanceError, AttendanceErrorKind, LeaveError, LeaveErrorKind};
pub use crate::authority::{AuthorityError, AuthorityErrorKind};
pub use crate::budget::{BudgetError, BudgetErrorKind};
pub use crate::calendar::{CalendarError, CalendarErrorKind};
pub use crate::evaluation::{EvaluationError, EvaluationErrorKind};
pub use crate::forms::{FormError, FormErrorKind};
pub use crate::input::{InputError, InputErrorKind};
pub use crate::members::{MemberError, MemberErrorKind};
pub use crate::recruitment::{RecruitmentError, RecruitmentErrorKind};
pub use crate::rule::{RulebookError, RulebookErrorKind};
pub use crate::schedule::{ScheduleError, ScheduleErrorKind};
#[cfg(feature = "schema")]
pub use crate::schema::{SchemaError, SchemaErrorKind};

/// Any error of the crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The rulebook could not be read or holds an invalid value.
    #[error(transparent)]
    Rulebook(#[from] RulebookError),
    /// A member record is invalid.
    #[error(transparent)]
    Member(#[from] MemberError),
    /// The actor's role does not permit the action.
    #[error(transparent)]
    Authority(#[from] AuthorityError),
    /// Attendance input is invalid.
    #[error(transparent)]
    Attendance(#[from] AttendanceError),
    /// A leave request is refused.
    #[error(transparent)]
    Leave(#[from] LeaveError),
    /// A scheduling input is invalid.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// A school calendar is invalid, or a day cannot be counted on it.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An evaluation input or scheme is refused.
    #[error(transparent)]
    Evaluation(#[from] EvaluationError),
    /// A recruitment round or team is refused.
    #[error(transparent)]
    Recruitment(#[from] RecruitmentError),
    /// A budget operation is refused.
    #[error(transparent)]
    Budget(#[from] BudgetError),
    /// An activity plan has a problem, or a lifecycle step is refused.
    #[error(transparent)]
    Activity(#[from] ActivityError),
    /// A data file could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A form field is missing or cannot be read (see [`crate::forms`]).
    #[error(transparent)]
    Form(#[from] FormError),
    /// No JSON Schema has the name asked for (see [`crate::schema`]; feature `schema`).
    #[cfg(feature = "schema")]
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

impl Error {
    fn inner(&self) -> &dyn Diagnostic {
        match self {
            Error::Rulebook(e) => e,
            Error::Member(e) => e,
            Error::Authority(e) => e,
            Error::Attendance(e) => e,
            Error::Leave(e) => e,
            Error::Schedule(e) => e,
            Error::Calendar(e) => e,
            Error::Evaluation(e) => e,
            Error::Recruitment(e) => e,
            Error::Budget(e) => e,
            Error::Activity(e) => e,
            Error::Input(e) => e,
            Error::Form(e) => e,
            #[cfg(feature = "schema")]
            Error::Schema(e) => e,
        }
    }

    /// The area the error comes from (`rulebook`, `leave`, ...), the first part of its code.
    pub fn area(&self) -> &'static str {
        let code = self.code();
        code.split_once('.').map_or(code, |(area, _)| area)
    }

    /// The same error with its path placed under `parent`: an error at `done[2]` within
    /// `activities[0]` is at `activities[0].done[2]`.
    pub fn within(self, parent: &str) -> Error {
        let parent = path_segments(parent);
        match self {
            Error::Rulebook(e) => Error::Rulebook(e.within(parent)),
            Error::Member(e) => Error::Member(e.within(parent)),
            Error::Authority(e) => Error::Authority(e.within(parent)),
            Error::Attendance(e) => Error::Attendance(e.within(parent)),
            Error::Leave(e) => Error::Leave(e.within(parent)),
            Error::Schedule(e) => Error::Schedule(e.within(parent)),
            Error::Calendar(e) => Error::Calendar(e.within(parent)),
            Error::Evaluation(e) => Error::Evaluation(e.within(parent)),
            Error::Recruitment(e) => Error::Recruitment(e.within(parent)),
            Error::Budget(e) => Error::Budget(e.within(parent)),
            Error::Activity(e) => Error::Activity(e.within(parent)),
            Error::Input(e) => Error::Input(e.within(parent)),
            Error::Form(e) => Error::Form(e.within(parent)),
            #[cfg(feature = "schema")]
            Error::Schema(e) => Error::Schema(e.within(parent)),
        }
    }

    /// This error as a plain record, with its message in `locale`.
    pub fn issue(&self, locale: Locale) -> Issue {
        Issue::from_diagnostic(self, locale)
    }
}

impl Diagnostic for Error {
    fn code(&self) -> &'static str {
        self.inner().code()
    }
    fn path(&self) -> &str {
        self.inner().path()
    }
    fn path_segments(&self) -> Vec<PathSegment> {
        self.inner().path_segments()
    }
    fn message(&self, locale: Locale) -> String {
        self.inner().message(locale)
    }
    fn params(&self) -> Params {
        self.inner().params()
    }
}

/// A crate result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

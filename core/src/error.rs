//! The crate error: one enum per area, gathered in [`Error`].
//!
//! Every error has a stable snake_case machine code (`leave.no_substitute`), a field path to
//! the offending input (`members[3].grade`, empty when the error concerns the whole input),
//! named parameters, and a message in English and in Simplified Chinese.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::activity::ActivityError;
pub use crate::attendance::{AttendanceError, LeaveError};
pub use crate::authority::AuthorityError;
pub use crate::budget::BudgetError;
pub use crate::evaluation::EvaluationError;
pub use crate::input::InputError;
pub use crate::members::MemberError;
pub use crate::recruitment::RecruitmentError;
pub use crate::rulebook::RulebookError;
pub use crate::schedule::ScheduleError;

/// The language a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-Hans", alias = "zh", alias = "zh-CN")]
    ZhHans,
}

/// Named parameters of an error, for forms that build their own message.
pub type Params = BTreeMap<&'static str, String>;

/// What every area's error can say about itself.
pub trait Diagnostic {
    /// The stable machine code, e.g. `leave.no_substitute`.
    fn code(&self) -> &'static str;
    /// The path of the offending field, e.g. `members[3].grade`; empty for the whole input.
    fn path(&self) -> &str;
    /// The message in the given language.
    fn message(&self, locale: Locale) -> String;
    /// The numbers and names the message is built from.
    fn params(&self) -> Params {
        Params::new()
    }
}

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
            Error::Evaluation(e) => e,
            Error::Recruitment(e) => e,
            Error::Budget(e) => e,
            Error::Activity(e) => e,
            Error::Input(e) => e,
        }
    }

    /// The area the error comes from (`rulebook`, `leave`, ...), the first part of its code.
    pub fn area(&self) -> &'static str {
        let code = self.code();
        code.split_once('.').map_or(code, |(area, _)| area)
    }

    /// The same error with its path placed under `parent`: an error at `done[2]` within
    /// `activities[0]` is at `activities[0].done[2]`.
    pub fn within(mut self, parent: &str) -> Error {
        let path = match &mut self {
            Error::Rulebook(e) => e.path_mut(),
            Error::Member(e) => e.path_mut(),
            Error::Authority(e) => e.path_mut(),
            Error::Attendance(e) => e.path_mut(),
            Error::Leave(e) => e.path_mut(),
            Error::Schedule(e) => e.path_mut(),
            Error::Evaluation(e) => e.path_mut(),
            Error::Recruitment(e) => e.path_mut(),
            Error::Budget(e) => e.path_mut(),
            Error::Activity(e) => e.path_mut(),
            Error::Input(e) => e.path_mut(),
        };
        if let Some(path) = path {
            *path = join_path(parent, path);
        }
        self
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
    fn message(&self, locale: Locale) -> String {
        self.inner().message(locale)
    }
    fn params(&self) -> Params {
        self.inner().params()
    }
}

/// An error flattened to plain data: what a binding or a form shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// Stable machine code.
    pub code: String,
    /// Path of the offending field; empty for the whole input.
    pub path: String,
    /// Human message in the requested language.
    pub message: String,
    /// Named parameters of the message.
    pub params: BTreeMap<String, String>,
}

impl Issue {
    /// Flattens any diagnostic.
    pub fn from_diagnostic(d: &dyn Diagnostic, locale: Locale) -> Issue {
        Issue {
            code: d.code().to_owned(),
            path: d.path().to_owned(),
            message: d.message(locale),
            params: d
                .params()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "[{}] {}", self.code, self.message)
        } else {
            write!(f, "[{}] {}: {}", self.code, self.path, self.message)
        }
    }
}

/// Picks the English or the Chinese text.
pub(crate) fn localized(locale: Locale, en: String, zh: String) -> String {
    match locale {
        Locale::En => en,
        Locale::ZhHans => zh,
    }
}

/// Joins a parent path and a child key: `join("members[3]", "grade")` is `members[3].grade`.
pub(crate) fn join_path(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_owned(),
        (_, true) => parent.to_owned(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}

/// A crate result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

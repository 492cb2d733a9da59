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
pub use crate::forms::FormError;
pub use crate::input::InputError;
pub use crate::members::MemberError;
pub use crate::recruitment::RecruitmentError;
pub use crate::rulebook::RulebookError;
pub use crate::schedule::ScheduleError;
#[cfg(feature = "schema")]
pub use crate::schema::SchemaError;

/// The language a message is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
            Error::Form(e) => e.path_mut(),
            #[cfg(feature = "schema")]
            Error::Schema(e) => e.path_mut(),
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

    /// The error's path split into segments: `risks[1].countermeasure` is
    /// `["risks", 1, "countermeasure"]` (see [`path_segments`]).
    pub fn path_segments(&self) -> Vec<PathSegment> {
        path_segments(self.path())
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl Issue {
    /// The issue's path split into segments (see [`path_segments`]).
    pub fn path_segments(&self) -> Vec<PathSegment> {
        path_segments(&self.path)
    }
}

/// One step of a field path: a key of an object or a position in a list. Serialises as a
/// JSON string or number, so `["risks", 1, "countermeasure"]` is the path
/// `risks[1].countermeasure` as a form library (zod, pydantic) writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PathSegment {
    /// A position in a list, from 0.
    Index(usize),
    /// A key of an object.
    Key(String),
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSegment::Index(i) => write!(f, "[{i}]"),
            PathSegment::Key(k) => f.write_str(k),
        }
    }
}

/// Splits a path into its segments: keys between dots, positions in brackets.
/// `risks[1].countermeasure` is `[Key("risks"), Index(1), Key("countermeasure")]`, `[0].grade`
/// is `[Index(0), Key("grade")]` and the empty path has no segment. Brackets that hold
/// anything but digits stay part of their key; [`join_segments`] is the inverse.
///
/// # Example
///
/// ```
/// use secretariat::error::{PathSegment, join_segments, path_segments};
///
/// let segments = path_segments("risks[1].countermeasure");
/// assert_eq!(segments, [
///     PathSegment::Key("risks".into()),
///     PathSegment::Index(1),
///     PathSegment::Key("countermeasure".into()),
/// ]);
/// assert_eq!(serde_json::to_string(&segments).unwrap(), r#"["risks",1,"countermeasure"]"#);
/// assert_eq!(join_segments(&segments), "risks[1].countermeasure");
/// assert!(path_segments("").is_empty());
/// ```
pub fn path_segments(path: &str) -> Vec<PathSegment> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if !key.is_empty() {
                    out.push(PathSegment::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                // Digits then `]` make a position; anything else stays in the key.
                let mut digits = String::new();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                let index = match chars.peek() {
                    Some(']') if !digits.is_empty() => digits.parse::<usize>().ok(),
                    _ => None,
                };
                match index {
                    Some(i) => {
                        chars.next();
                        if !key.is_empty() {
                            out.push(PathSegment::Key(std::mem::take(&mut key)));
                        }
                        out.push(PathSegment::Index(i));
                    }
                    None => {
                        key.push('[');
                        key.push_str(&digits);
                    }
                }
            }
            _ => key.push(c),
        }
    }
    if !key.is_empty() {
        out.push(PathSegment::Key(key));
    }
    out
}

/// Writes segments back as a path: the inverse of [`path_segments`] for keys that hold no
/// `.` and no bracketed digits.
pub fn join_segments(segments: &[PathSegment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
            PathSegment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
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

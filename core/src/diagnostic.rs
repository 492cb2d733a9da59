//! What every error says about itself, and the plain forms it takes: a leaf module (it
//! imports no area), so every area and the crate error ([`crate::Error`]) build on it.
//!
//! An error has a stable snake_case machine code (`leave.no_substitute`), a field path to the
//! offending input (`members[3].grade`, empty when the error concerns the whole input), named
//! parameters, and a message in each [`Locale`].

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::catalog::{Locale, Params};

/// What every area's error can say about itself. The message is not written by the error:
/// it is the catalog's template of its code in the locale asked for, filled from its
/// parameters (see [`crate::catalog`]), so a stored code and its parameters render in any
/// locale later ([`Issue::message_in`]).
pub trait Diagnostic {
    /// The stable machine code, e.g. `leave.no_substitute`.
    fn code(&self) -> &'static str;
    /// The path of the offending field, e.g. `members[3].grade`; empty for the whole input.
    fn path(&self) -> &str;
    /// The numbers and names the message is built from: every placeholder of the code's
    /// templates names one of them.
    fn params(&self) -> Params;
    /// The message in the given language, from the catalog.
    fn message(&self, locale: Locale) -> String {
        crate::catalog::message(locale, self.code(), &self.params())
    }
}

/// Implements `Display` (the English message of the catalog) and `std::error::Error` for
/// error types that implement [`Diagnostic`].
macro_rules! display_from_catalog {
    ($($ty:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::diagnostic::Diagnostic::message(
                    self,
                    $crate::diagnostic::Locale::En,
                ))
            }
        }
        impl ::std::error::Error for $ty {}
    )+};
}
pub(crate) use display_from_catalog;

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
    /// The message of this issue in any locale, rendered again from its code and parameters:
    /// an issue stored in one language can be shown in another.
    pub fn message_in(&self, locale: Locale) -> String {
        crate::catalog::message_with(locale, &self.code, &|name| {
            self.params.get(name).map(String::as_str)
        })
    }

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

/// Joins a parent path and a child key: `join("members[3]", "grade")` is `members[3].grade`.
pub(crate) fn join_path(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_owned(),
        (_, true) => parent.to_owned(),
        _ if child.starts_with('[') => format!("{parent}{child}"),
        _ => format!("{parent}.{child}"),
    }
}

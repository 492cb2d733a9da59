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
    /// The path of the offending field as text, e.g. `members[3].grade` (its segments
    /// joined by [`join_segments`]); empty for the whole input.
    fn path(&self) -> &str;
    /// The path of the offending field as segments, e.g. `["members", 3, "grade"]`; empty
    /// for the whole input.
    fn path_segments(&self) -> Vec<PathSegment> {
        path_segments(self.path())
    }
    /// The numbers and names the message is built from: every placeholder of the code's
    /// templates names one of them.
    fn params(&self) -> Params;
    /// The message in the given language, from the catalog.
    fn message(&self, locale: Locale) -> String {
        crate::catalog::message(locale, self.code(), &self.params())
    }
}

/// What an area's error says apart from where: its code and parameters. Each area writes
/// one enum of kinds; the error it returns is that kind [`Located`] at a path, so the path
/// sits beside the kind, written once, rather than inside every variant.
pub trait ErrorKind {
    /// The stable machine code, e.g. `leave.no_substitute`.
    fn code(&self) -> &'static str;
    /// The numbers and names the message is built from.
    fn params(&self) -> Params;
    /// The message in `locale`, filled from `params` (the kind's own and the path's): the
    /// catalog's template of the code, unless the kind reads otherwise (a field type's own
    /// refusal keeps its code but reads as the general `input.invalid`).
    fn message(&self, locale: Locale, params: &Params) -> String {
        crate::catalog::message(locale, self.code(), params)
    }
    /// The name of a parameter that holds the error's path as text, for a message that
    /// names its field (`form.required`'s `{field}`).
    fn path_param(&self) -> Option<&'static str> {
        None
    }
}

/// An error of one area: its kind (code and parameters) and, beside it, the path of the
/// offending field as segments (empty for the whole input).
///
/// # Example
///
/// ```
/// use secretariat::error::{Diagnostic, FormError, FormErrorKind, PathSegment};
///
/// let e: FormError = FormErrorKind::Required.at("risks[1].countermeasure");
/// assert_eq!(e.code(), "form.required");
/// assert_eq!(e.path(), "risks[1].countermeasure");
/// assert_eq!(e.path_segments()[1], PathSegment::Index(1));
/// assert_eq!(e.clone().within("plans[0]").path(), "plans[0].risks[1].countermeasure");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<K> {
    /// Boxed, so that an error costs one pointer for its path and results stay small.
    path: Box<FieldPath>,
    kind: K,
}

/// A path as segments, and its text kept beside them for [`Diagnostic::path`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct FieldPath {
    segments: Vec<PathSegment>,
    text: String,
}

/// What can name a path: its text (`members[3].grade`, split by [`path_segments`]) or its
/// segments.
pub trait IntoPath {
    /// The path as segments.
    fn into_path(self) -> Vec<PathSegment>;
}

impl IntoPath for &str {
    fn into_path(self) -> Vec<PathSegment> {
        path_segments(self)
    }
}

impl IntoPath for String {
    fn into_path(self) -> Vec<PathSegment> {
        path_segments(&self)
    }
}

impl IntoPath for &String {
    fn into_path(self) -> Vec<PathSegment> {
        path_segments(self)
    }
}

impl IntoPath for Vec<PathSegment> {
    fn into_path(self) -> Vec<PathSegment> {
        self
    }
}

impl IntoPath for &[PathSegment] {
    fn into_path(self) -> Vec<PathSegment> {
        self.to_vec()
    }
}

impl<K> Located<K> {
    /// The error of `kind` at `path`.
    pub fn new(kind: K, path: impl IntoPath) -> Located<K> {
        let segments = path.into_path();
        Located {
            path: Box::new(FieldPath {
                text: join_segments(&segments),
                segments,
            }),
            kind,
        }
    }

    /// What went wrong, apart from where.
    pub fn kind(&self) -> &K {
        &self.kind
    }

    /// The kind, without its path.
    pub fn into_kind(self) -> K {
        self.kind
    }

    /// The path as segments (see [`Diagnostic::path`] for its text).
    pub fn segments(&self) -> &[PathSegment] {
        &self.path.segments
    }

    /// The same error at another path.
    pub fn at(self, path: impl IntoPath) -> Located<K> {
        Located::new(self.kind, path)
    }

    /// The same error with its path placed under `parent`: an error at `done[2]` within
    /// `activities[0]` is at `activities[0].done[2]`.
    pub fn within(mut self, parent: impl IntoPath) -> Located<K> {
        let mut path = parent.into_path();
        path.append(&mut self.path.segments);
        Located::new(self.kind, path)
    }

    /// The same path around another kind (an area's error carried by another area).
    pub fn map_kind<L>(self, f: impl FnOnce(K) -> L) -> Located<L> {
        Located {
            path: self.path,
            kind: f(self.kind),
        }
    }
}

impl<K: ErrorKind> Diagnostic for Located<K> {
    fn code(&self) -> &'static str {
        self.kind.code()
    }
    fn path(&self) -> &str {
        &self.path.text
    }
    fn path_segments(&self) -> Vec<PathSegment> {
        self.path.segments.clone()
    }
    fn params(&self) -> Params {
        let mut p = self.kind.params();
        if let Some(name) = self.kind.path_param() {
            p.insert(name, self.path.text.clone());
        }
        p
    }
    fn message(&self, locale: Locale) -> String {
        self.kind.message(locale, &self.params())
    }
}

impl<K: ErrorKind> fmt::Display for Located<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl<K: ErrorKind + fmt::Debug> std::error::Error for Located<K> {}

/// Gives an area's kind enum its `at` constructor: `FormErrorKind::Required.at("name")`.
macro_rules! located {
    ($($kind:ty),+ $(,)?) => {$(
        impl $kind {
            /// This kind of error at `path` (text such as `members[3].grade`, or segments).
            pub fn at(
                self,
                path: impl $crate::diagnostic::IntoPath,
            ) -> $crate::diagnostic::Located<$kind> {
                $crate::diagnostic::Located::new(self, path)
            }

            /// This kind of error about the whole input (an empty path).
            pub fn at_root(self) -> $crate::diagnostic::Located<$kind> {
                $crate::diagnostic::Located::new(self, ::std::vec::Vec::new())
            }
        }
    )+};
}
pub(crate) use located;

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

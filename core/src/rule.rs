//! What every rule carries and every policy check may say: the reference of a rule
//! ([`RuleRef`]: its rulebook key and the seed's article) and the error of a rulebook value
//! ([`RulebookError`]). A leaf module: the areas and the rulebook that gathers their policies
//! both build on it, so no area imports the rulebook to name a rule.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{ErrorKind, Located, Params, located};

/// A rule's stable key and the seed article it implements, carried by every verdict.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleRef {
    /// The rulebook key holding the rule's numbers, e.g. `attendance.lateness_limit`.
    pub key: String,
    /// The article of the source documents, e.g. `seed 000, discipline §2`.
    pub article: String,
}

impl RuleRef {
    /// A rule reference from its key and article.
    pub fn new(key: impl Into<String>, article: impl Into<String>) -> RuleRef {
        RuleRef {
            key: key.into(),
            article: article.into(),
        }
    }
}

impl fmt::Display for RuleRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.key, self.article)
    }
}

/// What went wrong in a [`RulebookError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RulebookErrorKind {
    /// The text is not valid TOML or JSON.
    Syntax {
        /// `toml` or `json`.
        format: &'static str,
        /// The parser's own words.
        detail: String,
    },
    /// A key the rulebook does not know.
    UnknownKey,
    /// A value of the wrong type or shape.
    InvalidType {
        /// What was wrong.
        detail: String,
    },
    /// A number outside the range the rule allows.
    OutOfRange {
        /// The value given.
        value: i64,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A value that breaks a rule of consistency between keys.
    Inconsistent {
        /// What the value must satisfy: the word `expected.<this>` of the catalogs, or the
        /// code of another error carried here (a scheme's error found in the rulebook).
        expected: &'static str,
        /// The numbers and names the words are filled from.
        details: Params,
    },
}

/// The rulebook could not be read, or holds a value out of its range.
///
/// Its [kind](RulebookErrorKind) says what; the path of the offending field sits beside it.
pub type RulebookError = Located<RulebookErrorKind>;

/// A rulebook value at `path` that breaks the rule named by `expected` (see
/// [`RulebookErrorKind::inconsistent`]).
pub(crate) fn inconsistent(
    path: String,
    expected: &'static str,
    details: impl IntoIterator<Item = (&'static str, String)>,
) -> RulebookError {
    RulebookErrorKind::inconsistent(expected, details).at(path)
}

impl RulebookErrorKind {
    /// A value that breaks the rule named by `expected` (the word `expected.<expected>` of
    /// the catalogs), with the parameters its words are filled from.
    pub fn inconsistent(
        expected: &'static str,
        details: impl IntoIterator<Item = (&'static str, String)>,
    ) -> RulebookErrorKind {
        RulebookErrorKind::Inconsistent {
            expected,
            details: details.into_iter().collect(),
        }
    }
}

impl ErrorKind for RulebookErrorKind {
    fn code(&self) -> &'static str {
        match self {
            RulebookErrorKind::Syntax { .. } => "rulebook.syntax",
            RulebookErrorKind::UnknownKey => "rulebook.unknown_key",
            RulebookErrorKind::InvalidType { .. } => "rulebook.invalid_type",
            RulebookErrorKind::OutOfRange { .. } => "rulebook.out_of_range",
            RulebookErrorKind::Inconsistent { .. } => "rulebook.inconsistent",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            RulebookErrorKind::Syntax { format, detail } => {
                p.insert("format", (*format).to_owned());
                p.insert("detail", detail.clone());
            }
            RulebookErrorKind::InvalidType { detail, .. } => {
                p.insert("detail", detail.clone());
            }
            RulebookErrorKind::OutOfRange {
                value, min, max, ..
            } => {
                p.insert("value", value.to_string());
                p.insert("min", min.to_string());
                p.insert("max", max.to_string());
            }
            RulebookErrorKind::Inconsistent { expected, details } => {
                p.extend(details.iter().map(|(k, v)| (*k, v.clone())));
                p.insert("expected", (*expected).to_owned());
            }
            RulebookErrorKind::UnknownKey => {}
        }
        p
    }
}

/// Refuses `value` outside `min..=max` with the key's path.
pub(crate) fn check_range(
    path: &str,
    key: &str,
    value: impl Into<i64>,
    min: i64,
    max: i64,
) -> Result<(), RulebookError> {
    let value = value.into();
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(RulebookErrorKind::OutOfRange { value, min, max }
            .at(crate::diagnostic::join_path(path, key)))
    }
}

located!(RulebookErrorKind);

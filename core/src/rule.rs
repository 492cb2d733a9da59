//! What every rule carries and every policy check may say: the reference of a rule
//! ([`RuleRef`]: its rulebook key and the seed's article) and the error of a rulebook value
//! ([`RulebookError`]). A leaf module: the areas and the rulebook that gathers their policies
//! both build on it, so no area imports the rulebook to name a rule.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Locale, Params, display_from_catalog};

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

/// The rulebook could not be read, or holds a value out of its range.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RulebookError {
    /// The text is not valid TOML or JSON.
    Syntax {
        /// `toml` or `json`.
        format: &'static str,
        /// The parser's own words.
        detail: String,
    },
    /// A key the rulebook does not know.
    UnknownKey {
        /// Path of the key.
        path: String,
    },
    /// A value of the wrong type or shape.
    InvalidType {
        /// Path of the key.
        path: String,
        /// What was wrong.
        detail: String,
    },
    /// A number outside the range the rule allows.
    OutOfRange {
        /// Path of the key.
        path: String,
        /// The value given.
        value: i64,
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A value that breaks a rule of consistency between keys.
    Inconsistent {
        /// Path of the key.
        path: String,
        /// What the value must satisfy, in English.
        expected_en: String,
        /// The same, in Chinese.
        expected_zh: String,
    },
}

impl RulebookError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            RulebookError::UnknownKey { path, .. } => Some(path),
            RulebookError::InvalidType { path, .. } => Some(path),
            RulebookError::OutOfRange { path, .. } => Some(path),
            RulebookError::Inconsistent { path, .. } => Some(path),
            RulebookError::Syntax { .. } => None,
        }
    }
}

impl Diagnostic for RulebookError {
    fn code(&self) -> &'static str {
        match self {
            RulebookError::Syntax { .. } => "rulebook.syntax",
            RulebookError::UnknownKey { .. } => "rulebook.unknown_key",
            RulebookError::InvalidType { .. } => "rulebook.invalid_type",
            RulebookError::OutOfRange { .. } => "rulebook.out_of_range",
            RulebookError::Inconsistent { .. } => "rulebook.inconsistent",
        }
    }

    fn path(&self) -> &str {
        match self {
            RulebookError::Syntax { .. } => "",
            RulebookError::UnknownKey { path }
            | RulebookError::InvalidType { path, .. }
            | RulebookError::OutOfRange { path, .. }
            | RulebookError::Inconsistent { path, .. } => path,
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            // Free text written where the rule is checked, in English and Chinese: not yet
            // in the catalogs (a Chinese locale shows the Simplified text).
            RulebookError::Inconsistent { expected_zh, .. } if locale != Locale::En => {
                expected_zh.clone()
            }
            _ => crate::catalog::message(locale, self.code(), &self.params()),
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            RulebookError::Syntax { format, detail } => {
                p.insert("format", (*format).to_owned());
                p.insert("detail", detail.clone());
            }
            RulebookError::InvalidType { detail, .. } => {
                p.insert("detail", detail.clone());
            }
            RulebookError::OutOfRange {
                value, min, max, ..
            } => {
                p.insert("value", value.to_string());
                p.insert("min", min.to_string());
                p.insert("max", max.to_string());
            }
            RulebookError::Inconsistent { expected_en, .. } => {
                p.insert("expected", expected_en.clone());
            }
            RulebookError::UnknownKey { .. } => {}
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
        Err(RulebookError::OutOfRange {
            path: crate::diagnostic::join_path(path, key),
            value,
            min,
            max,
        })
    }
}

display_from_catalog!(RulebookError);

//! Reading input data (members, events, marks, calendars) from JSON or TOML, with the path
//! of the offending field in every error.

use serde::de::DeserializeOwned;

pub(crate) mod exact;
pub(crate) mod path;

pub use exact::parse_exact;

use crate::diagnostic::{ErrorKind, Locale, Located, Params, located};

/// What went wrong in a [`InputError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The text is not valid JSON or TOML.
    Syntax {
        /// `json` or `toml`.
        format: &'static str,
        /// The parser's own words.
        detail: String,
    },
    /// A field has the wrong type, is missing, or is not known.
    Invalid {
        /// The stable code: `input.invalid`, or a more precise one such as
        /// `member.invalid_grade` when a field type refused the value itself.
        code: &'static str,
        /// What was wrong.
        detail: String,
    },
    /// A field has the wrong type, is missing, or is not known, as the reader found it
    /// (`input.invalid`): the reason is a word of the catalogs, told with the names and
    /// values it found.
    Unreadable {
        /// `wrong_type`, `invalid_value`, `invalid_length`, `unknown_variant`,
        /// `unknown_field`, `missing_field` or `duplicate_field`.
        reason: &'static str,
        /// The names and values the reason is told with: `expected` (the reader's words for
        /// what it expected, or the names allowed), `found` (`string`, `integer`, ...),
        /// `value`, `field`, `variant`, `len`.
        details: Params,
        /// The reader's own words, in English, for logs.
        detail: String,
    },
}

/// Input data could not be read.
///
/// Its [kind](InputErrorKind) says what; the path of the offending field sits beside it.
pub type InputError = Located<InputErrorKind>;

thread_local! {
    /// The code and message of the last refusal a field type made through [`field_error`]:
    /// serde's error carries only text, so the code travels beside it, typed.
    static FIELD_REFUSAL: std::cell::RefCell<Option<(&'static str, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// A field type's own refusal, with its stable code (e.g. `member.invalid_grade`): the reader
/// reports that code instead of `input.invalid` when this is the error that ends the read.
pub(crate) fn field_error<E: serde::de::Error>(code: &'static str, message: String) -> E {
    let error = E::custom(&message);
    FIELD_REFUSAL.with(|r| *r.borrow_mut() = Some((code, message)));
    error
}

impl ErrorKind for InputErrorKind {
    fn code(&self) -> &'static str {
        match self {
            InputErrorKind::Syntax { .. } => "input.syntax",
            InputErrorKind::Invalid { code, .. } => code,
            InputErrorKind::Unreadable { .. } => "input.invalid",
        }
    }

    fn message(&self, locale: Locale, params: &Params) -> String {
        // A refused field keeps its own code, but its detail is the reader's text, so the
        // message is the general one of `input.invalid` around it.
        let key = match self {
            InputErrorKind::Syntax { .. } => "input.syntax",
            InputErrorKind::Invalid { .. } | InputErrorKind::Unreadable { .. } => "input.invalid",
        };
        crate::catalog::message(locale, key, params)
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            InputErrorKind::Syntax { format, detail } => {
                p.insert("format", (*format).to_owned());
                p.insert("detail", detail.clone());
            }
            InputErrorKind::Invalid { detail, .. } => {
                p.insert("reason", "other".to_owned());
                p.insert("detail", detail.clone());
            }
            InputErrorKind::Unreadable {
                reason,
                details,
                detail,
            } => {
                p.extend(details.iter().map(|(k, v)| (*k, v.clone())));
                p.insert("reason", (*reason).to_owned());
                p.insert("detail", detail.clone());
            }
        }
        p
    }
}

fn invalid(e: path::PathError) -> InputError {
    // A field's refusal counts only if it is the error that ended the read (not one an
    // untagged choice tried and dropped).
    let refusal = FIELD_REFUSAL
        .with(|r| r.borrow_mut().take())
        .filter(|(_, message)| *message == e.message);
    let path = e.segments();
    let kind = match (refusal, e.reason) {
        (Some((code, _)), _) => InputErrorKind::Invalid {
            code,
            detail: e.message,
        },
        (None, "other") => InputErrorKind::Invalid {
            code: "input.invalid",
            detail: e.message,
        },
        (None, reason) => InputErrorKind::Unreadable {
            reason,
            details: e.details.into_iter().collect(),
            detail: e.message,
        },
    };
    kind.at(path)
}

/// Reads any input type from a JSON value, with paths in errors.
///
/// # Errors
///
/// `input.invalid` (or a field's own code) with the path of the offending field.
pub fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, InputError> {
    FIELD_REFUSAL.with(|r| r.borrow_mut().take());
    path::deserialize(value).map_err(invalid)
}

/// Reads any input type from JSON text, with paths in errors.
///
/// # Errors
///
/// `input.syntax` for text that is not JSON; `input.invalid` (or a field's own code) with the
/// path of the offending field.
///
/// # Example
///
/// ```
/// use secretariat::{Diagnostic, Member, input};
///
/// let err = input::from_json_str::<Vec<Member>>(
///     r#"[{"id": "m1", "name": "Li", "grade": "2x", "department": "Secretariat", "role": "officer"}]"#,
/// ).unwrap_err();
/// assert_eq!(err.code(), "member.invalid_grade");
/// assert_eq!(err.path(), "[0].grade");
/// ```
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        InputErrorKind::Syntax {
            format: "json",
            detail: e.to_string(),
        }
        .at_root()
    })?;
    from_json_value(value)
}

/// Reads any input type from TOML text, with paths in errors.
///
/// # Errors
///
/// `input.syntax` for text that is not TOML; otherwise as [`from_json_str`].
///
/// # Example
///
/// ```
/// use secretariat::{Diagnostic, calendar::DateRange, input};
///
/// let r: DateRange = input::from_toml_str("start = \"2026-09-01\"\nend = \"2027-07-10\"")?;
/// assert_eq!(r.end.to_string(), "2027-07-10");
/// let err = input::from_toml_str::<DateRange>("start = \"2026-09-01\"").unwrap_err();
/// assert_eq!(err.code(), "input.invalid");
/// # Ok::<(), secretariat::InputError>(())
/// ```
pub fn from_toml_str<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    let value: serde_json::Value = toml::from_str(text).map_err(|e| {
        InputErrorKind::Syntax {
            format: "toml",
            detail: e.message().to_owned(),
        }
        .at_root()
    })?;
    from_json_value(value)
}

located!(InputErrorKind);

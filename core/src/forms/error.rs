//! The form area's error: a field that is missing or cannot be read as its type.

use chrono::NaiveDate;

use crate::diagnostic::{ErrorKind, Located, Params, located};

/// What went wrong in a [`FormError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormErrorKind {
    /// A required field is missing or blank (`form.required`).
    Required,
    /// Text that is not a date written `YYYY-MM-DD` (`form.invalid_date`).
    InvalidDate {
        /// The text given.
        value: String,
    },
    /// Text that is not a date and time written `YYYY-MM-DDTHH:MM[:SS]`
    /// (`form.invalid_datetime`).
    InvalidDatetime {
        /// The text given.
        value: String,
    },
    /// Text that is not an amount of money written as a decimal (`form.invalid_amount`).
    InvalidAmount {
        /// The text given.
        value: String,
    },
    /// An amount of money sent as a number rather than as text (`form.amount_as_number`):
    /// money is never a float.
    AmountAsNumber {
        /// The number as it arrived.
        value: String,
    },
    /// Text that is not a decimal number (`form.invalid_number`).
    InvalidNumber {
        /// The text given.
        value: String,
    },
    /// A value that is not one of the field's choices (`form.invalid_choice`).
    InvalidChoice {
        /// The value given.
        value: String,
        /// The choices, comma-separated.
        allowed: String,
    },
    /// A date after today where only a past or present day makes sense
    /// (`form.date_in_future`).
    DateInFuture {
        /// The date given.
        date: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
}

/// A form field is missing or cannot be read as what it holds. Every variant names the
/// field by its path (`requested_at`, `risks[1].countermeasure`, `skills[0]`).
///
/// Its [kind](FormErrorKind) says what; the path of the offending field sits beside it.
pub type FormError = Located<FormErrorKind>;

impl ErrorKind for FormErrorKind {
    fn code(&self) -> &'static str {
        match self {
            FormErrorKind::Required => "form.required",
            FormErrorKind::InvalidDate { .. } => "form.invalid_date",
            FormErrorKind::InvalidDatetime { .. } => "form.invalid_datetime",
            FormErrorKind::InvalidAmount { .. } => "form.invalid_amount",
            FormErrorKind::AmountAsNumber { .. } => "form.amount_as_number",
            FormErrorKind::InvalidNumber { .. } => "form.invalid_number",
            FormErrorKind::InvalidChoice { .. } => "form.invalid_choice",
            FormErrorKind::DateInFuture { .. } => "form.date_in_future",
        }
    }

    fn path_param(&self) -> Option<&'static str> {
        // `form.required` names its field: the path.
        matches!(self, FormErrorKind::Required).then_some("field")
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            FormErrorKind::Required => {}
            FormErrorKind::InvalidDate { value, .. }
            | FormErrorKind::InvalidDatetime { value, .. }
            | FormErrorKind::InvalidAmount { value, .. }
            | FormErrorKind::AmountAsNumber { value, .. }
            | FormErrorKind::InvalidNumber { value, .. } => {
                p.insert("value", value.clone());
            }
            FormErrorKind::InvalidChoice { value, allowed, .. } => {
                p.insert("value", value.clone());
                p.insert("allowed", allowed.clone());
            }
            FormErrorKind::DateInFuture { date, today, .. } => {
                p.insert("date", date.to_string());
                p.insert("today", today.to_string());
            }
        }
        p
    }
}

located!(FormErrorKind);

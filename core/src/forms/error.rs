//! The form area's error: a field that is missing or cannot be read as its type.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Params, display_from_catalog};

/// A form field is missing or cannot be read as what it holds. Every variant names the
/// field by its path (`requested_at`, `risks[1].countermeasure`, `skills[0]`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormError {
    /// A required field is missing or blank (`form.required`).
    Required {
        /// Path of the field.
        path: String,
    },
    /// Text that is not a date written `YYYY-MM-DD` (`form.invalid_date`).
    InvalidDate {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// Text that is not a date and time written `YYYY-MM-DDTHH:MM[:SS]`
    /// (`form.invalid_datetime`).
    InvalidDatetime {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// Text that is not an amount of money written as a decimal (`form.invalid_amount`).
    InvalidAmount {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// An amount of money sent as a number rather than as text (`form.amount_as_number`):
    /// money is never a float.
    AmountAsNumber {
        /// Path of the field.
        path: String,
        /// The number as it arrived.
        value: String,
    },
    /// Text that is not a decimal number (`form.invalid_number`).
    InvalidNumber {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// A value that is not one of the field's choices (`form.invalid_choice`).
    InvalidChoice {
        /// Path of the field.
        path: String,
        /// The value given.
        value: String,
        /// The choices, comma-separated.
        allowed: String,
    },
    /// A date after today where only a past or present day makes sense
    /// (`form.date_in_future`).
    DateInFuture {
        /// Path of the field.
        path: String,
        /// The date given.
        date: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
}

impl FormError {
    /// The path field, for [`crate::Error::within`].
    pub(crate) fn path_mut(&mut self) -> Option<&mut String> {
        Some(match self {
            FormError::Required { path }
            | FormError::InvalidDate { path, .. }
            | FormError::InvalidDatetime { path, .. }
            | FormError::InvalidAmount { path, .. }
            | FormError::AmountAsNumber { path, .. }
            | FormError::InvalidNumber { path, .. }
            | FormError::InvalidChoice { path, .. }
            | FormError::DateInFuture { path, .. } => path,
        })
    }
}

impl Diagnostic for FormError {
    fn code(&self) -> &'static str {
        match self {
            FormError::Required { .. } => "form.required",
            FormError::InvalidDate { .. } => "form.invalid_date",
            FormError::InvalidDatetime { .. } => "form.invalid_datetime",
            FormError::InvalidAmount { .. } => "form.invalid_amount",
            FormError::AmountAsNumber { .. } => "form.amount_as_number",
            FormError::InvalidNumber { .. } => "form.invalid_number",
            FormError::InvalidChoice { .. } => "form.invalid_choice",
            FormError::DateInFuture { .. } => "form.date_in_future",
        }
    }

    fn path(&self) -> &str {
        match self {
            FormError::Required { path }
            | FormError::InvalidDate { path, .. }
            | FormError::InvalidDatetime { path, .. }
            | FormError::InvalidAmount { path, .. }
            | FormError::AmountAsNumber { path, .. }
            | FormError::InvalidNumber { path, .. }
            | FormError::InvalidChoice { path, .. }
            | FormError::DateInFuture { path, .. } => path,
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            FormError::Required { path } => {
                p.insert("field", path.clone());
            }
            FormError::InvalidDate { value, .. }
            | FormError::InvalidDatetime { value, .. }
            | FormError::InvalidAmount { value, .. }
            | FormError::AmountAsNumber { value, .. }
            | FormError::InvalidNumber { value, .. } => {
                p.insert("value", value.clone());
            }
            FormError::InvalidChoice { value, allowed, .. } => {
                p.insert("value", value.clone());
                p.insert("allowed", allowed.clone());
            }
            FormError::DateInFuture { date, today, .. } => {
                p.insert("date", date.to_string());
                p.insert("today", today.to_string());
            }
        }
        p
    }
}

display_from_catalog!(FormError);

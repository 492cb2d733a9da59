//! The form area's error: a field that is missing or cannot be read as its type.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Locale, Params, localized};

/// A form field is missing or cannot be read as what it holds. Every variant names the
/// field by its path (`requested_at`, `risks[1].countermeasure`, `skills[0]`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormError {
    /// A required field is missing or blank (`form.required`).
    #[error("this field is required")]
    Required {
        /// Path of the field.
        path: String,
    },
    /// Text that is not a date written `YYYY-MM-DD` (`form.invalid_date`).
    #[error("“{value}” is not a date: write it as YYYY-MM-DD, e.g. 2002-10-14")]
    InvalidDate {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// Text that is not a date and time written `YYYY-MM-DDTHH:MM[:SS]`
    /// (`form.invalid_datetime`).
    #[error(
        "“{value}” is not a date and time: write it as YYYY-MM-DDTHH:MM, e.g. 2002-10-08T12:30"
    )]
    InvalidDatetime {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// Text that is not an amount of money written as a decimal (`form.invalid_amount`).
    #[error("“{value}” is not an amount of money: write yuan as a decimal, e.g. 45.50")]
    InvalidAmount {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// An amount of money sent as a number rather than as text (`form.amount_as_number`):
    /// money is never a float.
    #[error(
        "the amount {value} was sent as a number: send money as text (\"45.50\"), never as a float"
    )]
    AmountAsNumber {
        /// Path of the field.
        path: String,
        /// The number as it arrived.
        value: String,
    },
    /// Text that is not a decimal number (`form.invalid_number`).
    #[error("“{value}” is not a number: write it as a decimal, e.g. 85.5")]
    InvalidNumber {
        /// Path of the field.
        path: String,
        /// The text given.
        value: String,
    },
    /// A value that is not one of the field's choices (`form.invalid_choice`).
    #[error("“{value}” is not one of the choices: {allowed}")]
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
    #[error("{date} is after today ({today})")]
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

    fn message(&self, locale: Locale) -> String {
        let zh = match self {
            FormError::Required { .. } => "此项为必填项".to_owned(),
            FormError::InvalidDate { value, .. } => {
                format!("“{value}” 不是日期：请按 YYYY-MM-DD 填写，例如 2002-10-14")
            }
            FormError::InvalidDatetime { value, .. } => {
                format!("“{value}” 不是日期时间：请按 YYYY-MM-DDTHH:MM 填写，例如 2002-10-08T12:30")
            }
            FormError::InvalidAmount { value, .. } => {
                format!("“{value}” 不是金额：请以元为单位填写小数，例如 45.50")
            }
            FormError::AmountAsNumber { value, .. } => format!(
                "金额 {value} 以数字形式提交：金额必须以文本提交（\"45.50\"），不能用浮点数"
            ),
            FormError::InvalidNumber { value, .. } => {
                format!("“{value}” 不是数字：请填写小数，例如 85.5")
            }
            FormError::InvalidChoice { value, allowed, .. } => {
                format!("“{value}” 不在可选范围内：{allowed}")
            }
            FormError::DateInFuture { date, today, .. } => {
                format!("{date} 晚于今天（{today}）")
            }
        };
        localized(locale, self.to_string(), zh)
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

//! Reading what a person typed: each field as its type, every problem kept.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::budget::MONEY_PLACES;
use crate::calendar::{parse_iso_date, parse_iso_datetime};
use crate::diagnostic::{Diagnostic, PathSegment, path_segments};
use crate::error::Error;

use super::FormErrorKind;

/// A field that holds a number (money, a score, a grade) as a person typed it: text, or a
/// number when the form library sent one. Money must arrive as text (`"45.50"`): a number
/// is refused for money with `form.amount_as_number`, because a float cannot hold fen
/// exactly. Scores and grades accept either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum FieldValue {
    /// Text, e.g. `"45.50"` or `"02"`.
    Text(String),
    /// A JSON number, e.g. `45.5`.
    Number(serde_json::Number),
}

impl From<&str> for FieldValue {
    fn from(s: &str) -> FieldValue {
        FieldValue::Text(s.to_owned())
    }
}

impl From<String> for FieldValue {
    fn from(s: String) -> FieldValue {
        FieldValue::Text(s)
    }
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(t) => f.write_str(t),
            FieldValue::Number(n) => write!(f, "{n}"),
        }
    }
}

/// A list field that may also arrive as `null`: read as empty.
pub(crate) fn nullable_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// The text of a field, trimmed; `None` when absent or blank.
pub(crate) fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|t| !t.is_empty())
}

/// A plain decimal as a person types it: the one reader ([`crate::input::parse_exact`]),
/// after an optional leading `+`.
fn decimal_text(text: &str) -> Option<Decimal> {
    crate::input::parse_exact(text.strip_prefix('+').unwrap_or(text))
}

/// Reads the fields of one form, keeping every problem and which fields failed.
#[derive(Debug, Default)]
pub(crate) struct FieldReader {
    issues: Vec<Error>,
    failed: BTreeSet<String>,
}

impl FieldReader {
    pub(crate) fn new() -> FieldReader {
        FieldReader::default()
    }

    /// Records a problem with a field.
    pub(crate) fn fail(&mut self, error: impl Into<Error>) {
        let error = error.into();
        if let Some(key) = top_key(error.path()) {
            self.failed.insert(key);
        }
        self.issues.push(error);
    }

    /// The problems so far.
    #[cfg(test)]
    pub(crate) fn issues(&self) -> &[Error] {
        &self.issues
    }

    /// Whether the field named `key` (a top-level field of the form) failed.
    pub(crate) fn failed(&self, key: &str) -> bool {
        self.failed.contains(key)
    }

    /// Whether a problem the domain check found at `path` stands: not when its field
    /// already failed here (its value was a placeholder), nor when a field it depends on
    /// (`depends`: field → the fields its checks read) did.
    pub(crate) fn keeps(&self, path: &str, depends: &[(&str, &[&str])]) -> bool {
        let Some(key) = top_key(path) else {
            return true;
        };
        if self.failed(&key) {
            return false;
        }
        depends
            .iter()
            .filter(|(field, _)| *field == key)
            .all(|(_, on)| on.iter().all(|f| !self.failed(f)))
    }

    /// The problems, then `domain`'s problems that stand (see [`FieldReader::keeps`]).
    pub(crate) fn finish(self, domain: Vec<Error>, depends: &[(&str, &[&str])]) -> Vec<Error> {
        let kept: Vec<Error> = domain
            .into_iter()
            .filter(|e| self.keeps(e.path(), depends))
            .collect();
        let mut issues = self.issues;
        issues.extend(kept);
        issues
    }

    /// A required text field, trimmed (ids, choices).
    pub(crate) fn required_text(&mut self, value: Option<&str>, path: &str) -> Option<String> {
        match present(value) {
            Some(t) => Some(t.to_owned()),
            None => {
                self.fail(FormErrorKind::Required.at(path));
                None
            }
        }
    }

    /// A required date.
    pub(crate) fn required_date(&mut self, value: Option<&str>, path: &str) -> Option<NaiveDate> {
        if present(value).is_none() {
            self.fail(FormErrorKind::Required.at(path));
            return None;
        }
        self.optional_date(value, path)
    }

    /// An optional date: `None` when blank, and when it cannot be read (a problem then).
    pub(crate) fn optional_date(&mut self, value: Option<&str>, path: &str) -> Option<NaiveDate> {
        let text = present(value)?;
        match parse_iso_date(text) {
            Some(d) => Some(d),
            None => {
                self.fail(
                    FormErrorKind::InvalidDate {
                        value: text.to_owned(),
                    }
                    .at(path),
                );
                None
            }
        }
    }

    /// A required date and time: `YYYY-MM-DDTHH:MM` (what an HTML `datetime-local` input
    /// gives), with seconds or a space instead of `T` accepted.
    pub(crate) fn required_datetime(
        &mut self,
        value: Option<&str>,
        path: &str,
    ) -> Option<NaiveDateTime> {
        let Some(text) = present(value) else {
            self.fail(FormErrorKind::Required.at(path));
            return None;
        };
        let parsed = parse_iso_datetime(text);
        if parsed.is_none() {
            self.fail(
                FormErrorKind::InvalidDatetime {
                    value: text.to_owned(),
                }
                .at(path),
            );
        }
        parsed
    }

    /// A required amount of money: decimal text, never a number. An amount of at most
    /// two decimal places is returned with exactly two (`"180"` is `180.00`); a finer one
    /// as it is, for the domain rule to refuse.
    pub(crate) fn required_money(
        &mut self,
        value: Option<&FieldValue>,
        path: &str,
    ) -> Option<Decimal> {
        let text = match value {
            Some(FieldValue::Number(n)) => {
                self.fail(
                    FormErrorKind::AmountAsNumber {
                        value: n.to_string(),
                    }
                    .at(path),
                );
                return None;
            }
            Some(FieldValue::Text(t)) => present(Some(t)),
            None => None,
        };
        let Some(text) = text else {
            self.fail(FormErrorKind::Required.at(path));
            return None;
        };
        match decimal_text(text) {
            Some(mut amount) => {
                if amount.scale() < MONEY_PLACES {
                    amount.rescale(MONEY_PLACES);
                }
                Some(amount)
            }
            None => {
                self.fail(
                    FormErrorKind::InvalidAmount {
                        value: text.to_owned(),
                    }
                    .at(path),
                );
                None
            }
        }
    }

    /// An optional decimal number (a score): text or a JSON number; `None` when blank.
    pub(crate) fn optional_number(
        &mut self,
        value: Option<&FieldValue>,
        path: &str,
    ) -> Option<Decimal> {
        let text = match value {
            Some(FieldValue::Number(n)) => n.to_string(),
            Some(FieldValue::Text(t)) => present(Some(t))?.to_owned(),
            None => return None,
        };
        let parsed = decimal_text(&text);
        if parsed.is_none() {
            self.fail(FormErrorKind::InvalidNumber { value: text }.at(path));
        }
        parsed
    }

    /// A required choice among `choices` (keys and what they stand for).
    pub(crate) fn required_choice<T: Copy>(
        &mut self,
        value: Option<&str>,
        path: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let text = self.required_text(value, path)?;
        let found = choices.iter().find(|(k, _)| *k == text).map(|(_, v)| *v);
        if found.is_none() {
            self.fail(
                FormErrorKind::InvalidChoice {
                    value: text,
                    allowed: choices
                        .iter()
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", "),
                }
                .at(path),
            );
        }
        found
    }
}

/// The first key of a path: `risks` of `risks[1].countermeasure`.
fn top_key(path: &str) -> Option<String> {
    path_segments(path).into_iter().find_map(|s| match s {
        PathSegment::Key(k) => Some(k),
        PathSegment::Index(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_plain_decimals_only() {
        assert_eq!(decimal_text("45.50"), Some(Decimal::new(4550, 2)));
        assert_eq!(decimal_text("-5"), Some(Decimal::from(-5)));
        assert_eq!(decimal_text("+7.1"), Some(Decimal::new(71, 1)));
        for bad in [
            "", "1e3", "45.", ".5", "4_5", "¥45", "45元", "1,000", "0x10", "--1",
        ] {
            assert_eq!(decimal_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn money_gets_two_places_and_refuses_numbers() {
        let mut r = FieldReader::new();
        let v = r.required_money(Some(&"180".into()), "budget").unwrap();
        assert_eq!(v.to_string(), "180.00");
        let n: FieldValue = serde_json::from_str("45.5").unwrap();
        assert_eq!(r.required_money(Some(&n), "amount"), None);
        assert_eq!(r.issues()[0].code(), "form.amount_as_number");
        assert!(r.failed("amount") && !r.failed("budget"));
    }

    #[test]
    fn datetimes_in_the_shapes_forms_send() {
        let mut r = FieldReader::new();
        for ok in [
            "2002-10-08T12:30",
            "2002-10-08T12:30:00",
            "2002-10-08 12:30",
            "2002-10-08T12:30:00.000",
        ] {
            assert!(r.required_datetime(Some(ok), "at").is_some(), "{ok}");
        }
        assert!(r.issues().is_empty());
        assert!(r.required_datetime(Some("08/10/2002"), "at").is_none());
        assert_eq!(r.issues()[0].code(), "form.invalid_datetime");
    }
}

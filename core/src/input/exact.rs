//! Exact decimals read from text: the one reader of money, scores, weights and every other
//! decimal of an input, a rulebook or a ledger.
//!
//! A decimal is written in plain notation: an optional `-`, digits, and optionally a point
//! and more digits (`"12.50"`, `"-3"`, `"0.125"`). Exponents (`"5e2"`), digit separators
//! (`"1_000"`, `"1,000"`), a leading `+` or point (`"+1"`, `".5"`), spaces and JSON numbers
//! are refused with `input.invalid` at the field's path, so a value means the same in every
//! language that writes it. (Form fields, which people type, go through the forms' own
//! reader, which also takes a leading `+` and surrounding spaces.)

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

/// The decimal that `text` writes in plain notation, `None` for anything else (see the module
/// documentation) or a value beyond `Decimal`'s 28 digits.
///
/// # Example
///
/// ```
/// use secretariat::input::parse_exact;
///
/// assert_eq!(parse_exact("12.50").map(|d| d.to_string()), Some("12.50".to_owned()));
/// assert_eq!(parse_exact("5e2"), None);
/// assert_eq!(parse_exact("1_000"), None);
/// ```
pub fn parse_exact(text: &str) -> Option<Decimal> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !frac.is_none_or(digits) {
        return None;
    }
    Decimal::from_str(text).ok()
}

/// What an exact decimal is, for serde's messages.
const EXPECTED: &str = "an exact decimal written as text in plain notation, such as \"12.50\"";

struct ExactVisitor;

impl<'de> Visitor<'de> for ExactVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_exact(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

/// Reads a `Decimal` field (`#[serde(deserialize_with = "crate::input::exact::decimal")]`).
pub(crate) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_str(ExactVisitor)
}

/// An exact decimal as a value of its own, for lists and maps of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exact(pub(crate) Decimal);

impl<'de> Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Exact, D::Error> {
        decimal(d).map(Exact)
    }
}

/// Reads an `Option<Decimal>` field; absent or `null` is `None` (with `#[serde(default)]`).
pub(crate) fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    Ok(Option::<Exact>::deserialize(d)?.map(|e| e.0))
}

/// Reads a `Vec<Option<Decimal>>` field (a row of scores with gaps).
pub(crate) fn optional_list<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<Option<Decimal>>, D::Error> {
    Ok(Vec::<Option<Exact>>::deserialize(d)?
        .into_iter()
        .map(|e| e.map(|e| e.0))
        .collect())
}

/// Reads rows of scores keyed by criterion (`{"speech": ["8.5", null]}`).
pub(crate) fn score_rows<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<std::collections::BTreeMap<String, Vec<Option<Decimal>>>, D::Error> {
    Ok(
        std::collections::BTreeMap::<String, Vec<Option<Exact>>>::deserialize(d)?
            .into_iter()
            .map(|(k, row)| (k, row.into_iter().map(|e| e.map(|e| e.0)).collect()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_notation_is_read() {
        for ok in [
            "0",
            "12.50",
            "-3",
            "0.125",
            "007",
            "79228162514264337593543950335",
        ] {
            assert!(parse_exact(ok).is_some(), "{ok}");
        }
        for bad in [
            "",
            "5e2",
            "5E2",
            "1_000",
            "1,000",
            "+1",
            ".5",
            "5.",
            " 5",
            "5 ",
            "-",
            "--1",
            "1.2.3",
            "NaN",
            "inf",
            "0x10",
            "١٢",
            "79228162514264337593543950336",
        ] {
            assert_eq!(parse_exact(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_field_refuses_numbers_and_other_notations_with_the_reason() {
        #[derive(Debug, serde::Deserialize)]
        struct Row {
            #[serde(deserialize_with = "decimal")]
            amount: Decimal,
        }
        let read = |json: &str| serde_json::from_str::<Row>(json).map(|r| r.amount);
        assert_eq!(read(r#"{"amount": "12.50"}"#).unwrap().to_string(), "12.50");
        for bad in [
            r#"{"amount": 5}"#,
            r#"{"amount": "5e2"}"#,
            r#"{"amount": "1_000"}"#,
        ] {
            let err = read(bad).unwrap_err().to_string();
            assert!(err.contains("plain notation"), "{bad}: {err}");
        }
    }
}

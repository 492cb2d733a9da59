//! The message catalogs: every error, warning, verdict and report label in every
//! [`Locale`], as templates keyed by a stable code (`attendance.unknown_event`) with
//! `{param}` placeholders filled from named parameters. A leaf module: it imports no area.
//!
//! The catalogs are the files `core/locales/<tag>.toml`, one per locale, listed (one line
//! each) in `core/locales/locales.toml`; the build script turns them into static tables
//! sorted by key, so nothing is parsed at run time. Adding a language is its catalog file
//! plus one line in that list.
//!
//! Three rules fill a template:
//!
//! - `{name}` is the parameter `name`;
//! - a parameter whose value is a word the catalog knows is written in the locale: `{given}`
//!   of `attendance.mark_shape` with the value `both` is the text of
//!   `attendance.mark_shape.given.both` (itself a template, filled from the same parameters),
//!   or else of the area's word `attendance.given.both` (so `{state}` of every `activity.*`
//!   code is the label `activity.state.<state>`), or else of the shared word `given.both`
//!   (`{role}` anywhere is `role.<role>`); `{expected}` (what a rulebook value must satisfy)
//!   may also name another error's code, whose own parameters travel with it;
//! - a code with no text of its own has a singular and a plural form chosen by one of its
//!   parameters: `activity.submission_late.days_late.one` when `days_late` is 1,
//!   `activity.submission_late.days_late.other` otherwise.
//!
//! A text missing from a locale falls back to English, and a code missing from English is
//! written as itself; tests keep both from happening.
//!
//! # Example
//!
//! ```
//! use secretariat::catalog::{Params, message};
//! use secretariat::Locale;
//!
//! let params = Params::from([("event", "meet-1".to_owned())]);
//! assert_eq!(message(Locale::En, "attendance.unknown_event", &params), "no event has id \"meet-1\"");
//! assert_eq!(message(Locale::ZhHans, "attendance.unknown_event", &params), "没有编号为“meet-1”的活动");
//! assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhHans));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Named parameters of a message: the numbers and names it is built from.
pub type Params = BTreeMap<&'static str, String>;

/// The `i`th of the strings packed in `blob` (separated by U+001F).
fn packed(blob: &'static str, i: usize) -> Option<&'static str> {
    blob.split('\u{1f}').nth(i)
}

/// The position of `key` among the keys packed in `keys`.
fn position(keys: &'static str, key: &str) -> Option<usize> {
    keys.split('\u{1f}').position(|k| k == key)
}

/// The text of `key` in `locale`, without filling: `None` when the catalog has none. Reads
/// the messages of errors and warnings and the words they use, not the report texts (see
/// [`report_text`]).
pub fn text(locale: Locale, key: &str) -> Option<&'static str> {
    packed(locale.texts(), position(KEYS, key)?)
}

/// The text of `key` in `locale` among the report texts (labels, explanations), else among
/// the messages. The report texts are a table of their own, so that a module that renders
/// no report does not need to carry them.
pub fn report_text(locale: Locale, key: &str) -> Option<&'static str> {
    match position(REPORT_KEYS, key) {
        Some(i) => packed(locale.report_texts(), i),
        None => text(locale, key),
    }
}

/// A label without parameters (a column heading, a state's name): the text of `key` in
/// `locale`, or in English, or the key itself.
pub fn label(locale: Locale, key: &'static str) -> &'static str {
    report_text(locale, key)
        .or_else(|| report_text(Locale::En, key))
        .unwrap_or(key)
}

/// Joins the items of a list as the locale writes them: `a, b` in English, `a、b` in Chinese.
pub fn join_list(locale: Locale, items: &[String]) -> String {
    items.join(label(locale, "list.separator"))
}

/// Every key of the catalogs (they all have the same): the messages' keys, sorted, then the
/// report texts' keys, sorted.
pub fn keys() -> impl Iterator<Item = &'static str> {
    message_keys().chain(report_keys())
}

fn message_keys() -> impl Iterator<Item = &'static str> {
    KEYS.split('\u{1f}')
}

fn report_keys() -> impl Iterator<Item = &'static str> {
    REPORT_KEYS.split('\u{1f}')
}

/// Where texts are looked up: [`text`] (messages) or [`report_text`] (reports, then
/// messages). A type parameter rather than a value, so that code rendering messages only (the
/// forms module) never links the report tables.
trait Lookup {
    fn text(locale: Locale, key: &str) -> Option<&'static str>;
    fn keys() -> impl Iterator<Item = &'static str>;
}

/// The messages of errors and warnings.
struct Messages;

/// The report texts, then the messages.
struct Reports;

impl Lookup for Messages {
    fn text(locale: Locale, key: &str) -> Option<&'static str> {
        text(locale, key)
    }

    fn keys() -> impl Iterator<Item = &'static str> {
        message_keys()
    }
}

impl Lookup for Reports {
    fn text(locale: Locale, key: &str) -> Option<&'static str> {
        report_text(locale, key)
    }

    fn keys() -> impl Iterator<Item = &'static str> {
        report_keys().chain(message_keys())
    }
}

/// The template of `key` in `locale` (or in English), choosing the singular or plural form
/// when the key has no text of its own.
fn template<'p, L: Lookup>(
    locale: Locale,
    key: &str,
    param: &dyn Fn(&str) -> Option<&'p str>,
) -> Option<&'static str> {
    let find = |key: &str| L::text(locale, key).or_else(|| L::text(Locale::En, key));
    find(key).or_else(|| {
        let counted = counted_in::<L>(key)?;
        let form = if param(counted)? == "1" {
            "one"
        } else {
            "other"
        };
        find(&format!("{key}.{counted}.{form}"))
    })
}

/// The parameter that chooses between `key.<param>.one` and `key.<param>.other`, read from
/// the English catalog (every catalog has the same keys).
pub fn counted_param(key: &str) -> Option<&'static str> {
    counted_in::<Reports>(key)
}

fn counted_in<L: Lookup>(key: &str) -> Option<&'static str> {
    let prefix = format!("{key}.");
    L::keys()
        .skip_while(|k| !k.starts_with(&prefix))
        .take_while(|k| k.starts_with(&prefix))
        .find_map(|k| {
            let rest = k.strip_prefix(&prefix)?;
            rest.strip_suffix(".other").filter(|p| !p.contains('.'))
        })
}

/// The message of `key` in `locale`, filled from `params` (see the [module](self) for the
/// rules). A key the catalog does not know is returned as itself.
pub fn message(locale: Locale, key: &str, params: &Params) -> String {
    message_with(locale, key, &|name| params.get(name).map(String::as_str))
}

/// As [`message`], reading each parameter through `param` (for parameters stored with owned
/// names, as in an [`Issue`](crate::Issue)).
pub fn message_with<'p>(
    locale: Locale,
    key: &str,
    param: &dyn Fn(&str) -> Option<&'p str>,
) -> String {
    render::<Messages>(locale, key, param)
}

/// As [`message`], for the texts of reports and explanations (see [`report_text`]).
pub fn report(locale: Locale, key: &str, params: &Params) -> String {
    render::<Reports>(locale, key, &|name| params.get(name).map(String::as_str))
}

fn render<'p, L: Lookup>(
    locale: Locale,
    key: &str,
    param: &dyn Fn(&str) -> Option<&'p str>,
) -> String {
    match template::<L>(locale, key, param) {
        Some(t) => fill::<L>(locale, key, t, param, 2),
        None => key.to_owned(),
    }
}

/// Fills the placeholders of `template` (the text of `key`); words nested at most `depth`
/// levels.
fn fill<'p, L: Lookup>(
    locale: Locale,
    key: &str,
    template: &str,
    param: &dyn Fn(&str) -> Option<&'p str>,
    depth: u8,
) -> String {
    let word = |key: &str| L::text(locale, key).or_else(|| L::text(Locale::En, key));
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or_default());
            rest = "";
            break;
        };
        let name = after.get(..close).unwrap_or_default();
        match param(name) {
            Some(value) => {
                let area = key.split_once('.').map_or(key, |(area, _)| area);
                let chosen = word(&format!("{key}.{name}.{value}"))
                    .or_else(|| word(&format!("{area}.{name}.{value}")))
                    .or_else(|| word(&format!("{name}.{value}")))
                    // `{expected}` may name another error's code, carried with its params.
                    .or_else(|| (name == "expected").then(|| word(value)).flatten());
                match chosen {
                    Some(w) if depth > 0 => {
                        out.push_str(&fill::<L>(locale, key, w, param, depth - 1));
                    }
                    _ => out.push_str(value),
                }
            }
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The names of the placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else { break };
        out.push(after.get(..close).unwrap_or_default());
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out
}

#[cfg(test)]
mod samples;
#[cfg(test)]
mod samples_money;
#[cfg(test)]
mod tests;

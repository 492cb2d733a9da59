//! Values across the boundary.
//!
//! **In**: a JavaScript value is read as its JSON text (`JSON.stringify`, one call into the
//! engine), its camelCase keys are renamed to the core's snake_case ([`crate::case`]), and the
//! core's own reader ([`secretariat::input::from_json_value`]) takes it: unknown keys, types,
//! codes and paths are exactly those of the Rust and Python surfaces. A number where the core
//! wants an exact decimal (money, scores, weights) is refused by that reader, never rounded:
//! the core reads a decimal from text only.
//!
//! **Out**: a result is written as camelCase JSON text ([`crate::case::to_camel_json`]) and parsed by
//! the engine (`JSON.parse`): plain objects and arrays, decimals as strings, dates as
//! `YYYY-MM-DD`.
//!
//! The JSON text is also what the parse caches (`ParseCache`) compare: a context or a
//! rulebook given again with the same content is not parsed again.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use secretariat::{Error, InputErrorKind};

use crate::case;

/// An `input.invalid` error at `path`.
pub(crate) fn invalid(path: &str, detail: impl Into<String>) -> Error {
    InputErrorKind::Invalid {
        code: "input.invalid",
        detail: detail.into(),
    }
    .at(path)
    .into()
}

/// The snake_case JSON value of a camelCase JSON text.
///
/// # Errors
///
/// `input.invalid` for text that is not JSON, or for a snake_case key where a camelCase one
/// belongs (with its path).
pub fn snake_value(text: &str) -> Result<Value, Error> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| invalid("", e.to_string()))?;
    case::keys_to_snake(&mut value).map_err(|e| invalid(&e.path, e.to_string()))?;
    Ok(value)
}

/// Reads a core input type from camelCase JSON text.
///
/// # Errors
///
/// As [`snake_value`], then the core reader's `input.invalid` (or a field's own code such as
/// `member.invalid_grade`) with the path of the offending field.
pub fn from_camel_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    Ok(secretariat::input::from_json_value(snake_value(text)?)?)
}

/// The JSON text of a JavaScript value; `undefined` reads as `null`.
pub(crate) fn json_text(value: &JsValue, path: &str) -> Result<String, Error> {
    if value.is_undefined() {
        return Ok("null".to_owned());
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| invalid(path, "a function or a symbol is not data")),
        Err(e) => Err(invalid(
            path,
            format!(
                "cannot be read as JSON ({})",
                js_sys::Error::from(e).message()
            ),
        )),
    }
}

/// A string argument (an id, a rule's name, a file's text): anything else, `undefined` and
/// `null` included, is refused with `input.invalid` at `path` instead of reaching the glue's
/// string copy, which would read a number or an object as a string of garbage length.
pub(crate) fn text(value: &JsValue, path: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| invalid(path, format!("expected a string, not {}", js_kind(value))))
}

/// What kind of JavaScript value `value` is, for a message.
fn js_kind(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else {
        "an object"
    }
}

/// Reads a core input type from a JavaScript value.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, path: &str) -> Result<T, Error> {
    from_camel_json(&json_text(value, path)?).map_err(|e| e.within(path))
}

/// A result as a plain JavaScript value.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    let text = case::to_camel_json(value).map_err(|e| invalid("", e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| invalid("", "the result is not valid JSON"))
}

/// The last few values parsed from JSON text, by that text: a form page that checks a field
/// at every keystroke passes the same context each time, and pays for `JSON.stringify` and a
/// comparison instead of a parse. Exact: a context with any change is parsed again.
pub(crate) struct ParseCache<T> {
    entries: RefCell<Vec<(String, Rc<T>)>>,
}

/// How many parsed values each cache keeps.
const CACHE_SIZE: usize = 4;

impl<T> ParseCache<T> {
    pub(crate) const fn new() -> ParseCache<T> {
        ParseCache {
            entries: RefCell::new(Vec::new()),
        }
    }

    /// The value parsed from `text`, parsing it (with `parse`) only when it is not cached.
    pub(crate) fn get_or_parse(
        &self,
        text: String,
        parse: impl FnOnce(&str) -> Result<T, Error>,
    ) -> Result<Rc<T>, Error> {
        let mut entries = self.entries.borrow_mut();
        if let Some(i) = entries.iter().position(|(t, _)| *t == text) {
            let entry = entries.remove(i);
            let value = Rc::clone(&entry.1);
            entries.insert(0, entry);
            return Ok(value);
        }
        drop(entries);
        let value = Rc::new(parse(&text)?);
        let mut entries = self.entries.borrow_mut();
        entries.truncate(CACHE_SIZE - 1);
        entries.insert(0, (text, Rc::clone(&value)));
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_parses_a_text_once_and_keeps_the_latest_few() {
        let cache: ParseCache<String> = ParseCache::new();
        let parses = std::cell::Cell::new(0);
        let parse = |t: &str| {
            parses.set(parses.get() + 1);
            Ok(t.to_uppercase())
        };
        assert_eq!(*cache.get_or_parse("a".into(), parse).unwrap(), "A");
        assert_eq!(*cache.get_or_parse("a".into(), parse).unwrap(), "A");
        assert_eq!(parses.get(), 1);
        for t in ["b", "c", "d", "e"] {
            cache.get_or_parse(t.into(), parse).unwrap();
        }
        assert_eq!(parses.get(), 5);
        // "a" fell out (four are kept): parsed again.
        cache.get_or_parse("a".into(), parse).unwrap();
        assert_eq!(parses.get(), 6);
        // A failed parse is not kept.
        let failing = |_: &str| Err(invalid("", "no"));
        assert!(cache.get_or_parse("x".into(), failing).is_err());
        assert!(cache.get_or_parse("x".into(), parse).is_ok());
    }

    #[test]
    fn camel_json_is_read_by_the_core_reader_with_its_paths() {
        use secretariat::Diagnostic;
        let err = from_camel_json::<secretariat::attendance::LeaveRequest>(
            r#"{"member": "m", "event": "e", "approver": "a", "requestedAt": "2002-10-01"}"#,
        )
        .unwrap_err();
        assert_eq!((err.code(), err.path()), ("input.invalid", "requested_at"));
        let err = from_camel_json::<secretariat::attendance::LeaveRequest>(
            r#"{"member": "m", "requested_at": "2002-10-01T12:00:00"}"#,
        )
        .unwrap_err();
        assert_eq!((err.code(), err.path()), ("input.invalid", "requested_at"));
        assert!(err.message(secretariat::Locale::En).contains("requestedAt"));
    }
}

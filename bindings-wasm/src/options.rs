//! The options object every call takes: `{ today, locale, rulebook }`, plus the few keys a
//! call reads for itself (`calendar`, `standings`, ...).
//!
//! `today` is always the caller's: the binding never reads the clock. `rulebook` is a partial
//! rulebook (the TOML file's schema, camelCase keys) laid over the embedded default, or a whole
//! one from `defaultRulebook()` / `loadRulebook()`.

use std::rc::Rc;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use secretariat::{Error, Locale, Rulebook};

use crate::convert::{ParseCache, from_js, invalid, json_text, snake_value};
use crate::errors::js_error;

thread_local! {
    static RULEBOOKS: ParseCache<Rulebook> = const { ParseCache::new() };
}

/// The embedded default rulebook, read once.
pub(crate) fn default_rulebook() -> &'static Rulebook {
    static DEFAULT: OnceLock<Rulebook> = OnceLock::new();
    DEFAULT.get_or_init(Rulebook::default)
}

/// A rulebook: the embedded default, or one read from the call's options.
pub(crate) enum RulebookChoice {
    /// The embedded default.
    Default(&'static Rulebook),
    /// Read from the options (and cached by content).
    Given(Rc<Rulebook>),
}

impl std::ops::Deref for RulebookChoice {
    type Target = Rulebook;
    fn deref(&self) -> &Rulebook {
        match self {
            RulebookChoice::Default(r) => r,
            RulebookChoice::Given(r) => r,
        }
    }
}

/// A partial (or whole) camelCase rulebook over the default.
///
/// # Errors
///
/// `input.invalid` for a snake_case key; the rulebook's own errors (`rulebook.unknown_key`,
/// `rulebook.out_of_range`, ...) with the key's path.
pub fn rulebook_from_camel_json(text: &str) -> Result<Rulebook, Error> {
    let overlay = snake_value(text)?;
    if overlay.is_null() {
        return Ok(default_rulebook().clone());
    }
    default_rulebook().overlay_value(overlay)
}

/// The options of one call.
pub(crate) struct Options {
    value: JsValue,
    /// The language of messages.
    pub locale: Locale,
}

fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Options {
    /// Reads the locale; the other options are read when a call asks for them.
    fn read(value: JsValue) -> Result<Options, Error> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options {
                value: JsValue::UNDEFINED,
                locale: Locale::En,
            });
        }
        if !value.is_object() {
            return Err(invalid("", "the options must be an object"));
        }
        // Every locale of the core's catalogs, by its tag or an alias (`zh-TW` is `zh-Hant`).
        let locale = match field(&value, "locale").as_string().as_deref() {
            None => Locale::En,
            Some(tag) => match Locale::from_tag(tag) {
                Some(locale) => locale,
                None => {
                    let known: Vec<String> = Locale::ALL
                        .iter()
                        .map(|l| format!("{:?}", l.tag()))
                        .collect();
                    return Err(invalid(
                        "locale",
                        format!("unknown locale {tag:?}: one of {}", known.join(", ")),
                    ));
                }
            },
        };
        Ok(Options { value, locale })
    }

    /// The option `key`, `undefined` when absent.
    pub fn get(&self, key: &str) -> JsValue {
        if self.value.is_undefined() {
            JsValue::UNDEFINED
        } else {
            field(&self.value, key)
        }
    }

    /// The option `key` read as a core type, `None` when absent or null.
    pub fn read_opt<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, Error> {
        let value = self.get(key);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        from_js(&value, key).map(Some)
    }

    /// `today`, which the call needs.
    pub fn today(&self) -> Result<NaiveDate, Error> {
        let value = self.get("today");
        if value.as_string().is_none() {
            return Err(invalid(
                "today",
                "this operation needs today, as \"YYYY-MM-DD\"",
            ));
        }
        date(&value, "today")
    }

    /// The rulebook: the default, or the options' `rulebook` over it.
    pub fn rulebook(&self) -> Result<RulebookChoice, Error> {
        let value = self.get("rulebook");
        if value.is_undefined() || value.is_null() {
            return Ok(RulebookChoice::Default(default_rulebook()));
        }
        crate::frozen::rulebook(&value, || {
            let text = json_text(&value, "rulebook")?;
            RULEBOOKS.with(|cache| cache.get_or_parse(text, rulebook_from_camel_json))
        })
        .map(RulebookChoice::Given)
    }
}

/// Runs one call: reads the options, runs `body`, and turns a core error into a thrown
/// `SecretariatError` with its message in the options' locale.
pub(crate) fn call(
    options: JsValue,
    body: impl FnOnce(&Options) -> Result<JsValue, Error>,
) -> Result<JsValue, JsValue> {
    let options = Options::read(options).map_err(|e| js_error(&e, Locale::En))?;
    body(&options).map_err(|e| js_error(&e, options.locale))
}

/// A `YYYY-MM-DD` argument.
pub(crate) fn date(value: &JsValue, path: &str) -> Result<NaiveDate, Error> {
    let Some(text) = value.as_string() else {
        return Err(invalid(path, "a date is a string \"YYYY-MM-DD\""));
    };
    secretariat::calendar::parse_iso_date(&text)
        .ok_or_else(|| invalid(path, format!("{text:?} is not a date YYYY-MM-DD")))
}

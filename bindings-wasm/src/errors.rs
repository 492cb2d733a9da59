//! Errors as JavaScript sees them: a real `Error` named `SecretariatError` carrying the
//! core's stable `code`, its `area` (the code's first part), the `path` as segments
//! (`["marks", 0, "signOut"]`) and `issues` (the error as plain records, for forms); its
//! `message` is in the locale the call asked for.

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use secretariat::error::PathSegment;
use secretariat::{Diagnostic, Error, Locale};

use crate::case::camel_path;

/// The `name` of every error the binding throws.
pub const ERROR_NAME: &str = "SecretariatError";

/// An issue as JavaScript sees it (the core's [`secretariat::Issue`] with its path split): a
/// problem, or a warning, as plain data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(rename = "Issue")]
pub struct JsIssue {
    /// Stable machine code, e.g. `leave.no_substitute`.
    pub code: String,
    /// The offending field as segments (`["risks", 1, "countermeasure"]`): camelCase field
    /// names, data keys (member ids, scheme ids) as they are, indices.
    #[tsify(type = "PathSegment[]")]
    pub path: Vec<PathSegment>,
    /// Human message in the requested language.
    pub message: String,
    /// Named parameters of the message.
    pub params: std::collections::BTreeMap<String, String>,
}

impl JsIssue {
    /// The issue of an error, its message in `locale`.
    pub fn of(err: &dyn Diagnostic, locale: Locale) -> JsIssue {
        let issue = secretariat::Issue::from_diagnostic(err, locale);
        JsIssue {
            code: issue.code,
            path: camel_path(&issue.path),
            message: issue.message,
            params: issue.params,
        }
    }
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property of a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// The JavaScript error for a core error.
pub(crate) fn js_error(err: &Error, locale: Locale) -> JsValue {
    let issue = JsIssue::of(err, locale);
    let error = js_sys::Error::new(&issue.message);
    error.set_name(ERROR_NAME);
    let value: JsValue = error.into();
    set(&value, "code", &JsValue::from_str(err.code()));
    set(&value, "area", &JsValue::from_str(err.area()));
    let path = crate::convert::to_js(&issue.path).unwrap_or_else(|_| js_sys::Array::new().into());
    set(&value, "path", &path);
    let issues = crate::convert::to_js(&[&issue]).unwrap_or_else(|_| js_sys::Array::new().into());
    set(&value, "issues", &issues);
    value
}

/// Whether `value` is an error thrown by this package (a type guard in TypeScript).
#[wasm_bindgen(js_name = isSecretariatError, unchecked_return_type = "value is SecretariatError")]
pub fn is_secretariat_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> bool {
    value
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == ERROR_NAME)
}

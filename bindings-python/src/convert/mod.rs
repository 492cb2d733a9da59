//! Python objects to and from core types: nothing but conversion.
//!
//! - **In:** a Python value (dicts, lists, `str`, `int`, `bool`, `None`, `datetime.date`,
//!   `datetime.datetime`, `datetime.time`, `decimal.Decimal`, and this module's own classes)
//!   becomes a JSON value, which the core then reads with its own input reader
//!   ([`secretariat::input::from_json_value`]), so the codes and paths of bad input are the
//!   core's. A `float` is refused here: no number in the core is a float, money and scores
//!   are exact decimals, and a float would be rounded silently.
//! - **Out:** a core value is written through serde straight into Python objects: maps
//!   become `dict`, sequences `list`, dates `datetime.date`, date-times `datetime.datetime`,
//!   times of day `datetime.time`, and money (the decimal fields named in
//!   [`secretariat::schema::decimal_fields`]) `decimal.Decimal`.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTime, PyTuple, PyType,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use secretariat::error::join_segments;
use secretariat::{Diagnostic, Error, InputErrorKind, PathSegment};

use crate::errors::to_py_err;

mod out;

pub use out::to_py;

/// Whether decimal strings under a field name are money or scores, to come out as
/// `decimal.Decimal`: the names are read from the core's schemas
/// ([`secretariat::schema::decimal_fields`]; the conformance tests check that they cover every
/// `Decimal` of the core's results). A string under one of these names that does not read as
/// a decimal (`"none"`) stays a string; map keys never convert.
fn is_decimal_field(name: &str) -> bool {
    secretariat::schema::decimal_fields()
        .binary_search(&name)
        .is_ok()
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `decimal.Decimal`.
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// How numbers are read: exactly (a float is refused), or as the fields of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// A float is refused: no number in the core is a float.
    Exact,
    /// A form (`secretariat::forms`): a float is passed on as the JSON number it is, never
    /// rounded, and the core decides (money refuses it with `form.amount_as_number`). A
    /// float JSON cannot hold (`nan`, `inf`) goes as its text; an `int` goes as its text.
    Form,
}

/// An input error built here, with the core's type so it reads like any other.
pub fn input_error(
    code: &'static str,
    path: impl fmt::Display,
    detail: impl Into<String>,
) -> Error {
    InputErrorKind::Invalid {
        code,
        detail: detail.into(),
    }
    .at(path.to_string())
    .into()
}

/// Where a value is in the input, spelt out only when an error names it: building the text
/// of every field's path would cost more than reading the field.
enum At<'a> {
    Root(&'a str),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root(path) => f.write_str(path),
            At::Key(At::Root(""), key) => f.write_str(key),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// An `input.invalid` error at `path`, raised as the Python exception.
pub fn invalid(py: Python<'_>, path: impl fmt::Display, detail: impl Into<String>) -> PyErr {
    to_py_err(py, &input_error("input.invalid", path, detail))
}

/// How deep a value may nest (lists and dicts): deeper input is refused with
/// `input.too_deep` instead of overflowing the stack. No input of the core nests past ten.
pub const MAX_DEPTH: usize = 128;

/// A Python value as JSON, refusing floats and anything the core cannot read. `path` is the
/// path of `obj` in the input, for errors.
pub fn to_value(obj: &Bound<'_, PyAny>, path: &str, numbers: Numbers) -> Result<Value, Error> {
    value_at(obj, &At::Root(path), numbers, 0)
}

fn value_at(
    obj: &Bound<'_, PyAny>,
    path: &At<'_>,
    numbers: Numbers,
    depth: usize,
) -> Result<Value, Error> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        let detail = format!("a value nested deeper than {MAX_DEPTH} lists or dicts");
        return Err(input_error("input.too_deep", path, detail));
    }
    let to_value =
        |obj: &Bound<'_, PyAny>, path: &At<'_>, numbers| value_at(obj, path, numbers, depth + 1);
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if numbers == Numbers::Form {
            // A form's fields are text; an `int` is exact, so it goes as its text.
            return Ok(Value::String(
                obj.str().map_err(|e| py_input(py, e, path))?.to_string(),
            ));
        }
        return int_value(obj, path);
    }
    if obj.is_instance_of::<PyFloat>() {
        if numbers == Numbers::Form {
            return form_number(obj, path);
        }
        return Err(float_refused(obj, path));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_str()
            .map(|s| Value::String(s.to_owned()))
            .map_err(|_| input_error("input.invalid", path, "a string that is not valid UTF-8"));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(input_error(
                    "input.invalid",
                    path,
                    format!("a key that is not a string: {}", type_name(&k)),
                ));
            };
            let key = key
                .to_str()
                .map_err(|_| input_error("input.invalid", path, "a key that is not valid UTF-8"))?;
            let value = to_value(&v, &At::Key(path, key), numbers)?;
            map.insert(key.to_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::with_capacity(obj.len().unwrap_or(0));
        for (i, item) in obj
            .try_iter()
            .map_err(|e| py_input(py, e, path))?
            .enumerate()
        {
            let item = item.map_err(|e| py_input(py, e, path))?;
            items.push(to_value(&item, &At::Index(path, i), numbers)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(dt) = obj.cast::<PyDateTime>() {
        return date_time_value(dt, path);
    }
    if obj.is_instance_of::<PyDate>() {
        let date: NaiveDate = obj.extract().map_err(|e| py_input(py, e, path))?;
        return Ok(Value::String(date.to_string()));
    }
    if obj.is_instance_of::<PyTime>() {
        let time: NaiveTime = obj.extract().map_err(|e| py_input(py, e, path))?;
        return Ok(Value::String(time.format("%H:%M:%S%.f").to_string()));
    }
    if let Some(value) = class_value(obj) {
        return Ok(value);
    }
    if let Ok(table) = obj.cast::<crate::table::PyTable>() {
        return to_value(
            table
                .get()
                .rows(py)
                .map_err(|e| py_input(py, e, path))?
                .as_any(),
            path,
            numbers,
        );
    }
    let decimal = decimal_type(py).map_err(|e| py_input(py, e, path))?;
    if obj.is_instance(decimal).unwrap_or(false) {
        return decimal_value(obj, path).map(Value::String);
    }
    // A path (`pathlib.Path`) as its text.
    if let Ok(text) = obj.call_method0("__fspath__") {
        return to_value(&text, path, numbers);
    }
    // NumPy and other integer types.
    if let Ok(index) = obj.call_method0("__index__") {
        return int_value(&index, path);
    }
    if obj.hasattr("items").unwrap_or(false) {
        let items = obj
            .call_method0("items")
            .map_err(|e| py_input(py, e, path))?;
        let dict = PyDict::new(py);
        for pair in items.try_iter().map_err(|e| py_input(py, e, path))? {
            let pair = pair.map_err(|e| py_input(py, e, path))?;
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                pair.extract().map_err(|e| py_input(py, e, path))?;
            dict.set_item(k, v).map_err(|e| py_input(py, e, path))?;
        }
        return to_value(dict.as_any(), path, numbers);
    }
    Err(input_error(
        "input.invalid",
        path,
        format!("unsupported Python type {}", type_name(obj)),
    ))
}

/// The value of one of this module's handles, so that it is accepted wherever its dict
/// form is (a `SchoolCalendar` in term data, a `Table` of standings in an evaluation).
fn class_value(obj: &Bound<'_, PyAny>) -> Option<Value> {
    if let Ok(c) = obj.cast::<crate::schedule::PySchoolCalendar>() {
        return serde_json::to_value(&c.get().inner).ok();
    }
    if let Ok(d) = obj.cast::<crate::report::PyTermData>() {
        return serde_json::to_value(&d.get().inner).ok();
    }
    if let Ok(r) = obj.cast::<crate::members::PyRoster>() {
        return serde_json::to_value(r.get().inner.members()).ok();
    }
    None
}

/// The items of an iterable argument; anything else is an `InputError` at `path`.
pub fn items<'py>(obj: &Bound<'py, PyAny>, path: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let fail = |e| to_py_err(obj.py(), &py_input(obj.py(), e, path));
    obj.try_iter()
        .map_err(fail)?
        .map(|i| i.map_err(fail))
        .collect()
}

/// The name of a value's Python type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn py_input(py: Python<'_>, e: PyErr, path: impl fmt::Display) -> Error {
    let detail = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    input_error("input.invalid", path, detail)
}

fn int_value(obj: &Bound<'_, PyAny>, path: &At<'_>) -> Result<Value, Error> {
    let n = (obj.extract::<i64>().map(Number::from))
        .or_else(|_| obj.extract::<u64>().map(Number::from));
    let too_large = |_| input_error("input.invalid", path, "an integer too large for any field");
    n.map(Value::Number).map_err(too_large)
}

/// A float of a form as the JSON number it is (see [`Numbers::Form`]).
fn form_number(obj: &Bound<'_, PyAny>, path: &At<'_>) -> Result<Value, Error> {
    let value: f64 = obj.extract().map_err(|e| py_input(obj.py(), e, path))?;
    Ok(match Number::from_f64(value) {
        Some(n) => Value::Number(n),
        None => Value::String(obj.repr().map(|r| r.to_string()).unwrap_or_default()),
    })
}

fn float_refused(obj: &Bound<'_, PyAny>, path: &At<'_>) -> Error {
    let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    let detail = format!(
        "the float {shown} is not exact (as money, a score or a count must be): pass \
         decimal.Decimal('{shown}'), an int or the string '{shown}' (never rounded silently)"
    );
    input_error("input.invalid", path, detail)
}

/// A `decimal.Decimal` as the plain text the core reads (`"150.50"`, never an exponent).
fn decimal_value(obj: &Bound<'_, PyAny>, path: &At<'_>) -> Result<String, Error> {
    let finite = obj
        .call_method0("is_finite")
        .and_then(|f| f.extract::<bool>())
        .unwrap_or(false);
    if !finite {
        return Err(input_error(
            "input.invalid",
            path,
            "a decimal that is not a finite number",
        ));
    }
    (obj.call_method1("__format__", ("f",))
        .and_then(|s| s.extract::<String>()))
    .map_err(|e| py_input(obj.py(), e, path))
}

fn date_time_value(dt: &Bound<'_, PyDateTime>, path: &At<'_>) -> Result<Value, Error> {
    let py = dt.py();
    let tz = dt.getattr("tzinfo").map_err(|e| py_input(py, e, path))?;
    if !tz.is_none() {
        return Err(input_error(
            "input.invalid",
            path,
            "a timezone-aware datetime: pass the naive school-local time (the caller owns \
             time zones)",
        ));
    }
    let value: NaiveDateTime = dt.extract().map_err(|e| py_input(py, e, path))?;
    Ok(Value::String(
        value.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
    ))
}

/// Reads a core input type from a Python value, with the core's codes and paths.
pub fn from_py<T: DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
    path: &str,
    numbers: Numbers,
) -> PyResult<T> {
    let py = obj.py();
    let value = to_value(obj, path, numbers).map_err(|e| to_py_err(py, &e))?;
    read_value(py, value, path)
}

/// Reads any argument of a function (a dict, a list, a date or its ISO text, an id...) as
/// the core type it stands for: one converter for every argument, so a wrong type is an
/// `InputError` at `path`, never a `TypeError`.
pub fn arg<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<T> {
    from_py(obj, path, Numbers::Exact)
}

/// [`arg`] for an argument that may be `None` (or left out).
pub fn opt_arg<T: DeserializeOwned>(
    obj: Option<&Bound<'_, PyAny>>,
    path: &str,
) -> PyResult<Option<T>> {
    match obj {
        Some(o) if !o.is_none() => arg(o, path).map(Some),
        _ => Ok(None),
    }
}

/// The `locale` argument of a function: `"en"` (the default), `"zh"`, `"zh-Hans"`,
/// `"zh-CN"`.
pub fn locale(obj: Option<&Bound<'_, PyAny>>) -> PyResult<secretariat::Locale> {
    Ok(opt_arg(obj, "locale")?.unwrap_or(secretariat::Locale::En))
}

/// Reads a core input type from a JSON value; errors get `path` in front of theirs.
pub fn read_value<T: DeserializeOwned>(py: Python<'_>, value: Value, path: &str) -> PyResult<T> {
    ints_as_decimals(value, |v| {
        secretariat::input::from_json_value(v).map_err(Error::from)
    })
    .map_err(|err| {
        let err = if path.is_empty() {
            err
        } else {
            err.within(path)
        };
        to_py_err(py, &err)
    })
}

/// Runs the core's reader `read` on `value`, reading the binding's own forms of two values
/// that the core reads otherwise: a Python `int` where the core wants an exact decimal (the
/// core reads decimals from text only, so that no JSON number is ever rounded, while an
/// `int` is exact), and a path given as segments (as every result gives it) where the core
/// keeps a path as text. When the reader refuses such a value at some path (an integer
/// only under a field of [`secretariat::schema::decimal_fields`], the names `to_py` writes as `Decimal`), it is
/// given again in the core's form; if that is refused there too, the first error stands.
/// The one place that decides this on the way in, as [`PySerializer`] does on the way out
/// (both to be derived from the core's schema).
pub fn ints_as_decimals<T>(
    value: Value,
    read: impl Fn(Value) -> Result<T, Error>,
) -> Result<T, Error> {
    fn is_segments(items: &[Value]) -> bool {
        items.iter().all(|i| i.is_string() || i.is_u64())
    }
    fn core_form(v: &Value, path: &[PathSegment]) -> Option<Value> {
        let decimal = || {
            path.iter()
                .any(|s| matches!(s, PathSegment::Key(k) if is_decimal_field(k)))
        };
        match v {
            Value::Number(n) if !n.is_f64() && decimal() => Some(Value::String(n.to_string())),
            Value::Array(items)
                if is_segments(items)
                    && matches!(path.last(), Some(PathSegment::Key(k)) if k == "path") =>
            {
                let segments: Vec<PathSegment> = serde_json::from_value(v.clone()).ok()?;
                Some(Value::String(join_segments(&segments)))
            }
            // A tagged enum (a warning) is refused as a whole, not at its `path`.
            Value::Object(m) => {
                let path = core_form(m.get("path")?, &[PathSegment::Key("path".into())])?;
                let mut m = m.clone();
                m.insert("path".into(), path);
                Some(Value::Object(m))
            }
            _ => None,
        }
    }
    /// Whether `v` holds an int under a decimal field, or a list under a `path` key.
    fn has_other_form(v: &Value, decimal: bool) -> bool {
        match v {
            Value::Number(n) => decimal && !n.is_f64(),
            Value::Array(a) => a.iter().any(|i| has_other_form(i, decimal)),
            Value::Object(m) => m.iter().any(|(k, v)| {
                (k == "path" && v.is_array()) || has_other_form(v, decimal || is_decimal_field(k))
            }),
            _ => false,
        }
    }
    fn at<'v>(v: &'v mut Value, path: &[PathSegment]) -> Option<&'v mut Value> {
        path.iter().try_fold(v, |v, s| match (s, v) {
            (PathSegment::Key(k), Value::Object(m)) => m.get_mut(k),
            (PathSegment::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        })
    }
    if !has_other_form(&value, false) {
        return read(value);
    }
    let mut value = value;
    let mut first: Option<Error> = None;
    loop {
        let err = match read(value.clone()) {
            Ok(out) => return Ok(out),
            Err(err) => err,
        };
        let retried = first.as_ref().is_some_and(|f| f.path() == err.path());
        let path = err.path_segments();
        match at(&mut value, &path).and_then(|v| core_form(v, &path).map(|c| (v, c))) {
            Some((v, core)) if !retried => {
                *v = core;
                first = Some(err);
            }
            _ => return Err(if retried { first.unwrap_or(err) } else { err }),
        }
    }
}

/// Reads a unit enum from its serde name, refusing others with the core's input error.
pub fn enum_from<T: DeserializeOwned>(py: Python<'_>, name: &str, path: &str) -> PyResult<T> {
    read_value(py, Value::String(name.to_owned()), path)
}

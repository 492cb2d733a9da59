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
use std::sync::Mutex;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTime, PyTuple, PyType,
};
use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;
use serde::ser::{self, Serialize};
use serde_json::{Map, Number, Value};

use secretariat::error::{join_segments, path_segments};
use secretariat::{Diagnostic, Error, InputError, PathSegment};

use crate::errors::to_py_err;

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
pub fn input_error(code: &'static str, path: &str, detail: impl Into<String>) -> Error {
    InputError::Invalid {
        code,
        path: path.to_owned(),
        detail: detail.into(),
    }
    .into()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A Python value as JSON, refusing floats and anything the core cannot read. `path` is the
/// path of `obj` in the input, for errors.
pub fn to_value(obj: &Bound<'_, PyAny>, path: &str, numbers: Numbers) -> Result<Value, Error> {
    let py = obj.py();
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
            let value = to_value(&v, &join(path, key), numbers)?;
            map.insert(key.to_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj
            .try_iter()
            .map_err(|e| py_input(py, e, path))?
            .enumerate()
        {
            let item = item.map_err(|e| py_input(py, e, path))?;
            items.push(to_value(&item, &format!("{path}[{i}]"), numbers)?);
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
        return to_value(table.get().rows(py).as_any(), path, numbers);
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

/// The name of a value's Python type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn py_input(py: Python<'_>, e: PyErr, path: &str) -> Error {
    let detail = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    input_error("input.invalid", path, detail)
}

fn int_value(obj: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    let n = (obj.extract::<i64>().map(Number::from))
        .or_else(|_| obj.extract::<u64>().map(Number::from));
    let too_large = |_| input_error("input.invalid", path, "an integer too large for any field");
    n.map(Value::Number).map_err(too_large)
}

/// A float of a form as the JSON number it is (see [`Numbers::Form`]).
fn form_number(obj: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    let value: f64 = obj.extract().map_err(|e| py_input(obj.py(), e, path))?;
    Ok(match Number::from_f64(value) {
        Some(n) => Value::Number(n),
        None => Value::String(obj.repr().map(|r| r.to_string()).unwrap_or_default()),
    })
}

fn float_refused(obj: &Bound<'_, PyAny>, path: &str) -> Error {
    let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    let detail = format!(
        "the float {shown} is not exact (as money, a score or a count must be): pass \
         decimal.Decimal('{shown}'), an int or the string '{shown}' (never rounded silently)"
    );
    input_error("input.invalid", path, detail)
}

/// A `decimal.Decimal` as the plain text the core reads (`"150.50"`, never an exponent).
pub fn decimal_value(obj: &Bound<'_, PyAny>, path: &str) -> Result<String, Error> {
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

fn date_time_value(dt: &Bound<'_, PyDateTime>, path: &str) -> Result<Value, Error> {
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

/// A core value as Python objects (see the module docs).
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value
        .serialize(PySerializer { py, field: None })
        .map_err(|e| e.0)
}

/// A serde error carrying a Python exception.
#[derive(Debug)]
pub struct SerError(PyErr);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e)
    }
}

/// Field and variant names (`&'static str`, by address and length) as Python strings,
/// each made once.
type Names = Mutex<FxHashMap<(usize, usize), Py<PyString>>>;
static NAMES: PyOnceLock<Names> = PyOnceLock::new();
/// Dates and times (immutable in Python) by their text, each made once.
static DATES: PyOnceLock<Mutex<FxHashMap<String, Py<PyAny>>>> = PyOnceLock::new();

fn name<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    let names = NAMES.get_or_init(py, Default::default);
    let mut names = names.lock().unwrap_or_else(|e| e.into_inner());
    let made = names.entry((name.as_ptr() as usize, name.len()));
    made.or_insert_with(|| PyString::intern(py, name).unbind())
        .bind(py)
        .clone()
}

/// Writes serde values as Python objects.
#[derive(Clone, Copy)]
struct PySerializer<'py> {
    py: Python<'py>,
    /// The name of the struct field being written, if any.
    field: Option<&'static str>,
}

type PyOut<'py> = Result<Bound<'py, PyAny>, SerError>;

impl<'py> PySerializer<'py> {
    fn obj<T: IntoPyObject<'py>>(&self, v: T) -> PyOut<'py>
    where
        PyErr: From<T::Error>,
    {
        Ok(v.into_pyobject(self.py)
            .map_err(PyErr::from)?
            .into_any()
            .into_bound())
    }

    fn plain(self) -> PySerializer<'py> {
        PySerializer {
            py: self.py,
            field: None,
        }
    }
}

/// A string written through `collect_str` (chrono's dates and times) as the Python type it
/// spells, else as a string.
fn display_value<'py>(py: Python<'py>, text: &str) -> PyOut<'py> {
    if text.len() == 10
        && let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
    {
        return Ok(d.into_pyobject(py)?.into_any());
    }
    if text.len() >= 19
        && text.as_bytes().get(10) == Some(&b'T')
        && let Ok(dt) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
    {
        return Ok(dt.into_pyobject(py)?.into_any());
    }
    if text.len() >= 8
        && text.as_bytes().get(2) == Some(&b':')
        && let Ok(t) = NaiveTime::parse_from_str(text, "%H:%M:%S%.f")
    {
        return Ok(t.into_pyobject(py)?.into_any());
    }
    Ok(PyString::new(py, text).into_any())
}

/// The `serialize_*` methods of numbers: each number as the Python object it converts to.
macro_rules! numbers_as_objects {
    ($($method:ident: $t:ty,)*) => {
        $(fn $method(self, v: $t) -> PyOut<'py> {
            self.obj(v)
        })*
    };
}

impl<'py> ser::Serializer for PySerializer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = SeqOut<'py>;
    type SerializeTuple = SeqOut<'py>;
    type SerializeTupleStruct = SeqOut<'py>;
    type SerializeTupleVariant = VariantOut<SeqOut<'py>>;
    type SerializeMap = MapOut<'py>;
    type SerializeStruct = MapOut<'py>;
    type SerializeStructVariant = VariantOut<MapOut<'py>>;

    fn serialize_bool(self, v: bool) -> PyOut<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    numbers_as_objects!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64,
    );
    fn serialize_char(self, v: char) -> PyOut<'py> {
        self.obj(v.to_string())
    }
    fn serialize_str(self, v: &str) -> PyOut<'py> {
        if let Some(field) = self.field
            && v.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit() || b == b'-')
            && is_decimal_field(field)
            && v.parse::<rust_decimal::Decimal>().is_ok()
        {
            return Ok(decimal_type(self.py)?.call1((v,))?);
        }
        Ok(PyString::new(self.py, v).into_any())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> PyOut<'py> {
        // Dates repeat (every mark of an event): each distinct one is made once.
        let (py, text) = (self.py, value.to_string());
        let mut made = DATES
            .get_or_init(py, Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(obj) = made.get(&text) {
            return Ok(obj.bind(py).clone());
        }
        let obj = display_value(py, &text)?;
        if made.len() < 100_000 {
            made.insert(text, obj.clone().unbind());
        }
        Ok(obj)
    }
    fn serialize_bytes(self, v: &[u8]) -> PyOut<'py> {
        self.obj(v.to_vec())
    }
    fn serialize_none(self) -> PyOut<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> PyOut<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> PyOut<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> PyOut<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> PyOut<'py> {
        Ok(name(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> PyOut<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> PyOut<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(variant, value.serialize(self.plain())?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqOut<'py>, SerError> {
        Ok(SeqOut {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqOut<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqOut<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantOut<SeqOut<'py>>, SerError> {
        Ok(VariantOut {
            variant,
            inner: self.plain().serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapOut<'py>, SerError> {
        Ok(MapOut {
            ser: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<MapOut<'py>, SerError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantOut<MapOut<'py>>, SerError> {
        Ok(VariantOut {
            variant,
            inner: self.serialize_map(Some(len))?,
        })
    }
}

/// A sequence being written.
struct SeqOut<'py> {
    ser: PySerializer<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> SeqOut<'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        // Items of a list of money (e.g. `amounts`) keep the list's field name.
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }
    fn finish(self) -> PyOut<'py> {
        Ok(PyList::new(self.ser.py, self.items)?.into_any())
    }
}

/// The three ways serde writes a sequence, all into a list.
macro_rules! seq_impls {
    ($($trait:ident::$method:ident),*) => {$(
        impl<'py> ser::$trait for SeqOut<'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
                self.push(value)
            }
            fn end(self) -> PyOut<'py> {
                self.finish()
            }
        }
    )*};
}
seq_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

/// A map or struct being written.
struct MapOut<'py> {
    ser: PySerializer<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for MapOut<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(self.ser.plain())?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <SerError as ser::Error>::custom("a map value without a key"))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> PyOut<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for MapOut<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        let py = self.ser.py;
        let ser = PySerializer {
            py,
            field: Some(key),
        };
        let mut out = value.serialize(ser)?;
        // The core keeps the path of an issue or a warning as text; every path in Python
        // is a list of segments.
        if key == "path"
            && let Ok(text) = out.cast::<PyString>()
        {
            out = to_py(py, &path_segments(text.to_str()?))?;
        }
        self.dict.set_item(name(py, key), out)?;
        Ok(())
    }
    fn end(self) -> PyOut<'py> {
        Ok(self.dict.into_any())
    }
}

/// An enum variant with fields, written as `{variant: fields}` (serde's external tagging).
struct VariantOut<T> {
    variant: &'static str,
    inner: T,
}

fn wrap_variant<'py>(
    variant: &'static str,
    py: Python<'py>,
    value: Bound<'py, PyAny>,
) -> PyOut<'py> {
    let dict = PyDict::new(py);
    dict.set_item(variant, value)?;
    Ok(dict.into_any())
}

impl<'py> ser::SerializeTupleVariant for VariantOut<SeqOut<'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        self.inner.push(value)
    }
    fn end(self) -> PyOut<'py> {
        let py = self.inner.ser.py;
        let value = self.inner.finish()?;
        wrap_variant(self.variant, py, value)
    }
}

impl<'py> ser::SerializeStructVariant for VariantOut<MapOut<'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }
    fn end(self) -> PyOut<'py> {
        let py = self.inner.ser.py;
        let value = self.inner.dict.into_any();
        wrap_variant(self.variant, py, value)
    }
}

/// Reads a unit enum from its serde name, refusing others with the core's input error.
pub fn enum_from<T: DeserializeOwned>(py: Python<'_>, name: &str, path: &str) -> PyResult<T> {
    read_value(py, Value::String(name.to_owned()), path)
}

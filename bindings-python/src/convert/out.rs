//! Core values out as Python objects: serde writes straight into `dict`, `list`, `str`,
//! `int`, `bool`, `None`, `datetime.date`/`datetime`/`time` and, under the decimal fields the
//! schemas name, `decimal.Decimal` (see the [module docs](super)).

use std::fmt;
use std::sync::Mutex;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use rustc_hash::FxHashMap;
use secretariat::calendar::CalendarErrorKind;
use secretariat::error::path_segments;
use serde::ser::{self, Serialize};

use super::{decimal_type, is_decimal_field};
use crate::errors::to_py_err;

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
/// spells, else as a string. A date Python cannot hold (before year 1, after 9999) is
/// refused with `calendar.date_out_of_range` at `field`.
fn display_value<'py>(py: Python<'py>, text: &str, field: Option<&str>) -> PyOut<'py> {
    let in_range = |date: NaiveDate| {
        if (1..=9999).contains(&date.year()) {
            return Ok(());
        }
        let path = field.unwrap_or_default().to_owned();
        let err = CalendarErrorKind::DateOutOfRange { date, days: 0 }.at(path);
        Err(SerError(to_py_err(py, &err.into())))
    };
    if (10..=13).contains(&text.len())
        && let Ok(d) = text.parse::<NaiveDate>()
    {
        in_range(d)?;
        return Ok(d.into_pyobject(py)?.into_any());
    }
    if let Some(t) = text.find('T').filter(|t| (10..=13).contains(t))
        && let Ok(date) = text[..t].parse::<NaiveDate>()
        && let Ok(dt) = NaiveDateTime::parse_from_str(&text[t - 10..], "%Y-%m-%dT%H:%M:%S%.f")
    {
        in_range(date)?;
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
        let obj = display_value(py, &text, self.field)?;
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

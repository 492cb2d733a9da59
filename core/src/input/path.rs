//! A deserializer over an owned [`serde_json::Value`] that reports the path of the field an
//! error comes from (`members[3].grade`).
//!
//! It reads as `serde_json`'s own `Value` deserializer does (same visits, same error
//! messages), except that a struct is read from an object only, never from an array of its
//! fields. It tracks the path the way `serde_path_to_error` did: map and struct keys (an
//! unknown key included), sequence indices, and an enum's variant for errors inside its
//! content. Each level adds its own segment to an error on its way out, so a type's
//! `Deserialize` code is instantiated once, for this deserializer, instead of once for a
//! path-tracking wrapper and again for every visitor the wrapper wraps: in the WebAssembly
//! module that halves the deserialization code.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Number, Value};

/// One step of a path: a key (or an enum variant) or an index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// An error with the path of the field it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathError {
    /// The path, innermost segment first (each level pushes its own on the way out).
    reversed: Vec<Segment>,
    /// The deserializer's or the field type's own words.
    pub(crate) message: String,
    /// What was wrong, structured: a word of `input.invalid.reason` (`other` for a field
    /// type's own words) and the names it is told with.
    pub(crate) reason: &'static str,
    /// The parameters of the reason: `expected`, `found`, `value`, `field`, `variant`, `len`.
    pub(crate) details: Vec<(&'static str, String)>,
}

/// What kind of value serde met, as a word of the catalogs (`input.found.<kind>`).
fn found_kind(unexp: &Unexpected<'_>) -> &'static str {
    match unexp {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "integer",
        Unexpected::Float(_) => "number",
        Unexpected::Char(_) | Unexpected::Str(_) => "string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "list",
        Unexpected::Map => "object",
        _ => "other",
    }
}

/// The value serde met, as text (empty for a list, an object or null).
fn found_value(unexp: &Unexpected<'_>) -> String {
    match unexp {
        Unexpected::Bool(b) => b.to_string(),
        Unexpected::Unsigned(n) => n.to_string(),
        Unexpected::Signed(n) => n.to_string(),
        Unexpected::Float(n) => n.to_string(),
        Unexpected::Char(c) => c.to_string(),
        Unexpected::Str(s) => (*s).to_owned(),
        Unexpected::Other(s) => (*s).to_owned(),
        _ => String::new(),
    }
}

/// The names allowed, as serde words them: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

impl PathError {
    fn structured(
        message: String,
        reason: &'static str,
        details: Vec<(&'static str, String)>,
    ) -> PathError {
        PathError {
            reversed: Vec::new(),
            message,
            reason,
            details,
        }
    }

    /// The path as segments, outermost first: a key keeps its dots.
    pub(crate) fn segments(&self) -> Vec<crate::diagnostic::PathSegment> {
        use crate::diagnostic::PathSegment;
        self.reversed
            .iter()
            .rev()
            .map(|s| match s {
                Segment::Key(k) => PathSegment::Key(k.clone()),
                Segment::Index(i) => PathSegment::Index(*i),
            })
            .collect()
    }
}

impl PathError {
    // The helpers of this file that every type's reader calls are kept out of line
    // (`inline(never)`) and free of type parameters: inlined, they were copied into the reader
    // of every type (in the WebAssembly module, a copy per struct, field type and enum).
    #[inline(never)]
    fn at(mut self, segment: Segment) -> PathError {
        self.reversed.push(segment);
        self
    }

    #[inline(never)]
    fn at_key(self, key: &str) -> PathError {
        self.at(Segment::Key(key.to_owned()))
    }

    #[inline(never)]
    fn at_index(self, index: usize) -> PathError {
        self.at(Segment::Index(index))
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: fmt::Display>(msg: T) -> PathError {
        PathError::structured(msg.to_string(), "other", Vec::new())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> PathError {
        PathError::structured(
            format!("invalid type: {unexp}, expected {exp}"),
            "wrong_type",
            vec![
                ("expected", exp.to_string()),
                ("found", found_kind(&unexp).to_owned()),
                ("value", found_value(&unexp)),
            ],
        )
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> PathError {
        PathError::structured(
            format!("invalid value: {unexp}, expected {exp}"),
            "invalid_value",
            vec![
                ("expected", exp.to_string()),
                ("found", found_kind(&unexp).to_owned()),
                ("value", found_value(&unexp)),
            ],
        )
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> PathError {
        PathError::structured(
            format!("invalid length {len}, expected {exp}"),
            "invalid_length",
            vec![("len", len.to_string()), ("expected", exp.to_string())],
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> PathError {
        PathError::structured(
            match expected {
                [] => format!("unknown variant `{variant}`, there are no variants"),
                _ => format!("unknown variant `{variant}`, expected {}", one_of(expected)),
            },
            "unknown_variant",
            vec![
                ("variant", variant.to_owned()),
                ("expected", expected.join(", ")),
            ],
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> PathError {
        PathError::structured(
            match expected {
                [] => format!("unknown field `{field}`, there are no fields"),
                _ => format!("unknown field `{field}`, expected {}", one_of(expected)),
            },
            "unknown_field",
            vec![
                ("field", field.to_owned()),
                ("expected", expected.join(", ")),
            ],
        )
    }

    fn missing_field(field: &'static str) -> PathError {
        PathError::structured(
            format!("missing field `{field}`"),
            "missing_field",
            vec![("field", field.to_owned())],
        )
    }

    fn duplicate_field(field: &'static str) -> PathError {
        PathError::structured(
            format!("duplicate field `{field}`"),
            "duplicate_field",
            vec![("field", field.to_owned())],
        )
    }
}

/// Reads `T` from a JSON value; an error carries the path of the offending field.
pub(crate) fn deserialize<T: DeserializeOwned>(value: Value) -> Result<T, PathError> {
    T::deserialize(De(value))
}

/// What a value is, for `invalid type` messages (as `serde_json` words it).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => number_unexpected(n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number_unexpected(n: &Number) -> Unexpected<'static> {
    if let Some(u) = n.as_u64() {
        Unexpected::Unsigned(u)
    } else if let Some(i) = n.as_i64() {
        Unexpected::Signed(i)
    } else {
        Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: &Number, visitor: V) -> Result<V::Value, PathError> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn invalid_type<'de, V: Visitor<'de>>(value: &Value, visitor: &V) -> PathError {
    de::Error::invalid_type(unexpected(value), visitor)
}

fn visit_array<'de, V: Visitor<'de>>(array: Vec<Value>, visitor: V) -> Result<V::Value, PathError> {
    let mut seq = Seq::new(array);
    let out = visitor.visit_seq(&mut seq);
    // The elements left over are dropped out of line, whatever the result.
    let left = seq.close();
    let out = out?;
    match left {
        None => Ok(out),
        Some(error) => Err(error),
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    object: Map<String, Value>,
    visitor: V,
) -> Result<V::Value, PathError> {
    let mut map = Entries::new(object);
    let out = visitor.visit_map(&mut map);
    let left = map.close();
    let out = out?;
    match left {
        None => Ok(out),
        Some(error) => Err(error),
    }
}

/// The deserializer of one value.
struct De(Value);

macro_rules! number {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
            match self.0 {
                Value::Number(n) => visit_number(&n, visitor),
                other => Err(invalid_type(&other, &visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for De {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => visit_number(&n, visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(o) => visit_object(o, visitor),
        }
    }

    number!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(De(other)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Object(object) => {
                let mut iter = object.into_iter();
                match (iter.next(), iter.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Enum {
                        variant,
                        value: Some(value),
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            Value::String(variant) => visitor.visit_enum(Enum {
                variant,
                value: None,
            }),
            other => Err(de::Error::invalid_type(
                unexpected(&other),
                &"string or map",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            Value::Array(a) => visit_array(a, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Array(a) => visit_array(a, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            Value::Object(o) => visit_object(o, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        // Unlike `serde_json`, a struct is read from an object only, never from an array of
        // its fields in order: no input of this library is written that way, a positional
        // record would be read silently wrong if a field were ever added, and never reaching a
        // derived `visit_seq` lets the compiler drop that second reader of every struct (about
        // a sixth of the WebAssembly module's deserialization code).
        match self.0 {
            Value::Object(o) => visit_object(o, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        visitor.visit_unit()
    }
}

/// The elements of an array, each error at its index.
struct Seq {
    iter: std::vec::IntoIter<Value>,
    /// The array's length.
    len: usize,
    /// The index of the next element.
    index: usize,
}

impl Seq {
    #[inline(never)]
    fn new(array: Vec<Value>) -> Seq {
        Seq {
            len: array.len(),
            iter: array.into_iter(),
            index: 0,
        }
    }

    /// The next element and its index.
    #[inline(never)]
    fn advance(&mut self) -> Option<(usize, Value)> {
        let value = self.iter.next()?;
        let index = self.index;
        self.index += 1;
        Some((index, value))
    }

    /// Drops the elements not read: `invalid_length` if there were any, as `serde_json` says.
    #[inline(never)]
    fn close(self) -> Option<PathError> {
        (self.iter.len() != 0)
            .then(|| de::Error::invalid_length(self.len, &"fewer elements in array"))
    }
}

impl<'de> SeqAccess<'de> for Seq {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, PathError> {
        match self.advance() {
            Some((index, value)) => seed
                .deserialize(De(value))
                .map(Some)
                .map_err(|e| e.at_index(index)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The entries of an object, each error (in the key or in the value) at its key.
struct Entries {
    iter: <Map<String, Value> as IntoIterator>::IntoIter,
    /// The object's length.
    len: usize,
    /// The key of the entry being read.
    key: String,
    /// Its value, until it is read.
    value: Option<Value>,
}

impl Entries {
    #[inline(never)]
    fn new(object: Map<String, Value>) -> Entries {
        Entries {
            len: object.len(),
            iter: object.into_iter(),
            key: String::new(),
            value: None,
        }
    }

    /// Moves to the next entry; its key, or `None` at the end.
    #[inline(never)]
    fn advance(&mut self) -> Option<&str> {
        let (key, value) = self.iter.next()?;
        self.key = key;
        self.value = Some(value);
        Some(&self.key)
    }

    /// The current entry's value, once.
    #[inline(never)]
    fn take_value(&mut self) -> Result<Value, PathError> {
        self.value
            .take()
            .ok_or_else(|| de::Error::custom("value is missing"))
    }

    /// Drops the entries not read: `invalid_length` if there were any, as `serde_json` says.
    #[inline(never)]
    fn close(self) -> Option<PathError> {
        (self.iter.len() != 0)
            .then(|| de::Error::invalid_length(self.len, &"fewer elements in map"))
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, PathError> {
        match self.advance() {
            Some(key) => match seed.deserialize(Key(key)) {
                Ok(out) => Ok(Some(out)),
                Err(e) => Err(e.at_key(&self.key)),
            },
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, PathError> {
        let value = self.take_value()?;
        seed.deserialize(De(value)).map_err(|e| e.at_key(&self.key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An object's key: a string, or a number or a boolean written as one (as `serde_json` reads
/// keys).
struct Key<'a>(&'a str);

macro_rules! numeric_key {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
            let numeric = matches!(self.0.bytes().next(), Some(b'0'..=b'9' | b'-'));
            match serde_json::from_str::<Number>(self.0) {
                Ok(n) if numeric => visit_number(&n, visitor),
                _ => Err(de::Error::custom(
                    "invalid value: expected key to be a number in quotes",
                )),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Key<'_> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        visitor.visit_str(self.0)
    }

    numeric_key!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(de::Error::invalid_type(Unexpected::Str(other), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        de::Deserializer::deserialize_enum(
            IntoDeserializer::<PathError>::into_deserializer(self.0),
            name,
            variants,
            visitor,
        )
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct
        map struct identifier ignored_any
    }
}

/// An enum: its variant's name, and its content unless it is a unit variant written as a
/// string. Errors inside the content are at the variant's name.
struct Enum {
    variant: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Enum {
    type Error = PathError;
    type Variant = Variant;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Variant), PathError> {
        let name = IntoDeserializer::<PathError>::into_deserializer(self.variant.as_str());
        let out = seed.deserialize(name)?;
        Ok((
            out,
            Variant {
                variant: self.variant,
                value: self.value,
            },
        ))
    }
}

struct Variant {
    variant: String,
    value: Option<Value>,
}

impl Variant {
    fn unit_error(&self, expected: &'static str) -> PathError {
        de::Error::invalid_type(Unexpected::UnitVariant, &expected)
    }
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = PathError;

    fn unit_variant(self) -> Result<(), PathError> {
        match self.value {
            Some(value) => {
                <() as de::Deserialize>::deserialize(De(value)).map_err(|e| e.at_key(&self.variant))
            }
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, PathError> {
        let result = match self.value {
            Some(value) => seed.deserialize(De(value)),
            None => Err(self.unit_error("newtype variant")),
        };
        result.map_err(|e| e.at(Segment::Key(self.variant)))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        let result = match self.value {
            Some(Value::Array(a)) if a.is_empty() => visitor.visit_unit(),
            Some(Value::Array(a)) => visit_array(a, visitor),
            Some(other) => Err(de::Error::invalid_type(
                unexpected(&other),
                &"tuple variant",
            )),
            None => Err(self.unit_error("tuple variant")),
        };
        result.map_err(|e| e.at(Segment::Key(self.variant)))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        let result = match self.value {
            Some(Value::Object(o)) => visit_object(o, visitor),
            Some(other) => Err(de::Error::invalid_type(
                unexpected(&other),
                &"struct variant",
            )),
            None => Err(self.unit_error("struct variant")),
        };
        result.map_err(|e| e.at(Segment::Key(self.variant)))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        n: u8,
        tag: Option<Kind>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Boxed { size: u32 },
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        items: Vec<Inner>,
        by_year: std::collections::BTreeMap<u16, String>,
    }

    /// The same result or error message as `serde_json`'s reader, and the path.
    fn both(value: Value) -> (Result<Outer, String>, String) {
        let ours = deserialize::<Outer>(value.clone());
        let theirs = serde_json::from_value::<Outer>(value).map_err(|e| e.to_string());
        let path = ours
            .as_ref()
            .err()
            .map(|e| crate::diagnostic::join_segments(&e.segments()))
            .unwrap_or_default();
        assert_eq!(ours.map_err(|e| e.message), theirs);
        (theirs, path)
    }

    #[test]
    fn reads_as_serde_json_does_with_the_paths_of_errors() {
        let ok = json!({"items": [{"n": 1, "tag": "plain"}, {"n": 2, "tag": {"boxed": {"size": 3}}}],
            "by_year": {"2002": "a"}});
        assert!(both(ok).0.is_ok());
        let cases = [
            (
                json!({"items": [{"n": 1}, {"n": 300}], "by_year": {}}),
                "items[1].n",
            ),
            (
                json!({"items": [{"n": 1, "x": 0}], "by_year": {}}),
                "items[0].x",
            ),
            (json!({"items": [{"n": "1"}], "by_year": {}}), "items[0].n"),
            (json!({"items": [{}], "by_year": {}}), "items[0]"),
            (
                json!({"items": [{"n": 1, "tag": "odd"}], "by_year": {}}),
                "items[0].tag",
            ),
            (
                json!({"items": [{"n": 1, "tag": {"boxed": {"size": -1}}}], "by_year": {}}),
                "items[0].tag.boxed.size",
            ),
            (
                json!({"items": [{"n": 1, "tag": {"a": 1, "b": 2}}], "by_year": {}}),
                "items[0].tag",
            ),
            (
                json!({"items": [{"n": 1, "tag": 5}], "by_year": {}}),
                "items[0].tag",
            ),
            (
                json!({"items": [], "by_year": {"year": "a"}}),
                "by_year.year",
            ),
            (json!({"items": 3, "by_year": {}}), "items"),
            (json!({"items": []}), ""),
        ];
        for (value, path) in cases {
            let (result, got) = both(value);
            assert!(result.is_err());
            assert_eq!(got, path);
        }
    }

    #[test]
    fn a_struct_is_read_from_an_object_only() {
        // serde_json would read `[1, null]` as `Inner { n: 1, tag: None }`.
        let value = json!({"items": [[1, null]], "by_year": {}});
        assert!(serde_json::from_value::<Outer>(value.clone()).is_ok());
        let err = deserialize::<Outer>(value).unwrap_err();
        assert_eq!(
            crate::diagnostic::join_segments(&err.segments()),
            "items[0]"
        );
        assert_eq!(err.message, "invalid type: sequence, expected struct Inner");
    }
}

//! Which struct fields of a result hold exact decimals, by type: the check behind
//! [`secretariat::schema::decimal_fields`], which reads them from the schemas.
//!
//! A decimal is written as text (`"12.50"`), so a binding that gives its language's decimal
//! type (Python's `decimal.Decimal`) tells money and scores from other text by the name of
//! the struct field they are under. A `Decimal` field the schemas did not mark would come out
//! as a string without anyone noticing; this module finds every such field by type, not by name.
//!
//! [`record`] walks a value with a serializer that writes nothing and notes, each time a
//! `rust_decimal::Decimal` is about to be written (a field, an item of a list, a map value, an
//! `Option`'s content), the nearest enclosing struct field: the name the bindings go by.

use std::any::type_name;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;
use serde::ser::{self, Serializer};

thread_local! {
    static SEEN: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// Notes the fields of `value` that hold decimals (see [`seen`]).
pub fn record<T: Serialize + ?Sized>(value: &T) {
    SEEN.with(|seen| {
        let _ = value.serialize(Recorder { field: None, seen });
    });
}

/// Every field name noted by [`record`] on this thread so far (`"(top level)"` for a decimal
/// outside any struct field).
pub fn seen() -> BTreeSet<&'static str> {
    SEEN.with(|seen| seen.borrow().clone())
}

/// Writes nothing; notes the enclosing field of every decimal.
#[derive(Clone, Copy)]
struct Recorder<'a> {
    field: Option<&'static str>,
    seen: &'a RefCell<BTreeSet<&'static str>>,
}

impl Recorder<'_> {
    /// Notes `T` if it is a decimal, then walks it under the same field.
    fn visit<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        // (Lists and maps hand their items over by reference: `&Decimal` is a decimal too.)
        if type_name::<T>().trim_start_matches('&') == type_name::<rust_decimal_name::Decimal>() {
            self.seen
                .borrow_mut()
                .insert(self.field.unwrap_or("(top level)"));
        }
        value.serialize(self)
    }

    /// Walks a struct field's value under its name.
    fn field<T: Serialize + ?Sized>(self, key: &'static str, value: &T) -> Result<(), Never> {
        Recorder {
            field: Some(key),
            ..self
        }
        .visit(value)
    }
}

/// The decimal type, named without a dependency on `rust_decimal` (the core's re-export).
mod rust_decimal_name {
    pub use secretariat::budget::Decimal;
}

/// The recorder's error, which it never raises.
#[derive(Debug)]
pub struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a custom serialization error")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_msg: T) -> Never {
        Never
    }
}

macro_rules! nothing {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Never> {
            Ok(())
        }
    )*};
}

impl<'a> Serializer for Recorder<'a> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Recorder<'a>;
    type SerializeTuple = Recorder<'a>;
    type SerializeTupleStruct = Recorder<'a>;
    type SerializeTupleVariant = Recorder<'a>;
    type SerializeMap = Recorder<'a>;
    type SerializeStruct = Recorder<'a>;
    type SerializeStructVariant = Recorder<'a>;

    nothing! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_str(&str); serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str); serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        self.visit(value)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.visit(value)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.visit(value)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident;)*) => {$(
        impl ser::$trait for Recorder<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.visit(value)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}

elements! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
    SerializeTupleVariant::serialize_field;
}

impl ser::SerializeMap for Recorder<'_> {
    type Ok = ();
    type Error = Never;
    // Keys are data (ids), never money: not walked.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.visit(value)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

macro_rules! fields {
    ($($trait:ident;)*) => {$(
        impl ser::$trait for Recorder<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                (*self).field(key, value)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}

fields! {
    SerializeStruct;
    SerializeStructVariant;
}

#[cfg(test)]
mod tests {
    use super::*;
    use secretariat::budget::Decimal;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Line {
        amount: Decimal,
        label: String,
        limits: Vec<Decimal>,
        by_member: BTreeMap<String, Decimal>,
        cap: Option<Decimal>,
        nested: Inner,
    }

    #[derive(Serialize)]
    struct Inner {
        spent: Option<Decimal>,
        count: u32,
    }

    #[test]
    fn every_decimal_is_noted_under_its_nearest_field() {
        let line = Line {
            amount: Decimal::new(1250, 2),
            label: "12.50".into(),
            limits: vec![Decimal::ONE],
            by_member: [("2002001".to_owned(), Decimal::TEN)].into(),
            cap: Some(Decimal::ONE),
            nested: Inner {
                spent: Some(Decimal::ONE),
                count: 3,
            },
        };
        let seen = std::thread::spawn(move || {
            record(&line);
            seen()
        })
        .join()
        .unwrap();
        let want: BTreeSet<&str> = ["amount", "by_member", "cap", "limits", "spent"].into();
        assert_eq!(seen, want);
    }
}

//! Result tables as Apache Arrow (feature `arrow`): one generic path from a row type's serde
//! form to a [`RecordBatch`], through [serde_arrow], with the Arrow schema derived from the
//! row type's JSON Schema ([`crate::schema`]), so a table's shape is written once, in the
//! type. Money (`format: decimal`) is `decimal128(38, 2)`, dates `date32`, counts unsigned
//! integers, enums their snake_case names as `utf8`, optional fields nullable, lists
//! `list`, nested results `struct`, tagged enums one `struct` of all their variants'
//! fields, text maps `map<utf8, utf8>`.
//!
//! Marks come the other way as Arrow columns in [`mark_columns`].
//!
//! ```
//! use secretariat::{TermData, arrow};
//!
//! let data = TermData::sample();
//! let (register, _) = data.register(&Default::default())?;
//! let today = chrono::NaiveDate::from_ymd_opt(2002, 12, 31).expect("a date");
//! let standings = register.standings(&Default::default(), &data.calendar, today)?;
//! let batch = arrow::record_batch(&standings).expect("the schema is the type's");
//! assert_eq!(batch.num_rows(), data.members.len());
//! assert_eq!(batch.schema(), arrow::schema_of::<secretariat::Standing>());
//! assert!(arrow::schema("no_such_table").is_none());
//! # Ok::<(), secretariat::Error>(())
//! ```

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::Standing;
use crate::budget::LedgerEntry;

mod marks;

pub use marks::{MarkColumnsBuf, mark_columns};

/// A row type of the core's result tables, by its name.
pub trait TableRow: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The table's name (`standing`, `ledger_entry`), as [`schema`] takes it.
    const NAME: &'static str;
    /// The JSON Schema ([`crate::schema::schema`]) that holds the row type, and the row
    /// type's entry in its `$defs` (`None`: the schema's root).
    const JSON_SCHEMA: (&'static str, Option<&'static str>);
}

impl TableRow for Standing {
    const NAME: &'static str = "standing";
    const JSON_SCHEMA: (&'static str, Option<&'static str>) = ("standing_result", None);
}

impl TableRow for LedgerEntry {
    const NAME: &'static str = "ledger_entry";
    const JSON_SCHEMA: (&'static str, Option<&'static str>) =
        ("budget_ledger", Some("LedgerEntry"));
}

/// The names of the result tables, as [`schema`] takes them.
pub const TABLES: [&str; 2] = [Standing::NAME, LedgerEntry::NAME];

/// The Arrow schema of the table called `name` (one of [`TABLES`]), or `None`.
pub fn schema(name: &str) -> Option<SchemaRef> {
    match name {
        Standing::NAME => Some(schema_of::<Standing>()),
        LedgerEntry::NAME => Some(schema_of::<LedgerEntry>()),
        _ => None,
    }
}

/// The Arrow schema of a table of `T`, from `T`'s JSON Schema: the columns in the order of
/// the type's required fields, then the optional ones by name.
pub fn schema_of<T: TableRow>() -> SchemaRef {
    let (name, def) = T::JSON_SCHEMA;
    let root = crate::schema::schema(name).unwrap_or_default();
    let defs = root
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let row = def.and_then(|d| defs.get(d)).unwrap_or(&root);
    Arc::new(Schema::new(struct_fields(row, &defs)))
}

/// The rows as one record batch of [`schema_of`]`::<T>()`.
///
/// # Errors
///
/// An [`ArrowError`] only if a value does not fit its column (a decimal of more than two
/// places): the schema is derived from the same type.
pub fn record_batch<T: TableRow>(rows: &[T]) -> Result<RecordBatch, ArrowError> {
    let schema = schema_of::<T>();
    let fields: Vec<FieldRef> = schema.fields().iter().cloned().collect();
    let batch = serde_arrow::to_record_batch(&fields, &rows)
        .map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
    batch.with_schema(schema)
}

/// The fields of an object schema (or, for a `oneOf` of objects, of all of them, nullable).
fn struct_fields(schema: &Value, defs: &Map<String, Value>) -> Fields {
    let schema = resolve(schema, defs);
    if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
        let mut fields: Vec<FieldRef> = Vec::new();
        for variant in variants {
            for field in struct_fields(variant, defs).iter() {
                if !fields.iter().any(|f| f.name() == field.name()) {
                    fields.push(Arc::new(field.as_ref().clone().with_nullable(true)));
                }
            }
        }
        return fields.into();
    }
    let required: Vec<&str> = (schema.get("required").and_then(Value::as_array))
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut properties: Vec<_> = schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .collect();
    properties.sort_by_key(|(name, _)| {
        required
            .iter()
            .position(|r| r == name)
            .unwrap_or(usize::MAX)
    });
    properties
        .into_iter()
        .map(|(name, property)| {
            let (data_type, nullable) = data_type(property, defs);
            Field::new(
                name,
                data_type,
                nullable || !required.contains(&name.as_str()),
            )
        })
        .collect()
}

/// `schema` with a `$ref` to one of `defs` followed.
fn resolve<'a>(schema: &'a Value, defs: &'a Map<String, Value>) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(name) => (name.strip_prefix("#/$defs/").and_then(|n| defs.get(n)))
            .map_or(schema, |def| resolve(def, defs)),
        None => schema,
    }
}

/// The Arrow type of a JSON Schema, and whether it allows null.
fn data_type(schema: &Value, defs: &Map<String, Value>) -> (DataType, bool) {
    let schema = resolve(schema, defs);
    let is_null = |s: &Value| s.get("type").and_then(Value::as_str) == Some("null");
    if let Some(any_of) = schema.get("anyOf").and_then(Value::as_array) {
        let others: Vec<&Value> = any_of.iter().filter(|s| !is_null(s)).collect();
        let nullable = others.len() < any_of.len();
        return match others.as_slice() {
            [one] => (data_type(one, defs).0, nullable),
            _ => (DataType::Utf8, nullable),
        };
    }
    if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
        let unit = |v: &Value| v.get("const").is_some_and(Value::is_string);
        return match variants.iter().all(unit) {
            true => (DataType::Utf8, false),
            false => (DataType::Struct(struct_fields(schema, defs)), false),
        };
    }
    let (kind, nullable) = match schema.get("type") {
        Some(Value::Array(types)) => {
            let kind = types
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null");
            (kind.unwrap_or("null"), types.len() > 1)
        }
        Some(kind) => (kind.as_str().unwrap_or_default(), false),
        None => ("", false),
    };
    let format = schema.get("format").and_then(Value::as_str);
    let bound = |key: &str| schema.get(key).and_then(Value::as_f64);
    let data_type = match (kind, format) {
        ("string", Some("date")) => DataType::Date32,
        ("string", Some("decimal")) => DataType::Decimal128(38, 2),
        ("boolean", _) => DataType::Boolean,
        ("integer", _) => match (bound("minimum"), bound("maximum")) {
            (Some(min), Some(max)) if min >= 0.0 && max <= f64::from(u32::MAX) => DataType::UInt32,
            (Some(min), _) if min >= 0.0 => DataType::UInt64,
            (Some(min), Some(max)) if min >= f64::from(i32::MIN) && max <= f64::from(i32::MAX) => {
                DataType::Int32
            }
            _ => DataType::Int64,
        },
        ("array", _) => {
            let items = schema.get("items").unwrap_or(&Value::Null);
            let (item, nullable) = data_type(items, defs);
            DataType::List(Arc::new(Field::new("element", item, nullable)))
        }
        ("object", _) if schema.get("properties").is_none() => {
            let entries = Fields::from(vec![
                Field::new("key", DataType::Utf8, false),
                Field::new("value", DataType::Utf8, true),
            ]);
            let entries = Field::new("entries", DataType::Struct(entries), false);
            DataType::Map(Arc::new(entries), false)
        }
        ("object", _) => DataType::Struct(struct_fields(schema, defs)),
        _ => DataType::Utf8,
    };
    (data_type, nullable)
}

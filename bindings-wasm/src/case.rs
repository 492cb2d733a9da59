//! camelCase at the boundary. The core's serde names are snake_case; JavaScript sees struct
//! field names (and the keys of externally tagged enum variants, such as a ledger operation's
//! `{"expense": {...}}`) in camelCase. Keys that are data (member ids, scheme ids such as
//! `challenge_cup`, criterion ids, budget line ids, rulebook table keys) and every string value
//! pass unchanged.
//!
//! Both directions rename JSON values, so the conversion is one piece of code for every type
//! (a serde adapter would be compiled again for each type, and the module must stay small):
//!
//! - **In**: [`keys_to_snake`] renames the keys of the JSON value read from JavaScript, then
//!   the core's own reader takes it, so unknown keys, error codes and paths are the core's,
//!   exactly as in Rust and Python.
//! - **Out**: [`to_camel_json`] writes a result as the core's JSON value renamed by
//!   [`keys_to_camel`].
//! - **Paths**: [`camel_path`] turns a core path such as `candidates[0].scores.written_expression`
//!   into `["candidates", 0, "scores", "written_expression"]`. Every issue inside a result
//!   (the core's [`secretariat::Issue`]: `{code, path, message, params}`) goes out with its path
//!   so split.
//!
//! A JSON value carries no types, so which objects hold data keys is told by [`MAP_FIELDS`]:
//! the struct fields whose value is a map, derived at build time from the core's JSON Schemas
//! (`build.rs`, never listed by hand). The host tests check that rule against an exact
//! serde serializer adapter (renaming what serde itself names a struct field or a variant
//! key) on the bundled sample data, the default rulebook and results computed from them.

use std::borrow::Cow;
use std::fmt;

use secretariat::error::{PathSegment, path_segments};
use serde::Serialize;
use serde_json::{Map, Value};

/// The struct fields (snake_case, as the core names them) whose value is a map keyed by data:
/// the keys one level below such a field are kept as they are, in both directions. Derived
/// by `build.rs` from the core's JSON Schemas (`schema/*.json`): every field whose schema is a
/// map (`additionalProperties` without fixed `properties`), sorted, so it follows the types.
pub const MAP_FIELDS: &[&str] = include!(concat!(env!("OUT_DIR"), "/map_fields.rs"));

fn is_map_field(snake: &str) -> bool {
    MAP_FIELDS.binary_search(&snake).is_ok()
}

/// `sign_in` -> `signIn`; a name without `_` is returned as it is.
pub fn camel(snake: &str) -> Cow<'_, str> {
    if !snake.contains('_') {
        return Cow::Borrowed(snake);
    }
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            // Keys are ASCII: the ASCII rule keeps Unicode's case tables out of the module.
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `signIn` -> `sign_in`; a name without capitals is returned as it is.
pub fn snake(camel: &str) -> Cow<'_, str> {
    if !camel.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(camel);
    }
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

// --- In: renaming the keys of a JSON value ---------------------------------------------------

/// Where an object sits: among struct fields, or as the value of a map field (data keys).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Struct,
    Map,
}

/// A key in camelCase position written in snake_case (`sign_in` for `signIn`): refused, so a
/// caller never mixes the two styles without noticing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnakeKey {
    /// The snake_case path of the key, as the core writes paths (`marks[0].sign_in`).
    pub path: String,
    /// The key as given.
    pub key: String,
}

impl fmt::Display for SnakeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown field `{}`: keys are camelCase (`{}`)",
            self.key,
            camel(&self.key)
        )
    }
}

/// Renames the struct-field keys of a camelCase JSON value to the core's snake_case, in place;
/// keys under a [`MAP_FIELDS`] field are data and kept.
///
/// # Errors
///
/// [`SnakeKey`] for a snake_case key where a camelCase one belongs.
pub fn keys_to_snake(value: &mut Value) -> Result<(), SnakeKey> {
    let mut path = String::new();
    rename_in(value, Position::Struct, &mut path)
}

fn rename_in(value: &mut Value, position: Position, path: &mut String) -> Result<(), SnakeKey> {
    match value {
        Value::Object(map) => {
            let old = std::mem::take(map);
            let mut renamed = Map::new();
            for (key, mut child) in old {
                let (name, child_position) = match position {
                    Position::Map => (key, Position::Struct),
                    Position::Struct => {
                        if key.contains('_') {
                            return Err(SnakeKey {
                                path: join(path, &key),
                                key,
                            });
                        }
                        let name = snake(&key).into_owned();
                        let child_position = if is_map_field(&name) {
                            Position::Map
                        } else {
                            Position::Struct
                        };
                        (name, child_position)
                    }
                };
                let len = path.len();
                push_key(path, &name);
                rename_in(&mut child, child_position, path)?;
                path.truncate(len);
                renamed.insert(name, child);
            }
            *map = renamed;
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                rename_in(item, Position::Struct, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

fn join(path: &str, key: &str) -> String {
    let mut out = path.to_owned();
    push_key(&mut out, key);
    out
}

/// Renames the struct-field keys of a snake_case JSON value to camelCase, in place, by the
/// [`MAP_FIELDS`] rule (the inverse of [`keys_to_snake`]), and splits the path of every issue
/// into segments.
pub fn keys_to_camel(value: &mut Value) {
    camel_in(value, Position::Struct);
}

/// An issue as the core writes it: `{code, path, message, params}`, the path a string.
fn is_issue(map: &Map<String, Value>) -> bool {
    map.len() == 4
        && map.get("path").is_some_and(Value::is_string)
        && map.contains_key("code")
        && map.contains_key("message")
        && map.get("params").is_some_and(Value::is_object)
}

/// A result as camelCase JSON text.
///
/// # Errors
///
/// Only if `value`'s own `Serialize` fails (none of the core's types does).
pub fn to_camel_json<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_value(value)?;
    keys_to_camel(&mut json);
    serde_json::to_string(&json)
}

fn camel_in(value: &mut Value, position: Position) {
    match value {
        Value::Object(map) if position == Position::Struct && is_issue(map) => {
            if let Some(Value::String(path)) = map.get("path") {
                let segments = camel_path(path)
                    .into_iter()
                    .map(|s| match s {
                        PathSegment::Key(k) => Value::String(k),
                        PathSegment::Index(i) => Value::from(i),
                    })
                    .collect();
                map.insert("path".to_owned(), Value::Array(segments));
            }
        }
        Value::Object(map) => {
            let old = std::mem::take(map);
            let mut renamed = Map::new();
            for (key, mut child) in old {
                let (name, child_position) = match position {
                    Position::Map => (key, Position::Struct),
                    Position::Struct => {
                        let child_position = if is_map_field(&key) {
                            Position::Map
                        } else {
                            Position::Struct
                        };
                        (camel(&key).into_owned(), child_position)
                    }
                };
                camel_in(&mut child, child_position);
                renamed.insert(name, child);
            }
            *map = renamed;
        }
        Value::Array(items) => {
            for item in items {
                camel_in(item, Position::Struct);
            }
        }
        _ => {}
    }
}

// --- Paths -------------------------------------------------------------------------------------

/// A core path as JavaScript segments: struct fields in camelCase, data keys and indices as
/// they are (`candidates[0].scores.written_expression` ->
/// `["candidates", 0, "scores", "written_expression"]`).
pub fn camel_path(path: &str) -> Vec<PathSegment> {
    camel_segments(path_segments(path))
}

/// Path segments in the core's snake_case as JavaScript segments (see [`camel_path`]).
pub fn camel_segments(segments: Vec<PathSegment>) -> Vec<PathSegment> {
    let mut position = Position::Struct;
    segments
        .into_iter()
        .map(|segment| match segment {
            PathSegment::Key(key) => match position {
                Position::Map => {
                    position = Position::Struct;
                    PathSegment::Key(key)
                }
                Position::Struct => {
                    if is_map_field(&key) {
                        position = Position::Map;
                    }
                    PathSegment::Key(camel(&key).into_owned())
                }
            },
            PathSegment::Index(i) => {
                position = Position::Struct;
                PathSegment::Index(i)
            }
        })
        .collect()
}

#[cfg(test)]
mod exact;
#[cfg(test)]
mod tests;

//! Derives the camelCase rule's list of map fields (`case::MAP_FIELDS`) from the core's JSON
//! Schemas (the repository's `schema/*.json`, generated from the core's types by
//! `make schema`), so the rule cannot drift from the types: a struct field holds a map keyed
//! by data when its schema (its `$ref`s followed, each alternative of an `anyOf`/`oneOf`/
//! `allOf`) is an object whose `additionalProperties` is a schema, with no fixed `properties`.
//!
//! Writes `$OUT_DIR/map_fields.rs`, the sorted list as a Rust array, which `src/case.rs`
//! includes. The build fails when a field name is a map in one schema and a struct in another
//! (the rule goes by the field's name, so it could not convert both). The same definition is
//! `mapFields` of `scripts/camel-schema.mjs`, which renames the schemas for `schema(name)`.

use std::collections::BTreeSet;
use std::path::Path;
use std::{env, fs};

use serde_json::Value;

/// The schema `schema` stands for, its `$ref`s into `root`'s `$defs` followed.
fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    let mut s = schema;
    for _ in 0..64 {
        let Some(reference) = s.get("$ref").and_then(Value::as_str) else {
            return s;
        };
        let name = reference
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        s = root
            .get("$defs")
            .and_then(|d| d.get(name))
            .unwrap_or_else(|| panic!("dangling $ref {reference}"));
    }
    panic!("a cycle of $refs")
}

/// Whether `schema` (or one of its alternatives) is a map keyed by data, and whether it is a
/// struct.
fn kinds(schema: &Value, root: &Value, map: &mut bool, structure: &mut bool) {
    let s = resolve(schema, root);
    if s.get("properties").is_some() {
        *structure = true;
    } else if s.get("additionalProperties").is_some_and(Value::is_object) {
        *map = true;
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for alternative in s.get(key).and_then(Value::as_array).into_iter().flatten() {
            kinds(alternative, root, map, structure);
        }
    }
}

/// Every property name met in `node` whose schema is a map, or a struct.
fn visit(node: &Value, root: &Value, maps: &mut BTreeSet<String>, structs: &mut BTreeSet<String>) {
    match node {
        Value::Array(items) => items.iter().for_each(|i| visit(i, root, maps, structs)),
        Value::Object(object) => {
            for (key, value) in object {
                match key.as_str() {
                    "properties" => {
                        for (name, property) in value.as_object().into_iter().flatten() {
                            let (mut map, mut structure) = (false, false);
                            kinds(property, root, &mut map, &mut structure);
                            if map {
                                maps.insert(name.clone());
                            }
                            if structure {
                                structs.insert(name.clone());
                            }
                            visit(property, root, maps, structs);
                        }
                    }
                    "$defs" => {
                        for definition in value.as_object().into_iter().flatten().map(|d| d.1) {
                            visit(definition, root, maps, structs);
                        }
                    }
                    "default" | "examples" | "const" | "enum" => {}
                    _ => visit(value, root, maps, structs),
                }
            }
        }
        _ => {}
    }
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../schema");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no schema", dir.display());
    let (mut maps, mut structs) = (BTreeSet::new(), BTreeSet::new());
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let schema: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        visit(&schema, &schema, &mut maps, &mut structs);
    }
    let both: Vec<_> = maps.intersection(&structs).collect();
    assert!(
        both.is_empty(),
        "fields both a map and a struct in schema/ (the camelCase rule goes by name): {both:?}"
    );
    let list: Vec<String> = maps.iter().map(|m| format!("{m:?}")).collect();
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("map_fields.rs");
    fs::write(&out, format!("&[{}]\n", list.join(", ")))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

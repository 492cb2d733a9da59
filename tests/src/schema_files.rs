//! The committed JSON Schema files of `schema/` (one per name of [`secretariat::schema::NAMES`]):
//! how they are written, and how a fresh generation is compared with them. The writer
//! (`make schema`, the `write_schema` binary of this crate) and the freshness test use the
//! same [`render`], so both produce the same bytes.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use secretariat::schema::{NAMES, schema};

/// The command that regenerates the files, named by the freshness test.
pub const REGENERATE: &str = "make schema";

/// The `schema/` directory at the root of the repository.
pub fn schema_dir() -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests.parent().unwrap_or(tests).join("schema")
}

/// The text of the file of schema `name`: the schema pretty-printed (keys sorted), with a
/// trailing newline.
///
/// # Errors
///
/// `schema.unknown_name` for a name that is not one of [`NAMES`].
pub fn render(name: &str) -> Result<String, secretariat::Error> {
    let value = schema(name)?;
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    Ok(text)
}

/// The file name of schema `name`.
pub fn file_name(name: &str) -> String {
    format!("{name}.json")
}

/// Writes every schema into `dir` and removes the `.json` files of names that no longer
/// exist. Returns the names written.
///
/// # Errors
///
/// When `dir` cannot be created, read or written.
pub fn write_all(dir: &Path) -> io::Result<Vec<&'static str>> {
    std::fs::create_dir_all(dir)?;
    for name in NAMES {
        let text = render(name).map_err(|e| io::Error::other(e.to_string()))?;
        std::fs::write(dir.join(file_name(name)), text)?;
    }
    for stale in extra_files(dir)? {
        std::fs::remove_file(dir.join(stale))?;
    }
    Ok(NAMES.to_vec())
}

/// The `.json` files of `dir` that are not the file of a name.
fn extra_files(dir: &Path) -> io::Result<Vec<String>> {
    let known: BTreeSet<String> = NAMES.iter().map(|n| file_name(n)).collect();
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        if file.ends_with(".json") && !known.contains(&file) {
            extra.push(file);
        }
    }
    extra.sort();
    Ok(extra)
}

/// How the files of `dir` differ from a fresh generation: one line per missing, changed or
/// extra file; empty when they are the same.
pub fn differences(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for name in NAMES {
        let file = file_name(name);
        let fresh = render(name).unwrap_or_default();
        match std::fs::read_to_string(dir.join(&file)) {
            Ok(text) if text == fresh => {}
            Ok(_) => out.push(format!("{file}: differs from a fresh generation")),
            Err(_) => out.push(format!("{file}: missing")),
        }
    }
    match extra_files(dir) {
        Ok(extra) => out.extend(
            extra
                .into_iter()
                .map(|f| format!("{f}: no schema has this name")),
        ),
        Err(e) => out.push(format!("{}: {e}", dir.display())),
    }
    out
}

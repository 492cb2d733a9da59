//! Turns the embedded default rulebook (`src/rulebook/default.toml`, the file a school reads
//! and copies) into compact JSON at build time, so that `Rulebook::default()` reads it with
//! `serde_json` and the TOML parser is not needed to start: smaller and faster to load in the
//! WebAssembly module. The TOML text stays the source and stays public
//! (`rulebook::DEFAULT_TOML`); a test checks that both say the same.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let source = "src/rulebook/default.toml";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let value: serde_json::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
    let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{source}: {e}"));
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_else(|| panic!("OUT_DIR is set")));
    fs::write(out.join("default_rulebook.json"), json)
        .unwrap_or_else(|e| panic!("cannot write the default rulebook's JSON: {e}"));
}

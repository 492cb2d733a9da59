//! Build-time work of the core, so that the WebAssembly module carries no TOML parser:
//!
//! - turns the embedded default rulebook (`src/rulebook/default.toml`, the file a school reads
//!   and copies) into compact JSON, so that `Rulebook::default()` reads it with `serde_json`.
//!   The TOML text stays the source and stays public (`rulebook::DEFAULT_TOML`); a test checks
//!   that both say the same;
//! - turns the message catalogs (`locales/locales.toml`, the list of locales, and one
//!   `locales/<tag>.toml` per locale) into the `Locale` enum and one static table per locale,
//!   sorted by key for a binary search (`src/catalog.rs` includes them).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_else(|| panic!("OUT_DIR is set")));
    default_rulebook(&out);
    catalogs(&out);
}

fn default_rulebook(out: &std::path::Path) {
    let source = "src/rulebook/default.toml";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let value: serde_json::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
    let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{source}: {e}"));
    fs::write(out.join("default_rulebook.json"), json)
        .unwrap_or_else(|e| panic!("cannot write the default rulebook's JSON: {e}"));
}

/// One line of `locales/locales.toml`.
#[derive(serde::Deserialize)]
struct LocaleLine {
    tag: String,
    variant: String,
    name: String,
    aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
struct LocaleList {
    locales: Vec<LocaleLine>,
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid TOML: {e}"))
}

/// Flattens nested tables into dotted keys: `[verdict] expelled = ".."` is `verdict.expelled`.
fn flatten(prefix: &str, table: toml::Table, into: &mut BTreeMap<String, String>, path: &str) {
    for (key, value) in table {
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                if into.insert(key.clone(), text).is_some() {
                    panic!("{path}: the key {key:?} is given twice");
                }
            }
            toml::Value::Table(inner) => flatten(&key, inner, into, path),
            other => panic!("{path}: {key:?} is a {}, not a text", other.type_str()),
        }
    }
}

fn catalogs(out: &std::path::Path) {
    let list: LocaleList = read_toml("locales/locales.toml");
    let mut code = String::new();
    code.push_str("/// The language a message is written in.\n");
    code.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]\n",
    );
    code.push_str("#[cfg_attr(feature = \"schema\", derive(schemars::JsonSchema))]\n");
    code.push_str("pub enum Locale {\n");
    for (i, l) in list.locales.iter().enumerate() {
        let _ = writeln!(code, "    /// {}.", l.name);
        if i == 0 {
            code.push_str("    #[default]\n");
        }
        let mut serde = format!("rename = {:?}", l.tag);
        for a in &l.aliases {
            let _ = write!(serde, ", alias = {a:?}");
        }
        let _ = writeln!(code, "    #[serde({serde})]\n    {},", l.variant);
    }
    code.push_str("}\n\n");
    code.push_str("impl Locale {\n");
    code.push_str("    /// Every locale, in the order of `core/locales/locales.toml`.\n");
    code.push_str("    pub const ALL: &'static [Locale] = &[");
    for l in &list.locales {
        let _ = write!(code, "Locale::{}, ", l.variant);
    }
    code.push_str("];\n\n");
    code.push_str("    /// The BCP 47 tag: `en`, `zh-Hans`...\n    pub fn tag(self) -> &'static str {\n        match self {\n");
    for l in &list.locales {
        let _ = writeln!(code, "            Locale::{} => {:?},", l.variant, l.tag);
    }
    code.push_str("        }\n    }\n\n");
    code.push_str("    /// The locale of a tag or one of its aliases (`zh-CN` is `zh-Hans`); `None` for any\n    /// other text.\n    pub fn from_tag(tag: &str) -> Option<Locale> {\n        match tag {\n");
    for l in &list.locales {
        let mut pats = vec![format!("{:?}", l.tag)];
        pats.extend(l.aliases.iter().map(|a| format!("{a:?}")));
        let _ = writeln!(
            code,
            "            {} => Some(Locale::{}),",
            pats.join(" | "),
            l.variant
        );
    }
    code.push_str("            _ => None,\n        }\n    }\n\n");
    code.push_str("    /// The locale's message table, sorted by key.\n    pub(crate) fn table(self) -> &'static [(&'static str, &'static str)] {\n        match self {\n");
    for l in &list.locales {
        let _ = writeln!(
            code,
            "            Locale::{} => TABLE_{},",
            l.variant,
            l.variant.to_uppercase()
        );
    }
    code.push_str("        }\n    }\n}\n\n");
    for l in &list.locales {
        let path = format!("locales/{}.toml", l.tag);
        let table: toml::Table = read_toml(&path);
        let mut flat = BTreeMap::new();
        flatten("", table, &mut flat, &path);
        let _ = writeln!(
            code,
            "static TABLE_{}: &[(&str, &str)] = &[",
            l.variant.to_uppercase()
        );
        for (k, v) in flat {
            let _ = writeln!(code, "    ({k:?}, {v:?}),");
        }
        code.push_str("];\n\n");
    }
    fs::write(out.join("locales.rs"), code)
        .unwrap_or_else(|e| panic!("cannot write the generated catalogs: {e}"));
}

//! Build-time work of the core, so that the WebAssembly module carries no TOML parser:
//!
//! - turns the embedded default rulebook (`src/rulebook/default.toml`, the file a school reads
//!   and copies) into compact JSON, so that `Rulebook::default()` reads it with `serde_json`.
//!   The TOML text stays the source and stays public (`rulebook::DEFAULT_TOML`); a test checks
//!   that both say the same;
//! - turns the message catalogs (`locales/locales.toml`, the list of locales, and one
//!   `locales/<tag>.toml` per locale) into the `Locale` enum, one sorted list of keys (for a
//!   binary search) and one packed text per locale (`src/catalog/mod.rs` includes them).
//!   Every catalog must have the same keys: the build stops and names the difference.

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

/// The keys of the report table: labels, explanations and verdicts that only renderers use.
const REPORT_PREFIXES: &[&str] = &[
    "label.",
    "standing.",
    "ical.",
    "milestone.",
    "activity.next.",
    "recruitment.report.",
    "recruitment.change.",
    "recruitment.not_chosen.",
    "recruitment.unfilled.",
    "evaluation.decision.",
];

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
    // Two tables: the messages of errors and warnings (with the words they share), and the
    // texts of reports and explanations (keys under REPORT_PREFIXES). A module that renders
    // no report (the forms module) links only the first.
    for (table, doc) in [("", "message"), ("REPORT_", "report")] {
        let _ = writeln!(
            code,
            "    /// The locale's {doc} texts, in the order of [`{table}KEYS`].\n    fn {}texts(self) -> &'static str {{\n        match self {{",
            table.to_lowercase()
        );
        for l in &list.locales {
            let v = l.variant.to_uppercase();
            let _ = writeln!(
                code,
                "            Locale::{} => {table}TEXT_{v},",
                l.variant
            );
        }
        code.push_str("        }\n    }\n\n");
    }
    code.push_str("}\n\n");
    // Every catalog has the keys of the first (English) one and no other: the tables share
    // one sorted key list, and each locale holds its texts in that order. Strings are packed
    // into one text per table with end offsets (no pointer per entry: smaller in wasm).
    let mut catalogs = Vec::new();
    for l in &list.locales {
        let path = format!("locales/{}.toml", l.tag);
        let table: toml::Table = read_toml(&path);
        let mut flat = BTreeMap::new();
        flatten("", table, &mut flat, &path);
        catalogs.push((path, flat));
    }
    let keys: Vec<String> = catalogs
        .first()
        .map(|(_, flat)| flat.keys().cloned().collect())
        .unwrap_or_default();
    for (path, flat) in &catalogs {
        let missing: Vec<&String> = keys.iter().filter(|k| !flat.contains_key(*k)).collect();
        let extra: Vec<&String> = flat.keys().filter(|k| !keys.contains(k)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            panic!("{path}: missing {missing:?}, not in the first catalog {extra:?}");
        }
    }
    // One text per table, its strings separated by U+001F (the unit separator, which no
    // catalog text holds): no offsets and no pointer per entry, the smallest form in wasm.
    let pack = |texts: &mut dyn Iterator<Item = &String>| {
        let texts: Vec<&String> = texts.collect();
        if let Some(t) = texts.iter().find(|t| t.contains('\u{1f}')) {
            panic!("a catalog text holds U+001F: {t:?}");
        }
        texts
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    };
    let is_report = |k: &&String| REPORT_PREFIXES.iter().any(|p| k.starts_with(p));
    let report: Vec<String> = keys.iter().filter(is_report).cloned().collect();
    let messages: Vec<String> = keys.iter().filter(|k| !is_report(k)).cloned().collect();
    for (table, keys) in [("", &messages), ("REPORT_", &report)] {
        let blob = pack(&mut keys.iter());
        let _ = writeln!(code, "static {table}KEYS: &str = {blob:?};\n");
        for (l, (_, flat)) in list.locales.iter().zip(&catalogs) {
            let v = l.variant.to_uppercase();
            let blob = pack(&mut keys.iter().filter_map(|k| flat.get(k)));
            let _ = writeln!(code, "static {table}TEXT_{v}: &str = {blob:?};\n");
        }
    }
    fs::write(out.join("locales.rs"), code)
        .unwrap_or_else(|e| panic!("cannot write the generated catalogs: {e}"));
}

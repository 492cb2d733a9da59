//! Every case of every file in `tests/vectors/` must pass.

use std::collections::BTreeSet;
use std::path::Path;

use secretariat_conformance::{VectorFile, check, decimal_fields};

/// Every case of every vector file.
fn cases() -> Vec<(String, secretariat_conformance::Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let vectors: VectorFile =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        cases.extend(vectors.cases.into_iter().map(|c| (vectors.area.clone(), c)));
    }
    cases
}

#[test]
fn conformance_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (area, case) in cases() {
        count += 1;
        if let Err(why) = check(&case) {
            failures.push(format!("{area} / {}: {why}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 20, "only {count} cases");
}

/// The decimal fields read from the schemas (`secretariat::schema::decimal_fields`, the
/// names under which the Python binding gives `decimal.Decimal`) against the types of every
/// vector's result: every `Decimal` a result holds is under one of them.
#[test]
fn schema_decimal_fields_name_every_decimal_of_the_results() {
    for (_, case) in cases() {
        let _ = check(&case);
    }
    // What the bindings also give whole: the sample term and the default rulebook.
    decimal_fields::record(&secretariat::TermData::sample());
    decimal_fields::record(&secretariat::Rulebook::default());
    let seen = decimal_fields::seen();
    let derived: BTreeSet<&str> = secretariat::schema::decimal_fields()
        .iter()
        .copied()
        .collect();
    let missing: Vec<_> = seen.difference(&derived).collect();
    assert!(
        missing.is_empty(),
        "results hold decimals under fields the schemas do not mark as decimal: {missing:?}"
    );
    assert!(seen.len() >= 30, "only {} decimal fields seen", seen.len());
}

//! The JSON Schema files of `schema/`: fresh, and true to what the core reads. Every mapped
//! part of every vector's input (`tests/vector_schemas.json`) validates against its schema
//! with a real validator (the `jsonschema` crate, formats checked), and known-bad inputs
//! do not.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde::Deserialize;
use serde_json::{Value, json};

use secretariat::schema::{NAMES, schema};
use secretariat_conformance::schema_files::{REGENERATE, differences, schema_dir};
use secretariat_conformance::{Case, vector_cases as cases};

#[test]
fn the_committed_schema_files_match_a_fresh_generation() {
    let differences = differences(&schema_dir());
    assert!(
        differences.is_empty(),
        "schema/ is stale; run `{REGENERATE}` and commit the result:\n{}",
        differences.join("\n")
    );
}

/// One part of a vector (see the `$comment` of `tests/vector_schemas.json`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Part {
    part: String,
    schema: String,
    #[serde(default)]
    each: bool,
    #[serde(default)]
    omit: Vec<String>,
}

/// `tests/vector_schemas.json`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
struct Mapping {
    #[serde(rename = "$comment")]
    _comment: Value,
    case: Vec<Part>,
    operations: BTreeMap<String, Operation>,
}

/// The parts of an operation's input and of its result.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Operation {
    input: Vec<Part>,
    result: Vec<Part>,
}

fn mapping() -> Mapping {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("vector_schemas.json");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether `text` is read by the core as a `T`.
fn reads_as<T: serde::de::DeserializeOwned>(text: &str) -> bool {
    serde_json::from_value::<T>(Value::String(text.to_owned())).is_ok()
}

/// A validator of a schema, with the formats checked: the specification's, and the core's
/// own, each by the core's reader (an unknown format is an error, so none goes unchecked).
fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .with_format("decimal", reads_as::<secretariat::Decimal>)
        .with_format("partial-date-time", reads_as::<chrono::NaiveDateTime>)
        .with_format("partial-time", reads_as::<chrono::NaiveTime>)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// The validator of every name, built once.
fn validators() -> &'static BTreeMap<&'static str, Validator> {
    static VALIDATORS: OnceLock<BTreeMap<&'static str, Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        NAMES
            .iter()
            .map(|name| (*name, validator(&schema(name).unwrap())))
            .collect()
    })
}

/// The problems of `value` against schema `name`, one line each.
fn problems(name: &str, value: &Value) -> Vec<String> {
    validators()[name]
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The values a part designates in `root` (none when absent or null).
fn values_of(part: &Part, root: &Value) -> Vec<Value> {
    let Some(value) = root.pointer(&part.part).filter(|v| !v.is_null()) else {
        return Vec::new();
    };
    let mut value = value.clone();
    if let Some(object) = value.as_object_mut() {
        for key in &part.omit {
            object.remove(key);
        }
    }
    match (part.each, value) {
        (true, Value::Array(items)) => items,
        (_, value) => vec![value],
    }
}

#[test]
fn the_mapping_names_every_operation_and_only_known_schemas() {
    let mapping = mapping();
    let used: BTreeSet<String> = cases().into_iter().map(|(_, c)| c.operation).collect();
    let mapped: BTreeSet<String> = mapping.operations.keys().cloned().collect();
    let unmapped: Vec<_> = used.difference(&mapped).collect();
    assert!(
        unmapped.is_empty(),
        "operations not in vector_schemas.json: {unmapped:?}"
    );
    let unused: Vec<_> = mapped.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "vector_schemas.json maps operations no vector runs: {unused:?}"
    );
    let operations = mapping.operations.values();
    for part in mapping
        .case
        .iter()
        .chain(operations.flat_map(|o| o.input.iter().chain(&o.result)))
    {
        assert!(
            NAMES.contains(&part.schema.as_str()),
            "unknown schema {:?}",
            part.schema
        );
    }
}

#[test]
fn every_vector_input_validates_against_its_schema() {
    let mapping = mapping();
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut refused_error_cases = 0;
    for (file, case) in cases() {
        let whole = serde_json::to_value(CaseParts::of(&case)).unwrap();
        let parts = &mapping.operations[&case.operation].input;
        let designated = mapping
            .case
            .iter()
            .map(|p| (p, &whole))
            .chain(parts.iter().map(|p| (p, &case.input)));
        let mut case_problems = Vec::new();
        for (part, root) in designated {
            for value in values_of(part, root) {
                let found = problems(&part.schema, &value);
                if case.error.is_none() {
                    *checked.entry(part.schema.as_str()).or_default() += 1;
                }
                case_problems.extend(found.into_iter().map(|p| {
                    format!(
                        "{file} / {} / {} ({}): {p}",
                        case.name, part.part, part.schema
                    )
                }));
            }
        }
        match (&case.error, case_problems.is_empty()) {
            (None, false) => failures.extend(case_problems),
            (Some(_), false) => refused_error_cases += 1,
            _ => {}
        }
    }
    let total: usize = checked.values().sum();
    println!("validated {total} parts of the vectors' inputs: {checked:?}");
    println!("{refused_error_cases} error cases hold an input their schema refuses");
    assert!(
        failures.is_empty(),
        "{} parts do not validate:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 150, "only {total} parts validated");
    for name in [
        "term_data",
        "rulebook_overlay",
        "ledger_operation",
        "evaluation_input",
        "recruitment_round",
        "leave_request",
        "activity_plan",
        "expense",
    ] {
        assert!(
            checked.contains_key(name),
            "no vector part checked against {name}"
        );
    }
}

/// The parts of a case that the mapping's `case` list points into.
#[derive(serde::Serialize)]
struct CaseParts<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rulebook: Option<&'a Value>,
}

impl<'a> CaseParts<'a> {
    fn of(case: &'a Case) -> CaseParts<'a> {
        CaseParts {
            rulebook: case.rulebook.as_ref(),
        }
    }
}

/// Known-bad inputs: the schema refuses each, and so does the core.
#[test]
fn known_bad_inputs_do_not_validate() {
    let expense = json!({
        "date": "2002-10-20", "activity": "welcome-party", "category": "food",
        "amount": "45.50", "approver": "2000002", "receipt": "R-1"
    });
    assert_eq!(problems("expense_record", &expense), Vec::<String>::new());
    let mut as_number = expense.clone();
    as_number["amount"] = json!(45.5);
    assert!(
        !problems("expense_record", &as_number).is_empty(),
        "money as a JSON number"
    );
    assert!(
        secretariat::input::from_json_value::<secretariat::budget::Expense>(as_number).is_err()
    );
    let mut as_words = expense.clone();
    as_words["amount"] = json!("forty-five");
    assert!(
        !problems("expense_record", &as_words).is_empty(),
        "money as words"
    );
    let mut bad_date = expense.clone();
    bad_date["date"] = json!("2002-02-30");
    assert!(
        !problems("expense_record", &bad_date).is_empty(),
        "a day that does not exist"
    );
    assert!(secretariat::input::from_json_value::<secretariat::budget::Expense>(bad_date).is_err());
    let mut unknown = expense;
    unknown["amont"] = json!("1.00");
    assert!(
        !problems("expense_record", &unknown).is_empty(),
        "an unknown key"
    );

    let request = json!({
        "member": "2002011", "event": "regular-meeting-2002-10-16", "reason": "exam",
        "approver": "2000002", "requested_at": "2002-10-14T09:00:00"
    });
    assert_eq!(
        problems("leave_request_record", &request),
        Vec::<String>::new()
    );
    let mut no_seconds = request;
    no_seconds["requested_at"] = json!("2002-10-14 09:00");
    assert!(!problems("leave_request_record", &no_seconds).is_empty());
    assert!(secretariat::input::from_json_value::<secretariat::LeaveRequest>(no_seconds).is_err());

    let overlay = json!({ "attendance": { "lateness_limit": "two" } });
    assert!(
        !problems("rulebook_overlay", &overlay).is_empty(),
        "a count as text"
    );
    assert!(
        secretariat::Rulebook::default()
            .overlay_value(overlay)
            .is_err()
    );
    let overlay = json!({ "attendence": {} });
    assert!(
        !problems("rulebook_overlay", &overlay).is_empty(),
        "a misspelt area"
    );
    assert!(
        problems(
            "rulebook_overlay",
            &json!({ "attendance": { "lateness_limit": 3 } })
        )
        .is_empty()
    );
    let partial = json!({ "attendance": { "lateness_limit": 3 } });
    assert!(
        !problems("rulebook", &partial).is_empty(),
        "the full rulebook requires every key"
    );

    let member =
        json!({ "name": "Li", "grade": "02", "department": "Secretariat", "role": "officer" });
    assert!(
        !problems("member", &member).is_empty(),
        "a member without an id"
    );
}

#[test]
fn the_default_rulebook_and_the_sample_term_validate() {
    let rulebook = serde_json::to_value(secretariat::Rulebook::default()).unwrap();
    assert_eq!(problems("rulebook", &rulebook), Vec::<String>::new());
    assert_eq!(
        problems("rulebook_overlay", &rulebook),
        Vec::<String>::new()
    );
    let term = serde_json::to_value(secretariat::TermData::sample()).unwrap();
    assert_eq!(problems("term_data", &term), Vec::<String>::new());
}

#[test]
fn the_bundled_school_files_validate() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/data");
    let toml = std::fs::read_to_string(data.join("strict_rulebook.toml")).unwrap();
    let overlay: Value = secretariat::input::from_toml_str(&toml).unwrap();
    assert_eq!(problems("rulebook_overlay", &overlay), Vec::<String>::new());
    assert!(
        !problems("rulebook", &overlay).is_empty(),
        "a school file is partial"
    );
    let json = std::fs::read_to_string(data.join("sample_term.json")).unwrap();
    let term: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(problems("term_data", &term), Vec::<String>::new());
}

#[test]
fn every_vector_result_validates_against_its_schema() {
    let mapping = mapping();
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for (file, case) in cases() {
        if case.error.is_some() {
            continue;
        }
        let Ok(Ok(result)) = secretariat_conformance::run(&case) else {
            panic!("{file} / {}: the case does not give a result", case.name);
        };
        for part in &mapping.operations[&case.operation].result {
            for value in values_of(part, &result) {
                *checked.entry(part.schema.as_str()).or_default() += 1;
                failures.extend(problems(&part.schema, &value).into_iter().map(|p| {
                    format!(
                        "{file} / {} / {} ({}): {p}",
                        case.name, part.part, part.schema
                    )
                }));
            }
        }
    }
    let total: usize = checked.values().sum();
    println!("validated {total} parts of the vectors' results: {checked:?}");
    assert!(
        failures.is_empty(),
        "{} result parts do not validate:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= 150, "only {total} result parts validated");
}

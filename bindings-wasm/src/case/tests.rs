use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};

use secretariat::activity::ActivityYearData;
use secretariat::{Rulebook, TermData};

use super::exact::CamelCase;
use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn camel_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(CamelCase(value)).unwrap()
}

/// Drops the `path` of every issue-shaped object (the serializer splits it into segments,
/// checked on its own below).
fn without_issue_paths(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("code") && map.contains_key("message") {
                map.remove("path");
            }
            map.values_mut().for_each(without_issue_paths);
        }
        Value::Array(items) => items.iter_mut().for_each(without_issue_paths),
        _ => {}
    }
}

/// The exact serializer and the [`MAP_FIELDS`] rule agree on `value`, and the rule takes the
/// camelCase form back to the core's own.
fn assert_round_trip<T: Serialize>(what: &str, value: &T) {
    let mut snake_form = serde_json::to_value(value).unwrap();
    let mut exact = camel_value(value);
    without_issue_paths(&mut snake_form);
    without_issue_paths(&mut exact);
    let mut by_rule = snake_form.clone();
    keys_to_camel(&mut by_rule);
    assert_eq!(
        exact, by_rule,
        "{what}: MAP_FIELDS (from schema/) misses a map field"
    );
    let mut back = exact;
    keys_to_snake(&mut back).unwrap();
    assert_eq!(back, snake_form, "{what}: camelCase does not go back");
}

/// Every map-valued field met in `value` (snake_case), to compare with [`MAP_FIELDS`].
fn map_fields_in(value: &Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if let Value::Object(inner) = child {
                    // A field whose object has a key that no struct field could have (ids
                    // with digits or dashes first, or keys with `_` that round-trip) is
                    // told apart by the exact serializer in `assert_round_trip`; here the
                    // set is only reported.
                    if inner
                        .keys()
                        .any(|k| k.contains('-') || k.starts_with(char::is_numeric))
                    {
                        out.insert(key.clone());
                    }
                }
                map_fields_in(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| map_fields_in(i, out)),
        _ => {}
    }
}

#[test]
fn names_convert_both_ways() {
    assert_eq!(camel("sign_in"), "signIn");
    assert_eq!(camel("leave_requests"), "leaveRequests");
    assert_eq!(camel("grade"), "grade");
    assert_eq!(snake("signIn"), "sign_in");
    assert_eq!(snake("leaveRequests"), "leave_requests");
    assert_eq!(snake("grade"), "grade");
    for name in [
        "as_of",
        "budget_year",
        "lateness_limit",
        "top_n",
        "within_cap",
    ] {
        assert_eq!(snake(&camel(name)), name);
    }
}

#[test]
fn the_serializer_renames_fields_and_variant_keys_but_not_map_keys_or_values() {
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Op {
        RecordExpense { receipt_ref: String },
        Plain,
    }
    #[derive(Serialize)]
    struct Form {
        member_id: String,
        scores: std::collections::BTreeMap<String, u32>,
        ops: Vec<Op>,
        status: Op,
    }
    let form = Form {
        member_id: "2002_011".into(),
        scores: [("written_expression".to_owned(), 8)].into(),
        ops: vec![Op::RecordExpense {
            receipt_ref: "R_1".into(),
        }],
        status: Op::Plain,
    };
    assert_eq!(
        camel_value(&form),
        json!({
            "memberId": "2002_011",
            "scores": {"written_expression": 8},
            "ops": [{"recordExpense": {"receiptRef": "R_1"}}],
            "status": "plain",
        })
    );
}

#[test]
fn the_sample_data_and_the_default_rulebook_round_trip() {
    assert_round_trip("rulebook", &Rulebook::default());
    assert_round_trip("sample term", &TermData::sample());
    assert_round_trip("sample year", &ActivityYearData::sample());
}

#[test]
fn results_computed_from_the_sample_round_trip() {
    let rulebook = Rulebook::default();
    let data = TermData::sample();
    let today = day(2002, 10, 14);
    let report = secretariat::term_report(&rulebook, &data, today).unwrap();
    assert_round_trip("term report", &report);

    let roster = data.roster().unwrap();
    let year = ActivityYearData::sample()
        .replay(&rulebook, &roster, None, day(2003, 6, 30))
        .unwrap();
    assert_round_trip("activity book", &year.book);
    assert_round_trip("ledger", &year.ledger);
    assert_round_trip("budget report", &year.budget_report(&rulebook));
    assert_round_trip(
        "activity report",
        &year.activity_report(&rulebook, day(2003, 6, 30)),
    );

    let selection = data.selection.clone().unwrap();
    let ranking =
        secretariat::evaluate(&rulebook, &selection.challenge_cup, &report.standings).unwrap();
    assert_round_trip("ranking", &ranking);
    let allocation = secretariat::allocate(&rulebook, &selection.recruitment).unwrap();
    assert_round_trip("allocation", &allocation);

    let plan = rulebook
        .schedule
        .plan("welcome_party", day(2002, 10, 26), None)
        .unwrap();
    assert_round_trip("milestone plan", &plan);
    let countdown = secretariat::schedule::countdown(&plan, &[], today).unwrap();
    assert_round_trip("countdown", &countdown);
}

#[test]
fn issues_inside_results_go_out_with_path_segments() {
    let issue = secretariat::Issue {
        code: "evaluation.missing_score".into(),
        path: "candidates[1].scores.written_expression".into(),
        message: "m".into(),
        params: [("member_id".to_owned(), "x".to_owned())].into(),
    };
    let text = to_camel_json(&vec![issue]).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        json!([{
            "code": "evaluation.missing_score",
            "path": ["candidates", 1, "scores", "written_expression"],
            "message": "m",
            "params": {"member_id": "x"},
        }])
    );
}

#[test]
fn map_fields_of_the_samples_are_listed() {
    let mut found = std::collections::BTreeSet::new();
    for value in [
        serde_json::to_value(Rulebook::default()).unwrap(),
        serde_json::to_value(TermData::sample()).unwrap(),
    ] {
        map_fields_in(&value, &mut found);
    }
    for field in &found {
        assert!(
            is_map_field(field),
            "{field} holds data keys but its schema is no map (MAP_FIELDS is derived from schema/)"
        );
    }
}

#[test]
fn map_fields_are_sorted_for_binary_search() {
    assert!(MAP_FIELDS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn map_fields_are_derived_from_the_schemas() {
    // The fields build.rs finds in schema/: what the core's types hold as maps keyed by data.
    for field in [
        "accounts",
        "params",
        "schemes",
        "scores",
        "lines",
        "lead_times",
    ] {
        assert!(is_map_field(field), "{field}");
    }
    for field in ["members", "marks", "criteria", "evaluation", "attendance"] {
        assert!(!is_map_field(field), "{field}");
    }
}

#[test]
fn snake_keys_in_camel_position_are_refused_with_their_path() {
    let mut value = json!({"marks": [{"member": "m", "sign_in": "x"}]});
    let err = keys_to_snake(&mut value).unwrap_err();
    assert_eq!(err.path, "marks[0].sign_in");
    assert!(err.to_string().contains("`signIn`"));
    // Data keys under a map field may hold `_`.
    let mut value = json!({"scores": {"written_expression": ["8"]}, "leaveRequests": []});
    keys_to_snake(&mut value).unwrap();
    assert_eq!(
        value,
        json!({"scores": {"written_expression": ["8"]}, "leave_requests": []})
    );
}

#[test]
fn paths_become_camel_segments_with_data_keys_kept() {
    let key = |k: &str| PathSegment::Key(k.to_owned());
    assert_eq!(
        camel_path("candidates[0].scores.written_expression[2]"),
        vec![
            key("candidates"),
            PathSegment::Index(0),
            key("scores"),
            key("written_expression"),
            PathSegment::Index(2)
        ]
    );
    assert_eq!(
        camel_path("evaluation.schemes.challenge_cup.criteria[0].pass_mark"),
        vec![
            key("evaluation"),
            key("schemes"),
            key("challenge_cup"),
            key("criteria"),
            PathSegment::Index(0),
            key("passMark")
        ]
    );
    assert_eq!(
        camel_path("[0].grade"),
        vec![PathSegment::Index(0), key("grade")]
    );
    assert_eq!(camel_path("marks[0].sign_out")[2], key("signOut"));
    assert!(camel_path("").is_empty());
}

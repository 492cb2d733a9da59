//! Every decimal an input, a rulebook or a ledger holds is read in plain notation only: each
//! decimal text of every passing conformance vector (its input and its rulebook), written
//! instead as `5e2`-style or `1_000`-style text, makes the operation refuse the input
//! (`input.invalid`, `rulebook.invalid_type` for a rulebook, or a form issue for a form
//! check). A field that took the old lenient
//! reader would read the mutated text as a number and pass.

use secretariat::input::parse_exact;
use secretariat::schema::decimal_fields;
use secretariat_conformance::{Case, run, vector_cases};
use serde_json::Value;

/// The paths (keys and positions) of every string under a decimal field that reads as a
/// decimal: those a mutation can make lenient-only.
fn decimal_leaves(
    value: &Value,
    under_decimal: bool,
    at: &mut Vec<Value>,
    out: &mut Vec<Vec<Value>>,
) {
    match value {
        Value::String(s) if under_decimal && parse_exact(s).is_some() => out.push(at.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Value::from(i));
                decimal_leaves(item, under_decimal, at, out);
                at.pop();
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                at.push(Value::from(k.as_str()));
                let decimal = under_decimal || decimal_fields().contains(&k.as_str());
                decimal_leaves(v, decimal, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The value at `at` inside `value`.
fn at_mut<'a>(value: &'a mut Value, at: &[Value]) -> &'a mut Value {
    at.iter().fold(value, |v, seg| match seg {
        Value::Number(i) => &mut v[i.as_u64().unwrap_or_default() as usize],
        Value::String(k) => &mut v[k.as_str()],
        _ => v,
    })
}

/// Whether the operation refused what it was given.
fn refused(case: &Case) -> bool {
    match run(case) {
        Ok(Err(e)) => matches!(
            secretariat::Diagnostic::code(&e),
            "input.invalid" | "rulebook.invalid_type"
        ),
        Ok(Ok(v)) => v.get("success") == Some(&Value::Bool(false)),
        Err(_) => true,
    }
}

#[test]
fn every_decimal_of_every_vector_is_read_in_plain_notation_only() {
    let mut checked = 0;
    let mut lenient = Vec::new();
    for (file, case) in vector_cases() {
        if case.error.is_some() || !matches!(run(&case), Ok(Ok(_))) {
            continue;
        }
        for part in ["input", "rulebook"] {
            let mut leaves = Vec::new();
            let value = if part == "input" {
                &case.input
            } else {
                case.rulebook.as_ref().unwrap_or(&Value::Null)
            };
            decimal_leaves(value, false, &mut Vec::new(), &mut leaves);
            for (n, leaf) in leaves.iter().enumerate() {
                let mut mutated = case.clone();
                let target = if part == "input" {
                    &mut mutated.input
                } else {
                    mutated.rulebook.get_or_insert(Value::Null)
                };
                let slot = at_mut(target, leaf);
                let text = slot.as_str().unwrap_or_default().to_owned();
                // Alternate the two notations the lenient reader took.
                let written = if n % 2 == 0 {
                    format!("{text}e0")
                } else {
                    format!("1_{text}")
                };
                *slot = Value::from(written.as_str());
                checked += 1;
                if !refused(&mutated) {
                    lenient.push(format!(
                        "{file}: {}: {part} {leaf:?} = {written}",
                        case.name
                    ));
                }
            }
        }
    }
    assert!(checked > 300, "only {checked} decimals checked");
    assert!(
        lenient.is_empty(),
        "{} of {checked} read leniently:\n{}",
        lenient.len(),
        lenient.join("\n")
    );
}

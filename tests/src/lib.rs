//! Runs the shared conformance vectors of `tests/vectors/` against the Rust core.
//!
//! A vector file is `{ "area": ..., "cases": [case, ...] }`. A case is
//!
//! ```json
//! { "name": "two late arrivals expel",
//!   "operation": "term_report",
//!   "rulebook": { "attendance": { "grace_minutes": 5 } },
//!   "today": "2002-10-14",
//!   "input": { ... },
//!   "expected": { ... } }
//! ```
//!
//! with `"error": { "code": ..., "path": ... }` in place of `expected` when the operation must
//! fail. `rulebook` (optional) is a partial rulebook over the embedded default. `expected` is
//! matched as a subset: every key it names must be present and match; arrays must match in
//! length and element by element; other values must be equal. The Python and JavaScript
//! bindings run the same files with the same rules.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use secretariat::attendance::{LeaveRequest, Mark};
use secretariat::{Diagnostic, Error, Grade, Locale, Rulebook, TermData, input};

mod budget_ops;
pub mod decimal_fields;
mod evaluation_ops;
mod forms_ops;
mod schedule_ops;
pub mod schema_files;

/// One case of a vector file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case shows.
    pub name: String,
    /// The operation to run.
    pub operation: String,
    /// A partial rulebook over the default.
    #[serde(default)]
    pub rulebook: Option<Value>,
    /// The day the operation runs on.
    #[serde(default)]
    pub today: Option<NaiveDate>,
    /// The operation's input.
    #[serde(default)]
    pub input: Value,
    /// The expected output (a subset of it).
    #[serde(default)]
    pub expected: Option<Value>,
    /// The expected error.
    #[serde(default)]
    pub error: Option<ExpectedError>,
}

/// The error a case expects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    /// The stable code.
    pub code: String,
    /// The field path.
    #[serde(default)]
    pub path: Option<String>,
}

/// A vector file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorFile {
    /// The area of the domain it covers.
    pub area: String,
    /// Its cases.
    pub cases: Vec<Case>,
}

/// Every case of every file of `tests/vectors/`, in file order, each with its file's name.
///
/// # Panics
///
/// When the directory or a file cannot be read as vectors: a defect of the vectors.
pub fn vector_cases() -> Vec<(String, Case)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let vectors: VectorFile =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        cases.extend(vectors.cases.into_iter().map(|c| (name.clone(), c)));
    }
    cases
}

/// What an operation gives: a JSON value, or an error.
pub type Outcome = Result<Value, Error>;

fn today(case: &Case) -> Result<NaiveDate, String> {
    case.today
        .ok_or_else(|| format!("{}: the operation needs `today`", case.name))
}

pub(crate) fn from_input<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, Error> {
    Ok(input::from_json_value(value)?)
}

fn field(input: &Value, key: &str) -> Value {
    input.get(key).cloned().unwrap_or(Value::Null)
}

/// A result as JSON, its decimal fields noted on the way ([`decimal_fields`]).
pub(crate) fn to_value<T: serde::Serialize>(v: &T) -> Value {
    decimal_fields::record(v);
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Runs one case's operation. `Err(String)` is a defect of the case itself.
pub fn run(case: &Case) -> Result<Outcome, String> {
    let rulebook = match &case.rulebook {
        None => Rulebook::default(),
        Some(overlay) => match Rulebook::default().overlay_value(overlay.clone()) {
            Ok(rb) => rb,
            Err(e) => return Ok(Err(e)),
        },
    };
    let input = case.input.clone();
    Ok(match case.operation.as_str() {
        "rulebook.load" => Ok(to_value(&rulebook)),
        "rulebook.load_toml" => {
            let text = input.as_str().unwrap_or_default();
            Rulebook::from_toml_str(text).map(|rb| to_value(&rb))
        }
        "grade.parse" => {
            let text = input.as_str().unwrap_or_default();
            Grade::parse(text)
                .map(|g| json!(g.year()))
                .map_err(Error::from)
        }
        "mark.from_times" => (|| {
            #[derive(Deserialize)]
            struct In {
                start: chrono::NaiveDateTime,
                end: chrono::NaiveDateTime,
                sign_in: chrono::NaiveDateTime,
                sign_out: Option<chrono::NaiveDateTime>,
            }
            let i: In = from_input(input)?;
            let mark: Mark = Mark::from_times(
                i.start,
                i.end,
                i.sign_in,
                i.sign_out,
                rulebook.attendance.grace_minutes,
            )?;
            Ok(to_value(&mark))
        })(),
        "term_report" => {
            let today = today(case)?;
            from_input::<TermData>(input)
                .and_then(|data| secretariat::term_report(&rulebook, &data, today))
                .map(|r| to_value(&r))
        }
        "leave.check" => (|| {
            let data: TermData = from_input(field(&input, "term"))?;
            let request: LeaveRequest = from_input(field(&input, "request"))?;
            let (register, _) = data.register(&rulebook)?;
            let issues: Vec<Value> = register
                .check_leave(&rulebook, &request)
                .iter()
                .map(|e| to_value(&e.issue(Locale::En)))
                .collect();
            Ok(json!({ "issues": issues }))
        })(),
        op if op.starts_with("form.") => forms_ops::run(op, &rulebook, case.today, input)?,
        other => match schedule_ops::run(other, &rulebook, case.today, input.clone()) {
            Some(outcome) => outcome,
            None => match evaluation_ops::run(other, &rulebook, case.today, input.clone()) {
                Some(outcome) => outcome,
                None => match budget_ops::run(other, &rulebook, case.today, input) {
                    Some(outcome) => outcome,
                    None => return Err(format!("{}: unknown operation {other:?}", case.name)),
                },
            },
        },
    })
}

/// Checks that `actual` contains `expected` (see the crate docs); the error names the path
/// of the first difference.
pub fn matches(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let sub = format!("{path}.{key}");
                match a.get(key) {
                    Some(av) => matches(ev, av, &sub)?,
                    None => return Err(format!("{sub}: missing")),
                }
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                matches(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

/// Runs a case and checks its outcome.
pub fn check(case: &Case) -> Result<(), String> {
    let outcome = run(case)?;
    match (&case.expected, &case.error, outcome) {
        (Some(expected), None, Ok(actual)) => matches(expected, &actual, "$"),
        (None, Some(want), Err(err)) => {
            if err.code() != want.code {
                return Err(format!(
                    "expected error {}, got {} ({})",
                    want.code,
                    err.code(),
                    err.issue(Locale::En)
                ));
            }
            match &want.path {
                Some(p) if p != err.path() => Err(format!(
                    "error {}: expected path {p:?}, got {:?}",
                    want.code,
                    err.path()
                )),
                _ => Ok(()),
            }
        }
        (Some(_), None, Err(err)) => Err(format!("unexpected error {}", err.issue(Locale::En))),
        (None, Some(want), Ok(actual)) => {
            Err(format!("expected error {}, got {actual}", want.code))
        }
        _ => Err("a case needs exactly one of `expected` and `error`".into()),
    }
}

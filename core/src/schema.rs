//! The JSON Schema of every input a user hands in and of the main results (feature
//! `schema`), derived from the core's own types with [schemars], so the shape is written once.
//! The files of the repository's `schema/` directory are these schemas, one per name
//! (regenerated with `make schema`; a test fails when they differ).
//!
//! [`schema`] gives one schema by its name; [`NAMES`] lists every name. Each schema is a
//! JSON Schema draft 2020-12 document (ajv's `Ajv2020`, Python's `jsonschema` read it) whose
//! `$defs` hold the types it uses; every doc comment of a type or field is its
//! `description`. An input's schema describes what the core **reads** (fields with a
//! default are optional); a result's describes what it **writes**.
//!
//! # Names
//!
//! Inputs, as typed into a form (each field text and optional, see [`crate::forms`]):
//!
//! | Name | Type |
//! |---|---|
//! | `leave_request` | [`forms::LeaveRequestForm`] |
//! | `activity_plan` | [`forms::ActivityPlanForm`] |
//! | `expense` | [`forms::ExpenseForm`] |
//! | `recruitment_application` | [`forms::RecruitmentApplicationForm`] |
//! | `board_plan` | [`forms::BoardPlanForm`] |
//!
//! Inputs, as records and data:
//!
//! | Name | Type |
//! |---|---|
//! | `leave_request_record` | [`LeaveRequest`] |
//! | `activity_plan_record` | [`ActivityPlan`] |
//! | `expense_record` | [`Expense`] |
//! | `recruitment_candidate` | [`RecruitmentCandidate`] |
//! | `term_data` | [`TermData`]: members, events, marks, leave, calendar, activities, ledger |
//! | `member` | [`Member`] |
//! | `event` | [`Event`] |
//! | `mark_record` | [`MarkRecord`] |
//! | `school_calendar` | [`SchoolCalendar`] |
//! | `date_range` | [`DateRange`] |
//! | `ledger_operation` | [`LedgerOperation`]: one operation of a budget ledger |
//! | `budget_ledger` | [`BudgetLedger`] (also a result) |
//! | `activity_year` | [`ActivityYearData`]: the operations of an activity year |
//! | `evaluation_input` | [`EvaluationInput`]: scheme, judges, candidates and scores |
//! | `recruitment_round` | [`RecruitmentRound`]: what [`crate::allocate`] reads |
//! | `standing` | [`Standing`], as [`crate::evaluate`] reads it |
//! | `locale` | [`Locale`] |
//! | `rulebook` | [`Rulebook`], complete: every key present (what a rulebook writes) |
//! | `rulebook_overlay` | a partial [`Rulebook`], as a school's file or [`Rulebook::overlay_value`] gives it: no key required (objects merge into the default one key at a time; a list or a new entry of a map is given whole) |
//! | `discipline_policy` | [`DisciplinePolicy`], the rulebook key `discipline` |
//! | `sanction_decision` | [`SanctionDecision`], a recorded decision lifting a sanction |
//!
//! Results:
//!
//! | Name | Type |
//! |---|---|
//! | `term_report` | [`TermReport`] |
//! | `standing_result` | [`Standing`] as written |
//! | `comparison` | [`Comparison`], a term under two rulebooks |
//! | `ranking` | [`Ranking`] |
//! | `score_sheet` | [`ScoreSheet`] |
//! | `allocation` | [`Allocation`] (recruitment) |
//! | `team_check` | [`TeamCheck`] |
//! | `posting` | [`Posting`] |
//! | `budget_report` | [`BudgetReport`] |
//! | `budget_remaining` | [`forms::BudgetRemaining`] |
//! | `milestone_plan` | [`MilestonePlan`] |
//! | `replan` | [`Replan`] |
//! | `countdown` | [`Countdown`] |
//! | `lead_time_verdict` | [`LeadTimeVerdict`] |
//! | `meeting_occurrence` | [`MeetingOccurrence`] |
//! | `plan_validation` | [`PlanValidation`] |
//! | `activity_report` | [`ActivityReport`] |
//! | `activity_status` | [`ActivityStatus`] |
//! | `mark` | [`Mark`] |
//! | `issue` | [`Issue`] |
//! | `form_issue` | [`forms::FormIssue`] |
//! | `leave_request_result`, `activity_plan_result`, `expense_result`, `recruitment_application_result`, `board_plan_result` | [`forms::FormResult`] of each form's record |
//!
//! # Formats
//!
//! - Money and every exact decimal (scores, weights, percentages): `{"type": "string",
//!   "format": "decimal", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}`, plain decimal text such as
//!   `"12.50"`, the form the core writes. The core never reads a JSON number as a decimal
//!   (a float cannot hold fen exactly), except a rulebook's pass mark. Its reader also takes
//!   a few other spellings (`"+1"`, `"1e3"`, `"1_000"`), which the pattern leaves out: write
//!   the plain form. Money has at most two decimal places; the check that refuses more
//!   (`budget.too_many_decimals`) is a rule, not a shape.
//! - A date: `{"type": "string", "format": "date"}`, `YYYY-MM-DD`.
//! - A school-local date and time, without a zone (the core never reads the clock and knows
//!   no zone): `{"type": "string", "format": "partial-date-time"}`, `YYYY-MM-DDTHH:MM:SS`
//!   with an optional fraction of a second (RFC 3339's `full-date "T" partial-time`).
//! - A time of day: `{"type": "string", "format": "partial-time"}`, `HH:MM:SS`; the
//!   seconds may be left out (`"19:00"`).
//! - A form's fields are text as typed: a form check reads them leniently and reports each
//!   one it cannot read with its own code, so they carry no format.
//! - Integers carry their range as `minimum` and `maximum` (no `int32`-like formats).
//!
//! A schema gives shapes and canonical spellings, not rules: what an input's schema accepts
//! has the shape the core reads, and the core's rules (a rulebook's ranges, unique ids, a
//! decimal's 28 significant digits) still apply. The core also reads a few other spellings that
//! the schemas leave out: the decimal ones above, `"minister"` for the role
//! `department_head`, `"zh"` and `"zh-CN"` for the locale `zh-Hans`.
//!
//! `decimal`, `partial-date-time` and `partial-time` are not formats of the JSON Schema
//! specification: ajv needs them registered (`ajv.addFormat`) or `strict: false`, Python's
//! `jsonschema` ignores formats it does not know.
//!
//! # Example
//!
//! ```
//! use secretariat::{Diagnostic, Error, schema};
//!
//! let expense = schema::schema("expense_record")?;
//! assert_eq!(expense["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(expense["properties"]["amount"]["format"], "decimal");
//! assert!(schema::NAMES.contains(&"rulebook_overlay"));
//!
//! let err = schema::schema("leave_requests").unwrap_err();
//! assert_eq!(err.code(), "schema.unknown_name");
//! assert_eq!(err.path(), "name");
//! assert!(err.message(secretariat::Locale::ZhHans).contains("leave_requests"));
//! # Ok::<(), Error>(())
//! ```

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::activity::{ActivityReport, ActivityYearData};
use crate::attendance::{Event, Mark, MarkRecord};
use crate::budget::{Expense, LedgerOperation, Posting};
use crate::calendar::{DateRange, SchoolCalendar};
use crate::diagnostic::{ErrorKind, Locale, Located, Params, located};
use crate::discipline::{Comparison, DisciplinePolicy, SanctionDecision};
use crate::error::Error;
use crate::forms;
use crate::recruitment::{RecruitmentCandidate, TeamCheck};
use crate::report::ActivityStatus;
use crate::schedule::{Countdown, LeadTimeVerdict, MeetingOccurrence, MilestonePlan, Replan};
use crate::{
    ActivityPlan, Allocation, BudgetLedger, BudgetReport, EvaluationInput, Issue, LeaveRequest,
    Member, PlanValidation, Ranking, RecruitmentRound, Rulebook, ScoreSheet, Standing, TermData,
    TermReport,
};

/// What went wrong in a [`SchemaError`], apart from where: one variant per code, with its
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemaErrorKind {
    /// The name is not one of [`NAMES`] (`schema.unknown_name`).
    UnknownName {
        /// The name asked for.
        name: String,
    },
}

/// No schema has the name asked for.
///
/// Its [kind](SchemaErrorKind) says what; the path of the offending field sits beside it.
pub type SchemaError = Located<SchemaErrorKind>;

impl ErrorKind for SchemaErrorKind {
    fn code(&self) -> &'static str {
        match self {
            SchemaErrorKind::UnknownName { .. } => "schema.unknown_name",
        }
    }

    fn params(&self) -> Params {
        let mut p = Params::new();
        match self {
            SchemaErrorKind::UnknownName { name, .. } => {
                p.insert("name", name.clone());
                p.insert("known", NAMES.join(", "));
            }
        }
        p
    }
}

/// Whether a name's schema describes what the core reads or what it writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Input,
    Result,
}

/// One entry of the registry: its name, its side and how to generate it.
struct Entry {
    name: &'static str,
    side: Side,
    generate: fn(SchemaSettings) -> Schema,
}

/// The schema of `T` with `settings`.
fn of<T: JsonSchema>(settings: SchemaSettings) -> Schema {
    settings.into_generator().into_root_schema_for::<T>()
}

/// The partial rulebook: every schema inline, no key required where objects merge.
fn rulebook_overlay(settings: SchemaSettings) -> Schema {
    let mut schema = settings
        .with(|s| s.inline_subschemas = true)
        .into_generator()
        .into_root_schema_for::<Rulebook>();
    partial(schema.as_object_mut().map(|o| o as &mut _));
    schema.insert("title".into(), "RulebookOverlay".into());
    schema.insert(
        "description".into(),
        "A partial rulebook, merged into the default: an object merges one key at a time, \
         so no key is required; a list, or an entry of a map that the default lacks, is \
         given whole."
            .into(),
    );
    schema
}

/// Removes `required` from an object schema and from the objects it merges into (its
/// properties, its map values and its alternatives), but not from list items, which an
/// overlay gives whole.
fn partial(schema: Option<&mut serde_json::Map<String, Value>>) {
    let Some(schema) = schema else {
        return;
    };
    schema.remove("required");
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for property in properties.values_mut() {
            partial(property.as_object_mut());
        }
    }
    if let Some(values) = schema.get_mut("additionalProperties") {
        partial(values.as_object_mut());
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(Value::Array(alternatives)) = schema.get_mut(key) {
            for alternative in alternatives {
                partial(alternative.as_object_mut());
            }
        }
    }
}

/// Writes the registry once: [`ENTRIES`] and [`NAMES`] in the same order.
macro_rules! registry {
    ($($name:literal: $side:ident => $generate:expr,)+) => {
        /// Every schema of the registry, in the order of [`NAMES`].
        const ENTRIES: &[Entry] = &[$(Entry {
            name: $name,
            side: Side::$side,
            generate: $generate,
        }),+];

        /// Every schema name, inputs first (see the [module docs](self) for what each one
        /// is).
        pub const NAMES: &[&str] = &[$($name),+];
    };
}

registry! {
    "leave_request": Input => of::<forms::LeaveRequestForm>,
    "activity_plan": Input => of::<forms::ActivityPlanForm>,
    "expense": Input => of::<forms::ExpenseForm>,
    "recruitment_application": Input => of::<forms::RecruitmentApplicationForm>,
    "board_plan": Input => of::<forms::BoardPlanForm>,
    "leave_request_record": Input => of::<LeaveRequest>,
    "activity_plan_record": Input => of::<ActivityPlan>,
    "expense_record": Input => of::<Expense>,
    "recruitment_candidate": Input => of::<RecruitmentCandidate>,
    "term_data": Input => of::<TermData>,
    "member": Input => of::<Member>,
    "event": Input => of::<Event>,
    "mark_record": Input => of::<MarkRecord>,
    "school_calendar": Input => of::<SchoolCalendar>,
    "date_range": Input => of::<DateRange>,
    "ledger_operation": Input => of::<LedgerOperation>,
    "budget_ledger": Input => of::<BudgetLedger>,
    "activity_year": Input => of::<ActivityYearData>,
    "evaluation_input": Input => of::<EvaluationInput>,
    "recruitment_round": Input => of::<RecruitmentRound>,
    "standing": Input => of::<Standing>,
    "locale": Input => of::<Locale>,
    "rulebook": Input => of::<Rulebook>,
    "rulebook_overlay": Input => rulebook_overlay,
    "discipline_policy": Input => of::<DisciplinePolicy>,
    "sanction_decision": Input => of::<SanctionDecision>,
    "term_report": Result => of::<TermReport>,
    "standing_result": Result => of::<Standing>,
    "comparison": Result => of::<Comparison>,
    "ranking": Result => of::<Ranking>,
    "score_sheet": Result => of::<ScoreSheet>,
    "allocation": Result => of::<Allocation>,
    "team_check": Result => of::<TeamCheck>,
    "posting": Result => of::<Posting>,
    "budget_report": Result => of::<BudgetReport>,
    "budget_remaining": Result => of::<forms::BudgetRemaining>,
    "milestone_plan": Result => of::<MilestonePlan>,
    "replan": Result => of::<Replan>,
    "countdown": Result => of::<Countdown>,
    "lead_time_verdict": Result => of::<LeadTimeVerdict>,
    "meeting_occurrence": Result => of::<MeetingOccurrence>,
    "plan_validation": Result => of::<PlanValidation>,
    "activity_report": Result => of::<ActivityReport>,
    "activity_status": Result => of::<ActivityStatus>,
    "mark": Result => of::<Mark>,
    "issue": Result => of::<Issue>,
    "form_issue": Result => of::<forms::FormIssue>,
    "leave_request_result": Result => of::<forms::FormResult<LeaveRequest>>,
    "activity_plan_result": Result => of::<forms::FormResult<ActivityPlan>>,
    "expense_result": Result => of::<forms::FormResult<Expense>>,
    "recruitment_application_result": Result => of::<forms::FormResult<RecruitmentCandidate>>,
    "board_plan_result": Result => of::<forms::FormResult<LeadTimeVerdict>>,
}

/// The JSON Schema named `name` (one of [`NAMES`]), as a JSON value.
///
/// # Errors
///
/// `schema.unknown_name` at the path `name` when no schema has that name.
///
/// # Example
///
/// ```
/// use secretariat::{Diagnostic, schema::schema};
///
/// let round = schema("recruitment_round")?;
/// assert_eq!(round["type"], "object");
///
/// let err = schema("round").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("schema.unknown_name", "name"));
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn schema(name: &str) -> Result<Value, Error> {
    let entry = ENTRIES.iter().find(|e| e.name == name).ok_or_else(|| {
        SchemaErrorKind::UnknownName {
            name: name.to_owned(),
        }
        .at("name")
    })?;
    Ok((entry.generate)(settings(entry.side)).to_value())
}

/// The names of the fields that hold an exact decimal (money, scores, weights: written as
/// text such as `"12.50"`) anywhere in the registry's schemas, sorted: a field whose schema
/// is `format: decimal`, or a list, a map or an optional of them. A binding that gives its
/// language's decimal type (Python's `decimal.Decimal`) converts the text under these
/// names; they are read from the types, so a new decimal field needs no list kept by hand.
///
/// ```
/// let fields = secretariat::schema::decimal_fields();
/// assert!(fields.contains(&"amount") && fields.contains(&"remaining"));
/// assert!(!fields.contains(&"title"));
/// ```
pub fn decimal_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut names = std::collections::BTreeSet::new();
        for entry in ENTRIES {
            let schema = (entry.generate)(settings(entry.side)).to_value();
            let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
            collect_decimal_fields(&schema, &defs, &mut names);
        }
        // Leaked once: the set is fixed for the life of the program.
        names
            .into_iter()
            .map(|n| &*Box::leak(n.into_boxed_str()))
            .collect()
    })
}

/// Every property, at any depth of `node`, whose value is a decimal.
fn collect_decimal_fields(
    node: &Value,
    defs: &Value,
    names: &mut std::collections::BTreeSet<String>,
) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (name, property) in properties {
                    if holds_decimal(property, defs, 0) {
                        names.insert(name.clone());
                    }
                }
            }
            for value in map.values() {
                collect_decimal_fields(value, defs, names);
            }
        }
        Value::Array(items) => {
            for item in items {
                collect_decimal_fields(item, defs, names);
            }
        }
        _ => {}
    }
}

/// Whether a property's schema is a decimal, or a list, a map or a choice that holds one
/// (not an object with fields of its own: those fields are named themselves).
fn holds_decimal(schema: &Value, defs: &Value, depth: usize) -> bool {
    if depth > 8 {
        return false;
    }
    if schema.get("format").and_then(Value::as_str) == Some("decimal") {
        return true;
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let def = target
            .strip_prefix("#/$defs/")
            .and_then(|name| defs.get(name));
        return def
            .is_some_and(|d| d.get("properties").is_none() && holds_decimal(d, defs, depth + 1));
    }
    let branches = ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|k| schema.get(*k).and_then(Value::as_array))
        .flatten();
    let inner = ["items", "additionalProperties"]
        .iter()
        .filter_map(|k| schema.get(*k));
    branches
        .chain(inner)
        .any(|s| s.get("properties").is_none() && holds_decimal(s, defs, depth + 1))
}

/// The generator settings of a side: draft 2020-12, the contract of the side, and the
/// core's own formats.
fn settings(side: Side) -> SchemaSettings {
    let base = match side {
        Side::Input => SchemaSettings::draft2020_12().for_deserialize(),
        Side::Result => SchemaSettings::draft2020_12().for_serialize(),
    };
    let decimal = DecimalText::new(&base);
    base.with_transform(decimal)
        .with_transform(IntegerRange)
        .with_transform(PlainDescription)
}

/// The JSON Schema pattern of an exact decimal as the core writes it.
pub const DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// Turns schemars' decimal schema (a string or a number, for `rust_decimal`'s default
/// serde) into the core's: text only, `format: decimal`. It is found by schemars' own
/// pattern for `Decimal`, read from schemars under the same settings, so a new schemars
/// that writes another one is still matched.
#[derive(Clone)]
struct DecimalText {
    pattern: Value,
}

impl DecimalText {
    fn new(settings: &SchemaSettings) -> DecimalText {
        let schemars_form = settings
            .clone()
            .into_generator()
            .subschema_for::<rust_decimal::Decimal>();
        DecimalText {
            pattern: schemars_form.get("pattern").cloned().unwrap_or(Value::Null),
        }
    }
}

impl Transform for DecimalText {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        if self.pattern.is_null() || schema.get("pattern") != Some(&self.pattern) {
            return;
        }
        let nullable = match schema.get("type") {
            Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
            _ => false,
        };
        let ty = if nullable {
            serde_json::json!(["string", "null"])
        } else {
            Value::from("string")
        };
        schema.insert("type".into(), ty);
        schema.insert("format".into(), "decimal".into());
        schema.insert("pattern".into(), DECIMAL_PATTERN.into());
    }
}

/// Writes an integer's range (`format: uint32` and the like) as `minimum` and `maximum`,
/// which every validator checks, instead of a format ajv does not know.
#[derive(Clone)]
struct IntegerRange;

impl Transform for IntegerRange {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let range: (Value, Value) = match schema.get("format").and_then(Value::as_str) {
            Some("int8") => (i8::MIN.into(), i8::MAX.into()),
            Some("uint8") => (0.into(), u8::MAX.into()),
            Some("int16") => (i16::MIN.into(), i16::MAX.into()),
            Some("uint16") => (0.into(), u16::MAX.into()),
            Some("int32") => (i32::MIN.into(), i32::MAX.into()),
            Some("uint32") => (0.into(), u32::MAX.into()),
            Some("int64" | "int") => (i64::MIN.into(), i64::MAX.into()),
            Some("uint64" | "uint") => (0.into(), u64::MAX.into()),
            _ => return,
        };
        schema.remove("format");
        schema.insert("minimum".into(), range.0);
        schema.insert("maximum".into(), range.1);
    }
}

/// Writes a description's rustdoc links as plain code: `` [`LeaveRequest`] `` is
/// `` `LeaveRequest` ``, `[text](path)` is `text`.
#[derive(Clone)]
struct PlainDescription;

impl Transform for PlainDescription {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        for key in ["description", "title"] {
            if let Some(Value::String(text)) = schema.get(key) {
                let plain = plain_links(text);
                schema.insert(key.into(), plain.into());
            }
        }
    }
}

/// `` [`X`] `` becomes `` `X` ``, and a link `[text](target)` or `[text][target]` becomes
/// `text`; other brackets (`members[3]`) stay.
fn plain_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let link = from.find(']').and_then(|close| {
            let inner = from.get(1..close)?;
            let after = from.get(close + 1..)?;
            let target = match after.chars().next() {
                Some('(') => after.find(')'),
                Some('[') => after.find(']'),
                _ => None,
            };
            let code = inner.len() >= 2 && inner.starts_with('`') && inner.ends_with('`');
            match target {
                Some(end) => Some((inner, after.get(end + 1..)?)),
                None if code => Some((inner, after)),
                None => None,
            }
        });
        match link {
            Some((inner, after)) => {
                out.push_str(inner);
                rest = after;
            }
            None => {
                out.push('[');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    #[test]
    fn every_name_is_listed_once() {
        let unique: std::collections::BTreeSet<&str> = NAMES.iter().copied().collect();
        assert_eq!(unique.len(), NAMES.len());
        assert_eq!(ENTRIES.len(), NAMES.len());
    }

    #[test]
    fn every_schema_generates_as_draft_2020_12() {
        for name in NAMES {
            let s = schema(name).unwrap();
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{name}"
            );
        }
    }

    #[test]
    fn money_is_decimal_text_and_never_a_number() {
        let expense = schema("expense_record").unwrap();
        assert_eq!(
            expense["properties"]["amount"],
            serde_json::json!({
                "type": "string",
                "format": "decimal",
                "pattern": DECIMAL_PATTERN,
                "description": expense["properties"]["amount"]["description"],
            })
        );
        for name in NAMES {
            let text = schema(name).unwrap().to_string();
            assert!(!text.contains(r#""format":"uint32""#), "{name}");
            assert!(
                !text.contains(r"\\d+(\\.\\d+)?"),
                "{name}: schemars' decimal left"
            );
        }
    }

    #[test]
    fn a_result_decimal_is_the_same_text() {
        let report = schema("budget_report").unwrap();
        assert!(report.to_string().contains(r#""format":"decimal""#));
        assert!(!report.to_string().contains(r#""number""#));
    }

    #[test]
    fn the_overlay_requires_no_key_but_the_rulebook_does() {
        let full = schema("rulebook").unwrap();
        assert!(full["required"].as_array().is_some_and(|r| !r.is_empty()));
        let overlay = schema("rulebook_overlay").unwrap();
        assert!(overlay.get("required").is_none());
        assert!(
            overlay["properties"]["attendance"]
                .get("required")
                .is_none()
        );
        assert!(overlay.get("$defs").is_none());
    }

    #[test]
    fn rustdoc_links_read_as_plain_text() {
        assert_eq!(
            plain_links("see [`LeaveRequest`] and [this](x::y)."),
            "see `LeaveRequest` and this."
        );
        assert_eq!(plain_links("a [b][c] d"), "a b d");
        assert_eq!(
            plain_links("members[3].grade and [unclosed"),
            "members[3].grade and [unclosed"
        );
        assert_eq!(plain_links("no links"), "no links");
    }

    #[test]
    fn an_unknown_name_is_refused_in_both_languages() {
        let err = schema("nope").unwrap_err();
        assert_eq!(err.code(), "schema.unknown_name");
        assert_eq!(err.path(), "name");
        assert_eq!(err.message(Locale::En), "there is no schema named `nope`");
        assert_eq!(err.message(Locale::ZhHans), "没有名为“nope”的 JSON Schema");
        assert_eq!(err.params()["known"], NAMES.join(", "));
        assert_eq!(err.within("input").path(), "input.name");
    }
}

located!(SchemaErrorKind);

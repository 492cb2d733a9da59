//! Form operations of the vectors (issue #6: the browser forms' checks, in
//! [`secretariat::forms`]).
//!
//! - `form.leave_request`, `form.activity_plan`, `form.expense`,
//!   `form.recruitment_application`, `form.board_plan`: `{ context?, form, locale? }` checks
//!   the form on `today` and gives the [`secretariat::FormResult`] as JSON
//!   (`{"success": true, "data", "warnings"}` or `{"success": false, "issues": [{"code",
//!   "path": [segments], "message", "params"}], "warnings"}`), messages in `locale` (`en` by
//!   default, or `zh-Hans`).
//! - `form.member_standing`: `{ context?, member }` gives the member's standing.
//! - `form.event_countdown`: `{ context?, activity }` gives the planned activity's
//!   milestones and countdown.
//! - `form.budget_remaining`: `{ context?, activity? }` gives `{ cap, activity? }`.
//!
//! `context` is a term's data ([`TermData`]); without it, the bundled sample term.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use secretariat::activity::ActivityId;
use secretariat::forms::{
    self, ActivityPlanForm, BoardPlanForm, ExpenseForm, FormOutcome, LeaveRequestForm,
    RecruitmentApplicationForm,
};
use secretariat::{Error, Locale, MemberId, Rulebook, TermData};

use crate::{Outcome, field, from_input, to_value};

fn context(input: &Value) -> Result<TermData, Error> {
    match input.get("context") {
        None | Some(Value::Null) => Ok(TermData::sample()),
        Some(v) => from_input(v.clone()).map_err(|e: Error| e.within("context")),
    }
}

fn locale(input: &Value) -> Result<Locale, Error> {
    match input.get("locale") {
        None | Some(Value::Null) => Ok(Locale::En),
        Some(v) => from_input(v.clone()).map_err(|e: Error| e.within("locale")),
    }
}

/// Reads the context and the form, checks, and gives the result as JSON.
fn check<F, T>(
    input: &Value,
    check: impl FnOnce(&TermData, &F) -> FormOutcome<T>,
) -> Result<Value, Error>
where
    F: serde::de::DeserializeOwned,
    T: Serialize,
{
    let context = context(input)?;
    let form: F = from_input(field(input, "form")).map_err(|e: Error| e.within("form"))?;
    let locale = locale(input)?;
    Ok(to_value(&check(&context, &form).into_result(locale)))
}

fn text(input: &Value, key: &str) -> Option<String> {
    input.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// Runs a form operation. `Err` is a defect of the case itself (an unknown operation, no
/// `today`).
pub fn run(
    operation: &str,
    rulebook: &Rulebook,
    today: Option<NaiveDate>,
    input: Value,
) -> Result<Outcome, String> {
    let today = today.ok_or_else(|| format!("{operation} needs `today`"))?;
    let rb = rulebook;
    Ok(match operation {
        "form.leave_request" => check(&input, |c, f: &LeaveRequestForm| {
            forms::check_leave_request(rb, c, f, today)
        }),
        "form.activity_plan" => check(&input, |c, f: &ActivityPlanForm| {
            forms::check_activity_plan(rb, c, f, today)
        }),
        "form.expense" => check(&input, |c, f: &ExpenseForm| {
            forms::check_expense(rb, c, f, today)
        }),
        "form.recruitment_application" => check(&input, |c, f: &RecruitmentApplicationForm| {
            forms::check_recruitment_application(rb, c, f, today)
        }),
        "form.board_plan" => check(&input, |c, f: &BoardPlanForm| {
            forms::check_board_plan(rb, c, f, today)
        }),
        "form.member_standing" => context(&input).and_then(|c| {
            let member = MemberId(text(&input, "member").unwrap_or_default());
            forms::member_standing(rb, &c, &member, today).map(|s| to_value(&s))
        }),
        "form.event_countdown" => context(&input).and_then(|c| {
            let activity = text(&input, "activity").unwrap_or_default();
            forms::event_countdown(rb, &c, &activity, today).map(|s| to_value(&s))
        }),
        "form.budget_remaining" => context(&input).and_then(|c| {
            let activity = text(&input, "activity").map(ActivityId);
            forms::budget_remaining(rb, &c, activity.as_ref(), today).map(|b| to_value(&b))
        }),
        other => return Err(format!("unknown operation {other:?}")),
    })
}

//! Scheduling operations of the vectors (domain.md §5).

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use secretariat::calendar::SchoolCalendar;
use secretariat::{Error, Rulebook, schedule};

use crate::{Outcome, from_input, to_value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanInput {
    template: String,
    event_date: NaiveDate,
    #[serde(default)]
    new_event_date: Option<NaiveDate>,
    #[serde(default)]
    done: Vec<String>,
    #[serde(default)]
    calendar: Option<SchoolCalendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeadTimeInput {
    rule: String,
    anchor: NaiveDate,
    actual: NaiveDate,
    #[serde(default)]
    calendar: Option<SchoolCalendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkingDaysInput {
    calendar: SchoolCalendar,
    date: NaiveDate,
    days: i32,
}

/// Runs a scheduling operation; `None` when `operation` is not one of them.
pub fn run(
    operation: &str,
    rulebook: &Rulebook,
    today: Option<NaiveDate>,
    input: Value,
) -> Option<Outcome> {
    let policy = &rulebook.schedule;
    let missing_today = || -> Error {
        secretariat::InputErrorKind::Invalid {
            code: "input.invalid",
            detail: "this operation needs today".into(),
        }
        .at("today")
        .into()
    };
    Some(match operation {
        "schedule.plan" => from_input::<PlanInput>(input).and_then(|i| {
            let plan = policy.plan(&i.template, i.event_date, i.calendar.as_ref())?;
            Ok(to_value(&plan))
        }),
        "schedule.replan" => from_input::<PlanInput>(input).and_then(|i| {
            let today = today.ok_or_else(missing_today)?;
            let plan = policy.plan(&i.template, i.event_date, i.calendar.as_ref())?;
            let new_date = i.new_event_date.unwrap_or(i.event_date);
            let replan = schedule::replan(&plan, new_date, today, i.calendar.as_ref())?;
            Ok(to_value(&replan))
        }),
        "schedule.countdown" => from_input::<PlanInput>(input).and_then(|i| {
            let today = today.ok_or_else(missing_today)?;
            let plan = policy.plan(&i.template, i.event_date, i.calendar.as_ref())?;
            Ok(to_value(&schedule::countdown(&plan, &i.done, today)?))
        }),
        "schedule.lead_time" => from_input::<LeadTimeInput>(input).and_then(|i| {
            let verdict =
                policy.check_lead_time(&i.rule, i.anchor, i.actual, i.calendar.as_ref())?;
            Ok(to_value(&verdict))
        }),
        "schedule.meetings" => from_input::<SchoolCalendar>(input)
            .and_then(|calendar| Ok(to_value(&policy.regular_meetings(&calendar)?))),
        "calendar.add_working_days" => from_input::<WorkingDaysInput>(input)
            .and_then(|i| Ok(json!(i.calendar.add_working_days(i.date, i.days)?))),
        _ => return None,
    })
}

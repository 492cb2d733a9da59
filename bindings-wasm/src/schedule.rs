//! Scheduling: milestone plans backward from an event, re-planning, countdowns, lead times,
//! and working days (domain.md §5). The weekly regular meetings are a form page's (forms.rs).

use wasm_bindgen::prelude::*;

use secretariat::calendar::SchoolCalendar;
use secretariat::schedule::{self, MilestonePlan};

use crate::convert::{from_js, invalid, text, to_js};
use crate::options::{call, date};

/// The milestones of the rulebook's template `template` planned backward from `eventDate`
/// (calendar days, or working days on `options.calendar` when the rulebook counts them).
#[wasm_bindgen(js_name = planMilestones, unchecked_return_type = "MilestonePlan")]
pub fn plan_milestones(
    #[wasm_bindgen(unchecked_param_type = "string")] template: JsValue,
    #[wasm_bindgen(js_name = eventDate, unchecked_param_type = "string")] event_date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let template = text(&template, "template")?;
        let event_date = date(&event_date, "event_date")?;
        let calendar: Option<SchoolCalendar> = o.read_opt("calendar")?;
        let plan = o
            .rulebook()?
            .schedule
            .plan(&template, event_date, calendar.as_ref())?;
        to_js(&plan)
    })
}

/// A plan moved to `newEventDate` on `options.today`: which milestones are now in the past or
/// compressed.
#[wasm_bindgen(js_name = replan, unchecked_return_type = "Replan")]
pub fn replan(
    #[wasm_bindgen(unchecked_param_type = "MilestonePlan")] plan: JsValue,
    #[wasm_bindgen(js_name = newEventDate, unchecked_param_type = "string")]
    new_event_date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CalendarOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let plan: MilestonePlan = from_js(&plan, "")?;
        let new_date = date(&new_event_date, "new_event_date")?;
        let calendar: Option<SchoolCalendar> = o.read_opt("calendar")?;
        to_js(&schedule::replan(
            &plan,
            new_date,
            o.today()?,
            calendar.as_ref(),
        )?)
    })
}

/// Where each milestone of a plan stands on `options.today`, given the ids of those `done`:
/// status, days remaining, and the next action.
#[wasm_bindgen(js_name = countdown, unchecked_return_type = "Countdown")]
pub fn countdown(
    #[wasm_bindgen(unchecked_param_type = "MilestonePlan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] done: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let plan: MilestonePlan = from_js(&plan, "")?;
        let done: Vec<String> = if done.is_undefined() || done.is_null() {
            Vec::new()
        } else {
            from_js(&done, "done")?
        };
        to_js(&schedule::countdown(&plan, &done, o.today()?)?)
    })
}

/// Judges a submission on `actual` against the rulebook's lead-time rule `rule` for an event
/// or notice on `anchor` (e.g. `"board_plan"`: 5 to 7 days before the issue).
#[wasm_bindgen(js_name = checkLeadTime, unchecked_return_type = "LeadTimeVerdict")]
pub fn check_lead_time(
    #[wasm_bindgen(unchecked_param_type = "string")] rule: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] anchor: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] actual: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |o| {
        let rule = text(&rule, "rule")?;
        let anchor = date(&anchor, "anchor")?;
        let actual = date(&actual, "actual")?;
        let calendar: Option<SchoolCalendar> = o.read_opt("calendar")?;
        let verdict =
            o.rulebook()?
                .schedule
                .check_lead_time(&rule, anchor, actual, calendar.as_ref())?;
        to_js(&verdict)
    })
}

/// The day `days` working days after (or, negative, before) `date` on a school calendar.
#[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "string")]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "SchoolCalendar")] calendar: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] day: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "BaseOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    call(options, |_| {
        let calendar: SchoolCalendar = from_js(&calendar, "calendar")?;
        let day = date(&day, "date")?;
        let days = days
            .as_f64()
            .filter(|n| n.fract() == 0.0 && n.abs() <= f64::from(i32::MAX))
            .ok_or_else(|| invalid("days", "a whole number of days"))?;
        to_js(&calendar.add_working_days(day, days as i32)?)
    })
}

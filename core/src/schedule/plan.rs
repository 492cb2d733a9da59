//! Planning backward from an event date, and replanning when the tentative date moves
//! (seed 000, plan I.4: "a preliminary schedule (subject to the final meeting time)").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{DateRange, SchoolCalendar};
use crate::diagnostic::Diagnostic;
use crate::members::Role;
use crate::rule::{RuleRef, RulebookErrorKind};

use super::day_count::calendar_days;
use super::{DayCount, DayCounter, MilestoneTemplate, ScheduleError, ScheduleErrorKind, check_id};

/// A template laid out on the calendar for one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestonePlan {
    /// Identifies the event in exports (iCalendar UIDs). [`plan`] sets
    /// `<template id>-<event date>`; set your own stable id to keep UIDs when the date
    /// moves ([`replan`] keeps it).
    pub event_id: String,
    /// The template's id in the rulebook.
    pub template_id: String,
    /// The activity's name.
    pub title: String,
    /// The event's (tentative) date.
    pub event_date: NaiveDate,
    /// How the offsets were counted.
    pub day_count: DayCount,
    /// The template's rulebook key and article.
    pub rule: RuleRef,
    /// The milestones, in the template's order.
    pub milestones: Vec<PlannedMilestone>,
}

/// One milestone of a plan, with its window of dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedMilestone {
    /// The template milestone's id.
    pub id: String,
    /// What is done.
    pub title: String,
    /// Who takes part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// The template's comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A role that must approve the result before the work goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Role>,
    /// The template's offset of the window's first day (days before the event).
    pub earliest_days_before: i32,
    /// The template's offset of the window's last day (days before the event).
    pub latest_days_before: i32,
    /// The dates of the window, both inclusive. The last day is the due date.
    pub window: DateRange,
    /// The milestone's rulebook key (`schedule.templates.<id>.milestones[<i>]`) and article.
    pub rule: RuleRef,
}

/// Plans `template` backward from `event_date`, counting offsets as `day_count` says.
///
/// `template_id` is the template's key in the rulebook; the plan's rule is
/// `schedule.templates.<template_id>` with the template's article. For many plans, build a
/// [`DayCounter`] once and call [`plan_with`].
///
/// # Errors
///
/// `schedule.calendar_required` for working days without a calendar;
/// `calendar.invalid_period` for a malformed calendar; `schedule.invalid_template` for a
/// template the rulebook would refuse; `calendar.date_out_of_range` (path `event_date`)
/// when a window falls outside the supported dates.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::Rulebook;
/// use secretariat::schedule::{DayCount, plan};
///
/// let rulebook = Rulebook::default();
/// let template = &rulebook.schedule.templates["welcome_party"];
/// let party = NaiveDate::from_ymd_opt(2026, 10, 24).unwrap();
/// let plan = plan("welcome_party", template, party, None, DayCount::Calendar)?;
/// let first = &plan.milestones[0];
/// assert_eq!(first.window.start, NaiveDate::from_ymd_opt(2026, 9, 19).unwrap());
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn plan(
    template_id: &str,
    template: &MilestoneTemplate,
    event_date: NaiveDate,
    calendar: Option<&SchoolCalendar>,
    day_count: DayCount,
) -> Result<MilestonePlan, ScheduleError> {
    let counter = DayCounter::new(day_count, calendar)?;
    plan_with(template_id, template, event_date, &counter)
}

/// As [`plan`], with days counted by a prepared counter.
///
/// # Errors
///
/// As [`plan`].
pub fn plan_with(
    template_id: &str,
    template: &MilestoneTemplate,
    event_date: NaiveDate,
    counter: &DayCounter,
) -> Result<MilestonePlan, ScheduleError> {
    check_id("template_id", template_id)
        .and_then(|()| template.validate("template"))
        .map_err(|e| {
            // The rulebook's own rule, or the code of its error, with the same parameters.
            let path = e.segments().to_vec();
            let (code, params) = (e.code(), e.params());
            let kind = match e.into_kind() {
                RulebookErrorKind::Inconsistent { expected, details } => {
                    ScheduleErrorKind::InvalidTemplate { expected, details }
                }
                _ => ScheduleErrorKind::InvalidTemplate {
                    expected: code,
                    details: params,
                },
            };
            kind.at(path)
        })?;
    let key = format!("schedule.templates.{template_id}");
    let milestones = template
        .milestones
        .iter()
        .enumerate()
        .map(|(i, m)| {
            Ok(PlannedMilestone {
                id: m.id.clone(),
                title: m.title.clone(),
                participants: m.participants.clone(),
                note: m.note.clone(),
                approval: m.approval,
                earliest_days_before: m.earliest_days_before,
                latest_days_before: m.latest_days_before,
                window: window(
                    counter,
                    event_date,
                    m.earliest_days_before,
                    m.latest_days_before,
                )?,
                rule: RuleRef::new(format!("{key}.milestones[{i}]"), template.article.clone()),
            })
        })
        .collect::<Result<Vec<_>, ScheduleError>>()?;
    Ok(MilestonePlan {
        event_id: format!("{template_id}-{event_date}"),
        template_id: template_id.to_owned(),
        title: template.title.clone(),
        event_date,
        day_count: counter.day_count(),
        rule: RuleRef::new(key, template.article.clone()),
        milestones,
    })
}

/// The window of a milestone `earliest..latest` days before `event_date`.
fn window(
    counter: &DayCounter,
    event_date: NaiveDate,
    earliest_days_before: i32,
    latest_days_before: i32,
) -> Result<DateRange, ScheduleError> {
    let start = counter.shift(event_date, -i64::from(earliest_days_before));
    let end = counter.shift(event_date, -i64::from(latest_days_before));
    match (start, end) {
        (Ok(start), Ok(end)) => Ok(DateRange::new(start, end)),
        (Err(e), _) | (_, Err(e)) => Err(e.at("event_date")),
    }
}

/// Where a replanned milestone stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReplanTiming {
    /// The whole window is today or later.
    Ahead,
    /// The window has begun: it opened before today and closes today or later.
    Compressed,
    /// The window closed before today.
    Past,
}

impl ReplanTiming {
    /// Where `window` stands against `today`.
    pub fn of(window: DateRange, today: NaiveDate) -> ReplanTiming {
        if window.end < today {
            ReplanTiming::Past
        } else if window.start < today {
            ReplanTiming::Compressed
        } else {
            ReplanTiming::Ahead
        }
    }
}

/// How one milestone moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestoneShift {
    /// The milestone's id.
    pub id: String,
    /// The window before the move.
    pub old_window: DateRange,
    /// The window after the move.
    pub new_window: DateRange,
    /// Calendar days the window's last day moved (negative: earlier). In calendar-day
    /// counting every milestone moves as far as the event; in working days it may differ.
    pub shift_days: i64,
    /// Where the new window stands against today.
    pub timing: ReplanTiming,
}

/// A plan moved to a new event date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Replan {
    /// The plan at the new date (same event id).
    pub plan: MilestonePlan,
    /// The date the timings are judged against.
    pub today: NaiveDate,
    /// Calendar days the event moved (negative: earlier).
    pub event_shift_days: i64,
    /// Each milestone's move, in the plan's order.
    pub milestones: Vec<MilestoneShift>,
    /// Ids of the milestones whose new window closed before today.
    pub past: Vec<String>,
    /// Ids of the milestones whose new window has already begun.
    pub compressed: Vec<String>,
}

/// Moves `plan` to `new_event_date`, counting days as the plan did, and says which
/// milestones are now in the past or compressed against `today`.
///
/// # Errors
///
/// As [`plan`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::schedule::{SchedulePolicy, replan};
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let policy = SchedulePolicy::default();
/// let plan = policy.plan("welcome_party", d(10, 24), None)?;
/// // The final meeting moves the party a week earlier; it is now 19 September.
/// let moved = replan(&plan, d(10, 17), d(9, 19), None)?;
/// assert_eq!(moved.event_shift_days, -7);
/// assert_eq!(moved.past, ["select_people"]);
/// assert!(moved.compressed.is_empty());
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn replan(
    plan: &MilestonePlan,
    new_event_date: NaiveDate,
    today: NaiveDate,
    calendar: Option<&SchoolCalendar>,
) -> Result<Replan, ScheduleError> {
    let counter = DayCounter::new(plan.day_count, calendar)?;
    replan_with(plan, new_event_date, today, &counter)
}

/// As [`replan`], with days counted by a prepared counter (the new plan records the
/// counter's day count).
///
/// # Errors
///
/// As [`plan`].
pub fn replan_with(
    plan: &MilestonePlan,
    new_event_date: NaiveDate,
    today: NaiveDate,
    counter: &DayCounter,
) -> Result<Replan, ScheduleError> {
    let mut moved = plan.clone();
    moved.event_date = new_event_date;
    moved.day_count = counter.day_count();
    let mut shifts = Vec::with_capacity(plan.milestones.len());
    for milestone in &mut moved.milestones {
        let old_window = milestone.window;
        milestone.window = window(
            counter,
            new_event_date,
            milestone.earliest_days_before,
            milestone.latest_days_before,
        )?;
        shifts.push(MilestoneShift {
            id: milestone.id.clone(),
            old_window,
            new_window: milestone.window,
            shift_days: calendar_days(old_window.end, milestone.window.end),
            timing: ReplanTiming::of(milestone.window, today),
        });
    }
    let ids_with = |timing: ReplanTiming| -> Vec<String> {
        shifts
            .iter()
            .filter(|s| s.timing == timing)
            .map(|s| s.id.clone())
            .collect()
    };
    Ok(Replan {
        past: ids_with(ReplanTiming::Past),
        compressed: ids_with(ReplanTiming::Compressed),
        event_shift_days: calendar_days(plan.event_date, new_event_date),
        today,
        plan: moved,
        milestones: shifts,
    })
}

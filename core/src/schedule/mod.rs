//! Scheduling countdowns (domain.md §5; seed 000, the welcome-party table and the lead
//! times).
//!
//! - **Templates** ([`MilestoneTemplate`]) list the steps of an activity as windows of days
//!   before its date; [`plan`] lays one out for an event date, [`replan`] moves it when the
//!   tentative date moves and says which milestones are now past or compressed.
//! - **Countdowns** ([`countdown`], [`countdowns`] for many events) give each milestone's
//!   status today, the days remaining and the next action.
//! - **Lead-time rules** ([`LeadTimeRule`]) judge whether something was done on time,
//!   early or late against an anchor date.
//! - **Regular meetings** ([`regular_meetings`]) recur weekly inside the term, skipping
//!   holidays and vacations.
//! - **iCalendar** ([`to_icalendar`]) exports plans and meetings.
//!
//! Days are calendar days, or working days of a school calendar ([`DayCount`],
//! [`DayCounter`]). Every number comes from the rulebook's `schedule` table; today is always
//! an argument.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::SchoolCalendar;
use crate::diagnostic::join_path;
use crate::rule::{RuleRef, RulebookError, RulebookErrorKind};
use crate::rulebook::Rulebook;

mod countdown;
mod day_count;
mod error;
mod ical;
mod lead_time;
mod meeting;
mod plan;
mod template;
#[cfg(test)]
mod tests;

pub use countdown::{
    Countdown, CountdownSummary, EventProgress, MilestoneCountdown, MilestoneStatus, countdown,
    countdowns,
};
pub use day_count::{DayCount, DayCounter};
pub use error::{ScheduleError, ScheduleErrorKind};
pub use ical::to_icalendar;
pub use lead_time::{
    LeadTimeOutcome, LeadTimeRule, LeadTimeVerdict, LeadTimeWindow, MAX_LEAD_DAYS,
};
pub use meeting::{MeetingOccurrence, RegularMeetingPolicy, regular_meetings};
pub use plan::{
    MilestonePlan, MilestoneShift, PlannedMilestone, Replan, ReplanTiming, plan, plan_with, replan,
    replan_with,
};
pub use template::{MAX_OFFSET_DAYS, MilestoneTemplate, TemplateMilestone};

/// Scheduling policy of the rulebook (key `schedule`; domain.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchedulePolicy {
    /// How offsets and lead times count days.
    pub day_count: DayCount,
    /// Milestone templates by stable id (default: `welcome_party`).
    pub templates: BTreeMap<String, MilestoneTemplate>,
    /// Lead-time rules by stable id (default: `board_plan`, `plan_after_notice`,
    /// `challenge_cup_setup`, `recruitment`).
    pub lead_times: BTreeMap<String, LeadTimeRule>,
    /// The weekly regular meeting.
    pub regular_meeting: RegularMeetingPolicy,
}

impl Default for SchedulePolicy {
    /// The `schedule` table of the embedded default rulebook.
    fn default() -> SchedulePolicy {
        Rulebook::default().schedule
    }
}

impl SchedulePolicy {
    /// Checks the ranges and the consistency of the policy's values.
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` or `rulebook.inconsistent` with the path of the value, e.g.
    /// `schedule.templates.welcome_party.milestones[5].earliest_days_before`.
    pub fn validate(&self, path: &str) -> Result<(), RulebookError> {
        let templates = join_path(path, "templates");
        for (id, template) in &self.templates {
            let at = join_path(&templates, id);
            check_id(&at, id)?;
            template.validate(&at)?;
        }
        let lead_times = join_path(path, "lead_times");
        for (id, rule) in &self.lead_times {
            let at = join_path(&lead_times, id);
            check_id(&at, id)?;
            rule.validate(&at)?;
        }
        self.regular_meeting
            .validate(&join_path(path, "regular_meeting"))
    }

    /// A milestone template by id.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_template` (path `template_id`).
    pub fn template(&self, id: &str) -> Result<&MilestoneTemplate, ScheduleError> {
        self.templates.get(id).ok_or_else(|| {
            ScheduleErrorKind::UnknownTemplate { id: id.to_owned() }.at("template_id")
        })
    }

    /// A lead-time rule by id.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_lead_time` (path `lead_time_id`).
    pub fn lead_time(&self, id: &str) -> Result<&LeadTimeRule, ScheduleError> {
        self.lead_times.get(id).ok_or_else(|| {
            ScheduleErrorKind::UnknownLeadTime { id: id.to_owned() }.at("lead_time_id")
        })
    }

    /// The rule reference of a lead-time rule: `schedule.lead_times.<id>` and its article.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_lead_time`.
    pub fn lead_time_rule(&self, id: &str) -> Result<RuleRef, ScheduleError> {
        let rule = self.lead_time(id)?;
        Ok(RuleRef::new(
            format!("schedule.lead_times.{id}"),
            rule.article.clone(),
        ))
    }

    /// The day counter of this policy's `day_count` on `calendar` (needed for working
    /// days). Build it once for many plans or checks.
    ///
    /// # Errors
    ///
    /// As [`DayCounter::new`].
    pub fn day_counter(
        &self,
        calendar: Option<&SchoolCalendar>,
    ) -> Result<DayCounter, ScheduleError> {
        DayCounter::new(self.day_count, calendar)
    }

    /// Plans the template `template_id` for an event on `event_date`, counting days as the
    /// policy says.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_template`, then as [`plan`].
    pub fn plan(
        &self,
        template_id: &str,
        event_date: NaiveDate,
        calendar: Option<&SchoolCalendar>,
    ) -> Result<MilestonePlan, ScheduleError> {
        let template = self.template(template_id)?;
        plan(template_id, template, event_date, calendar, self.day_count)
    }

    /// Judges `actual` against the lead-time rule `id` for `anchor`, counting days as the
    /// policy says.
    ///
    /// # Errors
    ///
    /// `schedule.unknown_lead_time`, then as [`DayCounter::new`] and
    /// [`LeadTimeRule::check`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use secretariat::schedule::{LeadTimeOutcome, SchedulePolicy};
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let policy = SchedulePolicy::default();
    /// // The board issues on 20 October; the plan is due 5 to 7 days before.
    /// let verdict = policy.check_lead_time("board_plan", d(10, 20), d(10, 17), None)?;
    /// assert_eq!(verdict.outcome, LeadTimeOutcome::Late);
    /// assert_eq!(verdict.days_outside, 2); // due by 15 October
    /// assert_eq!(verdict.rule.key, "schedule.lead_times.board_plan");
    /// # Ok::<(), secretariat::Error>(())
    /// ```
    pub fn check_lead_time(
        &self,
        id: &str,
        anchor: NaiveDate,
        actual: NaiveDate,
        calendar: Option<&SchoolCalendar>,
    ) -> Result<LeadTimeVerdict, ScheduleError> {
        self.lead_time(id)?;
        let counter = self.day_counter(calendar)?;
        self.check_lead_time_with(id, anchor, actual, &counter)
    }

    /// As [`SchedulePolicy::check_lead_time`], with a prepared day counter.
    ///
    /// # Errors
    ///
    /// As [`SchedulePolicy::check_lead_time`].
    pub fn check_lead_time_with(
        &self,
        id: &str,
        anchor: NaiveDate,
        actual: NaiveDate,
        counter: &DayCounter,
    ) -> Result<LeadTimeVerdict, ScheduleError> {
        let rule = self.lead_time(id)?;
        rule.check(self.lead_time_rule(id)?, anchor, actual, counter)
    }

    /// The weekly regular meetings of `calendar`'s term (see [`regular_meetings`]).
    ///
    /// # Errors
    ///
    /// As [`regular_meetings`].
    pub fn regular_meetings(
        &self,
        calendar: &SchoolCalendar,
    ) -> Result<Vec<MeetingOccurrence>, ScheduleError> {
        regular_meetings(calendar, &self.regular_meeting)
    }
}

pub(crate) use crate::ids::{MAX_ID_LEN, is_valid_id};

/// Refuses an id that is not [valid](is_valid_id).
pub(crate) fn check_id(path: &str, id: &str) -> Result<(), RulebookError> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(invalid_id(path.to_owned(), id))
    }
}

/// The refusal of an invalid id.
pub(crate) fn invalid_id(path: String, id: &str) -> RulebookError {
    RulebookErrorKind::inconsistent(
        "schedule_id",
        [("id", id.to_string()), ("max_len", MAX_ID_LEN.to_string())],
    )
    .at(path)
}

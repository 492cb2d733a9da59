//! Weekly regular meetings (seed 000, discipline §5: "Hold a regular meeting every week to
//! summarize the work, assign tasks and train personnel").

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

use crate::calendar::SchoolCalendar;
use crate::rule::{RuleRef, RulebookError, check_range};

use super::{ScheduleError, ScheduleErrorKind};

/// When the weekly regular meeting is held (rulebook key `schedule.regular_meeting`).
///
/// The seeds say "every week" but not which day: the default is Wednesday at 19:00 for
/// 60 minutes, a mid-week evening clear of classes and of weekend trips home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RegularMeetingPolicy {
    /// The day of the week (`"Wed"` or `"wednesday"`; written back as `"Wed"`).
    pub weekday: Weekday,
    /// The local start time (`"19:00"`).
    pub start: NaiveTime,
    /// How long the meeting lasts, in minutes.
    pub duration_minutes: u32,
}

impl RegularMeetingPolicy {
    /// The rule behind regular meetings.
    pub fn rule() -> RuleRef {
        RuleRef::new("schedule.regular_meeting", "seed 000, discipline §5")
    }

    /// Checks the duration (1 minute to 24 hours).
    ///
    /// # Errors
    ///
    /// `rulebook.out_of_range` with the path `<path>.duration_minutes`.
    pub fn validate(&self, path: &str) -> Result<(), RulebookError> {
        check_range(path, "duration_minutes", self.duration_minutes, 1, 24 * 60)
    }
}

/// One regular meeting on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingOccurrence {
    /// Stable id: `regular-meeting-YYYY-MM-DD`.
    pub id: String,
    /// The meeting's date.
    pub date: NaiveDate,
    /// Local start.
    pub start: NaiveDateTime,
    /// Local end.
    pub end: NaiveDateTime,
    /// The rule behind it.
    pub rule: RuleRef,
}

/// The weekly regular meetings of the term: every configured weekday from the term's first
/// day to its last, except days in a holiday or a vacation.
///
/// # Errors
///
/// `calendar.invalid_period` for a malformed calendar; `schedule.date_out_of_range` for a
/// meeting whose end falls beyond the supported dates.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use secretariat::calendar::{DateRange, Period, SchoolCalendar};
/// use secretariat::schedule::{SchedulePolicy, regular_meetings};
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let mut calendar = SchoolCalendar::new(DateRange::new(d(9, 1), d(10, 31)));
/// calendar.holidays.push(Period::new("National Day", d(10, 1), d(10, 7)));
/// let meetings = regular_meetings(&calendar, &SchedulePolicy::default().regular_meeting)?;
/// assert_eq!(meetings[0].id, "regular-meeting-2026-09-02");
/// assert_eq!(meetings[0].start.to_string(), "2026-09-02 19:00:00");
/// assert!(meetings.iter().all(|m| m.date != d(10, 7))); // a Wednesday of the holiday
/// assert_eq!(meetings.len(), 8);
/// # Ok::<(), secretariat::Error>(())
/// ```
pub fn regular_meetings(
    calendar: &SchoolCalendar,
    policy: &RegularMeetingPolicy,
) -> Result<Vec<MeetingOccurrence>, ScheduleError> {
    calendar.validate()?;
    let duration = TimeDelta::try_minutes(i64::from(policy.duration_minutes)).unwrap_or_default();
    let index = calendar.working_day_index();
    let rule = RegularMeetingPolicy::rule();
    let term = calendar.term;
    let ahead = (7 + policy.weekday.num_days_from_monday()
        - term.start.weekday().num_days_from_monday())
        % 7;
    let mut next = term.start.checked_add_days(Days::new(u64::from(ahead)));
    let mut meetings = Vec::new();
    while let Some(date) = next.filter(|d| *d <= term.end) {
        if !index.is_holiday_or_vacation(date) {
            let start = date.and_time(policy.start);
            let end = start
                .checked_add_signed(duration)
                .ok_or_else(|| ScheduleErrorKind::DateOutOfRange { date, days: 1 }.at("term"))?;
            meetings.push(MeetingOccurrence {
                id: format!("regular-meeting-{date}"),
                date,
                start,
                end,
                rule: rule.clone(),
            });
        }
        next = date.checked_add_days(Days::new(7));
    }
    Ok(meetings)
}

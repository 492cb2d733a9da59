//! Counting days: calendar days, or working days of a school calendar (domain.md §5, "Days
//! are calendar days by default, or working days on a school calendar").

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarErrorKind, SchoolCalendar, WorkingDayIndex};

use super::{ScheduleError, ScheduleErrorKind};

/// How offsets and lead times count days (rulebook key `schedule.day_count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Every day counts (the default).
    #[default]
    Calendar,
    /// Only working days of the school calendar count: weekends, holidays and vacations
    /// are off, make-up working days are on. Every offset counts working days: a
    /// milestone 35 days before the event is 35 working days (about seven weeks) before.
    Working,
}

/// A way of counting days, ready to use: plain calendar days, or the working days of a
/// prepared school calendar. Build it once and reuse it for many plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayCounter {
    /// Calendar days.
    Calendar,
    /// Working days of the calendar.
    Working(WorkingDayIndex),
}

impl DayCounter {
    /// The counter for `day_count`. A calendar is needed for working days and ignored for
    /// calendar days.
    ///
    /// # Errors
    ///
    /// `schedule.calendar_required` (path `calendar`) for working days without a calendar;
    /// `calendar.invalid_period` for a calendar period that ends before it starts.
    pub fn new(
        day_count: DayCount,
        calendar: Option<&SchoolCalendar>,
    ) -> Result<DayCounter, ScheduleError> {
        match (day_count, calendar) {
            (DayCount::Calendar, _) => Ok(DayCounter::Calendar),
            (DayCount::Working, None) => Err(ScheduleErrorKind::CalendarRequired.at("calendar")),
            (DayCount::Working, Some(calendar)) => {
                calendar
                    .validate()
                    .map_err(|e| ScheduleError::from(e.within("calendar")))?;
                Ok(DayCounter::Working(calendar.working_day_index()))
            }
        }
    }

    /// How this counter counts.
    pub fn day_count(&self) -> DayCount {
        match self {
            DayCounter::Calendar => DayCount::Calendar,
            DayCounter::Working(_) => DayCount::Working,
        }
    }

    /// Whether `date` counts: every day for calendar days, working days otherwise.
    pub fn counts(&self, date: NaiveDate) -> bool {
        match self {
            DayCounter::Calendar => true,
            DayCounter::Working(index) => index.is_working_day(date),
        }
    }

    /// `date` moved by `days` counted days: later for a positive count, earlier for a
    /// negative one. In working days, the `days`-th working day after (before) `date`.
    ///
    /// # Errors
    ///
    /// `calendar.date_out_of_range` beyond the dates chrono supports;
    /// `calendar.no_working_day` when a calendar has no working day that far.
    pub fn shift(&self, date: NaiveDate, days: i64) -> Result<NaiveDate, ScheduleError> {
        match self {
            DayCounter::Calendar => {
                let moved = if days >= 0 {
                    date.checked_add_days(Days::new(days.unsigned_abs()))
                } else {
                    date.checked_sub_days(Days::new(days.unsigned_abs()))
                };
                moved.ok_or_else(|| {
                    ScheduleError::from(CalendarErrorKind::DateOutOfRange { date, days }.at("date"))
                })
            }
            DayCounter::Working(index) => Ok(index.shift(date, days)?),
        }
    }

    /// Counted days in `from..to` (`from` counted, `to` not); negative when `to` is before
    /// `from`. For calendar days, simply `to - from`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        match self {
            DayCounter::Calendar => calendar_days(from, to),
            DayCounter::Working(index) => index.working_days_between(from, to),
        }
    }
}

/// Calendar days from `from` to `to` (negative when `to` is earlier).
pub(crate) fn calendar_days(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}
